//! The issuer-side CRL builder: what it writes (decoded back), that Sertel's own path validation
//! reads it, and what it refuses.

mod trust_support;

use der::{Decode, Encode};
use sertel_core::trust::{CrlSet, RevocationReason, RevocationStatus};
use sertel_core::x509::extensions::key_identifier;
use sertel_core::x509::{
    build_crl, crl_to_der, CertificateList, CrlReason, CrlTemplate, RevokedEntry, X509Error,
};
use test_support::pki::{TestPki, TEST_NOW};
use time::Duration;
use trust_support::{check, hard, CrlBuilder};
use x509_cert::ext::pkix::crl::CrlNumber;
use x509_cert::ext::pkix::AuthorityKeyIdentifier;

fn template(entries: Vec<RevokedEntry>) -> CrlTemplate {
    let ca = &TestPki::get().intermediate;
    CrlTemplate {
        issuer: ca.certificate.tbs_certificate.subject.clone(),
        issuer_key: ca.signer.public_key().clone(),
        number: 300,
        this_update: TEST_NOW - Duration::hours(1),
        next_update: TEST_NOW + Duration::days(2),
        entries,
    }
}

#[test]
fn the_crl_carries_number_key_id_dates_and_reasons() {
    let pki = TestPki::get();
    let revoked = &pki.signers[1].certificate.tbs_certificate.serial_number;
    let other = &pki.signers[0].certificate.tbs_certificate.serial_number;
    let entries = vec![
        RevokedEntry {
            serial: revoked.clone(),
            revoked_at: TEST_NOW - Duration::days(3),
            reason: CrlReason::KeyCompromise,
        },
        RevokedEntry {
            serial: other.clone(),
            revoked_at: TEST_NOW - Duration::days(2),
            reason: CrlReason::Unspecified,
        },
    ];
    let crl = build_crl(&template(entries), pki.intermediate.signer.as_ref()).expect("CRL");
    let der = crl_to_der(&crl).expect("DER");
    let back = CertificateList::from_der(&der).expect("decodes");
    let tbs = &back.tbs_cert_list;
    assert_eq!(tbs.version, x509_cert::Version::V2);
    assert!(tbs.next_update.is_some());
    let exts = tbs.crl_extensions.as_ref().expect("extensions");
    let number = exts
        .iter()
        .find(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_CRL_NUMBER)
        .expect("cRLNumber");
    assert!(!number.critical);
    let number = CrlNumber::from_der(number.extn_value.as_bytes()).expect("number");
    assert_eq!(number.0.as_bytes(), &[0x01, 0x2c]);
    let aki = exts
        .iter()
        .find(|e| e.extn_id == const_oid::db::rfc5280::ID_CE_AUTHORITY_KEY_IDENTIFIER)
        .expect("AKI");
    let aki = AuthorityKeyIdentifier::from_der(aki.extn_value.as_bytes()).expect("AKI");
    assert_eq!(
        aki.key_identifier.expect("key id").as_bytes(),
        key_identifier(pki.intermediate.signer.public_key())
    );
    let list = tbs.revoked_certificates.as_ref().expect("entries");
    assert_eq!(list.len(), 2);
    let reason = list[0].crl_entry_extensions.as_ref().expect("reasonCode");
    assert_eq!(
        reason[0].extn_value.as_bytes(),
        CrlReason::KeyCompromise.to_der().expect("reason")
    );
    assert!(
        list[1].crl_entry_extensions.is_none(),
        "unspecified is written as no reasonCode"
    );
}

#[test]
fn sertel_validation_reads_it_as_revoked() {
    let pki = TestPki::get();
    let signer = &pki.signers[1];
    let revoked_at = TEST_NOW - Duration::days(3);
    let entries = vec![RevokedEntry {
        serial: signer.certificate.tbs_certificate.serial_number.clone(),
        revoked_at,
        reason: CrlReason::Superseded,
    }];
    let crl = build_crl(&template(entries), pki.intermediate.signer.as_ref()).expect("CRL");
    let mut crls = CrlSet::new();
    crls.add_der(&CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref()))
        .expect("root CRL");
    crls.add_der(&crl_to_der(&crl).expect("DER"))
        .expect("CA CRL");
    let outcome = check(signer, &trust_support::root_store(), &crls, &hard(TEST_NOW));
    assert_eq!(
        outcome.revocation,
        [
            RevocationStatus::Good,
            RevocationStatus::Revoked {
                time: revoked_at,
                reason: RevocationReason::Superseded,
            }
        ]
    );
}

#[test]
fn hold_and_remove_and_empty_periods_are_refused() {
    let pki = TestPki::get();
    let serial = pki.signers[0]
        .certificate
        .tbs_certificate
        .serial_number
        .clone();
    for reason in [CrlReason::CertificateHold, CrlReason::RemoveFromCRL] {
        let entries = vec![RevokedEntry {
            serial: serial.clone(),
            revoked_at: TEST_NOW,
            reason,
        }];
        let err = build_crl(&template(entries), pki.intermediate.signer.as_ref());
        assert!(
            matches!(err, Err(X509Error::InvalidExtensionValue(_))),
            "{reason:?}: {err:?}"
        );
    }
    let mut t = template(Vec::new());
    t.next_update = t.this_update;
    assert!(matches!(
        build_crl(&t, pki.intermediate.signer.as_ref()),
        Err(X509Error::InvalidValidity)
    ));
}
