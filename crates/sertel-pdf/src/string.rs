//! PDF string objects.

/// A PDF string: its decoded bytes, and whether it was written in hex form (`<...>`) rather
/// than literal form (`(...)`), so a rewrite keeps the original form.
///
/// Strings of encrypted documents are returned as stored (still encrypted) unless the
/// document has been given its file key (`Document::set_file_key`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PdfString {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// `true` if the string is (or is to be) written in hexadecimal form.
    pub hex: bool,
}

impl PdfString {
    /// A string written in literal form `(...)`.
    pub fn literal(bytes: impl Into<Vec<u8>>) -> Self {
        PdfString {
            bytes: bytes.into(),
            hex: false,
        }
    }

    /// A string written in hexadecimal form `<...>`.
    pub fn hex(bytes: impl Into<Vec<u8>>) -> Self {
        PdfString {
            bytes: bytes.into(),
            hex: true,
        }
    }

    /// The decoded bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }
}
