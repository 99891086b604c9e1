// An application's card as the status screens draw it: its state, id, timeline of milestones
// and, once issued, the certificate's facts. The owner's status and the seal screen share it;
// each adds its own controls below.

import { t } from "./i18n.js";
import { el, facts, fmtDate } from "./dom.js";

function milestoneText(m) {
  const base = t(`milestone.${m.milestone}`, { days: m.days_left ?? "", side: m.side ? t(`side.${m.side}`) : "" });
  if (!m.reason) return base;
  // A revocation's reason is an RFC 5280 code; a rejection's is the verifier's own words.
  const reason = m.milestone === "revoked" ? t(`reason.${m.reason}`) : m.reason;
  return `${base} — ${reason}`;
}

// The card of `a` ({application, timeline, certificate}) with the class `kind`.
export function applicationCard(a, kind = "app-card") {
  const app = a.application;
  const card = el("div", { class: `card ${kind}`, "data-state": app.state, "data-id": app.id });
  card.append(el("h2", {}, t(`state.${app.state}`)));
  // A renewal or a re-issue says so: it stands next to the card of the application it follows.
  const label = app.kind === "renewal" || app.kind === "reissue" ? `status.application_${app.kind}` : "status.application";
  card.append(el("p", { class: "muted application-id" }, `${t(label)} ${app.id}`));
  const list = el("ol", { class: "timeline" });
  for (const m of a.timeline) {
    list.append(el("li", { "data-milestone": m.milestone }, el("span", { class: "when" }, fmtDate(m.at)), el("span", {}, milestoneText(m))));
  }
  card.append(list);
  if (a.certificate) {
    const c = a.certificate;
    const dl = el("dl", { class: "facts cert-facts" });
    facts(dl, [
      [t("status.serial"), c.serial],
      [t("status.valid_from"), fmtDate(c.not_before)],
      [t("status.valid_until"), fmtDate(c.not_after)],
      [t("status.days_left"), c.revoked ? t("status.revoked") : t("status.days", { n: c.days_left })],
    ]);
    card.append(dl);
  }
  return card;
}
