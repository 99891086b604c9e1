//! Rendering and reading pages back: poppler's `pdftoppm` draws a page to PNG, `zbarimg`
//! (zbar-tools) decodes the QR codes on it, and `pdffonts` lists the fonts a PDF uses.

use std::path::{Path, PathBuf};

use super::tool::{self, ToolRun};

/// Renders page `page` (1-based) of `pdf` at `dpi` to `<prefix>.png` and returns the path.
///
/// # Panics
/// If pdftoppm is not installed (run `scripts/setup.sh`) or fails.
pub fn render_page(pdf: &Path, page: usize, dpi: u32, prefix: &Path) -> PathBuf {
    let page = page.to_string();
    let dpi = dpi.to_string();
    let run = tool::run(
        "pdftoppm",
        [
            "-png".as_ref(),
            "-r".as_ref(),
            dpi.as_ref(),
            "-f".as_ref(),
            page.as_ref(),
            "-l".as_ref(),
            page.as_ref(),
            "-singlefile".as_ref(),
            pdf.as_os_str(),
            prefix.as_os_str(),
        ],
    );
    assert_eq!(run.code, Some(0), "pdftoppm failed:\n{run}");
    let mut out = prefix.as_os_str().to_owned();
    out.push(".png");
    PathBuf::from(out)
}

/// The texts of every QR code `zbarimg` finds in the image `png`.
///
/// # Panics
/// If zbarimg is not installed (run `scripts/setup.sh`).
pub fn qr_codes(png: &Path) -> (Vec<String>, ToolRun) {
    let run = tool::run(
        "zbarimg",
        ["-q".as_ref(), "--raw".as_ref(), png.as_os_str()],
    );
    let codes = run
        .stdout
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    (codes, run)
}

/// `pdffonts <pdf>`: one line per font with its name, type, encoding and whether it is
/// embedded and subset.
///
/// # Panics
/// If pdffonts is not installed or fails.
pub fn pdffonts(pdf: &Path) -> ToolRun {
    let run = tool::run("pdffonts", [pdf.as_os_str()]);
    assert_eq!(run.code, Some(0), "pdffonts failed:\n{run}");
    run
}
