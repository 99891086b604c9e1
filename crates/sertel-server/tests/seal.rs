//! Electronic seals (segel elektronik, Pasal 12 huruf c): the head of a Perangkat Daerah applies
//! for the agency's seal (Pasal 10 ayat 3) with the request letter and the SK Jabatan; the Badan
//! and the Dinas review it like any application; the certificate carries the organisation
//! subject and QcType eseal; it seals a PDF as a certification signature that our validator
//! reports as a seal and pyHanko accepts.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::StatusCode;
use sertel_core::certinfo::{common_name, name_attribute};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::pades::{sign_file, Certification, SignOptions};
use sertel_core::profile::{RegencyProfile, SealProfile};
use sertel_core::verify::{verify_file, Verdict};
use sertel_core::x509::qc_statements::{is_eseal, qc_types, OID_QCT_ESEAL};
use sertel_core::x509::{build_seal_csr, certificate_from_pem, csr_to_pem, Certificate};
use sertel_server::consent::CONSENT_VERSION;
use sqlx::Row;
use test_support::judges::{pdfsig_trusting, pkilint_certificate, pyhanko_validate};
use test_support::letters::{sample_letter, LetterSpec, PageSize};

use common::fixtures::{self, Login, People};
use common::TestServer;

/// Owner 0's unit kerja.
const AGENCY: &str = "Dinas Komunikasi dan Informatika";
const AGENCY_EMAIL: &str = "diskominfo@muaraenimkab.go.id";

fn seal_csr(agency: &str, key: &LocalKey) -> Vec<u8> {
    let seal = SealProfile {
        agency: agency.into(),
        email: Some(AGENCY_EMAIL.into()),
    };
    let csr = build_seal_csr(&seal, &RegencyProfile::default(), key).unwrap();
    csr_to_pem(&csr).unwrap().into_bytes()
}

/// Every field of a seal application for `agency`, with `csr`.
fn seal_form(agency: &str, csr: Vec<u8>) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("agency", agency.as_bytes().to_vec()),
        ("agency_email", AGENCY_EMAIL.as_bytes().to_vec()),
        ("csr", csr),
        ("request_letter", fixtures::pdf("surat permohonan segel")),
        ("sk_jabatan", fixtures::pdf("sk jabatan kepala dinas")),
        ("consent_version", CONSENT_VERSION.as_bytes().to_vec()),
    ]
}

