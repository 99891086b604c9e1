// The server-connected screens: account (sign in, register), recommendation letter,
// application, status, lost key / revocation and the verifiers' queue (the seal's screen is
// seal.js, drawn from the same status). Without a server
// address they send the user to the explanation screen.

import { call, on } from "./bridge.js";
import { t } from "./i18n.js";
import { $, el, show, status, error, busy, facts, fmtDate, drawPages } from "./dom.js";
import * as revocations from "./revocations.js";
import { applicationCard } from "./timeline.js";
import { go, register, serverEntry, status as appStatus } from "./nav.js";

let session = null;
let lastStatus = null;
let current = null;
let currentDoc = null;
let refreshApp = async () => {}; // re-reads what the local screens show (key, certificate)
let following = false; // whether the server's push channel is followed for this owner
let notify = () => {};

export function configured(name) {
  if (appStatus() && appStatus().server_configured) return true;
  go("server", name);
  return false;
}

function explain() {
  const entry = serverEntry() || "application";
  $("server-screen-name").textContent = t(`nav.${entry}`);
  $("server-screen-purpose").textContent = t(`server.purpose_${entry}`);
  $("server-screen-state").textContent = t("server.not_configured");
}

function role() {
  return session && session.user ? session.user.role : null;
}

async function loadSession() {
  try {
    session = await call("server_session");
  } catch (e) {
    session = null;
    throw e;
  }
  document.body.dataset.role = role() || "none";
  await follow();
  const storage = $("account-storage");
  show(storage, !!(session.storage && session.storage.fallback));
  storage.textContent = session.storage ? session.storage.message : "";
  storage.dataset.kind = session.storage ? session.storage.kind : "";
  return session;
}

function drawAccount() {
  const signedIn = !!(session && session.user);
  show($("account-signed-in"), signedIn);
  show($("account-forms"), !signedIn);
  if (signedIn) {
    const u = session.user;
    facts($("account-user"), [
      [t("account.name"), u.full_name],
      [t("account.email"), u.email],
      [t("account.role"), t(`role.${u.role}`)],
      [t("account.unit"), u.unit || ""],
    ]);
  }
}

async function enterAccount() {
  if (!configured("account")) return;
  try {
    await loadSession();
    status($("account-status"), "");
  } catch (e) {
    error($("account-status"), e);
  }
  drawAccount();
}

async function afterSignIn(s) {
  session = s;
  document.body.dataset.role = role() || "none";
  drawAccount();
  $("account-password").value = "";
  $("account-new-password").value = "";
  status($("account-status"), t("account.signed_in_ok", { name: s.user.full_name }), "ok");
  following = false;
  await follow();
}

// ---- Letter -----------------------------------------------------------------------------

let letterForm = null;

function readLetter() {
  const f = structuredClone(letterForm);
  f.letterhead.agency = $("letter-agency").value;
  f.number = $("letter-number").value.trim() || null;
  for (const k of ["full_name", "nip", "nik", "rank", "title", "unit", "email"]) {
    f.recommender[k] = $(`letter-rec-${k}`).value;
  }
  f.electronic_system = $("letter-system").value;
  f.place = $("letter-place").value;
  return f;
}

async function enterLetter() {
  if (!letterForm) {
    try {
      letterForm = await call("letter_defaults");
    } catch (e) {
      error($("letter-status"), e);
      return;
    }
    $("letter-agency").value = letterForm.letterhead.agency;
    $("letter-system").value = letterForm.electronic_system;
    $("letter-place").value = letterForm.place;
  }
  const a = letterForm.applicant;
  $("letter-applicant").textContent = [a.full_name, a.nip, a.title, a.unit].filter(Boolean).join(" · ");
  await previewLetter();
}

async function previewLetter() {
  try {
    const p = await call("letter_preview", { form: readLetter() });
    const img = $("letter-preview");
    if (p.image) img.src = p.image;
    img.dataset.pages = String(p.pages);
    const list = $("letter-problems");
    list.replaceChildren(...p.problems.map((x) => el("li", { "data-field": x.field }, x.message)));
    list.dataset.count = String(p.problems.length);
  } catch (e) {
    error($("letter-status"), e);
  }
}

