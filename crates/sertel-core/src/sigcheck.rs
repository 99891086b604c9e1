//! Signature verification for everything Sertel checks: CSR proof of possession, CMS signer
//! infos, certificate chains, timestamp tokens.
//!
//! Supported: RSASSA-PKCS1-v1_5 with SHA-1/256/384/512, RSASSA-PSS with SHA-256/384/512 (MGF1
//! with the same hash, salt length equal to the hash length, trailer field 1 — the only
//! combinations in practical use), ECDSA with SHA-256/384/512 on P-256, P-384 and P-521 (DER
//! signatures), and Ed25519. RSA keys must be 2048 to 8192 bits. All checks run in aws-lc-rs.

use aws_lc_rs::digest::Digest;
use aws_lc_rs::signature::{self as sig, ParsedPublicKey};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

mod error;
mod key_kind;
mod scheme;

pub use error::SigCheckError;
pub use key_kind::{public_key_kind, EcCurve, PublicKeyKind};
use scheme::{scheme, verification_algorithm, Scheme};

pub(crate) mod oids {
    use der::asn1::ObjectIdentifier as O;
    pub const RSA: O = O::new_unwrap("1.2.840.113549.1.1.1");
    pub const RSA_PSS: O = O::new_unwrap("1.2.840.113549.1.1.10");
    pub const MGF1: O = O::new_unwrap("1.2.840.113549.1.1.8");
    pub const SHA1_RSA: O = O::new_unwrap("1.2.840.113549.1.1.5");
    pub const SHA256_RSA: O = O::new_unwrap("1.2.840.113549.1.1.11");
    pub const SHA384_RSA: O = O::new_unwrap("1.2.840.113549.1.1.12");
    pub const SHA512_RSA: O = O::new_unwrap("1.2.840.113549.1.1.13");
    pub const EC: O = O::new_unwrap("1.2.840.10045.2.1");
    pub const ECDSA_SHA256: O = O::new_unwrap("1.2.840.10045.4.3.2");
    pub const ECDSA_SHA384: O = O::new_unwrap("1.2.840.10045.4.3.3");
    pub const ECDSA_SHA512: O = O::new_unwrap("1.2.840.10045.4.3.4");
    pub const ED25519: O = O::new_unwrap("1.3.101.112");
    pub const P256: O = O::new_unwrap("1.2.840.10045.3.1.7");
    pub const P384: O = O::new_unwrap("1.3.132.0.34");
    pub const P521: O = O::new_unwrap("1.3.132.0.35");
    pub const SHA1: O = O::new_unwrap("1.3.14.3.2.26");
    pub const SHA256: O = O::new_unwrap("2.16.840.1.101.3.4.2.1");
    pub const SHA384: O = O::new_unwrap("2.16.840.1.101.3.4.2.2");
    pub const SHA512: O = O::new_unwrap("2.16.840.1.101.3.4.2.3");
}

fn parsed_key(
    spki: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
) -> Result<(ParsedPublicKey, Scheme), SigCheckError> {
    let scheme = scheme(algorithm)?;
    let kind = public_key_kind(spki)?;
    let alg = verification_algorithm(scheme, kind, spki.algorithm.oid)?;
    let bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or(SigCheckError::MalformedKey)?;
    let key = sig::UnparsedPublicKey::new(alg, bits)
        .parse()
        .map_err(|_| SigCheckError::MalformedKey)?;
    Ok((key, scheme))
}

/// Verifies `signature` over `message` with the key in `spki`, under the signature algorithm
/// `algorithm` (as found in a certificate, CSR or CMS `SignerInfo`).
pub fn verify(
    spki: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
    message: &[u8],
    signature: &[u8],
) -> Result<(), SigCheckError> {
    let (key, _) = parsed_key(spki, algorithm)?;
    key.verify_sig(message, signature)
        .map_err(|_| SigCheckError::BadSignature)
}

/// Like [`verify`], but given the message's digest (computed with the algorithm's hash) instead
/// of the message: for signatures over data too large to hold, or hashed elsewhere.
///
/// Not available for Ed25519, which signs the message itself
/// ([`SigCheckError::UnsupportedAlgorithm`]). A digest of the wrong length is caller misuse
/// ([`SigCheckError::DigestLength`]).
pub fn verify_prehashed(
    spki: &SubjectPublicKeyInfoOwned,
    algorithm: &AlgorithmIdentifierOwned,
    digest: &[u8],
    signature: &[u8],
) -> Result<(), SigCheckError> {
    let (key, scheme) = parsed_key(spki, algorithm)?;
    let hash = scheme.hash().ok_or_else(|| {
        SigCheckError::UnsupportedAlgorithm("Ed25519 cannot verify a precomputed digest".into())
    })?;
    let alg = hash.digest_alg();
    let digest =
        Digest::import_less_safe(digest, alg).map_err(|_| SigCheckError::DigestLength {
            expected: alg.output_len(),
            actual: digest.len(),
        })?;
    key.verify_digest_sig(&digest, signature)
        .map_err(|_| SigCheckError::BadSignature)
}
