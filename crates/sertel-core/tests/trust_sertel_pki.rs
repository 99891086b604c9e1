//! Path validation against Sertel's own test PKI (root → issuing CA → signers) at `TEST_NOW`,
//! with CRLs signed by the test keys.

mod trust_support;

use sertel_core::i18n::{Lang, Localized};
use sertel_core::trust::{
    validate_path, CertPool, EndEntityUsage, IndeterminateReason, InvalidReason, PathStatus,
    RevocationStatus, TrustStore, UnknownRevocation,
};
use test_support::pki::{TestPki, TEST_NOW};
use trust_support::{check, datetime, fresh_crls, hard, other_root, path_cert, root_store};

#[test]
fn every_signer_and_the_tsa_validate_to_the_root() {
    let pki = TestPki::get();
    let (store, crls) = (root_store(), fresh_crls());
    for entity in pki.signers.iter().chain([&pki.tsa]) {
        let outcome = check(entity, &store, &crls, &hard(TEST_NOW));
        assert_eq!(outcome.status, PathStatus::Valid, "{}", entity.name);
        assert_eq!(outcome.path.len(), 2);
        assert_eq!(outcome.path[0].der(), pki.intermediate.der.as_slice());
        assert_eq!(outcome.path[1].der(), entity.der.as_slice());
        assert_eq!(
            outcome.anchor.as_ref().map(|a| a.der()),
            Some(pki.root.der.as_slice())
        );
        assert_eq!(
            outcome.revocation,
            [RevocationStatus::Good, RevocationStatus::Good]
        );
        assert!(outcome.warnings.is_empty());
        assert_eq!(outcome.status.kind(), "path_valid");
    }
}

#[test]
fn outside_the_validity_period_the_signer_fails() {
    let signer = &TestPki::get().signers[0];
    let (store, crls) = (root_store(), fresh_crls());
    let before = check(signer, &store, &crls, &hard(datetime(2025, 12, 31)));
    assert!(matches!(
        before.status,
        PathStatus::Invalid(InvalidReason::NotYetValid { index: 1, .. })
    ));
    let after = check(signer, &store, &crls, &hard(datetime(2028, 1, 2)));
    assert!(matches!(
        after.status,
        PathStatus::Invalid(InvalidReason::Expired { index: 1, .. })
    ));
    assert!(after.status.message(Lang::Id).contains("kedaluwarsa"));
    assert_eq!(
        after.revocation[1],
        RevocationStatus::Unknown(UnknownRevocation::NotChecked)
    );
}

#[test]
fn an_empty_store_trusts_nothing() {
    let outcome = check(
        &TestPki::get().signers[0],
        &TrustStore::new(),
        &fresh_crls(),
        &hard(TEST_NOW),
    );
    assert_eq!(
        outcome.status,
        PathStatus::Indeterminate(IndeterminateReason::NoTrustAnchors)
    );
    assert!(outcome.anchor.is_none());
    assert_eq!(outcome.path.len(), 1);
}

#[test]
fn a_wrong_anchor_fails() {
    let signer = &TestPki::get().signers[0];
    let (_, unrelated) = other_root("Another Root CA");
    let mut store = TrustStore::new();
    store
        .add_der(&der::Encode::to_der(&unrelated).expect("der"))
        .expect("add");
    let outcome = check(signer, &store, &fresh_crls(), &hard(TEST_NOW));
    assert_eq!(
        outcome.status,
        PathStatus::Indeterminate(IndeterminateReason::NoPathToAnchor)
    );
    // Same name as the real root, another key: the chain is found by name and the signature
    // fails.
    let (_, impostor) = other_root("Sertel Test Root CA");
    let mut store = TrustStore::new();
    store
        .add_der(&der::Encode::to_der(&impostor).expect("der"))
        .expect("add");
    let outcome = check(signer, &store, &fresh_crls(), &hard(TEST_NOW));
    assert!(matches!(
        outcome.status,
        PathStatus::Invalid(InvalidReason::SignatureInvalid { index: 0, .. })
    ));
}

#[test]
fn the_end_entity_key_usage_is_checked_when_asked() {
    let pki = TestPki::get();
    // The issuing CA's key may sign certificates and CRLs, not documents.
    let ca = path_cert(&pki.intermediate);
    let o = hard(TEST_NOW);
    let outcome = validate_path(
        &ca,
        &CertPool::new(),
        &fresh_crls().into(),
        &root_store(),
        &o,
    );
    assert!(matches!(
        outcome.status,
        PathStatus::Invalid(InvalidReason::EndEntityKeyUsage { .. })
    ));
    let mut any = o;
    any.end_entity_usage = EndEntityUsage::Any;
    let outcome = validate_path(
        &ca,
        &CertPool::new(),
        &fresh_crls().into(),
        &root_store(),
        &any,
    );
    assert_eq!(outcome.status, PathStatus::Valid);
}

#[test]
fn a_store_loads_from_pem_files_and_folders() {
    let pki = TestPki::get();
    let dir = tempfile::tempdir().expect("dir");
    pki.write_pem_files(dir.path()).expect("pem files");
    std::fs::write(dir.path().join("junk.crt"), b"not a certificate").expect("junk");
    let mut store = TrustStore::new();
    assert_eq!(
        store
            .add_file(&dir.path().join("chain.pem"))
            .expect("chain"),
        2
    );
    assert_eq!(
        store.add_file(&dir.path().join("root.pem")).expect("again"),
        0
    );
    let mut from_dir = TrustStore::new();
    let report = from_dir.add_dir(dir.path()).expect("dir");
    // root, intermediate, signers, TSA; chain.pem repeats two of them.
    assert_eq!(report.added, 3 + pki.signers.len());
    // junk.crt, and the private keys (PEM without a CERTIFICATE block).
    assert_eq!(report.skipped.len(), 1 + pki.signers.len() + 1);
    assert!(report
        .skipped
        .iter()
        .any(|(p, e)| p.ends_with("junk.crt") && e.kind() == "certificate_malformed"));
    let der_file = dir.path().join("root.der");
    std::fs::write(&der_file, &pki.root.der).expect("der");
    let mut only_root = TrustStore::new();
    assert_eq!(only_root.add_file(&der_file).expect("der file"), 1);
    let outcome = check(&pki.signers[3], &only_root, &fresh_crls(), &hard(TEST_NOW));
    assert_eq!(outcome.status, PathStatus::Valid);
}
