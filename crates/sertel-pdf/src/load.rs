//! Loading objects: from the file at the offset the cross-reference table gives, or from
//! an object stream; with the checks that make the reader strict.

use std::sync::{Arc, MutexGuard};

use crate::indirect::NOT_A_HEADER;
use crate::objstm::{ObjStm, ObjStmCache};
use crate::xref::XrefEntry;
use crate::{Document, Limit, ObjRef, Object, PdfError, Stream, StreamData};

/// Loading one object may need others first (an indirect `/Length`, the object stream that
/// holds it); this bounds how deep that goes.
const MAX_LOAD_NESTING: usize = 8;

impl Document {
    fn lock_cache(&self) -> MutexGuard<'_, ObjStmCache> {
        // The cache holds no invariant a panicking holder could break; keep using it.
        self.cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Loads `r`; `stack` holds the objects whose loading is in progress.
    pub(crate) fn load(&self, r: ObjRef, stack: &mut Vec<ObjRef>) -> Result<Object, PdfError> {
        if stack.contains(&r) {
            return Err(PdfError::Cycle(
                "objects needed to load themselves (stream /Length or object stream)",
            ));
        }
        if stack.len() >= MAX_LOAD_NESTING {
            return Err(PdfError::LimitExceeded(Limit::LoadNesting));
        }
        self.reader.work.check()?;
        stack.push(r);
        let result = match self.xref.get(r.num) {
            Some(XrefEntry::InFile { offset, gen }) if gen == r.gen && r.num != 0 => self
                .load_in_file(r, offset, stack)
                .and_then(|obj| self.decrypt_loaded(r, obj)),
            Some(XrefEntry::InObjectStream { stream, index }) if r.gen == 0 && r.num != 0 => {
                self.load_from_objstm(r.num, stream, index, stack)
            }
            _ => Err(PdfError::MissingObject(r)),
        };
        stack.pop();
        result
    }

    /// Decrypts the strings of an object read from the file, when a file key is set (objects
    /// inside object streams are not encrypted on their own; the encryption dictionary never).
    fn decrypt_loaded(&self, r: ObjRef, mut obj: Object) -> Result<Object, PdfError> {
        match &self.crypt {
            Some(c) if c.strings && c.encrypt_ref != Some(r) => {
                crate::crypt::decrypt_strings(&mut obj, &c.key)?;
                Ok(obj)
            }
            _ => Ok(obj),
        }
    }

    fn load_in_file(
        &self,
        r: ObjRef,
        offset: u64,
        stack: &mut Vec<ObjRef>,
    ) -> Result<Object, PdfError> {
        let mismatch = PdfError::ObjectMismatch {
            expected: r,
            offset,
        };
        if offset >= self.reader.len {
            return Err(mismatch);
        }
        let parsed = match self.reader.indirect_at(offset) {
            Ok(p) => p,
            Err(PdfError::Syntax { what, .. }) if what == NOT_A_HEADER => return Err(mismatch),
            Err(e) => return Err(e),
        };
        if parsed.id != r {
            return Err(mismatch);
        }
        let Some(start) = parsed.stream_start else {
            return Ok(parsed.object);
        };
        let Object::Dictionary(dict) = parsed.object else {
            return Err(PdfError::syntax(offset, "`stream` after a non-dictionary"));
        };
        let length = match dict.get(b"Length") {
            Some(Object::Integer(n)) => *n,
            Some(Object::Reference(lr)) => match self.load(*lr, stack)? {
                Object::Integer(n) => n,
                _ => return Err(PdfError::Invalid("stream /Length is not an integer")),
            },
            _ => {
                return Err(PdfError::Invalid(
                    "stream /Length missing or not an integer",
                ))
            }
        };
        let len =
            u64::try_from(length).map_err(|_| PdfError::Invalid("negative stream /Length"))?;
        let end = start
            .checked_add(len)
            .filter(|&e| e <= self.reader.len)
            .ok_or(PdfError::syntax(
                start,
                "stream /Length runs past the end of the file",
            ))?;
        self.reader.check_stream_end(end)?;
        Ok(Object::Stream(Stream {
            dict,
            data: StreamData::InFile { offset: start, len },
        }))
    }

    fn load_from_objstm(
        &self,
        num: u32,
        stream: u32,
        index: u32,
        stack: &mut Vec<ObjRef>,
    ) -> Result<Object, PdfError> {
        let cached = self.lock_cache().get(stream);
        let objstm = match cached {
            Some(s) => s,
            None => {
                if !matches!(
                    self.xref.get(stream),
                    Some(XrefEntry::InFile { gen: 0, .. })
                ) {
                    return Err(PdfError::Invalid(
                        "object stream is not an object stored directly in the file",
                    ));
                }
                let Object::Stream(s) = self.load(ObjRef::new(stream, 0), stack)? else {
                    return Err(PdfError::Invalid("object stream is not a stream"));
                };
                self.lock_cache().shed_oversized();
                let data = self.decode_stream(&s, stack)?;
                let os = Arc::new(ObjStm::new(&s.dict, data, &self.reader.limits)?);
                self.lock_cache().insert(stream, Arc::clone(&os));
                os
            }
        };
        let (obj, consumed, elements) = objstm.object(index, num, &self.reader.limits)?;
        self.reader.work.charge(
            (consumed as u64).saturating_add(elements as u64 * crate::work::WORK_PER_ELEMENT),
        )?;
        Ok(obj)
    }
}
