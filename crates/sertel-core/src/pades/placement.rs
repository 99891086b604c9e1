//! Where a signature shows and what it looks like: the chosen [`Appearance`] turned into a
//! page, a widget rectangle, an appearance stream and, for the specimen at a marker, the page
//! content without the marker. Shared by signing and by the preview.

use sertel_pdf::{Document, IncrementalUpdate, ObjRef, Object, PdfError};
use x509_cert::Certificate;

use super::appearance;
use super::error::SignError;
use super::options::Appearance;
use super::specimen;
use super::text::display_date;

/// The appearance of one signature, placed (what the specimen and paraf builders return).
#[derive(Debug)]
pub struct Placed {
    /// The page carrying the widget (0-based).
    pub page_index: usize,
    /// The widget rectangle in page space (all zero for an invisible signature).
    pub rect: [f64; 4],
    /// The appearance form XObject.
    pub form: Object,
    /// The page content to write instead of the current one (marker removed).
    pub content: Option<Vec<u8>>,
    /// The document id of the specimen's QR code.
    pub document_id: Option<String>,
    /// The verification URL of the specimen's QR code.
    pub verify_url: Option<String>,
}

/// The lower-left corner of the page's visible area (CropBox, else MediaBox).
fn page_origin(doc: &Document, page: Option<ObjRef>) -> Result<(f64, f64), PdfError> {
    let Some(page) = page else {
        return Ok((0.0, 0.0));
    };
    let view = specimen::geometry::PageView::of(doc, page)?;
    Ok((view.area[0], view.area[1]))
}

/// Places `appearance` on `doc` (whose pages are `pages`), drawing what it needs into `upd`.
/// `may_rewrite` allows rewriting page content (no earlier signature covers it).
#[allow(clippy::too_many_arguments)]
pub fn place(
    doc: &Document,
    pages: &[ObjRef],
    upd: &mut IncrementalUpdate,
    appearance: &Appearance,
    signer_name: &str,
    time: i64,
    certificate: &Certificate,
    may_rewrite: bool,
) -> Result<Placed, SignError> {
    let pdf_err = |source| SignError::Pdf {
        path: Default::default(),
        source,
    };
    Ok(match appearance {
        Appearance::Invisible => Placed {
            page_index: 0,
            rect: [0.0; 4],
            form: appearance::empty_xobject(),
            content: None,
            document_id: None,
            verify_url: None,
        },
        Appearance::Visible {
            page,
            x,
            y,
            width,
            height,
        } => {
            let idx = if *page == 0 || *page > pages.len() {
                pages.len().saturating_sub(1)
            } else {
                page - 1
            };
            let origin = page_origin(doc, pages.get(idx).copied()).map_err(pdf_err)?;
            let content = appearance::content(*width, *height, signer_name, &display_date(time));
            Placed {
                page_index: idx,
                rect: [
                    origin.0 + x,
                    origin.1 + y,
                    origin.0 + x + width,
                    origin.1 + y + height,
                ],
                form: appearance::form_xobject(*width, *height, content),
                content: None,
                document_id: None,
                verify_url: None,
            }
        }
        Appearance::Specimen(spec) | Appearance::Seal(spec) => {
            let variant = match appearance {
                Appearance::Seal(_) => specimen::Variant::Seal,
                _ => specimen::Variant::Signature,
            };
            specimen::build(doc, pages, upd, spec, certificate, may_rewrite, variant)?
        }
        Appearance::Paraf(paraf) => {
            specimen::paraf::build(doc, pages, upd, paraf, certificate, time, may_rewrite)?
        }
    })
}
