//! Helpers shared by the `trust_*` tests: CRLs signed by the test PKI's keys, and an unrelated
//! root.

#![allow(dead_code)]

use der::asn1::OctetString;
use der::Encode;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::signer::Signer;
use sertel_core::trust::{
    validate_path, CertPool, CrlSet, EndEntityUsage, PathCertificate, PathOutcome, RevocationData,
    RevocationPolicy, TrustStore, ValidationOptions,
};
use sertel_core::x509::extensions as ext;
use sertel_core::x509::{
    build_name, crl_to_der, issue, random_serial, sign_crl, x509_time, Certificate,
    CertificateTemplate, Name, NameAttribute,
};
use test_support::pki::{TestEntity, TestPki, TEST_NOW};
use time::{Duration, OffsetDateTime};
use x509_cert::crl::{RevokedCert, TbsCertList};
use x509_cert::ext::pkix::CrlReason;
use x509_cert::ext::Extension;
use x509_cert::serial_number::SerialNumber;
use x509_cert::Version;

/// A CRL under construction: by default issued a day before `TEST_NOW`, next update 30 days
/// after, nothing revoked.
pub struct CrlBuilder {
    issuer: Name,
    this_update: OffsetDateTime,
    next_update: Option<OffsetDateTime>,
    revoked: Vec<RevokedCert>,
    extensions: Vec<Extension>,
}

impl CrlBuilder {
    /// A CRL naming `issuer`.
    pub fn new(issuer: &Name) -> CrlBuilder {
        CrlBuilder {
            issuer: issuer.clone(),
            this_update: TEST_NOW - Duration::days(1),
            next_update: Some(TEST_NOW + Duration::days(30)),
            revoked: Vec::new(),
            extensions: Vec::new(),
        }
    }

    /// A CRL of `entity` (named after its subject).
    pub fn of(entity: &TestEntity) -> CrlBuilder {
        CrlBuilder::new(&entity.certificate.tbs_certificate.subject)
    }

    /// Lists `serial` as revoked at `at`, with `reason` as reasonCode if given.
    pub fn revoke(
        mut self,
        serial: &SerialNumber,
        at: OffsetDateTime,
        reason: Option<CrlReason>,
    ) -> Self {
        let extensions = reason.map(|r| {
            vec![Extension {
                extn_id: const_oid::db::rfc5280::ID_CE_CRL_REASONS,
                critical: false,
                extn_value: OctetString::new(r.to_der().expect("reason")).expect("octets"),
            }]
        });
        self.revoked.push(RevokedCert {
            serial_number: serial.clone(),
            revocation_date: x509_time(at).expect("time"),
            crl_entry_extensions: extensions,
        });
        self
    }

    /// Sets thisUpdate and nextUpdate.
    pub fn dates(mut self, this: OffsetDateTime, next: Option<OffsetDateTime>) -> Self {
        self.this_update = this;
        self.next_update = next;
        self
    }

    /// Adds a CRL extension.
    pub fn extension(mut self, e: Extension) -> Self {
        self.extensions.push(e);
        self
    }

    /// Signs with `signer` (through the core's [`sign_crl`]) and encodes.
    pub fn sign(self, signer: &dyn Signer) -> Vec<u8> {
        let tbs = TbsCertList {
            version: Version::V2,
            signature: signer.algorithm().algorithm_identifier(),
            issuer: self.issuer,
            this_update: x509_time(self.this_update).expect("time"),
            next_update: self.next_update.map(|t| x509_time(t).expect("time")),
            revoked_certificates: (!self.revoked.is_empty()).then_some(self.revoked),
            crl_extensions: (!self.extensions.is_empty()).then_some(self.extensions),
        };
        crl_to_der(&sign_crl(tbs, signer).expect("sign")).expect("CRL")
    }
}

/// A self-signed P-256 root called `cn` (a quick key), valid 2025–2045.
pub fn other_root(cn: &str) -> (LocalKey, Certificate) {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let name = build_name(&[
        (NameAttribute::Country, "ID"),
        (NameAttribute::Organization, "Sertel Test PKI"),
        (NameAttribute::CommonName, cn),
    ])
    .expect("name");
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: name.clone(),
        subject: name,
        not_before: time::macros::datetime!(2025-01-01 00:00:00 UTC),
        not_after: time::macros::datetime!(2045-01-01 00:00:00 UTC),
        subject_public_key: key.public_key().clone(),
        extensions: vec![
            ext::basic_constraints(true, None).expect("bc"),
            ext::key_usage(&[ext::KeyUsages::KeyCertSign, ext::KeyUsages::CRLSign]).expect("ku"),
        ],
    };
    let cert = issue(&template, &key).expect("root");
    (key, cert)
}

/// The DER of `entity`'s certificate for path validation.
pub fn path_cert(entity: &TestEntity) -> PathCertificate {
    PathCertificate::from_der(&entity.der).expect("test certificate")
}

/// A store holding the test root.
pub fn root_store() -> TrustStore {
    let mut store = TrustStore::new();
    store.add_der(&TestPki::get().root.der).expect("root");
    store
}

/// A pool holding the issuing CA.
pub fn intermediate_pool() -> CertPool {
    let mut pool = CertPool::new();
    pool.add_der(&TestPki::get().intermediate.der)
        .expect("intermediate");
    pool
}

/// Empty CRLs of the root and of the issuing CA, current at `TEST_NOW`.
pub fn fresh_crls() -> CrlSet {
    let pki = TestPki::get();
    let mut crls = CrlSet::new();
    crls.add_der(&CrlBuilder::of(&pki.root).sign(pki.root.signer.as_ref()))
        .expect("root CRL");
    crls.add_der(&CrlBuilder::of(&pki.intermediate).sign(pki.intermediate.signer.as_ref()))
        .expect("CA CRL");
    crls
}

/// Options at `time` with `policy`, checking that the end-entity key may sign.
pub fn options(time: OffsetDateTime, policy: RevocationPolicy) -> ValidationOptions {
    let mut o = ValidationOptions::at(time);
    o.revocation = policy;
    o.end_entity_usage = EndEntityUsage::Signing;
    o
}

/// Validates `entity` with the issuing CA in the pool and `crls` as the only revocation data.
pub fn check(
    entity: &TestEntity,
    store: &TrustStore,
    crls: &CrlSet,
    o: &ValidationOptions,
) -> PathOutcome {
    check_with(entity, store, &RevocationData::from_crls(crls.clone()), o)
}

/// Validates `entity` with the issuing CA in the pool and `revocation` (CRLs, OCSP responses).
pub fn check_with(
    entity: &TestEntity,
    store: &TrustStore,
    revocation: &RevocationData,
    o: &ValidationOptions,
) -> PathOutcome {
    validate_path(
        &path_cert(entity),
        &intermediate_pool(),
        revocation,
        store,
        o,
    )
}

/// Hard-fail options at `time`.
pub fn hard(time: OffsetDateTime) -> ValidationOptions {
    options(time, RevocationPolicy::HardFail)
}

/// Midnight UTC of a date.
pub fn datetime(y: i32, m: u8, d: u8) -> OffsetDateTime {
    let month = time::Month::try_from(m).expect("month");
    time::Date::from_calendar_date(y, month, d)
        .expect("date")
        .midnight()
        .assume_utc()
}
