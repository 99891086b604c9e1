//! Revocation checking on Sertel's own test PKI at `TEST_NOW`, with CRLs signed by the test
//! keys: revoked signers and CAs, unknown status under soft and hard fail, unusable CRLs.

mod trust_support;

use sertel_core::i18n::{Lang, Localized};
use sertel_core::trust::{
    validate_path, CrlSet, IndeterminateReason, InvalidReason, PathStatus, PathWarning,
    RevocationPolicy, RevocationReason, RevocationStatus, UnknownRevocation,
};
use test_support::pki::{TestPki, TEST_NOW};
use time::Duration;
use trust_support::{
    check, datetime, fresh_crls, hard, intermediate_pool, options, path_cert, root_store,
    CrlBuilder,
};
use x509_cert::ext::pkix::CrlReason;

#[test]
fn a_revoked_signer_is_revoked() {
    let pki = TestPki::get();
    let signer = &pki.signers[1];
    let serial = &signer.certificate.tbs_certificate.serial_number;
    let revoked_at = TEST_NOW - Duration::days(10);
    let mut crls = CrlSet::new();
    crls.add_der(&CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref()))
        .expect("root CRL");
    let ca_crl = CrlBuilder::of(&pki.intermediate)
        .revoke(serial, revoked_at, Some(CrlReason::KeyCompromise))
        .sign(pki.intermediate.signer.as_ref());
    crls.add_der(&ca_crl).expect("CA CRL");
    let outcome = check(signer, &root_store(), &crls, &hard(TEST_NOW));
    let expected = RevocationStatus::Revoked {
        time: revoked_at,
        reason: RevocationReason::KeyCompromise,
    };
    assert_eq!(outcome.revocation, [RevocationStatus::Good, expected]);
    assert!(matches!(
        outcome.status,
        PathStatus::Invalid(InvalidReason::Revoked {
            index: 1,
            reason: RevocationReason::KeyCompromise,
            ..
        })
    ));
    assert_eq!(outcome.status.kind(), "path_certificate_revoked");
    // Validated at a time before the revocation, the signer is fine, with a warning.
    let earlier = check(
        signer,
        &root_store(),
        &crls,
        &hard(revoked_at - Duration::days(1)),
    );
    assert_eq!(earlier.status, PathStatus::Valid);
    assert!(matches!(
        earlier.warnings[..],
        [PathWarning::RevokedAfterValidationTime { index: 1, .. }]
    ));
    // Other signers are not affected.
    let other = check(&pki.signers[0], &root_store(), &crls, &hard(TEST_NOW));
    assert_eq!(other.status, PathStatus::Valid);
}

#[test]
fn a_revoked_issuing_ca_invalidates_its_signers() {
    let pki = TestPki::get();
    let serial = &pki.intermediate.certificate.tbs_certificate.serial_number;
    let mut crls = CrlSet::new();
    let root_crl = CrlBuilder::of(&pki.root)
        .revoke(serial, TEST_NOW - Duration::days(1), None)
        .sign(pki.root.signer.as_ref());
    crls.add_der(&root_crl).expect("root CRL");
    let outcome = check(&pki.signers[0], &root_store(), &crls, &hard(TEST_NOW));
    assert!(matches!(
        outcome.status,
        PathStatus::Invalid(InvalidReason::Revoked {
            index: 0,
            reason: RevocationReason::Unspecified,
            ..
        })
    ));
}

#[test]
fn unknown_revocation_is_a_warning_under_soft_fail_and_indeterminate_under_hard_fail() {
    let signer = &TestPki::get().signers[2];
    let store = root_store();
    let soft = check(
        signer,
        &store,
        &CrlSet::new(),
        &options(TEST_NOW, RevocationPolicy::SoftFail),
    );
    assert_eq!(soft.status, PathStatus::Valid);
    let unknown = RevocationStatus::Unknown(UnknownRevocation::NoCrl);
    assert_eq!(soft.revocation, [unknown.clone(), unknown]);
    assert_eq!(soft.warnings.len(), 2);
    assert!(soft
        .warnings
        .iter()
        .all(|w| w.kind() == "path_warning_revocation_unknown"));
    assert!(!soft.warnings[0].message(Lang::Id).is_empty());
    let hard_fail = check(signer, &store, &CrlSet::new(), &hard(TEST_NOW));
    assert!(matches!(
        hard_fail.status,
        PathStatus::Indeterminate(IndeterminateReason::RevocationUnknown {
            index: 0,
            reason: UnknownRevocation::NoCrl,
            ..
        })
    ));
}

