//! Identifying the public key in a `SubjectPublicKeyInfo`.

use der::asn1::{ObjectIdentifier, UintRef};
use der::{Decode, Sequence};
use spki::SubjectPublicKeyInfoOwned;

use super::{oids, SigCheckError};

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
