//! `sertel-server backup` and `sertel-server restore`: a consistent copy of everything the
//! server needs, taken while it runs, and bringing it back into a new data directory.
//!
//! A backup is a directory:
//!
//! ```text
//! manifest.json      format, time, engine, the snapshot's summary, SHA-256 of every file
//! database.sqlite    SQLite: the database, written by `VACUUM INTO` (one read transaction)
//! database.pgdump    PostgreSQL: `pg_dump --format=custom` of one exported snapshot
//! ca-passphrase      the generated CA passphrase, when the server keeps it in its data dir
//! documents/…        the uploaded documents, content-addressed
//! ```
//!
//! The CA, OCSP (the CA's key) and TSA private keys live in the database's `ca` table,
//! encrypted under the CA passphrase, so the database copy carries them; the passphrase file
//! is copied beside it (when the passphrase comes from `SERTEL_CA_PASSPHRASE` instead, it is not
//! in the backup and the operator keeps it elsewhere, as they must anyway).
//!
//! Consistency: the database is copied first, from one snapshot. Documents are written to the
//! store before the transaction that refers to them commits and are never changed, so every
//! document the snapshot refers to is already on disk when the documents are copied after it;
//! the backup checks that each one is there and hashes to its name. The summary (numbers of
//! applications, certificates and audit entries, the audit head) is read from the same
//! snapshot; `restore` checks the restored database against it and verifies the audit chain.
//!
//! The backup is written to `<DEST>.partial` and renamed to `<DEST>` when complete, so a
//! failed or interrupted backup never looks like a finished one.

mod create;
mod files;
mod manifest;
mod postgres;
mod restore;
mod summary;

pub use create::backup;
pub use manifest::{Manifest, FORMAT};
pub use restore::{restore, RestoreReport};
pub use summary::Summary;

/// The database file of a SQLite backup.
pub const SQLITE_FILE: &str = "database.sqlite";
/// The database file of a PostgreSQL backup.
pub const PGDUMP_FILE: &str = "database.pgdump";
/// The manifest.
pub const MANIFEST_FILE: &str = "manifest.json";
/// The CA passphrase file (same name as in the data directory).
pub const PASSPHRASE_FILE: &str = "ca-passphrase";
/// The documents directory (same name as in the data directory).
pub const DOCUMENTS_DIR: &str = "documents";

/// A backup or restore failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BackupError {
    /// Reading or writing a file.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory.
        path: std::path::PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The database.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// `pg_dump` or `pg_restore` is missing or failed.
    #[error("{0}")]
    PgTool(String),
    /// The backup is damaged, incomplete or does not fit the target.
    #[error("{0}")]
    Invalid(String),
    /// The target is not empty (or the source has no database).
    #[error("{0}")]
    Refused(String),
}

impl BackupError {
    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> BackupError + '_ {
        move |source| BackupError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}
