//! The Indonesian signature specimen (the visible signature of a signed letter).
//!
//! ```text
//! ┌──────────────────────────────────────────────────────────┐
//! │ [logo]  Ditandatangani secara elektronik oleh:           │
//! │         KEPALA DINAS … (jabatan, bold, wrapped)          │
//! │ ┌────┐  Dr. Ir. Ňoman Sëtiawan, S.T., M.Eng. (bold)      │
//! │ │ QR │  Pembina Utama Muda (IV/c)                        │
//! │ └────┘  NIP 19780312 200312 1 004                        │
//! │──────────────────────────────────────────────────────────│
//! │ Dokumen ini telah ditandatangani secara elektronik …     │
//! └──────────────────────────────────────────────────────────┘
//! ```
//!
//! The QR code carries the public verification URL of this very document: a fresh random
//! 128-bit document id ([`docid`]) put into the configured URL template. The id is also
//! recorded in the signature dictionary (`/SertelDocumentId`) and returned with the signing
//! result, for the app to register with the server. Text is set in an embedded subset of
//! DejaVu Sans ([`font`]); the box reads upright on rotated pages ([`geometry`]); it is placed
//! by page and position or where a marker text stands ([`marker`]).

pub mod docid;
pub mod error;
pub mod font;
pub mod footer;
pub mod geometry;
pub mod layout;
pub mod logo;
pub mod marker;
pub mod options;
pub mod qr;

use const_oid::db::rfc4519::SERIAL_NUMBER;
use sertel_pdf::{Dict, Document, IncrementalUpdate, Name, ObjRef, Object, Stream};
use x509_cert::Certificate;

pub use error::SpecimenError;
pub use options::{PageChoice, Placement, Specimen, DEFAULT_MARKER, DEFAULT_SIZE};

use crate::certinfo::{common_name, name_attribute};
use geometry::PageView;
use layout::BlockText;

/// Smallest box accepted, in points.
const MIN_SIZE: (f64, f64) = (120.0, 60.0);

/// A number for a content stream: at most two decimals, no trailing zeros.
pub(crate) fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The specimen as built for one signature.
#[derive(Debug)]
pub struct BuiltSpecimen {
    /// The page's index (0-based).
    pub page_index: usize,
    /// The widget rectangle in page space.
    pub rect: [f64; 4],
    /// The appearance form XObject (its fonts and logo are in the update already).
    pub form: Object,
    /// The page content without the marker, when a marker placed the box and the content
    /// may be rewritten.
    pub content: Option<Vec<u8>>,
    /// The document id in the QR code.
    pub document_id: String,
    /// The verification URL in the QR code.
    pub verify_url: String,
}

/// "NIP 19780312 200312 1 004" from an 18-digit NIP (other text is kept, with "NIP " in front).
pub fn display_nip(nip: &str) -> String {
    let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = digits
        .strip_prefix("NIP")
        .or_else(|| digits.strip_prefix("nip"))
        .unwrap_or(&digits)
        .trim_start_matches([':', '.'])
        .to_string();
    if digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!(
            "NIP {} {} {} {}",
            &digits[..8],
            &digits[8..14],
            &digits[14..15],
            &digits[15..]
        )
    } else {
        format!("NIP {}", nip.trim().trim_start_matches("NIP").trim())
    }
}

/// What the block says for `spec` signed with `certificate`.
pub fn block_text(spec: &Specimen, certificate: &Certificate) -> BlockText {
    let tbs = &certificate.tbs_certificate;
    let given = |o: &Option<String>| o.clone().filter(|s| !s.trim().is_empty());
    let nip = given(&spec.nip).or_else(|| {
        name_attribute(&tbs.subject, SERIAL_NUMBER)
            .filter(|s| s.chars().filter(char::is_ascii_digit).count() == 18)
    });
    BlockText {
        jabatan: given(&spec.jabatan),
        name: given(&spec.name_with_titles)
            .or_else(|| common_name(certificate))
            .unwrap_or_default(),
        pangkat: given(&spec.pangkat),
        nip: nip.map(|n| display_nip(&n)),
        footer: footer::footer_text(
            &tbs.issuer,
            &spec.issuer_footers,
            spec.default_footer.as_deref(),
        ),
    }
}

fn page_index(choice: PageChoice, pages: usize) -> Result<usize, SpecimenError> {
    match choice {
        PageChoice::First => Ok(0),
        PageChoice::Last => Ok(pages.saturating_sub(1)),
        PageChoice::Number(n) if n >= 1 && n <= pages => Ok(n - 1),
        PageChoice::Number(n) => Err(SpecimenError::NoSuchPage { page: n, pages }),
    }
}

