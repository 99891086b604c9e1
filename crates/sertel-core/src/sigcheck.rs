//! Signature verification for everything Sertel checks: CSR proof of possession, CMS signer
//! infos, certificate chains, timestamp tokens.
//!
//! Supported: RSASSA-PKCS1-v1_5 with SHA-1/256/384/512, RSASSA-PSS with SHA-256/384/512 (MGF1
//! with the same hash, salt length equal to the hash length, trailer field 1 — the only
//! combinations in practical use), ECDSA with SHA-256/384/512 on P-256, P-384 and P-521 (DER
//! signatures), and Ed25519. RSA keys must be 2048 to 8192 bits. All checks run in aws-lc-rs.

use aws_lc_rs::digest::{self, Digest};
use aws_lc_rs::signature::{self as sig, ParsedPublicKey, VerificationAlgorithm};
use der::asn1::{ObjectIdentifier, UintRef};
use der::{Decode, Sequence, Tagged};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::i18n::{Lang, Localized};

mod oids {
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

/// Why a signature did not verify.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SigCheckError {
    /// The signature algorithm (or its parameters) is not one Sertel accepts.
    #[error("unsupported signature algorithm: {0}")]
    UnsupportedAlgorithm(String),
    /// The public key's algorithm, curve or size is not one Sertel accepts.
    #[error("unsupported public key: {0}")]
    UnsupportedKey(String),
    /// The signature algorithm does not fit the key (for instance ECDSA with an RSA key).
    #[error("the signature algorithm does not match the key")]
    KeyAlgorithmMismatch,
    /// The signature algorithm's parameters are malformed.
    #[error("malformed signature algorithm parameters")]
    MalformedParameters,
    /// The public key is malformed.
    #[error("malformed public key")]
    MalformedKey,
    /// The signature does not verify.
    #[error("the signature is not valid")]
    BadSignature,
    /// Caller misuse: the digest given to [`verify_prehashed`] has the wrong length for the
    /// algorithm's hash.
    #[error("digest of {actual} bytes given where {expected} were expected")]
    DigestLength {
        /// The hash's output length.
        expected: usize,
        /// The length given.
        actual: usize,
    },
}

impl Localized for SigCheckError {
    fn kind(&self) -> &'static str {
        match self {
            SigCheckError::UnsupportedAlgorithm(_) => "signature_algorithm_unsupported",
            SigCheckError::UnsupportedKey(_) => "public_key_unsupported",
            SigCheckError::KeyAlgorithmMismatch => "signature_key_mismatch",
            SigCheckError::MalformedParameters => "signature_parameters_malformed",
            SigCheckError::MalformedKey => "public_key_malformed",
            SigCheckError::BadSignature => "signature_invalid",
            SigCheckError::DigestLength { .. } => "digest_length_mismatch",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use SigCheckError as E;
        match (self, lang) {
            (E::UnsupportedAlgorithm(a), Lang::Id) => {
                format!("Algoritma tanda tangan tidak didukung: {a}.")
            }
            (E::UnsupportedAlgorithm(a), Lang::En) => {
                format!("Unsupported signature algorithm: {a}.")
            }
            (E::UnsupportedKey(k), Lang::Id) => format!("Kunci publik tidak didukung: {k}."),
            (E::UnsupportedKey(k), Lang::En) => format!("Unsupported public key: {k}."),
            (E::KeyAlgorithmMismatch, Lang::Id) => {
                "Algoritma tanda tangan tidak cocok dengan jenis kunci publik.".into()
            }
            (E::KeyAlgorithmMismatch, Lang::En) => {
                "The signature algorithm does not match the kind of public key.".into()
            }
            (E::MalformedParameters, Lang::Id) => "Parameter algoritma tanda tangan rusak.".into(),
            (E::MalformedParameters, Lang::En) => {
                "The signature algorithm parameters are malformed.".into()
            }
            (E::MalformedKey, Lang::Id) => "Kunci publik rusak atau tidak sah.".into(),
            (E::MalformedKey, Lang::En) => "The public key is malformed or invalid.".into(),
            (E::BadSignature, Lang::Id) => "Tanda tangan tidak sah.".into(),
            (E::BadSignature, Lang::En) => "The signature is not valid.".into(),
            (E::DigestLength { expected, actual }, Lang::Id) => {
                format!("Panjang nilai hash {actual} bait, seharusnya {expected} bait.")
            }
            (E::DigestLength { expected, actual }, Lang::En) => {
                format!("The digest is {actual} bytes long; {expected} were expected.")
            }
        }
    }
}

/// A NIST curve Sertel verifies ECDSA signatures on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EcCurve {
    /// P-256 (secp256r1).
    P256,
    /// P-384 (secp384r1).
    P384,
    /// P-521 (secp521r1).
    P521,
}

/// What kind of public key a `SubjectPublicKeyInfo` holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PublicKeyKind {
    /// RSA with a modulus of `bits` bits.
    Rsa {
        /// Modulus size in bits.
        bits: u32,
    },
    /// ECDSA on a named curve.
    Ec(EcCurve),
    /// Ed25519.
    Ed25519,
}

