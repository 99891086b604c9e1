//! Writing a whole new file (not an incremental update): header, every object, one
//! cross-reference section and the trailer.

use std::collections::BTreeMap;

use crate::write::write_object;
use crate::xref_write::{write_table, write_xref_stream, Row};
use crate::{Dict, ObjRef, Object, PdfError};

/// The kind of cross-reference section a [`FileWriter`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum XrefStyle {
    /// A classic `xref` table and `trailer` dictionary (readable by every PDF reader).
    #[default]
    Table,
    /// A Flate-compressed cross-reference stream carrying the trailer entries (PDF 1.5+).
    Stream,
}

/// A complete PDF file being assembled from objects.
///
/// ```
/// use sertel_pdf::{Dict, FileWriter, ObjRef, Object, XrefStyle};
/// let mut w = FileWriter::new((1, 7));
/// let catalog = ObjRef::new(1, 0);
/// w.put(catalog, Object::Dictionary(Dict::from_pairs([(
///     &b"Type"[..],
///     Object::name(b"Catalog"),
/// )])));
/// let mut trailer = Dict::new();
/// trailer.set(b"Root", Object::Reference(catalog));
/// let bytes = w.finish(trailer, XrefStyle::Table)?;
/// assert!(bytes.starts_with(b"%PDF-1.7\n"));
/// # Ok::<(), sertel_pdf::PdfError>(())
/// ```
#[derive(Debug, Clone)]
pub struct FileWriter {
    version: (u8, u8),
    objects: BTreeMap<u32, (ObjRef, Object)>,
}

impl FileWriter {
    /// An empty file with header `%PDF-major.minor`.
    pub fn new(version: (u8, u8)) -> Self {
        FileWriter {
            version,
            objects: BTreeMap::new(),
        }
    }

    /// Adds object `r` (replacing an earlier put of the same number). Streams must hold their
    /// data in memory.
    pub fn put(&mut self, r: ObjRef, obj: Object) {
        self.objects.insert(r.num, (r, obj));
    }

    /// The highest object number put so far (0 when empty).
    pub fn max_object_number(&self) -> u32 {
        self.objects.keys().next_back().copied().unwrap_or(0)
    }

    /// Writes the file: the header and a binary comment line, the objects in ascending
    /// number order, the cross-reference section, `startxref` and `%%EOF`.
    ///
    /// `trailer` supplies `/Root` and whatever else the file needs (`/Info`, `/ID`,
    /// `/Encrypt`); `/Size` is set here and `/Prev` removed. With [`XrefStyle::Stream`] the
    /// trailer entries go into the cross-reference stream, which takes the next free number.
    /// Fails if object 0 was put, if object numbers run out, or if an object cannot be
    /// serialized.
    pub fn finish(self, mut trailer: Dict, style: XrefStyle) -> Result<Vec<u8>, PdfError> {
        if self.objects.contains_key(&0) {
            return Err(PdfError::Invalid("object 0 cannot be written"));
        }
        let next = self
            .max_object_number()
            .checked_add(1)
            .ok_or(PdfError::Invalid("object numbers exhausted"))?;
        let xref_stream = match style {
            XrefStyle::Table => None,
            XrefStyle::Stream => Some(ObjRef::new(next, 0)),
        };
        let size = match xref_stream {
            Some(_) => next.checked_add(1),
            None => Some(next),
        }
        .ok_or(PdfError::Invalid("object numbers exhausted"))?;

        let (major, minor) = self.version;
        let mut out = format!("%PDF-{major}.{minor}\n%").into_bytes();
        out.extend_from_slice(&[0xE2, 0xE3, 0xCF, 0xD3, b'\n']);
        let mut rows: Vec<(u32, Row)> = vec![(0, Row::Free)];
        for (r, obj) in self.objects.values() {
            let start = out.len() as u64;
            out.extend_from_slice(format!("{} {} obj\n", r.num, r.gen).as_bytes());
            write_object(&mut out, obj)?;
            out.extend_from_slice(b"\nendobj\n");
            rows.push((r.num, Row::InFile(start, r.gen)));
        }
        trailer.remove(b"Prev");
        trailer.set(b"Size", Object::from(size));
        let xref_offset = out.len() as u64;
        match xref_stream {
            None => write_table(&mut out, &rows, &trailer)?,
            Some(xs) => {
                rows.push((xs.num, Row::InFile(xref_offset, 0)));
                write_xref_stream(&mut out, xs, &rows, trailer)?;
            }
        }
        out.extend_from_slice(format!("startxref\n{xref_offset}\n%%EOF\n").as_bytes());
        Ok(out)
    }
}