// ---- Application ------------------------------------------------------------------------

let consentVersion = "";

// The Pasal 19/20 text into `node` (the version kept for the submission); an error other than
// an unreachable server shown in `line`.
export async function loadConsent(node, line) {
  try {
    const consent = await call("server_consent");
    consentVersion = consent.version;
    node.textContent = document.documentElement.lang === "en" ? consent.text.en : consent.text.id;
    node.dataset.version = consent.version;
  } catch (e) {
    node.textContent = t("application.consent_offline");
    if (e.kind !== "unreachable") error(line, e);
  }
  return consentVersion || node.dataset.version || "";
}

async function enterApplication() {
  if (!configured("application")) return;
  if (!$("application-letter").value && $("letter-path").value) {
    $("application-letter").value = $("letter-path").value;
  }
  await loadConsent($("application-consent"), $("application-status"));
}

// What became of a submission `r` ({outcome, reason}), in `node`; `sent` says it was sent.
export function showOutcome(node, r, sent) {
  node.dataset.outcome = r.outcome;
  node.dataset.kind = "";
  if (r.outcome === "sent") status(node, sent, "ok");
  else if (r.outcome === "queued") status(node, t("application.queued", { reason: r.reason || "" }), "");
  else status(node, t("application.rejected", { reason: r.reason || "" }), "error");
}

async function submitApplication(ev) {
  ev.preventDefault();
  const files = {};
  for (const k of ["letter", "ktp", "sk_jabatan", "sk_pangkat", "photo"]) {
    files[k] = $(`application-${k}`).value.trim();
  }
  const node = $("application-status");
  await busy($("application-submit"), null, async () => {
    try {
      const r = await call("application_submit", {
        files,
        consentVersion: consentVersion || $("application-consent").dataset.version || "",
        accepted: $("application-accept").checked,
        passphrase: $("application-passphrase").value,
      });
      $("application-passphrase").value = "";
      showOutcome(node, r, t("application.sent"));
    } catch (e) {
      node.dataset.outcome = "";
      error(node, e);
    }
  });
}

// ---- Status -----------------------------------------------------------------------------


// A submission sent from a status card's `button`; its outcome shown in `line`, `onSent`
// run once the server has it. `send` gets the consent version.
function sendFrom(button, line, send, onSent) {
  button.addEventListener("click", () =>
    busy(button, null, async () => {
      try {
        if (!consentVersion) consentVersion = (await call("server_consent")).version;
        const r = await send(consentVersion);
        line.dataset.outcome = r.outcome;
        if (r.outcome === "sent") await onSent();
        else status(line, t(r.outcome === "queued" ? "application.queued" : "application.rejected", { reason: r.reason || "" }));
      } catch (e) {
        error(line, e);
      }
    }),
  );
}

// A rejected application sent again by `send` (given the consent version) with the help text
// `help`; `onSent` once the server has it.
export function resubmitControls(help, send, onSent) {
  const button = el("button", { type: "button", class: "primary resubmit" }, t("status.resubmit"));
  const line = el("p", { class: "status resubmit-status", role: "status" });
  sendFrom(button, line, send, onSent);
  return [el("p", { class: "muted" }, help), el("div", { class: "actions" }, button), line];
}

// A rejected application: the files on the Application page (those filled in) go again.
function resubmitApplication(app) {
  return resubmitControls(
    t("status.resubmit_help"),
    (version) => {
      const files = {};
      for (const k of ["letter", "ktp", "sk_jabatan", "sk_pangkat", "photo"]) files[k] = $(`application-${k}`).value.trim();
      return call("application_resubmit", { applicationId: app.id, files, consentVersion: version });
    },
    () => refreshStatus(),
  );
}

