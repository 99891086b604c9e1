//! Errors of certificate building.

use crate::i18n::{Lang, Localized};
use crate::signer::SignerError;

use super::NameError;

/// Why a certificate or request could not be built.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum X509Error {
    /// Caller misuse: `not_before` is not before `not_after`.
    #[error("the validity period is empty or reversed")]
    InvalidValidity,
    /// Caller misuse: a time cannot be represented in a certificate (before 1950 or after 9999).
    #[error("the time cannot be encoded in a certificate")]
    TimeOutOfRange,
    /// Caller misuse: the same extension appears twice.
    #[error("extension {0} appears more than once")]
    DuplicateExtension(String),
    /// Caller misuse: a value given to an extension helper cannot be encoded (for instance a URL
    /// or e-mail address with non-ASCII characters).
    #[error("invalid extension value: {0}")]
    InvalidExtensionValue(String),
    /// A name could not be built.
    #[error(transparent)]
    Name(#[from] NameError),
    /// The owner profile is not valid; every problem is listed.
    #[error("the owner profile is not valid ({} problem(s))", .0.len())]
    Profile(Vec<crate::profile::ProfileError>),
    /// The signer refused to sign.
    #[error(transparent)]
    Signer(#[from] SignerError),
    /// The signer's signature does not verify with its own public key (a faulty signer).
    #[error("the signer produced a signature that does not verify")]
    SelfCheckFailed,
    /// An internal encoding failure or a failure of the random source.
    #[error("internal error while encoding: {0}")]
    Internal(String),
}

impl From<der::Error> for X509Error {
    fn from(e: der::Error) -> Self {
        X509Error::Internal(e.to_string())
    }
}

impl Localized for X509Error {
    fn kind(&self) -> &'static str {
        match self {
            X509Error::InvalidValidity => "x509_invalid_validity",
            X509Error::TimeOutOfRange => "x509_time_out_of_range",
            X509Error::DuplicateExtension(_) => "x509_duplicate_extension",
            X509Error::InvalidExtensionValue(_) => "x509_invalid_extension_value",
            X509Error::Name(e) => e.kind(),
            X509Error::Profile(_) => "owner_profile_invalid",
            X509Error::Signer(_) => "signer_failed",
            X509Error::SelfCheckFailed => "signer_self_check_failed",
            X509Error::Internal(_) => "x509_internal",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use X509Error as E;
        match (self, lang) {
            (E::InvalidValidity, Lang::Id) => {
                "Masa berlaku sertifikat kosong atau terbalik.".into()
            }
            (E::InvalidValidity, Lang::En) => {
                "The certificate's validity period is empty or reversed.".into()
            }
            (E::TimeOutOfRange, Lang::Id) => {
                "Waktu tersebut tidak dapat dicantumkan dalam sertifikat.".into()
            }
            (E::TimeOutOfRange, Lang::En) => "That time cannot be put in a certificate.".into(),
            (E::DuplicateExtension(o), Lang::Id) => {
                format!("Ekstensi {o} muncul lebih dari sekali.")
            }
            (E::DuplicateExtension(o), Lang::En) => {
                format!("Extension {o} appears more than once.")
            }
            (E::InvalidExtensionValue(v), Lang::Id) => format!("Nilai ekstensi tidak sah: {v}."),
            (E::InvalidExtensionValue(v), Lang::En) => format!("Invalid extension value: {v}."),
            (E::Name(e), l) => e.message(l),
            (E::Profile(errors), l) => {
                let mut s = l
                    .pick(
                        "Profil pemilik belum benar:",
                        "The owner profile is not valid:",
                    )
                    .to_owned();
                for e in errors {
                    s.push(' ');
                    s.push_str(&e.message(l));
                }
                s
            }
            (E::Signer(e), Lang::Id) => format!("Penandatanganan gagal: {e}."),
            (E::Signer(e), Lang::En) => format!("Signing failed: {e}."),
            (E::SelfCheckFailed, Lang::Id) => {
                "Tanda tangan yang dihasilkan kunci tidak dapat diverifikasi; kunci atau \
                 perangkatnya bermasalah."
                    .into()
            }
            (E::SelfCheckFailed, Lang::En) => {
                "The key produced a signature that does not verify; the key or its device is \
                 faulty."
                    .into()
            }
            (E::Internal(d), Lang::Id) => format!("Kesalahan internal saat penyandian: {d}."),
            (E::Internal(d), Lang::En) => format!("Internal error while encoding: {d}."),
        }
    }
}
