//! The status timeline of one application and its certificate, for the app's status screen:
//! submitted, verified by the Badan, approved by the Dinas, issued, expiring, expired,
//! revocation requested, revoked — and rejections, resubmissions, supersession.
//!
//! Built from the application as the server shows it (reviews, certificate) and the events of
//! the feed (resubmissions, revocation requests), so it is right after a fresh install too (the
//! application alone gives every milestone but those two kinds).

use serde::Serialize;
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime};

use crate::model::{
    Application, ApplicationState, Decision, Event, RevocationRequest, RevocationRequestState, Side,
};

/// Renewal is offered, and the certificate shown as expiring, from this many days before its
/// end.
pub const RENEWAL_WINDOW_DAYS: i64 = 30;

/// A step in the life of an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "milestone", rename_all = "snake_case")]
pub enum Milestone {
    /// The owner submitted it.
    Submitted,
    /// The owner resubmitted it after a rejection.
    Resubmitted,
    /// The Badan (BKPSDM) verified it.
    VerifiedByBadan,
    /// The Dinas approved it.
    ApprovedByDinas,
    /// A verifier rejected it.
    Rejected {
        /// Which verifier.
        side: Side,
        /// Why.
        reason: String,
    },
    /// The certificate was issued.
    Issued,
    /// The certificate ends within [`RENEWAL_WINDOW_DAYS`]; renewal is offered.
    Expiring {
        /// Whole days left.
        days_left: i64,
    },
    /// The certificate has ended.
    Expired,
    /// A renewal's certificate replaced this one.
    Superseded,
    /// The owner asked for revocation.
    RevocationRequested,
    /// A verifier turned the revocation request down.
    RevocationRejected {
        /// The verifier's reason, when the owner's requests were read.
        reason: Option<String>,
    },
    /// The certificate was revoked: it is never valid again.
    Revoked {
        /// The RFC 5280 reason (`key_compromise`, …).
        reason: Option<String>,
    },
}

/// A milestone and when it was reached.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// What.
    #[serde(flatten)]
    pub milestone: Milestone,
    /// When (RFC 3339).
    pub at: String,
}

fn parse(at: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(at, &Rfc3339).ok()
}

fn format(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

/// The verifiers' reasons for turning down `app`'s revocation requests, in the order they
/// were decided.
fn rejection_reasons<'a>(
    app: &Application,
    requests: &'a [RevocationRequest],
) -> impl Iterator<Item = Option<String>> + 'a {
    let mut rejected: Vec<&RevocationRequest> = requests
        .iter()
        .filter(|r| r.application_id == app.id && r.state == RevocationRequestState::Rejected)
        .collect();
    rejected.sort_by(|a, b| a.decided_at.cmp(&b.decided_at));
    rejected.into_iter().map(|r| r.decision_reason.clone())
}

