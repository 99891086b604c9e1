//! Renewal before expiry with a new key: the same checks and the same two approvals as a first
//! application; the renewed application becomes superseded, its certificate is not revoked.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use sertel_core::key::KeyAlgorithm;
use sertel_server::consent::CONSENT_VERSION;
use sertel_server::revocation::{certificate_status, CertificateStatus};

use common::fixtures::{self, full_form, submit};
use common::TestServer;

async fn serial_of(srv: &TestServer, token: &str, id: &str) -> String {
    srv.get(&format!("/api/v1/applications/{id}"), Some(token))
        .await
        .json()["certificate"]["serial"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn renewal(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    let old_serial = serial_of(&srv, &p.owner.token, &id).await;
    let r = fixtures::follow_up(&srv, &p.other_owner, &id, "renew", 1, vec![]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = fixtures::follow_up(&srv, &p.badan, &id, "renew", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The same CSR checks as a first application.
    let r = fixtures::follow_up(&srv, &p.owner, &id, "renew", 1, vec![]).await;
    assert_eq!(r.kind(), "csr_subject_mismatch");
    let small = common::multipart::request(
        &format!("/api/v1/applications/{id}/renew"),
        Some(&p.owner.token),
        Some("renew-small-key"),
        &[
            ("csr", fixtures::csr_for(0, KeyAlgorithm::Rsa2048)),
            ("consent_version", b"old".to_vec()),
        ],
    );
    assert_eq!(srv.send(small).await.kind(), "consent_required");

    let r = fixtures::follow_up(&srv, &p.owner, &id, "renew", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let v = r.json();
    assert_eq!(v["kind"], "renewal");
    assert_eq!(v["previous_id"], id.as_str());
    assert_eq!(v["state"], "submitted");
    assert_eq!(v["documents"].as_array().unwrap().len(), 5, "carried over");
    let renewal = v["id"].as_str().unwrap().to_owned();
    // One thing at a time.
    let again = common::multipart::request(
        &format!("/api/v1/applications/{id}/renew"),
        Some(&p.owner.token),
        Some("renew-twice"),
        &[
            ("csr", fixtures::csr_for(0, KeyAlgorithm::EcdsaP256)),
            ("consent_version", CONSENT_VERSION.as_bytes().to_vec()),
        ],
    );
    assert_eq!(srv.send(again).await.kind(), "application_open");
    let r = submit(&srv, &p.owner, "new-while-renewing", &full_form(0)).await;
    assert_eq!(r.kind(), "application_open");

    // Two approvals, as for a first application.
    let r = fixtures::review(&srv, &p.dinas, &renewal, "approve", "").await;
    assert_eq!(r.json()["state"], "dinas_approved");
    let r = fixtures::review(&srv, &p.badan, &renewal, "approve", "").await;
    assert_eq!(r.json()["state"], "issued", "{:?}", r.json());
    let new_serial = r.json()["certificate"]["serial"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(new_serial, old_serial);

    let old = srv
        .get(&format!("/api/v1/applications/{id}"), Some(&p.owner.token))
        .await
        .json();
    assert_eq!(old["state"], "superseded");
    assert!(old["certificate"]["revoked_at"].is_null());
    let mut conn = srv.state.db().pool().acquire().await.unwrap();
    let old_status = certificate_status(&mut conn, &hex::decode(&old_serial).unwrap())
        .await
        .unwrap();
    assert_eq!(
        old_status,
        CertificateStatus::Good,
        "superseded, not revoked"
    );
    drop(conn);
    let events = srv.get("/api/v1/events", Some(&p.owner.token)).await.json();
    assert!(events["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["kind"] == "certificate.superseded" && e["application_id"] == id.as_str()));

    // The superseded one cannot be renewed again; the new one can, and the old can still be
    // revoked.
    let r = fixtures::follow_up(&srv, &p.owner, &id, "renew", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.kind(), "invalid_transition");
    let r = fixtures::revoke(&srv, &p.badan, &id, "superseded").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let r = fixtures::follow_up(&srv, &p.owner, &renewal, "renew", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}
on_every_backend!(a_renewal_supersedes_the_old_certificate, renewal);

async fn expired(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    sqlx::query(
        "UPDATE certificates SET not_after = '2001-01-01T00:00:00Z' WHERE application_id = $1",
    )
    .bind(&id)
    .execute(srv.state.db().pool())
    .await
    .unwrap();
    let r = fixtures::follow_up(&srv, &p.owner, &id, "renew", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.kind(), "certificate_expired");
    // After expiry, a new application.
    let r = submit(&srv, &p.owner, "after-expiry-1", &full_form(0)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}
on_every_backend!(an_expired_certificate_is_not_renewed, expired);

async fn revoked(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    fixtures::revoke(&srv, &p.dinas, &id, "unspecified").await;
    let r = fixtures::follow_up(&srv, &p.owner, &id, "renew", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.kind(), "invalid_transition");
}
on_every_backend!(a_revoked_certificate_is_not_renewed, revoked);
