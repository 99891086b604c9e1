//! Why a certificate, a CRL or a trust store file could not be taken in.

use std::path::PathBuf;

use crate::i18n::{Lang, Localized};

/// Why a certificate could not be taken in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CertificateError {
    /// The encoding is larger than Sertel accepts.
    #[error("certificate of {size} bytes exceeds the limit of {limit}")]
    TooLarge {
        /// The size given.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The bytes are not a DER certificate.
    #[error("malformed certificate: {0}")]
    Malformed(String),
    /// A collection already holds as many certificates as it may.
    #[error("too many certificates (limit {limit})")]
    TooMany {
        /// The limit.
        limit: usize,
    },
}

impl Localized for CertificateError {
    fn kind(&self) -> &'static str {
        match self {
            CertificateError::TooLarge { .. } => "certificate_too_large",
            CertificateError::Malformed(_) => "certificate_malformed",
            CertificateError::TooMany { .. } => "certificate_too_many",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use CertificateError as E;
        match (self, lang) {
            (E::TooLarge { size, limit }, Lang::Id) => {
                format!("Sertifikat berukuran {size} bait melebihi batas {limit} bait.")
            }
            (E::TooLarge { size, limit }, Lang::En) => {
                format!("The certificate is {size} bytes, over the limit of {limit}.")
            }
            (E::Malformed(d), Lang::Id) => format!("Sertifikat rusak: {d}."),
            (E::Malformed(d), Lang::En) => format!("Malformed certificate: {d}."),
            (E::TooMany { limit }, Lang::Id) => {
                format!("Terlalu banyak sertifikat (batas {limit}).")
            }
            (E::TooMany { limit }, Lang::En) => format!("Too many certificates (limit {limit})."),
        }
    }
}

/// Why a CRL could not be taken in.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CrlError {
    /// The encoding is larger than the configured limit.
    #[error("CRL of {size} bytes exceeds the limit of {limit}")]
    TooLarge {
        /// The size given.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// The CRL lists more revoked certificates than the configured limit.
    #[error("CRL lists more than {limit} entries")]
    TooManyEntries {
        /// The limit.
        limit: usize,
    },
    /// The set already holds as many CRLs as it may.
    #[error("too many CRLs (limit {limit})")]
    TooMany {
        /// The limit.
        limit: usize,
    },
    /// The bytes are not a DER CRL.
    #[error("malformed CRL: {0}")]
    Malformed(String),
}

impl Localized for CrlError {
    fn kind(&self) -> &'static str {
        match self {
            CrlError::TooLarge { .. } => "crl_too_large",
            CrlError::TooManyEntries { .. } => "crl_too_many_entries",
            CrlError::TooMany { .. } => "crl_too_many",
            CrlError::Malformed(_) => "crl_malformed",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use CrlError as E;
        match (self, lang) {
            (E::TooLarge { size, limit }, Lang::Id) => {
                format!("CRL berukuran {size} bait melebihi batas {limit} bait.")
            }
            (E::TooLarge { size, limit }, Lang::En) => {
                format!("The CRL is {size} bytes, over the limit of {limit}.")
            }
            (E::TooManyEntries { limit }, Lang::Id) => {
                format!("CRL memuat lebih dari {limit} entri.")
            }
            (E::TooManyEntries { limit }, Lang::En) => {
                format!("The CRL lists more than {limit} entries.")
            }
            (E::TooMany { limit }, Lang::Id) => format!("Terlalu banyak CRL (batas {limit})."),
            (E::TooMany { limit }, Lang::En) => format!("Too many CRLs (limit {limit})."),
            (E::Malformed(d), Lang::Id) => format!("CRL rusak: {d}."),
            (E::Malformed(d), Lang::En) => format!("Malformed CRL: {d}."),
        }
    }
}

/// Why certificates could not be added to a trust store.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrustStoreError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The system's description of the failure.
        message: String,
    },
    /// A PEM text holds no certificate, or a PEM block is malformed.
    #[error("no readable certificate in the PEM text: {0}")]
    Pem(String),
    /// A certificate is not acceptable.
    #[error(transparent)]
    Certificate(#[from] CertificateError),
}

impl Localized for TrustStoreError {
    fn kind(&self) -> &'static str {
        match self {
            TrustStoreError::Io { .. } => "trust_store_io",
            TrustStoreError::Pem(_) => "trust_store_pem",
            TrustStoreError::Certificate(e) => e.kind(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        use TrustStoreError as E;
        match (self, lang) {
            (E::Io { path, message }, Lang::Id) => {
                format!("Tidak dapat membaca {}: {message}.", path.display())
            }
            (E::Io { path, message }, Lang::En) => {
                format!("Cannot read {}: {message}.", path.display())
            }
            (E::Pem(d), Lang::Id) => format!("Tidak ada sertifikat yang terbaca dalam PEM: {d}."),
            (E::Pem(d), Lang::En) => format!("No readable certificate in the PEM text: {d}."),
            (E::Certificate(e), l) => e.message(l),
        }
    }
}