// What the card of `a` (a person's certificate or the agency's seal) offers to follow it with a
// new key: renewal in its last days (Pasal 18), re-issue after its key was reported lost
// (Pasal 16 ayat 3, with the owner's statement letter); nothing otherwise.
export function followUpOffer(a) {
  const c = a.certificate;
  const kind = c && c.renewal_offered ? "renewal" : c && c.reissue_offered ? "reissue" : null;
  if (!kind) return [];
  return [el("p", { class: `banner warn ${kind}` }, t(`status.${kind}`, { n: c.days_left })), ...followUpControls(a.application, kind)];
}

// A new key under a new passphrase, then the application of `kind` ("renewal" or "reissue", the
// latter with the statement letter); a seal's with the seal's own new key.
function followUpControls(app, kind) {
  const passphrase = el("input", { type: "password", class: `${kind}-passphrase`, autocomplete: "new-password" });
  const repeat = el("input", { type: "password", class: `${kind}-repeat`, autocomplete: "new-password" });
  const letter = kind === "reissue" ? el("input", { class: "reissue-letter", placeholder: t("common.path_placeholder") }) : null;
  const button = el("button", { type: "button", class: `primary ${kind}-submit` }, t(`status.${kind}_submit`));
  const line = el("p", { class: `status ${kind}-status`, role: "status" });
  // An earlier refusal no longer holds once the owner changes what they typed.
  for (const input of [passphrase, repeat, letter].filter(Boolean)) input.addEventListener("input", () => status(line, ""));
  sendFrom(
    button,
    line,
    async () => {
      const r = await call("follow_up_submit", {
        applicationId: app.id,
        passphrase: passphrase.value,
        repeat: repeat.value,
        consentVersion,
        sealAgency: app.seal_agency || null,
        statementLetter: letter ? letter.value.trim() : null,
      });
      passphrase.value = repeat.value = "";
      return r;
    },
    async () => status(line, t(`status.${kind}_sent`), "ok"),
  );
  return [
    el("p", { class: "muted" }, t(`status.${kind}_help`)),
    el("label", {}, el("span", {}, t("status.renewal_passphrase")), passphrase),
    el("label", {}, el("span", {}, t("status.renewal_repeat")), repeat),
    ...(letter ? [el("label", {}, el("span", {}, t("status.reissue_letter")), letter)] : []),
    el("div", { class: "actions" }, button),
    line,
  ];
}

function drawStatus(view) {
  const box = $("status-applications");
  const queued = $("status-queued");
  show(queued, view.queued > 0);
  queued.textContent = t("status.queued", { n: view.queued });
  const documents = $("status-documents");
  show(documents, view.documents_queued > 0);
  documents.textContent = t("status.documents_queued", { n: view.documents_queued });
  documents.dataset.count = String(view.documents_queued);
  if (!view.applications.length) {
    box.replaceChildren(el("p", { class: "muted" }, t("status.none")));
    return;
  }
  const typed = typedInCards(box);
  box.replaceChildren(...view.applications.map((a) => {
    const app = a.application;
    const card = applicationCard(a);
    if (app.state === "rejected") card.append(...resubmitApplication(app));
    card.append(...followUpOffer(a));
    return card;
  }));
  typed.restore(box);
}

// What the user is typing in the cards of `box` (a renewal's new passphrase), kept across a
// redraw: a change pushed by the server redraws them while the owner types.
export function typedInCards(box) {
  const key = (input) => `${input.closest(".card[data-id]")?.dataset.id}/${input.className}`;
  const values = new Map();
  let focused = null;
  for (const input of box.querySelectorAll(".card[data-id] input")) {
    if (input.value) values.set(key(input), input.value);
    if (input === document.activeElement) focused = key(input);
  }
  return {
    restore(root) {
      for (const input of root.querySelectorAll(".card[data-id] input")) {
        const k = key(input);
        if (values.has(k)) input.value = values.get(k);
        if (k === focused) input.focus();
      }
    },
  };
}

