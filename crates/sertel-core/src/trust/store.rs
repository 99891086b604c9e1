//! The trust anchors a path must end at. Sertel ships none: the user imports the regency CA and
//! the national roots they rely on.

use std::path::{Path, PathBuf};

use super::cert::PathCertificate;
use super::error::{CertificateError, TrustStoreError};

/// The most anchors a store holds unless configured otherwise.
pub const DEFAULT_MAX_ANCHORS: usize = 1000;

/// The largest file [`TrustStore::add_file`] reads, in bytes.
pub const MAX_TRUST_FILE_BYTES: u64 = 16 * 1024 * 1024;

const PEM_BEGIN: &str = "-----BEGIN CERTIFICATE-----";
const PEM_END: &str = "-----END CERTIFICATE-----";

/// Trust anchors, each a certificate whose name and key a path may end at. Anchors are taken as
/// they are: their own signature, constraints and revocation are not checked, only their
/// validity period (see [`super::ValidationOptions`]).
#[derive(Clone, Debug)]
pub struct TrustStore {
    anchors: Vec<PathCertificate>,
    limit: usize,
}

/// What [`TrustStore::add_dir`] did.
#[derive(Debug, Default)]
pub struct DirectoryImport {
    /// How many new anchors were added.
    pub added: usize,
    /// Files that could not be used, with the reason.
    pub skipped: Vec<(PathBuf, TrustStoreError)>,
}

impl Default for TrustStore {
    fn default() -> Self {
        TrustStore::new()
    }
}

fn io_error(path: &Path, e: std::io::Error) -> TrustStoreError {
    TrustStoreError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

impl TrustStore {
    /// An empty store holding at most [`DEFAULT_MAX_ANCHORS`].
    pub fn new() -> TrustStore {
        TrustStore::with_limit(DEFAULT_MAX_ANCHORS)
    }

    /// An empty store holding at most `limit` anchors.
    pub fn with_limit(limit: usize) -> TrustStore {
        TrustStore {
            anchors: Vec::new(),
            limit,
        }
    }

    /// Adds an anchor. Returns `false` if the store already had it.
    pub fn add(&mut self, anchor: PathCertificate) -> Result<bool, CertificateError> {
        if self.anchors.contains(&anchor) {
            return Ok(false);
        }
        if self.anchors.len() >= self.limit {
            return Err(CertificateError::TooMany { limit: self.limit });
        }
        self.anchors.push(anchor);
        Ok(true)
    }

    /// Adds a DER certificate. Returns `false` if the store already had it.
    pub fn add_der(&mut self, der: &[u8]) -> Result<bool, TrustStoreError> {
        Ok(self.add(PathCertificate::from_der(der)?)?)
    }

    /// Adds every `CERTIFICATE` block of a PEM text (other blocks are ignored) and returns how
    /// many were new. Nothing is added unless every certificate block is readable.
    pub fn add_pem(&mut self, text: &str) -> Result<usize, TrustStoreError> {
        let mut certs = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(PEM_BEGIN) {
            let end = rest[start..]
                .find(PEM_END)
                .ok_or_else(|| TrustStoreError::Pem("unterminated CERTIFICATE block".into()))?;
            let block = &rest[start..start + end + PEM_END.len()];
            let (_, der) = der::pem::decode_vec(block.as_bytes())
                .map_err(|e| TrustStoreError::Pem(e.to_string()))?;
            certs.push(PathCertificate::from_der(&der)?);
            rest = &rest[start + end + PEM_END.len()..];
        }
        if certs.is_empty() {
            return Err(TrustStoreError::Pem("no CERTIFICATE block".into()));
        }
        let mut added = 0;
        for cert in certs {
            added += usize::from(self.add(cert)?);
        }
        Ok(added)
    }

    /// Adds the certificates of a file, PEM (one or more blocks) or DER, and returns how many
    /// were new.
    pub fn add_file(&mut self, path: &Path) -> Result<usize, TrustStoreError> {
        let size = std::fs::metadata(path)
            .map_err(|e| io_error(path, e))?
            .len();
        if size > MAX_TRUST_FILE_BYTES {
            return Err(TrustStoreError::Io {
                path: path.to_path_buf(),
                message: format!("{size} bytes, over the limit of {MAX_TRUST_FILE_BYTES}"),
            });
        }
        let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
        match std::str::from_utf8(&bytes) {
            Ok(text) if text.contains(PEM_BEGIN) => self.add_pem(text),
            _ => self.add_der(&bytes).map(usize::from),
        }
    }

    /// Adds every `.pem`, `.crt`, `.cer` and `.der` file directly inside `dir` (not in
    /// sub-folders), in name order. Files that cannot be used are listed, not fatal.
    pub fn add_dir(&mut self, dir: &Path) -> Result<DirectoryImport, TrustStoreError> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| io_error(dir, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .filter(|p| {
                p.extension().and_then(|x| x.to_str()).is_some_and(|x| {
                    ["pem", "crt", "cer", "der"].contains(&x.to_ascii_lowercase().as_str())
                })
            })
            .collect();
        files.sort();
        let mut report = DirectoryImport::default();
        for file in files {
            match self.add_file(&file) {
                Ok(n) => report.added += n,
                Err(e) => report.skipped.push((file, e)),
            }
        }
        Ok(report)
    }

    /// The anchors, in the order they were added.
    pub fn anchors(&self) -> &[PathCertificate] {
        &self.anchors
    }

    /// How many anchors the store holds.
    pub fn len(&self) -> usize {
        self.anchors.len()
    }

    /// Whether the store holds no anchor (then no path validates).
    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }
}
