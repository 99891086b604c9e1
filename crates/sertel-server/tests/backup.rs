//! `sertel-server backup` while the server writes, `restore` into a new data directory (and a
//! new PostgreSQL database), and a server started on the restored data that finds every
//! application, certificate and audit entry.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use serde_json::{json, Value};
use sertel_server::Config;
use sqlx::Row;

use common::binary::command;
use common::fixtures::{self, review};
use common::TestServer;

async fn audit_rows(srv: &TestServer) -> Vec<(i64, String)> {
    sqlx::query("SELECT seq, hash FROM audit ORDER BY seq")
        .fetch_all(srv.state.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| (r.try_get(0).unwrap(), r.try_get(1).unwrap()))
        .collect()
}

fn ids(list: &Value) -> Vec<String> {
    let mut v: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    v.sort();
    v
}

async fn backup_and_restore(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    // An issued certificate, a revoked one (after a renewal superseded it), a rejection.
    let first = fixtures::issued(&srv, &p, &p.owner, 0).await;
    let r = fixtures::follow_up(&srv, &p.owner, &first, "renew", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let renewal = r.json()["id"].as_str().unwrap().to_owned();
    fixtures::approve_both(&srv, &p, &renewal).await;
    let r = fixtures::revoke(&srv, &p.dinas, &first, "affiliation_changed").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let rejected = fixtures::submitted(&srv, &p.other_owner, 1).await;
    review(&srv, &p.badan, &rejected, "reject", "KTP tidak terbaca.").await;

    let before_apps = srv.get("/api/v1/applications", Some(&p.badan.token)).await;
    let before_audit = audit_rows(&srv).await;
    let mut certificates = Vec::new();
    for id in [&first, &renewal] {
        let path = format!("/api/v1/applications/{id}/certificate");
        certificates.push((
            path.clone(),
            srv.get(&path, Some(&p.owner.token)).await.body,
        ));
    }
    let ca = srv.get("/ca/regency-ca.crt", None).await.body;
    let mut documents = Vec::new();
    for id in [&first, &renewal, &rejected] {
        for kind in [
            "recommendation_letter",
            "ktp",
            "sk_jabatan",
            "sk_pangkat",
            "photo",
        ] {
            let path = format!("/api/v1/applications/{id}/documents/{kind}");
            let r = srv.get(&path, Some(&p.badan.token)).await;
            if r.status == StatusCode::OK {
                documents.push((path, r.body));
            }
        }
    }
    assert!(documents.len() >= 10, "{} documents", documents.len());

    // Back up while the server keeps writing: staff accounts are created (each an audited
    // state change) until the backup process has finished.
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("backup");
    let mut backup = command(&srv.config.data_dir, srv.config.database_url.as_deref())
        .arg("backup")
        .arg(&dest)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut written = 0;
    loop {
        let r = srv
            .post(
                "/api/v1/users",
                Some(&p.admin.token),
                json!({"role": "verifier_dinas", "email": format!("staf.{written}@muaraenimkab.go.id"),
                       "full_name": "Staf Dinas", "password": fixtures::PASSWORD}),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
        written += 1;
        if backup.try_wait().unwrap().is_some() {
            break;
        }
    }
    let done = backup.wait_with_output().unwrap();
    assert!(done.status.success(), "{done:?}");
    let printed = String::from_utf8_lossy(&done.stdout);
    assert!(printed.contains("backup written to"), "{printed}");
    eprintln!("{written} writes during the backup; {printed}");
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dest.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["format"], "sertel-backup/1");
    assert_eq!(manifest["ca_passphrase_included"], true);
    assert_eq!(manifest["summary"]["certificates"], 2);
    assert_eq!(manifest["summary"]["revocations"], 1);

    // A second backup into the same directory is refused.
    let again = command(&srv.config.data_dir, srv.config.database_url.as_deref())
        .arg("backup")
        .arg(&dest)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("not empty"));

    // Restore into a new data directory (and a new database on PostgreSQL).
    let mut restored = Config::with_data_dir(out.path().join("restored"));
    if let Some(url) = std::env::var("SERTEL_TEST_POSTGRES_URL")
        .ok()
        .filter(|_| srv.config.database_url.is_some())
    {
        restored.database_url = Some(common::fresh_postgres_database(&url).await);
    }
    let restore = |config: &Config| {
        command(&config.data_dir, config.database_url.as_deref())
            .arg("restore")
            .arg(&dest)
            .output()
            .unwrap()
    };
    let done = restore(&restored);
    assert!(done.status.success(), "{done:?}");
    assert!(String::from_utf8_lossy(&done.stdout).contains("audit chain intact"));
    // Never over existing data.
    let done = restore(&restored);
    assert!(!done.status.success());
    assert!(
        String::from_utf8_lossy(&done.stderr).contains("not empty"),
        "{done:?}"
    );
    let verify = command(&restored.data_dir, restored.database_url.as_deref())
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(verify.status.success(), "{verify:?}");

    // A server on the restored data: same CA, every application, certificate and audit entry
    // that existed before the backup started (the sessions too: the same tokens work).
    let back = TestServer::on(restored).await;
    assert_eq!(back.get("/ca/regency-ca.crt", None).await.body, ca);
    let after_apps = back.get("/api/v1/applications", Some(&p.badan.token)).await;
    assert_eq!(after_apps.status, StatusCode::OK);
    assert_eq!(
        ids(&after_apps.json()["applications"]),
        ids(&before_apps.json()["applications"])
    );
    for (path, der) in &certificates {
        let r = back.get(path, Some(&p.owner.token)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(&r.body, der);
    }
    for (path, body) in &documents {
        let r = back.get(path, Some(&p.badan.token)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(&r.body, body, "{path}");
    }
    let after_audit = audit_rows(&back).await;
    assert!(after_audit.len() >= before_audit.len());
    assert_eq!(after_audit[..before_audit.len()], before_audit[..]);
    // The restored server works: a lost-key report revokes the renewal.
    let r = fixtures::lost_key(&back, &p.owner, &renewal).await;
    assert_eq!(r.json()["state"], "revoked", "{:?}", r.json());
}
on_every_backend!(backup_while_serving_then_restore, backup_and_restore);

#[test]
fn restore_refuses_a_damaged_backup() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    // Initialise a data directory (CA created) with the CLI alone.
    let out = command(&data, None)
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let dest = dir.path().join("b");
    let out = command(&data, None)
        .arg("backup")
        .arg(&dest)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let mut db = std::fs::read(dest.join("database.sqlite")).unwrap();
    db.push(0);
    std::fs::write(dest.join("database.sqlite"), db).unwrap();
    let target = dir.path().join("restored");
    let out = command(&target, None)
        .arg("restore")
        .arg(&dest)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("damaged"),
        "{out:?}"
    );
    assert!(!target.exists());
}

/// Without the PostgreSQL client tools a PostgreSQL backup stops with a clear message and
/// leaves nothing behind.
#[tokio::test]
async fn postgres_backup_without_pg_dump_says_what_to_install() {
    let Some(url) = std::env::var("SERTEL_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        return; // SQLite only: there is no PostgreSQL to back up.
    };
    let srv = TestServer::start(common::Backend::Postgres(url)).await;
    let out = tempfile::tempdir().unwrap();
    let dest = out.path().join("backup");
    let no_tools = tempfile::tempdir().unwrap();
    let done = command(&srv.config.data_dir, srv.config.database_url.as_deref())
        .env("PATH", no_tools.path())
        .arg("backup")
        .arg(&dest)
        .output()
        .unwrap();
    assert!(!done.status.success());
    let err = String::from_utf8_lossy(&done.stderr);
    assert!(err.contains("pg_dump not found"), "{err}");
    assert!(err.contains("postgresql-client"), "{err}");
    assert!(!dest.exists());
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "a partial backup was left"
    );
}
