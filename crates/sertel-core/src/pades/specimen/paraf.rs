//! The paraf: the initials a drafting official puts on a letter before the head signs it,
//! made an approval signature of its own. A compact box:
//!
//! ```text
//! ┌───────┬───────────────────────────────┐
//! │  AS   │ Ahmad Syafei, S.Kom. (bold)   │
//! │       │ Kepala Bidang Persandian      │
//! │ Paraf │ 24-11-2026 09:15 WIB          │
//! └───────┴───────────────────────────────┘
//! ```
//!
//! It is placed like the specimen, by page and position or at a marker (`$paraf$` by default).

use serde::{Deserialize, Serialize};
use sertel_pdf::{Document, IncrementalUpdate, ObjRef};
use x509_cert::Certificate;

use super::draw::{form_xobject, frame, Fonts, Line, FRAME_RGB};
use super::error::SpecimenError;
use super::locate::{locate, BoxSizes};
use super::num;
use super::options::Placement;
use crate::certinfo::common_name;
use crate::pades::placement::Placed;
use crate::pades::text::display_date;

/// The marker text a letter carries where a paraf goes, by default.
pub const DEFAULT_PARAF_MARKER: &str = "$paraf$";

/// The paraf's smallest and default box, in points (the default about 5.3 × 1.5 cm).
pub const PARAF_SIZES: BoxSizes = BoxSizes {
    min: (60.0, 24.0),
    default: (150.0, 42.0),
};

/// The label under the initials.
pub const LABEL: &str = "Paraf";

const PAD: f64 = 3.5;
const GUTTER: f64 = 4.0;
const LEADING: f64 = 1.2;

/// A paraf: who puts it and where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paraf {
    /// Where it goes; a marker placement without a size takes [`PARAF_SIZES`]' default.
    pub placement: Placement,
    /// The official's name as shown; default: the certificate's common name.
    #[serde(default)]
    pub name: Option<String>,
    /// The initials shown large; default: taken from the name.
    #[serde(default)]
    pub initials: Option<String>,
    /// The official's position (jabatan).
    #[serde(default)]
    pub jabatan: Option<String>,
}

impl Paraf {
    /// A paraf at the default marker, with the certificate's name and no jabatan.
    pub fn at_marker() -> Paraf {
        Paraf {
            placement: Placement::Marker {
                text: DEFAULT_PARAF_MARKER.into(),
                first: false,
                size: None,
            },
            name: None,
            initials: None,
            jabatan: None,
        }
    }
}

/// The initials of a name: the first letter of each word before the first comma (the
/// degrees after it are left out), skipping titles written with a full stop ("Dr.", "Ir.");
/// at most four.
pub fn initials(name: &str) -> String {
    let person = name.split(',').next().unwrap_or_default();
    let letters: String = person
        .split_whitespace()
        .filter(|w| !w.ends_with('.'))
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .take(4)
        .collect();
    if letters.is_empty() {
        name.chars()
            .filter(|c| c.is_alphabetic())
            .take(2)
            .flat_map(char::to_uppercase)
            .collect()
    } else {
        letters
    }
}

/// The lines of the text column at `size`, if they fit a column `width` × `height` whose
/// lower-left corner is (`x`, `bottom`).
fn text_lines(
    fonts: &Fonts,
    [name, jabatan, date]: [&str; 3],
    size: f64,
    (x, bottom, width, height): (f64, f64, f64, f64),
) -> Option<Vec<Line>> {
    let small = size * 0.85;
    let mut rows: Vec<(bool, f64, String)> = fonts
        .wrap(true, name, size, width, 2)?
        .into_iter()
        .map(|l| (true, size, l))
        .collect();
    for (text, lines) in [(jabatan, 2), (date, 1)] {
        if !text.trim().is_empty() {
            rows.extend(
                fonts
                    .wrap(false, text, small, width, lines)?
                    .into_iter()
                    .map(|l| (false, small, l)),
            );
        }
    }
    let needed: f64 = rows.iter().map(|r| r.1 * LEADING).sum();
    if needed > height {
        return None;
    }
    // Centred vertically in the column.
    let ascent = fonts.face(false).ascent();
    let mut top = bottom + (height + needed) / 2.0;
    Some(
        rows.into_iter()
            .map(|(bold, size, text)| {
                let y = top - size * ascent;
                top -= size * LEADING;
                Line {
                    bold,
                    size,
                    text,
                    x,
                    y,
                }
            })
            .collect(),
    )
}

