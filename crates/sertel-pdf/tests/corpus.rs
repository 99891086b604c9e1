//! The independent pyHanko corpus: every file is opened and walked completely; each either
//! opens or fails with an error, nothing panics, and the well-formed ones behave.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::corpus_dir;
use sertel_pdf::{Document, IncrementalUpdate, Limits, Object, PdfError, Prefix};

fn pdf_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            pdf_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "pdf") {
            out.push(p);
        }
    }
}

#[derive(Debug, Default)]
struct Walk {
    /// `None` if the file opened, else the error.
    open_error: Option<String>,
    pages: Option<Result<usize, String>>,
    objects: usize,
    bad_objects: usize,
    streams: usize,
    undecodable: usize,
}

fn walk(bytes: &[u8]) -> Walk {
    let mut w = Walk::default();
    let doc = match Document::open(bytes.to_vec(), Limits::default()) {
        Ok(d) => d,
        Err(e) => {
            w.open_error = Some(e.to_string());
            return w;
        }
    };
    w.pages = Some(doc.pages().map(|p| p.len()).map_err(|e| e.to_string()));
    for r in doc.objects() {
        w.objects += 1;
        match doc.get(r) {
            Ok(Object::Stream(s)) => {
                w.streams += 1;
                if doc.stream_decoded(&s).is_err() {
                    w.undecodable += 1;
                }
            }
            Ok(_) => {}
            Err(_) => w.bad_objects += 1,
        }
    }
    for page in doc.pages().unwrap_or_default() {
        for key in [&b"MediaBox"[..], b"Resources", b"CropBox", b"Rotate"] {
            let _ = doc.inherited(page, key);
        }
    }
    let len = doc.len();
    for rev in doc.revisions() {
        assert!(rev.end <= len && rev.xref_offset < len);
    }
    w
}

