//! The revocation status of one certificate of a path from the OCSP responses at hand.
//!
//! A response is used for a certificate when it has an entry whose CertID names it (with its
//! issuer: the certificate above it in the path, or the anchor), when that entry is current at
//! the validation time (nextUpdate not passed, allowing the clock skew; without nextUpdate,
//! thisUpdate within the configured age), when neither the response nor the entry carries a
//! critical extension Sertel does not process, and when the response is signed by the issuer
//! or by a delegated responder the issuer certified for OCSP signing. Such a responder
//! certificate needs no revocation check of its own when it carries id-pkix-ocsp-nocheck;
//! otherwise it must validate to the same anchor, as a CRL issuer outside the path must.
//!
//! A response issued after the validation time is still information about it: a
//! certificate good at a later thisUpdate was good then too, and a revocation it reports is
//! compared with the validation time. Among usable answers, the newest counts (as with CRLs);
//! at equal times, a revocation.

use std::sync::Arc;

use super::cert::PathCertificate;
use super::revocation::{CrlIssuerTrust, PathContext};
use super::revocation_reason::UnknownRevocation;
use super::time::Seconds;
use crate::ocsp::{
    authorize, entries_for, AuthFailure, Authorized, CertIdSource, OcspTiming, ParsedResponse,
    SingleStatus,
};

/// What the OCSP responses say about one certificate.
#[derive(Clone, Debug, Default)]
pub(crate) struct OcspChecked {
    /// The newest usable answer, good or revoked (at any time).
    pub verdict: Option<SingleStatus>,
    /// The first reason a response could not be used, or said "unknown".
    pub problem: Option<UnknownRevocation>,
}

fn current(
    this_update: Seconds,
    next_update: Option<Seconds>,
    time: Seconds,
    t: &OcspTiming,
) -> bool {
    match next_update {
        Some(next) => next.saturating_add(t.clock_skew.whole_seconds()) >= time,
        None => time.saturating_sub(this_update) <= t.max_age.whole_seconds(),
    }
}

/// Whether `response`'s signer may answer for certificates of `issuer` in this path.
fn responder_trusted(
    response: &ParsedResponse,
    issuer: &PathCertificate,
    ctx: &PathContext<'_>,
    trust: &dyn CrlIssuerTrust,
) -> Result<(), UnknownRevocation> {
    match authorize(response, issuer, ctx.pool, ctx.time) {
        Ok(Authorized::Issuer) => Ok(()),
        Ok(Authorized::Delegated(responder)) => {
            let no_check = responder.extensions().is_ok_and(|e| e.ocsp_no_check);
            if no_check || trust.crl_issuer_trusted(&responder, ctx.anchor, ctx.depth) {
                Ok(())
            } else {
                Err(UnknownRevocation::OcspResponderNotTrusted)
            }
        }
        Err(AuthFailure::ResponderUnknown | AuthFailure::SignatureInvalid) => {
            Err(UnknownRevocation::OcspSignatureInvalid)
        }
        Err(AuthFailure::UnsupportedAlgorithm(d)) => Err(UnknownRevocation::OcspUnsupported(d)),
        Err(AuthFailure::NotAuthorized(_)) => Err(UnknownRevocation::OcspResponderNotTrusted),
    }
}

/// The OCSP status of `ctx.path[index]` from `responses`.
pub(crate) fn ocsp_status(
    ctx: &PathContext<'_>,
    index: usize,
    responses: &[Arc<ParsedResponse>],
    trust: &dyn CrlIssuerTrust,
) -> OcspChecked {
    let cert = &ctx.path[index];
    let issuer = index
        .checked_sub(1)
        .and_then(|i| ctx.path.get(i))
        .unwrap_or(ctx.anchor);
    let source = CertIdSource::of(cert, issuer);
    let mut out = OcspChecked::default();
    let mut newest: Option<(Seconds, SingleStatus)> = None;
    for response in responses {
        let entries = entries_for(response, &source);
        if entries.is_empty() {
            continue;
        }
        if let Some(why) = &response.unsupported {
            out.problem
                .get_or_insert(UnknownRevocation::OcspUnsupported(why.clone()));
            continue;
        }
        let mut usable = Vec::new();
        for entry in entries {
            if let Some(why) = &entry.unsupported {
                out.problem
                    .get_or_insert(UnknownRevocation::OcspUnsupported(why.clone()));
            } else if !current(
                entry.this_update,
                entry.next_update,
                ctx.time,
                &ctx.ocsp_timing,
            ) {
                out.problem.get_or_insert(UnknownRevocation::OcspOutdated);
            } else {
                usable.push(entry);
            }
        }
        if usable.is_empty() {
            continue;
        }
        if let Err(problem) = responder_trusted(response, issuer, ctx, trust) {
            out.problem.get_or_insert(problem);
            continue;
        }
        for entry in usable {
            let revoked = matches!(entry.status, SingleStatus::Revoked { .. });
            match (entry.status, &newest) {
                (SingleStatus::Unknown, _) => {
                    out.problem
                        .get_or_insert(UnknownRevocation::OcspCertificateUnknown);
                }
                (_, Some((t, best)))
                    if entry.this_update < *t
                        || (entry.this_update == *t
                            && (!revoked || matches!(best, SingleStatus::Revoked { .. }))) => {}
                (status, _) => newest = Some((entry.this_update, status)),
            }
        }
    }
    out.verdict = newest.map(|(_, status)| status);
    out
}