// What else draws from the status (the seal screen), called with each new view.
const statusListeners = [];

export function onStatus(listener) {
  statusListeners.push(listener);
}

export function lastStatusView() {
  return lastStatus;
}

// The states and timelines of `list`, to tell whether anything changed.
function shape(list) {
  return JSON.stringify(list.map((a) => [a.application.state, a.timeline.length]));
}

// Refreshes the owner's status (their own applications and the seal's); a failure is shown in
// `errorLine` (the status screen's by default), and when `quiet` only if the server is away.
export async function refreshStatus(quiet = false, errorLine = $("status-status")) {
  const node = $("status-status");
  // Unknown until the server has answered this refresh.
  delete $("status-documents").dataset.count;
  try {
    const view = await call("status_get");
    for (const list of ["applications", "seals"]) {
      if (lastStatus && shape(lastStatus[list]) !== shape(view[list]) && view[list].length) {
        notify(t("notify.title"), t(`state.${view[list][0].application.state}`));
      }
    }
    lastStatus = view;
    drawStatus(view);
    // A certificate (or seal) just taken into its slot: the Sign and Key screens learn of it.
    const app = appStatus() || {};
    if ((view.certificate_stored && !app.has_certificate) || (view.seal_stored && !app.has_seal_certificate)) await refreshApp();
    for (const listener of statusListeners) await listener(view);
    status(node, view.certificate_stored ? t("status.certificate_stored") : "", view.certificate_stored ? "ok" : "");
    node.dataset.kind = "";
    $("status-applications").dataset.loaded = "true";
  } catch (e) {
    if (!quiet || e.kind === "unreachable") error(errorLine, e);
  }
}

// The owner's status follows the server's push channel: each change refreshes it (with a
// desktop notification); while the server is away the channel reconnects by itself.
async function follow() {
  if (role() !== "owner" || following) return;
  try {
    await call("status_follow");
    following = true;
  } catch (e) {
    error($("status-status"), e);
  }
}

function onFeed(e) {
  if (e.state === "changed") refreshStatus(true);
  else for (const line of ["status-status", "seal-status"]) error($(line), { kind: "unreachable", message: e.message });
}

async function enterStatus() {
  if (!configured("status")) return;
  await refreshStatus();
  await ensureSession();
}

// After a restart with a saved session: learn who is signed in, and follow the changes.
export async function ensureSession() {
  if (!session) await loadSession().catch(() => {});
}

// ---- Lost key / revocation --------------------------------------------------------------

// The issued, unrevoked certificate among `list` (the owner's own, or the seal's).
function issuedIn(list) {
  return (list || []).find((a) => a.certificate && !a.certificate.revoked) || null;
}

// The certificate the screen is about: the owner's own, or the agency's seal when one is issued
// and chosen.
function issuedApplication() {
  if (!lastStatus) return null;
  const seal = $("lost_key-which-seal").checked && issuedIn(lastStatus.seals);
  return seal || issuedIn(lastStatus.applications);
}

async function enterLostKey() {
  if (!configured("lost_key")) return;
  // What an earlier visit reported is not this visit's outcome.
  status($("lost_key-status"), "");
  status($("revocation-status"), "");
  await refreshStatus(true);
  drawLostKey();
}

function drawLostKey() {
  const hasSeal = Boolean(lastStatus && issuedIn(lastStatus.seals));
  show($("lost_key-which-row"), hasSeal);
  if (!hasSeal) $("lost_key-which-own").checked = true;
  const a = issuedApplication();
  const seal = Boolean(a && a.application.seal_agency);
  $("lost_key-certificate").textContent = a
    ? t(seal ? "lost_key.for_seal" : "lost_key.for", { serial: a.certificate.serial, agency: a.application.seal_agency || "" })
    : t("lost_key.no_certificate");
  $("lost_key-report").disabled = !a;
  $("revocation-submit").disabled = !a;
}

