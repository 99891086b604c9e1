//! `manifest.json`: what a backup is and the SHA-256 of each of its files.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{BackupError, Summary, MANIFEST_FILE};
use crate::db::Backend;

/// The format name written into, and required of, every manifest.
pub const FORMAT: &str = "sertel-backup/1";

/// A backup's description.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// When the snapshot was taken (RFC 3339).
    pub created_at: String,
    /// The version of the server that wrote it.
    pub server_version: String,
    /// `sqlite` or `postgres`.
    pub engine: String,
    /// The database file in the backup.
    pub database: String,
    /// What the snapshot holds.
    pub summary: Summary,
    /// Whether the CA passphrase file is in the backup (false when the passphrase was given by
    /// `SERTEL_CA_PASSPHRASE`).
    pub ca_passphrase_included: bool,
    /// Every file of the backup but this manifest (relative path → SHA-256 hex).
    pub files: BTreeMap<String, String>,
}

/// The engine's name in the manifest.
pub(super) fn engine_name(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

impl Manifest {
    /// Writes the manifest into `dir`, flushed.
    pub(super) fn write(&self, dir: &Path) -> Result<(), BackupError> {
        let path = dir.join(MANIFEST_FILE);
        let text = serde_json::to_vec_pretty(self)
            .map_err(|e| BackupError::Invalid(format!("manifest: {e}")))?;
        let mut f = std::fs::File::create(&path).map_err(BackupError::io(&path))?;
        std::io::Write::write_all(&mut f, &text)
            .and_then(|_| f.sync_all())
            .map_err(BackupError::io(&path))
    }

    /// Reads and checks the manifest of the backup in `dir`.
    pub fn read(dir: &Path) -> Result<Manifest, BackupError> {
        let path = dir.join(MANIFEST_FILE);
        let text = std::fs::read(&path).map_err(BackupError::io(&path))?;
        let m: Manifest = serde_json::from_slice(&text).map_err(|e| {
            BackupError::Invalid(format!(
                "{}: not a Sertel backup manifest: {e}",
                path.display()
            ))
        })?;
        if m.format != FORMAT {
            return Err(BackupError::Invalid(format!(
                "{}: format {:?}, this server reads {FORMAT:?}",
                path.display(),
                m.format
            )));
        }
        for name in m.files.keys() {
            let p = Path::new(name);
            if p.is_absolute()
                || p.components()
                    .any(|c| !matches!(c, std::path::Component::Normal(_)))
            {
                return Err(BackupError::Invalid(format!(
                    "manifest: unsafe path {name:?}"
                )));
            }
        }
        Ok(m)
    }
}
