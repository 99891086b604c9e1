//! Why the signature specimen could not be built or placed.

use std::path::PathBuf;

use crate::i18n::{Lang, Localized};

/// Why the specimen (the visible signature block) could not be built or placed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SpecimenError {
    /// The logo file could not be read.
    #[error("{}: cannot read the logo: {source}", path.display())]
    LogoUnreadable {
        /// The logo file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The logo is not a PNG or JPEG image Sertel can embed.
    #[error("the logo is not a usable PNG or JPEG image: {0}")]
    LogoFormat(String),
    /// The verification URL template has no `{{id}}` where the document id goes.
    #[error("the verification URL {0:?} has no {{id}} for the document id")]
    VerifyUrlTemplate(String),
    /// The verification URL does not fit in a QR code.
    #[error("the verification URL is too long for a QR code ({0} bytes)")]
    VerifyUrlTooLong(usize),
    /// The bundled typeface could not be read or subset (a defect, not bad input).
    #[error("the bundled typeface cannot be embedded: {0}")]
    Font(String),
    /// The marker text was not found on any page.
    #[error("the marker {0:?} was not found in the document's text")]
    MarkerNotFound(String),
    /// The marker text occurs more than once and the first occurrence was not asked for.
    #[error("the marker {marker:?} occurs {count} times; keep one, or ask for the first")]
    MarkerAmbiguous {
        /// The marker text.
        marker: String,
        /// How often it occurs.
        count: usize,
    },
    /// The marker is empty or only white space.
    #[error("the marker text is empty")]
    MarkerEmpty,
    /// The requested page does not exist.
    #[error("page {page} does not exist (the document has {pages})")]
    NoSuchPage {
        /// The requested page, 1-based.
        page: usize,
        /// The number of pages.
        pages: usize,
    },
    /// The box is too small, not finite, or larger than the page.
    #[error("the signature box of {width} × {height} points does not fit (at least {min_width} × {min_height}, within the page)")]
    BadBox {
        /// Width in points.
        width: f64,
        /// Height in points.
        height: f64,
        /// The smallest width this kind of box takes.
        min_width: f64,
        /// The smallest height this kind of box takes.
        min_height: f64,
    },
    /// The page could not be read.
    #[error("the page cannot be read: {0}")]
    Pdf(#[from] sertel_pdf::PdfError),
}

impl Localized for SpecimenError {
    fn kind(&self) -> &'static str {
        match self {
            SpecimenError::LogoUnreadable { .. } => "logo_unreadable",
            SpecimenError::LogoFormat(_) => "logo_format",
            SpecimenError::VerifyUrlTemplate(_) => "verify_url_template",
            SpecimenError::VerifyUrlTooLong(_) => "verify_url_too_long",
            SpecimenError::Font(_) => "internal",
            SpecimenError::MarkerNotFound(_) => "marker_not_found",
            SpecimenError::MarkerAmbiguous { .. } => "marker_ambiguous",
            SpecimenError::MarkerEmpty => "marker_empty",
            SpecimenError::NoSuchPage { .. } => "no_such_page",
            SpecimenError::BadBox { .. } => "bad_signature_box",
            SpecimenError::Pdf(_) => "pdf_unreadable",
        }
    }

    fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            SpecimenError::LogoUnreadable { path, source } => {
                format!("{}: logo tidak dapat dibaca: {source}", path.display())
            }
            SpecimenError::LogoFormat(why) => {
                format!("Logo bukan gambar PNG atau JPEG yang dapat dipakai: {why}")
            }
            SpecimenError::VerifyUrlTemplate(url) => format!(
                "URL verifikasi {url:?} tidak memuat {{id}} untuk nomor identitas dokumen"
            ),
            SpecimenError::VerifyUrlTooLong(n) => {
                format!("URL verifikasi terlalu panjang untuk kode QR ({n} bita)")
            }
            SpecimenError::Font(why) => format!("Huruf bawaan tidak dapat disematkan: {why}"),
            SpecimenError::MarkerNotFound(m) => {
                format!("Penanda {m:?} tidak ditemukan dalam teks dokumen")
            }
            SpecimenError::MarkerAmbiguous { marker, count } => format!(
                "Penanda {marker:?} muncul {count} kali; sisakan satu, atau pilih yang pertama"
            ),
            SpecimenError::MarkerEmpty => "Teks penanda kosong".into(),
            SpecimenError::NoSuchPage { page, pages } => {
                format!("Halaman {page} tidak ada (dokumen memiliki {pages} halaman)")
            }
            SpecimenError::BadBox {
                width,
                height,
                min_width,
                min_height,
            } => format!(
                "Kotak tanda tangan {width} × {height} poin tidak muat (minimal {min_width} × {min_height}, di dalam halaman)"
            ),
            SpecimenError::Pdf(e) => format!("Halaman tidak dapat dibaca: {e}"),
        }
    }
}
