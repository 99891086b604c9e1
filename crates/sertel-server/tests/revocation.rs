//! Revocation: by a verifier, on the owner's request with the agency head's letter, on a
//! lost-key report; never undone (state machine and database); re-issue and a new application
//! afterwards; events, audit entries and the CRL follow every revocation.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use serde_json::json;
use sertel_server::revocation::{certificate_status, CertificateStatus, Reason};
use sqlx::Row;

use common::fixtures::{self, full_form, submit, Login};
use common::TestServer;

async fn event_kinds(srv: &TestServer, who: &Login) -> Vec<String> {
    srv.get("/api/v1/events", Some(&who.token)).await.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect()
}

async fn actions(srv: &TestServer) -> Vec<String> {
    sqlx::query("SELECT action FROM audit ORDER BY seq")
        .fetch_all(srv.state.db().pool())
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect()
}

async fn crl_number(srv: &TestServer) -> i64 {
    sqlx::query_scalar("SELECT number FROM crl WHERE id = 1")
        .fetch_one(srv.state.db().pool())
        .await
        .unwrap()
}

async fn status(srv: &TestServer, serial_hex: &str) -> CertificateStatus {
    let mut conn = srv.state.db().pool().acquire().await.unwrap();
    certificate_status(&mut conn, &hex::decode(serial_hex).unwrap())
        .await
        .unwrap()
}

async fn fails(srv: &TestServer, sql: &str, bind: &str) {
    let r = sqlx::query(sql)
        .bind(bind)
        .execute(srv.state.db().pool())
        .await;
    assert!(r.is_err(), "the database accepted: {sql}");
}

