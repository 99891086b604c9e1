//! The preview: the letter exactly as it will look once signed — the same placement, the same
//! drawing, the marker removed — but without a signature, for the app to render before the
//! signer commits. The appearance is attached as a printable `/Stamp` annotation (drawn by
//! the same rules as a signature widget), so no empty signature field is left behind.
//!
//! The QR code of a preview carries a document id of its own: signing draws a fresh one.

use std::io::Write;
use std::path::{Path, PathBuf};

use sertel_pdf::{Dict, Document, IncrementalUpdate, Limits, Name, Object};
use x509_cert::Certificate;

use super::error::SignError;
use super::options::SignOptions;
use super::placement::place;
use super::text::display_date;
use crate::certinfo::common_name;

/// `/F 4`: Print.
const STAMP_FLAGS: i64 = 4;

/// What [`write_preview`] wrote.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Preview {
    /// The preview PDF.
    pub path: PathBuf,
    /// The page (1-based) that shows the signature.
    pub page: usize,
    /// The box in page space.
    pub rect: [f64; 4],
}

/// Writes to `output` the preview of signing `input` with `certificate` and `opts` (only the
/// appearance and time of `opts` matter). `output` is replaced if it exists.
///
/// # Errors
/// As signing: an unreadable or encrypted PDF, a specimen that cannot be built or placed,
/// or a failed write.
pub fn write_preview(
    input: &Path,
    output: &Path,
    certificate: &Certificate,
    opts: &SignOptions,
) -> Result<Preview, SignError> {
    let pdf_err = |source| SignError::Pdf {
        path: input.into(),
        source,
    };
    let bytes = std::fs::read(input).map_err(SignError::io(input))?;
    let doc = Document::open(bytes.clone(), Limits::default()).map_err(pdf_err)?;
    if doc.is_encrypted() {
        return Err(SignError::Encrypted { path: input.into() });
    }
    let pages = doc.pages().map_err(pdf_err)?;
    let may_rewrite = crate::verify::fields::signature_fields(&doc)
        .map_err(pdf_err)?
        .is_empty();
    let time = opts
        .signing_time
        .unwrap_or_else(|| time::OffsetDateTime::now_utc().unix_timestamp());
    let signer_name = common_name(certificate).unwrap_or_default();
    let mut upd = IncrementalUpdate::new(&doc).map_err(pdf_err)?;
    let placed = place(
        &doc,
        &pages,
        &mut upd,
        &opts.appearance,
        &signer_name,
        time,
        certificate,
        may_rewrite,
    )?;
    let page = *pages.get(placed.page_index).ok_or_else(|| {
        pdf_err(sertel_pdf::PdfError::Unsupported(
            "a document without pages".into(),
        ))
    })?;
    if let Some(content) = &placed.content {
        super::specimen::replace_content(&doc, &mut upd, page, content)?;
    }
    let ap_ref = upd.allocate();
    upd.put(ap_ref, placed.form);
    let stamp_ref = upd.allocate();
    let mut stamp = Dict::default();
    stamp.set(b"Type", Object::Name(Name::from("Annot")));
    stamp.set(b"Subtype", Object::Name(Name::from("Stamp")));
    stamp.set(
        b"Rect",
        Object::Array(placed.rect.iter().map(|v| Object::Real(*v)).collect()),
    );
    stamp.set(b"F", Object::Integer(STAMP_FLAGS));
    stamp.set(b"P", Object::Reference(page));
    stamp.set(
        b"Contents",
        Object::String(super::text::text_string(&format!(
            "Pratinjau tanda tangan elektronik {signer_name}, {}",
            display_date(time)
        ))),
    );
    stamp.set(
        b"AP",
        Object::Dictionary(Dict::from_pairs([("N", Object::Reference(ap_ref))])),
    );
    upd.put(stamp_ref, Object::Dictionary(stamp));

    let mut page_dict = match upd.get(page.num) {
        Some(Object::Dictionary(d)) => d.clone(),
        _ => doc
            .get(page)
            .map_err(pdf_err)?
            .into_dict()
            .unwrap_or_default(),
    };
    match page_dict.get(b"Annots").cloned() {
        Some(Object::Reference(r)) => {
            let mut items = doc
                .get(r)
                .map_err(pdf_err)?
                .into_array()
                .unwrap_or_default();
            items.push(Object::Reference(stamp_ref));
            upd.put(r, Object::Array(items));
        }
        other => {
            let mut items = other.and_then(Object::into_array).unwrap_or_default();
            items.push(Object::Reference(stamp_ref));
            page_dict.set(b"Annots", Object::Array(items));
        }
    }
    upd.put(page, Object::Dictionary(page_dict));
    let written = upd.finish().map_err(pdf_err)?;

    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(SignError::io(dir))?;
    temp.write_all(&bytes)
        .and_then(|()| temp.write_all(&written.bytes))
        .map_err(SignError::io(output))?;
    temp.persist(output).map_err(|e| SignError::Io {
        path: output.into(),
        source: e.error,
    })?;
    Ok(Preview {
        path: output.into(),
        page: placed.page_index + 1,
        rect: placed.rect,
    })
}
