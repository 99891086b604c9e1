//! Issuing a certificate from a template with any signer.

use std::collections::HashSet;

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use der::asn1::{BitString, GeneralizedTime, UtcTime};
use der::{Decode, Encode, Reader, SliceReader};
use spki::SubjectPublicKeyInfoOwned;
use time::OffsetDateTime;
use x509_cert::certificate::{Certificate, TbsCertificate, Version};
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::time::{Time, Validity};

use super::X509Error;
use crate::sigcheck::{self, SigCheckError};
use crate::signer::Signer;

/// Everything that goes into a certificate except the issuer's signature.
#[derive(Clone, Debug)]
pub struct CertificateTemplate {
    /// Serial number; use [`random_serial`].
    pub serial: SerialNumber,
    /// The issuer's name (the issuing CA's subject, or the subject for a self-signed root).
    pub issuer: Name,
    /// The subject's name.
    pub subject: Name,
    /// Start of validity (seconds precision; sub-seconds are dropped).
    pub not_before: OffsetDateTime,
    /// End of validity (inclusive, seconds precision).
    pub not_after: OffsetDateTime,
    /// The subject's public key.
    pub subject_public_key: SubjectPublicKeyInfoOwned,
    /// Extensions, in order; see [`super::extensions`].
    pub extensions: Vec<Extension>,
}

/// A fresh random serial: 16 bytes from the system's random source, positive (high bit cleared)
/// and with a non-zero first byte so it always encodes as 16 bytes (126 random bits).
pub fn random_serial() -> Result<SerialNumber, X509Error> {
    let mut bytes = [0u8; 16];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| X509Error::Internal("random source failed".into()))?;
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    Ok(SerialNumber::new(&bytes)?)
}

/// Encodes a time as RFC 5280 requires: UTCTime up to 2049, GeneralizedTime from 2050.
pub fn x509_time(t: OffsetDateTime) -> Result<Time, X509Error> {
    let t = t.to_offset(time::UtcOffset::UTC);
    let year = u16::try_from(t.year()).map_err(|_| X509Error::TimeOutOfRange)?;
    if !(1950..=9999).contains(&year) {
        return Err(X509Error::TimeOutOfRange);
    }
    let dt = der::DateTime::new(
        year,
        t.month() as u8,
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
    )
    .map_err(|_| X509Error::TimeOutOfRange)?;
    Ok(if year < 2050 {
        Time::UtcTime(UtcTime::from_date_time(dt).map_err(|_| X509Error::TimeOutOfRange)?)
    } else {
        Time::GeneralTime(GeneralizedTime::from_date_time(dt))
    })
}

/// Signs `template` with `issuer` and assembles the certificate.
///
/// The signature algorithm is the issuer's; the signature is checked against the issuer's public
/// key before the certificate is returned, so a faulty signer cannot produce a bad certificate.
pub fn issue(
    template: &CertificateTemplate,
    issuer: &dyn Signer,
) -> Result<Certificate, X509Error> {
    if template.not_before >= template.not_after {
        return Err(X509Error::InvalidValidity);
    }
    let mut seen = HashSet::new();
    for e in &template.extensions {
        if !seen.insert(e.extn_id) {
            return Err(X509Error::DuplicateExtension(e.extn_id.to_string()));
        }
    }
    let algorithm = issuer.algorithm().algorithm_identifier();
    let tbs = TbsCertificate {
        version: Version::V3,
        serial_number: template.serial.clone(),
        signature: algorithm.clone(),
        issuer: template.issuer.clone(),
        validity: Validity {
            not_before: x509_time(template.not_before)?,
            not_after: x509_time(template.not_after)?,
        },
        subject: template.subject.clone(),
        subject_public_key_info: template.subject_public_key.clone(),
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: (!template.extensions.is_empty()).then(|| template.extensions.clone()),
    };
    let tbs_der = tbs.to_der()?;
    let signature = issuer.sign(&tbs_der)?;
    sigcheck::verify(issuer.public_key(), &algorithm, &tbs_der, &signature)
        .map_err(|_| X509Error::SelfCheckFailed)?;
    Ok(Certificate {
        tbs_certificate: tbs,
        signature_algorithm: algorithm,
        signature: BitString::from_bytes(&signature)?,
    })
}

/// The exact bytes of the first element inside a DER SEQUENCE (the signed part of a certificate,
/// CRL or CSR), as they were received.
pub(crate) fn signed_part(der: &[u8]) -> Result<&[u8], der::Error> {
    let mut outer = SliceReader::new(der)?;
    let header = der::Header::decode(&mut outer)?;
    header.tag.assert_eq(der::Tag::Sequence)?;
    let body = outer.read_slice(header.length)?;
    let mut inner = SliceReader::new(body)?;
    inner.tlv_bytes()
}

/// Checks that `cert_der` (a DER certificate) is signed by the key `issuer`.
pub fn verify_certificate_signature(
    cert_der: &[u8],
    issuer: &SubjectPublicKeyInfoOwned,
) -> Result<(), SigCheckError> {
    let cert = Certificate::from_der(cert_der).map_err(|_| SigCheckError::MalformedParameters)?;
    let tbs = signed_part(cert_der).map_err(|_| SigCheckError::MalformedParameters)?;
    let sig = cert
        .signature
        .as_bytes()
        .ok_or(SigCheckError::BadSignature)?;
    sigcheck::verify(issuer, &cert.signature_algorithm, tbs, sig)
}