#[test]
fn unusable_crls_leave_the_status_unknown() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let root_crl = CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref());
    let cases = [
        // Signed by the root although it names the issuing CA.
        (
            CrlBuilder::of(&pki.intermediate).sign(pki.root.signer.as_ref()),
            UnknownRevocation::CrlSignatureInvalid,
        ),
        // Out of date at TEST_NOW.
        (
            CrlBuilder::of(&pki.intermediate)
                .dates(
                    TEST_NOW - Duration::days(40),
                    Some(TEST_NOW - Duration::days(10)),
                )
                .sign(pki.intermediate.signer.as_ref()),
            UnknownRevocation::CrlOutdated,
        ),
    ];
    for (ca_crl, reason) in cases {
        let mut crls = CrlSet::new();
        crls.add_der(&root_crl).expect("root CRL");
        crls.add_der(&ca_crl).expect("CA CRL");
        let outcome = check(signer, &root_store(), &crls, &hard(TEST_NOW));
        assert_eq!(
            outcome.revocation[1],
            RevocationStatus::Unknown(reason.clone())
        );
        assert!(
            matches!(outcome.status, PathStatus::Indeterminate(_)),
            "{reason:?}"
        );
    }
}

#[test]
fn a_crl_issuer_cannot_vouch_for_the_ca_it_depends_on() {
    use sertel_core::key::{KeyAlgorithm, LocalKey};
    use sertel_core::signer::Signer;
    use sertel_core::x509::{issue, random_serial, CertificateTemplate};
    let pki = TestPki::get();
    // The issuing CA certifies a key under the root's name, and that key signs a "root CRL"
    // clearing the issuing CA: its only path runs through the issuing CA it would clear.
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let root_name = pki.root.certificate.tbs_certificate.subject.clone();
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: pki.intermediate.certificate.tbs_certificate.subject.clone(),
        subject: root_name.clone(),
        not_before: datetime(2026, 1, 1),
        not_after: datetime(2027, 1, 1),
        subject_public_key: key.public_key().clone(),
        extensions: Vec::new(),
    };
    let fake = issue(&template, pki.intermediate.signer.as_ref()).expect("issue");
    let mut pool = intermediate_pool();
    pool.add_der(&der::Encode::to_der(&fake).expect("der"))
        .expect("pool");
    let mut crls = CrlSet::new();
    crls.add_der(&CrlBuilder::new(&root_name).sign(&key))
        .expect("forged root CRL");
    crls.add_der(&CrlBuilder::of(&pki.intermediate).sign(pki.intermediate.signer.as_ref()))
        .expect("CA CRL");
    let ee = path_cert(&pki.signers[0]);
    let outcome = validate_path(&ee, &pool, &crls.into(), &root_store(), &hard(TEST_NOW));
    assert_eq!(
        outcome.revocation[0],
        RevocationStatus::Unknown(UnknownRevocation::CrlIssuerNotTrusted)
    );
    assert!(matches!(outcome.status, PathStatus::Indeterminate(_)));
}

#[test]
fn remove_from_crl_and_certificate_hold() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let serial = &signer.certificate.tbs_certificate.serial_number;
    let at = TEST_NOW - Duration::days(2);
    for (reason, revoked) in [
        (CrlReason::RemoveFromCRL, false),
        (CrlReason::CertificateHold, true),
    ] {
        let mut crls = CrlSet::new();
        crls.add_der(&CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref()))
            .expect("root CRL");
        let ca_crl = CrlBuilder::of(&pki.intermediate)
            .revoke(serial, at, Some(reason))
            .sign(pki.intermediate.signer.as_ref());
        crls.add_der(&ca_crl).expect("CA CRL");
        let outcome = check(signer, &root_store(), &crls, &hard(TEST_NOW));
        assert_eq!(!outcome.is_valid(), revoked, "{reason:?}");
        if revoked {
            assert_eq!(
                outcome.revocation[1],
                RevocationStatus::Revoked {
                    time: at,
                    reason: RevocationReason::CertificateHold
                }
            );
        }
    }
}

#[test]
fn a_newer_crl_overrides_an_older_one() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let serial = &signer.certificate.tbs_certificate.serial_number;
    let mut crls = fresh_crls();
    // An older CRL put the certificate on hold; the fresh one (a day before TEST_NOW) no
    // longer lists it.
    let older = CrlBuilder::of(&pki.intermediate)
        .dates(
            TEST_NOW - Duration::days(5),
            Some(TEST_NOW + Duration::days(25)),
        )
        .revoke(
            serial,
            TEST_NOW - Duration::days(6),
            Some(CrlReason::CertificateHold),
        )
        .sign(pki.intermediate.signer.as_ref());
    crls.add_der(&older).expect("older CRL");
    let outcome = check(signer, &root_store(), &crls, &hard(TEST_NOW));
    assert_eq!(outcome.status, PathStatus::Valid);
}
