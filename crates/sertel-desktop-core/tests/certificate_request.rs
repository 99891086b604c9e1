//! The key's certificate request carries the profile and the key, and the certificate issued
//! for it is taken in with its issuer behind it, from PEM in any order or from DER; a
//! certificate for another key is refused and leaves the slot without one.

use der::Encode;
use sertel_core::i18n::Localized;
use sertel_core::key::{KeyAlgorithm, LocalKey, Passphrase};
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::signer::Signer;
use sertel_core::x509::extensions::{self as ext, KeyUsages};
use sertel_core::x509::{
    build_name, certificate_to_pem, issue, random_serial, verify_csr, Certificate,
    CertificateTemplate, NameAttribute,
};
use sertel_desktop_core::certificate_request::{certificate_request, import_certificate};
use sertel_desktop_core::key_slot::{KeySlot, NewPassphrase};
use time::{Duration, OffsetDateTime};

const PASSPHRASE: &str = "kopi pahit di tepi sungai lematang";

fn owner() -> OwnerProfile {
    OwnerProfile {
        full_name: "Siti Rahmawati, S.Kom.".into(),
        nip: "198507142010012003".into(),
        nik: Some("1603015407850001".into()),
        email: "siti.rahmawati@muaraenimkab.go.id".into(),
        title: "Pranata Komputer".into(),
        unit: "Dinas Komunikasi dan Informatika".into(),
        rank: Some("Penata Muda (III/a)".into()),
        phone: None,
    }
}

fn ca() -> (LocalKey, Certificate) {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("CA key");
    let name = build_name(&[(NameAttribute::CommonName, "Uji CA")]).expect("name");
    let now = OffsetDateTime::now_utc();
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: name.clone(),
        subject: name,
        not_before: now - Duration::days(1),
        not_after: now + Duration::days(365),
        subject_public_key: key.public_key().clone(),
        extensions: vec![ext::basic_constraints(true, None).expect("BC")],
    };
    let cert = issue(&template, &key).expect("CA certificate");
    (key, cert)
}

fn issue_for(csr_pem: &str, ca: &(LocalKey, Certificate)) -> Certificate {
    let csr = verify_csr(csr_pem.as_bytes()).expect("a valid request");
    let now = OffsetDateTime::now_utc();
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: ca.1.tbs_certificate.subject.clone(),
        subject: csr.subject,
        not_before: now - Duration::days(1),
        not_after: now + Duration::days(730),
        subject_public_key: csr.public_key,
        extensions: vec![
            ext::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation]).expect("KU"),
        ],
    };
    issue(&template, &ca.0).expect("owner certificate")
}

fn new_slot(dir: &std::path::Path) -> KeySlot {
    let slot = KeySlot::new(dir);
    let new = NewPassphrase {
        passphrase: Passphrase::new(PASSPHRASE),
        repeat: Passphrase::new(PASSPHRASE),
    };
    slot.create(&new, &owner(), KeyAlgorithm::EcdsaP256)
        .expect("key");
    slot
}

#[test]
fn the_issued_certificate_goes_first_whatever_the_file_order() {
    let dir = tempfile::tempdir().expect("dir");
    let slot = new_slot(dir.path());
    let pem = certificate_request(
        &slot,
        &Passphrase::new(PASSPHRASE),
        &owner(),
        &RegencyProfile::default(),
    )
    .expect("request");
    assert!(
        pem.starts_with("-----BEGIN CERTIFICATE REQUEST-----"),
        "{pem}"
    );
    let authority = ca();
    let cert = issue_for(&pem, &authority);
    // The CA first, the owner's certificate second.
    let file = dir.path().join("terbit.pem");
    let text =
        certificate_to_pem(&authority.1).expect("PEM") + &certificate_to_pem(&cert).expect("PEM");
    std::fs::write(&file, text).expect("file");
    let info = import_certificate(&slot, &file).expect("imported");
    let facts = info.certificate.expect("certificate facts");
    assert_eq!(facts.holder, "Siti Rahmawati, S.Kom.");
    assert_eq!(facts.chain, vec!["Uji CA".to_string()]);
    assert_eq!(slot.certificates().expect("chain").len(), 2);
}

#[test]
fn a_der_certificate_is_read_and_a_wrong_passphrase_makes_no_request() {
    let dir = tempfile::tempdir().expect("dir");
    let slot = new_slot(dir.path());
    let err = certificate_request(
        &slot,
        &Passphrase::new("bukan ini"),
        &owner(),
        &RegencyProfile::default(),
    )
    .expect_err("wrong passphrase");
    assert_eq!(err.kind(), "wrong_passphrase");
    let pem = certificate_request(
        &slot,
        &Passphrase::new(PASSPHRASE),
        &owner(),
        &RegencyProfile::default(),
    )
    .expect("request");
    let cert = issue_for(&pem, &ca());
    let file = dir.path().join("terbit.cer");
    std::fs::write(&file, cert.to_der().expect("DER")).expect("file");
    let info = import_certificate(&slot, &file).expect("imported");
    assert!(info.certificate.is_some());
}

#[test]
fn a_certificate_for_another_key_is_refused() {
    let dir = tempfile::tempdir().expect("dir");
    let slot = new_slot(dir.path());
    let authority = ca();
    let file = dir.path().join("lain.pem");
    std::fs::write(&file, certificate_to_pem(&authority.1).expect("PEM")).expect("file");
    let err = import_certificate(&slot, &file).expect_err("refused");
    assert_eq!(err.kind(), "certificate_for_another_key");
    assert!(!slot.certificates_path().exists());
    std::fs::write(&file, b"bukan sertifikat").expect("file");
    let err = import_certificate(&slot, &file).expect_err("refused");
    assert_eq!(err.kind(), "not_a_certificate");
}
