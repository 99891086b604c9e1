//! `GET /api/v1/health`: 200 with the engine while the database answers, 503 with the bilingual
//! `unavailable` error once it does not.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;

async fn health(srv: common::TestServer) {
    let r = srv.get("/api/v1/health", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["status"], "ok");
    assert_eq!(r.json()["database"], srv.backend_name());
    // The database goes away (its pool is closed): the check says so.
    srv.state.db().close().await;
    let r = srv.get("/api/v1/health", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.kind(), "unavailable");
    let id = r.json()["message"]["id"].as_str().unwrap().to_owned();
    assert!(id.contains("Basis data"), "{id}");
}
on_every_backend!(health_reports_the_database, health);
