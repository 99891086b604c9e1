//! Where a visible signature goes: a page and a corner of it, turned into the rectangle
//! `sertel-core` draws, from the page's own size (CropBox, else MediaBox).

use std::fs::File;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sertel_core::pades::Appearance;
use sertel_pdf::{Document, Limits, Object};

use crate::DesktopError;

/// The signature box: 200 × 70 points (about 7 × 2.5 cm), 36 points (1.27 cm) from the edges.
pub const BOX_WIDTH: f64 = 200.0;
/// The box's height in points.
pub const BOX_HEIGHT: f64 = 70.0;
/// The distance from the page edges in points.
pub const MARGIN: f64 = 36.0;

/// A place on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Corner {
    /// Bottom right, where letters are signed.
    BottomRight,
    /// Bottom centre.
    BottomCenter,
    /// Bottom left.
    BottomLeft,
    /// Top right.
    TopRight,
    /// Top left.
    TopLeft,
}

/// Visible on a page, or invisible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Placement {
    /// No mark on the page.
    Invisible,
    /// A box with the signer's name and the date.
    Visible {
        /// 1-based page; 0 means the last page.
        page: usize,
        /// Where on the page.
        corner: Corner,
    },
}

/// The appearance of a signature placed as `placement` in the PDF at `pdf`.
pub fn appearance(pdf: &Path, placement: Placement) -> Result<Appearance, DesktopError> {
    let Placement::Visible { page, corner } = placement else {
        return Ok(Appearance::Invisible);
    };
    let (width, height) = page_size(pdf, page)?;
    let x = match corner {
        Corner::BottomLeft | Corner::TopLeft => MARGIN,
        Corner::BottomCenter => (width - BOX_WIDTH) / 2.0,
        Corner::BottomRight | Corner::TopRight => width - MARGIN - BOX_WIDTH,
    };
    let y = match corner {
        Corner::TopLeft | Corner::TopRight => height - MARGIN - BOX_HEIGHT,
        _ => MARGIN,
    };
    Ok(Appearance::Visible {
        page,
        x: x.max(0.0),
        y: y.max(0.0),
        width: BOX_WIDTH,
        height: BOX_HEIGHT,
    })
}

/// Width and height in points of page `page` (1-based; 0 is the last page).
pub fn page_size(pdf: &Path, page: usize) -> Result<(f64, f64), DesktopError> {
    let unreadable = |e: sertel_pdf::PdfError| DesktopError::Corrupt {
        path: pdf.to_path_buf(),
        detail: e.to_string(),
    };
    let file = File::open(pdf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            DesktopError::FileNotFound(pdf.to_path_buf())
        } else {
            DesktopError::io(pdf)(e)
        }
    })?;
    let doc = Document::open(file, Limits::default()).map_err(unreadable)?;
    let pages = doc.pages().map_err(unreadable)?;
    let index = if page == 0 { pages.len() } else { page };
    let Some(&node) = index.checked_sub(1).and_then(|i| pages.get(i)) else {
        return Err(DesktopError::PageOutOfRange {
            page,
            pages: pages.len(),
        });
    };
    for key in [&b"CropBox"[..], b"MediaBox"] {
        let value = doc.inherited(node, key).map_err(unreadable)?;
        if let Some(Object::Array(a)) = value
            .map(|o| doc.resolve(&o))
            .transpose()
            .map_err(unreadable)?
        {
            let n = |i: usize| match a.get(i).map(|o| doc.resolve(o)) {
                Some(Ok(Object::Integer(v))) => v as f64,
                Some(Ok(Object::Real(v))) => v,
                _ => 0.0,
            };
            let (w, h) = ((n(2) - n(0)).abs(), (n(3) - n(1)).abs());
            if w > 0.0 && h > 0.0 {
                return Ok((w, h));
            }
        }
    }
    // ISO 32000 has no default page size; A4 is what the regency's letters use.
    Ok((595.0, 842.0))
}
