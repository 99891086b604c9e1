// Start-up: language, screens, the first screen to show, dropped files.

import { call, on } from "./bridge.js";
import { apply, lang, load } from "./i18n.js";
import { $, clearStatusesNotIn } from "./dom.js";
import * as nav from "./nav.js";
import * as profile from "./profile.js";
import * as key from "./key.js";
import * as sign from "./sign.js";
import * as validate from "./validate.js";
import * as settings from "./settings.js";
import * as server from "./server.js";
import * as seal from "./seal.js";

// A desktop notification (tauri-plugin-notification) when an application's status changes.
async function notify(title, body) {
  try {
    let granted = await call("plugin:notification|is_permission_granted");
    if (!granted) granted = (await call("plugin:notification|request_permission")) === "granted";
    if (granted) await call("plugin:notification|notify", { options: { title, body } });
  } catch (e) {
    console.warn("notification", e);
  }
}

async function refreshStatus() {
  const status = await call("app_status");
  nav.setStatus(status);
  document.querySelectorAll(".lang-switch button").forEach((b) =>
    b.classList.toggle("active", b.dataset.lang === status.lang));
  return status;
}

async function languageChanged(saved) {
  if (saved.lang !== lang()) {
    await load(saved.lang);
    apply();
    clearStatusesNotIn(saved.lang);
  }
  await refreshStatus();
  await nav.go(nav.current(), nav.serverEntry());
}

function firstScreen(status) {
  if (!status.has_profile) return "profile";
  if (!status.has_key) return "key";
  return status.has_certificate ? "sign" : "key";
}

async function boot() {
  const status = await call("app_status");
  await load(status.lang);
  apply();
  $("app-version").textContent = status.version;
  nav.init();
  profile.init(async () => {
    const s = await refreshStatus();
    if (!s.has_key) await nav.go("key");
  });
  key.init(async () => {
    await refreshStatus();
    await nav.go("key");
  });
  sign.init();
  validate.init();
  settings.init(languageChanged);
  server.init(notify, refreshStatus);
  seal.init(refreshStatus);
  document.querySelectorAll(".lang-switch button").forEach((b) =>
    b.addEventListener("click", () => settings.saveLanguage(b.dataset.lang)));
  on("tauri://drag-drop", (payload) => {
    const paths = (payload && payload.paths) || [];
    if (nav.current() === "validate") validate.validateDropped(paths);
    else {
      nav.go("sign");
      sign.addFiles(paths);
    }
  });
  await refreshStatus();
  await nav.go(firstScreen(status));
  document.body.dataset.ready = "true";
  call("app_ready");
}

boot();
