//! Certificates a path may be built from: those in the CMS signature, in the PDF's document
//! security store, or supplied otherwise. Nothing in the pool is trusted by being there.

use super::cert::PathCertificate;
use super::error::CertificateError;

/// The most certificates a pool holds unless configured otherwise.
pub const DEFAULT_MAX_POOL: usize = 256;

/// Candidate intermediate certificates (and CRL issuers' certificates), without duplicates.
#[derive(Clone, Debug)]
pub struct CertPool {
    certs: Vec<PathCertificate>,
    limit: usize,
}

impl Default for CertPool {
    fn default() -> Self {
        CertPool::new()
    }
}

impl CertPool {
    /// An empty pool holding at most [`DEFAULT_MAX_POOL`] certificates.
    pub fn new() -> CertPool {
        CertPool::with_limit(DEFAULT_MAX_POOL)
    }

    /// An empty pool holding at most `limit` certificates.
    pub fn with_limit(limit: usize) -> CertPool {
        CertPool {
            certs: Vec::new(),
            limit,
        }
    }

    /// Adds a certificate. Returns `false` if the pool already had it.
    pub fn add(&mut self, cert: PathCertificate) -> Result<bool, CertificateError> {
        if self.certs.contains(&cert) {
            return Ok(false);
        }
        if self.certs.len() >= self.limit {
            return Err(CertificateError::TooMany { limit: self.limit });
        }
        self.certs.push(cert);
        Ok(true)
    }

    /// Adds a DER certificate. Returns `false` if the pool already had it.
    pub fn add_der(&mut self, der: &[u8]) -> Result<bool, CertificateError> {
        self.add(PathCertificate::from_der(der)?)
    }

    /// The certificates, in the order they were added.
    pub fn certificates(&self) -> &[PathCertificate] {
        &self.certs
    }

    /// How many certificates the pool holds.
    pub fn len(&self) -> usize {
        self.certs.len()
    }

    /// Whether the pool is empty.
    pub fn is_empty(&self) -> bool {
        self.certs.is_empty()
    }
}
