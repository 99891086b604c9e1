//! Path building under stress: long chains, loops of cross-certificates and a mesh of
//! cross-certified CAs sharing one name, all on quick P-256 keys.

use std::time::Instant;

use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::signer::Signer;
use sertel_core::trust::{
    validate_path, CertPool, IndeterminateReason, Limits, PathCertificate, PathStatus,
    RevocationData, RevocationPolicy, TrustStore, ValidationOptions,
};
use sertel_core::x509::extensions as ext;
use sertel_core::x509::{
    build_name, issue, random_serial, CertificateTemplate, Name, NameAttribute,
};
use test_support::pki::TEST_NOW;
use time::macros::datetime;

struct Ca {
    key: LocalKey,
    name: Name,
}

fn name(cn: &str) -> Name {
    build_name(&[
        (NameAttribute::Organization, "Mesh"),
        (NameAttribute::CommonName, cn),
    ])
    .expect("name")
}

fn ca(cn: &str) -> Ca {
    Ca {
        key: LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key"),
        name: name(cn),
    }
}

/// `subject` certified by `issuer`, as a CA unless `leaf`.
fn certify(
    issuer: &Ca,
    subject_name: &Name,
    subject_key: &LocalKey,
    leaf: bool,
) -> PathCertificate {
    let extensions = if leaf {
        vec![ext::key_usage(&[ext::KeyUsages::DigitalSignature]).expect("ku")]
    } else {
        vec![
            ext::basic_constraints(true, None).expect("bc"),
            ext::key_usage(&[ext::KeyUsages::KeyCertSign, ext::KeyUsages::CRLSign]).expect("ku"),
            ext::subject_key_identifier(subject_key.public_key()).expect("ski"),
        ]
    };
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: issuer.name.clone(),
        subject: subject_name.clone(),
        not_before: datetime!(2025-01-01 00:00:00 UTC),
        not_after: datetime!(2030-01-01 00:00:00 UTC),
        subject_public_key: subject_key.public_key().clone(),
        extensions,
    };
    let cert = issue(&template, &issuer.key).expect("issue");
    PathCertificate::from_der(&der::Encode::to_der(&cert).expect("der")).expect("parse")
}

fn soft() -> ValidationOptions {
    let mut o = ValidationOptions::at(TEST_NOW);
    o.revocation = RevocationPolicy::SoftFail;
    o
}

fn store_of(root: &Ca) -> TrustStore {
    let mut store = TrustStore::new();
    store
        .add(certify(root, &root.name, &root.key, false))
        .expect("anchor");
    store
}

#[test]
fn a_chain_longer_than_the_limit_is_not_followed() {
    let root = ca("Root");
    let cas: Vec<Ca> = (0..10).map(|i| ca(&format!("CA {i}"))).collect();
    let mut pool = CertPool::new();
    let mut issuer = &root;
    for c in &cas {
        pool.add(certify(issuer, &c.name, &c.key, false))
            .expect("pool");
        issuer = c;
    }
    let leaf_key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let leaf = certify(issuer, &name("Leaf"), &leaf_key, true);
    let store = store_of(&root);
    let outcome = validate_path(&leaf, &pool, &RevocationData::new(), &store, &soft());
    assert_eq!(
        outcome.status,
        PathStatus::Indeterminate(IndeterminateReason::SearchLimitReached)
    );
    let mut longer = soft();
    longer.limits.max_path_len = 11;
    let outcome = validate_path(&leaf, &pool, &RevocationData::new(), &store, &longer);
    assert_eq!(outcome.status, PathStatus::Valid);
    assert_eq!(outcome.path.len(), 11);
}

#[test]
fn cross_certificate_loops_end() {
    let (a, b) = (ca("A"), ca("B"));
    let mut pool = CertPool::new();
    pool.add(certify(&a, &b.name, &b.key, false)).expect("a->b");
    pool.add(certify(&b, &a.name, &a.key, false)).expect("b->a");
    pool.add(certify(&a, &a.name, &a.key, false))
        .expect("a self-signed");
    let leaf_key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let leaf = certify(&a, &name("Leaf"), &leaf_key, true);
    let store = store_of(&ca("Unrelated"));
    let outcome = validate_path(&leaf, &pool, &RevocationData::new(), &store, &soft());
    assert_eq!(
        outcome.status,
        PathStatus::Indeterminate(IndeterminateReason::NoPathToAnchor)
    );
}

#[test]
fn a_mesh_of_cross_certificates_does_not_blow_up() {
    // Eight keys under one name, each certifying every other: 56 certificates and more paths
    // than could ever be tried.
    let keys: Vec<Ca> = (0..8).map(|_| ca("Mesh CA")).collect();
    let mut pool = CertPool::new();
    for issuer in &keys {
        for subject in &keys {
            if !std::ptr::eq(issuer, subject) {
                pool.add(certify(issuer, &subject.name, &subject.key, false))
                    .expect("pool");
            }
        }
    }
    let leaf_key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let leaf = certify(&keys[0], &name("Leaf"), &leaf_key, true);
    let unrelated = store_of(&ca("Unrelated"));
    let started = Instant::now();
    let outcome = validate_path(&leaf, &pool, &RevocationData::new(), &unrelated, &soft());
    assert!(!outcome.is_valid());
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    // With a root certifying the last key, a path through the mesh is found.
    let root = ca("Root");
    pool.add(certify(&root, &keys[7].name, &keys[7].key, false))
        .expect("root->7");
    let started = Instant::now();
    let outcome = validate_path(
        &leaf,
        &pool,
        &RevocationData::new(),
        &store_of(&root),
        &soft(),
    );
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(outcome.status, PathStatus::Valid);
    assert!(outcome.path.len() <= Limits::default().max_path_len);
}
