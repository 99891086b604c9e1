// The Sign screen: a batch of PDFs (chosen, dropped or typed), a preview to place the
// signature, one passphrase, progress per file; each signed copy is written next to its
// original as NAME-signed.pdf (or NAME-signed-2.pdf…, unless replacing was asked for). An
// owner signed in to the server signs with the specimen: each letter's QR code opens its page
// on the server, and the letters are registered there (or queued while it is unreachable).
// Once the agency's seal is issued, the batch may be sealed instead: a certification signature
// with the seal's key and specimen; an already signed PDF is refused, that file alone.

import { call, chooseFiles, on } from "./bridge.js";
import { t } from "./i18n.js";
import { $, el, error, fileName, show, status } from "./dom.js";
import { register, status as appStatus } from "./nav.js";
import * as preview from "./preview.js";

// Each entry: {path, state: "waiting"|"signing"|"done"|"failed", output, verifyUrl, message}.
let files = [];
let running = false;

function render() {
  $("sign-files").replaceChildren(
    ...files.map((f, i) => {
      const detail = f.state === "done" ? `→ ${f.output}${f.message ? ` (${f.message})` : ""}` : f.state === "failed" ? f.message : "";
      const remove = el("button", { type: "button", className: "link", disabled: running }, t("common.remove"));
      remove.addEventListener("click", () => {
        files.splice(i, 1);
        render();
        preview.showFile(files.length ? files[0].path : null);
      });
      return el(
        "li",
        { class: `file ${f.state}`, "data-state": f.state },
        el("span", { class: "file-name", title: f.path }, fileName(f.path)),
        el("span", { class: "file-state" }, t(`sign.state_${f.state}`)),
        el(
          "span",
          { class: "file-detail" },
          detail,
          f.verifyUrl
            ? el("span", { class: "file-verify", title: t("sign.verify_page"), "data-verify-url": f.verifyUrl }, `QR: ${f.verifyUrl}`)
            : null,
        ),
        f.state === "signing" ? null : remove,
      );
    }),
  );
}

export function addFiles(paths) {
  for (const p of paths) {
    const path = String(p).trim();
    if (path && !files.some((f) => f.path === path)) files.push({ path, state: "waiting" });
  }
  $("sign-files-error").textContent = "";
  render();
  preview.showFile(files.length ? files[0].path : null);
}

function mode() {
  return document.querySelector("input[name=sign-visible]:checked").value;
}

function placement() {
  if (mode() === "invisible") return { kind: "invisible" };
  if (mode() === "dragged" && preview.placement()) return preview.placement();
  const pageMode = $("sign-page-mode").value;
  const page = pageMode === "last" ? 0 : pageMode === "first" ? 1 : Math.max(1, parseInt($("sign-page").value, 10) || 1);
  return { kind: "visible", page, corner: $("sign-corner").value };
}

// Whether the batch is sealed with the agency's seal instead of signed.
function sealing() {
  return Boolean((appStatus() || {}).has_seal_certificate) && $("sign-as-seal").checked;
}

// Words `id` with the string `key` (kept through a language change).
function reword(id, key) {
  const node = $(id);
  node.dataset.i18n = key;
  node.textContent = t(key);
}

// The passphrase asked for, the box's word and the hint follow the choice of seal or signature.
function showSealChoice() {
  const seal = sealing();
  reword("sign-passphrase-label", seal ? "sign.passphrase_seal" : "sign.passphrase");
  reword("sign-preview-box", seal ? "sign.box_seal" : "sign.box");
  show($("sign-seal-hint"), seal);
}

// The specimen is offered to a signed-in owner, for a signature that shows on the page.
function withSpecimen() {
  return document.body.dataset.role === "owner" && $("sign-specimen").checked && mode() !== "invisible";
}

function showRegistration(r) {
  const line = $("sign-registration");
  if (!r) return status(line, "");
  line.dataset.registered = String(r.registered);
  line.dataset.queued = String(r.queued);
  line.dataset.refused = String(r.refused);
  // Nothing to register (every file of the batch failed): nothing to say.
  if (!r.registered && !r.queued && !r.refused) return status(line, "");
  if (r.refused) status(line, t("sign.registration_refused", { count: r.refused, reason: r.message || "" }), "error");
  else if (r.queued) status(line, t("sign.registration_queued", { count: r.queued, reason: r.message || "" }));
  else status(line, t("sign.registered", { count: r.registered }), "ok");
}

