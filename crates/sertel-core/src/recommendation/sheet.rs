//! The letter's page geometry and a cursor filling A4 pages top to bottom: text on a baseline,
//! wrapped paragraphs, centred lines, rules, and the numbered rows with aligned colons.

use crate::pades::text::win_ansi;
use crate::verify::pdf_report::page::{Font, Mark, Page, Rgb, HEIGHT, WIDTH};
use crate::verify::pdf_report::wrap::wrap;

/// Left margin (2.5 cm).
pub(super) const LEFT: f32 = 70.9;
/// Right edge of the text (right margin 2 cm).
pub(super) const RIGHT: f32 = WIDTH - 56.7;
/// The first baseline.
const TOP: f32 = HEIGHT - 48.0;
/// No baseline below this (2 cm).
const BOTTOM: f32 = 56.7;
/// Body text size.
pub(super) const BODY: f32 = 11.0;
/// Body line distance.
pub(super) const LEADING: f32 = 14.0;
/// Columns of the numbered rows: number, label, colon, value.
const NUMBER_X: f32 = LEFT + 14.0;
const LABEL_X: f32 = LEFT + 32.0;
const COLON_X: f32 = LEFT + 150.0;
const VALUE_X: f32 = LEFT + 158.0;
/// Black.
pub(super) const INK: Rgb = Rgb(0.0, 0.0, 0.0);

/// Pages being filled, top to bottom; `y` is the next baseline.
pub(super) struct Sheet {
    pub(super) pages: Vec<Page>,
    pub(super) y: f32,
}

impl Sheet {
    /// One empty page, the cursor at the top.
    pub(super) fn new() -> Sheet {
        Sheet {
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    /// Starts a new page when `height` more points do not fit on this one.
    pub(super) fn need(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.pages.push(Vec::new());
            self.y = TOP;
        }
    }

    /// Adds `mark` to the current page.
    pub(super) fn mark(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    /// Text (already WinAnsi) at `x` on the current baseline.
    pub(super) fn text_at(&mut self, x: f32, font: Font, size: f32, text: Vec<u8>) {
        self.mark(Mark::Text {
            x,
            baseline: self.y,
            font,
            size,
            color: INK,
            text,
        });
    }

    /// `text` wrapped to the width between `x` and the right margin, one line per baseline.
    pub(super) fn paragraph(&mut self, x: f32, font: Font, size: f32, text: &str) {
        for line in wrap(text, font, size, RIGHT - x) {
            self.need(LEADING);
            self.text_at(x, font, size, line);
            self.y -= LEADING;
        }
    }

    /// `text` wrapped to the full width and centred, line by line.
    pub(super) fn centred(&mut self, font: Font, size: f32, leading: f32, text: &str) {
        for line in wrap(text, font, size, RIGHT - LEFT) {
            self.need(leading);
            let x = LEFT + (RIGHT - LEFT - font.width(&line, size)) / 2.0;
            self.text_at(x, font, size, line);
            self.y -= leading;
        }
    }

    /// A horizontal rule across the text width at height `y`.
    pub(super) fn rule(&mut self, y: f32, width: f32) {
        self.mark(Mark::Rule {
            x1: LEFT,
            x2: RIGHT,
            y,
            width,
            color: INK,
        });
    }

    /// One row of a numbered block: `number. label : value`, the value wrapped in its column
    /// and the row kept on one page.
    pub(super) fn row(&mut self, number: Option<&str>, label: &str, value: &str) {
        let lines = wrap(value, Font::Regular, BODY, RIGHT - VALUE_X);
        self.need(LEADING * lines.len() as f32);
        if let Some(n) = number {
            self.text_at(NUMBER_X, Font::Regular, BODY, win_ansi(&format!("{n}.")));
        }
        self.text_at(LABEL_X, Font::Regular, BODY, win_ansi(label));
        self.text_at(COLON_X, Font::Regular, BODY, b":".to_vec());
        for line in lines {
            self.text_at(VALUE_X, Font::Regular, BODY, line);
            self.y -= LEADING;
        }
    }
}
