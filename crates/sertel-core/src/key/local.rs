//! A private key held on this machine, signing through aws-lc-rs.

use std::fmt;

use aws_lc_rs::digest::{Digest, SHA256};
use aws_lc_rs::encoding::{AsDer, Pkcs8V1Der};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::KeySize;
use aws_lc_rs::signature::{
    EcdsaKeyPair, KeyPair, RsaKeyPair, ECDSA_P256_SHA256_ASN1_SIGNING, RSA_PKCS1_SHA256,
};
use der::asn1::ObjectIdentifier;
use der::Decode;
use spki::SubjectPublicKeyInfoOwned;
use zeroize::Zeroizing;

use super::{KeyAlgorithm, KeyError};
use crate::signer::{
    spki_from_der, SignatureAlgorithm, Signer, SignerError, OID_EC_PUBLIC_KEY, OID_RSA_ENCRYPTION,
    OID_SECP256R1,
};

enum Inner {
    Rsa(RsaKeyPair),
    Ecdsa(EcdsaKeyPair),
}

/// A private key in memory: RSA (2048/3072/4096) or ECDSA P-256.
///
/// The key material lives inside aws-lc-rs, which wipes it when the key is dropped. `Debug`
/// shows only the algorithm.
pub struct LocalKey {
    inner: Inner,
    algorithm: KeyAlgorithm,
    public_key: SubjectPublicKeyInfoOwned,
}

impl LocalKey {
    /// Generates a fresh key of the given algorithm from the operating system's random source.
    pub fn generate(algorithm: KeyAlgorithm) -> Result<LocalKey, KeyError> {
        let inner = match algorithm {
            KeyAlgorithm::Rsa2048 => rsa(KeySize::Rsa2048)?,
            KeyAlgorithm::Rsa3072 => rsa(KeySize::Rsa3072)?,
            KeyAlgorithm::Rsa4096 => rsa(KeySize::Rsa4096)?,
            KeyAlgorithm::EcdsaP256 => Inner::Ecdsa(
                EcdsaKeyPair::generate(&ECDSA_P256_SHA256_ASN1_SIGNING)
                    .map_err(|_| KeyError::Generation)?,
            ),
        };
        LocalKey::assemble(inner, algorithm).map_err(|_| KeyError::Generation)
    }

