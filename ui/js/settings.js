// The Settings screen: language, server and timestamp server addresses, trust anchors.

import { call, chooseFiles } from "./bridge.js";
import { t } from "./i18n.js";
import { $, el, error, status } from "./dom.js";
import { register, status as appStatus } from "./nav.js";

let onChanged = async () => {};

async function save(event) {
  event.preventDefault();
  const out = $("settings-status");
  try {
    const saved = await call("settings_save", {
      settings: {
        lang: $("settings-lang").value,
        server_url: $("settings-server").value,
        tsa_url: $("settings-tsa").value,
      },
    });
    await onChanged(saved);
    status($("settings-status"), t("settings.saved"), "ok");
  } catch (e) {
    error(out, e);
  }
}

// Saves only the language (the switch in the top bar).
export async function saveLanguage(lang) {
  const current = await call("settings_get");
  const saved = await call("settings_save", { settings: { ...current, lang } });
  await onChanged(saved);
}

async function renderAnchors() {
  const anchors = await call("trust_list");
  const list = $("settings-anchors");
  if (!anchors.length) {
    list.replaceChildren(el("li", { class: "muted" }, t("settings.trust_none")));
    return;
  }
  list.replaceChildren(
    ...anchors.map((a) => {
      const remove = el("button", { type: "button", className: "link" }, t("common.remove"));
      remove.addEventListener("click", async () => {
        try {
          await call("trust_remove", { file: a.file });
          await renderAnchors();
        } catch (e) {
          error($("settings-trust-status"), e);
        }
      });
      return el(
        "li",
        { class: "anchor" },
        el("strong", {}, a.name),
        el("span", { class: "muted" }, t("settings.trust_until", { date: a.not_after })),
        el("code", { title: a.fingerprint }, a.file),
        remove,
      );
    }),
  );
}

async function importAnchor(event) {
  event.preventDefault();
  const out = $("settings-trust-status");
  try {
    const added = await call("trust_import", { path: $("settings-trust-path").value.trim() });
    $("settings-trust-path").value = "";
    status(out, t("settings.trust_imported", { names: added.map((a) => a.name).join(", ") }), "ok");
    await renderAnchors();
  } catch (e) {
    error(out, e);
  }
}

async function enter() {
  const s = await call("settings_get");
  $("settings-lang").value = s.lang;
  $("settings-server").value = s.server_url || "";
  $("settings-tsa").value = s.tsa_url || "";
  $("settings-trust-dir").textContent = appStatus().trust_dir;
  $("settings-data-dir").textContent = appStatus().data_dir;
  await renderAnchors();
}

export function init(changed) {
  onChanged = changed;
  register("settings", { enter });
  $("settings-form").addEventListener("submit", save);
  $("settings-trust-form").addEventListener("submit", importAnchor);
  $("settings-trust-browse").addEventListener("click", async () => {
    const [path] = await chooseFiles({ extensions: ["pem", "crt", "cer", "der"], label: "CA" });
    if (path) $("settings-trust-path").value = path;
  });
}
