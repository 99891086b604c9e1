//! The specimen's drawing: a framed block with the logo and the QR code in a left column, the
//! heading, jabatan, name, pangkat and NIP beside them, and the issuer footer under a rule
//! across the whole width. Sizes follow the box: the largest font size at which every line fits
//! is chosen (long jabatan and names wrap).

use sertel_pdf::{Dict, IncrementalUpdate, Object};

use super::draw::{form_xobject, frame, rule, Fonts, Line};
use super::error::SpecimenError;
use super::logo::Logo;
use super::num;
use super::qr::QrSymbol;

/// The heading above the signer's position.
pub const HEADING: &str = "Ditandatangani secara elektronik oleh:";

/// The heading of an agency's electronic seal.
pub const SEAL_HEADING: &str = "Disegel secara elektronik oleh:";

const PAD: f64 = 5.0;
const GUTTER: f64 = 6.0;
const LEADING: f64 = 1.22;

/// What the block says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlockText {
    /// The heading ([`HEADING`] or [`SEAL_HEADING`]).
    pub heading: String,
    /// The signer's position (jabatan).
    pub jabatan: Option<String>,
    /// The full name with titles.
    pub name: String,
    /// Rank and grade.
    pub pangkat: Option<String>,
    /// The NIP as printed (e.g. "NIP 19780312 200312 1 004").
    pub nip: Option<String>,
    /// The issuer footer.
    pub footer: String,
}

/// Where everything goes at one font size, if it fits.
struct Plan {
    lines: Vec<Line>,
    qr: (f64, f64, f64),
    logo: Option<(f64, f64, f64, f64)>,
    rule_y: f64,
}

fn plan(
    fonts: &Fonts,
    t: &BlockText,
    w: f64,
    h: f64,
    size: f64,
    logo: Option<f64>,
) -> Option<Plan> {
    let regular = fonts.face(false);
    let fsize = (size * 0.74).max(3.0);
    let footer = fonts.wrap(false, &t.footer, fsize, w - 2.0 * PAD, 3)?;
    let footer_h = footer.len() as f64 * fsize * LEADING;
    let rule_y = PAD + footer_h + 2.0;
    let top = h - PAD;
    let bottom = rule_y + 3.0;
    let body = top - bottom;
    let col = (body * 0.64).min(w * 0.3);
    if col < 20.0 {
        return None;
    }
    let x0 = PAD + col + GUTTER;
    let rw = w - x0 - PAD;
    let step = size * LEADING;

    let mut upper: Vec<(bool, String)> = vec![(false, t.heading.clone())];
    if let Some(j) = t.jabatan.as_deref().filter(|j| !j.trim().is_empty()) {
        upper.extend(
            fonts
                .wrap(true, j, size, rw, 3)?
                .into_iter()
                .map(|l| (true, l)),
        );
    }
    let mut lower: Vec<(bool, String)> = fonts
        .wrap(true, &t.name, size, rw, 2)?
        .into_iter()
        .map(|l| (true, l))
        .collect();
    for extra in [&t.pangkat, &t.nip].into_iter().flatten() {
        if !extra.trim().is_empty() {
            lower.extend(
                fonts
                    .wrap(false, extra, size, rw, 2)?
                    .into_iter()
                    .map(|l| (false, l)),
            );
        }
    }
    fonts.wrap(false, &t.heading, size, rw, 1)?;
    let needed = (upper.len() + lower.len()) as f64 * step + size * 0.5;
    if needed > body {
        return None;
    }
    let mut lines = Vec::new();
    let mut y = top - size * regular.ascent();
    for (b, text) in upper {
        lines.push(Line {
            bold: b,
            size,
            text,
            x: x0,
            y,
        });
        y -= step;
    }
    let mut y = bottom + size * 0.3 + (lower.len() - 1) as f64 * step;
    for (b, text) in lower {
        lines.push(Line {
            bold: b,
            size,
            text,
            x: x0,
            y,
        });
        y -= step;
    }
    let mut fy = rule_y - 2.0 - fsize * regular.ascent();
    for text in footer {
        lines.push(Line {
            bold: false,
            size: fsize,
            text,
            x: PAD,
            y: fy,
        });
        fy -= fsize * LEADING;
    }
    let (qr, logo_box) = match logo {
        Some(aspect) => {
            let room = body - col - 4.0;
            let qr = (PAD, bottom, col);
            let logo_box = (room >= 10.0).then(|| {
                let (mut lw, mut lh) = (col, col / aspect);
                if lh > room {
                    lh = room;
                    lw = room * aspect;
                }
                (PAD + (col - lw) / 2.0, top - lh, lw, lh)
            });
            (qr, logo_box)
        }
        None => ((PAD, bottom + (body - col) / 2.0, col), None),
    };
    Some(Plan {
        lines,
        qr,
        logo: logo_box,
        rule_y,
    })
}

