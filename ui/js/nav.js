// Navigation between screens; the server-connected entries stay marked off until a server
// address is set.

import { t } from "./i18n.js";
import { $ } from "./dom.js";

const screens = {};
let currentScreen = null;
let currentServerEntry = null;
let appStatus = null;

// Each screen registers what to do when it is shown (and when the language changes).
export function register(name, { enter }) {
  screens[name] = { enter };
}

export function setStatus(status) {
  appStatus = status;
  document.querySelectorAll(".server-entry").forEach((b) => {
    b.classList.toggle("off", !status.server_configured);
    b.setAttribute("aria-disabled", String(!status.server_configured));
    b.title = status.server_configured ? "" : t("server.not_configured_short");
  });
}

export function status() {
  return appStatus;
}

export function current() {
  return currentScreen;
}

export function serverEntry() {
  return currentServerEntry;
}

export async function go(name, serverEntryName = null) {
  currentScreen = name;
  currentServerEntry = serverEntryName;
  document.querySelectorAll(".screen").forEach((s) => s.classList.toggle("active", s.id === `screen-${name}`));
  document.querySelectorAll(".nav-item").forEach((b) => {
    const same = b.dataset.screen === name && (b.dataset.server || null) === serverEntryName;
    b.classList.toggle("active", same);
  });
  $("screen-title").textContent = t($(`screen-${name}`).dataset.title);
  // Each screen starts at its top, whatever the last one was scrolled to.
  document.querySelector(".content").scrollTop = 0;
  document.body.dataset.screen = name;
  if (screens[name]) await screens[name].enter();
}

export function init() {
  document.querySelectorAll(".nav-item").forEach((b) => {
    b.addEventListener("click", () => go(b.dataset.screen, b.dataset.server || null));
  });
}
