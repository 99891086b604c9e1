//! A certificate as path validation sees it: the exact DER it arrived as, its fields decoded,
//! and its extensions read once.

use std::fmt;
use std::sync::Arc;

use der::asn1::{AnyRef, IntRef};
use der::{Decode, Reader, SliceReader, Tag, TagNumber, Tagged};
use sha2::{Digest, Sha256};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use time::OffsetDateTime;
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::Certificate;

use super::error::CertificateError;
use super::extensions::{parse_extensions, CertExtensions, ExtensionFault};
use super::name::CanonName;
use super::signed::{split_signed, Signed};
use super::time::{parse_time, to_datetime, Seconds};

/// The largest certificate accepted, in bytes.
pub const MAX_CERTIFICATE_BYTES: usize = 256 * 1024;

#[derive(Debug)]
struct Inner {
    der: Vec<u8>,
    signed: Signed,
    version: u8,
    serial: Vec<u8>,
    tbs_algorithm: AlgorithmIdentifierOwned,
    issuer: Name,
    subject: Name,
    issuer_der: Vec<u8>,
    subject_der: Vec<u8>,
    issuer_canon: CanonName,
    subject_canon: CanonName,
    not_before: Seconds,
    not_after: Seconds,
    public_key: SubjectPublicKeyInfoOwned,
    extensions: Result<CertExtensions, ExtensionFault>,
    fingerprint: [u8; 32],
    x509: Option<Certificate>,
}

/// A certificate for path validation: cheap to clone, compared by its SHA-256 fingerprint.
///
/// Decoding is deliberately independent of [`x509_cert::Certificate`], which cannot hold a
/// `UTCTime` before 1970; [`PathCertificate::certificate`] gives that form when it exists.
#[derive(Clone)]
pub struct PathCertificate(Arc<Inner>);

struct Tbs {
    version: u8,
    serial: Vec<u8>,
    algorithm: AlgorithmIdentifierOwned,
    issuer: Name,
    issuer_der: Vec<u8>,
    validity: (Seconds, Seconds),
    subject: Name,
    subject_der: Vec<u8>,
    public_key: SubjectPublicKeyInfoOwned,
    extensions: Vec<Extension>,
}

fn context_tag(number: u8) -> Tag {
    Tag::ContextSpecific {
        constructed: true,
        number: TagNumber::new(number),
    }
}

fn parse_tbs(tbs: &[u8]) -> der::Result<Tbs> {
    let mut reader = SliceReader::new(tbs)?;
    let parsed = reader.sequence(|r| {
        let mut version = 0;
        if r.peek_tag()? == context_tag(0) {
            version = u8::from_der(AnyRef::decode(r)?.value())?;
            if version > 2 {
                return Err(Tag::Integer.value_error());
            }
        }
        let serial = IntRef::decode(r)?.as_bytes().to_vec();
        let algorithm = AlgorithmIdentifierOwned::decode(r)?;
        let issuer_der = r.tlv_bytes()?.to_vec();
        let issuer = Name::from_der(&issuer_der)?;
        let validity = r.sequence(|v| {
            let time = |a: AnyRef<'_>| parse_time(a).ok_or_else(|| a.tag().value_error());
            Ok((time(AnyRef::decode(v)?)?, time(AnyRef::decode(v)?)?))
        })?;
        let subject_der = r.tlv_bytes()?.to_vec();
        let subject = Name::from_der(&subject_der)?;
        let public_key = SubjectPublicKeyInfoOwned::decode(r)?;
        let mut extensions = Vec::new();
        while !r.is_finished() {
            let field = AnyRef::decode(r)?;
            match field.tag() {
                Tag::ContextSpecific { number, .. }
                    if number.value() == 1 || number.value() == 2 => {}
                t if t == context_tag(3) && version == 2 => {
                    extensions = Vec::<Extension>::from_der(field.value())?;
                }
                t => return Err(t.value_error()),
            }
        }
        Ok(Tbs {
            version,
            serial,
            algorithm,
            issuer,
            issuer_der,
            validity,
            subject,
            subject_der,
            public_key,
            extensions,
        })
    })?;
    reader.finish(parsed)
}

impl PathCertificate {
    /// Decodes a DER certificate.
    pub fn from_der(der: &[u8]) -> Result<PathCertificate, CertificateError> {
        if der.len() > MAX_CERTIFICATE_BYTES {
            return Err(CertificateError::TooLarge {
                size: der.len(),
                limit: MAX_CERTIFICATE_BYTES,
            });
        }
        let malformed = |e: der::Error| CertificateError::Malformed(e.to_string());
        let signed = split_signed(der).map_err(malformed)?;
        let tbs = parse_tbs(&der[signed.tbs.clone()]).map_err(malformed)?;
        let extensions = parse_extensions(&tbs.extensions);
        Ok(PathCertificate(Arc::new(Inner {
            der: der.to_vec(),
            signed,
            version: tbs.version,
            serial: tbs.serial,
            tbs_algorithm: tbs.algorithm,
            issuer_canon: CanonName::new(&tbs.issuer),
            subject_canon: CanonName::new(&tbs.subject),
            issuer: tbs.issuer,
            subject: tbs.subject,
            issuer_der: tbs.issuer_der,
            subject_der: tbs.subject_der,
            not_before: tbs.validity.0,
            not_after: tbs.validity.1,
            public_key: tbs.public_key,
            fingerprint: Sha256::digest(der).into(),
            x509: Certificate::from_der(der).ok(),
            extensions,
        })))
    }

