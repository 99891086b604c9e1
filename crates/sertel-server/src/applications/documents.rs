//! The documents of an application: what each is, what types it may be (sniffed from the
//! content, never from the client's content type) and how large.

use serde::Serialize;

use super::holder::Holder;

/// A document's type, as sniffed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum MediaType {
    /// `%PDF-` at the start.
    Pdf,
    /// JPEG: `FF D8 FF`.
    Jpeg,
    /// PNG: the 8-byte PNG signature.
    Png,
}

impl MediaType {
    /// Recognises a PDF, JPEG or PNG by its first bytes.
    pub fn sniff(data: &[u8]) -> Option<MediaType> {
        if data.starts_with(b"%PDF-") {
            Some(MediaType::Pdf)
        } else if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(MediaType::Jpeg)
        } else if data.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(MediaType::Png)
        } else {
            None
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            MediaType::Pdf => "application/pdf",
            MediaType::Jpeg => "image/jpeg",
            MediaType::Png => "image/png",
        }
    }
}

/// The documents Pasal 15 ayat 1 asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocumentKind {
    /// Surat rekomendasi (the Lampiran), PDF.
    RecommendationLetter,
    /// KTP scan: PDF, JPEG or PNG.
    Ktp,
    /// SK Jabatan, PDF.
    SkJabatan,
    /// SK Pangkat, PDF.
    SkPangkat,
    /// Face photo: JPEG or PNG.
    Photo,
    /// Surat keterangan signed by the head of the agency for a re-issue after a lost key
    /// (Pasal 16 ayat 3), PDF.
    StatementLetter,
    /// Surat permohonan for an electronic seal, signed by the head of the Perangkat Daerah
    /// (Pasal 10 ayat 3), PDF.
    RequestLetter,
}

impl DocumentKind {
    /// Every kind, in form order.
    pub const ALL: [DocumentKind; 7] = [
        DocumentKind::RecommendationLetter,
        DocumentKind::Ktp,
        DocumentKind::SkJabatan,
        DocumentKind::SkPangkat,
        DocumentKind::Photo,
        DocumentKind::StatementLetter,
        DocumentKind::RequestLetter,
    ];

    /// The documents a first application for an electronic seal must carry: the request letter
    /// signed by the head of the Perangkat Daerah and the head's SK Jabatan, which shows that
    /// the applicant heads it.
    pub const SEAL_APPLICATION: [DocumentKind; 2] =
        [DocumentKind::RequestLetter, DocumentKind::SkJabatan];

    /// The documents a first application for `holder` must carry.
    pub fn first_application(holder: &Holder) -> &'static [DocumentKind] {
        match holder {
            Holder::Person => &DocumentKind::FIRST_APPLICATION,
            Holder::Seal(_) => &DocumentKind::SEAL_APPLICATION,
        }
    }

    /// The documents a first application must carry (Pasal 15 ayat 1).
    pub const FIRST_APPLICATION: [DocumentKind; 5] = [
        DocumentKind::RecommendationLetter,
        DocumentKind::Ktp,
        DocumentKind::SkJabatan,
        DocumentKind::SkPangkat,
        DocumentKind::Photo,
    ];

    /// The form field and stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::RecommendationLetter => "recommendation_letter",
            DocumentKind::Ktp => "ktp",
            DocumentKind::SkJabatan => "sk_jabatan",
            DocumentKind::SkPangkat => "sk_pangkat",
            DocumentKind::Photo => "photo",
            DocumentKind::StatementLetter => "statement_letter",
            DocumentKind::RequestLetter => "request_letter",
        }
    }

    /// Parses a field name.
    pub fn parse(s: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The types accepted.
    pub fn accepts(self) -> &'static [MediaType] {
        match self {
            DocumentKind::Ktp => &[MediaType::Pdf, MediaType::Jpeg, MediaType::Png],
            DocumentKind::Photo => &[MediaType::Jpeg, MediaType::Png],
            _ => &[MediaType::Pdf],
        }
    }

    /// The accepted types, for messages.
    pub fn expected(self) -> &'static str {
        match self {
            DocumentKind::Ktp => "PDF, JPEG or PNG",
            DocumentKind::Photo => "JPEG or PNG",
            _ => "PDF",
        }
    }

    /// The size limit in bytes.
    pub fn max_len(self) -> usize {
        match self {
            DocumentKind::Photo => 2 * 1024 * 1024,
            _ => 5 * 1024 * 1024,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing() {
        assert_eq!(MediaType::sniff(b"%PDF-1.7\n"), Some(MediaType::Pdf));
        assert_eq!(
            MediaType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(MediaType::Jpeg)
        );
        assert_eq!(
            MediaType::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(MediaType::Png)
        );
        assert_eq!(MediaType::sniff(b"GIF89a"), None);
        assert_eq!(MediaType::sniff(b" %PDF-"), None);
        assert_eq!(MediaType::sniff(b""), None);
    }
}
