//! A bounded, fail-closed PDF object reader and incremental-update writer (ISO 32000-1).
//!
//! * [`Document`] reads a PDF through a random-access [`Source`] without ever loading the
//!   whole file: the tail (`startxref`), the cross-reference sections (tables, streams and
//!   hybrids along the `/Prev` chain) and only the objects asked for. Stream data is read
//!   only on request.
//! * Every loop, recursion and decompression is bounded by [`Limits`]; malformed input is an
//!   error ([`PdfError`]), never repaired or guessed at.
//! * [`IncrementalUpdate`] appends new and replaced objects with a new cross-reference
//!   section, leaving the original bytes untouched (as signing requires).
//!
//! ```
//! use sertel_pdf::{Document, Limits};
//! # fn demo(bytes: Vec<u8>) -> Result<(), sertel_pdf::PdfError> {
//! let doc = Document::open(bytes, Limits::default())?;
//! for page in doc.pages()? {
//!     let media_box = doc.inherited(page, b"MediaBox")?;
//!     # let _ = media_box;
//! }
//! # Ok(())
//! # }
//! ```

mod content;
mod crypt;
mod dict;
mod document;
mod error;
mod file_writer;
mod filters;
mod fingerprint;
mod flate;
mod incremental;
mod indirect;
mod lexer;
mod limits;
mod load;
mod name;
mod node_cache;
mod object;
mod objref;
mod objstm;
mod pages;
mod parse;
mod predictor;
mod reader;
mod revision;
mod seq;
mod source;
mod startxref;
mod stream;
mod streams;
mod string;
mod work;
mod write;
mod xref;
mod xref_stream;
mod xref_table;
mod xref_write;

pub use content::{content_operations, ContentOp};
pub use crypt::{is_signature_dict, EncryptDict, FileKey};
pub use dict::Dict;
pub use document::Document;
pub use error::{Limit, PdfError};
pub use file_writer::{FileWriter, XrefStyle};
pub use incremental::{IncrementalUpdate, Written};
pub use limits::Limits;
pub use name::Name;
pub use object::Object;
pub use objref::ObjRef;
pub use parse::parse_object;
pub use revision::{Revision, XrefKind};
pub use source::{Prefix, Source};
pub use stream::{Stream, StreamData};
pub use string::PdfString;
pub use write::{write_object, REAL_DECIMALS};
pub use xref::XrefEntry;
