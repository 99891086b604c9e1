// The Seal screen (segel elektronik, Pasal 11 ayat 3, 12 huruf c): the agency's seal key, made
// on this laptop with a passphrase of its own (never the owner's key); the application for the
// seal with the request letter and the head's SK Jabatan (sent, or queued while the server is
// away); and the seal's status, drawn from the owner's status refresh and push channel (the
// issued seal is stored in the seal's slot there, and the Sign screen then offers sealing).

import { call } from "./bridge.js";
import { t } from "./i18n.js";
import { $, busy, el, error, facts, show, status } from "./dom.js";
import { register } from "./nav.js";
import { certificateFacts, keyFacts, keyForm } from "./key_form.js";
import { applicationCard } from "./timeline.js";
import {
  configured,
  ensureSession,
  followUpOffer,
  lastStatusView,
  loadConsent,
  onStatus,
  refreshStatus,
  resubmitControls,
  showOutcome,
  typedInCards,
} from "./server.js";

let updateMeter = async () => {};
let onChanged = async () => {};
let hasKey = false;
let consentVersion = "";

// A seal application in one of these states no longer blocks a new one.
const CLOSED = ["revoked", "superseded"];

function form() {
  return {
    agency: $("seal-agency").value,
    email: $("seal-email").value.trim() || null,
    request_letter: $("seal-request_letter").value.trim(),
    sk_jabatan: $("seal-sk_jabatan").value.trim(),
  };
}

async function drawKey() {
  const info = await call("seal_info");
  hasKey = Boolean(info);
  show($("seal-key-create-form"), !info);
  show($("seal-key-present"), hasKey);
  if (info) {
    facts($("seal-key-facts"), keyFacts(info));
    facts($("seal-cert-facts"), certificateFacts(info.certificate));
    show($("seal-no-cert"), !info.certificate);
  }
  await updateMeter();
}

// The seal's applications (renewal offered on an issued seal's card in its last days), and the
// form while none is open (with a rejected one, the form's documents go again from its card).
async function drawSeals(view) {
  const seals = view.seals || [];
  const box = $("seal-applications");
  const typed = typedInCards(box);
  box.replaceChildren(
    ...seals.map((a) => {
      const app = a.application;
      const card = applicationCard(a, "seal-card");
      card.querySelector("h2").after(el("p", { class: "seal-agency" }, app.seal_agency || ""));
      if (app.state === "rejected") {
        card.append(
          ...resubmitControls(
            t("seal.resubmit_help"),
            (version) => {
              const f = form();
              const files = { letter: "", ktp: "", sk_pangkat: "", photo: "", sk_jabatan: f.sk_jabatan, request_letter: f.request_letter };
              return call("application_resubmit", { applicationId: app.id, files, consentVersion: version });
            },
            () => refreshStatus(false, $("seal-status")),
          ),
        );
      }
      card.append(...followUpOffer(a));
      return card;
    }),
  );
  typed.restore(box);
  box.dataset.loaded = "true";
  const open = seals.filter((a) => !CLOSED.includes(a.application.state));
  const rejected = open.length > 0 && open.every((a) => a.application.state === "rejected");
  show($("seal-form"), hasKey && (open.length === 0 || rejected));
  show($("seal-submit-row"), open.length === 0);
  const line = $("seal-status");
  line.dataset.stored = String(view.seal_stored);
  status(line, view.seal_stored ? t("seal.stored") : "", view.seal_stored ? "ok" : "");
  if (view.seal_stored) await drawKey();
}

async function submit(event) {
  event.preventDefault();
  const node = $("seal-submit-status");
  await busy($("seal-submit"), null, async () => {
    try {
      const r = await call("seal_submit", {
        form: form(),
        consentVersion: consentVersion || $("seal-consent").dataset.version || "",
        accepted: $("seal-accept").checked,
        passphrase: $("seal-passphrase").value,
      });
      $("seal-passphrase").value = "";
      showOutcome(node, r, t("seal.sent"));
      if (r.outcome === "sent") await refreshStatus(false, $("seal-status"));
    } catch (e) {
      node.dataset.outcome = "";
      error(node, e);
    }
  });
}

async function enter() {
  if (!configured("seal")) return;
  await ensureSession();
  const owner = document.body.dataset.role === "owner";
  show($("seal-need-owner"), !owner);
  show($("seal-owner"), owner);
  if (!owner) return;
  // The agency is the owner's unit kerja: the server accepts no other.
  if (!$("seal-agency").value) {
    const screen = await call("profile_get");
    $("seal-agency").value = (screen.profile && screen.profile.unit) || "";
  }
  await drawKey();
  consentVersion = await loadConsent($("seal-consent"), $("seal-submit-status"));
  const last = lastStatusView();
  if (last) await drawSeals(last);
  await refreshStatus(false, $("seal-status"));
}

export function init(changed) {
  onChanged = changed;
  register("seal", { enter });
  updateMeter = keyForm("seal-key", "seal_key_create", async () => {
    await onChanged();
    await drawKey();
    show($("seal-form"), true);
  });
  $("seal-form").addEventListener("submit", submit);
  onStatus(drawSeals);
}
