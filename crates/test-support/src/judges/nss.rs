//! A throw-away NSS certificate database, so `pdfsig` trusts exactly the roots a test names.

use std::fs;
use std::path::Path;

use tempfile::TempDir;

use super::tool;

/// An NSS database in a temporary directory (removed on drop), made with `certutil` from
/// Debian's `libnss3-tools`.
#[derive(Debug)]
pub struct NssDb {
    dir: TempDir,
    spec: String,
}

impl NssDb {
    /// An empty database: no certificate is trusted.
    ///
    /// # Panics
    /// If `certutil` is missing (run `scripts/setup.sh`) or fails.
    pub fn empty() -> NssDb {
        let dir = tempfile::tempdir().expect("temporary directory for an NSS database");
        let spec = format!("sql:{}", dir.path().display());
        let db = NssDb { dir, spec };
        let run = tool::run("certutil", ["-N", "-d", db.spec(), "--empty-password"]);
        assert_eq!(
            run.code,
            Some(0),
            "certutil could not create an NSS database:\n{run}"
        );
        db
    }

    /// A database trusting each of `roots` (PEM or DER certificate files) as a certificate
    /// authority for every purpose (trust flags `CT,C,C`).
    pub fn trusting(roots: &[&Path]) -> NssDb {
        let db = NssDb::empty();
        for (i, root) in roots.iter().enumerate() {
            db.add(root, &format!("root-{i}"), "CT,C,C");
        }
        db
    }

    /// Imports the certificate in `cert` (PEM or DER; the first of a PEM bundle) under
    /// `nickname` with NSS trust flags `trust`, e.g. `CT,C,C` for a root or `,,` for an
    /// intermediate that is only to help path building.
    pub fn add(&self, cert: &Path, nickname: &str, trust: &str) {
        let bytes = fs::read(cert).expect("read a certificate to import");
        let mut args = vec!["-A", "-d", self.spec(), "-n", nickname, "-t", trust];
        if bytes.starts_with(b"-----BEGIN") {
            args.push("-a");
        }
        args.push("-i");
        let mut args: Vec<&std::ffi::OsStr> = args.into_iter().map(AsRef::as_ref).collect();
        args.push(cert.as_os_str());
        let run = tool::run("certutil", args);
        assert_eq!(
            run.code,
            Some(0),
            "certutil could not import {}:\n{run}",
            cert.display()
        );
    }

    /// The database directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// The `sql:<dir>` form NSS tools take for `-d` / `-nssdir`.
    pub fn spec(&self) -> &str {
        &self.spec
    }
}
