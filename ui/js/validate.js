// The Validate screen: a verdict per signature in the user's language, and the PDF report.

import { call, chooseFiles, chooseSavePath } from "./bridge.js";
import { t } from "./i18n.js";
import { $, busy, el, error, facts, show, status } from "./dom.js";
import { register } from "./nav.js";

let shown = null;

function signatureCard(s, i) {
  const dl = el("dl", { class: "facts" });
  facts(dl, [
    [t(s.seal ? "validate.seal" : "validate.signer"), s.signer || t("validate.unknown")],
    [t("validate.claimed_time"), s.claimed_time],
    [t("validate.timestamp"), s.timestamp_time],
    [t("validate.certificate"), s.chain.join(" → ")],
    [t("validate.coverage"), s.coverage],
  ]);
  const checks = el(
    "ul",
    { class: "checks" },
    ...s.checks.map((c) =>
      el("li", { class: `check ${c.state}`, "data-check": c.check, "data-state": c.state },
        el("span", { class: "check-mark" }, c.state === "passed" ? "✓" : c.state === "failed" ? "✗" : "–"),
        el("span", { class: "check-label" }, c.label),
        el("span", { class: "check-outcome" }, c.outcome)),
    ),
  );
  const notes = [...s.changes.map((c) => ["change", c]), ...s.findings.map((f) => ["finding", f])];
  return el(
    "div",
    { class: `card signature ${s.conclusion.tone}`, "data-tone": s.conclusion.tone },
    el("h2", {}, `${t("validate.signature")} ${i + 1} · ${s.field}`),
    el("p", { class: `verdict-line ${s.conclusion.tone}` }, s.conclusion.message),
    el("p", { class: "code" }, s.conclusion.code),
    dl,
    checks,
    notes.length ? el("ul", { class: "notes" }, ...notes.map(([k, n]) => el("li", { class: k }, n))) : null,
  );
}

function render(view) {
  const overall = $("validate-overall");
  overall.className = `verdict ${view.overall.tone}`;
  overall.dataset.tone = view.overall.tone;
  overall.replaceChildren(
    el("strong", {}, view.signatures.length ? view.overall.message : t("validate.no_signatures")),
    el("span", { class: "code" }, view.overall.code),
  );
  $("validate-file-facts").textContent = t("validate.file_facts", {
    file: view.file,
    size: view.size.toLocaleString(),
    revisions: view.revisions,
    count: view.signatures.length,
  });
  $("validate-signatures").replaceChildren(...view.signatures.map(signatureCard));
  show($("validate-no-anchors"), view.trust_anchors === 0);
  $("validate-report-path").value = view.file.replace(/\.pdf$/i, "") + "-laporan-validasi.pdf";
  status($("validate-export-status"), "");
  show($("validate-result"), true);
}

async function validate(path) {
  path = String(path || "").trim();
  const out = $("validate-status");
  if (!path) {
    status(out, t("validate.no_file"), "error");
    return;
  }
  $("validate-path").value = path;
  show($("validate-result"), false);
  status(out, t("validate.checking"));
  await busy($("validate-start"), $("validate-progress"), async () => {
    try {
      const view = await call("validate_file", { path });
      shown = path;
      status(out, "");
      render(view);
    } catch (e) {
      shown = null;
      error(out, e);
    }
  });
}

export function validateDropped(paths) {
  if (paths.length) validate(paths[0]);
}

async function exportReport(event) {
  event.preventDefault();
  const out = $("validate-export-status");
  try {
    const target = $("validate-report-path").value.trim();
    await call("validate_export_report", { path: shown, out: target });
    status(out, t("validate.exported", { path: target }), "ok");
  } catch (e) {
    error(out, e);
  }
}

async function enter() {
  // Re-worded in the current language when the screen comes back.
  if (shown) await validate(shown);
}

export function init() {
  register("validate", { enter });
  $("validate-form").addEventListener("submit", (e) => {
    e.preventDefault();
    validate($("validate-path").value);
  });
  $("validate-browse").addEventListener("click", async () => {
    const [path] = await chooseFiles();
    if (path) await validate(path);
  });
  $("validate-report-browse").addEventListener("click", async () => {
    const path = await chooseSavePath($("validate-report-path").value, ["pdf"], "PDF");
    if (path) $("validate-report-path").value = path;
  });
  $("validate-export-form").addEventListener("submit", exportReport);
}