fn check_size(width: f64, height: f64, view: &PageView) -> Result<(), SpecimenError> {
    let (vw, vh) = view.view_size();
    if !(width.is_finite() && height.is_finite())
        || width < MIN_SIZE.0
        || height < MIN_SIZE.1
        || width > vw
        || height > vh
    {
        return Err(SpecimenError::BadBox { width, height });
    }
    Ok(())
}

/// Builds the specimen for a signature on `doc`: places it, draws it into `upd` (fonts, logo
/// and QR code included) and, for a marker, prepares the page content without it. The page
/// content is only rewritten when `may_rewrite` (no earlier signature covers the page);
/// otherwise the opaque box covers the marker.
pub fn build(
    doc: &Document,
    pages: &[ObjRef],
    upd: &mut IncrementalUpdate,
    spec: &Specimen,
    certificate: &Certificate,
    may_rewrite: bool,
) -> Result<BuiltSpecimen, SpecimenError> {
    let document_id = docid::new_document_id();
    let verify_url = docid::verify_url(&spec.verify_url, &document_id)?;
    let symbol = qr::QrSymbol::encode(&verify_url)?;
    let logo = spec
        .logo
        .as_deref()
        .map(logo::Logo::from_file)
        .transpose()?;
    if pages.is_empty() {
        return Err(SpecimenError::NoSuchPage { page: 1, pages: 0 });
    }
    let (index, x, y, width, height, content) = match &spec.placement {
        Placement::At {
            page,
            x,
            y,
            width,
            height,
        } => {
            let index = page_index(*page, pages.len())?;
            let view = PageView::of(doc, pages[index])?;
            check_size(*width, *height, &view)?;
            let (vw, vh) = view.view_size();
            if !(x.is_finite() && y.is_finite())
                || *x < -0.5
                || *y < -0.5
                || x + width > vw + 0.5
                || y + height > vh + 0.5
            {
                return Err(SpecimenError::BadBox {
                    width: *width,
                    height: *height,
                });
            }
            (index, *x, *y, *width, *height, None)
        }
        Placement::Marker { text, first, size } => {
            let hit = marker::find_marker(doc, pages, text, *first)?;
            let view = PageView::of(doc, pages[hit.page_index])?;
            let (width, height) = size.unwrap_or(DEFAULT_SIZE);
            check_size(width, height, &view)?;
            let (vw, vh) = view.view_size();
            let x = hit.left.clamp(0.0, vw - width);
            let y = (hit.top - height).clamp(0.0, vh - height);
            let content = may_rewrite.then_some(hit.content);
            (hit.page_index, x, y, width, height, content)
        }
    };
    let view = PageView::of(doc, pages[index])?;
    let text = block_text(spec, certificate);
    let form = layout::form(
        upd,
        width,
        height,
        view.matrix(width, height),
        &text,
        &symbol,
        logo.as_ref(),
    )?;
    Ok(BuiltSpecimen {
        page_index: index,
        rect: view.rect_of(x, y, width, height),
        form,
        content,
        document_id,
        verify_url,
    })
}

/// Points `page`'s `/Contents` at a new stream holding `content` (as already placed in `upd`,
/// or as in `doc`).
pub fn replace_content(
    doc: &Document,
    upd: &mut IncrementalUpdate,
    page: ObjRef,
    content: &[u8],
) -> Result<(), SpecimenError> {
    let mut dict = match upd.get(page.num) {
        Some(Object::Dictionary(d)) => d.clone(),
        _ => doc.get(page)?.into_dict().unwrap_or_default(),
    };
    let mut sd = Dict::default();
    sd.set(b"Filter", Object::Name(Name::from("FlateDecode")));
    let r = upd.allocate();
    upd.put(r, Object::Stream(Stream::new(sd, font::deflate(content))));
    dict.set(b"Contents", Object::Reference(r));
    upd.put(page, Object::Dictionary(dict));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_is_grouped() {
        assert_eq!(
            display_nip("197803122003121004"),
            "NIP 19780312 200312 1 004"
        );
        assert_eq!(
            display_nip("NIP 19780312 200312 1 004"),
            "NIP 19780312 200312 1 004"
        );
        assert_eq!(display_nip("12345"), "NIP 12345");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(0.126), "0.13");
        assert_eq!(num(-0.001), "0");
    }
}
