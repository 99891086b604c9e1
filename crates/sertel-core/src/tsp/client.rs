//! Asking a timestamp authority for a token (RFC 3161 §3.4, over HTTP).

use std::time::Duration;

use der::asn1::{Int, OctetString};
use der::Encode;
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifier;
use x509_tsp::{MessageImprint, TimeStampReq, TspVersion};

use super::response::{accept, Timestamp};
use super::TimestampError;
use crate::signer::OID_SHA256;

/// How long to wait for a TSA before giving up.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// The SHA-256 message imprint of `data`.
pub fn imprint(data: &[u8]) -> Result<MessageImprint, TimestampError> {
    sha256_imprint(&Sha256::digest(data))
}

/// The message imprint of an already computed SHA-256 `digest`.
pub fn sha256_imprint(digest: &[u8]) -> Result<MessageImprint, TimestampError> {
    Ok(MessageImprint {
        hash_algorithm: AlgorithmIdentifier {
            oid: OID_SHA256,
            parameters: None,
        },
        hashed_message: OctetString::new(digest.to_vec())?,
    })
}

/// A request for `imprint` with a fresh 64-bit nonce, asking for the TSA's certificate.
pub fn request(imprint: MessageImprint) -> Result<TimeStampReq, TimestampError> {
    let mut nonce = [0u8; 8];
    aws_lc_rs::rand::fill(&mut nonce)
        .map_err(|_| TimestampError::Malformed("no randomness for the nonce".into()))?;
    nonce[0] &= 0x7f;
    nonce[0] |= 0x01;
    Ok(TimeStampReq {
        version: TspVersion::V1,
        message_imprint: imprint,
        req_policy: None,
        nonce: Some(Int::new(&nonce)?),
        cert_req: true,
        extensions: None,
    })
}

/// Obtains a timestamp token over `data` (for PAdES: the signature value) from the TSA at `url`.
pub fn timestamp(url: &str, data: &[u8], timeout: Duration) -> Result<Timestamp, TimestampError> {
    timestamp_imprint(url, imprint(data)?, timeout)
}

/// Obtains a timestamp token over `imprint` (for a document timestamp: the digest of the
/// signed byte ranges) from the TSA at `url`.
pub fn timestamp_imprint(
    url: &str,
    imprint: MessageImprint,
    timeout: Duration,
) -> Result<Timestamp, TimestampError> {
    let req = request(imprint)?;
    let body = crate::http::post(
        url,
        "application/timestamp-query",
        "application/timestamp-reply",
        &req.to_der()?,
        timeout,
    )?;
    accept(&body, &req.message_imprint, req.nonce.as_ref())
}
