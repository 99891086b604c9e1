//! Document timestamps (PAdES B-LTA, ISO 32000-2 §12.8.5): an RFC 3161 token over the whole
//! file so far, put in a signature dictionary of type `/DocTimeStamp` with sub-filter
//! `ETSI.RFC3161`. It proves that the file — its signatures and the validation data in its
//! DSS — existed at the token's time, so they can be validated after their certificates
//! expire or their algorithms weaken.

use std::path::Path;

use sertel_pdf::{Dict, IncrementalUpdate, Name, Object};

use super::appearance::empty_xobject;
use super::error::SignError;
use super::fields::{add_signature_field, free_name, NewField};
use super::placeholder;
use super::prepare::SignedFile;
use super::slot::{open_input, write_slot, SlotSource};
use crate::tsp;

/// Room reserved for the token (with the authority's certificate and chain).
pub const TOKEN_RESERVE: usize = 16 * 1024;

fn dictionary(capacity: usize) -> Dict {
    let mut d = Dict::default();
    d.set(b"Type", Object::Name(Name::from("DocTimeStamp")));
    d.set(b"Filter", Object::Name(Name::from("Adobe.PPKLite")));
    d.set(b"SubFilter", Object::Name(Name::from("ETSI.RFC3161")));
    d.set(b"ByteRange", placeholder::byte_range_object());
    d.set(b"Contents", placeholder::contents_object(capacity));
    d
}

/// Appends a document timestamp from the TSA at `tsa_url` to `input`, writing `output`
/// (`overwrite` allows replacing an existing file, `input` itself included).
pub fn timestamp_document(
    input: &Path,
    output: &Path,
    tsa_url: &str,
    overwrite: bool,
) -> Result<SignedFile, SignError> {
    let mut capacity = TOKEN_RESERVE;
    // A token larger than the reserve is the one case where the slot is too small: a second
    // pass reserves what the first one needed.
    for _ in 0..2 {
        match attempt(input, output, tsa_url, overwrite, capacity) {
            Err(SignError::ContentsTooSmall { needed, .. }) => {
                capacity = (needed + 2048).next_multiple_of(256);
            }
            other => return other,
        }
    }
    Err(SignError::ContentsTooSmall {
        needed: capacity,
        capacity,
    })
}

fn attempt(
    input: &Path,
    output: &Path,
    tsa_url: &str,
    overwrite: bool,
    capacity: usize,
) -> Result<SignedFile, SignError> {
    let (file, doc) = open_input(input, output, overwrite)?;
    let pdf_err = |source| SignError::Pdf {
        path: input.into(),
        source,
    };
    let page = *doc.pages().map_err(pdf_err)?.first().ok_or_else(|| {
        pdf_err(sertel_pdf::PdfError::Unsupported(
            "a document without pages".into(),
        ))
    })?;
    let name = free_name(&doc, "DocTimeStamp").map_err(pdf_err)?;
    let mut upd = IncrementalUpdate::new(&doc).map_err(pdf_err)?;
    let sig_ref = upd.allocate();
    let ap_ref = upd.allocate();
    upd.put(sig_ref, Object::Dictionary(dictionary(capacity)));
    upd.put(ap_ref, empty_xobject());
    add_signature_field(
        &doc,
        &mut upd,
        &NewField {
            name: &name,
            page,
            rect: [0.0; 4],
            value: Some(sig_ref),
            appearance: Some(ap_ref),
            lock: None,
        },
    )
    .map_err(pdf_err)?;
    let written = upd.finish().map_err(pdf_err)?;
    let source = SlotSource {
        file: &file,
        path: input,
        len: doc.len(),
    };
    let slot = write_slot(&source, written, sig_ref, capacity, output, &|_| {})?;
    let token = tsp::client::timestamp_imprint(
        tsa_url,
        tsp::client::sha256_imprint(slot.digest())?,
        tsp::client::DEFAULT_TIMEOUT,
    )?;
    let byte_range = slot.byte_range();
    let digest = hex::encode(slot.digest());
    // The file is read whole before it is replaced: a rename onto the input is safe.
    let size = slot.fill(&token.token_der, output, overwrite)?;
    Ok(SignedFile {
        path: output.to_path_buf(),
        size,
        byte_range,
        digest,
        cms_len: token.token_der.len(),
        document_id: None,
        verify_url: None,
    })
}
