//! The revocation status of one certificate of a path from the CRLs (RFC 5280 §6.3) and the
//! OCSP responses (see [`super::ocsp_source`]) at hand: revoked if either says it was revoked
//! at or before the validation time, good if either says it is good, unknown otherwise.
//!
//! For each distribution point of the certificate (or the implied one: its issuer's CRL), the
//! CRLs in scope are taken newest first; one that adds no reason not already covered is
//! skipped, so an older CRL never overrides a newer one. A CRL is used only if it has no
//! critical extension Sertel does not process, is not a delta CRL, has not passed its
//! nextUpdate at the validation time, and verifies with the key of a certificate allowed to
//! sign it: the certificate's issuer, another certificate of the path above it, the trust
//! anchor, the certificate itself (a CRL issuer covered by its own CRL), or a certificate whose
//! own path validates to the same anchor without relying on the validation under way.

use std::sync::Arc;

use x509_cert::ext::pkix::KeyUsages;

use super::cert::PathCertificate;
use super::crl::Crl;
use super::crl_scope::{crl_scope, distribution_points, ALL_REASONS};
use super::ocsp_source::{ocsp_status, OcspChecked};
use super::outcome::RevocationStatus;
use super::revocation_data::RevocationData;
use super::revocation_reason::{RevocationReason, UnknownRevocation};
use super::signed::verify_signed;
use super::time::{to_datetime, Seconds};
use crate::ocsp::{OcspTiming, SingleStatus};

/// Decides whether a certificate outside the path may be trusted as a CRL issuer or as a
/// delegated OCSP responder.
pub(crate) trait CrlIssuerTrust {
    /// Whether `issuer`'s own path validates to `anchor` (`depth` is the current nesting).
    fn crl_issuer_trusted(
        &self,
        issuer: &PathCertificate,
        anchor: &PathCertificate,
        depth: usize,
    ) -> bool;
}

/// What revocation checking found for one certificate.
#[derive(Clone, Debug)]
pub(crate) struct Checked {
    /// The status at the validation time.
    pub status: RevocationStatus,
    /// A revocation dated after the validation time, if a CRL or OCSP response reports one.
    pub revoked_later: Option<(Seconds, RevocationReason)>,
}

/// The path being checked.
pub(crate) struct PathContext<'a> {
    /// The path, top-down (end entity last).
    pub path: &'a [PathCertificate],
    /// Its trust anchor.
    pub anchor: &'a PathCertificate,
    /// The pool of other certificates.
    pub pool: &'a [PathCertificate],
    /// The validation time.
    pub time: Seconds,
    /// Nesting depth of CRL issuer validations.
    pub depth: usize,
    /// The time rules for OCSP responses.
    pub ocsp_timing: OcspTiming,
}

fn may_sign_crls(cert: &PathCertificate) -> bool {
    match cert.extensions() {
        Ok(e) => e
            .key_usage
            .as_ref()
            .is_none_or(|ku| ku.0.contains(KeyUsages::CRLSign)),
        Err(_) => false,
    }
}

/// Checks that `crl` is signed by a certificate allowed to issue it for `path[index]`.
fn check_crl_issuer(
    crl: &Crl,
    ctx: &PathContext<'_>,
    index: usize,
    trust: &dyn CrlIssuerTrust,
) -> Result<(), UnknownRevocation> {
    let above = &ctx.path[..index];
    let direct = above.last().unwrap_or(ctx.anchor);
    let mut candidates: Vec<&PathCertificate> = vec![direct];
    let others = above
        .iter()
        .chain(std::iter::once(ctx.anchor))
        .chain(ctx.pool)
        .filter(|c| c.subject_canon() == &crl.issuer_canon);
    for c in others {
        if !candidates.contains(&c) {
            candidates.push(c);
        }
    }
    // Certificates whose key identifier matches the CRL's authority key identifier first.
    if let Some(aki) = &crl.authority_key_id {
        candidates[1..].sort_by_key(|c| c.subject_key_id() != Some(aki.as_slice()));
    }
    let mut problem = UnknownRevocation::CrlSignatureInvalid;
    for cand in candidates {
        if cand.subject_canon() != &crl.issuer_canon
            || verify_signed(&crl.der, &crl.signed, cand.public_key()).is_err()
        {
            continue;
        }
        problem = UnknownRevocation::CrlIssuerNotTrusted;
        if !may_sign_crls(cand) {
            continue;
        }
        // Already validated: the anchor, the path above, or the certificate itself when its
        // distribution point names it as the CRL issuer of its own status.
        let in_path = above.contains(cand) || cand == ctx.anchor || cand == &ctx.path[index];
        if in_path || trust.crl_issuer_trusted(cand, ctx.anchor, ctx.depth) {
            return Ok(());
        }
    }
    Err(problem)
}

