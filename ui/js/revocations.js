// The verifier's list of the owners' revocation requests (Pasal 17 ayat 2): each opens with
// the agency head's letter drawn in the app; approving revokes the certificate for the reason
// asked for, rejecting needs the verifier's reason, which the owner then sees.

import { call } from "./bridge.js";
import { t } from "./i18n.js";
import { $, el, show, status, error, facts, fmtDate, drawPages } from "./dom.js";

let current = null;

export async function refresh() {
  try {
    const requests = await call("revocation_requests");
    show($("revreq-empty"), requests.length === 0);
    $("revreq-list").replaceChildren(
      ...requests.map((r) => {
        const li = el(
          "li",
          { class: "file", "data-id": r.id, "data-state": r.state },
          el("span", { class: "file-name" }, t(`reason.${r.reason}`)),
          el("span", { class: "file-state" }, t(`request_state.${r.state}`)),
          el("span", { class: "file-detail" }, `${fmtDate(r.created_at)} · ${r.statement}`),
          el("button", { type: "button", class: "link" }, t("verifier.open")),
        );
        li.querySelector("button").addEventListener("click", () => open(r));
        return li;
      }),
    );
    $("revreq-list").dataset.loaded = "true";
  } catch (e) {
    error($("verifier-status"), e);
  }
}

async function open(r) {
  current = r;
  $("revreq-reason").value = "";
  show($("revreq-detail"), true);
  $("revreq-title").textContent = t("verifier.request_title", { id: r.id });
  facts($("revreq-facts"), [
    [t("verifier.request_application"), r.application_id],
    [t("verifier.request_reason"), t(`reason.${r.reason}`)],
    [t("verifier.request_statement"), r.statement],
    [t("verifier.submitted"), fmtDate(r.created_at)],
    [t("lost_key.reason"), r.decision_reason || ""],
  ]);
  const pending = r.state === "pending";
  show($("revreq-approve"), pending);
  show($("revreq-reject"), pending);
  const node = $("revreq-status");
  status(node, "");
  node.dataset.state = r.state;
  const view = $("revreq-letter");
  view.dataset.loaded = "false";
  try {
    const doc = await call("revocation_letter", { requestId: r.id });
    if (current !== r) return;
    drawPages(view, doc, t("verifier.request_letter"));
    view.dataset.loaded = "true";
  } catch (e) {
    view.replaceChildren();
    error(node, e);
  }
}

async function decide(approve) {
  const node = $("revreq-status");
  try {
    const r = await call("revocation_decide", { requestId: current.id, approve, reason: $("revreq-reason").value });
    status(node, t(approve ? "verifier.request_approved" : "verifier.request_rejected"), "ok");
    node.dataset.state = r.state;
    await refresh();
  } catch (e) {
    error(node, e);
  }
}

export function init() {
  $("revreq-approve").addEventListener("click", () => decide(true));
  $("revreq-reject").addEventListener("click", () => decide(false));
}
