//! Encryption recipients of the test PKI: certificates issued by the test issuing CA whose
//! keyUsage allows encryption (keyEncipherment for RSA, keyAgreement for EC), for the
//! document-protection tests. Owner certificates of the regency are for signing only.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use aws_lc_rs::encoding::AsDer;
use aws_lc_rs::signature::{EcdsaKeyPair, KeyPair, ECDSA_P384_SHA384_ASN1_SIGNING};
use der::pem::LineEnding;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::signer::{spki_from_der, Signer};
use sertel_core::x509::extensions::{self as ext, KeyUsages};
use sertel_core::x509::{
    build_name, certificate_to_pem, issue, random_serial, Certificate, CertificateTemplate,
    NameAttribute,
};
use spki::SubjectPublicKeyInfoOwned;
use time::macros::datetime;

use crate::pki::TestPki;

/// The key types a test recipient can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecipientKind {
    /// RSA-2048, keyUsage keyEncipherment.
    Rsa2048,
    /// RSA-3072, keyUsage keyEncipherment.
    Rsa3072,
    /// EC P-256, keyUsage keyAgreement.
    P256,
    /// EC P-384, keyUsage keyAgreement (no [`LocalKey`]: the key store has no P-384).
    P384,
    /// RSA-2048 signing certificate (digitalSignature + nonRepudiation, like an owner's).
    RsaSigningOnly,
}

/// One recipient: its certificate and private key.
pub struct TestRecipient {
    /// The certificate.
    pub certificate: Certificate,
    /// The private key in the key store's form, where the key store supports it.
    pub key: Option<Arc<LocalKey>>,
    /// The private key as unencrypted PKCS#8 DER (for external tools).
    pub pkcs8: Vec<u8>,
}

impl TestRecipient {
    /// Issues a fresh recipient certificate of `kind` from the test issuing CA.
    pub fn new(kind: RecipientKind, cn: &str) -> TestRecipient {
        let (spki, key, pkcs8): (SubjectPublicKeyInfoOwned, Option<Arc<LocalKey>>, Vec<u8>) =
            match kind {
                RecipientKind::P384 => {
                    let doc = EcdsaKeyPair::generate(&ECDSA_P384_SHA384_ASN1_SIGNING)
                        .expect("P-384 key")
                        .to_pkcs8v1()
                        .expect("PKCS#8");
                    let pair =
                        EcdsaKeyPair::from_pkcs8(&ECDSA_P384_SHA384_ASN1_SIGNING, doc.as_ref())
                            .expect("P-384 key");
                    let spki_der = pair.public_key().as_der().expect("SPKI");
                    let spki = spki_from_der(spki_der.as_ref()).expect("SPKI");
                    (spki, None, doc.as_ref().to_vec())
                }
                _ => {
                    let alg = match kind {
                        RecipientKind::Rsa3072 => KeyAlgorithm::Rsa3072,
                        RecipientKind::P256 => KeyAlgorithm::EcdsaP256,
                        _ => KeyAlgorithm::Rsa2048,
                    };
                    let key = LocalKey::generate(alg).expect("test key");
                    let pkcs8 = key.to_pkcs8_der().expect("PKCS#8").to_vec();
                    (key.public_key().clone(), Some(Arc::new(key)), pkcs8)
                }
            };
        let usage = match kind {
            RecipientKind::P256 | RecipientKind::P384 => vec![KeyUsages::KeyAgreement],
            RecipientKind::RsaSigningOnly => {
                vec![KeyUsages::DigitalSignature, KeyUsages::NonRepudiation]
            }
            _ => vec![KeyUsages::KeyEncipherment],
        };
        let pki = TestPki::get();
        let issuer = &pki.intermediate;
        let template = CertificateTemplate {
            serial: random_serial().expect("serial"),
            issuer: issuer.certificate.tbs_certificate.subject.clone(),
            subject: build_name(&[
                (NameAttribute::Country, "ID"),
                (
                    NameAttribute::Organization,
                    "Pemerintah Kabupaten Muara Enim",
                ),
                (NameAttribute::CommonName, cn),
            ])
            .expect("name"),
            not_before: datetime!(2026-01-01 00:00:00 UTC),
            not_after: datetime!(2028-01-01 00:00:00 UTC),
            subject_public_key: spki,
            extensions: vec![
                ext::basic_constraints(false, None).expect("BC"),
                ext::key_usage(&usage).expect("KU"),
                ext::authority_key_identifier(issuer.signer.public_key()).expect("AKI"),
            ],
        };
        let certificate = issue(&template, issuer.signer.as_ref()).expect("certificate");
        TestRecipient {
            certificate,
            key,
            pkcs8,
        }
    }

    /// Writes `<stem>.pem` (certificate) and `<stem>.key.pem` (unencrypted PKCS#8) into
    /// `dir` for external tools; returns both paths.
    pub fn write_pem(&self, dir: &Path, stem: &str) -> (PathBuf, PathBuf) {
        let cert = dir.join(format!("{stem}.pem"));
        let key = dir.join(format!("{stem}.key.pem"));
        std::fs::write(&cert, certificate_to_pem(&self.certificate).expect("PEM")).expect("write");
        let pem = der::pem::encode_string("PRIVATE KEY", LineEnding::LF, &self.pkcs8).expect("PEM");
        std::fs::write(&key, pem).expect("write");
        (cert, key)
    }
}
