//! Why a signature did not verify.

use crate::i18n::{Lang, Localized};

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
