//! Reading an `OCSPRequest` on the responder side, bounded: at most [`MAX_REQUEST_BYTES`] and
//! [`MAX_REQUESTED_CERTS`] certificates, a nonce of 1 to 32 octets (RFC 8954 §2.1), no
//! critical extension Sertel does not process. A signature on the request is ignored.

use const_oid::db::rfc6960::ID_PKIX_OCSP_NONCE;
use der::Decode;
use x509_ocsp::{CertId, OcspRequest};

use super::error::OcspError;
use super::hash::CertIdHash;
use super::nonce::{check_nonce_len, find_nonce, NonceFault};

/// The largest request accepted, in bytes.
pub const MAX_REQUEST_BYTES: usize = 64 * 1024;
/// The most certificates one request may ask about.
pub const MAX_REQUESTED_CERTS: usize = 32;

/// One certificate a request asks about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestedCert {
    /// The CertID hash, if Sertel supports it.
    pub hash: Option<CertIdHash>,
    /// The hash of the issuer's name.
    pub issuer_name_hash: Vec<u8>,
    /// The hash of the issuer's public key.
    pub issuer_key_hash: Vec<u8>,
    /// The serial number's content octets.
    pub serial: Vec<u8>,
    pub(crate) cert_id: CertId,
}

/// A decoded request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedRequest {
    /// The certificates asked about, in order.
    pub certs: Vec<RequestedCert>,
    /// The nonce, if the request carries one.
    pub nonce: Option<Vec<u8>>,
    /// Whether the request was signed (the signature is not checked).
    pub signed: bool,
}

fn has_unknown_critical(extensions: Option<&[x509_cert::ext::Extension]>) -> bool {
    extensions
        .unwrap_or_default()
        .iter()
        .any(|e| e.critical && e.extn_id != ID_PKIX_OCSP_NONCE)
}

/// Decodes a DER `OCSPRequest`.
pub fn decode_request(der: &[u8]) -> Result<DecodedRequest, OcspError> {
    if der.len() > MAX_REQUEST_BYTES {
        return Err(OcspError::TooLarge {
            size: der.len(),
            limit: MAX_REQUEST_BYTES,
        });
    }
    let request = OcspRequest::from_der(der)?;
    let tbs = request.tbs_request;
    if tbs.request_list.is_empty() || tbs.request_list.len() > MAX_REQUESTED_CERTS {
        return Err(OcspError::Malformed(format!(
            "a request for {} certificates (1 to {MAX_REQUESTED_CERTS} allowed)",
            tbs.request_list.len()
        )));
    }
    let extensions = tbs.request_extensions.as_deref();
    if has_unknown_critical(extensions) {
        return Err(OcspError::Unsupported(
            "a critical request extension".into(),
        ));
    }
    let nonce = find_nonce(extensions)
        .map_err(|_| OcspError::Malformed("unreadable nonce extension".into()))?;
    if let Some(n) = &nonce {
        check_nonce_len(n).map_err(|fault| match fault {
            NonceFault::BadLength(len) => {
                OcspError::Malformed(format!("a nonce of {len} octets (1 to 32 allowed)"))
            }
            NonceFault::Malformed => OcspError::Malformed("unreadable nonce".into()),
        })?;
    }
    let mut certs = Vec::with_capacity(tbs.request_list.len());
    for single in tbs.request_list {
        if has_unknown_critical(single.single_request_extensions.as_deref()) {
            return Err(OcspError::Unsupported(
                "a critical single request extension".into(),
            ));
        }
        let id = single.req_cert;
        certs.push(RequestedCert {
            hash: CertIdHash::from_oid(&id.hash_algorithm.oid),
            issuer_name_hash: id.issuer_name_hash.as_bytes().to_vec(),
            issuer_key_hash: id.issuer_key_hash.as_bytes().to_vec(),
            serial: id.serial_number.as_bytes().to_vec(),
            cert_id: id,
        });
    }
    Ok(DecodedRequest {
        certs,
        nonce,
        signed: request.optional_signature.is_some(),
    })
}
