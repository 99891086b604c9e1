//! Errors of protecting (encrypting) and unprotecting (decrypting) a PDF.

use sertel_pdf::PdfError;

use crate::i18n::{Lang, Localized};

/// Why a PDF could not be encrypted for its recipients, or decrypted with the owner's key.
///
/// Caller misuse ([`ProtectError::NoRecipients`]) is kept apart from bad input (the PDF, the
/// certificates, the recipient data inside an encrypted file).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProtectError {
    /// The PDF could not be read or written (damaged, or beyond the reader's limits).
    #[error("cannot read the PDF: {0}")]
    Pdf(#[from] PdfError),
    /// `protect` was given a document that is already encrypted.
    #[error("the document is already encrypted")]
    AlreadyEncrypted,
    /// `unprotect` was given a document that is not encrypted.
    #[error("the document is not encrypted")]
    NotEncrypted,
    /// Caller misuse: no recipient certificate was given.
    #[error("no recipient certificate given")]
    NoRecipients,
    /// A recipient certificate holds a key Sertel cannot encrypt for (only RSA, and EC on
    /// P-256 or P-384, are supported).
    #[error("cannot encrypt for a {algorithm} key ({subject})")]
    UnsupportedRecipientKey {
        /// The certificate's subject.
        subject: String,
        /// The key's algorithm.
        algorithm: String,
    },
    /// A recipient certificate's keyUsage does not allow encryption (keyEncipherment for
    /// RSA, keyAgreement for EC); see `ProtectOptions::ignore_key_usage`.
    #[error("the certificate of {subject} is not for encryption (keyUsage lacks {needed})")]
    KeyUsage {
        /// The certificate's subject.
        subject: String,
        /// The keyUsage bit that is missing.
        needed: &'static str,
    },
    /// The document's encryption is of a kind Sertel does not open: a password (`/Standard`)
    /// or another security handler, or an algorithm other than AES-256 (`/V 5`, `/AESV3`).
    #[error("unsupported encryption: {0}")]
    UnsupportedEncryption(String),
    /// The key is not one of the document's recipients.
    #[error("this key is not among the document's recipients")]
    NotARecipient,
    /// The recipient data (CMS EnvelopedData) in the document is malformed.
    #[error("malformed recipient data: {0}")]
    MalformedRecipients(&'static str),
    /// A cryptographic operation failed unexpectedly (random source, key import).
    #[error("cryptographic operation failed: {0}")]
    Crypto(&'static str),
}

impl Localized for ProtectError {
    fn kind(&self) -> &'static str {
        match self {
            ProtectError::Pdf(PdfError::Decryption(_)) => "pdf_decryption_failed",
            ProtectError::Pdf(PdfError::UnsupportedEncryption(_)) => "unsupported_encryption",
            ProtectError::Pdf(_) => "pdf_unreadable",
            ProtectError::AlreadyEncrypted => "already_encrypted",
            ProtectError::NotEncrypted => "not_encrypted",
            ProtectError::NoRecipients => "no_recipients",
            ProtectError::UnsupportedRecipientKey { .. } => "unsupported_recipient_key",
            ProtectError::KeyUsage { .. } => "recipient_key_usage",
            ProtectError::UnsupportedEncryption(_) => "unsupported_encryption",
            ProtectError::NotARecipient => "not_a_recipient",
            ProtectError::MalformedRecipients(_) => "malformed_recipients",
            ProtectError::Crypto(_) => "crypto_failed",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use ProtectError as E;
        match (self, lang) {
            (E::Pdf(PdfError::Decryption(d)), Lang::Id) => {
                format!("Isi dokumen tidak dapat didekripsi ({d}); berkas mungkin rusak.")
            }
            (E::Pdf(PdfError::Decryption(d)), Lang::En) => {
                format!(
                    "The document's content cannot be decrypted ({d}); the file may be damaged."
                )
            }
            (E::Pdf(PdfError::UnsupportedEncryption(d)), Lang::Id) => {
                format!("Jenis enkripsi dokumen ini tidak didukung: {d}.")
            }
            (E::Pdf(PdfError::UnsupportedEncryption(d)), Lang::En) => {
                format!("This document's kind of encryption is not supported: {d}.")
            }
            (E::Pdf(e), Lang::Id) => format!("PDF tidak dapat dibaca atau ditulis: {e}."),
            (E::Pdf(e), Lang::En) => format!("The PDF cannot be read or written: {e}."),
            (E::AlreadyEncrypted, Lang::Id) => {
                "Dokumen ini sudah terenkripsi; buka dulu (unprotect) sebelum mengenkripsi ulang."
                    .into()
            }
            (E::AlreadyEncrypted, Lang::En) => {
                "This document is already encrypted; decrypt it (unprotect) before encrypting \
                 it again."
                    .into()
            }
            (E::NotEncrypted, Lang::Id) => "Dokumen ini tidak terenkripsi.".into(),
            (E::NotEncrypted, Lang::En) => "This document is not encrypted.".into(),
            (E::NoRecipients, Lang::Id) => {
                "Tidak ada sertifikat penerima; sebutkan minimal satu (--to).".into()
            }
            (E::NoRecipients, Lang::En) => {
                "No recipient certificate; name at least one (--to).".into()
            }
            (E::UnsupportedRecipientKey { subject, algorithm }, Lang::Id) => format!(
                "Tidak dapat mengenkripsi untuk kunci {algorithm} ({subject}); yang didukung: \
                 RSA, EC P-256 dan P-384."
            ),
            (E::UnsupportedRecipientKey { subject, algorithm }, Lang::En) => format!(
                "Cannot encrypt for a {algorithm} key ({subject}); supported: RSA, EC P-256 \
                 and P-384."
            ),
            (E::KeyUsage { subject, needed }, Lang::Id) => {
                format!("Sertifikat {subject} tidak untuk enkripsi (keyUsage tanpa {needed}).")
            }
            (E::KeyUsage { subject, needed }, Lang::En) => format!(
                "The certificate of {subject} is not for encryption (keyUsage lacks {needed})."
            ),
            (E::UnsupportedEncryption(d), Lang::Id) => {
                format!("Jenis enkripsi dokumen ini tidak didukung: {d}.")
            }
            (E::UnsupportedEncryption(d), Lang::En) => {
                format!("This document's kind of encryption is not supported: {d}.")
            }
            (E::NotARecipient, Lang::Id) => {
                "Kunci ini bukan penerima dokumen; dokumen tidak dienkripsi untuk Anda.".into()
            }
            (E::NotARecipient, Lang::En) => {
                "This key is not a recipient; the document was not encrypted for you.".into()
            }
            (E::MalformedRecipients(d), Lang::Id) => {
                format!("Data penerima dalam dokumen rusak ({d}).")
            }
            (E::MalformedRecipients(d), Lang::En) => {
                format!("The recipient data in the document is damaged ({d}).")
            }
            (E::Crypto(d), Lang::Id) => format!("Operasi kriptografi gagal ({d})."),
            (E::Crypto(d), Lang::En) => format!("A cryptographic operation failed ({d})."),
        }
    }
}
