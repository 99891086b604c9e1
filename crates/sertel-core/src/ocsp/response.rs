//! Decoding an `OCSPResponse` and its `BasicOCSPResponse` (RFC 6960 §4.2.1), bounded in size,
//! into what checking needs. Nothing decoded here is trusted yet: see [`super::check`].
//!
//! ```text
//! OCSPResponse ::= SEQUENCE {
//!    responseStatus         OCSPResponseStatus,
//!    responseBytes          [0] EXPLICIT ResponseBytes OPTIONAL }
//!
//! BasicOCSPResponse       ::= SEQUENCE {
//!    tbsResponseData      ResponseData,
//!    signatureAlgorithm   AlgorithmIdentifier,
//!    signature            BIT STRING,
//!    certs            [0] EXPLICIT SEQUENCE OF Certificate OPTIONAL }
//!
//! ResponseData ::= SEQUENCE {
//!    version              [0] EXPLICIT Version DEFAULT v1,
//!    responderID              ResponderID,
//!    producedAt               GeneralizedTime,
//!    responses                SEQUENCE OF SingleResponse,
//!    responseExtensions   [1] EXPLICIT Extensions OPTIONAL }
//!
//! SingleResponse ::= SEQUENCE {
//!    certID                       CertID,
//!    certStatus                   CertStatus,
//!    thisUpdate                   GeneralizedTime,
//!    nextUpdate         [0]       EXPLICIT GeneralizedTime OPTIONAL,
//!    singleExtensions   [1]       EXPLICIT Extensions OPTIONAL }
//! ```
//!
//! The signature is checked over `tbsResponseData` exactly as received, never re-encoded.

use const_oid::db::rfc6960::{ID_PKIX_OCSP_BASIC, ID_PKIX_OCSP_NONCE};
use der::asn1::AnyRef;
use der::{Decode, Reader, SliceReader, Tag, TagNumber, Tagged};
use sha2::{Digest, Sha256};
use x509_cert::ext::Extension;
use x509_ocsp::{CertId, CertStatus, OcspGeneralizedTime, OcspResponse, ResponderId, ResponseData};

use super::error::OcspError;
use super::nonce::find_nonce;
use super::status_code::ResponseStatus;
use crate::trust::signed::{split_signed_with_tail, Signed};
use crate::trust::time::Seconds;
use crate::trust::{PathCertificate, RevocationReason};

/// The largest `OCSPResponse` accepted, in bytes.
pub const MAX_RESPONSE_BYTES: usize = 512 * 1024;
/// The most certificates a response may carry.
pub const MAX_RESPONSE_CERTS: usize = 16;
/// The most `SingleResponse`s a response may carry.
pub const MAX_SINGLE_RESPONSES: usize = 256;

/// What a `SingleResponse` says about a certificate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SingleStatus {
    /// Not revoked.
    Good,
    /// Revoked at `at` for `reason`.
    Revoked {
        at: Seconds,
        reason: RevocationReason,
    },
    /// Unknown to the responder.
    Unknown,
}

/// One `SingleResponse`.
#[derive(Clone, Debug)]
pub(crate) struct Single {
    pub cert_id: CertId,
    pub status: SingleStatus,
    pub this_update: Seconds,
    pub next_update: Option<Seconds>,
    /// Why this entry must not be used (an unknown critical extension), if so.
    pub unsupported: Option<String>,
}

/// A decoded, successful basic OCSP response; signature and responder not yet checked.
#[derive(Clone, Debug)]
pub(crate) struct ParsedResponse {
    /// The `BasicOCSPResponse` encoding that `signed` locates parts of.
    pub basic: Vec<u8>,
    pub signed: Signed,
    pub responder_id: ResponderId,
    pub produced_at: Seconds,
    pub singles: Vec<Single>,
    /// The certificates the responder included.
    pub certs: Vec<PathCertificate>,
    /// The nonce of the response extensions, if any.
    pub nonce: Option<Vec<u8>>,
    /// Why the whole response must not be used (an unknown critical extension), if so.
    pub unsupported: Option<String>,
    /// SHA-256 of the whole `OCSPResponse`.
    pub fingerprint: [u8; 32],
}

fn seconds(t: &OcspGeneralizedTime) -> Seconds {
    // GeneralizedTime holds years 1970 to 9999: always in range.
    i64::try_from(t.0.to_unix_duration().as_secs()).unwrap_or(i64::MAX)
}

fn critical_unknown(
    extensions: Option<&[Extension]>,
    known: &[der::asn1::ObjectIdentifier],
) -> Option<String> {
    extensions?
        .iter()
        .find(|e| e.critical && !known.contains(&e.extn_id))
        .map(|e| format!("critical extension {}", e.extn_id))
}

