//! `sertel verify --report FILE.pdf`: one PDF covering every file given, in the language of
//! `--lang`, written atomically, never over an existing file unless `--overwrite`; the exit code
//! stays the verification's.

mod common;

use std::path::Path;

use common::{code, json, printed, Fixture};
use sertel_core::key::KeyAlgorithm;
use test_support::judges::{pdftotext, qpdf_check, PdfText};

/// The SHA-256 of the file at `path` in lowercase hex, computed here, apart from Sertel's.
fn sha256_hex(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("read");
    aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// qpdf finds `pdf` clean; its text.
fn judged(pdf: &Path) -> PdfText {
    let check = qpdf_check(pdf);
    assert!(check.ok, "{}", check.output);
    pdftotext(pdf)
}

fn assert_says(text: &PdfText, needles: &[&str]) {
    for needle in needles {
        assert!(
            text.contains(needle),
            "the report does not say {needle:?}:\n{}",
            text.all()
        );
    }
}

/// A signed letter `signed.pdf`, a tampered copy `tampered.pdf` and the unsigned `surat-002.pdf`.
fn three_files() -> Fixture {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let inputs = f.letters(2);
    let out = f.sign(
        false,
        &["-o", "signed.pdf", inputs[0].to_str().unwrap_or_default()],
    );
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let mut bytes = std::fs::read(f.path("signed.pdf")).expect("read");
    let at = bytes
        .windows(7)
        .position(|w| w == b"Muara E")
        .expect("text in the PDF");
    bytes[at] = b'N';
    std::fs::write(f.path("tampered.pdf"), &bytes).expect("write");
    f
}

#[test]
fn one_report_covers_every_file_and_the_exit_code_stays_the_verifications() {
    let f = three_files();
    let files = ["signed.pdf", "tampered.pdf", "surat-002.pdf"];
    let mut args = vec!["--lang", "en", "verify", "--report", "report.pdf"];
    args.extend(files);
    let out = f.sertel(&args);
    assert_eq!(code(&out), 1, "a tampered file: {}", printed(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Validation report (PDF): report.pdf"),
        "{}",
        printed(&out)
    );
    let text = judged(&f.path("report.pdf"));
    assert_says(
        &text,
        &[
            "Electronic Signature Validation Report",
            "Contents 3 files, 2 signatures",
            "TOTAL-PASSED 1. signed.pdf",
            "TOTAL-FAILED 2. tampered.pdf (HASH_FAILURE)",
            "INDETERMINATE 3. surat-002.pdf (SIGNED_DATA_NOT_FOUND)",
            "File 1 of 3: signed.pdf",
            &format!("SHA-256 {}", sha256_hex(&f.path("signed.pdf"))),
            &format!("SHA-256 {}", sha256_hex(&f.path("tampered.pdf"))),
            &format!("SHA-256 {}", sha256_hex(&f.path("surat-002.pdf"))),
            "Signer Dewi Lestari, S.E.",
            "VALID: intact document, genuine signature, trusted certificate",
            "Trust (certificate chain) passed",
            "Sertel Test Root CA",
            "TOTAL-FAILED / HASH_FAILURE",
            "The document was altered: its digest does not match the signature",
            "INDETERMINATE / SIGNED_DATA_NOT_FOUND",
            "Legend",
        ],
    );
    let total = text.pages.len();
    for n in 1..=total {
        assert_says(&text, &[&format!("Page {n} of {total}")]);
    }
    let leftovers: Vec<String> = std::fs::read_dir(f.dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn an_existing_report_is_kept_unless_overwrite() {
    let f = three_files();
    std::fs::write(f.path("laporan.pdf"), b"laporan lama").expect("write");
    let refused = f.sertel(&["verify", "--report", "laporan.pdf", "signed.pdf"]);
    assert_eq!(code(&refused), 4, "{}", printed(&refused));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("sudah ada"),
        "{}",
        printed(&refused)
    );
    assert!(
        refused.stdout.is_empty(),
        "refused before verifying: {}",
        printed(&refused)
    );
    assert_eq!(
        std::fs::read(f.path("laporan.pdf")).expect("read"),
        b"laporan lama"
    );

    let replaced = f.sertel(&[
        "verify",
        "--report",
        "laporan.pdf",
        "--overwrite",
        "signed.pdf",
    ]);
    assert_eq!(code(&replaced), 0, "{}", printed(&replaced));
    let text = judged(&f.path("laporan.pdf"));
    assert_says(
        &text,
        &[
            "Laporan Validasi Tanda Tangan Elektronik",
            "Berkas 1 dari 1: signed.pdf",
            "SAH: dokumen utuh, tanda tangan benar, sertifikat tepercaya",
            "Keutuhan lulus",
            &format!("Halaman 1 dari {}", text.pages.len()),
        ],
    );

    let no_report = f.sertel(&["verify", "--overwrite", "signed.pdf"]);
    assert_eq!(code(&no_report), 3, "{}", printed(&no_report));
}

#[test]
fn json_output_names_the_report() {
    let f = three_files();
    let out = f.sertel(&["--json", "verify", "--report", "r.pdf", "tampered.pdf"]);
    assert_eq!(code(&out), 1, "{}", printed(&out));
    let v = json(&out);
    assert_eq!(v["report"], "r.pdf", "{v}");
    assert_eq!(v["ok"], false, "{v}");
    assert_says(&judged(&f.path("r.pdf")), &["TOTAL-FAILED / HASH_FAILURE"]);
}
