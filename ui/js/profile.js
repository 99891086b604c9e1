// The Profile screen: live checks as the owner types (the rules are sertel-core's), saved
// only when every check passes.

import { call } from "./bridge.js";
import { t } from "./i18n.js";
import { $, el, error, status } from "./dom.js";
import { register, status as appStatus } from "./nav.js";

const FIELDS = ["full_name", "nip", "nik", "rank", "title", "unit", "email", "phone"];
const touched = new Set();
let timer = null;
let onSaved = () => {};

function draft() {
  const value = (f) => $(`profile-${f}`).value;
  const optional = (f) => (value(f).trim() === "" ? null : value(f));
  return {
    full_name: value("full_name"),
    nip: value("nip"),
    nik: optional("nik"),
    email: value("email"),
    title: value("title"),
    unit: value("unit"),
    rank: optional("rank"),
    phone: optional("phone"),
  };
}

function showProblems(problems, all) {
  document.querySelectorAll("#profile-form .field-error").forEach((small) => {
    const field = small.dataset.for;
    const mine = problems.filter((p) => p.field === field);
    const visible = all || touched.has(field);
    small.textContent = visible ? mine.map((p) => p.message).join(" ") : "";
    small.dataset.kind = visible && mine.length ? mine[0].kind : "";
    $(`profile-${field}`).classList.toggle("invalid", visible && mine.length > 0);
  });
}

async function check(all = false) {
  const problems = await call("profile_check", { profile: draft() });
  showProblems(problems, all);
  return problems;
}

function scheduleCheck(field) {
  touched.add(field);
  clearTimeout(timer);
  timer = setTimeout(() => check(), 200);
}

async function save(event) {
  event.preventDefault();
  const problems = await check(true);
  if (problems.length) {
    status($("profile-status"), t("profile.fix_errors"), "error");
    return;
  }
  try {
    await call("profile_save", { profile: draft() });
    status($("profile-status"), t("profile.saved"), "ok");
    await onSaved();
  } catch (e) {
    error($("profile-status"), e);
  }
}

async function enter() {
  const screen = await call("profile_get");
  const select = $("profile-rank");
  const chosen = select.value;
  select.replaceChildren(el("option", { value: "" }, t("profile.rank_choose")));
  for (const rank of screen.ranks) select.append(el("option", { value: rank }, rank));
  select.value = chosen;
  $("profile-email-hint").textContent = t("profile.email_hint", { domain: screen.email_domain });
  const first = !screen.profile;
  $("profile-welcome").classList.toggle("hidden", !first);
  if (screen.profile && !$("profile-form").dataset.loaded) {
    for (const f of FIELDS) $(`profile-${f}`).value = screen.profile[f] ?? "";
    $("profile-form").dataset.loaded = "1";
  }
  if (touched.size) await check();
  if (!appStatus().has_profile) status($("profile-status"), "");
}

export function init(afterSave) {
  onSaved = afterSave;
  register("profile", { enter });
  for (const f of FIELDS) {
    $(`profile-${f}`).addEventListener("input", () => scheduleCheck(f));
    $(`profile-${f}`).addEventListener("change", () => scheduleCheck(f));
  }
  $("profile-form").addEventListener("submit", save);
}
