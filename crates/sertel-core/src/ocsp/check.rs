//! Checking one OCSP response about one certificate (RFC 6960 §3.2): signature, responder,
//! nonce, the entry for the certificate, and its times.

use super::authorize::{authorize, AuthFailure, Authorized};
use super::cert_id::CertIdSource;
use super::error::OcspError;
use super::options::OcspCheckOptions;
use super::response::{ParsedResponse, Single, SingleStatus};
use super::status::{OcspStatus, ResponderKind, VerifiedResponse};
use crate::trust::time::{to_datetime, to_seconds, Seconds};
use crate::trust::PathCertificate;

/// Checks the DER `OCSPResponse` `response_der` about `certificate`, issued by `issuer`, at
/// `options.time`:
///
/// 1. it decodes (at most [`super::MAX_RESPONSE_BYTES`]), its status is successful, it is a
///    basic response with no critical extension Sertel does not process;
/// 2. its signature verifies with the key of the issuer itself, or of a responder certificate
///    included in the response that the issuer signed, with id-kp-OCSPSigning, valid at the
///    validation time; the ResponderID names that signer;
/// 3. when `sent_nonce` is given, the response carries the same nonce;
/// 4. it has an entry whose CertID (SHA-1 or SHA-2) names the certificate;
/// 5. that entry's thisUpdate is not after the validation time (beyond the allowed skew), its
///    nextUpdate has not passed, or without nextUpdate its thisUpdate is recent enough.
///
/// A delegated responder certificate's own revocation status is not checked here (see
/// [`ResponderKind::Delegated`]); the trust engine does that.
pub fn check_response(
    response_der: &[u8],
    certificate: &PathCertificate,
    issuer: &PathCertificate,
    sent_nonce: Option<&[u8]>,
    options: &OcspCheckOptions,
) -> Result<VerifiedResponse, OcspError> {
    let parsed = ParsedResponse::from_der(response_der)?;
    check_parsed(&parsed, certificate, issuer, sent_nonce, options)
}

pub(crate) fn auth_error(failure: AuthFailure) -> OcspError {
    match failure {
        AuthFailure::ResponderUnknown => OcspError::ResponderUnknown,
        AuthFailure::SignatureInvalid => OcspError::SignatureInvalid,
        AuthFailure::UnsupportedAlgorithm(d) => OcspError::UnsupportedAlgorithm(d),
        AuthFailure::NotAuthorized(d) => OcspError::ResponderNotAuthorized(d),
    }
}

/// The entries of `parsed` about the certificate `source` names, the most decisive first:
/// revoked, then good, then unknown; newer before older.
pub(crate) fn entries_for<'a>(
    parsed: &'a ParsedResponse,
    source: &CertIdSource<'_>,
) -> Vec<&'a Single> {
    let mut found: Vec<&Single> = parsed
        .singles
        .iter()
        .filter(|s| source.matches(&s.cert_id))
        .collect();
    found.sort_by_key(|s| {
        let rank = match s.status {
            SingleStatus::Revoked { .. } => 0,
            SingleStatus::Good => 1,
            SingleStatus::Unknown => 2,
        };
        (rank, std::cmp::Reverse(s.this_update))
    });
    found
}

/// Checks `single`'s times at `time` as a fresh answer must satisfy them.
fn check_times(
    single: &Single,
    time: Seconds,
    options: &OcspCheckOptions,
) -> Result<(), OcspError> {
    let skew = options.timing.clock_skew.whole_seconds();
    if single.this_update > time.saturating_add(skew) {
        return Err(OcspError::ThisUpdateInFuture(to_datetime(
            single.this_update,
        )));
    }
    match single.next_update {
        Some(next) if next.saturating_add(skew) < time => {
            Err(OcspError::NextUpdatePassed(to_datetime(next)))
        }
        None if time.saturating_sub(single.this_update)
            > options.timing.max_age.whole_seconds() =>
        {
            Err(OcspError::TooOld(to_datetime(single.this_update)))
        }
        _ => Ok(()),
    }
}

pub(crate) fn status_of(single: &Single) -> OcspStatus {
    match single.status {
        SingleStatus::Good => OcspStatus::Good,
        SingleStatus::Revoked { at, reason } => OcspStatus::Revoked {
            time: to_datetime(at),
            reason,
        },
        SingleStatus::Unknown => OcspStatus::Unknown,
    }
}

fn check_parsed(
    parsed: &ParsedResponse,
    certificate: &PathCertificate,
    issuer: &PathCertificate,
    sent_nonce: Option<&[u8]>,
    options: &OcspCheckOptions,
) -> Result<VerifiedResponse, OcspError> {
    let time = to_seconds(options.time);
    if let Some(why) = &parsed.unsupported {
        return Err(OcspError::Unsupported(why.clone()));
    }
    let responder = match authorize(parsed, issuer, &[], time).map_err(auth_error)? {
        Authorized::Issuer => ResponderKind::Issuer,
        Authorized::Delegated(cert) => ResponderKind::Delegated {
            subject: cert.subject_text(),
            no_check: cert.extensions().is_ok_and(|e| e.ocsp_no_check),
        },
    };
    if let Some(sent) = sent_nonce {
        match parsed.nonce.as_deref() {
            None if options.allow_missing_nonce => {}
            None => return Err(OcspError::NonceMissing),
            Some(found) if found != sent => return Err(OcspError::NonceMismatch),
            Some(_) => {}
        }
    }
    let source = CertIdSource::of(certificate, issuer);
    let single = *entries_for(parsed, &source)
        .first()
        .ok_or(OcspError::CertificateNotInResponse)?;
    if let Some(why) = &single.unsupported {
        return Err(OcspError::Unsupported(why.clone()));
    }
    check_times(single, time, options)?;
    Ok(VerifiedResponse {
        status: status_of(single),
        this_update: to_datetime(single.this_update),
        next_update: single.next_update.map(to_datetime),
        produced_at: to_datetime(parsed.produced_at),
        responder,
    })
}