    /// Reads an unencrypted PKCS#8 `PrivateKeyInfo` (or v2 `OneAsymmetricKey`) in DER.
    ///
    /// Keys of other algorithms (Ed25519, DSA, RSA-PSS-only keys, other curves, other RSA sizes)
    /// give [`KeyError::UnsupportedAlgorithm`]; damaged input gives [`KeyError::Malformed`].
    pub fn from_pkcs8_der(der: &[u8]) -> Result<LocalKey, KeyError> {
        let info = pkcs8::PrivateKeyInfo::from_der(der).map_err(|_| KeyError::Malformed)?;
        let oid = info.algorithm.oid;
        if oid == OID_RSA_ENCRYPTION {
            let pair = RsaKeyPair::from_pkcs8(der).map_err(|_| KeyError::Malformed)?;
            let bits = pair.public_modulus_len() * 8;
            let algorithm = KeyAlgorithm::rsa_with_bits(bits)
                .ok_or_else(|| KeyError::UnsupportedAlgorithm(format!("RSA-{bits}")))?;
            return LocalKey::assemble(Inner::Rsa(pair), algorithm);
        }
        if oid == OID_EC_PUBLIC_KEY {
            let curve = info
                .algorithm
                .parameters_oid()
                .map_err(|_| KeyError::Malformed)?;
            if curve != OID_SECP256R1 {
                return Err(KeyError::UnsupportedAlgorithm(format!(
                    "EC {}",
                    curve_name(curve)
                )));
            }
            let pair = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, der)
                .map_err(|_| KeyError::Malformed)?;
            return LocalKey::assemble(Inner::Ecdsa(pair), KeyAlgorithm::EcdsaP256);
        }
        Err(KeyError::UnsupportedAlgorithm(key_algorithm_name(oid)))
    }

    /// Serialises the key as unencrypted PKCS#8 DER. The buffer is wiped when dropped; write it
    /// to disk only through [`super::save_key_file`] (encrypted).
    pub fn to_pkcs8_der(&self) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        match &self.inner {
            Inner::Rsa(pair) => {
                let der: Pkcs8V1Der<'static> = pair.as_der().map_err(|_| KeyError::Export)?;
                Ok(Zeroizing::new(der.as_ref().to_vec()))
            }
            Inner::Ecdsa(pair) => {
                let doc = pair.to_pkcs8v1().map_err(|_| KeyError::Export)?;
                Ok(Zeroizing::new(doc.as_ref().to_vec()))
            }
        }
    }

    /// The algorithm of this key.
    pub fn key_algorithm(&self) -> KeyAlgorithm {
        self.algorithm
    }

    /// The public key as DER `SubjectPublicKeyInfo`.
    pub fn public_key_der(&self) -> Result<Vec<u8>, KeyError> {
        der::Encode::to_der(&self.public_key).map_err(|_| KeyError::Export)
    }

    /// Signs a SHA-256 digest computed elsewhere (for instance by a client that streams a large
    /// PDF, or a remote-signing request that carries only the hash). The signature is the same as
    /// [`Signer::sign`] over the message whose SHA-256 is `digest`.
    ///
    /// `digest` must be exactly 32 bytes; anything else is refused with [`SignerError::Failed`].
    pub fn sign_digest(&self, digest: &[u8]) -> Result<Vec<u8>, SignerError> {
        let digest = Digest::import_less_safe(digest, &SHA256).map_err(|_| SignerError::Failed)?;
        match &self.inner {
            Inner::Rsa(pair) => {
                let mut sig = vec![0u8; pair.public_modulus_len()];
                pair.sign_digest(&RSA_PKCS1_SHA256, &digest, &mut sig)
                    .map_err(|_| SignerError::Failed)?;
                Ok(sig)
            }
            Inner::Ecdsa(pair) => pair
                .sign_digest(&digest)
                .map(|s| s.as_ref().to_vec())
                .map_err(|_| SignerError::Failed),
        }
    }

    fn assemble(inner: Inner, algorithm: KeyAlgorithm) -> Result<LocalKey, KeyError> {
        let spki_der = match &inner {
            Inner::Rsa(pair) => pair.public_key().as_der().map(|d| d.as_ref().to_vec()),
            Inner::Ecdsa(pair) => pair.public_key().as_der().map(|d| d.as_ref().to_vec()),
        }
        .map_err(|_| KeyError::Malformed)?;
        let public_key = spki_from_der(&spki_der).map_err(|_| KeyError::Malformed)?;
        Ok(LocalKey {
            inner,
            algorithm,
            public_key,
        })
    }
}

fn rsa(size: KeySize) -> Result<Inner, KeyError> {
    RsaKeyPair::generate(size)
        .map(Inner::Rsa)
        .map_err(|_| KeyError::Generation)
}

fn curve_name(oid: ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.3.132.0.34" => "P-384".into(),
        "1.3.132.0.35" => "P-521".into(),
        "1.3.132.0.10" => "secp256k1".into(),
        "1.3.36.3.3.2.8.1.1.7" => "brainpoolP256r1".into(),
        other => other.into(),
    }
}

fn key_algorithm_name(oid: ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.3.101.112" => "Ed25519".into(),
        "1.3.101.113" => "Ed448".into(),
        "1.2.840.10040.4.1" => "DSA".into(),
        "1.2.840.113549.1.1.10" => "RSA-PSS".into(),
        "1.3.101.110" => "X25519".into(),
        other => other.into(),
    }
}

impl Signer for LocalKey {
    fn algorithm(&self) -> SignatureAlgorithm {
        self.algorithm.signature_algorithm()
    }

    fn public_key(&self) -> &SubjectPublicKeyInfoOwned {
        &self.public_key
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignerError> {
        let rng = SystemRandom::new();
        match &self.inner {
            Inner::Rsa(pair) => {
                let mut sig = vec![0u8; pair.public_modulus_len()];
                pair.sign(&RSA_PKCS1_SHA256, &rng, message, &mut sig)
                    .map_err(|_| SignerError::Failed)?;
                Ok(sig)
            }
            Inner::Ecdsa(pair) => pair
                .sign(&rng, message)
                .map(|s| s.as_ref().to_vec())
                .map_err(|_| SignerError::Failed),
        }
    }
}

impl fmt::Debug for LocalKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalKey")
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}
