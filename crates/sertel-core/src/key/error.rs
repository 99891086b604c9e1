//! Errors about a key itself: making it, reading it from PKCS#8, exporting it.

use crate::i18n::{Lang, Localized};

/// Why a key could not be generated, read or exported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyError {
    /// The cryptographic library could not generate a key (an internal failure, not the user's).
    #[error("the key could not be generated")]
    Generation,
    /// The key is of an algorithm or size Sertel cannot sign with (for instance Ed25519, DSA,
    /// RSA-1024 or an EC key on another curve).
    #[error("unsupported key algorithm: {0}")]
    UnsupportedAlgorithm(String),
    /// The bytes are not a well-formed PKCS#8 private key, or the key inside is inconsistent.
    #[error("the private key is malformed")]
    Malformed,
    /// The key could not be serialised (an internal failure).
    #[error("the private key could not be exported")]
    Export,
}

impl Localized for KeyError {
    fn kind(&self) -> &'static str {
        match self {
            KeyError::Generation => "key_generation_failed",
            KeyError::UnsupportedAlgorithm(_) => "key_algorithm_unsupported",
            KeyError::Malformed => "key_malformed",
            KeyError::Export => "key_export_failed",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (KeyError::Generation, Lang::Id) => {
                "Kunci tidak dapat dibuat karena kesalahan internal. Silakan coba lagi.".into()
            }
            (KeyError::Generation, Lang::En) => {
                "The key could not be generated because of an internal error. Please try again."
                    .into()
            }
            (KeyError::UnsupportedAlgorithm(what), Lang::Id) => format!(
                "Jenis kunci ini ({what}) tidak didukung. Sertel hanya memakai RSA 2048/3072/4096 \
                 dan ECDSA P-256."
            ),
            (KeyError::UnsupportedAlgorithm(what), Lang::En) => format!(
                "This kind of key ({what}) is not supported. Sertel only uses RSA 2048/3072/4096 \
                 and ECDSA P-256."
            ),
            (KeyError::Malformed, Lang::Id) => "Data kunci privat rusak atau tidak sah.".into(),
            (KeyError::Malformed, Lang::En) => "The private key data is damaged or invalid.".into(),
            (KeyError::Export, Lang::Id) => {
                "Kunci privat tidak dapat diekspor karena kesalahan internal.".into()
            }
            (KeyError::Export, Lang::En) => {
                "The private key could not be exported because of an internal error.".into()
            }
        }
    }
}
