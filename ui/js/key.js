// The Key screen: create (with a strength meter), import a PKCS#12, key facts, certificate
// request, the issued certificate, backup.
// Passphrases go straight from the fields to Rust and the fields are cleared afterwards.

import { call, chooseFiles, chooseSavePath } from "./bridge.js";
import { t } from "./i18n.js";
import { $, busy, error, facts, show, status } from "./dom.js";
import { register } from "./nav.js";
import { certificateFacts, keyFacts, keyForm } from "./key_form.js";

let hasCertificate = false;
let onChanged = () => {};
let updateMeter = async () => {};

function clear(...ids) {
  for (const id of ids) $(id).value = "";
}

async function importP12(event) {
  event.preventDefault();
  const out = $("key-import-status");
  status(out, t("key.importing"));
  await busy($("key-import"), $("key-import-progress"), async () => {
    try {
      await call("key_import", {
        path: $("key-import-path").value.trim(),
        p12Password: $("key-import-p12-password").value,
        passphrase: $("key-import-passphrase").value,
        repeat: $("key-import-repeat").value,
      });
      clear("key-import-p12-password", "key-import-passphrase", "key-import-repeat");
      status(out, t("key.imported"), "ok");
      await onChanged();
    } catch (e) {
      error(out, e);
    }
  });
}

async function exportBackup(event) {
  event.preventDefault();
  const out = $("key-export-status");
  status(out, t("key.exporting"));
  await busy($("key-export"), $("key-export-progress"), async () => {
    try {
      const kind = await call("key_export", {
        path: $("key-export-path").value.trim(),
        passphrase: $("key-export-passphrase").value,
        backupPassword: $("key-export-password").value,
        backupRepeat: $("key-export-repeat").value,
      });
      clear("key-export-passphrase", "key-export-password", "key-export-repeat");
      status(out, t(`key.exported_${kind}`, { path: $("key-export-path").value.trim() }), "ok");
    } catch (e) {
      error(out, e);
    }
  });
}

async function exportRequest(event) {
  event.preventDefault();
  const out = $("key-csr-status");
  const path = $("key-csr-path").value.trim();
  status(out, t("key.csr_saving"));
  await busy($("key-csr"), null, async () => {
    try {
      await call("key_request_export", { path, passphrase: $("key-csr-passphrase").value });
      clear("key-csr-passphrase");
      status(out, t("key.csr_saved", { path }), "ok");
    } catch (e) {
      error(out, e);
    }
  });
}

async function importCertificate(event) {
  event.preventDefault();
  const out = $("key-cert-status");
  try {
    await call("key_certificate_import", { path: $("key-cert-path").value.trim() });
    $("key-cert-path").value = "";
    await onChanged();
    status(out, t("key.cert_imported"), "ok");
  } catch (e) {
    error(out, e);
  }
}

function renderInfo(info) {
  facts($("key-facts"), keyFacts(info));
  const c = info.certificate;
  hasCertificate = Boolean(c);
  show($("key-no-cert"), !c);
  facts($("key-cert-facts"), certificateFacts(c));
  $("key-export-help").textContent = t(c ? "key.export_help_p12" : "key.export_help_key");
  show($("key-export-secret"), Boolean(c));
}

async function enter() {
  const info = await call("key_info");
  show($("key-none"), !info);
  show($("key-present"), Boolean(info));
  if (info) renderInfo(info);
  await updateMeter();
}

async function browseImport() {
  const [path] = await chooseFiles({ extensions: ["p12", "pfx"], label: "PKCS#12" });
  if (path) $("key-import-path").value = path;
}

async function browseExport() {
  const ext = hasCertificate ? "p12" : "pem";
  const path = await chooseSavePath(`sertel-cadangan.${ext}`, [ext], t("key.export_title"));
  if (path) $("key-export-path").value = path;
}

export function init(changed) {
  onChanged = changed;
  register("key", { enter });
  updateMeter = keyForm("key", "key_create", () => onChanged());
  $("key-import-form").addEventListener("submit", importP12);
  $("key-export-form").addEventListener("submit", exportBackup);
  $("key-import-browse").addEventListener("click", browseImport);
  $("key-export-browse").addEventListener("click", browseExport);
  $("key-csr-form").addEventListener("submit", exportRequest);
  $("key-cert-form").addEventListener("submit", importCertificate);
  $("key-csr-browse").addEventListener("click", async () => {
    const path = await chooseSavePath("sertel-permintaan.csr", ["csr", "pem"], "CSR");
    if (path) $("key-csr-path").value = path;
  });
  $("key-cert-browse").addEventListener("click", async () => {
    const [path] = await chooseFiles({ extensions: ["pem", "crt", "cer", "der"], label: "X.509" });
    if (path) $("key-cert-path").value = path;
  });
}
