//! Helpers shared by the `ocsp_*` tests: responders over the test PKI, ad-hoc certificates
//! (responders without the right extended key usage, another CA), and the PKI written out
//! as PEM files for OpenSSL.

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use der::pem::LineEnding;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::ocsp::{
    build_request, LookupFailed, OcspResponder, PreparedRequest, RequestOptions, SerialStatus,
    StatusLookup,
};
use sertel_core::signer::Signer;
use sertel_core::trust::PathCertificate;
use sertel_core::x509::extensions::{self as ext, KeyUsages};
use sertel_core::x509::{
    build_name, certificate_to_der, certificate_to_pem, issue, random_serial, Certificate,
    CertificateTemplate, Name, NameAttribute,
};
use test_support::pki::{TestEntity, TestPki};
use time::macros::datetime;
use time::OffsetDateTime;
use x509_cert::ext::Extension;

/// A certificate for path validation and OCSP.
pub fn pc(entity: &TestEntity) -> PathCertificate {
    PathCertificate::from_der(&entity.der).expect("test certificate")
}

/// The serial number's content octets.
pub fn serial(entity: &TestEntity) -> Vec<u8> {
    entity
        .certificate
        .tbs_certificate
        .serial_number
        .as_bytes()
        .to_vec()
}

/// A lookup answering from `known`, unknown for any other serial.
pub fn lookup(known: Vec<(Vec<u8>, SerialStatus)>) -> Arc<StatusLookup> {
    let map: HashMap<Vec<u8>, SerialStatus> = known.into_iter().collect();
    Arc::new(move |serial: &[u8]| Ok(map.get(serial).copied().unwrap_or(SerialStatus::Unknown)))
}

/// A lookup that always fails (the answer is tryLater).
pub fn failing_lookup() -> Arc<StatusLookup> {
    Arc::new(|_: &[u8]| Err(LookupFailed))
}

/// A responder for the certificates of `issuer`, signing as `signer_entity`.
pub fn responder(
    issuer: &TestEntity,
    signer_entity: &TestEntity,
    lookup: Arc<StatusLookup>,
) -> OcspResponder {
    OcspResponder::new(
        &pc(issuer),
        &pc(signer_entity),
        signer_entity.signer.clone(),
        lookup,
    )
    .expect("responder set-up")
}

/// A request about `cert` (issued by `issuer`) with `options`.
pub fn request(
    cert: &TestEntity,
    issuer: &TestEntity,
    options: &RequestOptions,
) -> PreparedRequest {
    build_request(&pc(cert), &pc(issuer), options).expect("request")
}

/// Asks `responder` about `cert` at `now` with the default request (SHA-1, 32-octet nonce).
pub fn ask(
    responder: &OcspResponder,
    cert: &TestEntity,
    issuer: &TestEntity,
    now: OffsetDateTime,
) -> (PreparedRequest, Vec<u8>) {
    let req = request(cert, issuer, &RequestOptions::default());
    let resp = responder.respond(req.der(), now);
    (req, resp)
}

/// An ad-hoc entity: a fresh P-256 key certified by `issuer` (name, signer) with `extensions`.
pub fn adhoc(
    cn: &str,
    issuer: (&Name, &dyn Signer),
    extensions: Vec<Extension>,
    validity: (OffsetDateTime, OffsetDateTime),
) -> TestEntity {
    let key = Arc::new(LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key"));
    let subject = name(cn);
    let mut exts = vec![ext::subject_key_identifier(key.public_key()).expect("ski")];
    exts.extend(extensions);
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: issuer.0.clone(),
        subject,
        not_before: validity.0,
        not_after: validity.1,
        subject_public_key: key.public_key().clone(),
        extensions: exts,
    };
    let certificate = issue(&template, issuer.1).expect("issue");
    let der = certificate_to_der(&certificate).expect("der");
    let signer: Arc<dyn Signer> = key.clone();
    TestEntity {
        name: cn.to_lowercase().replace(' ', "-"),
        key,
        signer,
        certificate,
        der,
        chain: Vec::new(),
        owner: None,
    }
}

