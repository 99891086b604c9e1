//! The key algorithms Sertel generates and signs with.

use std::fmt;
use std::str::FromStr;

use crate::i18n::{Lang, Localized};
use crate::signer::SignatureAlgorithm;

/// A key algorithm an owner can choose when making a key.
///
/// RSA-3072 is the default: it matches the security level of SHA-256 signatures and is what the
/// regency's certificate profile recommends; RSA-2048 stays available for old PDF readers and
/// P-256 for small, fast signatures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KeyAlgorithm {
    /// RSA with a 2048-bit modulus.
    Rsa2048,
    /// RSA with a 3072-bit modulus (the default).
    #[default]
    Rsa3072,
    /// RSA with a 4096-bit modulus.
    Rsa4096,
    /// ECDSA on NIST P-256 (secp256r1).
    EcdsaP256,
}

impl KeyAlgorithm {
    /// Every algorithm, in the order a user interface lists them.
    pub const ALL: [KeyAlgorithm; 4] = [
        KeyAlgorithm::Rsa2048,
        KeyAlgorithm::Rsa3072,
        KeyAlgorithm::Rsa4096,
        KeyAlgorithm::EcdsaP256,
    ];

    /// The canonical name: `rsa-2048`, `rsa-3072`, `rsa-4096` or `p-256`.
    pub fn as_str(self) -> &'static str {
        match self {
            KeyAlgorithm::Rsa2048 => "rsa-2048",
            KeyAlgorithm::Rsa3072 => "rsa-3072",
            KeyAlgorithm::Rsa4096 => "rsa-4096",
            KeyAlgorithm::EcdsaP256 => "p-256",
        }
    }

    /// The key size in bits (the modulus for RSA, the field size for P-256).
    pub fn bits(self) -> u32 {
        match self {
            KeyAlgorithm::Rsa2048 => 2048,
            KeyAlgorithm::Rsa3072 => 3072,
            KeyAlgorithm::Rsa4096 => 4096,
            KeyAlgorithm::EcdsaP256 => 256,
        }
    }

    /// Whether this is one of the RSA sizes.
    pub fn is_rsa(self) -> bool {
        !matches!(self, KeyAlgorithm::EcdsaP256)
    }

    /// The signature scheme a key of this algorithm produces.
    pub fn signature_algorithm(self) -> SignatureAlgorithm {
        if self.is_rsa() {
            SignatureAlgorithm::RsaPkcs1Sha256
        } else {
            SignatureAlgorithm::EcdsaSha256
        }
    }

    /// The RSA algorithm for a modulus of `bits`, if Sertel supports that size.
    pub fn rsa_with_bits(bits: usize) -> Option<KeyAlgorithm> {
        match bits {
            2048 => Some(KeyAlgorithm::Rsa2048),
            3072 => Some(KeyAlgorithm::Rsa3072),
            4096 => Some(KeyAlgorithm::Rsa4096),
            _ => None,
        }
    }
}

impl fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A key algorithm name that Sertel does not know.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown key algorithm {0:?} (expected rsa-2048, rsa-3072, rsa-4096 or p-256)")]
pub struct ParseKeyAlgorithmError(pub String);

impl Localized for ParseKeyAlgorithmError {
    fn kind(&self) -> &'static str {
        "unknown_key_algorithm"
    }

    fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Id => format!(
                "Algoritma kunci {:?} tidak dikenal (pilihan: rsa-2048, rsa-3072, rsa-4096, p-256).",
                self.0
            ),
            Lang::En => format!(
                "Unknown key algorithm {:?} (choose rsa-2048, rsa-3072, rsa-4096 or p-256).",
                self.0
            ),
        }
    }
}

impl FromStr for KeyAlgorithm {
    type Err = ParseKeyAlgorithmError;

    /// Accepts the canonical names and common spellings (`rsa3072`, `RSA-3072`, `p256`,
    /// `ecdsa-p256`, `secp256r1`, `prime256v1`), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect();
        match norm.as_str() {
            "rsa2048" => Ok(KeyAlgorithm::Rsa2048),
            "rsa3072" | "rsa" => Ok(KeyAlgorithm::Rsa3072),
            "rsa4096" => Ok(KeyAlgorithm::Rsa4096),
            "p256" | "ecdsap256" | "ecp256" | "secp256r1" | "prime256v1" | "nistp256" => {
                Ok(KeyAlgorithm::EcdsaP256)
            }
            _ => Err(ParseKeyAlgorithmError(s.to_owned())),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for alg in KeyAlgorithm::ALL {
            assert_eq!(alg.as_str().parse::<KeyAlgorithm>(), Ok(alg));
            assert_eq!(alg.to_string(), alg.as_str());
        }
        assert_eq!(
            "RSA_4096".parse::<KeyAlgorithm>(),
            Ok(KeyAlgorithm::Rsa4096)
        );
        assert_eq!(
            "prime256v1".parse::<KeyAlgorithm>(),
            Ok(KeyAlgorithm::EcdsaP256)
        );
        assert_eq!(KeyAlgorithm::default(), KeyAlgorithm::Rsa3072);
        let err = "rsa-1024".parse::<KeyAlgorithm>().unwrap_err();
        assert_eq!(err.kind(), "unknown_key_algorithm");
        assert!(err.message(Lang::Id).contains("tidak dikenal"));
    }
}
