//! Encoding text for the standard fonts and breaking it into lines that fit a width.

use super::page::Font;
use crate::pades::text::win_ansi;

/// Breaks `text` into WinAnsi lines no wider than `width` points in `font` at `size`: at spaces
/// where it can, inside a word only when the word alone is wider than the line. `\n` starts a
/// new line. Always at least one line.
pub(crate) fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<u8> = Vec::new();
        for word in win_ansi(paragraph).split(|&b| b == b' ') {
            if word.is_empty() {
                continue;
            }
            if !line.is_empty() {
                let mut longer = line.clone();
                longer.push(b' ');
                longer.extend_from_slice(word);
                if font.width(&longer, size) <= width {
                    line = longer;
                    continue;
                }
                lines.push(std::mem::take(&mut line));
            }
            line = split_word(word, font, size, width, &mut lines);
        }
        lines.push(line);
    }
    lines
}

/// Pushes the full-width pieces of `word` onto `lines` and returns the last piece.
fn split_word(word: &[u8], font: Font, size: f32, width: f32, lines: &mut Vec<Vec<u8>>) -> Vec<u8> {
    let mut rest = word;
    while font.width(rest, size) > width && rest.len() > 1 {
        let fits = (1..rest.len())
            .take_while(|&n| font.width(&rest[..n], size) <= width)
            .last()
            .unwrap_or(1);
        lines.push(rest[..fits].to_vec());
        rest = &rest[fits..];
    }
    rest.to_vec()
}

/// Whether `text` holds characters the standard fonts cannot show (they print as `?`).
pub(crate) fn has_unshowable(text: &str) -> bool {
    let questions = text.chars().filter(|&c| c == '?').count();
    let shown = text
        .split('\n')
        .map(|p| win_ansi(p).iter().filter(|&&b| b == b'?').count())
        .sum::<usize>();
    shown > questions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Vec<u8>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| String::from_utf8_lossy(l).into_owned())
            .collect()
    }

    #[test]
    fn breaks_at_spaces_within_the_width() {
        let lines = wrap(
            "Dokumen telah diubah: nilai hash tidak cocok dengan tanda tangan",
            Font::Regular,
            10.0,
            120.0,
        );
        assert!(lines.len() > 1, "{:?}", text(&lines));
        for l in &lines {
            assert!(Font::Regular.width(l, 10.0) <= 120.0, "{:?}", text(&lines));
        }
        assert_eq!(
            text(&lines).join(" "),
            "Dokumen telah diubah: nilai hash tidak cocok dengan tanda tangan"
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        let hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let lines = wrap(hex, Font::Bold, 12.0, 100.0);
        assert!(lines.len() > 2);
        assert_eq!(text(&lines).concat(), hex);
        for l in &lines {
            assert!(Font::Bold.width(l, 12.0) <= 100.0);
        }
    }

    #[test]
    fn newlines_force_breaks_and_empty_text_is_one_line() {
        assert_eq!(
            text(&wrap("A\nB", Font::Regular, 9.0, 300.0)),
            vec!["A", "B"]
        );
        assert_eq!(wrap("", Font::Regular, 9.0, 300.0), vec![Vec::<u8>::new()]);
    }

    #[test]
    fn unshowable_characters_are_noticed() {
        assert!(!has_unshowable("Dédé? – ok\nbaris dua"));
        assert!(has_unshowable("王小明"));
        assert_eq!(
            wrap("王 Ali", Font::Regular, 9.0, 300.0),
            vec![b"? Ali".to_vec()]
        );
    }
}
