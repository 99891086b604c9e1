//! The OCSP responses at hand for path validation (from a PDF's document security store,
//! fetched, or supplied), decoded once. Nothing in the set is trusted until the trust engine
//! has checked its signer.

use std::sync::Arc;

use super::error::OcspError;
use super::response::{ParsedResponse, MAX_RESPONSE_BYTES};

/// Limits on the responses an [`OcspResponseSet`] accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct OcspLimits {
    /// The most responses in the set.
    pub max_responses: usize,
    /// The largest response, in bytes (at most [`MAX_RESPONSE_BYTES`]).
    pub max_bytes: usize,
}

impl Default for OcspLimits {
    fn default() -> Self {
        OcspLimits {
            max_responses: 256,
            max_bytes: MAX_RESPONSE_BYTES,
        }
    }
}

/// Successful basic OCSP responses, without duplicates.
#[derive(Clone, Debug, Default)]
pub struct OcspResponseSet {
    responses: Vec<Arc<ParsedResponse>>,
    limits: OcspLimits,
}

impl OcspResponseSet {
    /// An empty set with the default limits.
    pub fn new() -> OcspResponseSet {
        OcspResponseSet::default()
    }

    /// An empty set with the given limits.
    pub fn with_limits(limits: OcspLimits) -> OcspResponseSet {
        OcspResponseSet {
            responses: Vec::new(),
            limits,
        }
    }

    /// Adds a DER `OCSPResponse`. Returns `false` if the set already had it. A response whose
    /// status is not successful is refused ([`OcspError::Unsuccessful`]).
    pub fn add_der(&mut self, der: &[u8]) -> Result<bool, OcspError> {
        let limit = self.limits.max_bytes.min(MAX_RESPONSE_BYTES);
        if der.len() > limit {
            return Err(OcspError::TooLarge {
                size: der.len(),
                limit,
            });
        }
        let parsed = ParsedResponse::from_der(der)?;
        if self
            .responses
            .iter()
            .any(|r| r.fingerprint == parsed.fingerprint)
        {
            return Ok(false);
        }
        if self.responses.len() >= self.limits.max_responses {
            return Err(OcspError::TooMany {
                limit: self.limits.max_responses,
            });
        }
        self.responses.push(Arc::new(parsed));
        Ok(true)
    }

    /// How many responses the set holds.
    pub fn len(&self) -> usize {
        self.responses.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.responses.is_empty()
    }

    pub(crate) fn responses(&self) -> &[Arc<ParsedResponse>] {
        &self.responses
    }
}