function onProgress(p) {
  const f = files.filter((x) => x.batch)[p.index];
  if (!f) return;
  f.state = p.state === "started" ? "signing" : p.state;
  if (p.state === "done") {
    f.output = p.output;
    f.verifyUrl = p.verify_url || null;
    // Signed and timestamped, but kept at B-T: why the long-term material is missing.
    f.message = p.message || null;
  }
  if (p.state === "failed") f.message = p.message;
  const finished = files.filter((x) => x.batch && (x.state === "done" || x.state === "failed")).length;
  const total = files.filter((x) => x.batch).length;
  $("sign-progress-fill").style.width = `${(finished / total) * 100}%`;
  render();
}

async function start(event) {
  event.preventDefault();
  const out = $("sign-status");
  if ($("sign-path").value.trim()) addFiles([$("sign-path").value]);
  $("sign-path").value = "";
  const batch = files.filter((f) => f.state !== "done");
  if (!batch.length) {
    $("sign-files-error").textContent = t("sign.no_files");
    return;
  }
  for (const f of files) {
    f.batch = batch.includes(f);
    if (f.batch) Object.assign(f, { state: "waiting", output: null, verifyUrl: null, message: null });
  }
  running = true;
  render();
  $("sign-start").disabled = true;
  $("sign-progress-fill").style.width = "0";
  show($("sign-progress"), true);
  status(out, t("sign.signing", { count: batch.length }));
  showRegistration(null);
  try {
    const result = await call("sign_files", {
      request: {
        files: batch.map((f) => f.path),
        placement: placement(),
        reason: $("sign-reason").value,
        location: $("sign-location").value,
        replace_signed: $("sign-replace").checked,
        specimen: withSpecimen(),
        seal: sealing(),
      },
      passphrase: $("sign-passphrase").value,
    });
    $("sign-passphrase").value = "";
    const tone = result.failed ? "error" : "ok";
    status(out, t("sign.finished", { signed: result.signed, failed: result.failed }), tone);
    showRegistration(result.registration);
  } catch (e) {
    for (const f of batch) f.state = "waiting";
    error(out, e);
  } finally {
    running = false;
    $("sign-start").disabled = false;
    show($("sign-progress"), false);
    render();
    // The outcome (or why nothing was signed) must be seen, not left below the fold.
    out.scrollIntoView({ block: "nearest" });
  }
}

function enter() {
  const s = appStatus();
  const banner = $("sign-not-ready");
  show($("sign-as-row"), Boolean(s.has_seal_certificate));
  if (!s.has_seal_certificate) $("sign-as-signature").checked = true;
  showSealChoice();
  const reason = sealing() ? null : !s.has_key ? "sign.need_key" : !s.has_certificate ? "sign.need_certificate" : null;
  banner.textContent = reason ? t(reason) : "";
  show(banner, Boolean(reason));
  show($("sign-specimen-row"), document.body.dataset.role === "owner");
  preview.resize();
  render();
  preview.relabel();
}

export function init() {
  register("sign", { enter });
  on("sign-progress", onProgress);
  $("sign-add").addEventListener("click", () => {
    addFiles([$("sign-path").value]);
    $("sign-path").value = "";
  });
  $("sign-path").addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      addFiles([$("sign-path").value]);
      $("sign-path").value = "";
    }
  });
  $("sign-browse").addEventListener("click", async () => addFiles(await chooseFiles({ multiple: true })));
  $("sign-page-mode").addEventListener("change", () => show($("sign-page"), $("sign-page-mode").value === "number"));
  const modeChanged = () =>
    document.querySelectorAll("#sign-form .corner-only").forEach((n) => show(n, mode() === "visible"));
  document.querySelectorAll("input[name=sign-visible]").forEach((r) =>
    r.addEventListener("change", () => {
      modeChanged();
      preview.resize();
    }),
  );
  // Dragging the box on the preview chooses that place.
  preview.init(() => {
    $("sign-dragged").checked = true;
    modeChanged();
  }, withSpecimen);
  $("sign-specimen").addEventListener("change", preview.resize);
  $("sign-form").addEventListener("submit", start);
  document.querySelectorAll("input[name=sign-as]").forEach((r) => r.addEventListener("change", enter));
}
