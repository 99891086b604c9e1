//! [`Document`]: random-access reading of a PDF through its cross-reference sections.

use std::collections::HashSet;
use std::sync::Mutex;

use crate::crypt::{Crypt, EncryptDict, FileKey};
use crate::node_cache::NodeCache;
use crate::objstm::ObjStmCache;
use crate::reader::FileReader;
use crate::revision::{load_chain, Revision};
use crate::startxref::{find_startxref, read_header};
use crate::xref::{XrefEntry, XrefTable};
use crate::{Dict, Limit, Limits, ObjRef, Object, PdfError, Source};

/// A PDF opened for reading.
///
/// Only the header, the file's tail, the cross-reference sections and the objects asked for
/// are read; stream data is read only by [`Document::stream_raw`] and
/// [`Document::stream_decoded`]. Every read is bounded by the [`Limits`] given to
/// [`Document::open`].
///
/// Encrypted documents open (so they can be inspected and reported), and strings and streams
/// are returned exactly as stored, still encrypted, until [`Document::set_file_key`] is given
/// the file key; from then on strings of objects read from the file, and stream data, come
/// back decrypted.
pub struct Document {
    pub(crate) reader: FileReader,
    pub(crate) version: (u8, u8),
    pub(crate) startxref: u64,
    pub(crate) revisions: Vec<Revision>,
    pub(crate) trailer: Dict,
    pub(crate) xref: XrefTable,
    pub(crate) next_number: u32,
    pub(crate) cache: Mutex<ObjStmCache>,
    pub(crate) nodes: Mutex<NodeCache>,
    pub(crate) crypt: Option<Crypt>,
}

impl core::fmt::Debug for Document {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Document")
            .field("len", &self.reader.len)
            .field("version", &self.version)
            .field("startxref", &self.startxref)
            .field("revisions", &self.revisions.len())
            .finish_non_exhaustive()
    }
}

