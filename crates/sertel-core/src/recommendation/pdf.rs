//! Writing the laid-out letter as a PDF: A4, the standard Helvetica fonts (Arial's metrics, the
//! usual face of Indonesian official letters) in WinAnsiEncoding, compressed content, and a
//! document title. The same form always gives the same bytes.

use pdf_writer::Date;

use crate::verify::pdf_report::page::Page;
use crate::verify::pdf_report::writer::{write_document, DocumentInfo};

/// The document title.
pub const DOCUMENT_TITLE: &str = "Surat Rekomendasi Permohonan Penerbitan Sertifikat Elektronik";

/// `pages` as a PDF dated `date`.
pub(super) fn write(pages: &[Page], date: time::Date) -> Vec<u8> {
    let created = Date::new(date.year().clamp(0, 9999) as u16)
        .month(u8::from(date.month()))
        .day(date.day());
    let producer = format!("Sertel {}", crate::VERSION);
    write_document(
        pages,
        &DocumentInfo {
            lang: "id-ID",
            title: DOCUMENT_TITLE,
            producer: &producer,
            created,
            modified: None,
            id_salt: &[],
        },
    )
}
