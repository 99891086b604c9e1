//! The app's small JSON files: read when present, written atomically (temporary file, sync,
//! rename) with mode 0600, since the profile holds personal data.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::DesktopError;

/// Reads `path` as JSON; `None` when the file does not exist.
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, DesktopError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(DesktopError::io(path)(e)),
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| DesktopError::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })
}

/// Writes `value` to `path` as pretty JSON, atomically, creating the folder if needed.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), DesktopError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(DesktopError::io(dir))?;
    }
    let mut text = serde_json::to_string_pretty(value).map_err(|e| DesktopError::Corrupt {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })?;
    text.push('\n');
    sertel_core::key::write_secret_file(path, text.as_bytes(), true).map_err(DesktopError::core)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_reads_as_none_and_a_written_one_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("x.json");
        assert_eq!(read_json::<Vec<u8>>(&path).unwrap(), None);
        write_json(&path, &vec![1u8, 2]).unwrap();
        assert_eq!(read_json::<Vec<u8>>(&path).unwrap(), Some(vec![1, 2]));
    }

    #[test]
    fn a_damaged_file_is_reported_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, "{not json").unwrap();
        let err = read_json::<Vec<u8>>(&path).unwrap_err();
        assert!(matches!(err, DesktopError::Corrupt { .. }), "{err:?}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{not json");
    }
}
