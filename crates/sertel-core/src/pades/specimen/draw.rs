//! The drawing shared by the specimen, the seal and the paraf: the framed background, lines of
//! text in the embedded regular and bold faces, word wrapping, and the finished form XObject
//! with its fonts.

use sertel_pdf::{Dict, IncrementalUpdate, Name, Object, Stream};

use super::error::SpecimenError;
use super::font::{deflate, EmbeddedFont, Weight};
use super::num;

/// The frame and rule colour (the regency's dark blue).
pub const FRAME_RGB: &str = "0.043 0.325 0.58";
/// The text colour.
pub const TEXT_RGB: &str = "0.1 0.12 0.16";

/// One line of text: the face, the text and where its baseline starts.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Set in the bold face.
    pub bold: bool,
    /// Font size in points.
    pub size: f64,
    /// The text.
    pub text: String,
    /// Left end of the baseline.
    pub x: f64,
    /// The baseline's height.
    pub y: f64,
}

/// The embedded regular (`/F1`) and bold (`/F2`) faces.
pub struct Fonts(pub [EmbeddedFont; 2]);

impl Fonts {
    /// Both bundled faces.
    ///
    /// # Errors
    /// [`SpecimenError::Font`] if a bundled face cannot be parsed (a defect).
    pub fn new() -> Result<Fonts, SpecimenError> {
        Ok(Fonts([
            EmbeddedFont::new(Weight::Regular)?,
            EmbeddedFont::new(Weight::Bold)?,
        ]))
    }

    /// The regular or the bold face.
    pub fn face(&self, bold: bool) -> &EmbeddedFont {
        &self.0[usize::from(bold)]
    }

    /// Breaks `text` into lines no wider than `width` at `size`; `None` when a single word is
    /// wider, or more than `max_lines` would be needed.
    pub fn wrap(
        &self,
        bold: bool,
        text: &str,
        size: f64,
        width: f64,
        max_lines: usize,
    ) -> Option<Vec<String>> {
        let font = self.face(bold);
        let mut lines: Vec<String> = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            if font.width(word, size) > width {
                return None;
            }
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if font.width(&candidate, size) <= width {
                current = candidate;
            } else {
                lines.push(std::mem::replace(&mut current, word.to_string()));
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        (lines.len() <= max_lines).then_some(lines)
    }

    /// Content operators that show `lines`, noting the glyphs used.
    pub fn show(&mut self, lines: &[Line]) -> String {
        let mut c = format!("BT {TEXT_RGB} rg\n");
        for line in lines {
            let name = if line.bold { "F2" } else { "F1" };
            let code = hex::encode_upper(self.0[usize::from(line.bold)].encode(&line.text));
            c.push_str(&format!(
                "/{name} {} Tf 1 0 0 1 {} {} Tm <{code}> Tj\n",
                num(line.size),
                num(line.x),
                num(line.y)
            ));
        }
        c.push_str("ET\n");
        c
    }
}

/// The light background and the frame of a `width` × `height` box.
pub fn frame(width: f64, height: f64) -> String {
    format!(
        "q 0.97 0.98 1 rg 0 0 {w} {h} re f Q\nq {FRAME_RGB} RG 0.8 w 0.4 0.4 {w1} {h1} re S Q\n",
        w = num(width),
        h = num(height),
        w1 = num(width - 0.8),
        h1 = num(height - 0.8)
    )
}

/// A horizontal rule at `y` from `x0` to `x1`.
pub fn rule(x0: f64, x1: f64, y: f64) -> String {
    format!(
        "q {FRAME_RGB} RG 0.5 w {} {} m {} {} l S Q\n",
        num(x0),
        num(y),
        num(x1),
        num(y)
    )
}

/// Writes the fonts into `upd` and returns the `width` × `height` form XObject drawing
/// `content`, with `matrix` as its `/Matrix` and `xobjects` among its resources.
///
/// # Errors
/// [`SpecimenError::Font`] if a font cannot be subset.
pub fn form_xobject(
    upd: &mut IncrementalUpdate,
    fonts: &Fonts,
    (width, height): (f64, f64),
    matrix: [f64; 6],
    content: &str,
    xobjects: Option<Dict>,
) -> Result<Object, SpecimenError> {
    let mut font_dict = Dict::default();
    font_dict.set(b"F1", Object::Reference(fonts.0[0].write(upd)?));
    font_dict.set(b"F2", Object::Reference(fonts.0[1].write(upd)?));
    let mut resources = Dict::default();
    resources.set(b"Font", Object::Dictionary(font_dict));
    if let Some(x) = xobjects {
        resources.set(b"XObject", Object::Dictionary(x));
    }
    let mut d = crate::pades::appearance::form_dictionary(width, height, resources);
    d.set(
        b"Matrix",
        Object::Array(matrix.iter().map(|v| Object::Real(*v)).collect()),
    );
    d.set(b"Filter", Object::Name(Name::from("FlateDecode")));
    Ok(Object::Stream(Stream::new(d, deflate(content.as_bytes()))))
}
