//! File copies for backup and restore: hashed while copied, flushed to disk, private to the
//! user (0600 files, 0700 directories), as the data directory is.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::BackupError;

/// Creates `dir` (and its parents), 0700.
pub(super) fn create_dir(dir: &Path) -> Result<(), BackupError> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(BackupError::io(dir))
}

/// Flushes a directory's entries to disk.
pub(super) fn sync_dir(dir: &Path) -> Result<(), BackupError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(BackupError::io(dir))
}

/// Whether `dir` is missing or an empty directory.
pub(super) fn missing_or_empty(dir: &Path) -> Result<bool, BackupError> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(BackupError::io(dir)(e)),
    }
}

/// Copies `from` to the new file `to` (0600, flushed); returns the SHA-256 of the content (hex).
pub(super) fn copy_file(from: &Path, to: &Path) -> Result<String, BackupError> {
    let mut src = File::open(from).map_err(BackupError::io(from))?;
    let mut dst = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(to)
        .map_err(BackupError::io(to))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = src.read(&mut buf).map_err(BackupError::io(from))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        dst.write_all(&buf[..n]).map_err(BackupError::io(to))?;
    }
    dst.sync_all().map_err(BackupError::io(to))?;
    Ok(hex::encode(hasher.finalize()))
}

/// The SHA-256 of a file's content (hex).
pub(super) fn sha256_file(path: &Path) -> Result<String, BackupError> {
    let mut f = File::open(path).map_err(BackupError::io(path))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut f, &mut hasher).map_err(BackupError::io(path))?;
    Ok(hex::encode(hasher.finalize()))
}

/// The documents under a store directory (`<2 hex>/<64 hex>`), as paths relative to it; empty
/// when the directory does not exist. Anything else (temporary files of a write in progress)
/// is left out.
pub(super) fn documents_in(dir: &Path) -> Result<Vec<PathBuf>, BackupError> {
    let mut out = Vec::new();
    let top = match std::fs::read_dir(dir) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(BackupError::io(dir)(e)),
    };
    for prefix in top {
        let prefix = prefix.map_err(BackupError::io(dir))?;
        let prefix_name = prefix.file_name().to_string_lossy().into_owned();
        if prefix_name.len() != 2 || !prefix.path().is_dir() {
            continue;
        }
        for doc in std::fs::read_dir(prefix.path()).map_err(BackupError::io(&prefix.path()))? {
            let name = doc
                .map_err(BackupError::io(&prefix.path()))?
                .file_name()
                .to_string_lossy()
                .into_owned();
            if is_document_name(&name) && name.starts_with(&prefix_name) {
                out.push(Path::new(&prefix_name).join(name));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// A document's file name: its SHA-256, 64 lowercase hex digits.
pub(super) fn is_document_name(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
