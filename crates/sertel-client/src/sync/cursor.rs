//! The sync cursor on disk: `{"cursor": N}`, written atomically.

use std::path::{Path, PathBuf};

use crate::ClientError;

/// The file holding the last event id the app has seen (one per user and server).
#[derive(Clone, Debug)]
pub struct CursorFile {
    path: PathBuf,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Stored {
    cursor: i64,
}

impl CursorFile {
    /// The cursor at `path` (the file need not exist yet).
    pub fn new(path: impl Into<PathBuf>) -> CursorFile {
        CursorFile { path: path.into() }
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The stored cursor, 0 when there is none yet.
    pub fn load(&self) -> Result<i64, ClientError> {
        match std::fs::read(&self.path) {
            Ok(data) => serde_json::from_slice::<Stored>(&data)
                .map(|s| s.cursor.max(0))
                .map_err(|e| ClientError::storage(&self.path, e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(0),
            Err(e) => Err(ClientError::storage(&self.path, e)),
        }
    }

    /// Stores `cursor`.
    pub fn save(&self, cursor: i64) -> Result<(), ClientError> {
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| ClientError::storage(dir, e))?;
        }
        let data = serde_json::to_vec(&Stored { cursor })
            .map_err(|e| ClientError::storage(&self.path, e))?;
        crate::private_file::replace(&self.path, &data)
            .map_err(|e| ClientError::storage(&self.path, e))
    }
}
