//! The PDF validation report, judged from outside: qpdf must find the file clean, and the text
//! poppler extracts must say what the verification found — conclusion, signer, SHA-256, checks,
//! page numbers — in Indonesian and in English.

mod trust_support;

use std::path::{Path, PathBuf};

use sertel_core::i18n::{Lang, Text};
use sertel_core::key::KeyAlgorithm;
use sertel_core::pades::{sign_file, SignOptions};
use sertel_core::trust::{CrlSet, RevocationPolicy};
use sertel_core::verify::pdf_report::{render, FileIdentity, ReportOptions, ReportedFile};
use sertel_core::verify::{
    verify_file, Conclusion, SubIndication, Verifier, VerifyOptions, VerifyReport,
};
use test_support::judges::{pdfinfo, pdftotext, qpdf_check, PdfText};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::pki::TestPki;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use trust_support::{root_store, CrlBuilder};

const ALG: KeyAlgorithm = KeyAlgorithm::EcdsaP256;
/// The signer of `ALG` in the test PKI.
const SIGNER: &str = "Dewi Lestari, S.E.";
/// When the reports say they were made: 24-11-2026 12:30 WIB.
const MADE: OffsetDateTime = datetime!(2026-11-24 05:30:00 UTC);

/// A one-page letter signed now by the P-256 test signer, written as `name` in `dir`.
fn signed_letter(dir: &Path, name: &str) -> PathBuf {
    let input = dir.join("surat.pdf");
    std::fs::write(
        &input,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("write");
    let e = TestPki::get().signer(ALG);
    let path = dir.join(name);
    sign_file(
        &input,
        &path,
        e.signer.as_ref(),
        &e.certificate,
        &e.chain,
        &SignOptions::default(),
    )
    .expect("sign");
    path
}

/// Trusting the test root, with current CRLs of both CAs.
fn trusted() -> Verifier {
    let pki = TestPki::get();
    let now = OffsetDateTime::now_utc();
    let (this, next) = (now - Duration::hours(1), Some(now + Duration::days(30)));
    let mut crls = CrlSet::new();
    for ca in [&pki.root, &pki.intermediate] {
        let crl = CrlBuilder::of(ca)
            .dates(this, next)
            .sign(ca.signer.as_ref());
        crls.add_der(&crl).expect("CRL");
    }
    let mut options = VerifyOptions::trusting(root_store());
    options.crls = crls;
    options.revocation = RevocationPolicy::HardFail;
    Verifier::new(options)
}

/// Renders one report of `files` in `lang` to `out`, and judges it: qpdf finds it clean.
fn rendered(files: &[ReportedFile<'_>], lang: Lang, out: &Path) -> PdfText {
    let pdf = render(
        files,
        &ReportOptions {
            lang,
            created: MADE,
        },
    );
    std::fs::write(out, &pdf).expect("write report");
    let check = qpdf_check(out);
    assert!(
        check.ok,
        "qpdf does not find the report clean:\n{}",
        check.output
    );
    pdftotext(out)
}

fn verified<'a>(path: &'a Path, report: &'a VerifyReport) -> ReportedFile<'a> {
    ReportedFile {
        path,
        identity: Some(FileIdentity::read(path).expect("identity")),
        outcome: Ok(report),
    }
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

fn sha256_hex(path: &Path) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(std::fs::read(path).expect("read")))
}

#[test]
fn a_passed_signature_is_reported_in_both_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = signed_letter(dir.path(), "surat-signed.pdf");
    let report = trusted().verify_file(&path).expect("verify");
    assert_eq!(report.conclusion(), Conclusion::PASSED, "{report:#?}");
    let files = [verified(&path, &report)];
    let sha = sha256_hex(&path);

    let id = rendered(&files, Lang::Id, &dir.path().join("laporan.pdf"));
    assert_says(
        &id,
        &[
            "Laporan Validasi Tanda Tangan Elektronik",
            "Dibuat 24-11-2026 12:30 WIB",
            &format!("Aplikasi Sertel {}", sertel_core::VERSION),
            "Berkas 1 dari 1: surat-signed.pdf",
            &format!("SHA-256 {sha}"),
            "TOTAL-PASSED",
            "SAH: dokumen utuh, tanda tangan benar, sertifikat tepercaya",
            &format!("Penanda tangan {SIGNER}"),
            "Keutuhan lulus",
            "Tanda tangan kriptografis lulus",
            "Perubahan setelah ditandatangani lulus",
            "Status pencabutan lulus",
            "Sertel Test Issuing CA",
            "Sertel Test Root CA",
            "Cakupan seluruh dokumen",
            "Keterangan",
            "Halaman 1 dari 1",
        ],
    );
    let info = pdfinfo(&dir.path().join("laporan.pdf"));
    assert_eq!(
        info.get("Title").map(String::as_str),
        Some("Laporan Validasi Tanda Tangan Elektronik"),
        "{info:?}"
    );
    assert_eq!(
        info.get("Producer"),
        Some(&format!("Sertel {}", sertel_core::VERSION)),
        "{info:?}"
    );
    assert!(
        info.get("CreationDate").is_some_and(|d| d.contains("2026")),
        "{info:?}"
    );
    assert_eq!(info.get("Page size").map(|s| s.contains("A4")), Some(true));

    let en = rendered(&files, Lang::En, &dir.path().join("report.pdf"));
    assert_says(
        &en,
        &[
            "Electronic Signature Validation Report",
            "Made 24-11-2026 12:30 WIB",
            "File 1 of 1: surat-signed.pdf",
            &format!("SHA-256 {sha}"),
            "VALID: intact document, genuine signature, trusted certificate",
            &format!("Signer {SIGNER}"),
            "Integrity passed",
            "Revocation status passed",
            "Coverage the whole document",
            "Legend",
            "Page 1 of 1",
        ],
    );
    let info = pdfinfo(&dir.path().join("report.pdf"));
    assert_eq!(
        info.get("Title").map(String::as_str),
        Some("Electronic Signature Validation Report")
    );
}

