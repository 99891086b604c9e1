//! Flowing lines of text down pages: a cursor, page breaks, and what each page shows.

use super::metrics::Face;

/// One thing drawn on a page, in PDF coordinates (origin bottom left, points).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Mark {
    /// A line of text with its baseline starting at (`x`, `y`).
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        /// Extra space added to every space character, to justify the line.
        word_spacing: f32,
        text: String,
    },
    /// A horizontal rule from `x1` to `x2` at height `y`.
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
    },
    /// The regency's emblem, drawn in the box with lower left corner (`x`, `y`).
    Emblem { x: f32, y: f32, w: f32, h: f32 },
}

/// How a line sits between the margins.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Align {
    /// Starts at the given offset from the left edge of the text column.
    Left(f32),
    /// Centred on the part of the text column right of the given offset.
    CenterFrom(f32),
    /// Ends at the right edge of the text column.
    Right,
    /// Stretched to fill from the given offset to the right edge.
    Justify(f32),
}

/// The text column of a page and the cursor moving down it.
pub(crate) struct Flow {
    pub(crate) width: f32,
    pub(crate) left: f32,
    pub(crate) right: f32,
    top: f32,
    bottom: f32,
    /// Height of the next line's top edge.
    pub(crate) y: f32,
    pub(crate) pages: Vec<Vec<Mark>>,
}

impl Flow {
    /// An empty first page of `width` × `height` points with the given margins.
    pub(crate) fn new(width: f32, height: f32, margins: [f32; 4]) -> Self {
        let [top, right, bottom, left] = margins;
        Flow {
            width,
            left,
            right: width - right,
            top: height - top,
            bottom,
            y: height - top,
            pages: vec![Vec::new()],
        }
    }

    /// Width of the text column.
    pub(crate) fn column(&self) -> f32 {
        self.right - self.left
    }

    /// Starts a new page if fewer than `needed` points are left on this one.
    pub(crate) fn keep(&mut self, needed: f32) {
        if self.y - needed < self.bottom {
            self.pages.push(Vec::new());
            self.y = self.top;
        }
    }

    /// Moves the cursor down by `gap` points, unless it sits at the top of a page.
    pub(crate) fn skip(&mut self, gap: f32) {
        if self.y < self.top {
            self.y = (self.y - gap).max(self.bottom);
        }
    }

    /// Draws `mark` on the current page.
    pub(crate) fn mark(&mut self, mark: Mark) {
        if let Some(page) = self.pages.last_mut() {
            page.push(mark);
        }
    }

    /// Sets one line of text `leading` points tall, breaking the page first if needed.
    pub(crate) fn line(&mut self, text: &str, face: Face, size: f32, leading: f32, align: Align) {
        self.keep(leading);
        let baseline = self.y - size;
        let natural = face.width(text, size);
        let (x, word_spacing) = match align {
            Align::Left(indent) => (self.left + indent, 0.0),
            Align::CenterFrom(offset) => (
                self.left + offset + (self.column() - offset - natural) / 2.0,
                0.0,
            ),
            Align::Right => (self.right - natural, 0.0),
            Align::Justify(indent) => {
                let spaces = text.matches(' ').count();
                let slack = self.column() - indent - natural;
                let spacing = if spaces > 0 && slack > 0.0 {
                    slack / spaces as f32
                } else {
                    0.0
                };
                (self.left + indent, spacing)
            }
        };
        self.mark(Mark::Text {
            x,
            y: baseline,
            face,
            size,
            word_spacing,
            text: text.to_owned(),
        });
        self.y -= leading;
    }
}

/// Breaks `text` into lines no wider than `width` points; the first line is `first_indent`
/// narrower. Words longer than a line are kept whole.
pub(crate) fn wrap(
    text: &str,
    face: Face,
    size: f32,
    width: f32,
    first_indent: f32,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let room = if lines.is_empty() {
            width - first_indent
        } else {
            width
        };
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if !current.is_empty() && face.width(&candidate, size) > room {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let text = "Dalam rangka meningkatkan keamanan dan keabsahan naskah dinas elektronik";
        let lines = wrap(text, Face::Times, 12.0, 150.0, 20.0);
        assert!(lines.len() > 2);
        assert!(Face::Times.width(&lines[0], 12.0) <= 130.0);
        assert!(lines.iter().all(|l| Face::Times.width(l, 12.0) <= 150.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn lines_break_onto_a_new_page() {
        let mut flow = Flow::new(200.0, 100.0, [10.0, 10.0, 10.0, 10.0]);
        for _ in 0..10 {
            flow.line("baris", Face::Times, 10.0, 14.0, Align::Left(0.0));
        }
        assert_eq!(flow.pages.len(), 2);
        assert_eq!(flow.pages[0].len(), 5);
    }
}