async function reportLostKey(ev) {
  ev.preventDefault();
  const a = issuedApplication();
  const node = $("lost_key-status");
  if (!a) return;
  await busy($("lost_key-report"), null, async () => {
    try {
      await call("lost_key_report", { applicationId: a.application.id, statement: $("lost_key-statement").value });
      await enterLostKey();
      status(node, t("lost_key.reported"), "ok");
    } catch (e) {
      error(node, e);
    }
  });
}

async function requestRevocation(ev) {
  ev.preventDefault();
  const a = issuedApplication();
  const node = $("revocation-status");
  if (!a) return;
  await busy($("revocation-submit"), null, async () => {
    try {
      await call("revocation_request", {
        applicationId: a.application.id,
        reason: $("revocation-reason").value,
        statement: $("revocation-statement").value,
        letter: $("revocation-letter").value.trim(),
      });
      status(node, t("lost_key.requested"), "ok");
    } catch (e) {
      error(node, e);
    }
  });
}

// ---- Verifier ---------------------------------------------------------------------------

const DOC_KINDS = ["recommendation_letter", "request_letter", "ktp", "sk_jabatan", "sk_pangkat", "photo"];

async function enterVerifier() {
  if (!configured("verifier")) return;
  const node = $("verifier-status");
  try {
    const queue = await call("verifier_queue");
    const all = await call("verifier_applications");
    const issued = all.filter((a) => a.state === "issued");
    const items = [...queue, ...issued];
    show($("verifier-empty"), items.length === 0);
    $("verifier-queue").replaceChildren(...items.map((a) => {
      const li = el("li", { class: "file", "data-id": a.id, "data-state": a.state },
        el("span", { class: "file-name", title: a.id }, a.owner_name || a.id),
        el("span", { class: "file-state" }, t(`state.${a.state}`)),
        el("span", { class: "file-detail" }, fmtDate(a.updated_at)),
        el("button", { type: "button", class: "link" }, t("verifier.open")));
      li.querySelector("button").addEventListener("click", () => openApplication(a));
      return li;
    }));
    $("verifier-queue").dataset.loaded = "true";
    status(node, "");
    // The open application's texts follow the language (and its state) when redrawn.
    const open = current && items.find((a) => a.id === current.id);
    if (open && !$("verifier-detail").classList.contains("hidden")) drawDetail(open);
    await revocations.refresh();
  } catch (e) {
    error(node, e);
  }
}

async function openApplication(a) {
  $("verifier-reason").value = "";
  status($("verifier-action-status"), "");
  currentDoc = null;
  drawDetail(a);
  if (a.documents.length) await showDocument(DOC_KINDS.find((k) => a.documents.some((d) => d.kind === k)));
}

// The open application's title, facts and the decisions it allows.
function drawDetail(a) {
  current = a;
  show($("verifier-detail"), true);
  $("verifier-detail-title").textContent = `${t(`state.${a.state}`)} · ${a.id}`;
  facts($("verifier-facts"), [
    [t("verifier.applicant"), a.owner_name],
    [t("verifier.seal_agency"), a.seal_agency || ""],
    [t("verifier.kind"), t(`kind.${a.kind}`)],
    [t("verifier.submitted"), fmtDate(a.created_at)],
    [t("verifier.key"), a.key_kind],
  ]);
  const pending = a.state !== "issued";
  show($("verifier-approve"), pending);
  show($("verifier-reject"), pending);
  show($("verifier-revoke"), !pending);
  show($("verifier-revoke-reason-row"), !pending);
  $("verifier-doc-tabs").replaceChildren(...DOC_KINDS.filter((k) => a.documents.some((d) => d.kind === k)).map((k) => {
    const b = el("button", { type: "button", "data-kind": k, class: k === currentDoc ? "active" : "" }, t(`doc.${k}`));
    b.addEventListener("click", () => showDocument(k));
    return b;
  }));
}