fn load(name: &str) -> Vec<u8> {
    let p = corpus_dir().join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn open(name: &str) -> Document {
    Document::open(load(name), Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_file_opens_or_fails_cleanly() {
    let dir = corpus_dir();
    let mut files = Vec::new();
    pdf_files(&dir, &mut files);
    assert!(
        files.len() >= 100,
        "only {} PDFs found in {}",
        files.len(),
        dir.display()
    );
    let mut results = BTreeMap::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let name = f.strip_prefix(&dir).unwrap_or(f).display().to_string();
        let res = std::panic::catch_unwind(|| walk(&bytes));
        match res {
            Ok(w) => {
                results.insert(name, w);
            }
            Err(_) => panic!("{name}: panicked"),
        }
    }
    let opened = results.values().filter(|w| w.open_error.is_none()).count();
    let failed: Vec<_> = results
        .iter()
        .filter_map(|(n, w)| w.open_error.as_ref().map(|e| format!("{n}: {e}")))
        .collect();
    let with_pages = results
        .values()
        .filter(|w| matches!(w.pages, Some(Ok(n)) if n > 0))
        .count();
    println!(
        "corpus: {} files, {opened} open ({with_pages} with pages listed), {} fail cleanly:",
        files.len(),
        failed.len()
    );
    for f in &failed {
        println!("  {f}");
    }
    let (objects, bad, streams, undecodable) = results.values().fold((0, 0, 0, 0), |a, w| {
        (
            a.0 + w.objects,
            a.1 + w.bad_objects,
            a.2 + w.streams,
            a.3 + w.undecodable,
        )
    });
    println!(
        "objects: {objects} ({bad} unreadable), streams: {streams} ({undecodable} not decodable)"
    );

    // The files that are broken on purpose at the file-structure level fail to open.
    for name in [
        "minimal-badxref.pdf",
        "malformed-xref-space-padded.pdf",
        "minimal-illegal-header.pdf",
        "minimal-startxref-hopeless.pdf",
        "minimal-startxref-hopeless2.pdf",
        "minimal-startxref-hopeless3.pdf",
        "minimal-startxref-obo2.pdf",
    ] {
        assert!(results[name].open_error.is_some(), "{name} should not open");
    }
    // Everything else opens (broken objects inside are reported per object).
    assert!(opened + failed.len() == files.len());
    assert!(opened >= 110, "only {opened} files opened");
}

#[test]
fn well_formed_files_open_and_list_pages() {
    let mut dir_files = Vec::new();
    pdf_files(&corpus_dir(), &mut dir_files);
    let names: Vec<String> = dir_files
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()))
        .collect();
    let signed: Vec<&String> = names
        .iter()
        .filter(|n| n.contains("signed") || n.starts_with("pades-") || n.starts_with("sig-"))
        .collect();
    assert!(signed.len() >= 8);
    let wanted = [
        "minimal.pdf",
        "minimal-xref.pdf",
        "minimal-two-pages.pdf",
        "minimal-hybrid-xref.pdf",
        "minimal-hybrid-xref-mswordstyle.pdf",
        "uncompressed-objstream-sample.pdf",
        "empty-a4.pdf",
        "fontembed.pdf",
    ];
    for name in wanted
        .iter()
        .copied()
        .chain(signed.iter().map(|s| s.as_str()))
    {
        let path = dir_files
            .iter()
            .find(|p| p.file_name().is_some_and(|f| f.to_string_lossy() == name))
            .unwrap_or_else(|| panic!("{name} missing from the corpus"));
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc =
            Document::open(bytes, Limits::default()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let pages = doc.pages().unwrap_or_else(|e| panic!("{name}: pages: {e}"));
        assert!(!pages.is_empty(), "{name}: no pages");
        for p in &pages {
            assert!(
                doc.inherited(*p, b"MediaBox").ok().flatten().is_some(),
                "{name}: page {p} has no MediaBox"
            );
        }
        for r in doc.objects() {
            if !doc.is_encrypted() {
                doc.get(r).unwrap_or_else(|e| panic!("{name}: {r}: {e}"));
            }
        }
    }
    assert_eq!(
        open("minimal-two-pages.pdf").pages().map(|p| p.len()).ok(),
        Some(2)
    );
}

#[test]
fn specific_expectations() {
    // A cyclic page tree is an error, not a hang.
    assert!(matches!(
        open("circular-page-tree.pdf").pages(),
        Err(PdfError::Cycle(_))
    ));
    // A direct kid cannot be listed as a page reference.
    assert!(matches!(
        open("page-tree-direct-kid.pdf").pages(),
        Err(PdfError::Invalid(_))
    ));
    // /Size 6 in the newest trailer, but object 6 exists in an older section.
    let doc = open("minimal-broken-xref-size.pdf");
    assert_eq!(doc.trailer().get_int(b"Size"), Some(6));
    assert_eq!(doc.next_object_number(), 7);
    // Illegal header and hopeless startxref values.
    let res = Document::open(load("minimal-illegal-header.pdf"), Limits::default());
    assert!(matches!(res, Err(PdfError::BadHeader)));
    let res = Document::open(load("minimal-startxref-hopeless3.pdf"), Limits::default());
    assert!(matches!(res, Err(PdfError::StartXref(_))));
    // startxref one byte early lands on white space before `xref`, which is allowed.
    assert!(Document::open(load("minimal-startxref-obo1.pdf"), Limits::default()).is_ok());
    // Broken object streams: the file opens; the affected objects fail.
    for n in 1..=6 {
        let name = format!("broken-objstream{n}.pdf");
        let doc = open(&name);
        let bad = doc.objects().filter(|r| doc.get(*r).is_err()).count();
        assert_eq!(bad > 0, n != 5, "{name}: {bad} unreadable objects");
    }
    // Hybrid files: every object (including those only the /XRefStm stream lists) reads.
    for name in [
        "minimal-hybrid-xref.pdf",
        "minimal-hybrid-xref-weirdgen.pdf",
        "minimal-hybrid-xref-mswordstyle.pdf",
    ] {
        let doc = open(name);
        assert_eq!(
            doc.revisions().last().map(|r| r.kind),
            Some(sertel_pdf::XrefKind::Hybrid)
        );
        assert_eq!(doc.objects().count(), 7, "{name}");
        for r in doc.objects() {
            doc.get(r).unwrap_or_else(|e| panic!("{name}: {r}: {e}"));
        }
    }
    // Encrypted files open, say so, and refuse updates.
    for name in [
        "minimal-aes256.pdf",
        "minimal-rc4.pdf",
        "minimal-pubkey-aes256.pdf",
        "malformed-encrypt-dict1.pdf",
    ] {
        let doc = open(name);
        assert!(doc.is_encrypted(), "{name}");
        assert!(
            matches!(IncrementalUpdate::new(&doc), Err(PdfError::Encrypted)),
            "{name}"
        );
    }
    // A signed-twice file has three revisions whose ends are where its %%EOF markers are.
    let bytes = load("minimal-signed-twice-both-created.pdf");
    let doc = Document::open(bytes.clone(), Limits::default()).expect("opens");
    let ends: Vec<u64> = doc.revisions().iter().map(|r| r.end).collect();
    assert_eq!(ends.len(), 3);
    for &e in &ends {
        let before = &bytes[..e as usize];
        let trimmed = before.strip_suffix(b"\n").unwrap_or(before);
        let trimmed = trimmed.strip_suffix(b"\r").unwrap_or(trimmed);
        assert!(
            trimmed.ends_with(b"%%EOF"),
            "end {e} is not just past a %%EOF"
        );
    }
    assert_eq!(ends.last().copied(), Some(bytes.len() as u64));
}

#[test]
fn revisions_reopen_as_prefixes() {
    let mut files = Vec::new();
    pdf_files(&corpus_dir(), &mut files);
    let mut checked = 0;
    for f in files {
        let bytes: std::sync::Arc<[u8]> = std::fs::read(&f).expect("readable").into();
        let Ok(doc) = Document::open(bytes.clone(), Limits::default()) else {
            continue;
        };
        let ends: Vec<u64> = doc.revisions().iter().map(|r| r.end).collect();
        if ends.len() < 2 || ends.windows(2).any(|w| w[0] >= w[1]) {
            continue; // single revision, or linearized (first-page section listed newest)
        }
        for (i, &end) in ends.iter().enumerate() {
            let old = Document::open(Prefix::new(bytes.clone(), end), Limits::default())
                .unwrap_or_else(|e| panic!("{}: revision {i}: {e}", f.display()));
            assert_eq!(old.revisions().len(), i + 1, "{}", f.display());
        }
        checked += 1;
    }
    assert!(checked >= 15, "only {checked} multi-revision files");
}

#[test]
fn every_updatable_file_accepts_an_incremental_update() {
    let mut files = Vec::new();
    pdf_files(&corpus_dir(), &mut files);
    let mut updated = 0;
    for f in files {
        let orig = std::fs::read(&f).expect("readable");
        let Ok(doc) = Document::open(orig.clone(), Limits::default()) else {
            continue;
        };
        let Ok((root, mut catalog)) = doc.catalog() else {
            continue;
        };
        let Ok(mut up) = IncrementalUpdate::new(&doc) else {
            continue;
        };
        let extra = up.allocate();
        catalog.set(b"SertelTest", Object::Reference(extra));
        up.put(root, Object::Dictionary(catalog));
        up.put(extra, Object::string(b"x".to_vec()));
        let w = up
            .finish()
            .unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let mut bytes = orig.clone();
        bytes.extend_from_slice(&w.bytes);
        let doc2 = Document::open(bytes.clone(), Limits::default())
            .unwrap_or_else(|e| panic!("{}: reopen: {e}", f.display()));
        assert_eq!(
            doc2.get(extra).ok(),
            Some(Object::string(b"x".to_vec())),
            "{}",
            f.display()
        );
        assert_eq!(doc2.revisions().len(), doc.revisions().len() + 1);
        // Where qpdf accepts the original, it accepts the update.
        let (orig_ok, _) = common::qpdf_check(&orig);
        if orig_ok {
            let (ok, out) = common::qpdf_check(&bytes);
            assert!(ok, "{}: qpdf rejects the update:\n{out}", f.display());
        }
        updated += 1;
    }
    assert!(updated >= 70, "only {updated} files updated");
}
