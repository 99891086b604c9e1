//! Resource bounds applied while reading a document.

/// Bounds on every loop, recursion and decompression the reader performs.
///
/// Exceeding any of them yields [`crate::PdfError::LimitExceeded`] with the matching
/// [`crate::Limit`]. The defaults are generous enough for real documents (including 1 GiB
/// scans) and keep a hostile document's memory and time bounded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Maximum nesting of arrays and dictionaries inside one object. Default 64.
    pub max_depth: usize,
    /// Maximum size of one indirect object's text (not counting stream data). Default 16 MiB.
    pub max_object_bytes: usize,
    /// Maximum number of values (of any type, counted recursively) inside one object; the
    /// same bound applies to all revisions' trailers together. Default 1 000 000.
    pub max_object_elements: usize,
    /// Maximum number of cross-reference entries over all sections, and bound (exclusive) on
    /// object numbers. Default 8 000 000.
    pub max_xref_entries: u32,
    /// Maximum number of cross-reference sections (revisions). Default 10 000.
    pub max_revisions: usize,
    /// Maximum size of a stream's raw data as read, and of each decoding step's input and
    /// output together (so one decode holds at most this much). Default 256 MiB.
    pub max_decoded_stream_bytes: u64,
    /// Maximum ratio of decoded to encoded size, checked once a stream's decoded output exceeds
    /// 1 MiB. Default 1000.
    pub max_decode_ratio: u64,
    /// Maximum depth of the page tree. Default 64.
    pub max_page_tree_depth: usize,
    /// Maximum number of pages. Default 1 000 000.
    pub max_pages: usize,
    /// Maximum `/N` of one object stream. Default 1 000 000.
    pub max_objstm_objects: u32,
    /// Maximum number of `Reference` hops `Document::resolve` and `/Parent` walks follow.
    /// Default 32.
    pub max_reference_chain: usize,
    /// Maximum number of filters on one stream. Default 4.
    pub max_filters: usize,
    /// Work budget, fixed part: the bytes read, lexed and inflated over a document's lifetime
    /// (plus a fixed charge per parsed value) may not exceed
    /// `max_work_base + max_work_per_byte * file_length`. Default 256 MiB.
    pub max_work_base: u64,
    /// Work budget, part proportional to the file length. Default 16.
    pub max_work_per_byte: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 64,
            max_object_bytes: 16 << 20,
            max_object_elements: 1_000_000,
            max_xref_entries: 8_000_000,
            max_revisions: 10_000,
            max_decoded_stream_bytes: 256 << 20,
            max_decode_ratio: 1000,
            max_page_tree_depth: 64,
            max_pages: 1_000_000,
            max_objstm_objects: 1_000_000,
            max_reference_chain: 32,
            max_filters: 4,
            max_work_base: 256 << 20,
            max_work_per_byte: 16,
        }
    }
}

impl Limits {
    /// Tighter bounds for validating untrusted input quickly (also what the fuzz targets use):
    /// 1 MiB objects, 32 MiB streams, 100 000 pages, 64 MiB + 8 × file length of work.
    pub fn strict() -> Self {
        Limits {
            max_depth: 32,
            max_object_bytes: 1 << 20,
            max_object_elements: 200_000,
            max_xref_entries: 1_000_000,
            max_revisions: 1_000,
            max_decoded_stream_bytes: 32 << 20,
            max_decode_ratio: 1000,
            max_page_tree_depth: 32,
            max_pages: 100_000,
            max_objstm_objects: 100_000,
            max_reference_chain: 16,
            max_filters: 4,
            max_work_base: 64 << 20,
            max_work_per_byte: 8,
        }
    }

    /// The total work budget for a file of `file_len` bytes.
    pub fn work_budget(&self, file_len: u64) -> u64 {
        self.max_work_base
            .saturating_add(self.max_work_per_byte.saturating_mul(file_len))
    }
}
