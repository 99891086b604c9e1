//! Incremental updates (ISO 32000-1 §7.5.6): new and replaced objects appended after the
//! original bytes, with a new cross-reference section chained to the old one by `/Prev`.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::fingerprint::Fnv128;
use crate::write::write_object;
use crate::xref_write::{write_table, write_xref_stream, Row};
use crate::{Dict, Document, ObjRef, Object, PdfError, PdfString, XrefKind};

/// An incremental update being prepared for a document.
#[derive(Debug)]
pub struct IncrementalUpdate {
    orig_len: u64,
    ends_with_eol: bool,
    prev: u64,
    kind: XrefKind,
    root: Object,
    info: Option<Object>,
    id_first: Option<PdfString>,
    next: u32,
    exhausted: bool,
    objects: BTreeMap<u32, (ObjRef, Object)>,
}

/// The bytes of a finished update.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    /// Bytes to append right after the original file's last byte.
    pub bytes: Vec<u8>,
    /// Where each object put into the update (from `N G obj` to the end of `endobj`) sits
    /// inside `bytes`, in ascending object-number order. The cross-reference stream the
    /// update may write is not listed.
    pub objects: Vec<(ObjRef, Range<usize>)>,
}

impl IncrementalUpdate {
    /// Prepares an update of `doc`: remembers its length, its last `startxref`, the newest
    /// trailer's `/Root`, `/Info` and `/ID`, the next free object number, and the kind of
    /// its newest cross-reference section.
    ///
    /// Fails with [`PdfError::Encrypted`] for encrypted documents, and with
    /// [`PdfError::Invalid`] if `/Root` is not a reference, `/Info` is neither a reference
    /// nor a dictionary, or `/ID` is not an array of two strings.
    pub fn new(doc: &Document) -> Result<IncrementalUpdate, PdfError> {
        if doc.is_encrypted() {
            return Err(PdfError::Encrypted);
        }
        let trailer = doc.trailer();
        let root = trailer
            .get_ref(b"Root")
            .map(Object::Reference)
            .ok_or(PdfError::Invalid(
                "trailer /Root missing or not a reference",
            ))?;
        let info = match trailer.get(b"Info") {
            None | Some(Object::Null) => None,
            Some(o @ (Object::Reference(_) | Object::Dictionary(_))) => Some(o.clone()),
            Some(_) => return Err(PdfError::Invalid("trailer /Info is not a reference")),
        };
        let id_first = match trailer.get(b"ID") {
            None | Some(Object::Null) => None,
            Some(Object::Array(a)) => match a.as_slice() {
                [Object::String(first), Object::String(_)] => Some(first.clone()),
                _ => return Err(PdfError::Invalid("trailer /ID is not two strings")),
            },
            Some(_) => return Err(PdfError::Invalid("trailer /ID is not an array")),
        };
        let kind = doc
            .revisions()
            .last()
            .map(|r| r.kind)
            .ok_or(PdfError::Invalid("document has no revision"))?;
        let orig_len = doc.len();
        let last = doc.read_bytes(orig_len.saturating_sub(1), 1.min(orig_len))?;
        let ends_with_eol = matches!(last.first(), Some(b'\n' | b'\r'));
        Ok(IncrementalUpdate {
            orig_len,
            ends_with_eol,
            prev: doc.startxref(),
            kind,
            root,
            info,
            id_first,
            next: doc.next_object_number(),
            exhausted: false,
            objects: BTreeMap::new(),
        })
    }

    /// A fresh object number (from the document's `/Size` upward), generation 0.
    pub fn allocate(&mut self) -> ObjRef {
        let r = ObjRef::new(self.next, 0);
        match self.next.checked_add(1) {
            Some(n) => self.next = n,
            None => self.exhausted = true,
        }
        r
    }

    /// Adds object `r`, new or replacing an existing one (keep its number and generation).
    /// Putting the same number again replaces the earlier put.
    pub fn put(&mut self, r: ObjRef, obj: Object) {
        if r.num >= self.next {
            match r.num.checked_add(1) {
                Some(n) => self.next = n,
                None => self.exhausted = true,
            }
        }
        self.objects.insert(r.num, (r, obj));
    }

    /// The object put under number `num`, if any.
    pub fn get(&self, num: u32) -> Option<&Object> {
        self.objects.get(&num).map(|(_, o)| o)
    }

    /// Writes the update: a `\n` if the original does not end with an end-of-line marker,
    /// the objects in ascending number order, a cross-reference section of the same family
    /// as the document's newest one (a classic table for `Table` and `Hybrid`, a
    /// Flate-compressed cross-reference stream for `Stream`), then
    /// `startxref\nN\n%%EOF\n`.
    ///
    /// The section lists object 0 (free, generation 65535), the objects written and, for a
    /// stream, the stream itself. The trailer holds `/Size`, `/Root`, `/Info` (if the
    /// document had one), `/ID` and `/Prev` (the document's last `startxref`). `/ID` keeps
    /// the document's first element; the second is a 16-byte FNV-1a-128 digest of the
    /// original length, the previous `startxref` and the bytes of the new objects (unique
    /// per update in practice, reproducible, not a security feature). A document without
    /// `/ID` gets that digest as both elements.
    pub fn finish(mut self) -> Result<Written, PdfError> {
        if self.objects.contains_key(&0) {
            return Err(PdfError::Invalid("object 0 cannot be written"));
        }
        let xref_stream_ref = match self.kind {
            XrefKind::Stream => Some(self.allocate()),
            XrefKind::Table | XrefKind::Hybrid => None,
        };
        if self.exhausted {
            return Err(PdfError::Invalid("object numbers exhausted"));
        }
        let mut bytes = Vec::new();
        if !self.ends_with_eol {
            bytes.push(b'\n');
        }
        let mut placed = Vec::with_capacity(self.objects.len());
        let mut rows: Vec<(u32, Row)> = vec![(0, Row::Free)];
        for (r, obj) in self.objects.values() {
            let start = bytes.len();
            bytes.extend_from_slice(format!("{} {} obj\n", r.num, r.gen).as_bytes());
            write_object(&mut bytes, obj)?;
            bytes.extend_from_slice(b"\nendobj");
            placed.push((*r, start..bytes.len()));
            bytes.push(b'\n');
            rows.push((r.num, Row::InFile(self.orig_len + start as u64, r.gen)));
        }
        let mut h = Fnv128::new();
        h.update(&self.orig_len.to_be_bytes());
        h.update(&self.prev.to_be_bytes());
        h.update(&bytes);
        let digest = PdfString::hex(h.finish().to_vec());
        let first = self.id_first.clone().unwrap_or_else(|| digest.clone());

        let mut trailer = Dict::new();
        trailer.set(b"Size", Object::from(self.next));
        trailer.set(b"Root", self.root.clone());
        if let Some(info) = &self.info {
            trailer.set(b"Info", info.clone());
        }
        trailer.set(b"ID", Object::Array(vec![first.into(), digest.into()]));
        trailer.set(b"Prev", Object::Integer(self.prev as i64));

        let xref_offset = self.orig_len + bytes.len() as u64;
        match xref_stream_ref {
            None => write_table(&mut bytes, &rows, &trailer)?,
            Some(xs) => {
                rows.push((xs.num, Row::InFile(xref_offset, 0)));
                write_xref_stream(&mut bytes, xs, &rows, trailer)?;
            }
        }
        bytes.extend_from_slice(format!("startxref\n{xref_offset}\n%%EOF\n").as_bytes());
        Ok(Written {
            bytes,
            objects: placed,
        })
    }
}
