//! Saving a report: atomically, and never over an existing file unless asked.

use std::path::Path;

use super::error::ReportError;
use crate::atomic_file::{write_shared_file_atomically, AtomicWriteError};

/// Writes the report `pdf` to `path`: through a temporary file in the same folder renamed into
/// place, so a reader never sees half a report. An existing file is kept unless `overwrite`.
pub fn write_report(path: &Path, pdf: &[u8], overwrite: bool) -> Result<(), ReportError> {
    write_shared_file_atomically(path, pdf, overwrite).map_err(|e| match e {
        AtomicWriteError::AlreadyExists => ReportError::AlreadyExists(path.to_path_buf()),
        AtomicWriteError::Io(source) => ReportError::Io {
            path: path.to_path_buf(),
            source,
        },
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_report_is_kept_unless_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("laporan.pdf");
        std::fs::write(&path, b"old").unwrap();
        let err = write_report(&path, b"new", false).unwrap_err();
        assert!(matches!(err, ReportError::AlreadyExists(_)), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_report(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
