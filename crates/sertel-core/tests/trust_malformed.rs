//! Malformed and oversized input to the trust module: every error path answers with an error
//! or a not-valid outcome, never a panic.

mod trust_support;

use der::asn1::OctetString;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::trust::{
    validate_path, CertPool, CertificateError, CrlError, CrlLimits, CrlSet, PathCertificate,
    PathStatus, RevocationStatus, TrustStore, TrustStoreError, UnknownRevocation,
    ValidationOptions, MAX_CERTIFICATE_BYTES,
};
use test_support::pki::{TestPki, TEST_NOW};
use time::Duration;
use trust_support::{fresh_crls, intermediate_pool, path_cert, root_store, CrlBuilder};
use x509_cert::ext::Extension;

/// A deterministic byte soup (xorshift).
fn soup(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

fn assert_localized(e: &dyn Localized) {
    assert!(!e.kind().is_empty());
    let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
    assert!(!id.is_empty() && !en.is_empty() && id != en, "{id} / {en}");
}

#[test]
fn truncated_certificates_are_refused() {
    let der = &TestPki::get().signers[0].der;
    for len in 0..der.len() {
        let e = PathCertificate::from_der(&der[..len]).expect_err("truncated");
        assert!(matches!(e, CertificateError::Malformed(_)), "{len}");
    }
    let e = TrustStore::new()
        .add_der(&der[..10])
        .expect_err("truncated");
    assert_eq!(e.kind(), "certificate_malformed");
    assert_localized(&e);
    for seed in 1..50 {
        assert!(PathCertificate::from_der(&soup(600, seed)).is_err());
    }
}

#[test]
fn a_certificate_with_any_byte_changed_never_validates() {
    let pki = TestPki::get();
    let der = &pki.signers[3].der;
    let (store, pool, crls) = (root_store(), intermediate_pool(), fresh_crls().into());
    let options = ValidationOptions::at(TEST_NOW);
    for i in 0..der.len() {
        let mut bent = der.clone();
        bent[i] ^= 0x55;
        if let Ok(cert) = PathCertificate::from_der(&bent) {
            let outcome = validate_path(&cert, &pool, &crls, &store, &options);
            assert_ne!(outcome.status, PathStatus::Valid, "byte {i}");
            assert_localized(&outcome.status);
        }
    }
}

#[test]
fn garbage_crls_are_refused() {
    let pki = TestPki::get();
    let crl = CrlBuilder::of(&pki.intermediate)
        .revoke(
            &pki.signers[0].certificate.tbs_certificate.serial_number,
            TEST_NOW - Duration::days(3),
            None,
        )
        .sign(pki.intermediate.signer.as_ref());
    let mut set = CrlSet::new();
    for len in 0..crl.len() {
        let e = set.add_der(&crl[..len]).expect_err("truncated");
        assert!(matches!(e, CrlError::Malformed(_)), "{len}");
    }
    for seed in 1..50 {
        assert!(set.add_der(&soup(300, seed)).is_err());
    }
    let e = set
        .add_der(&pki.root.der)
        .expect_err("a certificate is not a CRL");
    assert_localized(&e);
    assert!(set.is_empty());
}

#[test]
fn a_crl_with_any_byte_changed_never_clears_a_revoked_signer() {
    let pki = TestPki::get();
    let signer = &pki.signers[3];
    let crl = CrlBuilder::of(&pki.intermediate)
        .revoke(
            &signer.certificate.tbs_certificate.serial_number,
            TEST_NOW - Duration::days(3),
            None,
        )
        .sign(pki.intermediate.signer.as_ref());
    let root_crl = CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref());
    let (store, pool, options) = (
        root_store(),
        intermediate_pool(),
        ValidationOptions::at(TEST_NOW),
    );
    let ee = path_cert(signer);
    for i in 0..crl.len() {
        let mut bent = crl.clone();
        bent[i] ^= 0x55;
        let mut crls = CrlSet::new();
        crls.add_der(&root_crl).expect("root CRL");
        let _ = crls.add_der(&bent);
        let outcome = validate_path(&ee, &pool, &crls.into(), &store, &options);
        assert_ne!(outcome.status, PathStatus::Valid, "byte {i}");
    }
}

