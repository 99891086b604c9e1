//! The pyHanko corpus table covers exactly the PDFs of shared/corpora/pyhanko and is coherent.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use test_support::corpus::{
    pyhanko_cases, pyhanko_corpus_dir, pyhanko_pki_dir, Coverage, Credential, Kind, Modifications,
    Open, Verdict,
};

fn pdfs_under(dir: &Path, root: &Path, found: &mut BTreeSet<String>) {
    for entry in fs::read_dir(dir).expect("read corpus dir") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            pdfs_under(&path, root, found);
        } else if path.extension().is_some_and(|e| e == "pdf") {
            let rel = path.strip_prefix(root).expect("under root");
            found.insert(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn every_corpus_pdf_has_exactly_one_row_and_every_row_a_pdf() {
    let root = pyhanko_corpus_dir().join("pdf");
    let mut on_disk = BTreeSet::new();
    pdfs_under(&root, &root, &mut on_disk);

    let cases = pyhanko_cases();
    let mut in_table = BTreeSet::new();
    for case in &cases {
        assert!(
            in_table.insert(case.name.clone()),
            "{} listed twice",
            case.name
        );
        assert!(
            case.file.is_file(),
            "{} is not in the corpus",
            case.file.display()
        );
    }
    let missing: Vec<_> = on_disk.difference(&in_table).collect();
    let extra: Vec<_> = in_table.difference(&on_disk).collect();
    assert!(missing.is_empty(), "PDFs without a row: {missing:?}");
    assert!(extra.is_empty(), "rows without a PDF: {extra:?}");
    assert_eq!(cases.len(), 130);
}

#[test]
fn rows_are_coherent() {
    for case in pyhanko_cases() {
        let name = &case.name;
        match &case.credential {
            Credential::None => {}
            Credential::Password(p) => assert!(!p.is_empty(), "{name}"),
            Credential::PublicKey { key, cert, .. } => {
                assert!(key.is_file(), "{name}: {}", key.display());
                assert!(cert.is_file(), "{name}: {}", cert.display());
            }
        }
        if case.kind == Kind::Encrypted {
            assert_ne!(case.credential, Credential::None, "{name}");
        }
        if case.kind == Kind::Signed {
            assert_eq!(case.open, Open::Ok, "{name}");
        }
        for sig in &case.signatures {
            // Anything short of an intact signature over a sane range with allowed changes
            // cannot be valid, whatever the trust.
            if !sig.intact
                || sig.coverage == Coverage::Anomalous
                || sig.modifications == Modifications::Forbidden
            {
                assert_eq!(sig.expected, Verdict::Invalid, "{name} {}", sig.field);
            }
            if sig.coverage == Coverage::Entire {
                assert_eq!(sig.modifications, Modifications::None, "{name}");
            }
        }
    }
}

#[test]
fn the_verdicts_pyhankos_tests_fix_are_in_the_table() {
    let cases = pyhanko_cases();
    let get = |n: &str| {
        cases
            .iter()
            .find(|c| c.name == n)
            .unwrap_or_else(|| panic!("{n}"))
    };
    for n in [
        "coverage-anomalies/one-byterange.pdf",
        "coverage-anomalies/signature-gap-too-big.pdf",
        "coverage-anomalies/tail-uncovered.pdf",
        "coverage-anomalies/weird-byterange.pdf",
    ] {
        let sig = &get(n).signatures[0];
        assert!(sig.intact && sig.coverage == Coverage::Anomalous, "{n}");
    }
    for n in [
        "form-update-override-appearance-stream-sneaky.pdf",
        "form-update-override-appearance-stream-ap-indirect-sneaky.pdf",
        "form-update-no-override-appearance-stream-ap-indirect-sneaky.pdf",
        "form-update-ap-indirect-sneaky-trailer.pdf",
        "extensions-indirect-not-all-paths.pdf",
    ] {
        let sigs = &get(n).signatures;
        assert_eq!(sigs[0].modifications, Modifications::Forbidden, "{n}");
        assert_eq!(sigs[1].expected, Verdict::ValidCrypto, "{n}");
    }
    assert_eq!(
        get("pdf-sig-with-econtent.pdf").signatures[0].expected,
        Verdict::Invalid
    );
    assert_eq!(
        get("ed448-disallowed-hash.pdf").signatures[0].expected,
        Verdict::Indeterminate
    );
    for n in [
        "minimal-startxref-hopeless.pdf",
        "minimal-startxref-hopeless2.pdf",
        "minimal-startxref-hopeless3.pdf",
        "minimal-illegal-header.pdf",
    ] {
        assert_eq!(get(n).open, Open::Error, "{n}");
    }
}

#[test]
fn the_rendered_pki_holds_certificates_only() {
    let dir = pyhanko_pki_dir();
    let mut pems = 0;
    for entry in fs::read_dir(&dir).expect("pyhanko-pki") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "pem") {
            let text = fs::read_to_string(&path).expect("read pem");
            assert!(text.contains("BEGIN CERTIFICATE"), "{}", path.display());
            assert!(!text.contains("PRIVATE KEY"), "{}", path.display());
            pems += 1;
        }
    }
    assert!(pems >= 6, "{pems} certificates in {}", dir.display());
    assert!(dir.join("README.md").is_file());
}