#[derive(Sequence)]
struct RsaPublicKey<'a> {
    modulus: UintRef<'a>,
    exponent: UintRef<'a>,
}

/// Identifies the key in `spki` (algorithm, curve, RSA modulus size).
pub fn public_key_kind(spki: &SubjectPublicKeyInfoOwned) -> Result<PublicKeyKind, SigCheckError> {
    let oid = spki.algorithm.oid;
    let bits = spki
        .subject_public_key
        .as_bytes()
        .ok_or(SigCheckError::MalformedKey)?;
    if oid == oids::RSA || oid == oids::RSA_PSS {
        let key = RsaPublicKey::from_der(bits).map_err(|_| SigCheckError::MalformedKey)?;
        let m = key.modulus.as_bytes();
        let first = *m.first().ok_or(SigCheckError::MalformedKey)?;
        let size = (m.len() as u32 - 1) * 8 + (8 - first.leading_zeros());
        return Ok(PublicKeyKind::Rsa { bits: size });
    }
    if oid == oids::EC {
        let curve: ObjectIdentifier = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as().ok())
            .ok_or(SigCheckError::MalformedKey)?;
        return match curve {
            c if c == oids::P256 => Ok(PublicKeyKind::Ec(EcCurve::P256)),
            c if c == oids::P384 => Ok(PublicKeyKind::Ec(EcCurve::P384)),
            c if c == oids::P521 => Ok(PublicKeyKind::Ec(EcCurve::P521)),
            c => Err(SigCheckError::UnsupportedKey(format!("EC curve {c}"))),
        };
    }
    if oid == oids::ED25519 {
        return Ok(PublicKeyKind::Ed25519);
    }
    Err(SigCheckError::UnsupportedKey(format!(
        "key algorithm {oid}"
    )))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    fn from_oid(oid: ObjectIdentifier) -> Option<Hash> {
        match oid {
            o if o == oids::SHA1 => Some(Hash::Sha1),
            o if o == oids::SHA256 => Some(Hash::Sha256),
            o if o == oids::SHA384 => Some(Hash::Sha384),
            o if o == oids::SHA512 => Some(Hash::Sha512),
            _ => None,
        }
    }

    fn digest_alg(self) -> &'static digest::Algorithm {
        match self {
            Hash::Sha1 => &digest::SHA1_FOR_LEGACY_USE_ONLY,
            Hash::Sha256 => &digest::SHA256,
            Hash::Sha384 => &digest::SHA384,
            Hash::Sha512 => &digest::SHA512,
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Scheme {
    RsaPkcs1(Hash),
    RsaPss(Hash),
    Ecdsa(Hash),
    Ed25519,
}

impl Scheme {
    fn hash(self) -> Option<Hash> {
        match self {
            Scheme::RsaPkcs1(h) | Scheme::RsaPss(h) | Scheme::Ecdsa(h) => Some(h),
            Scheme::Ed25519 => None,
        }
    }
}

#[derive(Sequence)]
struct PssParams {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    hash: Option<AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT", optional = "true")]
    mask_gen: Option<AlgorithmIdentifierOwned>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT", optional = "true")]
    salt_len: Option<u32>,
    #[asn1(context_specific = "3", tag_mode = "EXPLICIT", optional = "true")]
    trailer: Option<u32>,
}

/// Parameters must be absent or NULL for the PKCS#1, ECDSA and Ed25519 identifiers.
fn absent_or_null(alg: &AlgorithmIdentifierOwned) -> Result<(), SigCheckError> {
    match &alg.parameters {
        None => Ok(()),
        Some(p) if p.tag() == der::Tag::Null && p.value().is_empty() => Ok(()),
        Some(_) => Err(SigCheckError::MalformedParameters),
    }
}

fn hash_of(alg: &AlgorithmIdentifierOwned) -> Result<Hash, SigCheckError> {
    absent_or_null(alg)?;
    Hash::from_oid(alg.oid)
        .ok_or_else(|| SigCheckError::UnsupportedAlgorithm(format!("hash {}", alg.oid)))
}

fn pss_scheme(alg: &AlgorithmIdentifierOwned) -> Result<Scheme, SigCheckError> {
    let params = alg
        .parameters
        .as_ref()
        .ok_or(SigCheckError::MalformedParameters)?;
    let params: PssParams = params
        .decode_as()
        .map_err(|_| SigCheckError::MalformedParameters)?;
    let hash = match &params.hash {
        Some(h) => hash_of(h)?,
        None => Hash::Sha1,
    };
    let mgf_hash = match &params.mask_gen {
        Some(mgf) if mgf.oid == oids::MGF1 => {
            let inner = mgf
                .parameters
                .as_ref()
                .ok_or(SigCheckError::MalformedParameters)?;
            let inner: AlgorithmIdentifierOwned = inner
                .decode_as()
                .map_err(|_| SigCheckError::MalformedParameters)?;
            hash_of(&inner)?
        }
        Some(mgf) => {
            return Err(SigCheckError::UnsupportedAlgorithm(format!(
                "PSS mask {}",
                mgf.oid
            )))
        }
        None => Hash::Sha1,
    };
    let salt = params.salt_len.unwrap_or(20) as usize;
    let trailer = params.trailer.unwrap_or(1);
    let unsupported = |why: &str| SigCheckError::UnsupportedAlgorithm(format!("RSASSA-PSS {why}"));
    if hash == Hash::Sha1 {
        return Err(unsupported("with SHA-1"));
    }
    if mgf_hash != hash {
        return Err(unsupported(
            "with an MGF1 hash different from the message hash",
        ));
    }
    if salt != hash.digest_alg().output_len() {
        return Err(unsupported("with a salt length other than the hash length"));
    }
    if trailer != 1 {
        return Err(unsupported("with a trailer field other than 1"));
    }
    Ok(Scheme::RsaPss(hash))
}

fn scheme(alg: &AlgorithmIdentifierOwned) -> Result<Scheme, SigCheckError> {
    let simple = |s: Scheme| absent_or_null(alg).map(|()| s);
    match alg.oid {
        o if o == oids::SHA1_RSA => simple(Scheme::RsaPkcs1(Hash::Sha1)),
        o if o == oids::SHA256_RSA => simple(Scheme::RsaPkcs1(Hash::Sha256)),
        o if o == oids::SHA384_RSA => simple(Scheme::RsaPkcs1(Hash::Sha384)),
        o if o == oids::SHA512_RSA => simple(Scheme::RsaPkcs1(Hash::Sha512)),
        o if o == oids::RSA_PSS => pss_scheme(alg),
        o if o == oids::ECDSA_SHA256 => simple(Scheme::Ecdsa(Hash::Sha256)),
        o if o == oids::ECDSA_SHA384 => simple(Scheme::Ecdsa(Hash::Sha384)),
        o if o == oids::ECDSA_SHA512 => simple(Scheme::Ecdsa(Hash::Sha512)),
        o if o == oids::ED25519 => simple(Scheme::Ed25519),
        o => Err(SigCheckError::UnsupportedAlgorithm(o.to_string())),
    }
}

fn verification_algorithm(
    scheme: Scheme,
    key: PublicKeyKind,
    key_oid: ObjectIdentifier,
) -> Result<&'static dyn VerificationAlgorithm, SigCheckError> {
    use EcCurve::*;
    use Hash::*;
    if let PublicKeyKind::Rsa { bits } = key {
        if !(2048..=8192).contains(&bits) {
            return Err(SigCheckError::UnsupportedKey(format!("RSA-{bits}")));
        }
    }
    // An id-RSASSA-PSS key may only make PSS signatures.
    if key_oid == oids::RSA_PSS && !matches!(scheme, Scheme::RsaPss(_)) {
        return Err(SigCheckError::KeyAlgorithmMismatch);
    }
    let alg: &'static dyn VerificationAlgorithm = match (scheme, key) {
        (Scheme::RsaPkcs1(h), PublicKeyKind::Rsa { .. }) => match h {
            Sha1 => &sig::RSA_PKCS1_2048_8192_SHA1_FOR_LEGACY_USE_ONLY,
            Sha256 => &sig::RSA_PKCS1_2048_8192_SHA256,
            Sha384 => &sig::RSA_PKCS1_2048_8192_SHA384,
            Sha512 => &sig::RSA_PKCS1_2048_8192_SHA512,
        },
        (Scheme::RsaPss(h), PublicKeyKind::Rsa { .. }) => match h {
            Sha256 => &sig::RSA_PSS_2048_8192_SHA256,
            Sha384 => &sig::RSA_PSS_2048_8192_SHA384,
            Sha512 => &sig::RSA_PSS_2048_8192_SHA512,
            Sha1 => {
                return Err(SigCheckError::UnsupportedAlgorithm(
                    "RSASSA-PSS with SHA-1".into(),
                ))
            }
        },
        (Scheme::Ecdsa(h), PublicKeyKind::Ec(curve)) => match (curve, h) {
            (P256, Sha256) => &sig::ECDSA_P256_SHA256_ASN1,
            (P256, Sha384) => &sig::ECDSA_P256_SHA384_ASN1,
            (P256, Sha512) => &sig::ECDSA_P256_SHA512_ASN1,
            (P384, Sha256) => &sig::ECDSA_P384_SHA256_ASN1,
            (P384, Sha384) => &sig::ECDSA_P384_SHA384_ASN1,
            (P384, Sha512) => &sig::ECDSA_P384_SHA512_ASN1,
            (P521, Sha256) => &sig::ECDSA_P521_SHA256_ASN1,
            (P521, Sha384) => &sig::ECDSA_P521_SHA384_ASN1,
            (P521, Sha512) => &sig::ECDSA_P521_SHA512_ASN1,
            (_, Sha1) => {
                return Err(SigCheckError::UnsupportedAlgorithm(
                    "ECDSA with SHA-1".into(),
                ))
            }
        },
        (Scheme::Ed25519, PublicKeyKind::Ed25519) => &sig::ED25519,
        _ => return Err(SigCheckError::KeyAlgorithmMismatch),
    };
    Ok(alg)
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
