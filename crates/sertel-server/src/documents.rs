//! Uploaded documents, stored under the data directory by the SHA-256 of their content.
//!
//! A document is written to a temporary file in the same directory, flushed to disk and renamed
//! into place, so a crash leaves either nothing or the whole file. The same content is stored
//! once. Files are written before the database transaction that refers to them; a file whose
//! transaction failed is an orphan that a later clean-up may remove (not yet built).

use std::io::Write;
use std::path::PathBuf;

use sha2::{Digest, Sha256};

/// The document directory.
#[derive(Clone, Debug)]
pub struct DocumentStore {
    dir: PathBuf,
}

impl DocumentStore {
    /// A store in `dir` (created on first write).
    pub fn new(dir: PathBuf) -> DocumentStore {
        DocumentStore { dir }
    }

    fn path(&self, sha256_hex: &str) -> PathBuf {
        self.dir.join(&sha256_hex[..2]).join(sha256_hex)
    }

    /// Stores `data` and returns its SHA-256 in hex.
    pub async fn put(&self, data: Vec<u8>) -> std::io::Result<String> {
        let digest = hex::encode(Sha256::digest(&data));
        let path = self.path(&digest);
        tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            if path.exists() {
                return Ok(());
            }
            let dir = path.parent().ok_or(std::io::ErrorKind::InvalidInput)?;
            std::fs::create_dir_all(dir)?;
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            tmp.write_all(&data)?;
            tmp.as_file().sync_all()?;
            tmp.persist(&path).map_err(|e| e.error)?;
            std::fs::File::open(dir)?.sync_all()
        })
        .await
        .map_err(std::io::Error::other)??;
        Ok(digest)
    }

    /// Reads a stored document; `None` if absent or if the name is not a SHA-256 in hex.
    pub async fn get(&self, sha256_hex: &str) -> std::io::Result<Option<Vec<u8>>> {
        if sha256_hex.len() != 64 || !sha256_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        match tokio::fs::read(self.path(sha256_hex)).await {
            Ok(d) => Ok(Some(d)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}
