//! Issuance by the national CA: with `Issuance::National` an approved application waits for a
//! verifier to upload the certificate BSrE issued for its CSR; the server checks it against the
//! CSR's key and the owner's profile, records it like its own, and the owner syncs it.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::RegencyProfile;
use sertel_core::signer::Signer;
use sertel_core::x509::{
    build_name, certificate_to_der, certificate_to_pem, issue, owner_subject, random_serial,
    CertificateTemplate, Name, NameAttribute,
};
use sertel_server::revocation::{certificate_status, CertificateStatus};
use sertel_server::Issuance;
use time::{Duration, OffsetDateTime};

use common::fixtures::{self, Login};
use common::{Reply, TestServer};

/// A certificate for `key` with `subject`, signed by a stand-in for the national CA.
fn national_certificate(
    ca: &LocalKey,
    key: &LocalKey,
    subject: Name,
    not_after: OffsetDateTime,
) -> Vec<u8> {
    let issuer = build_name(&[
        (NameAttribute::Country, "ID"),
        (NameAttribute::Organization, "Badan Siber dan Sandi Negara"),
        (NameAttribute::CommonName, "BSrE Uji Coba"),
    ])
    .unwrap();
    let template = CertificateTemplate {
        serial: random_serial().unwrap(),
        issuer,
        subject,
        not_before: OffsetDateTime::now_utc() - Duration::hours(1),
        not_after,
        subject_public_key: key.public_key().clone(),
        extensions: vec![],
    };
    certificate_to_der(&issue(&template, ca).unwrap()).unwrap()
}

async fn upload(
    srv: &TestServer,
    who: &Login,
    id: &str,
    content_type: &str,
    body: Vec<u8>,
) -> Reply {
    srv.send(
        Request::builder()
            .method("POST")
            .uri(format!("/api/v1/applications/{id}/certificate"))
            .header("authorization", format!("Bearer {}", who.token))
            .header("content-type", content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

const DER: &str = "application/pkix-cert";

async fn national_issuance(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let profile = fixtures::owner_profile(0);
    let csr = fixtures::csr_for_profile(&profile, &key);
    let r = fixtures::submit(&srv, &p.owner, "national-1", &fixtures::full_form_with(csr)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let r = fixtures::approve_both(&srv, &p, &id).await;
    assert_eq!(r.json()["state"], "approved", "{:?}", r.json());
    assert!(r.json()["certificate"].is_null());

    let bsre = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let subject = owner_subject(&profile, &RegencyProfile::default()).unwrap();
    let in_two_years = OffsetDateTime::now_utc() + Duration::days(730);
    let kind = |r: &Reply| r.kind();

    // Refused: another key, another person's subject, expired, not a certificate, wrong type.
    let other = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let r = upload(
        &srv,
        &p.dinas,
        &id,
        DER,
        national_certificate(&bsre, &other, subject.clone(), in_two_years),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(kind(&r), "certificate_key_mismatch");
    assert!(r.json()["message"]["id"]
        .as_str()
        .unwrap()
        .contains("Kunci publik"));
    let someone_else =
        owner_subject(&fixtures::owner_profile(1), &RegencyProfile::default()).unwrap();
    let r = upload(
        &srv,
        &p.dinas,
        &id,
        DER,
        national_certificate(&bsre, &key, someone_else, in_two_years),
    )
    .await;
    assert_eq!(kind(&r), "certificate_subject_mismatch", "{:?}", r.json());
    let expired = OffsetDateTime::now_utc() - Duration::minutes(5);
    let r = upload(
        &srv,
        &p.dinas,
        &id,
        DER,
        national_certificate(&bsre, &key, subject.clone(), expired),
    )
    .await;
    assert_eq!(kind(&r), "certificate_not_valid_now", "{:?}", r.json());
    let r = upload(&srv, &p.dinas, &id, DER, b"\x30\x03\x02\x01".to_vec()).await;
    assert_eq!(
        (r.status, kind(&r)),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "certificate_unreadable".into()
        )
    );
    let good = national_certificate(&bsre, &key, subject, in_two_years);
    let r = upload(&srv, &p.dinas, &id, "application/json", good.clone()).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // Owners may not upload.
    let r = upload(&srv, &p.owner, &id, DER, good.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Nothing of that was recorded.
    let r = srv
        .get(&format!("/api/v1/applications/{id}"), Some(&p.owner.token))
        .await;
    assert_eq!(r.json()["state"], "approved");

    // Accepted, as PEM.
    let cert = <sertel_core::x509::Certificate as der::Decode>::from_der(&good).unwrap();
    let pem = certificate_to_pem(&cert).unwrap();
    let r = upload(
        &srv,
        &p.badan,
        &id,
        "application/pem-certificate-chain",
        pem.clone().into_bytes(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["state"], "issued");
    // Once only.
    let r = upload(&srv, &p.badan, &id, DER, good.clone()).await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    // The owner syncs it like an issued one: the event, then the certificate itself.
    let r = srv.get("/api/v1/events", Some(&p.owner.token)).await;
    let kinds: Vec<Value> = r.json()["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].clone())
        .collect();
    assert!(
        kinds.contains(&Value::from("certificate.issued")),
        "{kinds:?}"
    );
    let r = srv
        .get(
            &format!("/api/v1/applications/{id}/certificate"),
            Some(&p.owner.token),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(std::str::from_utf8(&r.body).unwrap(), pem);

    // The audit log names the uploader and the issuer.
    let (actor, data): (String, String) = sqlx::query_as(
        "SELECT actor, data FROM audit WHERE action = 'certificate.upload' AND subject = $1",
    )
    .bind(&id)
    .fetch_one(srv.state.db().pool())
    .await
    .unwrap();
    assert_eq!(actor, p.badan.id);
    assert!(data.contains("Badan Siber dan Sandi Negara"), "{data}");
    // The embedded CA's OCSP responder and CRL do not answer for it.
    let mut conn = srv.state.db().pool().acquire().await.unwrap();
    let status = certificate_status(&mut conn, cert.tbs_certificate.serial_number.as_bytes())
        .await
        .unwrap();
    assert_eq!(status, CertificateStatus::Unknown);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn national_ca_certificate_upload() {
    for backend in common::backends() {
        let srv = TestServer::start_with(backend, |c| c.issuance = Issuance::National).await;
        eprintln!("national_ca_certificate_upload on {}", srv.backend_name());
        national_issuance(srv).await;
    }
}

/// With the embedded CA, approved applications never wait: an upload finds `issued`.
async fn embedded_refuses_uploads(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::issued(&srv, &p, &p.owner, 0).await;
    let path = format!("/api/v1/applications/{id}/certificate");
    let pem = srv.get(&path, Some(&p.owner.token)).await.body.to_vec();
    let r = upload(
        &srv,
        &p.dinas,
        &id,
        "application/pem-certificate-chain",
        pem,
    )
    .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{:?}", r.json());
    assert_eq!(r.kind(), "invalid_transition");
}
on_every_backend!(embedded_ca_keeps_issuing, embedded_refuses_uploads);
