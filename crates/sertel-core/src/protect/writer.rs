//! Rewriting a whole document: every object of the newest revision, read through
//! `sertel_pdf` (decrypted when the document has its file key), written again as a new file
//! with one cross-reference section. Object and cross-reference streams are not copied: the
//! objects they held are written on their own, and a new section replaces theirs.

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use sertel_pdf::{Dict, Document, FileWriter, ObjRef, Object, PdfString, Stream, XrefStyle};

use super::ProtectError;

/// Every object of `doc` except `skip` (its encryption dictionary), with stream data in
/// memory, passed through `each` and put into `out`.
pub(crate) fn copy_objects(
    doc: &Document,
    skip: Option<ObjRef>,
    out: &mut FileWriter,
    mut each: impl FnMut(&Document, Object) -> Result<Object, ProtectError>,
) -> Result<(), ProtectError> {
    let refs: Vec<ObjRef> = doc.objects().filter(|r| Some(*r) != skip).collect();
    for r in refs {
        let obj = match doc.get(r)? {
            Object::Stream(s) => {
                if s.dict.has_name(b"Type", b"XRef") || s.dict.has_name(b"Type", b"ObjStm") {
                    continue;
                }
                let data = doc.stream_raw(&s)?;
                Object::Stream(Stream::new(s.dict, data))
            }
            other => other,
        };
        out.put(r, each(doc, obj)?);
    }
    Ok(())
}

/// The new file's trailer: `/Root` and `/Info` of `doc`, and an `/ID` keeping the original
/// first element (or a random one) with a fresh random second element.
pub(crate) fn trailer(doc: &Document) -> Result<Dict, ProtectError> {
    let old = doc.trailer();
    let root = old.get_ref(b"Root").ok_or(sertel_pdf::PdfError::Invalid(
        "trailer /Root missing or not a reference",
    ))?;
    let mut t = Dict::new();
    t.set(b"Root", Object::Reference(root));
    if let Some(info @ Object::Reference(_)) = old.get(b"Info") {
        t.set(b"Info", info.clone());
    }
    let first = match old.get_array(b"ID") {
        Some([Object::String(first), _]) if !first.bytes.is_empty() => first.clone(),
        _ => PdfString::hex(random16()?.to_vec()),
    };
    t.set(
        b"ID",
        Object::Array(vec![
            Object::String(first),
            Object::String(PdfString::hex(random16()?.to_vec())),
        ]),
    );
    Ok(t)
}

fn random16() -> Result<[u8; 16], ProtectError> {
    let mut b = [0u8; 16];
    SystemRandom::new()
        .fill(&mut b)
        .map_err(|_| ProtectError::Crypto("random source"))?;
    Ok(b)
}

/// Finishes the file.
pub(crate) fn finish(
    out: FileWriter,
    trailer: Dict,
    style: XrefStyle,
) -> Result<Vec<u8>, ProtectError> {
    Ok(out.finish(trailer, style)?)
}