#[test]
fn crl_limits_hold() {
    let pki = TestPki::get();
    let serial = |i: usize| &pki.signers[i].certificate.tbs_certificate.serial_number;
    let at = TEST_NOW - Duration::days(1);
    let three = CrlBuilder::of(&pki.intermediate)
        .revoke(serial(0), at, None)
        .revoke(serial(1), at, None)
        .revoke(serial(2), at, None)
        .sign(pki.intermediate.signer.as_ref());
    let mut limits = CrlLimits::default();
    limits.max_entries = 2;
    let e = CrlSet::with_limits(limits)
        .add_der(&three)
        .expect_err("entries");
    assert_eq!(e, CrlError::TooManyEntries { limit: 2 });
    assert_localized(&e);
    let mut limits = CrlLimits::default();
    limits.max_bytes = 100;
    let e = CrlSet::with_limits(limits)
        .add_der(&three)
        .expect_err("bytes");
    assert!(matches!(e, CrlError::TooLarge { limit: 100, .. }));
    assert_localized(&e);
    let mut limits = CrlLimits::default();
    limits.max_crls = 1;
    let mut set = CrlSet::with_limits(limits);
    assert!(set.add_der(&three).expect("first"));
    assert!(!set.add_der(&three).expect("duplicate"));
    let other = CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref());
    let e = set.add_der(&other).expect_err("count");
    assert_eq!(e, CrlError::TooMany { limit: 1 });
    assert_localized(&e);
}

#[test]
fn certificate_limits_hold() {
    let pki = TestPki::get();
    let huge = vec![0x30; MAX_CERTIFICATE_BYTES + 1];
    let e = PathCertificate::from_der(&huge).expect_err("too large");
    assert!(matches!(e, CertificateError::TooLarge { .. }));
    assert_localized(&e);
    let mut pool = CertPool::with_limit(1);
    assert!(pool.add_der(&pki.root.der).expect("first"));
    assert!(!pool.add_der(&pki.root.der).expect("duplicate"));
    let e = pool.add_der(&pki.intermediate.der).expect_err("full");
    assert_eq!(e, CertificateError::TooMany { limit: 1 });
    assert_localized(&e);
    let mut store = TrustStore::with_limit(1);
    store.add_der(&pki.root.der).expect("first");
    let e = store.add_der(&pki.intermediate.der).expect_err("full");
    assert_eq!(e.kind(), "certificate_too_many");
}

#[test]
fn bad_trust_store_input_is_reported() {
    let mut store = TrustStore::new();
    let pem_cases = [
        "no PEM here",
        "-----BEGIN CERTIFICATE-----\nMIIB\n",
        "-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n",
    ];
    for text in pem_cases {
        let e = store.add_pem(text).expect_err(text);
        assert!(matches!(e, TrustStoreError::Pem(_)), "{text}: {e:?}");
        assert_localized(&e);
    }
    let dir = tempfile::tempdir().expect("dir");
    let missing = dir.path().join("missing.pem");
    let e = store.add_file(&missing).expect_err("missing");
    assert!(matches!(e, TrustStoreError::Io { .. }));
    assert_localized(&e);
    assert!(store.add_dir(&missing).is_err());
    // A PEM block that decodes but holds garbage.
    let junk =
        der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, b"junk").expect("pem");
    let e = store.add_pem(&junk).expect_err("junk");
    assert_eq!(e.kind(), "certificate_malformed");
    assert!(store.is_empty());
}

fn critical(oid: &str) -> Extension {
    Extension {
        extn_id: const_oid::ObjectIdentifier::new_unwrap(oid),
        critical: true,
        extn_value: OctetString::new(vec![0x05, 0x00]).expect("octets"),
    }
}

#[test]
fn crls_with_features_sertel_does_not_process_are_not_used() {
    let pki = TestPki::get();
    let root_crl = CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref());
    let delta = Extension {
        extn_id: const_oid::db::rfc5280::ID_CE_DELTA_CRL_INDICATOR,
        critical: true,
        extn_value: OctetString::new(vec![0x02, 0x01, 0x01]).expect("octets"),
    };
    for (extension, why) in [
        (
            critical("1.3.6.1.4.1.99999.1"),
            "critical extension 1.3.6.1.4.1.99999.1",
        ),
        (delta, "delta CRL"),
    ] {
        let crl = CrlBuilder::of(&pki.intermediate)
            .extension(extension)
            .sign(pki.intermediate.signer.as_ref());
        let mut crls = CrlSet::new();
        crls.add_der(&root_crl).expect("root CRL");
        crls.add_der(&crl).expect("parsed, judged later");
        let ee = path_cert(&pki.signers[0]);
        let outcome = validate_path(
            &ee,
            &intermediate_pool(),
            &crls.into(),
            &root_store(),
            &ValidationOptions::at(TEST_NOW),
        );
        assert_eq!(
            outcome.revocation[1],
            RevocationStatus::Unknown(UnknownRevocation::CrlUnsupported(why.into()))
        );
        assert!(matches!(outcome.status, PathStatus::Indeterminate(_)));
        assert_localized(&outcome.status);
    }
}
