//! What the report is made of: per file, the verification (or why there is none) and the
//! file's identity, so the reader can tell that the report is about the very file they hold.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use aws_lc_rs::digest::{Context, SHA256};

use super::error::ReportError;
use crate::i18n::Text;
use crate::verify::VerifyReport;

/// A file's size and SHA-256, read in one streaming pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileIdentity {
    /// The size in bytes.
    pub size: u64,
    /// The SHA-256 of the whole file.
    pub sha256: [u8; 32],
}

impl FileIdentity {
    /// Reads the file at `path` to the end (in blocks; never whole in memory).
    pub fn read(path: &Path) -> Result<FileIdentity, ReportError> {
        let io = |source| ReportError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = File::open(path).map_err(io)?;
        let mut context = Context::new(&SHA256);
        let mut block = vec![0u8; 256 * 1024];
        let mut size = 0u64;
        loop {
            let n = match file.read(&mut block) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(io(e)),
            };
            context.update(&block[..n]);
            size += n as u64;
        }
        let mut sha256 = [0u8; 32];
        sha256.copy_from_slice(context.finish().as_ref());
        Ok(FileIdentity { size, sha256 })
    }

    /// The SHA-256 in lowercase hexadecimal, as `sha256sum` prints it.
    pub fn sha256_hex(&self) -> String {
        hex::encode(self.sha256)
    }
}

/// One file of a report.
#[derive(Clone, Copy, Debug)]
pub struct ReportedFile<'a> {
    /// The file as the user named it.
    pub path: &'a Path,
    /// Its size and SHA-256, read right after verifying it; `None` if it could not be read.
    pub identity: Option<FileIdentity>,
    /// The verification, or why the file could not be verified at all.
    pub outcome: Result<&'a VerifyReport, &'a Text>,
}

impl ReportedFile<'_> {
    /// The identity was read from a file of another size than the one verified: the file
    /// changed in between, and the SHA-256 is not that of the verified bytes.
    pub fn changed_since_verified(&self) -> bool {
        match (&self.outcome, &self.identity) {
            (Ok(report), Some(identity)) => report.size != identity.size,
            _ => false,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn identity_is_size_and_sha256() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("abc.pdf");
        std::fs::write(&path, b"abc").unwrap();
        let id = FileIdentity::read(&path).unwrap();
        assert_eq!(id.size, 3);
        assert_eq!(
            id.sha256_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let missing = FileIdentity::read(&dir.path().join("none.pdf")).unwrap_err();
        assert!(matches!(missing, ReportError::Io { .. }));
    }
}
