//! What the desktop logic's tests share: the owner's profile, a throwaway CA, a certificate
//! issued for a request, and a key slot with a key.

#![allow(dead_code)] // Each test file uses its own part.

use sertel_core::key::{KeyAlgorithm, LocalKey, Passphrase};
use sertel_core::profile::OwnerProfile;
use sertel_core::signer::Signer;
use sertel_core::x509::extensions::{self as ext, KeyUsages};
use sertel_core::x509::{
    build_name, issue, random_serial, verify_csr, Certificate, CertificateTemplate, NameAttribute,
};
use sertel_desktop_core::key_slot::{KeySlot, NewPassphrase};
use time::{Duration, OffsetDateTime};

pub const PASSPHRASE: &str = "kopi pahit di tepi sungai lematang";

pub fn owner() -> OwnerProfile {
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

pub fn ca() -> (LocalKey, Certificate) {
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

pub fn issue_for(csr_pem: &str, ca: &(LocalKey, Certificate)) -> Certificate {
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

pub fn new_slot(dir: &std::path::Path) -> KeySlot {
    let slot = KeySlot::new(dir);
    let new = NewPassphrase {
        passphrase: Passphrase::new(PASSPHRASE),
        repeat: Passphrase::new(PASSPHRASE),
    };
    slot.create(&new, &owner(), KeyAlgorithm::EcdsaP256)
        .expect("key");
    slot
}
