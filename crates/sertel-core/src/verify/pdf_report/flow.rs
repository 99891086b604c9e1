//! Laying the blocks out on A4 pages: line by line from the top, a new page when the next
//! piece does not fit, headings kept with what follows them.

use super::block::{Block, Field, Tone};
use super::page::{Font, Mark, Page, Rgb, BOTTOM, HEIGHT, MARGIN, TEXT_WIDTH, TOP};
use super::wrap::wrap;

/// Body text size.
const BODY: f32 = 9.0;
/// Line height of body text.
const LEADING: f32 = 12.5;
/// The width of a field's label column.
const LABEL_WIDTH: f32 = 150.0;
/// Room kept below a heading for what follows it, so a heading never ends a page.
const KEEP: f32 = 4.0 * LEADING;
/// Room kept below a file's heading: its identity and conclusion stay with it.
const KEEP_FILE: f32 = 6.0 * LEADING;
/// Headings and rules.
const NAVY: Rgb = Rgb(0.07, 0.2, 0.4);
/// Thin separating rules.
const HAIRLINE: Rgb = Rgb(0.78, 0.8, 0.84);

/// Lays `blocks` out on as many pages as they need.
pub(super) fn lay_out(blocks: &[Block]) -> Vec<Page> {
    let mut flow = Flow {
        pages: vec![Vec::new()],
        y: HEIGHT - TOP,
    };
    for block in blocks {
        flow.block(block);
    }
    flow.pages
}

/// The pages so far and where the next line goes.
struct Flow {
    pages: Vec<Page>,
    /// The top of the free space on the last page.
    y: f32,
}

impl Flow {
    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn at_top(&self) -> bool {
        self.pages.last().is_none_or(Vec::is_empty)
    }

