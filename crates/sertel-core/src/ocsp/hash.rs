//! The hash algorithms of an OCSP `CertID` (RFC 6960 §4.1.1).

use der::asn1::ObjectIdentifier;
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha384, Sha512};
use spki::AlgorithmIdentifierOwned;

use crate::sigcheck::oids;

/// The hash a `CertID` is computed with. SHA-1 is what responders expect (RFC 5019 §2.1.1);
/// the SHA-2 family is accepted everywhere and offered for requests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CertIdHash {
    /// SHA-1 (the default: every responder understands it).
    #[default]
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl CertIdHash {
    /// Every supported hash.
    pub const ALL: [CertIdHash; 4] = [
        CertIdHash::Sha1,
        CertIdHash::Sha256,
        CertIdHash::Sha384,
        CertIdHash::Sha512,
    ];

    /// The algorithm's OID.
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            CertIdHash::Sha1 => oids::SHA1,
            CertIdHash::Sha256 => oids::SHA256,
            CertIdHash::Sha384 => oids::SHA384,
            CertIdHash::Sha512 => oids::SHA512,
        }
    }

    /// The hash with this OID, if supported.
    pub fn from_oid(oid: &ObjectIdentifier) -> Option<CertIdHash> {
        CertIdHash::ALL.into_iter().find(|h| h.oid() == *oid)
    }

    /// The `AlgorithmIdentifier` as requests carry it: with a NULL parameter, as OpenSSL and
    /// most responders write it (RFC 5754 allows both forms; readers accept either).
    pub fn algorithm_identifier(self) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid: self.oid(),
            parameters: Some(der::Any::from(der::asn1::AnyRef::NULL)),
        }
    }

    /// The digest of `data`.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            CertIdHash::Sha1 => Sha1::digest(data).to_vec(),
            CertIdHash::Sha256 => Sha256::digest(data).to_vec(),
            CertIdHash::Sha384 => Sha384::digest(data).to_vec(),
            CertIdHash::Sha512 => Sha512::digest(data).to_vec(),
        }
    }

    /// A short name, for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            CertIdHash::Sha1 => "SHA-1",
            CertIdHash::Sha256 => "SHA-256",
            CertIdHash::Sha384 => "SHA-384",
            CertIdHash::Sha512 => "SHA-512",
        }
    }
}