impl Document {
    /// Opens a document: checks the header, finds `startxref`, and reads every
    /// cross-reference section along the `/Prev` chain (with hybrid `/XRefStm` streams).
    ///
    /// Fails on any malformation; nothing is repaired. The newest trailer must have an
    /// integer `/Size` no larger than `max_xref_entries`.
    pub fn open<S: Source + 'static>(source: S, limits: Limits) -> Result<Document, PdfError> {
        let reader = FileReader::new(Box::new(source), limits);
        let version = read_header(&reader)?;
        let startxref = find_startxref(&reader)?;
        let loaded = load_chain(&reader, startxref)?;
        let trailer = loaded
            .revisions
            .last()
            .map(|r| r.trailer.clone())
            .ok_or(PdfError::StartXref("no cross-reference section"))?;
        let size = trailer
            .get_int(b"Size")
            .and_then(|s| u32::try_from(s).ok())
            .ok_or(PdfError::Invalid(
                "trailer /Size missing or not a valid integer",
            ))?;
        if size > reader.limits.max_xref_entries {
            return Err(PdfError::LimitExceeded(Limit::XrefEntries));
        }
        let next_number = size.max(loaded.table.end()).max(1);
        Ok(Document {
            reader,
            version,
            startxref,
            revisions: loaded.revisions,
            trailer,
            xref: loaded.table,
            next_number,
            cache: Mutex::new(ObjStmCache::default()),
            nodes: Mutex::new(NodeCache::default()),
            crypt: None,
        })
    }

    /// Length of the source in bytes.
    pub fn len(&self) -> u64 {
        self.reader.len
    }

    /// Whether the source is empty (never true for an opened document).
    pub fn is_empty(&self) -> bool {
        self.reader.len == 0
    }

    /// The header version `(major, minor)` from `%PDF-major.minor`.
    pub fn version(&self) -> (u8, u8) {
        self.version
    }

    /// The limits in force.
    pub fn limits(&self) -> &Limits {
        &self.reader.limits
    }

    /// The offset the final `startxref` gives (the newest section).
    pub fn startxref(&self) -> u64 {
        self.startxref
    }

    /// The newest section's trailer (for a cross-reference stream: its dictionary). Older
    /// trailers are not merged in; see [`Document::revisions`].
    pub fn trailer(&self) -> &Dict {
        &self.trailer
    }

    /// The revisions, oldest first (following the `/Prev` chain backwards).
    pub fn revisions(&self) -> &[Revision] {
        &self.revisions
    }

    /// Whether the trailer has an `/Encrypt` entry.
    pub fn is_encrypted(&self) -> bool {
        self.trailer.get(b"Encrypt").is_some_and(|o| !o.is_null())
    }

    /// The encryption dictionary the trailer's `/Encrypt` gives (read without decryption),
    /// or `None` for a document that is not encrypted.
    pub fn encryption(&self) -> Result<Option<EncryptDict>, PdfError> {
        match self.trailer.get(b"Encrypt") {
            None | Some(Object::Null) => Ok(None),
            Some(Object::Dictionary(d)) => Ok(Some(EncryptDict::new(None, d.clone()))),
            Some(Object::Reference(r)) => {
                let r = *r;
                match self.get(r)? {
                    Object::Dictionary(d) => Ok(Some(EncryptDict::new(Some(r), d))),
                    _ => Err(PdfError::Invalid("/Encrypt is not a dictionary")),
                }
            }
            Some(_) => Err(PdfError::Invalid(
                "trailer /Encrypt is not a dictionary or a reference",
            )),
        }
    }

    /// Sets the file key of an encrypted document, so that strings and streams read from now
    /// on are decrypted (AES-256-CBC, ISO 32000-2 §7.6.3.2 with `/V 5`).
    ///
    /// Fails with [`PdfError::Invalid`] if the document is not encrypted, and with
    /// [`PdfError::UnsupportedEncryption`] unless the encryption dictionary has `/V 5` and its
    /// `/StrF` and `/StmF` crypt filters are `/AESV3` or `/Identity`. The key itself cannot
    /// be checked here: with a wrong key, reading fails with [`PdfError::Decryption`] (bad
    /// padding) or returns garbage.
    pub fn set_file_key(&mut self, key: FileKey) -> Result<(), PdfError> {
        let enc = self
            .encryption()?
            .ok_or(PdfError::Invalid("the document is not encrypted"))?;
        let (strings, streams) = enc.scheme()?;
        self.crypt = Some(Crypt {
            key,
            encrypt_ref: enc.reference(),
            strings,
            streams,
            encrypt_metadata: enc.encrypt_metadata(),
        });
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).clear();
        self.nodes.lock().unwrap_or_else(|e| e.into_inner()).clear();
        Ok(())
    }

    /// Whether a file key has been set ([`Document::set_file_key`]).
    pub fn is_decrypting(&self) -> bool {
        self.crypt.is_some()
    }

    /// The merged cross-reference entry for object number `num` (newest section wins; in a
    /// hybrid section the table's entry wins over the `/XRefStm` stream's).
    pub fn xref_entry(&self, num: u32) -> Option<XrefEntry> {
        self.xref.get(num)
    }

    /// Every object number in use in the merged cross-reference table (ascending), with the
    /// generation its entry gives (0 for objects in object streams). Object 0 is skipped.
    pub fn objects(&self) -> impl Iterator<Item = ObjRef> + '_ {
        self.xref.iter().filter_map(|(num, e)| match e {
            _ if num == 0 => None,
            XrefEntry::InFile { gen, .. } => Some(ObjRef { num, gen }),
            XrefEntry::InObjectStream { .. } => Some(ObjRef { num, gen: 0 }),
            XrefEntry::Free { .. } => None,
        })
    }

    /// The first object number that no revision uses: the larger of the newest trailer's
    /// `/Size` and one past the highest number any cross-reference section lists, so a
    /// fresh number never collides with an existing one even if `/Size` is too small.
    pub fn next_object_number(&self) -> u32 {
        self.next_number
    }

    /// Work units spent so far (bytes read, lexed and inflated, plus a charge per value).
    pub fn work_used(&self) -> u64 {
        self.reader.work.used()
    }

    /// Reads object `r` as defined by the newest section that lists it, from the file or
    /// from an object stream.
    ///
    /// Returns [`PdfError::MissingObject`] if the number is free or absent or the generation
    /// differs (the specification would read that as `null`; callers decide). The entry must
    /// point exactly at `N G obj` for `r` (white space before it allowed), else
    /// [`PdfError::ObjectMismatch`]. Streams come back with [`crate::StreamData::InFile`] after
    /// checking that `endstream` follows the data `/Length` gives.
    pub fn get(&self, r: ObjRef) -> Result<Object, PdfError> {
        self.load(r, &mut Vec::new())
    }

    /// Follows `Reference`s until a direct object (at most `max_reference_chain` hops).
    pub fn resolve(&self, obj: &Object) -> Result<Object, PdfError> {
        let Object::Reference(mut r) = obj else {
            return Ok(obj.clone());
        };
        let mut seen = HashSet::new();
        for _ in 0..self.reader.limits.max_reference_chain {
            if !seen.insert(r) {
                return Err(PdfError::Cycle("a chain of references"));
            }
            match self.get(r)? {
                Object::Reference(next) => r = next,
                other => return Ok(other),
            }
        }
        Err(PdfError::LimitExceeded(Limit::ReferenceChain))
    }

    /// The document catalog: the trailer's `/Root`, which must be an indirect reference to a
    /// dictionary of `/Type /Catalog`.
    pub fn catalog(&self) -> Result<(ObjRef, Dict), PdfError> {
        let r = self.trailer.get_ref(b"Root").ok_or(PdfError::Invalid(
            "trailer /Root missing or not a reference",
        ))?;
        let Object::Dictionary(d) = self.get(r)? else {
            return Err(PdfError::Invalid("catalog is not a dictionary"));
        };
        if !d.has_name(b"Type", b"Catalog") {
            return Err(PdfError::Invalid("catalog /Type is not /Catalog"));
        }
        Ok((r, d))
    }
}
