//! Review by both verifiers, rejection and resubmission, issuance by the embedded CA.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use der::{Decode, Encode};
use sertel_core::key::KeyAlgorithm;
use sertel_core::x509::{certificate_from_pem, verify_certificate_signature, Certificate};
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};

use common::fixtures::{self, review};

fn certificate(pem: &[u8]) -> Certificate {
    certificate_from_pem(std::str::from_utf8(pem).unwrap()).unwrap()
}

async fn both_approve_then_issue(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    let cert_path = format!("/api/v1/applications/{id}/certificate");
    // Dinas first this time; order does not matter.
    let r = review(&srv, &p.dinas, &id, "approve", "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    assert_eq!(r.json()["state"], "dinas_approved");
    // The verifier sees whose application it is.
    assert_eq!(r.json()["owner_name"], "Siti Rahmawati, S.Kom.");
    assert_eq!(
        srv.get(&cert_path, Some(&p.owner.token)).await.status,
        StatusCode::NOT_FOUND
    );
    // The same side cannot approve twice.
    let r = review(&srv, &p.dinas, &id, "approve", "").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.kind(), "invalid_transition");
    let r = review(&srv, &p.badan, &id, "approve", "SK sesuai").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let app = r.json();
    assert_eq!(app["state"], "issued");
    assert_eq!(app["reviews"].as_array().unwrap().len(), 2);
    let serial = app["certificate"]["serial"].as_str().unwrap().to_owned();
    // Nothing more can happen to an issued application here.
    assert_eq!(
        review(&srv, &p.badan, &id, "reject", "x").await.status,
        StatusCode::CONFLICT
    );

    let r = srv.get(&cert_path, Some(&p.owner.token)).await;
    assert_eq!(r.status, StatusCode::OK);
    let cert = certificate(&r.body);
    let tbs = &cert.tbs_certificate;
    assert_eq!(hex::encode(tbs.serial_number.as_bytes()), serial);
    // Issued by the CA and signed with its key.
    let ca_der = srv.get("/ca/regency-ca.crt", None).await.body;
    let ca = Certificate::from_der(&ca_der).unwrap();
    assert_eq!(tbs.issuer, ca.tbs_certificate.subject);
    verify_certificate_signature(
        &cert.to_der().unwrap(),
        &ca.tbs_certificate.subject_public_key_info,
    )
    .unwrap();
    // The subject is the owner's profile.
    let subject = tbs.subject.to_string();
    assert!(subject.contains("Siti Rahmawati"), "{subject}");
    assert!(subject.contains("198507142010012003"), "{subject}");
    // Two years.
    let nb = tbs.validity.not_before.to_unix_duration().as_secs();
    let na = tbs.validity.not_after.to_unix_duration().as_secs();
    let days = (na - nb) / 86_400;
    assert!((729..=731).contains(&days), "{days} days");
    // keyUsage digitalSignature + nonRepudiation, critical; AIA; CRL DP; SAN; AKI; SKI.
    let exts = tbs.extensions.as_ref().unwrap();
    let ku = exts
        .iter()
        .find(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_KEY_USAGE)
        .unwrap();
    assert!(ku.critical);
    let ku = KeyUsage::from_der(ku.extn_value.as_bytes()).unwrap();
    assert!(ku.0.contains(KeyUsages::DigitalSignature));
    assert!(ku.0.contains(KeyUsages::NonRepudiation));
    assert!(!ku.0.contains(KeyUsages::KeyCertSign));
    // Documents can be protected for the owner (Pasal 12 huruf b): keyEncipherment on an RSA
    // key, keyAgreement on an EC key (never keyEncipherment, RFC 5480).
    let rsa = tbs.subject_public_key_info.algorithm.oid == const_oid::db::rfc5912::RSA_ENCRYPTION;
    let (wanted, refused) = if rsa {
        (KeyUsages::KeyEncipherment, KeyUsages::KeyAgreement)
    } else {
        (KeyUsages::KeyAgreement, KeyUsages::KeyEncipherment)
    };
    assert!(ku.0.contains(wanted), "{:?}", ku.0);
    assert!(!ku.0.contains(refused), "{:?}", ku.0);
    for oid in [
        const_oid::db::rfc5280::ID_PE_AUTHORITY_INFO_ACCESS,
        const_oid::db::rfc5280::ID_CE_CRL_DISTRIBUTION_POINTS,
        const_oid::db::rfc5280::ID_CE_SUBJECT_ALT_NAME,
        const_oid::db::rfc5280::ID_CE_AUTHORITY_KEY_IDENTIFIER,
        const_oid::db::rfc5280::ID_CE_SUBJECT_KEY_IDENTIFIER,
        const_oid::db::rfc5280::ID_CE_BASIC_CONSTRAINTS,
    ] {
        assert!(exts.iter().any(|e| e.extn_id == oid), "missing {oid}");
    }
    // The other owner cannot fetch it.
    assert_eq!(
        srv.get(&cert_path, Some(&p.other_owner.token)).await.status,
        StatusCode::NOT_FOUND
    );
    // Audit: one issuance entry, chain intact.
    sertel_server::audit::verify_chain(srv.state.db().pool())
        .await
        .unwrap();
    let issued: i64 = sqlx::Row::get(
        &sqlx::query("SELECT COUNT(*) FROM audit WHERE action = 'certificate.issue'")
            .fetch_one(srv.state.db().pool())
            .await
            .unwrap(),
        0,
    );
    assert_eq!(issued, 1);
}
on_every_backend!(
    certificate_is_issued_after_both_approvals,
    both_approve_then_issue
);

