//! Where a visible signature goes: a page and a corner of it, or a point the owner dragged the
//! box to on the preview, turned into the rectangle `sertel-core` draws, from the page's own
//! size (CropBox, else MediaBox). A dragged box is kept inside the page.

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
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
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
    /// A box at a chosen point, as dragged on the preview.
    At {
        /// 1-based page; 0 means the last page.
        page: usize,
        /// The box's left edge, in points from the page's left edge.
        x: f64,
        /// The box's bottom edge, in points from the page's bottom edge.
        y: f64,
    },
}

/// A box on a page: the page (1-based; 0 the last) and its lower-left corner and size in
/// points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// 1-based page; 0 means the last page.
    pub page: usize,
    /// Left edge.
    pub x: f64,
    /// Bottom edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// The appearance of a signature placed as `placement` in the PDF at `pdf`.
pub fn appearance(pdf: &Path, placement: Placement) -> Result<Appearance, DesktopError> {
    Ok(match rectangle(pdf, placement, (BOX_WIDTH, BOX_HEIGHT))? {
        None => Appearance::Invisible,
        Some(r) => Appearance::Visible {
            page: r.page,
            x: r.x,
            y: r.y,
            width: r.width,
            height: r.height,
        },
    })
}

/// Where a box of `size` (width, height in points) goes when placed as `placement` in the PDF
/// at `pdf`; `None` for an invisible signature. A corner keeps [`MARGIN`] from the edges; a
/// dragged box is kept inside the page.
pub fn rectangle(
    pdf: &Path,
    placement: Placement,
    (width, height): (f64, f64),
) -> Result<Option<Rect>, DesktopError> {
    let (page, corner) = match placement {
        Placement::Invisible => return Ok(None),
        Placement::Visible { page, corner } => (page, corner),
        Placement::At { page, x, y } => {
            let (page_width, page_height) = page_size(pdf, page)?;
            let inside = |v: f64, room: f64| {
                if v.is_finite() {
                    v.clamp(0.0, room.max(0.0))
                } else {
                    0.0
                }
            };
            return Ok(Some(Rect {
                page,
                x: inside(x, page_width - width),
                y: inside(y, page_height - height),
                width,
                height,
            }));
        }
    };
    let (page_width, page_height) = page_size(pdf, page)?;
    let x = match corner {
        Corner::BottomLeft | Corner::TopLeft => MARGIN,
        Corner::BottomCenter => (page_width - width) / 2.0,
        Corner::BottomRight | Corner::TopRight => page_width - MARGIN - width,
    };
    let y = match corner {
        Corner::TopLeft | Corner::TopRight => page_height - MARGIN - height,
        _ => MARGIN,
    };
    Ok(Some(Rect {
        page,
        x: x.max(0.0),
        y: y.max(0.0),
        width,
        height,
    }))
}

fn open(pdf: &Path) -> Result<Document, DesktopError> {
    let file = File::open(pdf).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            DesktopError::FileNotFound(pdf.to_path_buf())
        } else {
            DesktopError::io(pdf)(e)
        }
    })?;
    Document::open(file, Limits::default()).map_err(unreadable(pdf))
}

fn unreadable(pdf: &Path) -> impl Fn(sertel_pdf::PdfError) -> DesktopError + '_ {
    move |e| DesktopError::Corrupt {
        path: pdf.to_path_buf(),
        detail: e.to_string(),
    }
}

/// How many pages the PDF at `pdf` has.
pub fn page_count(pdf: &Path) -> Result<usize, DesktopError> {
    let doc = open(pdf)?;
    Ok(doc.pages().map_err(unreadable(pdf))?.len())
}

/// Width and height in points of page `page` (1-based; 0 is the last page).
pub fn page_size(pdf: &Path, page: usize) -> Result<(f64, f64), DesktopError> {
    let unreadable = unreadable(pdf);
    let doc = open(pdf)?;
    let pages = doc.pages().map_err(&unreadable)?;
    let index = if page == 0 { pages.len() } else { page };
    let Some(&node) = index.checked_sub(1).and_then(|i| pages.get(i)) else {
        return Err(DesktopError::PageOutOfRange {
            page,
            pages: pages.len(),
        });
    };
    for key in [&b"CropBox"[..], b"MediaBox"] {
        let value = doc.inherited(node, key).map_err(&unreadable)?;
        if let Some(Object::Array(a)) = value
            .map(|o| doc.resolve(&o))
            .transpose()
            .map_err(&unreadable)?
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests {
    use super::*;
    use test_support::letters::{sample_letter, LetterSpec, PageSize};

    /// A sample A4 letter of `pages` pages as `dir/surat.pdf`.
    pub(crate) fn sample_pdf(dir: &Path, pages: usize) -> std::path::PathBuf {
        let pdf = dir.join("surat.pdf");
        std::fs::write(
            &pdf,
            sample_letter(&LetterSpec::new(pages, PageSize::A4Portrait)),
        )
        .unwrap();
        pdf
    }

    fn letter(dir: &Path) -> std::path::PathBuf {
        sample_pdf(dir, 2)
    }

    fn rect(a: Appearance) -> (usize, f64, f64) {
        match a {
            Appearance::Visible { page, x, y, .. } => (page, x.round(), y.round()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn corners_are_measured_from_the_page_size() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = letter(dir.path());
        let (w, _) = PageSize::A4Portrait.points();
        let placed = appearance(
            &pdf,
            Placement::Visible {
                page: 0,
                corner: Corner::BottomRight,
            },
        )
        .unwrap();
        assert_eq!(
            rect(placed),
            (0, (f64::from(w) - MARGIN - BOX_WIDTH).round(), MARGIN)
        );
        assert_eq!(page_count(&pdf).unwrap(), 2);
    }

    #[test]
    fn a_dragged_box_stays_on_the_page() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = letter(dir.path());
        let (w, h) = PageSize::A4Portrait.points();
        let at = |x, y| appearance(&pdf, Placement::At { page: 1, x, y }).unwrap();
        assert_eq!(rect(at(100.0, 200.0)), (1, 100.0, 200.0));
        assert_eq!(
            rect(at(5000.0, -20.0)),
            (1, (f64::from(w) - BOX_WIDTH).round(), 0.0)
        );
        assert_eq!(
            rect(at(f64::NAN, 1e9)),
            (1, 0.0, (f64::from(h) - BOX_HEIGHT).round())
        );
    }

    #[test]
    fn a_missing_page_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = letter(dir.path());
        let err = page_size(&pdf, 9).unwrap_err();
        assert!(
            matches!(err, DesktopError::PageOutOfRange { page: 9, pages: 2 }),
            "{err:?}"
        );
    }
}
