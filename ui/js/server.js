// The server-connected screens (application, status, verifier, lost key): they need the
// Sertel server client, so until it is part of the app they say so, and what they are for.

import { t } from "./i18n.js";
import { $ } from "./dom.js";
import { go, register, serverEntry, status } from "./nav.js";

function enter() {
  const entry = serverEntry() || "application";
  const configured = status() && status().server_configured;
  $("server-screen-name").textContent = t(`nav.${entry}`);
  $("server-screen-purpose").textContent = t(`server.purpose_${entry}`);
  $("server-screen-state").textContent = configured
    ? t("server.not_available", { server: status().server_url || "" })
    : t("server.not_configured");
  $("server-screen-state").dataset.state = configured ? "not_available" : "not_configured";
}

export function init() {
  register("server", { enter });
  $("server-go-settings").addEventListener("click", () => go("settings"));
}