/// The timeline of `app` as of `now`, oldest first; `events` and `requests` (the owner's
/// revocation requests, which give the reasons of rejected ones; may be empty) may hold those
/// of other applications (they are ignored).
pub fn timeline(
    app: &Application,
    events: &[Event],
    requests: &[RevocationRequest],
    now: OffsetDateTime,
) -> Vec<TimelineEntry> {
    let mut out = vec![TimelineEntry {
        milestone: Milestone::Submitted,
        at: app.created_at.clone(),
    }];
    let mine = events.iter().filter(|e| e.application_id == app.id);
    let mut reasons = rejection_reasons(app, requests);
    for e in mine.clone() {
        let milestone = match e.kind.as_str() {
            "application.resubmitted" => Milestone::Resubmitted,
            "revocation.requested" => Milestone::RevocationRequested,
            "revocation.rejected" => Milestone::RevocationRejected {
                reason: reasons.next().flatten(),
            },
            "certificate.superseded" => Milestone::Superseded,
            _ => continue,
        };
        out.push(TimelineEntry {
            milestone,
            at: e.at.clone(),
        });
    }
    for r in &app.reviews {
        let milestone = match (r.decision, r.side) {
            (Decision::Approve, Side::Badan) => Milestone::VerifiedByBadan,
            (Decision::Approve, Side::Dinas) => Milestone::ApprovedByDinas,
            (Decision::Reject, side) => Milestone::Rejected {
                side,
                reason: r.reason.clone(),
            },
        };
        out.push(TimelineEntry {
            milestone,
            at: r.at.clone(),
        });
    }
    let superseded_seen = out.iter().any(|e| e.milestone == Milestone::Superseded);
    if app.state == ApplicationState::Superseded && !superseded_seen {
        out.push(TimelineEntry {
            milestone: Milestone::Superseded,
            at: app.updated_at.clone(),
        });
    }
    if let Some(cert) = &app.certificate {
        let issued_at = mine
            .clone()
            .find(|e| e.kind == "certificate.issued")
            .map_or_else(|| cert.not_before.clone(), |e| e.at.clone());
        out.push(TimelineEntry {
            milestone: Milestone::Issued,
            at: issued_at,
        });
        if let Some(revoked_at) = &cert.revoked_at {
            out.push(TimelineEntry {
                milestone: Milestone::Revoked {
                    reason: cert.revocation_reason.clone(),
                },
                at: revoked_at.clone(),
            });
        } else if let Some(end) = parse(&cert.not_after) {
            let window_start = end - Duration::days(RENEWAL_WINDOW_DAYS);
            if now >= end {
                out.push(TimelineEntry {
                    milestone: Milestone::Expired,
                    at: cert.not_after.clone(),
                });
            } else if now >= window_start {
                out.push(TimelineEntry {
                    milestone: Milestone::Expiring {
                        days_left: (end - now).whole_days(),
                    },
                    at: format(window_start),
                });
            }
        }
    }
    // Stable: equal times keep the order above (submitted, reviews, issued, …).
    out.sort_by_key(|e| parse(&e.at).unwrap_or(OffsetDateTime::UNIX_EPOCH));
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{ApplicationKind, CertificateSummary, ReviewRecord};

    fn app() -> Application {
        Application {
            id: "a1".into(),
            owner_id: "o".into(),
            owner_name: "Siti Rahmawati".into(),
            state: ApplicationState::Issued,
            kind: ApplicationKind::New,
            previous_id: None,
            seal_agency: None,
            revision: 2,
            key_kind: "P-256".into(),
            consent_version: "v1".into(),
            consent_at: "2025-03-01T08:00:00Z".into(),
            created_at: "2025-03-01T08:00:00Z".into(),
            updated_at: "2025-03-05T08:00:00Z".into(),
            documents: vec![],
            reviews: vec![
                review(
                    1,
                    Side::Badan,
                    Decision::Reject,
                    "SK Pangkat tidak terbaca",
                    "02",
                ),
                review(2, Side::Badan, Decision::Approve, "", "04"),
                review(2, Side::Dinas, Decision::Approve, "", "05"),
            ],
            certificate: Some(CertificateSummary {
                serial: "01".into(),
                not_before: "2025-03-05T08:00:00Z".into(),
                not_after: "2027-03-05T08:00:00Z".into(),
                revoked_at: None,
                revocation_reason: None,
            }),
        }
    }

    fn review(
        revision: i64,
        side: Side,
        decision: Decision,
        reason: &str,
        day: &str,
    ) -> ReviewRecord {
        ReviewRecord {
            revision,
            side,
            decision,
            reason: reason.into(),
            verifier_id: "v".into(),
            at: format!("2025-03-{day}T08:00:00Z"),
        }
    }

    fn event(kind: &str, day: &str) -> Event {
        Event {
            id: 1,
            at: format!("2025-03-{day}T09:00:00Z"),
            application_id: "a1".into(),
            kind: kind.into(),
            state: String::new(),
        }
    }

    fn names(t: &[TimelineEntry]) -> Vec<String> {
        t.iter()
            .map(|e| {
                serde_json::to_value(e).unwrap()["milestone"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn the_whole_path_in_order() {
        let events = [
            event("application.resubmitted", "03"),
            event("revocation.requested", "20"),
        ];
        let now = OffsetDateTime::parse("2025-06-01T00:00:00Z", &Rfc3339).unwrap();
        let t = timeline(&app(), &events, &[], now);
        assert_eq!(
            names(&t),
            [
                "submitted",
                "rejected",
                "resubmitted",
                "verified_by_badan",
                "approved_by_dinas",
                "issued",
                "revocation_requested"
            ]
        );
    }

    fn rejected_request(day: &str, reason: &str) -> RevocationRequest {
        serde_json::from_value(serde_json::json!({
            "id": format!("r{day}"),
            "application_id": "a1",
            "owner_id": "o",
            "serial": "01",
            "reason": "key_compromise",
            "letter_sha256": "00",
            "letter_size": 1,
            "state": "rejected",
            "created_at": format!("2025-03-{day}T08:00:00Z"),
            "decided_at": format!("2025-03-{day}T09:00:00Z"),
            "decision_reason": reason,
        }))
        .unwrap()
    }

    #[test]
    fn a_rejected_revocation_request_shows_the_verifiers_reason() {
        let events = [
            event("revocation.requested", "20"),
            event("revocation.rejected", "21"),
            event("revocation.requested", "22"),
            event("revocation.rejected", "23"),
        ];
        // Listed newest first, as the server does; other applications' requests ignored.
        let mut other = rejected_request("22", "bukan milik aplikasi ini");
        other.application_id = "a2".into();
        let requests = [
            rejected_request("23", "Surat belum ditandatangani"),
            other,
            rejected_request("21", "Surat kepala tidak terlampir"),
        ];
        let now = OffsetDateTime::parse("2025-06-01T00:00:00Z", &Rfc3339).unwrap();
        let reasons: Vec<Option<String>> = timeline(&app(), &events, &requests, now)
            .into_iter()
            .filter_map(|e| match e.milestone {
                Milestone::RevocationRejected { reason } => Some(reason),
                _ => None,
            })
            .collect();
        assert_eq!(
            reasons,
            [
                Some("Surat kepala tidak terlampir".to_owned()),
                Some("Surat belum ditandatangani".to_owned())
            ]
        );
        // Without the requests the milestone is still there, without a reason.
        let bare = timeline(&app(), &events, &[], now);
        assert!(bare.contains(&TimelineEntry {
            milestone: Milestone::RevocationRejected { reason: None },
            at: "2025-03-21T09:00:00Z".into(),
        }));
    }

    #[test]
    fn expiring_then_expired_unless_revoked() {
        let at = |s: &str| OffsetDateTime::parse(s, &Rfc3339).unwrap();
        let t = timeline(&app(), &[], &[], at("2027-02-20T08:00:00Z"));
        assert_eq!(
            t.last().unwrap().milestone,
            Milestone::Expiring { days_left: 13 }
        );
        assert_eq!(t.last().unwrap().at, "2027-02-03T08:00:00Z");
        let t = timeline(&app(), &[], &[], at("2027-04-01T00:00:00Z"));
        assert_eq!(t.last().unwrap().milestone, Milestone::Expired);
        let mut revoked = app();
        if let Some(c) = revoked.certificate.as_mut() {
            c.revoked_at = Some("2025-04-01T00:00:00Z".into());
            c.revocation_reason = Some("key_compromise".into());
        }
        let t = timeline(&revoked, &[], &[], at("2027-04-01T00:00:00Z"));
        assert_eq!(
            t.last().unwrap().milestone,
            Milestone::Revoked {
                reason: Some("key_compromise".into())
            }
        );
    }
}
