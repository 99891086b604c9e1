//! The report as a sequence of blocks — what is said and how it is stressed — before it is
//! laid out on pages.

use super::page::{Font, Rgb};
use crate::verify::{Check, Indication};

/// How a piece of text is coloured: by the outcome it tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tone {
    /// TOTAL-PASSED, a passed check: green.
    Passed,
    /// TOTAL-FAILED, a failed check: red.
    Failed,
    /// INDETERMINATE: amber.
    Indeterminate,
    /// Ordinary text.
    Plain,
    /// Labels, absent values, checks not made: grey.
    Muted,
}

impl Tone {
    /// The tone of an ETSI indication.
    pub(super) fn of(indication: Indication) -> Tone {
        match indication {
            Indication::TotalPassed => Tone::Passed,
            Indication::TotalFailed => Tone::Failed,
            Indication::Indeterminate => Tone::Indeterminate,
        }
    }

    /// The tone of a check's outcome.
    pub(super) fn of_check(check: &Check) -> Tone {
        match check {
            Check::Passed => Tone::Passed,
            Check::Failed => Tone::Failed,
            Check::NotChecked => Tone::Muted,
        }
    }

    /// The colour of text in this tone.
    pub(super) fn ink(self) -> Rgb {
        match self {
            Tone::Passed => Rgb(0.08, 0.45, 0.2),
            Tone::Failed => Rgb(0.73, 0.1, 0.1),
            Tone::Indeterminate => Rgb(0.66, 0.38, 0.0),
            Tone::Plain => Rgb(0.1, 0.12, 0.16),
            Tone::Muted => Rgb(0.4, 0.43, 0.48),
        }
    }

    /// A light background in this tone.
    pub(super) fn tint(self) -> Rgb {
        match self {
            Tone::Passed => Rgb(0.9, 0.96, 0.91),
            Tone::Failed => Rgb(0.99, 0.92, 0.92),
            Tone::Indeterminate => Rgb(1.0, 0.95, 0.86),
            Tone::Plain | Tone::Muted => Rgb(0.93, 0.95, 0.98),
        }
    }
}

/// A label and its value, side by side in two columns.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Field {
    /// The label (left column); empty on a continuation row.
    pub label: String,
    /// The value (right column); `\n` starts a new line.
    pub value: String,
    /// The label's tone.
    pub label_tone: Tone,
    /// The label's font.
    pub label_font: Font,
    /// The value's tone.
    pub value_tone: Tone,
    /// The value's font.
    pub value_font: Font,
    /// The value is an item of a list, set after a bullet.
    pub bullet: bool,
}

impl Field {
    /// A plain field.
    pub(super) fn new(label: impl Into<String>, value: impl Into<String>) -> Field {
        Field {
            label: label.into(),
            value: value.into(),
            label_tone: Tone::Muted,
            label_font: Font::Regular,
            value_tone: Tone::Plain,
            value_font: Font::Regular,
            bullet: false,
        }
    }

    /// The value in `tone`.
    pub(super) fn value_in(mut self, tone: Tone) -> Field {
        self.value_tone = tone;
        self
    }

    /// The value in bold.
    pub(super) fn value_bold(mut self) -> Field {
        self.value_font = Font::Bold;
        self
    }

    /// The label in bold and `tone`.
    pub(super) fn label_stressed(mut self, tone: Tone) -> Field {
        self.label_tone = tone;
        self.label_font = Font::Bold;
        self
    }

    /// The value as a list item.
    pub(super) fn bulleted(mut self) -> Field {
        self.bullet = true;
        self
    }
}

/// One block of the report.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Block {
    /// The report's title, at the top of the first page.
    Title(String),
    /// A section heading (summary, legend).
    Section(String),
    /// The heading of one file, on a band.
    FileHeading(String),
    /// The heading of one signature.
    SignatureHeading(String),
    /// A conclusion in a box of its tone: the ETSI names, then what they mean.
    Banner {
        /// The colour of the box.
        tone: Tone,
        /// The indication and sub-indication.
        headline: String,
        /// The explanation.
        detail: String,
    },
    /// A label and its value.
    Field(Field),
    /// A short paragraph across the whole width.
    Note {
        /// The text.
        text: String,
        /// Its tone.
        tone: Tone,
    },
}

impl Block {
    /// Every text the block shows.
    pub(super) fn texts(&self) -> Vec<&str> {
        match self {
            Block::Title(t)
            | Block::Section(t)
            | Block::FileHeading(t)
            | Block::SignatureHeading(t)
            | Block::Note { text: t, .. } => vec![t],
            Block::Banner {
                headline, detail, ..
            } => vec![headline, detail],
            Block::Field(f) => vec![&f.label, &f.value],
        }
    }
}

impl From<Field> for Block {
    fn from(f: Field) -> Block {
        Block::Field(f)
    }
}
