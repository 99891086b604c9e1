//! The trust folder the CLI and the app share: the CA certificates the user chose to trust,
//! one PEM file each. Importing copies a checked certificate in; removing deletes its file.

use std::path::{Path, PathBuf};

use der::Decode;
use serde::Serialize;
use sertel_core::pades::text::display_date;
use sertel_core::trust::{PathCertificate, TrustStore};
use sertel_core::x509::certificate_to_pem;
use x509_cert::Certificate;

use crate::DesktopError;

/// One trusted certificate as the Settings screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Anchor {
    /// The file in the trust folder.
    pub file: String,
    /// The subject's common name, or the whole subject.
    pub name: String,
    /// Valid until (WIB).
    pub not_after: String,
    /// SHA-256 of the certificate, hex.
    pub fingerprint: String,
}

fn anchor_of(file: &Path, cert: &PathCertificate) -> Anchor {
    let name = cert
        .certificate()
        .and_then(sertel_core::certinfo::common_name)
        .unwrap_or_else(|| cert.subject_text());
    Anchor {
        file: file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        name,
        not_after: display_date(cert.not_after().unix_timestamp()),
        fingerprint: cert
            .fingerprint()
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect(),
    }
}

/// Every certificate in the trust folder, by file name (an absent folder holds none).
pub fn list(trust_dir: &Path) -> Result<Vec<Anchor>, DesktopError> {
    if !trust_dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(trust_dir)
        .map_err(DesktopError::io(trust_dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut anchors = Vec::new();
    for file in files {
        let mut store = TrustStore::new();
        if store.add_file(&file).is_ok() {
            anchors.extend(store.anchors().iter().map(|c| anchor_of(&file, c)));
        }
    }
    Ok(anchors)
}

/// Copies the certificates of `source` (PEM or DER) into the trust folder, one file each,
/// named after the certificate; returns the anchors added.
pub fn import(trust_dir: &Path, source: &Path) -> Result<Vec<Anchor>, DesktopError> {
    if !source.is_file() {
        return Err(DesktopError::FileNotFound(source.to_path_buf()));
    }
    let mut store = TrustStore::new();
    store.add_file(source).map_err(DesktopError::core)?;
    if store.is_empty() {
        return Err(DesktopError::NotCaCertificate(source.to_path_buf()));
    }
    std::fs::create_dir_all(trust_dir).map_err(DesktopError::io(trust_dir))?;
    let mut added = Vec::new();
    for cert in store.anchors() {
        let parsed = Certificate::from_der(cert.der())
            .map_err(|_| DesktopError::NotCaCertificate(source.to_path_buf()))?;
        let pem = certificate_to_pem(&parsed).map_err(DesktopError::core)?;
        let fingerprint: String = cert.fingerprint()[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let file = trust_dir.join(format!(
            "{}-{fingerprint}.pem",
            slug(&anchor_of(source, cert).name)
        ));
        // The same certificate imported twice keeps its one file.
        if !file.exists() {
            sertel_core::key::write_secret_file(&file, pem.as_bytes(), false)
                .map_err(DesktopError::core)?;
        }
        added.push(anchor_of(&file, cert));
    }
    Ok(added)
}

/// Removes the file `file_name` from the trust folder (a bare file name, nothing else).
pub fn remove(trust_dir: &Path, file_name: &str) -> Result<(), DesktopError> {
    let path = trust_dir.join(file_name);
    if file_name.contains(['/', '\\']) || file_name.starts_with('.') || !path.is_file() {
        return Err(DesktopError::FileNotFound(path));
    }
    std::fs::remove_file(&path).map_err(DesktopError::io(path))
}

fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() {
        "ca".into()
    } else {
        s.chars().take(48).collect()
    }
}