async function showDocument(kind) {
  currentDoc = kind;
  document.querySelectorAll("#verifier-doc-tabs button").forEach((b) => b.classList.toggle("active", b.dataset.kind === kind));
  const view = $("verifier-doc-view");
  view.dataset.kind = kind;
  view.dataset.loaded = "false";
  try {
    const doc = await call("verifier_document", { applicationId: current.id, kind });
    if (currentDoc !== kind) return;
    drawPages(view, doc, t(`doc.${kind}`));
    view.dataset.loaded = "true";
  } catch (e) {
    view.replaceChildren();
    error($("verifier-action-status"), e);
  }
}

async function decide(approve) {
  const node = $("verifier-action-status");
  try {
    const a = await call("verifier_review", { applicationId: current.id, approve, reason: $("verifier-reason").value });
    status(node, t(approve ? "verifier.approved" : "verifier.rejected", { state: t(`state.${a.state}`) }), "ok");
    node.dataset.state = a.state;
    // Decided: this verifier has nothing more to do with it.
    show($("verifier-approve"), false);
    show($("verifier-reject"), false);
    await enterVerifier();
  } catch (e) {
    error(node, e);
  }
}

async function revoke() {
  const node = $("verifier-action-status");
  try {
    const a = await call("verifier_revoke", {
      applicationId: current.id,
      reason: $("verifier-revoke-reason").value,
      comment: $("verifier-reason").value,
    });
    status(node, t("verifier.revoked"), "ok");
    node.dataset.state = a.state;
    show($("verifier-revoke"), false);
    show($("verifier-revoke-reason-row"), false);
    await enterVerifier();
  } catch (e) {
    error(node, e);
  }
}

export function init(notifier, appChanged) {
  if (notifier) notify = notifier;
  if (appChanged) refreshApp = appChanged;
  register("server", { enter: explain });
  register("account", { enter: enterAccount });
  register("letter", { enter: enterLetter });
  register("application", { enter: enterApplication });
  register("status", { enter: enterStatus });
  register("lost_key", { enter: enterLostKey });
  register("verifier", { enter: enterVerifier });
  $("server-go-settings").addEventListener("click", () => go("settings"));

  $("account-sign-in-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    await busy($("account-sign-in"), null, async () => {
      try {
        await afterSignIn(await call("server_sign_in", { email: $("account-email").value, password: $("account-password").value }));
      } catch (e) {
        error($("account-status"), e);
      }
    });
  });
  $("account-register-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    await busy($("account-register"), null, async () => {
      try {
        await afterSignIn(await call("server_register", { password: $("account-new-password").value }));
      } catch (e) {
        error($("account-status"), e);
      }
    });
  });
  $("account-sign-out").addEventListener("click", async () => {
    try {
      await call("server_sign_out");
      session = { ...(session || {}), user: null };
      lastStatus = null;
      following = false;
      document.body.dataset.role = "none";
      drawAccount();
      status($("account-status"), t("account.signed_out"), "ok");
    } catch (e) {
      error($("account-status"), e);
    }
  });

  $("letter-preview-button").addEventListener("click", previewLetter);
  $("letter-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const node = $("letter-status");
    try {
      await call("letter_save", { form: readLetter(), path: $("letter-path").value.trim() });
      status(node, t("letter.saved"), "ok");
      node.dataset.kind = "";
      $("application-letter").value = $("letter-path").value.trim();
    } catch (e) {
      error(node, e);
    }
    await previewLetter();
  });
  $("application-form").addEventListener("submit", submitApplication);
  $("status-refresh").addEventListener("click", () => refreshStatus());
  $("lost_key-form").addEventListener("submit", reportLostKey);
  document.querySelectorAll("input[name=lost_key-which]").forEach((r) => r.addEventListener("change", drawLostKey));
  $("revocation-form").addEventListener("submit", requestRevocation);
  $("verifier-approve").addEventListener("click", () => decide(true));
  $("verifier-reject").addEventListener("click", () => decide(false));
  $("verifier-revoke").addEventListener("click", revoke);
  revocations.init();
  on("status-feed", onFeed);
}
