//! A page of a PDF as the Sign screen previews it: the page's size in points (read by
//! `sertel-pdf`, always available) and, when poppler's `pdftoppm` is installed (the Debian
//! package depends on `poppler-utils`), a PNG picture of the page. The picture is drawn in a
//! separate process under a time limit, so a hostile PDF can neither crash nor hang the app.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use base64ct::{Base64, Encoding};
use serde::Serialize;
use sertel_core::pades::specimen::DEFAULT_SIZE;

use crate::placement::{page_count, page_size, BOX_HEIGHT, BOX_WIDTH};
use crate::DesktopError;

/// How long drawing one page may take before the preview goes without a picture.
pub const RENDER_TIMEOUT: Duration = Duration::from_secs(10);
/// The picture's longer side in pixels.
pub const RENDER_PIXELS: u32 = 900;
/// The largest picture accepted from the renderer.
const MAX_PNG_BYTES: u64 = 16 * 1024 * 1024;

/// One previewed page.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PagePreview {
    /// The page shown (1-based).
    pub page: usize,
    /// How many pages the document has.
    pub pages: usize,
    /// The page's width in points.
    pub width: f64,
    /// The page's height in points.
    pub height: f64,
    /// The signature box's width in points.
    pub box_width: f64,
    /// The signature box's height in points.
    pub box_height: f64,
    /// The specimen's width in points (when signing with the specimen).
    pub specimen_width: f64,
    /// The specimen's height in points.
    pub specimen_height: f64,
    /// The page as a `data:image/png;base64,…` URL; `None` when it could not be drawn (the
    /// screen then shows the page's outline, where a signature can be placed all the same).
    pub image: Option<String>,
}

/// The preview of page `page` (1-based; 0 is the last page) of the PDF at `pdf`.
pub fn preview(pdf: &Path, page: usize) -> Result<PagePreview, DesktopError> {
    let pages = page_count(pdf)?;
    let page = if page == 0 { pages } else { page };
    let (width, height) = page_size(pdf, page)?;
    let image = render_png(pdf, page).map(|png| {
        let mut url = String::from("data:image/png;base64,");
        url.push_str(&Base64::encode_string(&png));
        url
    });
    Ok(PagePreview {
        page,
        pages,
        width,
        height,
        box_width: BOX_WIDTH,
        box_height: BOX_HEIGHT,
        specimen_width: DEFAULT_SIZE.0,
        specimen_height: DEFAULT_SIZE.1,
        image,
    })
}

/// Page `page` drawn by `pdftoppm` as a PNG; `None` when the program is missing, fails, or
/// takes longer than [`RENDER_TIMEOUT`].
pub fn render_png(pdf: &Path, page: usize) -> Option<Vec<u8>> {
    let page = page.to_string();
    let mut child = Command::new("pdftoppm")
        .args(["-png", "-f", &page, "-l", &page, "-scale-to"])
        .arg(RENDER_PIXELS.to_string())
        .arg("--")
        .arg(pdf)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdout = child.stdout.take()?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut png = Vec::new();
        let read = (&mut stdout)
            .take(MAX_PNG_BYTES)
            .read_to_end(&mut png)
            .map(|_| png);
        let _ = tx.send(read);
    });
    let png = match rx.recv_timeout(RENDER_TIMEOUT) {
        Ok(Ok(png)) => png,
        _ => {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
    };
    let exited_well = child.wait().map(|s| s.success()).unwrap_or(false);
    (exited_well && png.starts_with(b"\x89PNG\r\n\x1a\n")).then_some(png)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use test_support::letters::{sample_letter, LetterSpec, PageSize};

    #[test]
    fn the_last_page_is_measured_and_drawn() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = dir.path().join("surat.pdf");
        std::fs::write(&pdf, sample_letter(&LetterSpec::new(2, PageSize::F4))).unwrap();
        let p = preview(&pdf, 0).unwrap();
        assert_eq!((p.page, p.pages), (2, 2));
        let (w, h) = PageSize::F4.points();
        assert!((p.width - f64::from(w)).abs() < 0.5, "{}", p.width);
        assert!((p.height - f64::from(h)).abs() < 0.5, "{}", p.height);
        if Command::new("pdftoppm").arg("-v").output().is_ok() {
            let image = p
                .image
                .expect("pdftoppm is installed, so the page is drawn");
            assert!(image.starts_with("data:image/png;base64,iVBORw0KGgo"));
        }
    }

    #[test]
    fn a_page_past_the_end_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let pdf = crate::placement::tests::sample_pdf(dir.path(), 1);
        let err = preview(&pdf, 3).unwrap_err();
        assert!(
            matches!(err, DesktopError::PageOutOfRange { page: 3, pages: 1 }),
            "{err:?}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_pdf_draws_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.pdf");
        std::fs::write(&path, b"not a pdf").unwrap();
        assert_eq!(render_png(&path, 1), None);
    }
}
