//! Where a visible mark goes: a box on a page, given by position or found at a marker text,
//! checked against the page. Shared by the specimen, the seal and the paraf.

use sertel_pdf::{Document, ObjRef};

use super::error::SpecimenError;
use super::geometry::PageView;
use super::marker;
use super::options::{PageChoice, Placement};

/// A box placed on a page, in view space (see [`PageView`]).
#[derive(Debug)]
pub struct Located {
    /// The page's index (0-based).
    pub page_index: usize,
    /// The page as the reader sees it.
    pub view: PageView,
    /// Left edge.
    pub x: f64,
    /// Bottom edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// The page content without the marker, when a marker placed the box and the content
    /// may be rewritten.
    pub content: Option<Vec<u8>>,
}

/// How far the box reaches above the marker's text line when the marker stays in the page
/// content, in points: enough to cover the ascenders of the marker's glyphs ("$", "t"), which
/// may rise above the line's nominal top.
const COVER_MARGIN: f64 = 3.0;

/// The smallest and the default size of one kind of box, in points.
#[derive(Clone, Copy, Debug)]
pub struct BoxSizes {
    /// Smallest width and height accepted.
    pub min: (f64, f64),
    /// Width and height at a marker when none is given.
    pub default: (f64, f64),
}

impl BoxSizes {
    fn bad(&self, width: f64, height: f64) -> SpecimenError {
        SpecimenError::BadBox {
            width,
            height,
            min_width: self.min.0,
            min_height: self.min.1,
        }
    }

    fn check(&self, width: f64, height: f64, view: &PageView) -> Result<(), SpecimenError> {
        let (vw, vh) = view.view_size();
        if !(width.is_finite() && height.is_finite())
            || width < self.min.0
            || height < self.min.1
            || width > vw
            || height > vh
        {
            return Err(self.bad(width, height));
        }
        Ok(())
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

/// Places a box of `sizes` on `doc` as `placement` says. A marker is removed from the page
/// content only when `may_rewrite` (no earlier signature covers the page); otherwise the
/// opaque box covers it.
///
/// # Errors
/// [`SpecimenError::NoSuchPage`], [`SpecimenError::BadBox`] for a box too small, not finite
/// or off the page, the marker errors of [`marker::find_marker`], or an unreadable page.
pub fn locate(
    doc: &Document,
    pages: &[ObjRef],
    placement: &Placement,
    sizes: BoxSizes,
    may_rewrite: bool,
) -> Result<Located, SpecimenError> {
    if pages.is_empty() {
        return Err(SpecimenError::NoSuchPage { page: 1, pages: 0 });
    }
    match placement {
        Placement::At {
            page,
            x,
            y,
            width,
            height,
        } => {
            let page_index = page_index(*page, pages.len())?;
            let view = PageView::of(doc, pages[page_index])?;
            sizes.check(*width, *height, &view)?;
            let (vw, vh) = view.view_size();
            if !(x.is_finite() && y.is_finite())
                || *x < -0.5
                || *y < -0.5
                || x + width > vw + 0.5
                || y + height > vh + 0.5
            {
                return Err(sizes.bad(*width, *height));
            }
            Ok(Located {
                page_index,
                view,
                x: *x,
                y: *y,
                width: *width,
                height: *height,
                content: None,
            })
        }
        Placement::Marker { text, first, size } => {
            let hit = marker::find_marker(doc, pages, text, *first)?;
            let view = PageView::of(doc, pages[hit.page_index])?;
            let (width, height) = size.unwrap_or(sizes.default);
            sizes.check(width, height, &view)?;
            let (vw, vh) = view.view_size();
            let lift = if may_rewrite { 0.0 } else { COVER_MARGIN };
            Ok(Located {
                page_index: hit.page_index,
                view,
                x: hit.left.clamp(0.0, vw - width),
                y: (hit.top + lift - height).clamp(0.0, vh - height),
                width,
                height,
                content: may_rewrite.then_some(hit.content),
            })
        }
    }
}
