//! The audit chain: written with every change, verified, tampering detected, failures roll the
//! change back.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use serde_json::json;
use sertel_server::audit::{self, verify_chain, ChainError};
use sqlx::Row;

use common::fixtures;

async fn exec(srv: &common::TestServer, sql: &str) {
    sqlx::query(sql)
        .execute(srv.state.db().pool())
        .await
        .unwrap();
}

async fn intact_after_changes(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    fixtures::submitted(&srv, &p.owner, 0).await;
    let report = verify_chain(srv.state.db().pool()).await.unwrap();
    // ca.create, tsa.create, crl.publish, 5 users, 5 sessions, 1 submission.
    assert_eq!(report.entries, 14);
    let actions: Vec<String> = sqlx::query("SELECT action FROM audit ORDER BY seq")
        .fetch_all(srv.state.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(actions[..3], ["ca.create", "tsa.create", "crl.publish"]);
    assert_eq!(actions[3], "owner.register");
    assert_eq!(actions.last().unwrap(), "application.submit");
}
on_every_backend!(chain_is_intact_after_changes, intact_after_changes);

async fn append_only(srv: common::TestServer) {
    fixtures::owner(&srv, 0).await;
    let pool = srv.state.db().pool();
    assert!(sqlx::query("UPDATE audit SET actor = 'x' WHERE seq = 1")
        .execute(pool)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM audit WHERE seq = 1")
        .execute(pool)
        .await
        .is_err());
    verify_chain(pool).await.unwrap();
}
on_every_backend!(database_refuses_update_and_delete, append_only);

async fn tampering(srv: common::TestServer) {
    fixtures::owner(&srv, 0).await;
    fixtures::owner(&srv, 1).await;
    let pool = srv.state.db().pool();
    // Someone with direct database access disables the guard and edits an entry.
    if srv.backend_name() == "sqlite" {
        exec(&srv, "DROP TRIGGER audit_no_update").await;
    } else {
        exec(&srv, "ALTER TABLE audit DISABLE TRIGGER audit_no_update").await;
    }
    exec(
        &srv,
        "UPDATE audit SET data = '{\"email\":\"mallory@muaraenimkab.go.id\",\"nip\":null,\"role\":\"admin\"}' WHERE seq = 2",
    )
    .await;
    match verify_chain(pool).await {
        Err(ChainError::Altered { seq: 2 }) => {}
        other => panic!("tampering not detected: {other:?}"),
    }
    // Re-hashing the edited entry breaks the link to the next one instead.
    let row = sqlx::query(
        "SELECT seq, at, actor, action, subject, data, prev_hash FROM audit WHERE seq = 2",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    let entry = audit::AuditEntry {
        seq: row.get(0),
        at: row.get(1),
        actor: row.get(2),
        action: row.get(3),
        subject: row.get(4),
        data: serde_json::from_str(&row.get::<String, _>(5)).unwrap(),
    };
    let forged = entry.hash(&row.get::<String, _>(6)).unwrap();
    sqlx::query("UPDATE audit SET hash = $1 WHERE seq = 2")
        .bind(&forged)
        .execute(pool)
        .await
        .unwrap();
    assert!(matches!(
        verify_chain(pool).await,
        Err(ChainError::BrokenLink { seq: 3 })
    ));
}
on_every_backend!(tampering_is_detected, tampering);

async fn truncation(srv: common::TestServer) {
    fixtures::owner(&srv, 0).await;
    if srv.backend_name() == "sqlite" {
        exec(&srv, "DROP TRIGGER audit_no_delete").await;
    } else {
        exec(&srv, "ALTER TABLE audit DISABLE TRIGGER audit_no_update").await;
    }
    exec(
        &srv,
        "DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)",
    )
    .await;
    assert!(matches!(
        verify_chain(srv.state.db().pool()).await,
        Err(ChainError::HeadMismatch { .. })
    ));
}
on_every_backend!(removing_the_last_entry_is_detected, truncation);

async fn failing_audit_rolls_back(srv: common::TestServer) {
    let pool = srv.state.db().pool();
    // Occupy the sequence number the next append will use: the append fails for real.
    let next: i64 = sqlx::query("SELECT last_seq + 1 FROM audit_head")
        .fetch_one(pool)
        .await
        .unwrap()
        .get(0);
    sqlx::query(
        "INSERT INTO audit (seq, at, actor, action, subject, data, prev_hash, hash) \
         VALUES ($1, 'x', 'x', 'x', 'x', '{}', 'x', 'x')",
    )
    .bind(next)
    .execute(pool)
    .await
    .unwrap();
    let r = srv
        .post("/api/v1/owners", None, fixtures::owner_form(0))
        .await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(r.kind(), "internal");
    let users: i64 = sqlx::query("SELECT COUNT(*) FROM users")
        .fetch_one(pool)
        .await
        .unwrap()
        .get(0);
    assert_eq!(users, 0, "the registration must have been rolled back");
}
on_every_backend!(
    failing_audit_insert_rolls_the_change_back,
    failing_audit_rolls_back
);

async fn unaudited_commit(srv: common::TestServer) {
    let mut tx = srv.state.db().begin_write().await.unwrap();
    sqlx::query("INSERT INTO users (id, role, email, password_hash, full_name, created_at) VALUES ('u', 'admin', 'a@b', 'h', 'n', 't')")
        .execute(tx.conn())
        .await
        .unwrap();
    assert!(tx.commit().await.is_err());
    let users: i64 = sqlx::query("SELECT COUNT(*) FROM users")
        .fetch_one(srv.state.db().pool())
        .await
        .unwrap()
        .get(0);
    assert_eq!(users, 0);
    let mut tx = srv.state.db().begin_write().await.unwrap();
    audit::append(&mut tx, "test", "test.noop", "-", json!({}))
        .await
        .unwrap();
    tx.commit().await.unwrap();
}
on_every_backend!(
    a_change_without_audit_entry_is_never_committed,
    unaudited_commit
);