/// The revocation status of `ctx.path[index]` from the CRLs and the OCSP responses of `data`.
pub(crate) fn check_certificate(
    ctx: &PathContext<'_>,
    index: usize,
    data: &RevocationData,
    trust: &dyn CrlIssuerTrust,
) -> Checked {
    let from_crls = crl_status(ctx, index, data.crls.crls(), trust);
    if matches!(from_crls.status, RevocationStatus::Revoked { .. }) {
        return from_crls;
    }
    let from_ocsp = ocsp_status(ctx, index, data.ocsp.responses(), trust);
    combine(from_crls, from_ocsp, ctx.time)
}

/// Joins what the CRLs found (not revoked) with what the OCSP responses found.
fn combine(crls: Checked, ocsp: OcspChecked, time: Seconds) -> Checked {
    let mut revoked_later = crls.revoked_later;
    let mut good = crls.status == RevocationStatus::Good;
    match ocsp.verdict {
        Some(SingleStatus::Revoked { at, reason }) if at <= time => {
            return Checked {
                status: RevocationStatus::Revoked {
                    time: to_datetime(at),
                    reason,
                },
                revoked_later: None,
            };
        }
        Some(SingleStatus::Revoked { at, reason }) => {
            revoked_later = Some(match revoked_later {
                Some(earlier) if earlier.0 <= at => earlier,
                _ => (at, reason),
            });
            good = true;
        }
        Some(SingleStatus::Good) => good = true,
        Some(SingleStatus::Unknown) | None => {}
    }
    let status = match (good, crls.status, ocsp.problem) {
        (true, _, _) => RevocationStatus::Good,
        (false, RevocationStatus::Unknown(UnknownRevocation::NoCrl), Some(problem)) => {
            RevocationStatus::Unknown(problem)
        }
        (false, status, _) => status,
    };
    Checked {
        status,
        revoked_later,
    }
}

/// The revocation status of `ctx.path[index]` from `crls`.
fn crl_status(
    ctx: &PathContext<'_>,
    index: usize,
    crls: &[Arc<Crl>],
    trust: &dyn CrlIssuerTrust,
) -> Checked {
    let cert = &ctx.path[index];
    let mut newest_first: Vec<&Arc<Crl>> = crls.iter().collect();
    newest_first.sort_by_key(|c| std::cmp::Reverse(c.this_update));
    let mut covered = 0u16;
    let mut problem = None;
    let mut revoked_later = None;
    for dp in distribution_points(cert) {
        for crl in &newest_first {
            if covered == ALL_REASONS {
                break;
            }
            let Some(reasons) = crl_scope(cert, &dp, crl) else {
                continue;
            };
            if reasons & !covered == 0 {
                continue;
            }
            if let Some(why) = &crl.unusable {
                problem.get_or_insert(UnknownRevocation::CrlUnsupported(why.clone()));
                continue;
            }
            if crl.next_update.is_some_and(|next| next < ctx.time) {
                problem.get_or_insert(UnknownRevocation::CrlOutdated);
                continue;
            }
            if let Err(p) = check_crl_issuer(crl, ctx, index, trust) {
                problem.get_or_insert(p);
                continue;
            }
            if let Some(entry) = crl.find(cert.serial_number(), cert.issuer_canon()) {
                let reason = match entry.reason {
                    None => Some(RevocationReason::Unspecified),
                    Some(code) => RevocationReason::from_code(code),
                };
                if let Some(reason) = reason {
                    if entry.revoked_at <= ctx.time {
                        let status = RevocationStatus::Revoked {
                            time: to_datetime(entry.revoked_at),
                            reason,
                        };
                        return Checked {
                            status,
                            revoked_later: None,
                        };
                    }
                    revoked_later.get_or_insert((entry.revoked_at, reason));
                }
            }
            covered |= reasons;
        }
    }
    let status = if covered == ALL_REASONS {
        RevocationStatus::Good
    } else if let Some(p) = problem {
        RevocationStatus::Unknown(p)
    } else if covered != 0 {
        RevocationStatus::Unknown(UnknownRevocation::ReasonsNotCovered)
    } else {
        RevocationStatus::Unknown(UnknownRevocation::NoCrl)
    };
    Checked {
        status,
        revoked_later,
    }
}