    /// Starts a new page unless `height` still fits on this one (or this one is empty: a
    /// piece taller than a page is cut by the page's end rather than moved forever).
    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && !self.at_top() {
            self.pages.push(Vec::new());
            self.y = HEIGHT - TOP;
        }
    }

    /// Vertical space, dropped at the top of a page.
    fn gap(&mut self, height: f32) {
        if !self.at_top() {
            self.y -= height;
        }
    }

    /// Draws `line` in a line box of `leading` starting at the cursor.
    fn text(&mut self, x: f32, line: Vec<u8>, font: Font, size: f32, color: Rgb, leading: f32) {
        let baseline = self.y - (leading / 2.0 + size * 0.35);
        if !line.is_empty() {
            self.page().push(Mark::Text {
                x,
                baseline,
                font,
                size,
                color,
                text: line,
            });
        }
    }

    fn fill(&mut self, x: f32, y: f32, width: f32, height: f32, color: Rgb) {
        self.page().push(Mark::Fill {
            x,
            y,
            width,
            height,
            color,
        });
    }

    fn rule(&mut self, width: f32, color: Rgb) {
        let y = self.y;
        self.page().push(Mark::Rule {
            x1: MARGIN,
            x2: MARGIN + TEXT_WIDTH,
            y,
            width,
            color,
        });
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Title(t) => {
                self.lines(t, Font::Bold, 18.0, 23.0, NAVY, 0.0);
                self.y -= 6.0;
                self.rule(1.5, NAVY);
                self.y -= 10.0;
            }
            Block::Section(t) => {
                self.gap(14.0);
                self.ensure(18.0 + KEEP);
                self.lines(t, Font::Bold, 12.0, 16.0, NAVY, 0.0);
                self.y -= 2.0;
                self.rule(0.5, HAIRLINE);
                self.y -= 5.0;
            }
            Block::FileHeading(t) => {
                self.gap(16.0);
                self.band(t, Tone::Plain, NAVY, None, KEEP_FILE);
                self.y -= 4.0;
            }
            Block::SignatureHeading(t) => {
                self.gap(9.0);
                self.ensure(15.0 + KEEP);
                self.lines(t, Font::Bold, 10.5, 15.0, Tone::Plain.ink(), 0.0);
                self.y -= 2.0;
            }
            Block::Banner {
                tone,
                headline,
                detail,
            } => {
                self.band(headline, *tone, tone.ink(), Some(detail), 0.0);
                self.y -= 4.0;
            }
            Block::Field(f) => self.field(f),
            Block::Note { text, tone } => {
                self.gap(3.0);
                self.lines(text, Font::Regular, 8.5, 11.5, tone.ink(), 0.0);
            }
        }
    }

    /// `text` wrapped across the whole width, each line on the page where it fits.
    fn lines(&mut self, text: &str, font: Font, size: f32, leading: f32, color: Rgb, indent: f32) {
        for line in wrap(text, font, size, TEXT_WIDTH - indent) {
            self.ensure(leading);
            self.text(MARGIN + indent, line, font, size, color, leading);
            self.y -= leading;
        }
    }

    /// A tinted box with a bar of `ink` on its left: a bold `headline`, then `detail`. Kept
    /// whole on one page, with `keep` more room below it.
    fn band(&mut self, headline: &str, tone: Tone, ink: Rgb, detail: Option<&str>, keep: f32) {
        const PAD: f32 = 6.0;
        const BAR: f32 = 3.0;
        let (size, leading) = if detail.is_some() {
            (10.0, 14.0)
        } else {
            (12.0, 16.0)
        };
        let inner = TEXT_WIDTH - BAR - 2.0 * PAD;
        let head = wrap(headline, Font::Bold, size, inner);
        let rest = detail.map_or_else(Vec::new, |d| wrap(d, Font::Regular, BODY, inner));
        let height = 2.0 * PAD + head.len() as f32 * leading + rest.len() as f32 * LEADING;
        self.ensure(height + keep);
        let bottom = self.y - height;
        self.fill(MARGIN, bottom, TEXT_WIDTH, height, tone.tint());
        self.fill(MARGIN, bottom, BAR, height, ink);
        self.y -= PAD;
        let x = MARGIN + BAR + PAD;
        for line in head {
            self.text(x, line, Font::Bold, size, ink, leading);
            self.y -= leading;
        }
        for line in rest {
            self.text(x, line, Font::Regular, BODY, Tone::Plain.ink(), LEADING);
            self.y -= LEADING;
        }
        self.y = bottom;
    }

    /// A label and its value in two columns; rows go onto the next page one at a time.
    fn field(&mut self, f: &Field) {
        const BULLET: f32 = 9.0;
        let value_x = MARGIN + LABEL_WIDTH + if f.bullet { BULLET } else { 0.0 };
        let value_width = MARGIN + TEXT_WIDTH - value_x;
        let labels = wrap(&f.label, f.label_font, BODY, LABEL_WIDTH - 10.0);
        let values = wrap(&f.value, f.value_font, BODY, value_width);
        let rows = labels.len().max(values.len());
        let mut labels = labels.into_iter();
        let mut values = values.into_iter();
        for row in 0..rows {
            self.ensure(LEADING);
            if let Some(label) = labels.next() {
                self.text(
                    MARGIN,
                    label,
                    f.label_font,
                    BODY,
                    f.label_tone.ink(),
                    LEADING,
                );
            }
            if f.bullet && row == 0 {
                let ink = Tone::Muted.ink();
                self.text(value_x - BULLET, vec![0x95], Font::Bold, BODY, ink, LEADING);
            }
            if let Some(value) = values.next() {
                let ink = f.value_tone.ink();
                self.text(value_x, value, f.value_font, BODY, ink, LEADING);
            }
            self.y -= LEADING;
        }
        self.y -= 1.5;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(page: &Page) -> Vec<String> {
        page.iter()
            .filter_map(|m| match m {
                Mark::Text { text, .. } => Some(String::from_utf8_lossy(text).into_owned()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn long_reports_continue_on_new_pages_within_the_margins() {
        let mut blocks = vec![Block::Title("Laporan".into())];
        for i in 0..200 {
            blocks.push(Field::new(format!("Baris {i}"), "nilai").into());
        }
        let pages = lay_out(&blocks);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            for mark in page {
                if let Mark::Text { baseline, x, .. } = mark {
                    assert!(*baseline >= BOTTOM - LEADING && *baseline <= HEIGHT - TOP);
                    assert!(*x >= MARGIN);
                }
            }
        }
        let all: Vec<String> = pages.iter().flat_map(texts).collect();
        assert!(all.contains(&"Baris 199".to_owned()));
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let mut blocks = Vec::new();
        for i in 0..48 {
            blocks.push(Field::new(format!("Baris {i}"), "nilai").into());
        }
        blocks.push(Block::Section("Keterangan".into()));
        blocks.push(Field::new("A", "B").into());
        let pages = lay_out(&blocks);
        let last = texts(pages.last().map_or(&Vec::new(), |p| p));
        assert!(last.contains(&"Keterangan".to_owned()), "{last:?}");
    }
}
