//! The session token in a file only the user may read: the fallback where no OS keyring can
//! be used (a machine without a desktop session, where the Secret Service is not running).
//!
//! The file is JSON, mode 0600, in a directory created with mode 0700, written atomically. A
//! file that others can read (its mode was widened) is not trusted: it is removed and the
//! user signs in again.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::model::SessionToken;
use crate::private_file;
use crate::{ClientError, TokenStore};

/// A [`TokenStore`] in one file.
#[derive(Debug)]
pub struct FileTokenStore {
    path: PathBuf,
    lock: Mutex<()>,
}

impl FileTokenStore {
    /// The store in the file at `path` (created on the first [`TokenStore::save`]).
    pub fn new(path: impl Into<PathBuf>) -> FileTokenStore {
        FileTokenStore {
            path: path.into(),
            lock: Mutex::new(()),
        }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, ()> {
        // The lock only orders file operations; a panic elsewhere leaves nothing half done.
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn fail(&self, e: impl std::fmt::Display) -> ClientError {
        ClientError::token_store(format!("{}: {e}", self.path.display()))
    }

    fn remove(&self) -> Result<(), ClientError> {
        match std::fs::remove_file(&self.path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(self.fail(e)),
        }
        match self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            Some(dir) => private_file::sync_dir(dir).map_err(|e| self.fail(e)),
            None => Ok(()),
        }
    }
}

impl TokenStore for FileTokenStore {
    fn load(&self) -> Result<Option<SessionToken>, ClientError> {
        let _g = self.guard();
        let data = match std::fs::read(&self.path) {
            Ok(data) => data,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(self.fail(e)),
        };
        if readable_by_others(&self.path).map_err(|e| self.fail(e))? {
            self.remove()?;
            return Ok(None);
        }
        serde_json::from_slice(&data)
            .map(Some)
            .map_err(|e| self.fail(format!("not a stored session ({e})")))
    }

    fn save(&self, token: &SessionToken) -> Result<(), ClientError> {
        let _g = self.guard();
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            create_private_dir(dir).map_err(|e| self.fail(e))?;
        }
        let data = serde_json::to_vec(token).map_err(|e| self.fail(e))?;
        private_file::replace(&self.path, &data).map_err(|e| self.fail(e))
    }

    fn clear(&self) -> Result<(), ClientError> {
        let _g = self.guard();
        self.remove()
    }
}

/// Whether anyone but the owner may read or write the file.
#[cfg(unix)]
fn readable_by_others(path: &Path) -> std::io::Result<bool> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::metadata(path)?.permissions().mode() & 0o077 != 0)
}

/// Whether anyone but the owner may read the file (no such check on this platform).
#[cfg(not(unix))]
fn readable_by_others(_path: &Path) -> std::io::Result<bool> {
    Ok(false)
}

/// Creates `dir` and its parents; the directories created get mode 0700.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}
