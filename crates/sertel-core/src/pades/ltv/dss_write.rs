//! Writing the document security store (ISO 32000-2 §12.8.4.3) as one incremental update: the
//! store's `/Certs`, `/CRLs` and `/OCSPs` keep what they held and gain the new items (each
//! once, compared by content), and each signature gets a `/VRI` entry — keyed by the uppercase
//! hex SHA-1 of its `/Contents` — naming the items that validate it.

use std::collections::HashMap;
use std::fs::File;
use std::io::Write;
use std::path::Path;

use aws_lc_rs::digest;
use sertel_pdf::{Dict, Document, IncrementalUpdate, Limits, Name, ObjRef, Object, Stream};
use tempfile::NamedTempFile;

use super::error::LtvError;
use super::material::{Kind, Material};
use crate::pades::slot::persist;
use crate::pades::SignError;

/// The material of one signature, and its `/Contents` for the VRI key.
#[derive(Debug)]
pub struct SignatureMaterial {
    /// The signature's `/Contents` bytes, zero padding included.
    pub contents: Vec<u8>,
    /// What validates it.
    pub material: Material,
}

const KINDS: [Kind; 3] = [Kind::Certificate, Kind::Crl, Kind::Ocsp];

/// The store keys of each kind: the flat list, and the VRI entry's list.
fn keys(kind: Kind) -> (&'static [u8], &'static [u8]) {
    match kind {
        Kind::Certificate => (b"Certs", b"Cert"),
        Kind::Crl => (b"CRLs", b"CRL"),
        Kind::Ocsp => (b"OCSPs", b"OCSP"),
    }
}

/// The VRI key of a signature: the uppercase hex SHA-1 of its `/Contents`.
pub fn vri_key(contents: &[u8]) -> String {
    hex::encode_upper(digest::digest(&digest::SHA1_FOR_LEGACY_USE_ONLY, contents))
}

fn resolved_dict(doc: &Document, o: Option<&Object>) -> Dict {
    match o.map(|o| doc.resolve(o)) {
        Some(Ok(Object::Dictionary(d))) => d,
        _ => Dict::default(),
    }
}

/// Appends the store to `input`, writing `output`. Returns the output's size.
pub fn write_dss(
    input: &Path,
    output: &Path,
    signatures: &[SignatureMaterial],
    overwrite: bool,
) -> Result<u64, LtvError> {
    if !overwrite && output.exists() {
        return Err(SignError::OutputExists {
            path: output.into(),
        }
        .into());
    }
    let pdf_err = |source| SignError::Pdf {
        path: input.into(),
        source,
    };
    let mut file = File::open(input).map_err(SignError::io(input))?;
    let doc = Document::open(
        file.try_clone().map_err(SignError::io(input))?,
        Limits::default(),
    )
    .map_err(pdf_err)?;
    let (catalog_ref, mut catalog) = doc.catalog().map_err(pdf_err)?;
    let old = resolved_dict(&doc, catalog.get(b"DSS"));
    let mut upd = IncrementalUpdate::new(&doc).map_err(pdf_err)?;

    // What the store holds already, by content.
    let mut known: HashMap<Vec<u8>, ObjRef> = HashMap::new();
    let mut lists: Vec<(&[u8], Vec<Object>)> = Vec::new();
    for kind in KINDS {
        let (key, _) = keys(kind);
        let items = match old.get(key).map(|o| doc.resolve(o)) {
            Some(Ok(Object::Array(a))) => a,
            _ => Vec::new(),
        };
        for item in &items {
            if let (Object::Reference(r), Ok(Object::Stream(s))) = (item, doc.resolve(item)) {
                if let Ok(bytes) = doc.stream_decoded(&s) {
                    known.insert(bytes, *r);
                }
            }
        }
        lists.push((key, items));
    }

    let mut vri = resolved_dict(&doc, old.get(b"VRI"));
    for sig in signatures {
        let mut entry = Dict::default();
        for (kind, items) in sig.material.lists() {
            let (key, vri_list) = keys(kind);
            let mut refs = Vec::new();
            for der in items {
                let r = match known.get(der) {
                    Some(r) => *r,
                    None => {
                        let r = upd.allocate();
                        upd.put(r, Object::Stream(Stream::new(Dict::default(), der.clone())));
                        known.insert(der.clone(), r);
                        if let Some((_, list)) = lists.iter_mut().find(|(k, _)| *k == key) {
                            list.push(Object::Reference(r));
                        }
                        r
                    }
                };
                refs.push(Object::Reference(r));
            }
            if !refs.is_empty() {
                entry.set(vri_list, Object::Array(refs));
            }
        }
        vri.set(
            Name::from(vri_key(&sig.contents).as_str()),
            Object::Dictionary(entry),
        );
    }

    let mut dss = Dict::default();
    dss.set(b"Type", Object::Name(Name::from("DSS")));
    for (key, items) in lists {
        if !items.is_empty() {
            dss.set(key, Object::Array(items));
        }
    }
    dss.set(b"VRI", Object::Dictionary(vri));
    let dss_ref = match catalog.get(b"DSS") {
        Some(Object::Reference(r)) => *r,
        _ => upd.allocate(),
    };
    upd.put(dss_ref, Object::Dictionary(dss));
    catalog.set(b"DSS", Object::Reference(dss_ref));
    upd.put(catalog_ref, Object::Dictionary(catalog));
    let written = upd.finish().map_err(pdf_err)?;

    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = NamedTempFile::new_in(dir).map_err(SignError::io(dir))?;
    std::io::copy(&mut file, temp.as_file_mut()).map_err(SignError::io(input))?;
    let out = temp.as_file_mut();
    out.write_all(&written.bytes)
        .and_then(|_| out.sync_all())
        .map_err(SignError::io(output))?;
    let size = out.metadata().map_err(SignError::io(output))?.len();
    persist(temp, output, overwrite)?;
    Ok(size)
}