async fn verifier_revokes(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    let other = fixtures::issued(&srv, &p, &p.other_owner, 1).await;
    let crl_before = crl_number(&srv).await;
    let r = fixtures::revoke(&srv, &p.owner, &id, "key_compromise").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = fixtures::revoke(&srv, &p.admin, &id, "key_compromise").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    for refused in ["certificate_hold", "remove_from_crl", "whatever"] {
        let r = fixtures::revoke(&srv, &p.badan, &id, refused).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        assert_eq!(r.kind(), "revocation_reason_not_allowed");
    }
    let r = srv
        .post(
            &format!("/api/v1/applications/{id}/revoke"),
            Some(&p.badan.token),
            json!({"reason": "affiliation_changed"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "a comment is required");
    let r = fixtures::revoke(&srv, &p.badan, &id, "affiliation_changed").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let v = r.json();
    assert_eq!(v["state"], "revoked");
    assert_eq!(v["certificate"]["revocation_reason"], "affiliation_changed");
    assert!(v["certificate"]["revoked_at"].is_string());
    let serial = v["certificate"]["serial"].as_str().unwrap().to_owned();

    // Never again: not by the API …
    let r = fixtures::revoke(&srv, &p.dinas, &id, "key_compromise").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.kind(), "invalid_transition");
    // … nor behind its back.
    fails(
        &srv,
        "UPDATE revocations SET reason = 'superseded' WHERE serial = $1",
        &serial,
    )
    .await;
    fails(&srv, "DELETE FROM revocations WHERE serial = $1", &serial).await;
    fails(
        &srv,
        "UPDATE applications SET state = 'issued' WHERE id = $1",
        &id,
    )
    .await;
    fails(&srv, "DELETE FROM certificates WHERE serial = $1", &serial).await;

    // The status the CRL and OCSP read.
    assert!(matches!(
        status(&srv, &serial).await,
        CertificateStatus::Revoked {
            reason: Reason::AffiliationChanged,
            ..
        }
    ));
    let other_serial = srv
        .get(
            &format!("/api/v1/applications/{other}"),
            Some(&p.dinas.token),
        )
        .await
        .json()["certificate"]["serial"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(status(&srv, &other_serial).await, CertificateStatus::Good);
    assert_eq!(status(&srv, "4001").await, CertificateStatus::Unknown);

    // The owner's feed, the audit log and the CRL followed.
    let kinds = event_kinds(&srv, &p.owner).await;
    assert_eq!(
        kinds[kinds.len() - 2..],
        ["certificate.revoked", "agency.notified"]
    );
    assert!(event_kinds(&srv, &p.other_owner)
        .await
        .iter()
        .all(|k| k != "certificate.revoked"));
    let log = actions(&srv).await;
    assert_eq!(log[log.len() - 2..], ["certificate.revoke", "crl.publish"]);
    assert_eq!(crl_number(&srv).await, crl_before + 1);
    sertel_server::audit::verify_chain(srv.state.db().pool())
        .await
        .unwrap();

    // Pasal 17 ayat 6: a new application may follow.
    let r = submit(&srv, &p.owner, "after-revocation-1", &full_form(0)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert_eq!(r.json()["kind"], "new");
}
on_every_backend!(a_verifier_revokes_for_ever, verifier_revokes);

async fn owner_request(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    let r = fixtures::request_revocation(&srv, &p.owner, &id, "privilege_withdrawn").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.kind(), "revocation_reason_not_allowed");
    let png_letter = srv
        .send(common::multipart::request(
            &format!("/api/v1/applications/{id}/revocation-requests"),
            Some(&p.owner.token),
            None,
            &[
                ("reason", b"cessation_of_operation".to_vec()),
                ("letter", fixtures::png()),
            ],
        ))
        .await;
    assert_eq!(png_letter.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(png_letter.kind(), "wrong_document_type");
    let no_letter = srv
        .send(common::multipart::request(
            &format!("/api/v1/applications/{id}/revocation-requests"),
            Some(&p.owner.token),
            None,
            &[("reason", b"cessation_of_operation".to_vec())],
        ))
        .await;
    assert_eq!(no_letter.status, StatusCode::BAD_REQUEST);
    assert_eq!(no_letter.kind(), "missing_field");
    let r = fixtures::request_revocation(&srv, &p.other_owner, &id, "unspecified").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);

    let r = fixtures::request_revocation(&srv, &p.owner, &id, "cessation_of_operation").await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let first = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(r.json()["state"], "pending");
    let again = fixtures::request_revocation(&srv, &p.owner, &id, "unspecified").await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(again.kind(), "revocation_pending");

    // Who sees it.
    let path = format!("/api/v1/revocation-requests/{first}");
    assert_eq!(
        srv.get(&path, Some(&p.owner.token)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        srv.get(&path, Some(&p.other_owner.token)).await.status,
        StatusCode::NOT_FOUND
    );
    let letter = srv
        .get(&format!("{path}/letter"), Some(&p.badan.token))
        .await;
    assert_eq!(letter.status, StatusCode::OK);
    assert!(letter.body.starts_with(b"%PDF-"));
    let mine = srv
        .get("/api/v1/revocation-requests", Some(&p.owner.token))
        .await;
    assert_eq!(
        mine.json()["revocation_requests"].as_array().unwrap().len(),
        1
    );
    let theirs = srv
        .get("/api/v1/revocation-requests", Some(&p.other_owner.token))
        .await;
    assert!(theirs.json()["revocation_requests"]
        .as_array()
        .unwrap()
        .is_empty());

    // A verifier rejects (with a reason), the owner asks again, another approves.
    let review = |who: &Login, rid: &str, decision: &str, reason: &str| {
        let (token, rid) = (who.token.clone(), rid.to_owned());
        let body = json!({"decision": decision, "reason": reason});
        let srv = &srv;
        async move {
            srv.post(
                &format!("/api/v1/revocation-requests/{rid}/review"),
                Some(&token),
                body,
            )
            .await
        }
    };
    assert_eq!(
        review(&p.owner, &first, "approve", "").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        review(&p.badan, &first, "reject", "").await.status,
        StatusCode::BAD_REQUEST
    );
    let r = review(&p.badan, &first, "reject", "Surat belum ditandatangani.").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["state"], "rejected");
    assert_eq!(
        event_kinds(&srv, &p.owner).await.last().unwrap(),
        "revocation.rejected"
    );
    let r = review(&p.dinas, &first, "approve", "").await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "a decided request stays decided"
    );

    let r = fixtures::request_revocation(&srv, &p.owner, &id, "cessation_of_operation").await;
    let second = r.json()["id"].as_str().unwrap().to_owned();
    let r = review(&p.dinas, &second, "approve", "Surat lengkap.").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["state"], "approved");
    let app = srv
        .get(&format!("/api/v1/applications/{id}"), Some(&p.owner.token))
        .await
        .json();
    assert_eq!(app["state"], "revoked");
    assert_eq!(
        app["certificate"]["revocation_reason"],
        "cessation_of_operation"
    );
    let log = actions(&srv).await;
    assert!(log.contains(&"revocation.request".to_owned()));
    assert!(log.contains(&"revocation.review.reject".to_owned()));
    assert_eq!(log[log.len() - 2..], ["certificate.revoke", "crl.publish"]);
    // Nothing more can be asked of a revoked certificate.
    let r = fixtures::request_revocation(&srv, &p.owner, &id, "unspecified").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}
