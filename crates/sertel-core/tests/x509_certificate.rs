//! Certificate issuing: misuse is refused, times are encoded as RFC 5280 requires, serials are
//! random and positive, and a faulty signer cannot produce a certificate.

#![allow(clippy::unwrap_used)]

use der::{Decode, Encode};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::signer::{SignatureAlgorithm, Signer, SignerError};
use sertel_core::x509::extensions as ext;
use sertel_core::x509::{
    build_name, issue, random_serial, verify_certificate_signature, x509_time, Certificate,
    CertificateTemplate, NameAttribute, NameError, X509Error,
};
use spki::SubjectPublicKeyInfoOwned;
use time::macros::datetime;
use x509_cert::time::Time;

fn template(key: &LocalKey) -> CertificateTemplate {
    let name = build_name(&[(NameAttribute::CommonName, "Uji")]).unwrap();
    CertificateTemplate {
        serial: random_serial().unwrap(),
        issuer: name.clone(),
        subject: name,
        not_before: datetime!(2026-01-01 00:00:00.75 UTC),
        not_after: datetime!(2055-01-01 00:00:00 UTC),
        subject_public_key: key.public_key().clone(),
        extensions: vec![ext::basic_constraints(true, None).unwrap()],
    }
}

#[test]
fn self_signed_round_trip_and_time_encoding() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let cert = issue(&template(&key), &key).unwrap();
    let der = cert.to_der().unwrap();
    assert_eq!(Certificate::from_der(&der).unwrap(), cert);
    verify_certificate_signature(&der, key.public_key()).unwrap();
    let v = &cert.tbs_certificate.validity;
    assert!(matches!(v.not_before, Time::UtcTime(_)));
    assert!(matches!(v.not_after, Time::GeneralTime(_)));
    assert_eq!(v.not_before.to_unix_duration().as_secs(), 1_767_225_600);
    assert!(matches!(
        x509_time(datetime!(2049-12-31 23:59:59 UTC)).unwrap(),
        Time::UtcTime(_)
    ));
    assert!(matches!(
        x509_time(datetime!(2050-01-01 00:00:00 UTC)).unwrap(),
        Time::GeneralTime(_)
    ));
    assert!(matches!(
        x509_time(datetime!(1949-12-31 00:00:00 UTC)),
        Err(X509Error::TimeOutOfRange)
    ));
}

#[test]
fn serials_are_random_positive_16_bytes() {
    let mut seen = std::collections::HashSet::new();
    for _ in 0..200 {
        let s = random_serial().unwrap();
        let b = s.as_bytes();
        assert_eq!(b.len(), 16);
        assert!(b[0] & 0x80 == 0 && b[0] != 0);
        assert!(seen.insert(b.to_vec()));
    }
}

#[test]
fn misuse_is_refused() {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let mut t = template(&key);
    t.not_after = t.not_before;
    assert!(matches!(issue(&t, &key), Err(X509Error::InvalidValidity)));
    let mut t = template(&key);
    t.extensions
        .push(ext::basic_constraints(false, None).unwrap());
    assert!(matches!(
        issue(&t, &key),
        Err(X509Error::DuplicateExtension(_))
    ));
    assert!(matches!(
        ext::subject_alt_name_email("sïti@x.id"),
        Err(X509Error::InvalidExtensionValue(_))
    ));
    assert_eq!(
        build_name(&[(NameAttribute::Country, "IDN")]),
        Err(NameError::TooLong(NameAttribute::Country))
    );
    assert_eq!(
        build_name(&[(NameAttribute::SerialNumber, "NIP: 1985_07")]),
        Err(NameError::InvalidCharacters(NameAttribute::SerialNumber))
    );
    assert_eq!(
        build_name(&[(NameAttribute::CommonName, " ")]),
        Err(NameError::Empty(NameAttribute::CommonName))
    );
    assert!(build_name(&[(NameAttribute::CommonName, &"x".repeat(65))]).is_err());
}

/// A signer whose signatures are garbage.
struct Faulty(LocalKey);

impl Signer for Faulty {
    fn algorithm(&self) -> SignatureAlgorithm {
        self.0.algorithm()
    }
    fn public_key(&self) -> &SubjectPublicKeyInfoOwned {
        self.0.public_key()
    }
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignerError> {
        let mut s = self.0.sign(message)?;
        let n = s.len();
        s[n - 1] ^= 1;
        Ok(s)
    }
}

#[test]
fn faulty_signer_is_caught() {
    let key = LocalKey::generate(KeyAlgorithm::Rsa2048).unwrap();
    let t = template(&key);
    assert!(matches!(
        issue(&t, &Faulty(key)),
        Err(X509Error::SelfCheckFailed)
    ));
}
