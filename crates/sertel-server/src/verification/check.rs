//! Checking an uploaded PDF without storing it: the bytes go into an anonymous memory file
//! (`memfd_create`), which the validator opens through `/proc/self/fd`; nothing is written to a
//! disk, the data directory or the database, and the memory file is gone when it is closed.
//!
//! Trust: only the server's own CA, with the CRL the server publishes from its own database
//! (so a revocation recorded here counts at once); nothing is fetched (offline verification).
//! An unknown revocation status fails hard.

use std::io::Write;
use std::os::fd::AsRawFd;
use std::path::PathBuf;

use sertel_core::pades::prepare::DOCUMENT_ID_KEY;
use sertel_core::trust::{CrlSet, TrustStore};
use sertel_core::verify::{fields, Verifier, VerifyOptions, VerifyReport};
use sha2::{Digest, Sha256};

/// What an upload was found to be.
#[derive(Debug)]
pub struct Checked {
    /// The validator's report.
    pub report: VerifyReport,
    /// The `/SertelDocumentId` of each signature of the report, in the same order.
    pub document_ids: Vec<Option<String>>,
    /// SHA-256 of the uploaded bytes, lowercase hex.
    pub sha256: String,
}

/// Why an upload could not be checked at all.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    /// The memory file could not be made or written (a server-side failure).
    #[error("memory file: {0}")]
    Memory(String),
    /// The validator could not read the file as a PDF.
    #[error("not a readable PDF: {0}")]
    Unreadable(String),
}

/// Verifies `pdf` trusting the CA certificate `ca_der` with the CRL `crl_der`.
pub fn check(pdf: &[u8], ca_der: &[u8], crl_der: Option<&[u8]>) -> Result<Checked, CheckError> {
    let sha256 = hex::encode(Sha256::digest(pdf));
    let fd = rustix::fs::memfd_create("sertel-verify", rustix::fs::MemfdFlags::CLOEXEC)
        .map_err(|e| CheckError::Memory(e.to_string()))?;
    let mut file = std::fs::File::from(fd);
    file.write_all(pdf)
        .map_err(|e| CheckError::Memory(e.to_string()))?;
    let path = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));

    let mut trust = TrustStore::new();
    trust
        .add_der(ca_der)
        .map_err(|e| CheckError::Memory(format!("the CA certificate: {e}")))?;
    let mut crls = CrlSet::new();
    if let Some(der) = crl_der {
        crls.add_der(der)
            .map_err(|e| CheckError::Memory(format!("the CRL: {e}")))?;
    }
    let mut options = VerifyOptions::trusting(trust);
    options.crls = crls;
    let report = Verifier::new(options)
        .verify_file(&path)
        .map_err(|e| CheckError::Unreadable(e.to_string()))?;
    let document_ids = document_ids(&path, report.signatures.len());
    drop(file);
    Ok(Checked {
        report,
        document_ids,
        sha256,
    })
}

/// The document id of every signature field, in the validator's order (`None` where absent or
/// when the fields cannot be read again).
fn document_ids(path: &std::path::Path, count: usize) -> Vec<Option<String>> {
    let read = || -> Option<Vec<Option<String>>> {
        let file = std::fs::File::open(path).ok()?;
        let doc = sertel_pdf::Document::open(file, sertel_pdf::Limits::default()).ok()?;
        let fields = fields::signature_fields(&doc).ok()?;
        Some(
            fields
                .iter()
                .map(|f| match f.value.get(DOCUMENT_ID_KEY) {
                    Some(sertel_pdf::Object::String(s)) => {
                        Some(String::from_utf8_lossy(&s.bytes).to_ascii_lowercase())
                    }
                    _ => None,
                })
                .collect(),
        )
    };
    let mut ids = read().unwrap_or_default();
    ids.resize(count, None);
    ids
}