on_every_backend!(an_owner_request_with_letter_is_reviewed, owner_request);

async fn lost_key(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    assert_eq!(
        fixtures::lost_key(&srv, &p.other_owner, &id).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        fixtures::lost_key(&srv, &p.badan, &id).await.status,
        StatusCode::FORBIDDEN
    );
    // Re-issue is for a lost key only.
    let r = fixtures::follow_up(&srv, &p.owner, &id, "reissue", 0, vec![]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{:?}", r.json());
    let letter = vec![("statement_letter", fixtures::pdf("surat keterangan"))];
    let r = fixtures::follow_up(&srv, &p.owner, &id, "reissue", 0, letter.clone()).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "not before the report");

    let r = fixtures::lost_key(&srv, &p.owner, &id).await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["state"], "revoked");
    assert_eq!(
        r.json()["certificate"]["revocation_reason"],
        "key_compromise"
    );
    let old_serial = r.json()["certificate"]["serial"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        fixtures::lost_key(&srv, &p.owner, &id).await.status,
        StatusCode::CONFLICT
    );

    // Pasal 16 ayat 3: re-issue with the statement letter; the other documents carry over.
    let r = fixtures::follow_up(&srv, &p.owner, &id, "reissue", 0, vec![]).await;
    assert_eq!(r.kind(), "missing_field");
    let r = fixtures::follow_up(&srv, &p.owner, &id, "reissue", 0, letter.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let v = r.json();
    assert_eq!(v["kind"], "reissue");
    assert_eq!(v["previous_id"], id.as_str());
    assert_eq!(v["documents"].as_array().unwrap().len(), 6);
    let new = v["id"].as_str().unwrap().to_owned();
    let r = fixtures::follow_up(&srv, &p.owner, &id, "reissue", 0, letter).await;
    assert_eq!(r.kind(), "application_open", "one re-issue at a time");
    let r = fixtures::approve_both(&srv, &p, &new).await;
    assert_eq!(r.json()["state"], "issued", "{:?}", r.json());
    assert_ne!(r.json()["certificate"]["serial"], old_serial.as_str());
    let old = srv
        .get(&format!("/api/v1/applications/{id}"), Some(&p.owner.token))
        .await
        .json();
    assert_eq!(
        old["state"], "revoked",
        "a revoked certificate stays revoked"
    );

    // After another reason, a new application follows instead of a re-issue.
    let theirs = fixtures::issued(&srv, &p, &p.other_owner, 1).await;
    fixtures::revoke(&srv, &p.dinas, &theirs, "affiliation_changed").await;
    let letter = vec![("statement_letter", fixtures::pdf("surat keterangan"))];
    let r = fixtures::follow_up(&srv, &p.other_owner, &theirs, "reissue", 1, letter).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.kind(), "reissue_needs_lost_key");
}
on_every_backend!(a_lost_key_is_revoked_at_once_then_reissued, lost_key);
