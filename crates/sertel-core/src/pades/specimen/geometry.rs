//! Page geometry as the reader sees it: the visible area (CropBox within the MediaBox, which
//! need not start at the origin) turned by `/Rotate`. The specimen is specified in this
//! "view space" (origin at the lower-left of the page as shown, y up) and converted to the
//! widget's `/Rect` in page space plus an appearance `/Matrix` that turns the drawing upright.

use sertel_pdf::{Document, ObjRef, Object, PdfError};

/// A page's visible area and rotation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PageView {
    /// The visible area in page space: `[llx, lly, urx, ury]`, normalised.
    pub area: [f64; 4],
    /// The page rotation, one of 0, 90, 180, 270 (clockwise, as shown).
    pub rotate: u16,
}

fn rect(doc: &Document, page: ObjRef, key: &[u8]) -> Result<Option<[f64; 4]>, PdfError> {
    let Some(obj) = doc.inherited(page, key)? else {
        return Ok(None);
    };
    let Object::Array(a) = doc.resolve(&obj)? else {
        return Ok(None);
    };
    if a.len() != 4 {
        return Ok(None);
    }
    let mut v = [0.0; 4];
    for (slot, o) in v.iter_mut().zip(&a) {
        match doc.resolve(o)?.as_number() {
            Some(n) if n.is_finite() => *slot = n,
            _ => return Ok(None),
        }
    }
    Ok(Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ]))
}

impl PageView {
    /// Reads the page's MediaBox, CropBox (clipped to the MediaBox) and `/Rotate`; a page
    /// without a usable MediaBox is taken as A4.
    pub fn of(doc: &Document, page: ObjRef) -> Result<PageView, PdfError> {
        let media = rect(doc, page, b"MediaBox")?.unwrap_or([0.0, 0.0, 595.28, 841.89]);
        let area = match rect(doc, page, b"CropBox")? {
            Some(c) => {
                let clipped = [
                    c[0].max(media[0]),
                    c[1].max(media[1]),
                    c[2].min(media[2]),
                    c[3].min(media[3]),
                ];
                if clipped[0] < clipped[2] && clipped[1] < clipped[3] {
                    clipped
                } else {
                    media
                }
            }
            None => media,
        };
        let rotate = match doc.inherited(page, b"Rotate")? {
            Some(o) => doc.resolve(&o)?.as_int().unwrap_or(0),
            None => 0,
        };
        let rotate = match rotate.rem_euclid(360) {
            90 => 90,
            180 => 180,
            270 => 270,
            _ => 0,
        };
        Ok(PageView { area, rotate })
    }

    fn box_size(&self) -> (f64, f64) {
        (self.area[2] - self.area[0], self.area[3] - self.area[1])
    }

    /// Width and height of the page as shown.
    pub fn view_size(&self) -> (f64, f64) {
        let (w, h) = self.box_size();
        if self.rotate % 180 == 90 {
            (h, w)
        } else {
            (w, h)
        }
    }

    /// A view-space point in page space.
    pub fn to_page(&self, u: f64, v: f64) -> (f64, f64) {
        let (w, h) = self.box_size();
        let (px, py) = match self.rotate {
            90 => (w - v, u),
            180 => (w - u, h - v),
            270 => (v, h - u),
            _ => (u, v),
        };
        (self.area[0] + px, self.area[1] + py)
    }

    /// A page-space point in view space.
    pub fn to_view(&self, x: f64, y: f64) -> (f64, f64) {
        let (w, h) = self.box_size();
        let (px, py) = (x - self.area[0], y - self.area[1]);
        match self.rotate {
            90 => (py, w - px),
            180 => (w - px, h - py),
            270 => (h - py, px),
            _ => (px, py),
        }
    }

    /// The page-space `/Rect` of a view-space box.
    pub fn rect_of(&self, x: f64, y: f64, width: f64, height: f64) -> [f64; 4] {
        let a = self.to_page(x, y);
        let b = self.to_page(x + width, y + height);
        [a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1)]
    }

    /// The appearance stream's `/Matrix`: turns the upright drawing by the page rotation so it
    /// reads upright on screen (the translation keeps the box at the origin's quadrant).
    pub fn matrix(&self, width: f64, height: f64) -> [f64; 6] {
        match self.rotate {
            90 => [0.0, 1.0, -1.0, 0.0, height, 0.0],
            180 => [-1.0, 0.0, 0.0, -1.0, width, height],
            270 => [0.0, -1.0, 1.0, 0.0, 0.0, width],
            _ => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(rotate: u16) -> PageView {
        PageView {
            area: [10.0, 20.0, 610.0, 820.0],
            rotate,
        }
    }

    #[test]
    fn view_and_page_space_round_trip() {
        for r in [0, 90, 180, 270] {
            let v = view(r);
            let (u, w) = v.to_view(100.0, 200.0);
            let (x, y) = v.to_page(u, w);
            assert!((x - 100.0).abs() < 1e-9 && (y - 200.0).abs() < 1e-9, "{r}");
        }
        assert_eq!(view(90).view_size(), (800.0, 600.0));
    }

    #[test]
    fn rotated_page_puts_the_view_origin_at_the_right_corner() {
        // /Rotate 90 shows the page turned clockwise: its lower-left corner ends up top-left,
        // so the view's lower-left is the page's lower-right.
        assert_eq!(view(90).to_page(0.0, 0.0), (610.0, 20.0));
        assert_eq!(view(270).to_page(0.0, 0.0), (10.0, 820.0));
        assert_eq!(view(180).to_page(0.0, 0.0), (610.0, 820.0));
        assert_eq!(
            view(0).rect_of(5.0, 5.0, 100.0, 50.0),
            [15.0, 25.0, 115.0, 75.0]
        );
        assert_eq!(
            view(90).rect_of(0.0, 0.0, 100.0, 50.0),
            [560.0, 20.0, 610.0, 120.0]
        );
    }

    #[test]
    fn matrix_maps_the_drawing_upright() {
        // The form's x axis (reading direction) must point along the view's x axis, which
        // on a page rotated by 90 is the page's +y.
        let m = view(90).matrix(100.0, 50.0);
        assert_eq!((m[0], m[1]), (0.0, 1.0));
        let m = view(270).matrix(100.0, 50.0);
        assert_eq!((m[0], m[1]), (0.0, -1.0));
    }
}
