//! The signing capability, split from where the key lives.
//!
//! Everything that signs (a CSR, a certificate, a PDF's CMS signed attributes, a timestamp token)
//! asks a [`Signer`] for a raw signature over bytes it has prepared. A key file on the laptop,
//! a hardware token or a remote signing service each implement this one trait.

use der::asn1::AnyRef;
use der::Decode;
use spki::{AlgorithmIdentifierOwned, ObjectIdentifier, SubjectPublicKeyInfoOwned};

/// `sha256WithRSAEncryption` (RFC 4055).
pub const OID_SHA256_WITH_RSA: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
/// `rsaEncryption` (RFC 8017).
pub const OID_RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// `ecdsa-with-SHA256` (RFC 5758).
pub const OID_ECDSA_WITH_SHA256: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
/// `id-ecPublicKey` (RFC 5480).
pub const OID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// `secp256r1` / P-256 (RFC 5480).
pub const OID_SECP256R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
/// `id-sha256` (RFC 5754).
pub const OID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

/// The signature schemes Sertel produces. Every one hashes with SHA-256.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignatureAlgorithm {
    /// RSASSA-PKCS1-v1_5 with SHA-256 (any modulus size).
    RsaPkcs1Sha256,
    /// ECDSA with SHA-256, signature DER-encoded (`Ecdsa-Sig-Value`).
    EcdsaSha256,
}

impl SignatureAlgorithm {
    /// The `signatureAlgorithm` OID as used in X.509, PKCS#10 and CMS `SignerInfo`.
    pub fn oid(self) -> ObjectIdentifier {
        match self {
            SignatureAlgorithm::RsaPkcs1Sha256 => OID_SHA256_WITH_RSA,
            SignatureAlgorithm::EcdsaSha256 => OID_ECDSA_WITH_SHA256,
        }
    }

    /// The `AlgorithmIdentifier`: RSA carries an explicit NULL parameter (RFC 4055 §5),
    /// ECDSA carries none (RFC 5758 §3.2).
    pub fn algorithm_identifier(self) -> AlgorithmIdentifierOwned {
        let parameters = match self {
            SignatureAlgorithm::RsaPkcs1Sha256 => Some(der::Any::from(AnyRef::NULL)),
            SignatureAlgorithm::EcdsaSha256 => None,
        };
        AlgorithmIdentifierOwned {
            oid: self.oid(),
            parameters,
        }
    }

    /// The digest algorithm identifier that goes with the scheme (SHA-256, absent parameters).
    pub fn digest_algorithm_identifier(self) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid: OID_SHA256,
            parameters: None,
        }
    }
}

/// Why a signer could not sign.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SignerError {
    /// The underlying implementation refused (bad key state, internal failure).
    #[error("the signing key could not produce a signature")]
    Failed,
    /// The key has been disabled (for instance after a lost-key report).
    #[error("this key is blocked from signing: {0}")]
    Blocked(String),
    /// A remote signer or token could not be reached.
    #[error("the signer is unavailable: {0}")]
    Unavailable(String),
}

/// Something that holds a private key and signs with it.
pub trait Signer: Send + Sync {
    /// The scheme of the signatures this signer produces.
    fn algorithm(&self) -> SignatureAlgorithm;
    /// The public key, as it appears in a certificate or CSR.
    fn public_key(&self) -> &SubjectPublicKeyInfoOwned;
    /// Signs `message` (the signer hashes it with SHA-256 itself).
    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignerError>;
}

/// Decodes a DER `SubjectPublicKeyInfo`; a helper for signers that hold the key in DER.
pub fn spki_from_der(der: &[u8]) -> Result<SubjectPublicKeyInfoOwned, der::Error> {
    SubjectPublicKeyInfoOwned::from_der(der)
}
