//! The cross-reference-stream variant of a letter, and the named set of letters on disk.

use std::fs;
use std::path::{Path, PathBuf};

use super::spec::{LetterSpec, PageSize};
use crate::judges::tool;

/// Rewrites `pdf` with qpdf so that its objects sit in object streams and its cross-reference
/// is a stream (`qpdf --object-streams=generate --deterministic-id`), the other file layout a
/// signer must handle.
///
/// # Panics
/// If qpdf is missing (run `scripts/setup.sh`) or rejects the input.
pub fn with_object_streams(pdf: &[u8]) -> Vec<u8> {
    let dir = tempfile::tempdir().expect("temporary directory");
    let input = dir.path().join("in.pdf");
    let output = dir.path().join("out.pdf");
    fs::write(&input, pdf).expect("write qpdf input");
    let run = tool::run(
        "qpdf",
        [
            "--object-streams=generate".as_ref(),
            "--deterministic-id".as_ref(),
            input.as_os_str(),
            output.as_os_str(),
        ],
    );
    assert_eq!(
        run.code,
        Some(0),
        "qpdf failed to add object streams:\n{run}"
    );
    fs::read(&output).expect("read qpdf output")
}

/// One letter of the corpus: file name and how it is made.
fn entries() -> Vec<(String, LetterSpec, bool)> {
    let mut list = Vec::new();
    let mut add = |spec: LetterSpec, object_streams: bool| {
        let rotation = spec.rotated.map(|d| format!("-rot{d}")).unwrap_or_default();
        let layout = if object_streams { "-objstm" } else { "" };
        let name = format!("{}-{}p{rotation}{layout}.pdf", spec.size.slug(), spec.pages);
        list.push((name, spec, object_streams));
    };
    for pages in [1, 2, 5, 20] {
        add(LetterSpec::new(pages, PageSize::A4Portrait), false);
    }
    for size in PageSize::ALL.into_iter().skip(1) {
        add(LetterSpec::new(2, size), false);
    }
    add(LetterSpec::new(1, PageSize::F4), false);
    add(LetterSpec::new(5, PageSize::F4), false);
    for degrees in [90, 180, 270] {
        let spec = LetterSpec {
            rotated: Some(degrees),
            ..LetterSpec::new(2, PageSize::A4Portrait)
        };
        add(spec, false);
    }
    add(LetterSpec::new(1, PageSize::A4Portrait), true);
    add(LetterSpec::new(5, PageSize::A4Portrait), true);
    add(LetterSpec::new(2, PageSize::F4), true);
    let rotated = LetterSpec {
        rotated: Some(90),
        ..LetterSpec::new(1, PageSize::A4Landscape)
    };
    add(rotated, true);
    list
}

/// Writes the corpus of sample letters into `dir` (created if missing) and returns their
/// paths, sorted by name. It holds A4 portrait letters of 1, 2, 5 and 20 pages; two-page
/// letters on every other size; one- and five-page F4 letters; A4 letters rotated 90, 180 and
/// 270 degrees; and object-stream variants (names ending in `-objstm.pdf`). Names tell the
/// size, page count, rotation and layout, e.g. `f4-5p.pdf`, `a4-portrait-2p-rot90.pdf`.
///
/// # Panics
/// If `dir` cannot be written or qpdf is missing.
pub fn named_corpus(dir: &Path) -> Vec<PathBuf> {
    fs::create_dir_all(dir).expect("create the letter corpus directory");
    let mut paths: Vec<PathBuf> = entries()
        .into_iter()
        .map(|(name, spec, object_streams)| {
            let mut bytes = super::sample_letter(&spec);
            if object_streams {
                bytes = with_object_streams(&bytes);
            }
            let path = dir.join(name);
            fs::write(&path, bytes).expect("write a corpus letter");
            path
        })
        .collect();
    paths.sort();
    paths
}