fn duplicate(extensions: Option<&[Extension]>) -> bool {
    let list = extensions.unwrap_or_default();
    list.iter()
        .enumerate()
        .any(|(i, e)| list[..i].iter().any(|d| d.extn_id == e.extn_id))
}

fn single(s: x509_ocsp::SingleResponse) -> Single {
    let status = match s.cert_status {
        CertStatus::Good(_) => SingleStatus::Good,
        CertStatus::Revoked(info) => SingleStatus::Revoked {
            at: seconds(&info.revocation_time),
            // A revocation is one whatever the code says (removeFromCRL has no meaning here).
            reason: info
                .revocation_reason
                .and_then(|r| RevocationReason::from_code(r as u32))
                .unwrap_or(RevocationReason::Unspecified),
        },
        CertStatus::Unknown(_) => SingleStatus::Unknown,
    };
    let extensions = s.single_extensions.as_deref();
    let unsupported = if duplicate(extensions) {
        Some("duplicate single extension".into())
    } else {
        critical_unknown(extensions, &[])
    };
    Single {
        cert_id: s.cert_id,
        status,
        this_update: seconds(&s.this_update),
        next_update: s.next_update.as_ref().map(seconds),
        unsupported,
    }
}

/// Reads `[0] EXPLICIT SEQUENCE OF Certificate`.
fn certificates(field: &[u8]) -> Result<Vec<PathCertificate>, OcspError> {
    let any = AnyRef::from_der(field)?;
    let expected = Tag::ContextSpecific {
        constructed: true,
        number: TagNumber::N0,
    };
    if any.tag() != expected {
        return Err(OcspError::Malformed(
            "unexpected field after the signature".into(),
        ));
    }
    let list = AnyRef::from_der(any.value())?;
    list.tag().assert_eq(Tag::Sequence)?;
    let mut reader = SliceReader::new(list.value())?;
    let mut certs = Vec::new();
    while !reader.is_finished() {
        if certs.len() >= MAX_RESPONSE_CERTS {
            return Err(OcspError::Malformed(format!(
                "more than {MAX_RESPONSE_CERTS} certificates"
            )));
        }
        let tlv = reader.tlv_bytes()?;
        let cert = PathCertificate::from_der(tlv)
            .map_err(|e| OcspError::Malformed(format!("included certificate: {e}")))?;
        certs.push(cert);
    }
    Ok(certs)
}

/// The `responseStatus` of an `OCSPResponse` and, when successful, the `BasicOCSPResponse`
/// bytes.
pub(crate) fn unwrap_response(der: &[u8]) -> Result<Vec<u8>, OcspError> {
    if der.len() > MAX_RESPONSE_BYTES {
        return Err(OcspError::TooLarge {
            size: der.len(),
            limit: MAX_RESPONSE_BYTES,
        });
    }
    let response = OcspResponse::from_der(der)?;
    let status = ResponseStatus::from_asn1(response.response_status);
    if status != ResponseStatus::Successful {
        return Err(OcspError::Unsuccessful(status));
    }
    let bytes = response.response_bytes.ok_or_else(|| {
        OcspError::Malformed("a successful response without responseBytes".into())
    })?;
    if bytes.response_type != ID_PKIX_OCSP_BASIC {
        return Err(OcspError::UnsupportedResponseType(
            bytes.response_type.to_string(),
        ));
    }
    Ok(bytes.response.into_bytes())
}

impl ParsedResponse {
    /// Decodes a DER `OCSPResponse`: successful, basic, at most [`MAX_RESPONSE_BYTES`].
    pub(crate) fn from_der(der: &[u8]) -> Result<ParsedResponse, OcspError> {
        let basic = unwrap_response(der)?;
        let (signed, tail) = split_signed_with_tail(&basic)?;
        let certs = match tail {
            Some(range) => certificates(basic.get(range).unwrap_or_default())?,
            None => Vec::new(),
        };
        let tbs = basic.get(signed.tbs.clone()).unwrap_or_default();
        let data = ResponseData::from_der(tbs)?;
        if data.responses.len() > MAX_SINGLE_RESPONSES {
            return Err(OcspError::Malformed(format!(
                "more than {MAX_SINGLE_RESPONSES} single responses"
            )));
        }
        let extensions = data.response_extensions.as_deref();
        let nonce = find_nonce(extensions)
            .map_err(|_| OcspError::Malformed("unreadable nonce extension".into()))?;
        let unsupported = if duplicate(extensions) {
            Some("duplicate response extension".into())
        } else {
            critical_unknown(extensions, &[ID_PKIX_OCSP_NONCE])
        };
        Ok(ParsedResponse {
            signed,
            responder_id: data.responder_id,
            produced_at: seconds(&data.produced_at),
            singles: data.responses.into_iter().map(single).collect(),
            certs,
            nonce,
            unsupported,
            fingerprint: Sha256::digest(der).into(),
            basic,
        })
    }
}
