//! Who may sign an OCSP response for a certificate (RFC 6960 §4.2.2.2): the certificate's
//! issuing CA itself, or a responder certificate that CA issued with id-kp-OCSPSigning. The
//! response's `ResponderID` must name the signer (by name or by the SHA-1 of its key), and the
//! signature must verify with its key.

use sha1::{Digest, Sha1};
use x509_cert::ext::pkix::KeyUsages;
use x509_ocsp::ResponderId;

use super::response::ParsedResponse;
use crate::sigcheck::SigCheckError;
use crate::trust::name::CanonName;
use crate::trust::signed::verify_signed;
use crate::trust::time::Seconds;
use crate::trust::PathCertificate;
use crate::x509::extensions::OID_KP_OCSP_SIGNING;

/// The signer of a response whose signature verified.
#[derive(Clone, Debug)]
pub(crate) enum Authorized {
    /// The issuing CA itself.
    Issuer,
    /// A delegated responder certificate, checked against the issuer.
    Delegated(PathCertificate),
}

/// Why no signer could be accepted, most telling last.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum AuthFailure {
    /// No certificate at hand matches the ResponderID.
    ResponderUnknown,
    /// A matching certificate's key does not verify the signature.
    SignatureInvalid,
    /// The signature algorithm or key is not supported.
    UnsupportedAlgorithm(String),
    /// A certificate verified the signature but may not answer for the issuer.
    NotAuthorized(String),
}

/// Whether `id` names `cert`.
pub(crate) fn names(id: &ResponderId, cert: &PathCertificate) -> bool {
    match id {
        ResponderId::ByName(name) => CanonName::new(name) == *cert.subject_canon(),
        ResponderId::ByKey(hash) => {
            hash.as_bytes()
                == Sha1::digest(cert.public_key().subject_public_key.raw_bytes()).as_slice()
        }
    }
}

/// Why `responder` may not answer for certificates of `issuer` at `time`, if it may not.
fn delegation_problem(
    responder: &PathCertificate,
    issuer: &PathCertificate,
    time: Seconds,
) -> Option<String> {
    if responder.issuer_canon() != issuer.subject_canon()
        || responder.tbs_algorithm() != &responder.signed().algorithm
        || verify_signed(responder.der(), responder.signed(), issuer.public_key()).is_err()
    {
        return Some("the responder certificate was not issued by the certificate's issuer".into());
    }
    let (from, to) = responder.validity();
    if time < from || time > to {
        return Some("the responder certificate is not valid at the validation time".into());
    }
    let Ok(exts) = responder.extensions() else {
        return Some("the responder certificate has malformed extensions".into());
    };
    if let Some(oid) = exts.unknown_critical {
        return Some(format!(
            "the responder certificate has an unknown critical extension {oid}"
        ));
    }
    let purposes = exts.extended_key_usage.as_deref().unwrap_or_default();
    if !purposes.contains(&OID_KP_OCSP_SIGNING) {
        return Some("the responder certificate lacks id-kp-OCSPSigning".into());
    }
    let signing = KeyUsages::DigitalSignature | KeyUsages::NonRepudiation;
    if exts
        .key_usage
        .as_ref()
        .is_some_and(|ku| (ku.0 & signing).is_empty())
    {
        return Some("the responder certificate's key usage does not allow signing".into());
    }
    None
}

fn signature_failure(e: SigCheckError) -> AuthFailure {
    match e {
        SigCheckError::UnsupportedAlgorithm(d) | SigCheckError::UnsupportedKey(d) => {
            AuthFailure::UnsupportedAlgorithm(d)
        }
        _ => AuthFailure::SignatureInvalid,
    }
}

/// Finds who signed `response` for certificates of `issuer` at `time`, among the issuer, the
/// response's certificates and `extra`.
pub(crate) fn authorize(
    response: &ParsedResponse,
    issuer: &PathCertificate,
    extra: &[PathCertificate],
    time: Seconds,
) -> Result<Authorized, AuthFailure> {
    let mut failure = AuthFailure::ResponderUnknown;
    let verify = |cert: &PathCertificate| {
        verify_signed(&response.basic, &response.signed, cert.public_key())
    };
    if names(&response.responder_id, issuer) {
        match verify(issuer) {
            Ok(()) => return Ok(Authorized::Issuer),
            Err(e) => failure = failure.max(signature_failure(e)),
        }
    }
    for candidate in response.certs.iter().chain(extra) {
        if candidate == issuer || !names(&response.responder_id, candidate) {
            continue;
        }
        if let Err(e) = verify(candidate) {
            failure = failure.max(signature_failure(e));
            continue;
        }
        match delegation_problem(candidate, issuer, time) {
            None => return Ok(Authorized::Delegated(candidate.clone())),
            Some(why) => failure = failure.max(AuthFailure::NotAuthorized(why)),
        }
    }
    Err(failure)
}
