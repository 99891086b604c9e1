//! Sample letters render as official letters: poppler draws them and finds their text.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use test_support::letters::{sample_letter, LetterSpec, PageSize};

/// `target/test-output/letters/`, found from the test binary's location
/// (`target/<profile>/deps/<binary>`).
fn output_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let target = exe.ancestors().nth(3).expect("target directory");
    let dir = target.join("test-output/letters");
    fs::create_dir_all(&dir).expect("create test-output/letters");
    dir
}

fn tool(program: &str, args: &[&Path]) -> String {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("`{program}` is not installed ({e}); run scripts/setup.sh"));
    assert!(
        out.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Width, height and byte size of a PNG, from its IHDR chunk.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    (be(16), be(20))
}

/// Renders page 1 at 60 dpi and checks the picture has the page's proportions and is not
/// blank (a blank page compresses to a few hundred bytes).
fn render_first_page(spec: &LetterSpec, name: &str) -> PathBuf {
    let dir = output_dir();
    let pdf = dir.join(format!("{name}.pdf"));
    fs::write(&pdf, sample_letter(spec)).expect("write letter");
    let prefix = dir.join(name);
    let args = ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"];
    let status = Command::new("pdftoppm")
        .args(args)
        .arg(&pdf)
        .arg(&prefix)
        .status()
        .unwrap_or_else(|e| panic!("`pdftoppm` is not installed ({e}); run scripts/setup.sh"));
    assert!(status.success());
    let png_path = prefix.with_extension("png");
    let png = fs::read(&png_path).expect("pdftoppm wrote a PNG");
    let (w, h) = png_size(&png);
    let (pw, ph) = spec.size.points();
    assert_eq!(
        (w, h),
        (
            (pw * 60.0 / 72.0).ceil() as u32,
            (ph * 60.0 / 72.0).ceil() as u32
        )
    );
    assert!(
        png.len() > 8_000,
        "page 1 of {name} looks blank ({} bytes)",
        png.len()
    );
    png_path
}

#[test]
fn a4_and_f4_letters_render_with_their_text() {
    for (size, name) in [(PageSize::A4Portrait, "a4-3p"), (PageSize::F4, "f4-3p")] {
        let spec = LetterSpec::new(3, size);
        let png = render_first_page(&spec, name);
        let pdf = png.with_extension("pdf");
        let text = tool("pdftotext", &[Path::new("-layout"), &pdf, Path::new("-")]);
        for expected in [
            "PEMERINTAH KABUPATEN MUARA ENIM",
            "DINAS KOMUNIKASI, INFORMATIKA, STATISTIK DAN PERSANDIAN",
            "Muara Enim, 24 November 2026",
            "Undangan Sosialisasi Tanda Tangan Elektronik",
            "Halaman 1 dari 3",
            "Halaman 3 dari 3",
            "NIP 19780312 200312 1 004",
        ] {
            assert!(
                text.contains(expected),
                "{name}: pdftotext lacks {expected:?}:\n{text}"
            );
        }
        let info = tool("pdfinfo", &[&pdf]);
        assert!(info.contains("Pages:           3"), "{info}");
    }
}
