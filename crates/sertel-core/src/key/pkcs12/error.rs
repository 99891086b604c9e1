//! Errors of PKCS#12 import and export.

use crate::i18n::{Lang, Localized};
use crate::key::KeyError;

/// Why a PKCS#12 file could not be imported or written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Pkcs12Error {
    /// The password does not match the file (its MAC, or the decryption, fails).
    #[error("wrong PKCS#12 password")]
    WrongPassword,
    /// The data is not a well-formed PKCS#12 file.
    #[error("the PKCS#12 file is malformed: {0}")]
    Malformed(String),
    /// The file ends early.
    #[error("the PKCS#12 file is truncated")]
    Truncated,
    /// The file uses an algorithm or mode Sertel does not support (RC4, public-key privacy or
    /// integrity modes, an unknown MAC digest, …).
    #[error("unsupported in PKCS#12: {0}")]
    Unsupported(String),
    /// The file's iteration counts or KDF parameters exceed Sertel's limits.
    #[error("the PKCS#12 file's KDF parameters are too expensive: {0}")]
    TooExpensive(String),
    /// The file holds no private key.
    #[error("the PKCS#12 file holds no private key")]
    NoPrivateKey,
    /// The file holds more than one private key.
    #[error("the PKCS#12 file holds more than one private key")]
    MultiplePrivateKeys,
    /// No certificate in the file belongs to the private key.
    #[error("no certificate in the PKCS#12 file matches the private key")]
    NoMatchingCertificate,
    /// The private key cannot be used (unsupported algorithm or malformed).
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The password has characters the PKCS#12 password encoding cannot carry (outside Unicode's
    /// basic multilingual plane, such as emoji).
    #[error("the password has characters PKCS#12 cannot encode")]
    PasswordNotEncodable,
    /// Caller misuse: an empty password for an export.
    #[error("an empty password cannot protect a PKCS#12 file")]
    EmptyPassword,
    /// Caller misuse: the certificate given for export is not the key's.
    #[error("the certificate does not belong to the key")]
    CertificateKeyMismatch,
    /// An internal failure while encoding or encrypting.
    #[error("internal PKCS#12 error: {0}")]
    Internal(String),
}

impl Localized for Pkcs12Error {
    fn kind(&self) -> &'static str {
        match self {
            Pkcs12Error::WrongPassword => "pkcs12_wrong_password",
            Pkcs12Error::Malformed(_) => "pkcs12_malformed",
            Pkcs12Error::Truncated => "pkcs12_truncated",
            Pkcs12Error::Unsupported(_) => "pkcs12_unsupported",
            Pkcs12Error::TooExpensive(_) => "pkcs12_too_expensive",
            Pkcs12Error::NoPrivateKey => "pkcs12_no_private_key",
            Pkcs12Error::MultiplePrivateKeys => "pkcs12_multiple_private_keys",
            Pkcs12Error::NoMatchingCertificate => "pkcs12_no_matching_certificate",
            Pkcs12Error::Key(e) => e.kind(),
            Pkcs12Error::PasswordNotEncodable => "pkcs12_password_not_encodable",
            Pkcs12Error::EmptyPassword => "empty_passphrase",
            Pkcs12Error::CertificateKeyMismatch => "pkcs12_certificate_key_mismatch",
            Pkcs12Error::Internal(_) => "pkcs12_internal",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use Pkcs12Error as E;
        match (self, lang) {
            (E::WrongPassword, Lang::Id) => "Kata sandi berkas PKCS#12 (.p12/.pfx) salah.".into(),
            (E::WrongPassword, Lang::En) => {
                "Wrong password for the PKCS#12 (.p12/.pfx) file.".into()
            }
            (E::Malformed(d), Lang::Id) => format!("Berkas PKCS#12 rusak ({d})."),
            (E::Malformed(d), Lang::En) => format!("The PKCS#12 file is malformed ({d})."),
            (E::Truncated, Lang::Id) => "Berkas PKCS#12 terpotong (tidak lengkap).".into(),
            (E::Truncated, Lang::En) => "The PKCS#12 file is truncated (incomplete).".into(),
            (E::Unsupported(w), Lang::Id) => {
                format!("Berkas PKCS#12 memakai {w}, yang tidak didukung.")
            }
            (E::Unsupported(w), Lang::En) => {
                format!("The PKCS#12 file uses {w}, which is not supported.")
            }
            (E::TooExpensive(w), Lang::Id) => {
                format!("Parameter penurunan kunci berkas PKCS#12 ({w}) melebihi batas Sertel.")
            }
            (E::TooExpensive(w), Lang::En) => {
                format!(
                    "The PKCS#12 file's key-derivation parameters ({w}) exceed Sertel's limits."
                )
            }
            (E::NoPrivateKey, Lang::Id) => "Berkas PKCS#12 tidak berisi kunci privat.".into(),
            (E::NoPrivateKey, Lang::En) => "The PKCS#12 file contains no private key.".into(),
            (E::MultiplePrivateKeys, Lang::Id) => {
                "Berkas PKCS#12 berisi lebih dari satu kunci privat; impor satu per satu.".into()
            }
            (E::MultiplePrivateKeys, Lang::En) => {
                "The PKCS#12 file contains more than one private key; import them one at a time."
                    .into()
            }
            (E::NoMatchingCertificate, Lang::Id) => {
                "Tidak ada sertifikat dalam berkas PKCS#12 yang cocok dengan kunci privatnya."
                    .into()
            }
            (E::NoMatchingCertificate, Lang::En) => {
                "No certificate in the PKCS#12 file matches its private key.".into()
            }
            (E::Key(e), l) => e.message(l),
            (E::PasswordNotEncodable, Lang::Id) => {
                "Kata sandi memuat karakter (misalnya emoji) yang tidak dapat dipakai dalam \
                 berkas PKCS#12."
                    .into()
            }
            (E::PasswordNotEncodable, Lang::En) => {
                "The password contains characters (such as emoji) that a PKCS#12 file cannot use."
                    .into()
            }
            (E::EmptyPassword, Lang::Id) => "Kata sandi tidak boleh kosong.".into(),
            (E::EmptyPassword, Lang::En) => "The password must not be empty.".into(),
            (E::CertificateKeyMismatch, Lang::Id) => {
                "Sertifikat tersebut bukan milik kunci ini.".into()
            }
            (E::CertificateKeyMismatch, Lang::En) => {
                "That certificate does not belong to this key.".into()
            }
            (E::Internal(d), Lang::Id) => format!("Kesalahan internal PKCS#12: {d}."),
            (E::Internal(d), Lang::En) => format!("Internal PKCS#12 error: {d}."),
        }
    }
}

impl From<der::Error> for Pkcs12Error {
    fn from(e: der::Error) -> Self {
        match e.kind() {
            der::ErrorKind::Incomplete { .. } => Pkcs12Error::Truncated,
            _ => Pkcs12Error::Malformed(e.to_string()),
        }
    }
}
