//! poppler's `pdftotext` and `pdfinfo` as judges of what a PDF says: the text a reader, a search
//! or a screen reader gets out of each page, and the document information a viewer shows.

use std::collections::BTreeMap;
use std::path::Path;

use super::tool::{self, ToolRun};

/// The text of a PDF, page by page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfText {
    /// The text of each page, in order (`pdftotext -layout`, split at its form feeds).
    pub pages: Vec<String>,
    /// The raw run, for assertion messages.
    pub output: ToolRun,
}

impl PdfText {
    /// All pages' text.
    pub fn all(&self) -> String {
        self.pages.join("\n")
    }

    /// Whether the text holds `needle` on one line, with runs of spaces counted as one.
    pub fn contains(&self, needle: &str) -> bool {
        let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let needle = squeeze(needle);
        self.pages
            .iter()
            .flat_map(|p| p.lines())
            .any(|line| squeeze(line).contains(&needle))
    }
}

/// Runs `pdftotext -layout -enc UTF-8 <pdf> -`.
///
/// # Panics
/// If pdftotext is not installed (run `scripts/setup.sh`) or it cannot read the file.
pub fn pdftotext(pdf: &Path) -> PdfText {
    let output = tool::run(
        "pdftotext",
        [
            "-layout".as_ref(),
            "-enc".as_ref(),
            "UTF-8".as_ref(),
            pdf.as_os_str(),
            "-".as_ref(),
        ],
    );
    assert_eq!(output.code, Some(0), "pdftotext failed:\n{output}");
    let mut pages: Vec<String> = output.stdout.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    PdfText { pages, output }
}

/// Runs `pdfinfo <pdf>` and returns its fields (`Title`, `Producer`, `CreationDate`, `Pages`,
/// …) with their values trimmed.
///
/// # Panics
/// If pdfinfo is not installed (run `scripts/setup.sh`) or it cannot read the file.
pub fn pdfinfo(pdf: &Path) -> BTreeMap<String, String> {
    let output = tool::run("pdfinfo", [pdf.as_os_str()]);
    assert_eq!(output.code, Some(0), "pdfinfo failed:\n{output}");
    output
        .stdout
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect()
}
