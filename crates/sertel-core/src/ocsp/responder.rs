//! The responder side of OCSP (RFC 6960 §2.2, with the profile of RFC 5019): answering a DER
//! `OCSPRequest` for the certificates of one issuing CA with a signed basic response.
//!
//! It never fails outright: an unreadable request gets `malformedRequest`, a request about
//! another CA's certificates `unauthorized`, a failed status lookup `tryLater`, a failed
//! signature `internalError`. The nonce of the request is echoed; thisUpdate and producedAt
//! are the time of the answer, nextUpdate a configurable time later; the ResponderID is by
//! key; a delegated responder's certificate is included.

use std::sync::Arc;

use der::asn1::{BitString, GeneralizedTime, OctetString};
use der::Encode;
use sha1::{Digest, Sha1};
use time::{Duration, OffsetDateTime};
use x509_cert::ext::pkix::CrlReason;
use x509_cert::Certificate;
use x509_ocsp::{
    BasicOcspResponse, CertStatus, OcspGeneralizedTime, OcspResponse, ResponderId, ResponseData,
    RevokedInfo, SingleResponse, Version,
};

use super::cert_id::CertIdSource;
use super::error::ResponderSetupError;
use super::nonce::nonce_extension;
use super::request_decode::{decode_request, DecodedRequest};
use super::status_code::ResponseStatus;
use crate::signer::Signer;
use crate::trust::signed::verify_signed;
use crate::trust::{PathCertificate, RevocationReason};
use crate::x509::extensions::OID_KP_OCSP_SIGNING;

/// How long after thisUpdate a response says newer information will be available, unless
/// configured otherwise.
pub const DEFAULT_NEXT_UPDATE: Duration = Duration::hours(24);

/// The status of one serial number, as the CA's records give it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SerialStatus {
    /// Issued and not revoked.
    Good,
    /// Revoked.
    Revoked {
        /// When.
        time: OffsetDateTime,
        /// Why ([`RevocationReason::Unspecified`] is written without a reason code).
        reason: RevocationReason,
    },
    /// Not a serial number this CA issued.
    Unknown,
}

/// The status lookup could not be done now (the database is unavailable, for instance): the
/// answer is `tryLater`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LookupFailed;

/// Looks up a serial number (content octets as encoded in the certificate).
pub type StatusLookup = dyn Fn(&[u8]) -> Result<SerialStatus, LookupFailed> + Send + Sync;

/// An OCSP responder for the certificates of one issuing CA.
#[derive(Clone)]
pub struct OcspResponder {
    issuer: PathCertificate,
    responder_key_hash: Vec<u8>,
    /// The delegated responder's certificate, included in every response.
    delegated: Option<Certificate>,
    signer: Arc<dyn Signer>,
    lookup: Arc<StatusLookup>,
    next_update: Duration,
}

impl std::fmt::Debug for OcspResponder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OcspResponder")
            .field("issuer", &self.issuer)
            .field("delegated", &self.delegated.is_some())
            .field("next_update", &self.next_update)
            .finish_non_exhaustive()
    }
}

fn crl_reason(reason: RevocationReason) -> Option<CrlReason> {
    Some(match reason {
        RevocationReason::Unspecified => return None,
        RevocationReason::KeyCompromise => CrlReason::KeyCompromise,
        RevocationReason::CaCompromise => CrlReason::CaCompromise,
        RevocationReason::AffiliationChanged => CrlReason::AffiliationChanged,
        RevocationReason::Superseded => CrlReason::Superseded,
        RevocationReason::CessationOfOperation => CrlReason::CessationOfOperation,
        RevocationReason::CertificateHold => CrlReason::CertificateHold,
        RevocationReason::PrivilegeWithdrawn => CrlReason::PrivilegeWithdrawn,
        RevocationReason::AaCompromise => CrlReason::AaCompromise,
    })
}

fn generalized(t: OffsetDateTime) -> Option<OcspGeneralizedTime> {
    let secs = u64::try_from(t.unix_timestamp()).ok()?;
    GeneralizedTime::from_unix_duration(std::time::Duration::from_secs(secs))
        .ok()
        .map(OcspGeneralizedTime)
}

/// A response with `status` and no body.
fn bare(status: ResponseStatus) -> Vec<u8> {
    let response = OcspResponse {
        response_status: status.to_asn1(),
        response_bytes: None,
    };
    // Encoding an ENUMERATED in a SEQUENCE cannot fail; an empty body makes a client report
    // a malformed answer should it ever happen.
    response.to_der().unwrap_or_default()
}

