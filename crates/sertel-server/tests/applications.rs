//! Submitting applications: CSR checks, documents, consent, idempotency.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use sertel_core::key::KeyAlgorithm;
use sertel_server::consent::CONSENT_VERSION;

use common::fixtures::{self, full_form, submit};

fn replace(form: &mut Vec<(&'static str, Vec<u8>)>, name: &str, data: Vec<u8>) {
    let slot = form.iter_mut().find(|(n, _)| *n == name).unwrap();
    slot.1 = data;
}

fn without(form: &[(&'static str, Vec<u8>)], name: &str) -> Vec<(&'static str, Vec<u8>)> {
    form.iter().filter(|(n, _)| *n != name).cloned().collect()
}

async fn submission(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let form = full_form(0);
    let r = submit(&srv, &p.owner, "first-try-0001", &form).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let app = r.json();
    assert_eq!(app["state"], "submitted");
    assert_eq!(app["revision"], 1);
    assert_eq!(app["key_kind"], "p-256");
    assert_eq!(app["consent_version"], CONSENT_VERSION);
    assert_eq!(app["documents"].as_array().unwrap().len(), 5);
    let id = app["id"].as_str().unwrap();
    // A retry with the same key returns the same application.
    let again = submit(&srv, &p.owner, "first-try-0001", &form).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], id);
    // The same key with other content is refused.
    let mut other = form.clone();
    replace(&mut other, "photo", fixtures::jpeg());
    let r = submit(&srv, &p.owner, "first-try-0001", &other).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.kind(), "idempotency_key_reused");
    // A second application while one is open is refused.
    let r = submit(&srv, &p.owner, "second-try-0002", &form).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.kind(), "application_open");
    // Exactly one application exists.
    let list = srv
        .get("/api/v1/applications", Some(&p.owner.token))
        .await
        .json();
    assert_eq!(list["applications"].as_array().unwrap().len(), 1);
    // The documents come back byte for byte, with the sniffed type.
    let r = srv
        .get(
            &format!("/api/v1/applications/{id}/documents/ktp"),
            Some(&p.owner.token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers["content-type"], "image/jpeg");
    assert_eq!(r.body.as_ref(), fixtures::jpeg().as_slice());
    // Stored content-addressed under the data directory.
    let sha = app["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["kind"] == "ktp")
        .unwrap()["sha256"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = srv.config.documents_dir().join(&sha[..2]).join(&sha);
    assert_eq!(std::fs::read(path).unwrap(), fixtures::jpeg());
    // Staff see it; the other owner does not even learn it exists.
    let r = srv
        .get(&format!("/api/v1/applications/{id}"), Some(&p.badan.token))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = srv
        .get(
            &format!("/api/v1/applications/{id}"),
            Some(&p.other_owner.token),
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let list = srv
        .get("/api/v1/applications", Some(&p.other_owner.token))
        .await
        .json();
    assert!(list["applications"].as_array().unwrap().is_empty());
}
on_every_backend!(owner_submits_once_even_when_retrying, submission);

async fn csr_rules(srv: common::TestServer) {
    let me = fixtures::owner(&srv, 0).await;
    // Someone else's identity.
    let mut form = full_form(0);
    replace(
        &mut form,
        "csr",
        fixtures::csr_for(1, KeyAlgorithm::EcdsaP256),
    );
    let r = submit(&srv, &me, "csr-other-subject", &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.kind(), "csr_subject_mismatch");
    // Truncated.
    let mut der = fixtures::csr_for(0, KeyAlgorithm::Rsa2048);
    der.truncate(der.len() / 2);
    replace(&mut form, "csr", der);
    let r = submit(&srv, &me, "csr-truncated-1", &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.kind(), "csr_malformed");
    // Signature broken: proof of possession fails.
    let pem = String::from_utf8(fixtures::csr_for(0, KeyAlgorithm::EcdsaP256)).unwrap();
    let der = der::pem::decode_vec(pem.as_bytes()).unwrap().1;
    let mut broken = der.clone();
    let n = broken.len();
    broken[n - 5] ^= 0x01;
    replace(&mut form, "csr", broken);
    let r = submit(&srv, &me, "csr-bad-signature", &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.kind().starts_with("csr_"), "{}", r.kind());
    // DER of a good CSR is accepted like PEM, and RSA-2048 is allowed.
    replace(&mut form, "csr", der);
    let r = submit(&srv, &me, "csr-der-accepted", &form).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}
on_every_backend!(csr_is_checked, csr_rules);

async fn document_rules(srv: common::TestServer) {
    let me = fixtures::owner(&srv, 0).await;
    let form = full_form(0);
    // A missing document.
    let r = submit(&srv, &me, "missing-doc-01", &without(&form, "sk_pangkat")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.kind(), "missing_field");
    assert!(r.json()["message"]["en"]
        .as_str()
        .unwrap()
        .contains("sk_pangkat"));
    // A photo that is a PDF; a letter that is an image.
    let mut wrong = form.clone();
    replace(&mut wrong, "photo", fixtures::pdf("not a photo"));
    let r = submit(&srv, &me, "wrong-type-0001", &wrong).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.kind(), "wrong_document_type");
    let mut wrong = form.clone();
    replace(&mut wrong, "recommendation_letter", fixtures::png());
    let r = submit(&srv, &me, "wrong-type-0002", &wrong).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // A photo over 2 MiB.
    let mut big = form.clone();
    let mut photo = fixtures::png();
    photo.resize(2 * 1024 * 1024 + 1, 0);
    replace(&mut big, "photo", photo);
    let r = submit(&srv, &me, "too-large-00001", &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(r.kind(), "too_large");
    assert!(r.json()["message"]["id"]
        .as_str()
        .unwrap()
        .contains("photo"));
    // No consent, or consent to another text.
    let r = submit(
        &srv,
        &me,
        "no-consent-0001",
        &without(&form, "consent_version"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.kind(), "consent_required");
    let mut old = form.clone();
    replace(&mut old, "consent_version", b"v0".to_vec());
    let r = submit(&srv, &me, "old-consent-001", &old).await;
    assert_eq!(r.kind(), "consent_required");
    // An unknown field.
    let mut extra = form.clone();
    extra.push(("surat_lain", fixtures::pdf("x")));
    let r = submit(&srv, &me, "unknown-field-1", &extra).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // Nothing was created by any of these.
    let list = srv
        .get("/api/v1/applications", Some(&me.token))
        .await
        .json();
    assert!(list["applications"].as_array().unwrap().is_empty());
}
on_every_backend!(documents_and_consent_are_checked, document_rules);

async fn idempotency_key_required(srv: common::TestServer) {
    let me = fixtures::owner(&srv, 0).await;
    let req =
        common::multipart::request("/api/v1/applications", Some(&me.token), None, &full_form(0));
    let r = srv.send(req).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.kind(), "idempotency_key_required");
    let r = submit(&srv, &me, "short", &full_form(0)).await;
    assert_eq!(r.kind(), "idempotency_key_required");
}
on_every_backend!(idempotency_key_is_required, idempotency_key_required);

#[tokio::test]
async fn consent_text_is_served() {
    let srv = common::TestServer::start(common::Backend::Sqlite).await;
    let v = srv.get("/api/v1/consent", None).await.json();
    assert_eq!(v["version"], CONSENT_VERSION);
    assert!(v["text"]["id"].as_str().unwrap().contains("Pasal 19"));
    assert!(v["text"]["en"].as_str().unwrap().contains("Article 20"));
}

async fn concurrent_retries(srv: common::TestServer) {
    let me = fixtures::owner(&srv, 0).await;
    let form = full_form(0);
    // The same submission sent four times at once (a client retrying on a flaky network).
    let (a, b, c, d) = tokio::join!(
        submit(&srv, &me, "parallel-retry-1", &form),
        submit(&srv, &me, "parallel-retry-1", &form),
        submit(&srv, &me, "parallel-retry-1", &form),
        submit(&srv, &me, "parallel-retry-1", &form),
    );
    let replies = [a, b, c, d];
    let created = replies
        .iter()
        .filter(|r| r.status == StatusCode::CREATED)
        .count();
    let replayed = replies
        .iter()
        .filter(|r| r.status == StatusCode::OK)
        .count();
    assert_eq!((created, replayed), (1, 3));
    let ids: std::collections::BTreeSet<String> = replies
        .iter()
        .map(|r| r.json()["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 1);
    let list = srv
        .get("/api/v1/applications", Some(&me.token))
        .await
        .json();
    assert_eq!(list["applications"].as_array().unwrap().len(), 1);
}
on_every_backend!(concurrent_retries_make_one_application, concurrent_retries);
