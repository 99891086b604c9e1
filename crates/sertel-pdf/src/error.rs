//! The crate's error type and the [`Limit`] that names which bound was hit.

use crate::ObjRef;

/// Which configured bound of [`crate::Limits`] (or fixed internal bound) was exceeded.
#[non_exhaustive]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limit {
    /// Nesting of arrays and dictionaries deeper than `Limits::max_depth`.
    Depth,
    /// One indirect object's text longer than `Limits::max_object_bytes`.
    ObjectBytes,
    /// More values inside one object (or in all trailers together) than
    /// `Limits::max_object_elements`.
    ObjectElements,
    /// More cross-reference entries, or a higher object number, than
    /// `Limits::max_xref_entries`.
    XrefEntries,
    /// More cross-reference sections than `Limits::max_revisions`.
    Revisions,
    /// A stream whose raw or decoded data exceeds `Limits::max_decoded_stream_bytes`.
    DecodedStreamBytes,
    /// A stream that inflates by more than `Limits::max_decode_ratio`.
    DecodeRatio,
    /// A page tree deeper than `Limits::max_page_tree_depth`.
    PageTreeDepth,
    /// More pages than `Limits::max_pages`.
    Pages,
    /// An object stream declaring more objects than `Limits::max_objstm_objects`.
    ObjStmObjects,
    /// A chain of indirect references (object to object) longer than
    /// `Limits::max_reference_chain`.
    ReferenceChain,
    /// Loading one object required loading too many others first (stream lengths held in
    /// objects inside object streams whose lengths are again indirect, and so on).
    LoadNesting,
    /// The document's total work (bytes read, lexed and inflated) exceeded the budget
    /// `Limits::max_work_base + Limits::max_work_per_byte * file length`.
    Work,
    /// A filter chain with more filters than `Limits::max_filters`.
    Filters,
}

impl core::fmt::Display for Limit {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let s = match self {
            Limit::Depth => "nesting depth",
            Limit::ObjectBytes => "object size",
            Limit::ObjectElements => "number of values in an object",
            Limit::XrefEntries => "cross-reference entries",
            Limit::Revisions => "number of revisions",
            Limit::DecodedStreamBytes => "stream size",
            Limit::DecodeRatio => "decompression ratio",
            Limit::PageTreeDepth => "page tree depth",
            Limit::Pages => "number of pages",
            Limit::ObjStmObjects => "objects in an object stream",
            Limit::ReferenceChain => "reference chain length",
            Limit::LoadNesting => "nested object loads",
            Limit::Work => "total work",
            Limit::Filters => "number of stream filters",
        };
        f.write_str(s)
    }
}

/// Everything that can go wrong while reading or writing a PDF.
///
/// Reading is fail-closed: malformed input is reported, never repaired or guessed at.
#[non_exhaustive]
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Reading from the [`crate::Source`] failed.
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
    /// The file does not start with a `%PDF-x.y` header.
    #[error("missing or malformed %PDF- header")]
    BadHeader,
    /// No usable `startxref` was found near the end of the file.
    #[error("no valid startxref near the end of the file: {0}")]
    StartXref(&'static str),
    /// A cross-reference section (table or stream) is malformed.
    #[error("malformed cross-reference section at offset {offset}: {what}")]
    Xref {
        /// Byte offset of the problem (or of the section).
        offset: u64,
        /// What is wrong.
        what: &'static str,
    },
    /// Malformed PDF syntax.
    #[error("syntax error at offset {offset}: {what}")]
    Syntax {
        /// Byte offset of the problem (inside a decoded object stream: offset inside its data).
        offset: u64,
        /// What is wrong.
        what: &'static str,
    },
    /// The input ended in the middle of a token or object.
    #[error("unexpected end of data at offset {offset}")]
    Truncated {
        /// Offset at which more data was needed.
        offset: u64,
    },
    /// The object is not in use in the merged cross-reference table (free, absent, or the
    /// generation number does not match). Callers decide whether to treat this as `null`.
    #[error("object {0} does not exist")]
    MissingObject(ObjRef),
    /// A cross-reference entry does not point at the object it claims to.
    #[error("cross-reference entry for {expected} points at offset {offset}, which does not hold `{} {} obj`", expected.num, expected.gen)]
    ObjectMismatch {
        /// The object the cross-reference entry is for.
        expected: ObjRef,
        /// The offset the entry gives.
        offset: u64,
    },
    /// An object has the wrong type or a required entry is missing or invalid.
    #[error("invalid structure: {0}")]
    Invalid(&'static str),
    /// A cycle was found (in `/Prev` chains, the page tree, references or object streams).
    #[error("cycle detected in {0}")]
    Cycle(&'static str),
    /// A configured bound was exceeded.
    #[error("limit exceeded: {0}")]
    LimitExceeded(Limit),
    /// Stream data could not be decoded (corrupt Flate data, bad predictor data).
    #[error("cannot decode stream: {0}")]
    Decode(&'static str),
    /// A feature this crate deliberately does not implement (for example a filter other than
    /// FlateDecode, or external stream data).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// The document is encrypted; it can be inspected but not updated.
    #[error("the document is encrypted")]
    Encrypted,
    /// The document's encryption is of a kind this crate does not decrypt (only the
    /// ISO 32000-2 `/V 5` scheme with AES-256 crypt filters, `/AESV3`, is supported), or
    /// its encryption dictionary is malformed.
    #[error("unsupported encryption: {0}")]
    UnsupportedEncryption(String),
    /// Encrypted data could not be decrypted with the file key given: the data is not whole
    /// AES blocks, or its padding is wrong (a wrong key, or damaged data).
    #[error("cannot decrypt: {0}")]
    Decryption(&'static str),
    /// An object cannot be serialized (for example a stream whose data still lives in the
    /// input file, or a stream nested inside another object).
    #[error("cannot write object: {0}")]
    Unwritable(&'static str),
}

impl PdfError {
    /// Shorthand for a [`PdfError::Syntax`].
    pub(crate) fn syntax(offset: u64, what: &'static str) -> PdfError {
        PdfError::Syntax { offset, what }
    }

    /// Shorthand for a [`PdfError::Xref`].
    pub(crate) fn xref(offset: u64, what: &'static str) -> PdfError {
        PdfError::Xref { offset, what }
    }
}
