//! One queued submission on disk: a directory holding `entry.json` and one file per form field.
//!
//! ```text
//! queue/00000003-sertel-3f9c…/
//!     entry.json          {"format":1,"seq":3,"action":{"type":"resubmit","application_id":"…"},
//!                          "idempotency_key":"sertel-3f9c…","user_id":"…","queued_at":"…",
//!                          "consent_version":"…","fields":[{"name":"csr","file":"csr.bin",
//!                          "sha256":"…","size":412}, …]}
//!     csr.bin, recommendation_letter.bin, ktp.bin, …
//! ```
//!
//! Every file is written atomically (`sertel_core::atomic_file`) into a directory named
//! `.incoming-<key>`, which is renamed into place only when all of them are on disk: a crash
//! leaves either a complete entry or an `.incoming-` directory that the next open removes.

use std::path::{Path, PathBuf};

use aws_lc_rs::digest::{digest, SHA256};
use serde::{Deserialize, Serialize};

use crate::submission::{Action, DocumentKind, Submission};
use crate::ClientError;

/// The version of the entry format.
const FORMAT: u32 = 1;
/// The entry's description file.
pub(super) const ENTRY_FILE: &str = "entry.json";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct StoredField {
    pub name: String,
    pub file: String,
    pub sha256: String,
    pub size: u64,
}

/// A submission waiting in the outbox (or set aside after the server refused it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedSubmission {
    format: u32,
    /// Its place in the queue: entries are sent in this order.
    pub seq: u64,
    /// What it is for.
    pub action: Action,
    /// The key sent with every try, so the server acts on it once.
    pub idempotency_key: String,
    /// The user who queued it; it is sent only under their session.
    pub user_id: String,
    /// When it was queued (RFC 3339).
    pub queued_at: String,
    /// The consent version sent with it.
    pub consent_version: String,
    fields: Vec<StoredField>,
}

impl QueuedSubmission {
    /// The entry's name (its directory).
    pub fn name(&self) -> String {
        format!("{:08}-{}", self.seq, self.idempotency_key)
    }

    /// The documents it carries.
    pub fn documents(&self) -> Vec<DocumentKind> {
        self.fields
            .iter()
            .filter_map(|f| DocumentKind::parse(&f.name))
            .collect()
    }

    /// Writes `submission` as a complete entry in `queue`, via `queue/.incoming-<key>`.
    pub(super) fn write(
        queue: &Path,
        seq: u64,
        action: Action,
        key: String,
        user_id: &str,
        submission: &Submission,
    ) -> Result<QueuedSubmission, ClientError> {
        let incoming = queue.join(format!(".incoming-{key}"));
        std::fs::create_dir(&incoming).map_err(|e| ClientError::storage(&incoming, e))?;
        let mut fields = Vec::new();
        for (name, data) in submission.fields() {
            if name == "consent_version" {
                continue;
            }
            let file = format!("{name}.bin");
            write_file(&incoming.join(&file), data)?;
            fields.push(StoredField {
                name: name.to_owned(),
                file,
                sha256: hex::encode(digest(&SHA256, data)),
                size: data.len() as u64,
            });
        }
        let entry = QueuedSubmission {
            format: FORMAT,
            seq,
            action,
            idempotency_key: key,
            user_id: user_id.to_owned(),
            queued_at: now(),
            consent_version: submission.consent_version.clone(),
            fields,
        };
        let json =
            serde_json::to_vec_pretty(&entry).map_err(|e| ClientError::storage(&incoming, e))?;
        write_file(&incoming.join(ENTRY_FILE), &json)?;
        sync_dir(&incoming)?;
        let target = queue.join(entry.name());
        std::fs::rename(&incoming, &target).map_err(|e| ClientError::storage(&target, e))?;
        sync_dir(queue)?;
        Ok(entry)
    }

    /// Reads the entry in `dir`.
    pub(super) fn read(dir: &Path) -> Result<QueuedSubmission, ClientError> {
        let path = dir.join(ENTRY_FILE);
        let data = std::fs::read(&path).map_err(|e| ClientError::storage(&path, e))?;
        let entry: QueuedSubmission = serde_json::from_slice(&data).map_err(|e| corrupt(dir, e))?;
        if entry.format != FORMAT {
            return Err(corrupt(dir, format!("unknown format {}", entry.format)));
        }
        Ok(entry)
    }

    /// The submission, read back from `dir` and checked against the digests written.
    pub(super) fn load(&self, dir: &Path) -> Result<Submission, ClientError> {
        let mut submission = Submission {
            csr: None,
            consent_version: self.consent_version.clone(),
            documents: Vec::new(),
        };
        for f in &self.fields {
            if f.file.contains(['/', '\\']) || f.file.starts_with('.') {
                return Err(corrupt(dir, format!("bad file name {:?}", f.file)));
            }
            let data = std::fs::read(dir.join(&f.file)).map_err(|e| corrupt(dir, e))?;
            if hex::encode(digest(&SHA256, &data)) != f.sha256 {
                return Err(corrupt(dir, format!("{} changed on disk", f.file)));
            }
            match (f.name.as_str(), DocumentKind::parse(&f.name)) {
                ("csr", _) => submission.csr = Some(data),
                (_, Some(kind)) => submission.documents.push((kind, data)),
                (other, None) => return Err(corrupt(dir, format!("unknown field {other:?}"))),
            }
        }
        Ok(submission)
    }
}

fn corrupt(dir: &Path, reason: impl std::fmt::Display) -> ClientError {
    ClientError::CorruptEntry {
        entry: dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        reason: reason.to_string(),
    }
}

pub(super) fn write_file(path: &Path, data: &[u8]) -> Result<(), ClientError> {
    crate::private_file::replace(path, data).map_err(|e| ClientError::storage(path, e))
}

pub(super) fn sync_dir(dir: &Path) -> Result<(), ClientError> {
    crate::private_file::sync_dir(dir).map_err(|e| ClientError::storage(dir, e))
}

/// Removes `path` with `remove` and syncs its folder; a path already gone is fine.
pub(super) fn remove_synced(
    path: &Path,
    remove: fn(&Path) -> std::io::Result<()>,
) -> Result<(), ClientError> {
    match remove(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(ClientError::storage(path, e)),
    }
    match path.parent() {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

/// The entry directories under `parent`, in queue order (skipping `.incoming-` ones).
pub(super) fn entry_dirs(parent: &Path) -> Result<Vec<PathBuf>, ClientError> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(parent)
        .map_err(|e| ClientError::storage(parent, e))?
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.path())
        .collect();
    dirs.sort();
    Ok(dirs)
}

pub(super) fn now() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}