async fn reject_and_resubmit(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    assert_eq!(
        review(&srv, &p.badan, &id, "approve", "").await.status,
        StatusCode::OK
    );
    // Rejecting needs a reason.
    let r = review(&srv, &p.dinas, &id, "reject", "  ").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = review(&srv, &p.dinas, &id, "reject", "Foto tidak jelas").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["state"], "rejected");
    // No issuance after a rejection.
    assert_eq!(
        review(&srv, &p.badan, &id, "approve", "").await.status,
        StatusCode::CONFLICT
    );
    // The owner corrects the photo and a new key, and resubmits.
    let path = format!("/api/v1/applications/{id}/resubmit");
    let fields = vec![
        ("photo", fixtures::jpeg()),
        ("csr", fixtures::csr_for(0, KeyAlgorithm::Rsa2048)),
        (
            "consent_version",
            sertel_server::consent::CONSENT_VERSION.as_bytes().to_vec(),
        ),
    ];
    // Another owner cannot resubmit it.
    let r = srv
        .send(common::multipart::request(
            &path,
            Some(&p.other_owner.token),
            Some("resubmit-0001"),
            &fields,
        ))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = srv
        .send(common::multipart::request(
            &path,
            Some(&p.owner.token),
            Some("resubmit-0001"),
            &fields,
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let app = r.json();
    assert_eq!(app["state"], "submitted");
    assert_eq!(app["revision"], 2);
    assert_eq!(app["key_kind"], "rsa-2048");
    // A retry of the resubmission changes nothing.
    let r = srv
        .send(common::multipart::request(
            &path,
            Some(&p.owner.token),
            Some("resubmit-0001"),
            &fields,
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["revision"], 2);
    // Both approvals again (the Badan's earlier approval was for revision 1).
    assert_eq!(
        review(&srv, &p.dinas, &id, "approve", "").await.json()["state"],
        "dinas_approved"
    );
    let r = review(&srv, &p.badan, &id, "approve", "").await;
    assert_eq!(r.json()["state"], "issued");
    let cert = certificate(
        &srv.get(
            &format!("/api/v1/applications/{id}/certificate"),
            Some(&p.owner.token),
        )
        .await
        .body,
    );
    let kind =
        sertel_core::sigcheck::public_key_kind(&cert.tbs_certificate.subject_public_key_info)
            .unwrap();
    assert_eq!(
        kind,
        sertel_core::sigcheck::PublicKeyKind::Rsa { bits: 2048 }
    );
}
on_every_backend!(rejected_owner_corrects_and_resubmits, reject_and_resubmit);

async fn who_reviews(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    for who in [&p.owner, &p.other_owner, &p.admin] {
        let r = review(&srv, who, &id, "approve", "").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
    }
    assert_eq!(
        review(&srv, &p.badan, "tidak-ada", "approve", "")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let r = srv
        .post(
            &format!("/api/v1/applications/{id}/review"),
            Some(&p.badan.token),
            serde_json::json!({"decision": "maybe"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}
on_every_backend!(only_verifiers_review, who_reviews);