fn without(fields: &[(&'static str, Vec<u8>)], name: &str) -> Vec<(&'static str, Vec<u8>)> {
    fields.iter().filter(|(n, _)| *n != name).cloned().collect()
}

async fn submit_seal(
    srv: &TestServer,
    who: &Login,
    key: &str,
    fields: &[(&str, Vec<u8>)],
) -> common::Reply {
    srv.send(common::multipart::request(
        "/api/v1/seal-applications",
        Some(&who.token),
        Some(key),
        fields,
    ))
    .await
}

/// The issued certificate of application `id`.
async fn certificate_of(srv: &TestServer, who: &Login, id: &str) -> Certificate {
    let url = format!("/api/v1/applications/{id}/certificate");
    let r = srv.get(&url, Some(&who.token)).await;
    assert_eq!(r.status, StatusCode::OK);
    certificate_from_pem(std::str::from_utf8(&r.body).unwrap()).unwrap()
}

/// Owner 0 applies for the seal of their agency; both verifiers approve. Returns the
/// application id and the key.
async fn issued_seal(srv: &TestServer, p: &People) -> (String, LocalKey) {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let form = seal_form(AGENCY, seal_csr(AGENCY, &key));
    let r = submit_seal(srv, &p.owner, "seal-first", &form).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let r = fixtures::approve_both(srv, p, &id).await;
    assert_eq!(r.json()["state"], "issued", "{:?}", r.json());
    (id, key)
}

async fn refusals(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let form = seal_form(AGENCY, seal_csr(AGENCY, &key));
    // Owners only.
    let r = submit_seal(&srv, &p.badan, "seal-badan", &form).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The agency, the request letter and the SK Jabatan are required.
    for (n, field) in ["agency", "request_letter", "sk_jabatan", "csr"]
        .iter()
        .enumerate()
    {
        let r = submit_seal(
            &srv,
            &p.owner,
            &format!("seal-missing-{n}"),
            &without(&form, field),
        )
        .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{field}");
        assert_eq!(r.kind(), "missing_field", "{field}");
        assert!(r.json()["message"]["id"].as_str().unwrap().contains(field));
    }
    // Only for the applicant's own agency: owner 1 works at the Dinas Pekerjaan Umum.
    let r = submit_seal(&srv, &p.other_owner, "seal-other-agency", &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.kind(), "seal_agency_not_own_unit");
    assert!(r.json()["message"]["id"]
        .as_str()
        .unwrap()
        .contains("Perangkat Daerah"));
    // The CSR's subject must be the seal's: not the person's, not another agency's.
    let person = fixtures::full_form(0).remove(0).1;
    let mut with_person_csr = without(&form, "csr");
    with_person_csr.push(("csr", person));
    let r = submit_seal(&srv, &p.owner, "seal-person-csr", &with_person_csr).await;
    assert_eq!(r.kind(), "csr_subject_mismatch");
    let mut other_csr = without(&form, "csr");
    other_csr.push(("csr", seal_csr("Dinas Pekerjaan Umum", &key)));
    let r = submit_seal(&srv, &p.owner, "seal-other-csr", &other_csr).await;
    assert_eq!(r.kind(), "csr_subject_mismatch");
    // The agency's name and e-mail address are checked like a profile.
    let mut bad_email = without(&form, "agency_email");
    bad_email.push(("agency_email", b"diskominfo@gmail.com".to_vec()));
    let r = submit_seal(&srv, &p.owner, "seal-bad-email", &bad_email).await;
    assert_eq!(r.kind(), "invalid_profile");
    let long = "D".repeat(65);
    let mut long_name = without(&form, "agency");
    long_name.push(("agency", long.into_bytes()));
    let r = submit_seal(&srv, &p.owner, "seal-long-name", &long_name).await;
    assert_eq!(r.kind(), "invalid_profile");
    // The agency belongs to a seal application only.
    let mut person = fixtures::full_form(0);
    person.push(("agency", AGENCY.as_bytes().to_vec()));
    let r = fixtures::submit(&srv, &p.owner, "person-with-agency", &person).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.kind(), "malformed_request");
    // Nothing was recorded.
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM applications")
        .fetch_one(srv.state.db().pool())
        .await
        .unwrap();
    assert_eq!(count, 0);
}
on_every_backend!(
    seal_applications_are_refused_when_incomplete_or_foreign,
    refusals
);

async fn whole_path(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let form = seal_form(AGENCY, seal_csr(AGENCY, &key));
    // The agency's name is compared without regard to case.
    let mut lower = without(&form, "agency");
    lower.insert(0, ("agency", AGENCY.to_lowercase().into_bytes()));
    let r = submit_seal(&srv, &p.owner, "seal-lower", &lower).await;
    assert_eq!(
        r.kind(),
        "csr_subject_mismatch",
        "the CN is the name as given"
    );

    let r = submit_seal(&srv, &p.owner, "seal-first-try", &form).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let v = r.json();
    let id = v["id"].as_str().unwrap().to_owned();
    assert_eq!(v["seal_agency"], AGENCY);
    assert_eq!(v["kind"], "new");
    assert_eq!(v["state"], "submitted");
    let docs: Vec<&str> = v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(docs, ["request_letter", "sk_jabatan"]);
    // Replayed with the same key: the same application.
    let again = submit_seal(&srv, &p.owner, "seal-first-try", &form).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json()["id"], id.as_str());
    // One seal per agency at a time; the seal does not block the head's own certificate.
    let r = submit_seal(&srv, &p.owner, "seal-second-try", &form).await;
    assert_eq!(r.kind(), "application_open");
    let person = fixtures::submitted(&srv, &p.owner, 0).await;
    let r = srv
        .get(
            &format!("/api/v1/applications/{person}"),
            Some(&p.owner.token),
        )
        .await;
    assert!(r.json().get("seal_agency").is_none());

    // The Badan rejects with a reason (the letter is not signed by the head); resubmitted with
    // a corrected letter, approved by both.
    let r = fixtures::review(
        &srv,
        &p.badan,
        &id,
        "reject",
        "Surat permohonan belum ditandatangani kepala dinas.",
    )
    .await;
    assert_eq!(r.json()["state"], "rejected", "{:?}", r.json());
    let resubmit = srv
        .send(common::multipart::request(
            &format!("/api/v1/applications/{id}/resubmit"),
            Some(&p.owner.token),
            Some("seal-resubmit"),
            &[
                (
                    "request_letter",
                    fixtures::pdf("surat permohonan bertanda tangan"),
                ),
                ("consent_version", CONSENT_VERSION.as_bytes().to_vec()),
            ],
        ))
        .await;
    assert_eq!(resubmit.status, StatusCode::OK, "{:?}", resubmit.json());
    let r = fixtures::approve_both(&srv, &p, &id).await;
    assert_eq!(r.json()["state"], "issued", "{:?}", r.json());
    let reviews = r.json()["reviews"].as_array().unwrap().len();
    assert_eq!(reviews, 3);

    // The organisation profile.
    let cert = certificate_of(&srv, &p.owner, &id).await;
    let subject = &cert.tbs_certificate.subject;
    assert_eq!(common_name(&cert).as_deref(), Some(AGENCY));
    assert_eq!(
        subject.to_string(),
        format!(
            "CN={AGENCY},O=Pemerintah Kabupaten Muara Enim,L=Muara Enim,ST=Sumatera Selatan,C=ID"
        )
    );
    assert_eq!(
        name_attribute(subject, const_oid::db::rfc4519::SERIAL_NUMBER),
        None
    );
    assert!(is_eseal(&cert));
    assert_eq!(qc_types(&cert), [OID_QCT_ESEAL]);
    let der = der::Encode::to_der(&cert).unwrap();
    let email = AGENCY_EMAIL.as_bytes();
    assert!(
        der.windows(email.len()).any(|w| w == email),
        "subjectAltName with the agency's e-mail address"
    );
    // The person's certificate is not a seal.
    fixtures::approve_both(&srv, &p, &person).await;
    assert!(!is_eseal(&certificate_of(&srv, &p.owner, &person).await));

    // Audited like any application.
    let rows = sqlx::query("SELECT action, data FROM audit WHERE subject = $1 ORDER BY seq")
        .bind(&id)
        .fetch_all(srv.state.db().pool())
        .await
        .unwrap();
    let actions: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    assert_eq!(
        actions,
        [
            "application.submit",
            "application.review.reject",
            "application.resubmit",
            "application.review.approve",
            "application.review.approve",
            "certificate.issue"
        ]
    );
    for i in [0, 5] {
        let data: String = rows[i].get(1);
        let data: serde_json::Value = serde_json::from_str(&data).unwrap();
        assert_eq!(data["seal_agency"], AGENCY, "{}", actions[i]);
    }
    sertel_server::audit::verify_chain(srv.state.db().pool())
        .await
        .unwrap();

    // Revoked like any certificate; the agency may then apply again.
    let r = fixtures::revoke(&srv, &p.dinas, &id, "cessation_of_operation").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let fresh = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let r = submit_seal(
        &srv,
        &p.owner,
        "seal-after-revocation",
        &seal_form(AGENCY, seal_csr(AGENCY, &fresh)),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
}
on_every_backend!(seal_application_reviewed_issued_audited_revoked, whole_path);

async fn renewal(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let (id, _) = issued_seal(&srv, &p).await;
    // A renewal of a seal needs the seal's subject again.
    let r = fixtures::follow_up(&srv, &p.owner, &id, "renew", 0, vec![]).await;
    assert_eq!(r.kind(), "csr_subject_mismatch");
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let r = srv
        .send(common::multipart::request(
            &format!("/api/v1/applications/{id}/renew"),
            Some(&p.owner.token),
            Some("seal-renew"),
            &[
                ("csr", seal_csr(AGENCY, &key)),
                ("consent_version", CONSENT_VERSION.as_bytes().to_vec()),
            ],
        ))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert_eq!(r.json()["seal_agency"], AGENCY);
    assert_eq!(r.json()["kind"], "renewal");
    let renewal = r.json()["id"].as_str().unwrap().to_owned();
    let r = fixtures::approve_both(&srv, &p, &renewal).await;
    assert_eq!(r.json()["state"], "issued", "{:?}", r.json());
    assert!(is_eseal(&certificate_of(&srv, &p.owner, &renewal).await));
}
on_every_backend!(seal_renewal_is_a_seal_again, renewal);

#[tokio::test]
async fn server_seal_certifies_a_pdf_that_validators_report_as_a_seal() {
    let srv = TestServer::start(common::Backend::Sqlite).await;
    let p = fixtures::people(&srv).await;
    let (id, key) = issued_seal(&srv, &p).await;
    let cert = certificate_of(&srv, &p.owner, &id).await;
    let ca_der = srv.get("/ca/regency-ca.crt", None).await.body;
    let ca = <Certificate as der::Decode>::from_der(&ca_der).unwrap();

    let dir = srv.dir.path();
    // pkilint (RFC 5280) finds no error in the seal's certificate.
    let cert_der = dir.join("segel.der");
    std::fs::write(&cert_der, der::Encode::to_der(&cert).unwrap()).unwrap();
    let lint = pkilint_certificate(&cert_der);
    assert!(
        lint.clean(),
        "pkilint on the seal certificate:\n{}",
        lint.run
    );
    let input = dir.join("surat.pdf");
    std::fs::write(
        &input,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .unwrap();
    let output = dir.join("surat-bersegel.pdf");
    let options = SignOptions {
        certification: Some(Certification::FormFilling),
        ..SignOptions::default()
    };
    sign_file(
        &input,
        &output,
        &key,
        &cert,
        std::slice::from_ref(&ca),
        &options,
    )
    .unwrap();

    let report = verify_file(&output).unwrap();
    let s = &report.signatures[0];
    assert_eq!(s.verdict, Verdict::Valid, "{:?}", s.findings);
    assert!(s.seal);
    assert_eq!(s.signer.as_deref(), Some(AGENCY));
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(json["seal"], true);

    // The public verification page (Pasal 14c) names the agency as a seal.
    let page = srv
        .send(common::multipart::request(
            "/v",
            None,
            None,
            &[("berkas", std::fs::read(&output).unwrap())],
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = String::from_utf8(page.body.to_vec()).unwrap();
    assert!(
        html.contains(&format!("<dt>Segel elektronik</dt><dd>{AGENCY}</dd>")),
        "{html}"
    );

    // Registered by the head, its page names the agency as a seal, not the head.
    let sealed = std::fs::read(&output).unwrap();
    let sha256 = hex::encode(aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA256,
        &sealed,
    ));
    let serial = hex::encode(cert.tbs_certificate.serial_number.as_bytes());
    let document_id = "5e a1".repeat(8).replace(' ', "");
    let r = srv
        .post(
            "/api/v1/documents",
            Some(&p.owner.token),
            serde_json::json!({
                "id": document_id,
                "sha256": sha256,
                "signed_at": sertel_server::ids::now_rfc3339(),
                "certificate_serial": serial,
            }),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let page = srv.get(&format!("/v/{document_id}"), None).await;
    let html = String::from_utf8(page.body.to_vec()).unwrap();
    assert!(
        html.contains(&format!("<dt>Segel elektronik</dt><dd>{AGENCY}</dd>")),
        "{html}"
    );
    assert!(!html.contains("Siti Rahmawati"), "{html}");

    let root = dir.join("regency-ca.pem");
    std::fs::write(&root, sertel_core::x509::certificate_to_pem(&ca).unwrap()).unwrap();
    let judged = pyhanko_validate(&output, &root);
    assert!(judged.ok, "{}", judged.output.stdout);
    assert_eq!(judged.signatures.len(), 1);
    let poppler = pdfsig_trusting(&output, &root);
    assert!(poppler.ok, "{}", poppler.output.stdout);
    let signature = &poppler.signatures[0];
    assert_eq!(signature.signer_common_name, AGENCY);
    assert!(signature.chain_accepted(), "{}", signature.raw);
}
