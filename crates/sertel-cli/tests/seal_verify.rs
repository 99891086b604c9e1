//! `sertel verify` on a PDF sealed with an agency's electronic seal (a certificate with QcType
//! eseal): the text says "Segel elektronik: <agency>" instead of a signer, the JSON marks the
//! signature `"seal": true`, and the PDF report says it too.

mod common;

use common::{json, printed, Fixture};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::pades::{sign_file, Certification, SignOptions};
use sertel_core::profile::{RegencyProfile, SealProfile};
use sertel_core::signer::Signer;
use sertel_core::x509::extensions::{
    authority_key_identifier, basic_constraints, key_usage, subject_key_identifier, KeyUsages,
};
use sertel_core::x509::qc_statements::qc_statements_eseal;
use sertel_core::x509::{issue, random_serial, seal_subject, CertificateTemplate};
use test_support::judges::pdftotext;
use test_support::pki::{TestPki, TEST_NOW};

const AGENCY: &str = "Dinas Komunikasi dan Informatika";

/// Seals the fixture's first letter as `segel.pdf` with a seal certificate from the test
/// PKI's issuing CA (certification signature, form filling allowed).
fn sealed() -> Fixture {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let pki = TestPki::get();
    let ca = &pki.intermediate;
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let subject =
        seal_subject(&SealProfile::new(AGENCY), &RegencyProfile::default()).expect("subject");
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: ca.certificate.tbs_certificate.subject.clone(),
        subject,
        not_before: TEST_NOW,
        not_after: TEST_NOW + time::Duration::days(730),
        subject_public_key: key.public_key().clone(),
        extensions: vec![
            basic_constraints(false, None).expect("bc"),
            key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation]).expect("ku"),
            subject_key_identifier(key.public_key()).expect("ski"),
            authority_key_identifier(ca.signer.public_key()).expect("aki"),
            qc_statements_eseal().expect("qc"),
        ],
    };
    let cert = issue(&template, ca.signer.as_ref()).expect("seal certificate");
    let letter = f.letters(1).remove(0);
    let options = SignOptions {
        certification: Some(Certification::FormFilling),
        ..SignOptions::default()
    };
    let chain = [ca.certificate.clone(), pki.root.certificate.clone()];
    sign_file(&letter, &f.path("segel.pdf"), &key, &cert, &chain, &options).expect("sealed");
    f
}

#[test]
fn verify_names_the_agency_as_an_electronic_seal_in_text_json_and_report() {
    let f = sealed();
    let out = f.sertel(&["--lang", "id", "verify", "segel.pdf"]);
    let text = printed(&out);
    assert!(
        text.contains(&format!("Segel elektronik: {AGENCY}")),
        "{text}"
    );
    assert!(!text.contains("Penanda tangan:"), "{text}");
    let out = f.sertel(&["--lang", "en", "verify", "segel.pdf"]);
    assert!(
        printed(&out).contains(&format!("Electronic seal: {AGENCY}")),
        "{}",
        printed(&out)
    );

    let out = f.sertel(&["--json", "verify", "segel.pdf"]);
    let v = json(&out);
    let s = &v["files"][0]["signatures"][0];
    assert_eq!(s["seal"], true, "{v}");
    assert_eq!(s["signer"], AGENCY);
    assert_eq!(s["verdict"], "VALID", "{v}");

    f.sertel(&[
        "--lang",
        "id",
        "verify",
        "--report",
        "laporan.pdf",
        "segel.pdf",
    ]);
    let report = pdftotext(&f.path("laporan.pdf"));
    assert!(report.contains("Segel elektronik"), "{}", report.all());
    assert!(report.contains(AGENCY), "{}", report.all());
}
