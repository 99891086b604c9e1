//! The sample letters are well-formed, deterministic PDFs of the promised shape.

use std::fs;
use std::path::Path;
use std::process::Command;

use test_support::judges::qpdf_check;
use test_support::letters::{
    named_corpus, sample_letter, with_object_streams, LetterSpec, PageSize,
};

fn pdfinfo(pdf: &Path) -> String {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .unwrap_or_else(|e| panic!("`pdfinfo` is not installed ({e}); run scripts/setup.sh"));
    assert!(out.status.success(), "pdfinfo failed on {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn field<'a>(info: &'a str, key: &str) -> &'a str {
    info.lines()
        .find_map(|l| {
            l.strip_prefix(key)
                .map(|v| v.trim_start_matches(':').trim())
        })
        .unwrap_or_else(|| panic!("pdfinfo has no {key}:\n{info}"))
}

#[test]
fn every_size_and_length_passes_qpdf_and_gets_exactly_the_pages_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    for size in PageSize::ALL {
        for pages in [1, 2, 3, 5, 20] {
            let path = dir.path().join(format!("{}-{pages}.pdf", size.slug()));
            fs::write(&path, sample_letter(&LetterSpec::new(pages, size))).expect("write");
            let check = qpdf_check(&path);
            assert!(check.ok, "{size:?}, {pages} pages:\n{}", check.output);
            let info = pdfinfo(&path);
            assert_eq!(
                field(&info, "Pages"),
                pages.to_string(),
                "{size:?}, {pages} pages"
            );
            let (w, h) = size.points();
            let expected = format!("{} x {} pts", round(w), round(h));
            assert!(
                field(&info, "Page size").starts_with(&expected),
                "{size:?}: {info}"
            );
        }
    }
}

/// pdfinfo's rounding of page dimensions (up to three decimals, trailing zeros dropped).
fn round(v: f32) -> String {
    let s = format!("{:.3}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[test]
fn same_spec_same_bytes_and_info_and_id_are_present() {
    let spec = LetterSpec::new(2, PageSize::F4);
    let a = sample_letter(&spec);
    assert_eq!(a, sample_letter(&spec));
    let other = sample_letter(&LetterSpec {
        number: "000.1.2/118/Diskominfo-SP/2026".into(),
        ..spec
    });
    assert_ne!(a, other);

    let text = String::from_utf8_lossy(&a);
    assert!(text.contains("/ID ["), "no /ID in the trailer");
    assert!(text.starts_with("%PDF-1.7"));
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("f4.pdf");
    fs::write(&path, &a).expect("write");
    let info = pdfinfo(&path);
    assert_eq!(
        field(&info, "Title"),
        "Undangan Sosialisasi Tanda Tangan Elektronik"
    );
    assert!(field(&info, "Author").contains("Kabupaten Muara Enim"));
    assert_eq!(field(&info, "Producer"), "Sertel test-support");
    assert!(field(&info, "CreationDate").contains("2026"));
}

#[test]
fn object_stream_variant_uses_a_cross_reference_stream() {
    let classic = sample_letter(&LetterSpec::new(2, PageSize::A4Portrait));
    let streamed = with_object_streams(&classic);
    let has = |bytes: &[u8], needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(&classic, b"\nxref\n0 ") && !has(&classic, b"/ObjStm"));
    assert!(has(&streamed, b"/ObjStm") && has(&streamed, b"/XRef"));
    assert!(
        !has(&streamed, b"\nxref\n"),
        "variant still has a classic xref table"
    );
    assert_eq!(
        streamed,
        with_object_streams(&classic),
        "qpdf output is not deterministic"
    );
}

#[test]
fn the_named_corpus_is_varied_and_every_file_passes_qpdf_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paths = named_corpus(dir.path());
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    for expected in [
        "a4-portrait-1p.pdf",
        "a4-portrait-20p.pdf",
        "a4-landscape-2p.pdf",
        "f4-5p.pdf",
        "letter-2p.pdf",
        "legal-2p.pdf",
        "a4-portrait-2p-rot270.pdf",
        "a4-portrait-5p-objstm.pdf",
    ] {
        assert!(
            names.iter().any(|n| n == expected),
            "corpus lacks {expected}: {names:?}"
        );
    }
    for path in &paths {
        let check = qpdf_check(path);
        assert!(check.ok, "{}:\n{}", path.display(), check.output);
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let info = pdfinfo(path);
        let pages = name
            .split('-')
            .find_map(|part| part.strip_suffix('p').and_then(|n| n.parse::<usize>().ok()))
            .or_else(|| {
                name.trim_end_matches(".pdf")
                    .split('-')
                    .find_map(|p| p.strip_suffix('p')?.parse().ok())
            })
            .expect("page count in name");
        assert_eq!(field(&info, "Pages"), pages.to_string(), "{name}");
        let rotation = name
            .split(['-', '.'])
            .find_map(|p| p.strip_prefix("rot"))
            .unwrap_or("0");
        assert_eq!(field(&info, "Page rot"), rotation, "{name}");
    }
}