#[test]
fn a_tampered_letter_is_reported_failed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = signed_letter(dir.path(), "surat-diubah.pdf");
    let mut bytes = std::fs::read(&path).expect("read");
    let at = bytes
        .windows(7)
        .position(|w| w == b"Muara E")
        .expect("text in the PDF");
    bytes[at] = b'N';
    std::fs::write(&path, &bytes).expect("write");
    let report = trusted().verify_file(&path).expect("verify");
    assert_eq!(
        report.conclusion(),
        Conclusion::failed(SubIndication::HashFailure)
    );
    let files = [verified(&path, &report)];

    let id = rendered(&files, Lang::Id, &dir.path().join("laporan.pdf"));
    assert_says(
        &id,
        &[
            "TOTAL-FAILED / HASH_FAILURE",
            "TIDAK SAH (HASH_FAILURE): isi dokumen yang ditandatangani telah diubah",
            "Keutuhan GAGAL",
            "Dokumen telah diubah: nilai hash tidak cocok dengan tanda tangan",
            &format!("SHA-256 {}", sha256_hex(&path)),
        ],
    );
    let en = rendered(&files, Lang::En, &dir.path().join("report.pdf"));
    assert_says(
        &en,
        &[
            "TOTAL-FAILED / HASH_FAILURE",
            "INVALID (HASH_FAILURE): the signed content was altered",
            "Integrity FAILED",
            "The document was altered: its digest does not match the signature",
        ],
    );
}

#[test]
fn without_trust_anchors_the_report_is_indeterminate() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = signed_letter(dir.path(), "surat-signed.pdf");
    let report = verify_file(&path).expect("verify");
    assert_eq!(
        report.conclusion(),
        Conclusion::indeterminate(SubIndication::NoCertificateChainFound)
    );
    let files = [verified(&path, &report)];

    let id = rendered(&files, Lang::Id, &dir.path().join("laporan.pdf"));
    assert_says(
        &id,
        &[
            "INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND",
            "TIDAK DAPAT DITENTUKAN (NO_CERTIFICATE_CHAIN_FOUND)",
            &format!("Penanda tangan {SIGNER}"),
            "Keutuhan lulus",
            "Kepercayaan (rantai sertifikat) tidak diperiksa",
            "Belum ada sertifikat akar tepercaya",
            "Belum dapat dipastikan",
        ],
    );
    let en = rendered(&files, Lang::En, &dir.path().join("report.pdf"));
    assert_says(
        &en,
        &[
            "INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND",
            "no certificate chain leads to a trust anchor you imported",
            "Could not be decided",
        ],
    );
}

#[test]
fn forty_files_run_over_numbered_pages_and_unshowable_names_print_as_question_marks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let signed = signed_letter(dir.path(), "asli.pdf");
    let mut paths: Vec<PathBuf> = (1..=39)
        .map(|i| {
            let p = dir.path().join(format!("surat-{i:03}.pdf"));
            std::fs::copy(&signed, &p).expect("copy");
            p
        })
        .collect();
    let foreign = dir.path().join("surat-王小明.pdf");
    std::fs::write(&foreign, b"not a PDF").expect("write");
    paths.push(foreign.clone());
    let verifier = trusted();
    let outcomes: Vec<Result<VerifyReport, Text>> = paths
        .iter()
        .map(|p| verifier.verify_file(p).map_err(|e| Text::of(&e)))
        .collect();
    let files: Vec<ReportedFile<'_>> = paths
        .iter()
        .zip(&outcomes)
        .map(|(path, outcome)| ReportedFile {
            path,
            identity: FileIdentity::read(path).ok(),
            outcome: outcome.as_ref(),
        })
        .collect();

    for lang in [Lang::Id, Lang::En] {
        let out = dir.path().join(format!("laporan-{lang:?}.pdf"));
        let text = rendered(&files, lang, &out);
        let total = text.pages.len();
        assert!(total >= 10, "{total} pages for 40 files");
        assert_eq!(pdfinfo(&out).get("Pages"), Some(&total.to_string()));
        for (i, page) in text.pages.iter().enumerate() {
            let n = i + 1;
            let number = lang.pick(
                format!("Halaman {n} dari {total}"),
                format!("Page {n} of {total}"),
            );
            assert!(page.contains(&number), "page {n} lacks {number:?}:\n{page}");
        }
        let (last, note) = lang.pick(
            (
                "Berkas 40 dari 40: surat-???.pdf",
                "Tanda ? menggantikan huruf",
            ),
            ("File 40 of 40: surat-???.pdf", "A ? stands for a character"),
        );
        assert_says(
            &text,
            &[
                last,
                note,
                "TOTAL-PASSED 39. surat-039.pdf",
                "INDETERMINATE 40. surat-???.pdf",
            ],
        );
        let passed = text.all().matches("TOTAL-PASSED").count();
        assert!(
            passed > 2 * 39,
            "summary and sections: {passed} TOTAL-PASSED"
        );
    }
    assert_eq!(
        files[39].outcome.err().map(|t| t.kind),
        Some("pdf_unreadable")
    );
    assert!(files.iter().all(|f| f.identity.is_some()));
    assert_eq!(
        outcomes[0].as_ref().map(VerifyReport::conclusion).ok(),
        Some(Conclusion::PASSED)
    );
}
