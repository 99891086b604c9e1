//! `CertID` (RFC 6960 §4.1.1): naming a certificate by its issuer's name and key hashes and
//! its serial number, and recognising a `CertID` made with any supported hash.
//!
//! ```text
//! CertID ::= SEQUENCE {
//!     hashAlgorithm       AlgorithmIdentifier,
//!     issuerNameHash      OCTET STRING, -- Hash of issuer's DN
//!     issuerKeyHash       OCTET STRING, -- Hash of issuer's public key
//!     serialNumber        CertificateSerialNumber }
//! ```
//!
//! The name hash is taken over the DER of the issuer field of the certificate being checked;
//! the key hash over the issuer's `subjectPublicKey` BIT STRING value (without its tag, length
//! and unused-bits count).

use der::asn1::{Int, OctetString};
use der::{Decode, Encode, Tagged};
use x509_cert::serial_number::SerialNumber;
use x509_ocsp::CertId;

use super::hash::CertIdHash;
use crate::trust::PathCertificate;

/// The parts of a certificate a `CertID` is computed from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CertIdSource<'a> {
    /// The DER of the issuer's name.
    pub issuer_name: &'a [u8],
    /// The issuer's public key bits.
    pub issuer_key: &'a [u8],
    /// The certificate's serial number, content octets as encoded.
    pub serial: &'a [u8],
}

impl<'a> CertIdSource<'a> {
    /// The `CertID` source for `cert` issued by `issuer`.
    pub(crate) fn of(cert: &'a PathCertificate, issuer: &'a PathCertificate) -> CertIdSource<'a> {
        CertIdSource {
            issuer_name: cert.issuer_der(),
            issuer_key: issuer.public_key().subject_public_key.raw_bytes(),
            serial: cert.serial_number(),
        }
    }

    /// Builds the `CertID` with `hash`.
    pub(crate) fn cert_id(&self, hash: CertIdHash) -> der::Result<CertId> {
        Ok(CertId {
            hash_algorithm: hash.algorithm_identifier(),
            issuer_name_hash: OctetString::new(hash.digest(self.issuer_name))?,
            issuer_key_hash: OctetString::new(hash.digest(self.issuer_key))?,
            serial_number: serial_from_content(self.serial)?,
        })
    }

    /// Whether `id` names this certificate: a supported hash, and equal name hash, key hash and
    /// serial number.
    pub(crate) fn matches(&self, id: &CertId) -> bool {
        id.serial_number.as_bytes() == self.serial && self.same_issuer(id)
    }

    /// Whether `id` names a certificate of this issuer (whatever its serial number).
    pub(crate) fn same_issuer(&self, id: &CertId) -> bool {
        let Some(hash) = CertIdHash::from_oid(&id.hash_algorithm.oid) else {
            return false;
        };
        let null_or_absent = id
            .hash_algorithm
            .parameters
            .as_ref()
            .is_none_or(|p| p.tag() == der::Tag::Null && p.value().is_empty());
        null_or_absent
            && id.issuer_name_hash.as_bytes() == hash.digest(self.issuer_name).as_slice()
            && id.issuer_key_hash.as_bytes() == hash.digest(self.issuer_key).as_slice()
    }
}

/// A `SerialNumber` with exactly the content octets `content` (as found in a certificate,
/// possibly with a leading zero, or negative from a lax issuer).
pub(crate) fn serial_from_content(content: &[u8]) -> der::Result<SerialNumber> {
    SerialNumber::from_der(&Int::new(content)?.to_der()?)
}
