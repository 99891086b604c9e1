//! Placing the specimen where a marker text (default `$ttd$`) stands in the letter.
//!
//! Each page's content streams are interpreted ([`interpret`]) to learn which character codes
//! are shown where and what text they stand for ([`fonts`], [`cmap`]); the marker is looked
//! up in the page's text in showing order, so it may be split across `TJ` elements or
//! operators. The page content is then rewritten without the marker's glyphs ([`rewrite`]).
//! Text inside form XObjects and annotations is not searched.
//!
//! Everything is bounded: content parsing by the document's [`sertel_pdf::Limits`], the
//! interpreter by its state-depth and font-count limits, CMaps by their entry limit.

pub mod cmap;
pub mod fonts;
pub mod interpret;
pub mod rewrite;
pub mod standard14;

use sertel_pdf::{content_operations, Dict, Document, ObjRef, Object, PdfError};

use super::error::SpecimenError;
use super::geometry::PageView;
use interpret::{shown_text, Shown};

/// Where the marker was found, and the page content without it.
#[derive(Clone, Debug, PartialEq)]
pub struct MarkerHit {
    /// The page's index (0-based).
    pub page_index: usize,
    /// The marker's left edge and top, in view space (as the reader sees the page).
    pub left: f64,
    /// The marker's top edge in view space.
    pub top: f64,
    /// The page's whole content (its streams joined) with the marker's glyphs removed.
    pub content: Vec<u8>,
}

/// The page's content streams, decoded and joined by newlines.
pub fn page_content(doc: &Document, page: ObjRef) -> Result<Vec<u8>, PdfError> {
    let Object::Dictionary(d) = doc.get(page)? else {
        return Ok(Vec::new());
    };
    let streams = match d.get(b"Contents").map(|o| doc.resolve(o)).transpose()? {
        Some(Object::Stream(s)) => vec![s],
        Some(Object::Array(items)) => {
            let mut v = Vec::new();
            for item in items.iter().take(10_000) {
                if let Object::Stream(s) = doc.resolve(item)? {
                    v.push(s);
                }
            }
            v
        }
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for s in streams {
        out.extend_from_slice(&doc.stream_decoded(&s)?);
        out.push(b'\n');
    }
    Ok(out)
}

fn page_fonts(doc: &Document, page: ObjRef) -> Result<Dict, PdfError> {
    let Some(res) = doc.inherited(page, b"Resources")? else {
        return Ok(Dict::default());
    };
    let res = doc.resolve(&res)?.into_dict().unwrap_or_default();
    match res.get(b"Font") {
        Some(f) => Ok(doc.resolve(f)?.into_dict().unwrap_or_default()),
        None => Ok(Dict::default()),
    }
}

/// The runs of shown codes that spell `marker`, in showing order.
fn occurrences<'a>(shown: &'a [Shown], marker: &str) -> Vec<Vec<&'a Shown>> {
    let mut text = String::new();
    let mut owner = Vec::new();
    for (i, s) in shown.iter().enumerate() {
        text.push_str(&s.text);
        owner.extend(std::iter::repeat_n(i, s.text.len()));
    }
    text.match_indices(marker)
        .filter_map(|(at, m)| {
            let first = *owner.get(at)?;
            let last = *owner.get(at + m.len() - 1)?;
            Some(shown[first..=last].iter().collect())
        })
        .collect()
}

/// Finds `marker` on the pages of `doc`. With `first`, the first occurrence is taken;
/// otherwise it must occur exactly once in the document.
///
/// # Errors
/// [`SpecimenError::MarkerEmpty`], [`SpecimenError::MarkerNotFound`],
/// [`SpecimenError::MarkerAmbiguous`], or [`SpecimenError::Pdf`] for a page that cannot be
/// read or interpreted.
pub fn find_marker(
    doc: &Document,
    pages: &[ObjRef],
    marker: &str,
    first: bool,
) -> Result<MarkerHit, SpecimenError> {
    if marker.trim().is_empty() {
        return Err(SpecimenError::MarkerEmpty);
    }
    let mut found: Option<MarkerHit> = None;
    let mut count = 0;
    for (index, &page) in pages.iter().enumerate() {
        let content = page_content(doc, page)?;
        let ops = content_operations(&content, doc.limits())?;
        let shown = shown_text(doc, &page_fonts(doc, page)?, &ops)?;
        let hits = occurrences(&shown, marker);
        count += hits.len();
        if found.is_none() {
            if let Some(hit) = hits.first() {
                let view = PageView::of(doc, page)?;
                let points: Vec<(f64, f64)> = hit
                    .iter()
                    .flat_map(|s| s.corners)
                    .map(|(x, y)| view.to_view(x, y))
                    .collect();
                let left = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
                let top = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                found = Some(MarkerHit {
                    page_index: index,
                    left,
                    top,
                    content: rewrite::remove(&content, &ops, hit)?,
                });
            }
        }
        if first && found.is_some() {
            break;
        }
    }
    match found {
        None => Err(SpecimenError::MarkerNotFound(marker.to_string())),
        Some(_) if count > 1 && !first => Err(SpecimenError::MarkerAmbiguous {
            marker: marker.to_string(),
            count,
        }),
        Some(hit) => Ok(hit),
    }
}
