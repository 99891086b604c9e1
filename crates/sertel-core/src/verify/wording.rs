//! The words a person reads about a signature's checks, shared by every place that shows a
//! report (the CLI's text, the PDF validation report, the desktop app).

use super::changes::Permitted;
use super::report::{Check, SignatureReport};
use crate::i18n::Lang;
use crate::pades::text::{display_date, parse_pdf_date};

/// A check reported for every signature, in the order people read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckName {
    /// The byte ranges and the digest: nothing signed was altered.
    Integrity,
    /// The signature value with the signer's key.
    Signature,
    /// What changed after signing.
    Modifications,
    /// The certification path to a trust anchor.
    Trust,
    /// The revocation status of the path.
    Revocation,
}

impl CheckName {
    /// The check's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            CheckName::Integrity => lang.pick("Keutuhan", "Integrity"),
            CheckName::Signature => {
                lang.pick("Tanda tangan kriptografis", "Cryptographic signature")
            }
            CheckName::Modifications => {
                lang.pick("Perubahan setelah ditandatangani", "Changes after signing")
            }
            CheckName::Trust => lang.pick(
                "Kepercayaan (rantai sertifikat)",
                "Trust (certificate chain)",
            ),
            CheckName::Revocation => lang.pick("Status pencabutan", "Revocation status"),
        }
    }
}

impl Check {
    /// The outcome in `lang`: passed, FAILED (in capitals, to stand out) or not checked.
    pub fn label(&self, lang: Lang) -> &'static str {
        match self {
            Check::Passed => lang.pick("lulus", "passed"),
            Check::Failed => lang.pick("GAGAL", "FAILED"),
            Check::NotChecked => lang.pick("tidak diperiksa", "not checked"),
        }
    }
}

impl Permitted {
    /// What the permitted change was, in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Permitted::Signature => lang
                .pick(
                    "Tanda tangan lain ditambahkan",
                    "A further signature was added",
                )
                .into(),
            Permitted::DocumentTimestamp => lang
                .pick(
                    "Penanda waktu dokumen ditambahkan",
                    "A document timestamp was added",
                )
                .into(),
            Permitted::ValidationData => lang
                .pick(
                    "Data validasi (sertifikat, CRL, OCSP) ditambahkan",
                    "Validation data (certificates, CRLs, OCSP) was added",
                )
                .into(),
            Permitted::Metadata => lang
                .pick(
                    "Metadata dokumen diubah (tidak tampak di halaman)",
                    "The document metadata changed (not shown on pages)",
                )
                .into(),
            Permitted::FormFilled(field) => match lang {
                Lang::Id => format!("Isian formulir {field} diisi"),
                Lang::En => format!("Form field {field} was filled in"),
            },
            Permitted::Annotation(what) => match lang {
                Lang::Id => format!("Komentar ditambahkan, diubah atau dihapus: {what}"),
                Lang::En => format!("A comment was added, changed or removed: {what}"),
            },
        }
    }
}

impl SignatureReport {
    /// Every check with its outcome, in reading order.
    pub fn checks(&self) -> [(CheckName, &Check); 5] {
        [
            (CheckName::Integrity, &self.integrity),
            (CheckName::Signature, &self.signature),
            (CheckName::Modifications, &self.modifications),
            (CheckName::Trust, &self.trust),
            (CheckName::Revocation, &self.revocation),
        ]
    }

    /// What the signature covers, in `lang`.
    pub fn coverage_label(&self, lang: Lang) -> &'static str {
        if self.covers_whole_file {
            lang.pick("seluruh dokumen", "the whole document")
        } else {
            lang.pick(
                "revisi sebelumnya; dokumen diubah sesudahnya",
                "an earlier revision; the document changed afterwards",
            )
        }
    }

    /// The claimed signing time as officials read it (WIB), or as written when it is not a
    /// PDF date.
    pub fn claimed_time_shown(&self) -> Option<String> {
        self.claimed_time.as_ref().map(|t| {
            parse_pdf_date(t)
                .map(display_date)
                .unwrap_or_else(|| t.clone())
        })
    }
}
