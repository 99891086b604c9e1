//! Validating a certificate: build candidate paths, validate each (structure, then
//! revocation), and report the first valid one or, failing that, the best candidate's
//! failure.

use std::cell::RefCell;
use std::collections::HashMap;

use super::builder::{build_paths, Candidate};
use super::cert::PathCertificate;
use super::indeterminate::IndeterminateReason;
use super::invalid::InvalidReason;
use super::options::{EndEntityUsage, RevocationPolicy, ValidationOptions};
use super::outcome::{PathOutcome, PathStatus, PathWarning, RevocationStatus};
use super::pool::CertPool;
use super::revocation::{check_certificate, CrlIssuerTrust, PathContext};
use super::revocation_data::RevocationData;
use super::revocation_reason::UnknownRevocation;
use super::store::TrustStore;
use super::time::{to_datetime, to_seconds, Seconds};
use super::validate::validate_structure;

/// Validates `end_entity` to one of the anchors in `store`, with intermediates from `pool` and
/// revocation information (CRLs, OCSP responses) from `revocation`, as `options` say.
///
/// The result is never a bare yes or no: see [`PathOutcome`]. An unknown revocation status
/// makes the path indeterminate under [`RevocationPolicy::HardFail`] and a warning under
/// [`RevocationPolicy::SoftFail`].
pub fn validate_path(
    end_entity: &PathCertificate,
    pool: &CertPool,
    revocation: &RevocationData,
    store: &TrustStore,
    options: &ValidationOptions,
) -> PathOutcome {
    let engine = Engine {
        pool: pool.certificates(),
        revocation,
        options,
        time: to_seconds(options.time),
        in_progress: RefCell::new(Vec::new()),
        issuer_cache: RefCell::new(HashMap::new()),
    };
    engine.run(end_entity, store.anchors(), 0, options.end_entity_usage)
}

/// A CRL issuer and an anchor, by fingerprint.
type IssuerKey = ([u8; 32], [u8; 32]);

struct Engine<'a> {
    pool: &'a [PathCertificate],
    revocation: &'a RevocationData,
    options: &'a ValidationOptions,
    time: Seconds,
    /// Certificates whose validation is under way further up the call stack.
    in_progress: RefCell<Vec<[u8; 32]>>,
    /// CRL issuers and delegated OCSP responders already judged, by (issuer, anchor)
    /// fingerprints.
    issuer_cache: RefCell<HashMap<IssuerKey, bool>>,
}

impl Engine<'_> {
    fn run(
        &self,
        target: &PathCertificate,
        anchors: &[PathCertificate],
        depth: usize,
        usage: EndEntityUsage,
    ) -> PathOutcome {
        let bare = |reason| PathOutcome {
            status: PathStatus::Indeterminate(reason),
            path: vec![target.clone()],
            anchor: None,
            revocation: vec![RevocationStatus::Unknown(UnknownRevocation::NotChecked)],
            warnings: Vec::new(),
        };
        if anchors.is_empty() {
            return bare(IndeterminateReason::NoTrustAnchors);
        }
        let search = build_paths(target, self.pool, anchors, self.time, self.options.limits);
        if search.candidates.is_empty() {
            return bare(if search.limited {
                IndeterminateReason::SearchLimitReached
            } else {
                IndeterminateReason::NoPathToAnchor
            });
        }
        self.in_progress.borrow_mut().push(target.fingerprint());
        let mut first = None;
        for candidate in search.candidates {
            let outcome = self.evaluate(candidate, depth, usage);
            if outcome.is_valid() {
                first = Some(outcome);
                break;
            }
            first.get_or_insert(outcome);
        }
        self.in_progress.borrow_mut().pop();
        first.unwrap_or_else(|| bare(IndeterminateReason::NoPathToAnchor))
    }

    fn evaluate(&self, candidate: Candidate, depth: usize, usage: EndEntityUsage) -> PathOutcome {
        let Candidate { path, anchor } = candidate;
        let not_checked = RevocationStatus::Unknown(UnknownRevocation::NotChecked);
        let mut outcome = PathOutcome {
            status: PathStatus::Valid,
            revocation: vec![not_checked; path.len()],
            path,
            anchor: Some(anchor.clone()),
            warnings: Vec::new(),
        };
        let structure = validate_structure(
            &outcome.path,
            &anchor,
            self.time,
            self.options.check_anchor_validity,
            usage,
        );
        if let Err(status) = structure {
            outcome.status = status;
            return outcome;
        }
        let ctx = PathContext {
            path: &outcome.path,
            anchor: &anchor,
            pool: self.pool,
            time: self.time,
            depth,
            ocsp_timing: self.options.ocsp_timing,
        };
        let mut statuses = Vec::with_capacity(outcome.path.len());
        for (index, cert) in outcome.path.iter().enumerate() {
            let checked = check_certificate(&ctx, index, self.revocation, self);
            if let Some((time, reason)) = checked.revoked_later {
                outcome
                    .warnings
                    .push(PathWarning::RevokedAfterValidationTime {
                        index,
                        subject: cert.subject_text(),
                        time: to_datetime(time),
                        reason,
                    });
            }
            statuses.push(checked.status);
        }
        outcome.status = self.conclude(&outcome.path, &statuses, &mut outcome.warnings);
        outcome.revocation = statuses;
        outcome
    }

    /// The status a structurally valid path gets from its certificates' revocation statuses.
    fn conclude(
        &self,
        path: &[PathCertificate],
        statuses: &[RevocationStatus],
        warnings: &mut Vec<PathWarning>,
    ) -> PathStatus {
        for (index, status) in statuses.iter().enumerate() {
            if let RevocationStatus::Revoked { time, reason } = status {
                return PathStatus::Invalid(InvalidReason::Revoked {
                    index,
                    subject: path[index].subject_text(),
                    time: *time,
                    reason: *reason,
                });
            }
        }
        for (index, status) in statuses.iter().enumerate() {
            if let RevocationStatus::Unknown(reason) = status {
                let subject = path[index].subject_text();
                let reason = reason.clone();
                match self.options.revocation {
                    RevocationPolicy::HardFail => {
                        return PathStatus::Indeterminate(IndeterminateReason::RevocationUnknown {
                            index,
                            subject,
                            reason,
                        })
                    }
                    RevocationPolicy::SoftFail => warnings.push(PathWarning::RevocationUnknown {
                        index,
                        subject,
                        reason,
                    }),
                }
            }
        }
        PathStatus::Valid
    }
}

impl CrlIssuerTrust for Engine<'_> {
    fn crl_issuer_trusted(
        &self,
        issuer: &PathCertificate,
        anchor: &PathCertificate,
        depth: usize,
    ) -> bool {
        if self.in_progress.borrow().contains(&issuer.fingerprint()) {
            // Its validation is under way above: it cannot vouch for a certificate it depends
            // on.
            return false;
        }
        if depth >= self.options.limits.max_crl_issuer_depth {
            return false;
        }
        let key = (issuer.fingerprint(), anchor.fingerprint());
        if let Some(known) = self.issuer_cache.borrow().get(&key) {
            return *known;
        }
        let outcome = self.run(
            issuer,
            std::slice::from_ref(anchor),
            depth + 1,
            EndEntityUsage::Any,
        );
        let trusted = outcome.is_valid();
        self.issuer_cache.borrow_mut().insert(key, trusted);
        trusted
    }
}
