//! The binary: `admin create`, `audit verify`, and `serve` printing its URL and the first-admin
//! hint.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_sertel-server");

fn cmd(data: &std::path::Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data-dir")
        .arg(data)
        .env_remove("DATABASE_URL")
        .env("SERTEL_LOG", "warn");
    c
}

#[test]
fn admin_create_and_audit_verify() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut child = cmd(&data)
        .args([
            "admin",
            "create",
            "--email",
            "Admin@MuaraEnimKab.go.id",
            "--name",
            "Admin Dinas",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"kata-sandi-admin-1\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout)
        .contains("administrator admin@muaraenimkab.go.id created"));
    // A second admin with the same address is refused.
    let mut child = cmd(&data)
        .args([
            "admin",
            "create",
            "--email",
            "admin@muaraenimkab.go.id",
            "--name",
            "X",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"kata-sandi-admin-2\n")
        .unwrap();
    assert!(!child.wait_with_output().unwrap().status.success());
    // Outside the official domain: refused.
    let out = cmd(&data)
        .args([
            "admin",
            "create",
            "--email",
            "a@gmail.com",
            "--name",
            "X",
            "--password-stdin",
        ])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());

    let out = cmd(&data).args(["audit", "verify"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("audit chain intact: 1 entries"));

    // Tamper with the database file directly: verify fails with exit status 1.
    let db = data.join("sertel.db");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        sqlx::query("DROP TRIGGER audit_no_update")
            .execute(&mut c)
            .await
            .unwrap();
        sqlx::query("UPDATE audit SET actor = 'someone-else'")
            .execute(&mut c)
            .await
            .unwrap();
    });
    let out = cmd(&data).args(["audit", "verify"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("BROKEN"));
}

#[test]
fn serve_starts_with_zero_configuration() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut child = cmd(&data)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(
        first.starts_with("sertel-server listening on http://127.0.0.1:"),
        "{first}"
    );
    let rest: Vec<String> = (0..3).map(|_| lines.next().unwrap().unwrap()).collect();
    assert!(rest.iter().any(|l| l.contains("admin create")), "{rest:?}");
    // The data directory holds the SQLite database in WAL mode and the CA passphrase, 0600.
    assert!(data.join("sertel.db").exists());
    assert!(data.join("sertel.db-wal").exists());
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(data.join("ca-passphrase"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let mode = std::fs::metadata(&data).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    child.kill().unwrap();
    child.wait().unwrap();
}
