//! Building an `OCSPRequest` (RFC 6960 §4.1.1) for one certificate, with an optional nonce
//! (RFC 8954).
//!
//! ```text
//! OCSPRequest ::= SEQUENCE {
//!     tbsRequest                  TBSRequest,
//!     optionalSignature   [0]     EXPLICIT Signature OPTIONAL }
//!
//! TBSRequest ::= SEQUENCE {
//!     version             [0]     EXPLICIT Version DEFAULT v1,
//!     requestorName       [1]     EXPLICIT GeneralName OPTIONAL,
//!     requestList                 SEQUENCE OF Request,
//!     requestExtensions   [2]     EXPLICIT Extensions OPTIONAL }
//!
//! Request ::= SEQUENCE {
//!     reqCert                     CertID,
//!     singleRequestExtensions [0] EXPLICIT Extensions OPTIONAL }
//! ```
//!
//! Requests are not signed: responders (Sertel's included) do not ask for it.

use der::Encode;
use x509_ocsp::{OcspRequest, Request, TbsRequest, Version};

use super::cert_id::CertIdSource;
use super::error::OcspError;
use super::hash::CertIdHash;
use super::nonce::{check_nonce_len, nonce_extension, random_nonce, MAX_NONCE_LEN};
use crate::trust::PathCertificate;

/// Which nonce a request carries.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NonceChoice {
    /// None (a responder with pre-produced responses may then answer from its cache).
    None,
    /// That many random octets, 1 to 32.
    Random(usize),
    /// These octets (1 to 32), for tests and reproducible requests.
    Given(Vec<u8>),
}

impl Default for NonceChoice {
    fn default() -> Self {
        NonceChoice::Random(MAX_NONCE_LEN)
    }
}

/// How a request is made.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RequestOptions {
    /// The CertID hash (SHA-1 unless told otherwise).
    pub hash: CertIdHash,
    /// The nonce (32 random octets unless told otherwise).
    pub nonce: NonceChoice,
}

impl RequestOptions {
    /// The same options with `hash`.
    pub fn with_hash(mut self, hash: CertIdHash) -> RequestOptions {
        self.hash = hash;
        self
    }

    /// The same options with `nonce`.
    pub fn with_nonce(mut self, nonce: NonceChoice) -> RequestOptions {
        self.nonce = nonce;
        self
    }
}

/// A request ready to send, and what checking its answer needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreparedRequest {
    der: Vec<u8>,
    nonce: Option<Vec<u8>>,
    hash: CertIdHash,
}

impl PreparedRequest {
    /// The DER `OCSPRequest`.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The nonce sent, to give [`super::check_response`].
    pub fn nonce(&self) -> Option<&[u8]> {
        self.nonce.as_deref()
    }

    /// The CertID hash used.
    pub fn hash(&self) -> CertIdHash {
        self.hash
    }
}

/// Builds a request for the status of `certificate`, issued by `issuer`.
pub fn build_request(
    certificate: &PathCertificate,
    issuer: &PathCertificate,
    options: &RequestOptions,
) -> Result<PreparedRequest, OcspError> {
    let nonce = match &options.nonce {
        NonceChoice::None => None,
        NonceChoice::Random(len) => Some(random_nonce(*len).ok_or_else(|| {
            OcspError::Request(format!("no random nonce of {len} octets (1 to 32 allowed)"))
        })?),
        NonceChoice::Given(n) => {
            check_nonce_len(n).map_err(|_| {
                OcspError::Request(format!("a nonce of {} octets (1 to 32 allowed)", n.len()))
            })?;
            Some(n.clone())
        }
    };
    let cert_id = CertIdSource::of(certificate, issuer).cert_id(options.hash)?;
    let request_extensions = match &nonce {
        Some(n) => Some(vec![nonce_extension(n)?]),
        None => None,
    };
    let request = OcspRequest {
        tbs_request: TbsRequest {
            version: Version::V1,
            requestor_name: None,
            request_list: vec![Request {
                req_cert: cert_id,
                single_request_extensions: None,
            }],
            request_extensions,
        },
        optional_signature: None,
    };
    Ok(PreparedRequest {
        der: request.to_der()?,
        nonce,
        hash: options.hash,
    })
}