    /// Converts an already decoded certificate (re-encoding it in DER).
    pub fn from_certificate(cert: &Certificate) -> Result<PathCertificate, CertificateError> {
        let der =
            der::Encode::to_der(cert).map_err(|e| CertificateError::Malformed(e.to_string()))?;
        PathCertificate::from_der(&der)
    }

    /// The certificate as it was received.
    pub fn der(&self) -> &[u8] {
        &self.0.der
    }

    /// The certificate decoded by `x509-cert`, when that crate can represent it (it cannot
    /// hold times before 1970).
    pub fn certificate(&self) -> Option<&Certificate> {
        self.0.x509.as_ref()
    }

    /// The subject's distinguished name.
    pub fn subject(&self) -> &Name {
        &self.0.subject
    }

    /// The issuer's distinguished name.
    pub fn issuer(&self) -> &Name {
        &self.0.issuer
    }

    /// The subject in RFC 4514 text form, for messages.
    pub fn subject_text(&self) -> String {
        self.0.subject.to_string()
    }

    /// The serial number's content octets (two's complement, big-endian, as encoded).
    pub fn serial_number(&self) -> &[u8] {
        &self.0.serial
    }

    /// The start of the validity period.
    pub fn not_before(&self) -> OffsetDateTime {
        to_datetime(self.0.not_before)
    }

    /// The end of the validity period (inclusive).
    pub fn not_after(&self) -> OffsetDateTime {
        to_datetime(self.0.not_after)
    }

    /// The subject's public key.
    pub fn public_key(&self) -> &SubjectPublicKeyInfoOwned {
        &self.0.public_key
    }

    /// SHA-256 of the DER encoding.
    pub fn fingerprint(&self) -> [u8; 32] {
        self.0.fingerprint
    }

    /// Whether issuer and subject are the same name (RFC 5280 §6.1: a self-issued
    /// certificate).
    pub fn is_self_issued(&self) -> bool {
        self.0.issuer_canon == self.0.subject_canon
    }

    /// The certificate's X.509 version, 1 to 3.
    pub fn version(&self) -> u8 {
        self.0.version + 1
    }

    /// The issuer name exactly as encoded in the certificate (what an OCSP `CertID` hashes).
    pub fn issuer_der(&self) -> &[u8] {
        &self.0.issuer_der
    }

    /// The subject name exactly as encoded in the certificate.
    pub fn subject_der(&self) -> &[u8] {
        &self.0.subject_der
    }

    pub(crate) fn signed(&self) -> &Signed {
        &self.0.signed
    }

    pub(crate) fn tbs_algorithm(&self) -> &AlgorithmIdentifierOwned {
        &self.0.tbs_algorithm
    }

    pub(crate) fn subject_canon(&self) -> &CanonName {
        &self.0.subject_canon
    }

    pub(crate) fn issuer_canon(&self) -> &CanonName {
        &self.0.issuer_canon
    }

    pub(crate) fn validity(&self) -> (Seconds, Seconds) {
        (self.0.not_before, self.0.not_after)
    }

    pub(crate) fn extensions(&self) -> Result<&CertExtensions, &ExtensionFault> {
        self.0.extensions.as_ref()
    }

    /// Whether basicConstraints marks the subject as a CA.
    pub(crate) fn is_ca(&self) -> bool {
        self.extensions().is_ok_and(CertExtensions::is_ca)
    }

    /// The subjectKeyIdentifier, if any.
    pub(crate) fn subject_key_id(&self) -> Option<&[u8]> {
        self.extensions().ok()?.subject_key_id.as_deref()
    }

    /// The authorityKeyIdentifier's key identifier, if any.
    pub(crate) fn authority_key_id(&self) -> Option<&[u8]> {
        self.extensions().ok()?.authority_key_id.as_deref()
    }

    /// Same subject name and same public key: the same CA as far as chaining goes.
    pub(crate) fn same_subject_and_key(&self, other: &PathCertificate) -> bool {
        self.0.subject_canon == other.0.subject_canon && self.0.public_key == other.0.public_key
    }
}

impl PartialEq for PathCertificate {
    fn eq(&self, other: &Self) -> bool {
        self.0.fingerprint == other.0.fingerprint
    }
}

impl Eq for PathCertificate {}

impl fmt::Debug for PathCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PathCertificate")
            .field("subject", &self.subject_text())
            .field("sha256", &hex::encode(self.0.fingerprint))
            .finish()
    }
}
