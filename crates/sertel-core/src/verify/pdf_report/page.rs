//! A page of the report as drawn: A4 portrait, its margins, and the marks placed on it.

use crate::pades::text::{helvetica_bold_width, helvetica_width};

/// A4 width in points.
pub(crate) const WIDTH: f32 = 595.28;
/// A4 height in points.
pub(crate) const HEIGHT: f32 = 841.89;
/// Left and right margin (2 cm).
pub(super) const MARGIN: f32 = 56.7;
/// Where the first line starts, from the top edge.
pub(super) const TOP: f32 = 56.7;
/// The lowest a line may reach, from the bottom edge: below is the footer.
pub(super) const BOTTOM: f32 = 64.0;
/// The width between the margins.
pub(super) const TEXT_WIDTH: f32 = WIDTH - 2.0 * MARGIN;

/// One of the two standard fonts the report uses, both with WinAnsiEncoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Font {
    /// Helvetica.
    Regular,
    /// Helvetica-Bold.
    Bold,
}

impl Font {
    /// Both fonts, in the order of their resource names.
    pub(crate) const ALL: [Font; 2] = [Font::Regular, Font::Bold];

    /// The width of WinAnsi `text` at `size` points.
    pub(crate) fn width(self, text: &[u8], size: f32) -> f32 {
        let w = match self {
            Font::Regular => helvetica_width(text, f64::from(size)),
            Font::Bold => helvetica_bold_width(text, f64::from(size)),
        };
        w as f32
    }

    /// The name of the font in a page's resources.
    pub(crate) fn resource(self) -> &'static [u8] {
        match self {
            Font::Regular => b"F1",
            Font::Bold => b"F2",
        }
    }

    /// The standard font's `/BaseFont`.
    pub(crate) fn base_font(self) -> &'static [u8] {
        match self {
            Font::Regular => b"Helvetica",
            Font::Bold => b"Helvetica-Bold",
        }
    }
}

/// A colour in device RGB, each part from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Rgb(pub f32, pub f32, pub f32);

/// Something drawn on a page; coordinates in points from the bottom-left corner.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Mark {
    /// One line of WinAnsi text starting at (`x`, `baseline`).
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        baseline: f32,
        /// Font.
        font: Font,
        /// Size in points.
        size: f32,
        /// Colour.
        color: Rgb,
        /// The text, WinAnsi-encoded.
        text: Vec<u8>,
    },
    /// A filled rectangle.
    Fill {
        /// Left edge.
        x: f32,
        /// Bottom edge.
        y: f32,
        /// Width.
        width: f32,
        /// Height.
        height: f32,
        /// Colour.
        color: Rgb,
    },
    /// A horizontal line.
    Rule {
        /// Start.
        x1: f32,
        /// End.
        x2: f32,
        /// Height of the line.
        y: f32,
        /// Line width.
        width: f32,
        /// Colour.
        color: Rgb,
    },
}

/// The marks of one page, in drawing order.
pub(crate) type Page = Vec<Mark>;