/// `C=ID, O=Sertel Test PKI, CN=cn`.
pub fn name(cn: &str) -> Name {
    build_name(&[
        (NameAttribute::Country, "ID"),
        (NameAttribute::Organization, "Sertel Test PKI"),
        (NameAttribute::CommonName, cn),
    ])
    .expect("name")
}

/// The issuing CA's subject name.
pub fn ca_name() -> Name {
    TestPki::get()
        .intermediate
        .certificate
        .tbs_certificate
        .subject
        .clone()
}

/// A delegated responder of the issuing CA with `extensions` (besides basicConstraints and
/// keyUsage digitalSignature), valid 2025–2030.
pub fn delegated(cn: &str, extensions: Vec<Extension>) -> TestEntity {
    let pki = TestPki::get();
    let mut exts = vec![
        ext::basic_constraints(false, None).expect("bc"),
        ext::key_usage(&[KeyUsages::DigitalSignature]).expect("ku"),
    ];
    exts.extend(extensions);
    adhoc(
        cn,
        (&ca_name(), pki.intermediate.signer.as_ref()),
        exts,
        (
            datetime!(2025-01-01 00:00:00 UTC),
            datetime!(2030-01-01 00:00:00 UTC),
        ),
    )
}

/// A self-signed CA called `cn`, valid 2025–2045.
pub fn other_ca(cn: &str) -> TestEntity {
    let key = Arc::new(LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key"));
    let n = name(cn);
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: n.clone(),
        subject: n,
        not_before: datetime!(2025-01-01 00:00:00 UTC),
        not_after: datetime!(2045-01-01 00:00:00 UTC),
        subject_public_key: key.public_key().clone(),
        extensions: vec![
            ext::basic_constraints(true, None).expect("bc"),
            ext::key_usage(&[KeyUsages::KeyCertSign, KeyUsages::CRLSign]).expect("ku"),
        ],
    };
    let certificate = issue(&template, key.as_ref()).expect("root");
    let der = certificate_to_der(&certificate).expect("der");
    let signer: Arc<dyn Signer> = key.clone();
    TestEntity {
        name: cn.to_lowercase().replace(' ', "-"),
        key,
        signer,
        certificate,
        der,
        chain: Vec::new(),
        owner: None,
    }
}

/// Writes `entity`'s certificate and unencrypted key as `<stem>.pem` and `<stem>.key.pem`
/// into `dir` (throwaway test keys for OpenSSL).
pub fn write_entity(dir: &Path, stem: &str, entity: &TestEntity) {
    std::fs::write(
        dir.join(format!("{stem}.pem")),
        certificate_to_pem(&entity.certificate).expect("pem"),
    )
    .expect("write certificate");
    let der = entity.key.to_pkcs8_der().expect("pkcs8");
    let pem = der::pem::encode_string("PRIVATE KEY", LineEnding::LF, &der).expect("pem");
    std::fs::write(dir.join(format!("{stem}.key.pem")), pem).expect("write key");
}

/// Writes the test PKI for OpenSSL: `root.pem`, `intermediate.pem` (+ key), `ocsp.pem` (+
/// key), the signers.
pub fn write_pki(dir: &Path) {
    let pki = TestPki::get();
    pki.write_pem_files(dir).expect("PEM files");
    write_entity(dir, "ocsp", &pki.ocsp);
    write_entity(dir, "intermediate", &pki.intermediate);
    write_entity(dir, "root", &pki.root);
}

/// A subject for `index.txt` (OpenSSL's lookup goes by serial number only).
pub fn openssl_subject(entity: &TestEntity) -> String {
    format!("/CN={}", entity.name)
}

/// Asserts that `e` reads in both languages.
pub fn assert_localized(e: &dyn Localized) {
    assert!(!e.kind().is_empty());
    let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
    assert!(!id.is_empty() && !en.is_empty() && id != en, "{id} / {en}");
}

/// A DER certificate of `entity` as an x509-cert value.
pub fn cert(entity: &TestEntity) -> &Certificate {
    &entity.certificate
}