impl OcspResponder {
    /// A responder for certificates issued by `issuer`, signing with `signer` as `responder`:
    /// the CA itself, or a delegated responder certificate the CA issued with
    /// id-kp-OCSPSigning. `lookup` gives the status of a serial number.
    pub fn new(
        issuer: &PathCertificate,
        responder: &PathCertificate,
        signer: Arc<dyn Signer>,
        lookup: Arc<StatusLookup>,
    ) -> Result<OcspResponder, ResponderSetupError> {
        if signer.public_key() != responder.public_key() {
            return Err(ResponderSetupError::KeyMismatch);
        }
        let delegated = if responder == issuer {
            None
        } else {
            let issued = responder.issuer_canon() == issuer.subject_canon()
                && verify_signed(responder.der(), responder.signed(), issuer.public_key()).is_ok();
            if !issued {
                return Err(ResponderSetupError::NotIssuedByCa);
            }
            let signs_ocsp = responder.extensions().is_ok_and(|e| {
                e.extended_key_usage
                    .as_deref()
                    .unwrap_or_default()
                    .contains(&OID_KP_OCSP_SIGNING)
            });
            if !signs_ocsp {
                return Err(ResponderSetupError::MissingOcspSigning);
            }
            let cert = responder.certificate().cloned().ok_or_else(|| {
                ResponderSetupError::InvalidSetting(
                    "the responder certificate cannot be included in responses".into(),
                )
            })?;
            Some(cert)
        };
        Ok(OcspResponder {
            issuer: issuer.clone(),
            responder_key_hash: Sha1::digest(responder.public_key().subject_public_key.raw_bytes())
                .to_vec(),
            delegated,
            signer,
            lookup,
            next_update: DEFAULT_NEXT_UPDATE,
        })
    }

    /// Sets how long after thisUpdate nextUpdate lies (a minute to a year).
    pub fn with_next_update(mut self, after: Duration) -> Result<Self, ResponderSetupError> {
        if after < Duration::minutes(1) || after > Duration::days(366) {
            return Err(ResponderSetupError::InvalidSetting(format!(
                "nextUpdate {after} after thisUpdate (a minute to a year allowed)"
            )));
        }
        self.next_update = after;
        Ok(self)
    }

    /// The same responder reading statuses from `lookup` instead (for a caller that fetches
    /// the statuses a request asks about before answering it).
    pub fn with_lookup(&self, lookup: Arc<StatusLookup>) -> OcspResponder {
        OcspResponder {
            lookup,
            ..self.clone()
        }
    }

    /// Answers the DER `OCSPRequest` `request_der` at `now` with a DER `OCSPResponse`.
    pub fn respond(&self, request_der: &[u8], now: OffsetDateTime) -> Vec<u8> {
        let Ok(request) = decode_request(request_der) else {
            return bare(ResponseStatus::MalformedRequest);
        };
        self.answer(&request, now).unwrap_or_else(bare)
    }

    /// Answers a decoded request.
    pub fn answer(
        &self,
        request: &DecodedRequest,
        now: OffsetDateTime,
    ) -> Result<Vec<u8>, ResponseStatus> {
        let ours = CertIdSource {
            issuer_name: self.issuer.subject_der(),
            issuer_key: self.issuer.public_key().subject_public_key.raw_bytes(),
            serial: &[],
        };
        if !request.certs.iter().all(|c| ours.same_issuer(&c.cert_id)) {
            return Err(ResponseStatus::Unauthorized);
        }
        let internal = ResponseStatus::InternalError;
        let this_update = generalized(now).ok_or(internal)?;
        let next_update = now
            .checked_add(self.next_update)
            .and_then(generalized)
            .ok_or(internal)?;
        let mut responses = Vec::with_capacity(request.certs.len());
        for cert in &request.certs {
            let cert_status = match (self.lookup)(&cert.serial) {
                Err(LookupFailed) => return Err(ResponseStatus::TryLater),
                Ok(SerialStatus::Good) => CertStatus::good(),
                Ok(SerialStatus::Unknown) => CertStatus::unknown(),
                Ok(SerialStatus::Revoked { time, reason }) => CertStatus::Revoked(RevokedInfo {
                    revocation_time: generalized(time).ok_or(internal)?,
                    revocation_reason: crl_reason(reason),
                }),
            };
            responses.push(SingleResponse {
                cert_id: cert.cert_id.clone(),
                cert_status,
                this_update,
                next_update: Some(next_update),
                single_extensions: None,
            });
        }
        let response_extensions = match &request.nonce {
            Some(n) => Some(vec![nonce_extension(n).map_err(|_| internal)?]),
            None => None,
        };
        let data = ResponseData {
            version: Version::V1,
            responder_id: ResponderId::ByKey(
                OctetString::new(self.responder_key_hash.clone()).map_err(|_| internal)?,
            ),
            produced_at: this_update,
            responses,
            response_extensions,
        };
        let tbs = data.to_der().map_err(|_| internal)?;
        let signature = self.signer.sign(&tbs).map_err(|_| internal)?;
        let basic = BasicOcspResponse {
            tbs_response_data: data,
            signature_algorithm: self.signer.algorithm().algorithm_identifier(),
            signature: BitString::from_bytes(&signature).map_err(|_| internal)?,
            certs: self.delegated.clone().map(|c| vec![c]),
        };
        OcspResponse::successful(basic)
            .and_then(|r| r.to_der())
            .map_err(|_| internal)
    }
}
