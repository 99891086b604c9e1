//! Pasal 17 ayat 5: every revocation writes a notice to the owner's agency (an outbox the
//! verifiers work from, addressed to the e-mail in the request letter when given) and an
//! `agency.notified` event in the owner's feed.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use serde_json::{json, Value};

use common::fixtures;
use common::multipart;

fn notice_for<'a>(list: &'a Value, application: &str) -> &'a Value {
    list["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["application_id"] == application)
        .unwrap_or_else(|| panic!("no notice for {application}: {list}"))
}

async fn agency_notices(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    // The owner asks, with the agency's address from the letter; a verifier approves.
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    let r = srv
        .send(multipart::request(
            &format!("/api/v1/applications/{id}/revocation-requests"),
            Some(&p.owner.token),
            None,
            &[
                ("reason", b"affiliation_changed".to_vec()),
                ("agency_email", b"Diskominfo@MuaraEnimKab.go.id".to_vec()),
                ("letter", fixtures::pdf("surat permohonan pencabutan")),
            ],
        ))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let request_id = r.json()["id"].as_str().unwrap().to_owned();
    let r = srv
        .post(
            &format!("/api/v1/revocation-requests/{request_id}/review"),
            Some(&p.badan.token),
            json!({"decision": "approve", "reason": "Surat lengkap."}),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    // The other owner reports a lost key: revoked at once, no letter, no address.
    let other = fixtures::issued(&srv, &p, &p.other_owner, 1).await;
    let r = fixtures::lost_key(&srv, &p.other_owner, &other).await;
    assert_eq!(r.json()["state"], "revoked");
    let r = srv
        .get(&format!("/api/v1/applications/{id}"), Some(&p.dinas.token))
        .await;
    let serial = r.json()["certificate"]["serial"].clone();

    let r = srv
        .get("/api/v1/agency-notices", Some(&p.dinas.token))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let list = r.json();
    assert_eq!(list["notices"].as_array().unwrap().len(), 2);
    let n = notice_for(&list, &id);
    assert_eq!(n["email"], "diskominfo@muaraenimkab.go.id");
    assert_eq!(n["agency"], fixtures::owner_form(0)["unit"]);
    assert_eq!(n["request_id"], request_id.as_str());
    assert_eq!(n["status"], "manual");
    assert_eq!(n["serial"], serial);
    let body = n["body"].as_str().unwrap();
    assert!(body.contains(n["serial"].as_str().unwrap()), "{body}");
    assert!(body.contains("perubahan jabatan atau instansi"), "{body}");
    assert!(body.contains("Pasal 17 ayat 4"), "{body}");
    let n2 = notice_for(&list, &other);
    assert!(n2["email"].is_null());
    assert!(n2["request_id"].is_null());
    assert_eq!(n2["agency"], fixtures::owner_form(1)["unit"]);
    assert!(n2["body"].as_str().unwrap().contains("kunci privat hilang"));
    // The status filter.
    let r = srv
        .get("/api/v1/agency-notices?status=sent", Some(&p.badan.token))
        .await;
    assert_eq!(r.json()["notices"].as_array().unwrap().len(), 0);
    let r = srv
        .get("/api/v1/agency-notices?status=manual", Some(&p.badan.token))
        .await;
    assert_eq!(r.json()["notices"].as_array().unwrap().len(), 2);
    // Owners and admins do not see the queue.
    for who in [&p.owner, &p.admin] {
        let r = srv.get("/api/v1/agency-notices", Some(&who.token)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }

    // The owner's feed: the revocation, then the notice; only their own.
    let r = srv.get("/api/v1/events", Some(&p.owner.token)).await;
    let kinds: Vec<String> = r.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect();
    let revoked = kinds
        .iter()
        .position(|k| k == "certificate.revoked")
        .unwrap();
    assert_eq!(kinds[revoked + 1], "agency.notified", "{kinds:?}");
    assert_eq!(kinds.iter().filter(|k| *k == "agency.notified").count(), 1);

    // The revocation's audit entry names the notice (same transaction).
    let data: String = sqlx::query_scalar(
        "SELECT data FROM audit WHERE action = 'certificate.revoke' AND subject = $1",
    )
    .bind(&id)
    .fetch_one(srv.state.db().pool())
    .await
    .unwrap();
    let data: Value = serde_json::from_str(&data).unwrap();
    assert_eq!(data["agency_notice"], n["id"]);
}
on_every_backend!(revocation_notifies_the_agency, agency_notices);