/// Builds the paraf for a signature made at `time` on `doc`: places it, draws it into `upd`
/// and, for a marker, prepares the page content without it (only when `may_rewrite`).
///
/// # Errors
/// The placement errors of [`locate`]; [`SpecimenError::BadBox`] when the text does not fit
/// even at the smallest size; [`SpecimenError::Font`] if the font cannot be subset.
pub fn build(
    doc: &Document,
    pages: &[ObjRef],
    upd: &mut IncrementalUpdate,
    paraf: &Paraf,
    certificate: &Certificate,
    time: i64,
    may_rewrite: bool,
) -> Result<Placed, SpecimenError> {
    let at = locate(doc, pages, &paraf.placement, PARAF_SIZES, may_rewrite)?;
    let (w, h) = (at.width, at.height);
    let given = |o: &Option<String>| o.clone().filter(|s| !s.trim().is_empty());
    let name = given(&paraf.name)
        .or_else(|| common_name(certificate))
        .unwrap_or_default();
    let marks = given(&paraf.initials).unwrap_or_else(|| initials(&name));
    let date = display_date(time);
    let jabatan = given(&paraf.jabatan).unwrap_or_default();
    let mut fonts = Fonts::new()?;

    let col = (h - 2.0 * PAD).min(w * 0.3);
    let x0 = PAD + col + GUTTER;
    let column = (x0, PAD, w - x0 - PAD, h - 2.0 * PAD);
    let bad = || SpecimenError::BadBox {
        width: w,
        height: h,
        min_width: PARAF_SIZES.min.0,
        min_height: PARAF_SIZES.min.1,
    };
    let mut lines = (0..=16)
        .map(|i| 8.0 - f64::from(i) * 0.25)
        .find_map(|size| text_lines(&fonts, [&name, &jabatan, &date], size, column))
        .ok_or_else(bad)?;
    // The left column: the initials large, the label small under them.
    let label_size = (col * 0.2).min(6.0);
    let regular = fonts.face(false);
    lines.push(Line {
        bold: false,
        size: label_size,
        text: LABEL.into(),
        x: PAD + (col - regular.width(LABEL, label_size)) / 2.0,
        y: PAD + label_size * 0.3,
    });
    let bold = fonts.face(true);
    let per_point = bold.width(&marks, 1.0).max(0.01);
    let room = col - label_size * LEADING;
    let big = (col * 0.85 / per_point).min(room * 0.62);
    lines.push(Line {
        bold: true,
        size: big,
        text: marks.clone(),
        x: PAD + (col - bold.width(&marks, big)) / 2.0,
        y: PAD + label_size * LEADING + (room - big * 0.72) / 2.0,
    });

    let mut c = frame(w, h);
    c.push_str(&format!(
        "q {FRAME_RGB} RG 0.5 w {x} {y0} m {x} {y1} l S Q\n",
        x = num(PAD + col + GUTTER / 2.0),
        y0 = num(PAD),
        y1 = num(h - PAD)
    ));
    c.push_str(&fonts.show(&lines));
    let form = form_xobject(upd, &fonts, (w, h), at.view.matrix(w, h), &c, None)?;
    Ok(Placed {
        page_index: at.page_index,
        rect: at.view.rect_of(at.x, at.y, w, h),
        form,
        content: at.content,
        document_id: None,
        verify_url: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_leave_titles_and_degrees_out() {
        assert_eq!(initials("Dr. Ir. Ňoman Sëtiawan, S.T., M.Eng."), "ŇS");
        assert_eq!(initials("Ahmad Syafei, S.Kom."), "AS");
        assert_eq!(initials("siti nurhaliza binti ahmad yusuf"), "SNBA");
        assert_eq!(initials("Dr."), "DR");
    }
}