/// Writes the block as a `width` × `height` form XObject (with `matrix` as its `/Matrix`),
/// its fonts and logo into `upd`; returns the form.
///
/// # Errors
/// [`SpecimenError::BadBox`] if nothing fits even at the smallest size;
/// [`SpecimenError::Font`] if the font cannot be subset.
pub fn form(
    upd: &mut IncrementalUpdate,
    width: f64,
    height: f64,
    matrix: [f64; 6],
    text: &BlockText,
    qr: &QrSymbol,
    logo: Option<&Logo>,
) -> Result<Object, SpecimenError> {
    let mut fonts = Fonts::new()?;
    let plan = (0..=24)
        .map(|i| 9.5 - f64::from(i) * 0.25)
        .find_map(|size| plan(&fonts, text, width, height, size, logo.map(Logo::aspect)))
        .ok_or(SpecimenError::BadBox {
            width,
            height,
            min_width: super::SIZES.min.0,
            min_height: super::SIZES.min.1,
        })?;

    let mut c = frame(width, height);
    c.push_str(&rule(PAD, width - PAD, plan.rule_y));
    if let Some((x, y, w, h)) = plan.logo {
        c.push_str(&format!(
            "q {} 0 0 {} {} {} cm /Logo Do Q\n",
            num(w),
            num(h),
            num(x),
            num(y)
        ));
    }
    c.push_str(&qr.draw(plan.qr.0, plan.qr.1, plan.qr.2));
    c.push_str(&fonts.show(&plan.lines));
    let xobjects = match (logo, plan.logo) {
        (Some(logo), Some(_)) => Some(Dict::from_pairs([(
            "Logo",
            Object::Reference(logo.write(upd)),
        )])),
        _ => None,
    };
    form_xobject(upd, &fonts, (width, height), matrix, &c, xobjects)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> BlockText {
        BlockText {
            heading: HEADING.into(),
            jabatan: Some(
                "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Muara Enim"
                    .into(),
            ),
            name: "Dr. Ir. Ňoman Sëtiawan, S.T., M.Eng.".into(),
            pangkat: Some("Pembina Utama Muda (IV/c)".into()),
            nip: Some("NIP 19780312 200312 1 004".into()),
            footer: super::super::footer::BSRE_FOOTER.into(),
        }
    }

    #[test]
    fn everything_fits_the_default_box() {
        let fonts = Fonts::new().expect("font");
        let t = sample();
        let p = (0..=24)
            .map(|i| 9.5 - f64::from(i) * 0.25)
            .find_map(|s| plan(&fonts, &t, 270.0, 125.0, s, Some(1.0)))
            .expect("fits");
        for l in &p.lines {
            let f = fonts.face(l.bold);
            assert!(
                l.x + f.width(&l.text, l.size) <= 270.0 - PAD + 0.01,
                "{}",
                l.text
            );
            assert!(l.y >= PAD && l.y <= 125.0, "{} at {}", l.text, l.y);
        }
        assert!(p.lines.iter().any(|l| l.text.contains("Ňoman")));
        assert!(p.logo.is_some());
    }

    #[test]
    fn a_tiny_box_is_refused() {
        let fonts = Fonts::new().expect("font");
        assert!(plan(&fonts, &sample(), 60.0, 30.0, 3.5, None).is_none());
    }
}
