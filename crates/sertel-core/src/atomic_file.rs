//! Writing a file atomically: a temporary file in the same directory, created with the final
//! file's mode (0600 for secrets, 0644 less the umask for documents meant to be shared), written,
//! synced, renamed into place, and the directory synced.
//!
//! On any failure the temporary file is removed, so no partial file is ever left behind.

use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Why an atomic write failed.
#[derive(Debug)]
pub(crate) enum AtomicWriteError {
    /// The target exists and overwriting was not asked for.
    AlreadyExists,
    /// An I/O error (the temporary file has been removed).
    Io(io::Error),
}

/// Who may read the file written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Visibility {
    /// Only the owner (mode 0600): keys, backups.
    Secret,
    /// Anyone the umask allows (mode 0644 less the umask): reports meant to be shared.
    Shared,
}

/// Writes `contents` to `path` atomically with mode 0600.
pub(crate) fn write_file_atomically(
    path: &Path,
    contents: &[u8],
    overwrite: bool,
) -> Result<(), AtomicWriteError> {
    write_atomically_with(path, overwrite, Visibility::Secret, |file| {
        file.write_all(contents)
    })
}

/// Writes `contents` to `path` atomically, readable as the umask allows.
pub(crate) fn write_shared_file_atomically(
    path: &Path,
    contents: &[u8],
    overwrite: bool,
) -> Result<(), AtomicWriteError> {
    write_atomically_with(path, overwrite, Visibility::Shared, |file| {
        file.write_all(contents)
    })
}

/// Like [`write_file_atomically`], with the content produced by `write` (so failures in the middle
/// of writing can be exercised).
pub(crate) fn write_atomically_with(
    path: &Path,
    overwrite: bool,
    visibility: Visibility,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), AtomicWriteError> {
    if !overwrite && path.symlink_metadata().is_ok() {
        return Err(AtomicWriteError::AlreadyExists);
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".sertel-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = match visibility {
            Visibility::Secret => 0o600,
            Visibility::Shared => 0o644,
        };
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = visibility;
    let mut tmp = builder.tempfile_in(dir).map_err(AtomicWriteError::Io)?;
    // From here on, dropping `tmp` on an early return deletes the temporary file.
    write(tmp.as_file_mut()).map_err(AtomicWriteError::Io)?;
    tmp.as_file().sync_all().map_err(AtomicWriteError::Io)?;
    let persisted = if overwrite {
        tmp.persist(path)
    } else {
        tmp.persist_noclobber(path)
    };
    if let Err(e) = persisted {
        let kind = e.error.kind();
        drop(e.file);
        return Err(if kind == io::ErrorKind::AlreadyExists && !overwrite {
            AtomicWriteError::AlreadyExists
        } else {
            AtomicWriteError::Io(e.error)
        });
    }
    sync_dir(dir).map_err(AtomicWriteError::Io)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn failure_while_writing_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("key.pem");
        let err = write_atomically_with(&target, false, Visibility::Secret, |f| {
            f.write_all(b"-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB")?;
            Err(io::Error::other("disk full (injected)"))
        })
        .unwrap_err();
        assert!(matches!(err, AtomicWriteError::Io(_)));
        assert!(
            entries(dir.path()).is_empty(),
            "left: {:?}",
            entries(dir.path())
        );
    }

    #[test]
    fn existing_target_is_kept_unless_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("key.pem");
        std::fs::write(&target, b"old").unwrap();
        let err = write_file_atomically(&target, b"new", false).unwrap_err();
        assert!(matches!(err, AtomicWriteError::AlreadyExists));
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        write_file_atomically(&target, b"new", true).unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        assert_eq!(entries(dir.path()), vec!["key.pem".to_owned()]);
    }

    #[cfg(unix)]
    #[test]
    fn created_with_mode_0600() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("key.pem");
        write_file_atomically(&target, b"x", false).unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn shared_files_are_readable_by_others_as_the_umask_allows() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("laporan.pdf");
        write_shared_file_atomically(&target, b"%PDF-", false).unwrap();
        let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode & 0o600, 0o600, "owner reads and writes: {mode:o}");
        assert_eq!(
            mode & 0o133,
            0,
            "never executable nor writable by others: {mode:o}"
        );
    }
}
