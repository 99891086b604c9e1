//! The key's certificate request carries the profile and the key, and the certificate issued
//! for it is taken in with its issuer behind it, from PEM in any order or from DER; a
//! certificate for another key is refused and leaves the slot without one.

use der::Encode;
use sertel_core::i18n::Localized;
use sertel_core::key::Passphrase;
use sertel_core::profile::RegencyProfile;
use sertel_core::x509::certificate_to_pem;
use sertel_desktop_core::certificate_request::{certificate_request, import_certificate};

mod common;

use common::{ca, issue_for, new_slot, owner, PASSPHRASE};

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
