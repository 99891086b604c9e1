//! PostgreSQL's own tools for the database part of a backup: `pg_dump` of a snapshot the
//! backup exported (so the summary and the dump see the same data), `pg_restore` into an empty
//! database. They must be installed (Debian: `postgresql-client`) in a version not older than
//! the server's.
//!
//! The password, if the URL has one, is handed over in `PGPASSWORD`, not on the command line
//! where other users of the machine could read it.

use std::path::Path;
use std::process::Command;

use super::BackupError;

/// Splits the password out of a `postgres://user:password@host/db` URL (percent-decoded).
fn without_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else {
        return (url.to_owned(), None);
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let Some(at) = rest[..authority_end].rfind('@') else {
        return (url.to_owned(), None);
    };
    let Some((user, password)) = rest[..at].split_once(':') else {
        return (url.to_owned(), None);
    };
    (
        format!("{scheme}://{user}@{}", &rest[at + 1..]),
        Some(percent_decode(password)),
    )
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn run(tool: &str, url: &str, args: &[&std::ffi::OsStr]) -> Result<(), BackupError> {
    let (url, password) = without_password(url);
    let mut cmd = Command::new(tool);
    cmd.args(args).arg("--dbname").arg(url);
    if let Some(p) = password {
        cmd.env("PGPASSWORD", p);
    }
    let out = cmd.output().map_err(|e| {
        BackupError::PgTool(if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "{tool} not found: install the PostgreSQL client tools (Debian: \
                 postgresql-client) of the database server's version"
            )
        } else {
            format!("{tool}: {e}")
        })
    })?;
    if !out.status.success() {
        return Err(BackupError::PgTool(format!(
            "{tool} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    Ok(())
}

/// Dumps the database at `url`, as of the exported `snapshot`, into `file` (custom format).
pub(super) fn dump(url: &str, snapshot: &str, file: &Path) -> Result<(), BackupError> {
    run(
        "pg_dump",
        url,
        &[
            "--format=custom".as_ref(),
            "--no-owner".as_ref(),
            "--no-privileges".as_ref(),
            format!("--snapshot={snapshot}").as_ref(),
            "--file".as_ref(),
            file.as_os_str(),
        ],
    )
}

/// Restores `file` into the (empty) database at `url`, in one transaction.
pub(super) fn restore(url: &str, file: &Path) -> Result<(), BackupError> {
    run(
        "pg_restore",
        url,
        &[
            "--no-owner".as_ref(),
            "--no-privileges".as_ref(),
            "--exit-on-error".as_ref(),
            "--single-transaction".as_ref(),
            file.as_os_str(),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::without_password;

    #[test]
    fn password_leaves_the_url() {
        assert_eq!(
            without_password("postgres://sertel:p%40ss:w@db.local:5432/sertel?sslmode=require"),
            (
                "postgres://sertel@db.local:5432/sertel?sslmode=require".into(),
                Some("p@ss:w".into())
            )
        );
        assert_eq!(
            without_password("postgres://sertel@127.0.0.1/x"),
            ("postgres://sertel@127.0.0.1/x".into(), None)
        );
        assert_eq!(
            without_password("postgres://127.0.0.1/x"),
            ("postgres://127.0.0.1/x".into(), None)
        );
    }
}
