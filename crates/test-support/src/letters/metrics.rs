//! The four standard-14 faces the letters use: their advance widths and WinAnsi encoding.

/// A standard-14 font face.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Face {
    Times,
    TimesBold,
    Helvetica,
    HelveticaBold,
}

impl Face {
    /// All faces, in the order of their resource names `/F1` .. `/F4`.
    pub(crate) const ALL: [Face; 4] = [
        Face::Times,
        Face::TimesBold,
        Face::Helvetica,
        Face::HelveticaBold,
    ];

    /// The PostScript name written as /BaseFont.
    pub(crate) fn base_font(self) -> &'static [u8] {
        match self {
            Face::Times => b"Times-Roman",
            Face::TimesBold => b"Times-Bold",
            Face::Helvetica => b"Helvetica",
            Face::HelveticaBold => b"Helvetica-Bold",
        }
    }

    /// The name under which a page's /Resources lists this face.
    pub(crate) fn resource_name(self) -> &'static [u8] {
        match self {
            Face::Times => b"F1",
            Face::TimesBold => b"F2",
            Face::Helvetica => b"F3",
            Face::HelveticaBold => b"F4",
        }
    }

    fn ascii_widths(self) -> &'static [u16; 95] {
        match self {
            Face::Times => &TIMES,
            Face::TimesBold => &TIMES_BOLD,
            Face::Helvetica => &HELVETICA,
            Face::HelveticaBold => &HELVETICA_BOLD,
        }
    }

    /// Advance width of one WinAnsi byte, in thousandths of the font size.
    fn byte_width(self, byte: u8) -> u16 {
        match byte {
            32..=126 => self.ascii_widths()[usize::from(byte - 32)],
            // Dashes, quotes and Latin-1 letters: close enough for line breaking.
            0x96 => 500,
            0x97 => 1000,
            _ => 556,
        }
    }

    /// Width of `text` set at `size` points.
    pub(crate) fn width(self, text: &str, size: f32) -> f32 {
        let units: u32 = win_ansi(text)
            .iter()
            .map(|&b| u32::from(self.byte_width(b)))
            .sum();
        units as f32 * size / 1000.0
    }
}

/// Encodes `text` in WinAnsiEncoding; characters it lacks become `?`.
pub(crate) fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{A0}'..='\u{FF}' => c as u32 as u8,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201C}' => 0x93,
            '\u{201D}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{20AC}' => 0x80,
            _ => b'?',
        })
        .collect()
}

// Advance widths of the printable ASCII characters (space through tilde), from the
// fonts' published Adobe font metrics.
#[rustfmt::skip]
const TIMES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444,
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722,
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500,
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500,
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];

#[rustfmt::skip]
const TIMES_BOLD: [u16; 95] = [
    250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
    930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
    611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
    333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
    556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

#[rustfmt::skip]
const HELVETICA: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_metrics() {
        assert!((Face::Times.width("MUARA", 10.0) - 37.22).abs() < 1e-4);
        assert!(Face::HelveticaBold.width("W", 1000.0) > Face::Helvetica.width("i", 1000.0));
        assert_eq!(win_ansi("Rp\u{2013}\u{4E2D}"), b"Rp\x96?".to_vec());
    }
}
