//! Mapping a signature `AlgorithmIdentifier` and a key to an aws-lc-rs verification algorithm,
//! including the RSASSA-PSS parameters.

use aws_lc_rs::digest;
use aws_lc_rs::signature::{self as sig, VerificationAlgorithm};
use der::asn1::ObjectIdentifier;
use der::{Sequence, Tagged};
use spki::AlgorithmIdentifierOwned;

use super::{oids, EcCurve, PublicKeyKind, SigCheckError};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Hash {
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

    pub(super) fn digest_alg(self) -> &'static digest::Algorithm {
        match self {
            Hash::Sha1 => &digest::SHA1_FOR_LEGACY_USE_ONLY,
            Hash::Sha256 => &digest::SHA256,
            Hash::Sha384 => &digest::SHA384,
            Hash::Sha512 => &digest::SHA512,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) enum Scheme {
    RsaPkcs1(Hash),
    RsaPss(Hash),
    Ecdsa(Hash),
    Ed25519,
}

impl Scheme {
    pub(super) fn hash(self) -> Option<Hash> {
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

pub(super) fn scheme(alg: &AlgorithmIdentifierOwned) -> Result<Scheme, SigCheckError> {
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

pub(super) fn verification_algorithm(
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
