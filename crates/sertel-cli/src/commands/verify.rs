//! `sertel verify`: integrity and cryptographic check of every signature in each file.

use sertel_core::i18n::{Lang, Localized};
use sertel_core::pades::text::display_date;
use sertel_core::verify::{verify_file, Check, Verdict, VerifyReport};

use crate::args::VerifyArgs;
use crate::exit::{self, CliError};
use crate::output::Out;

fn verdict_text(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Valid => lang.pick(
            "SAH (utuh, tanda tangan kriptografis benar)",
            "VALID (intact, signature verifies)",
        ),
        Verdict::Invalid => lang.pick("TIDAK SAH", "INVALID"),
        Verdict::Indeterminate => lang.pick("TIDAK DAPAT DITENTUKAN", "INDETERMINATE"),
    }
}

fn check_text(c: &Check, lang: Lang) -> &'static str {
    match c {
        Check::Passed => lang.pick("lulus", "passed"),
        Check::Failed => lang.pick("GAGAL", "FAILED"),
        Check::NotChecked => lang.pick("tidak diperiksa", "not checked"),
    }
}

fn print_text(report: &VerifyReport, out: &Out) {
    let l = out.lang;
    println!("{}", report.file.display());
    if report.signatures.is_empty() {
        println!("  {}", out.t("Tidak ada tanda tangan.", "No signatures."));
    }
    for (i, s) in report.signatures.iter().enumerate() {
        println!(
            "  {} {} ({}): {}",
            out.t("Tanda tangan", "Signature"),
            i + 1,
            s.field,
            verdict_text(s.verdict, l)
        );
        if let Some(name) = &s.signer {
            println!("    {}: {name}", out.t("Penanda tangan", "Signer"));
        }
        if let Some(t) = &s.claimed_time {
            println!("    {}: {t}", out.t("Waktu (diklaim)", "Time (claimed)"));
        }
        if let Some(t) = s.timestamp_time {
            println!(
                "    {}: {}",
                out.t("Penanda waktu", "Timestamp"),
                display_date(t as i64)
            );
        }
        println!(
            "    {}: {}",
            out.t("Keutuhan", "Integrity"),
            check_text(&s.integrity, l)
        );
        println!(
            "    {}: {}",
            out.t("Tanda tangan kriptografis", "Cryptographic signature"),
            check_text(&s.signature, l)
        );
        let coverage = if s.covers_whole_file {
            out.t("seluruh dokumen", "the whole document")
        } else {
            out.t(
                "revisi sebelumnya; dokumen diubah sesudahnya",
                "an earlier revision; the document changed afterwards",
            )
        };
        println!("    {}: {coverage}", out.t("Cakupan", "Coverage"));
        for f in &s.findings {
            println!("    ! {}", f.message(l));
        }
    }
    println!(
        "  {}",
        out.t(
            "Catatan: kepercayaan pada sertifikat dan status pencabutan belum diperiksa oleh perintah ini.",
            "Note: trust in the certificate and its revocation status are not checked by this command."
        )
    );
}

/// Runs `sertel verify`.
pub fn run(args: &VerifyArgs, out: &Out) -> Result<u8, CliError> {
    let mut reports = Vec::new();
    let mut worst = exit::OK;
    let mut errors = Vec::new();
    for path in &args.files {
        match verify_file(path) {
            Ok(r) => {
                let code = match r.verdict() {
                    Verdict::Valid => exit::OK,
                    Verdict::Invalid => exit::INVALID,
                    Verdict::Indeterminate => exit::INDETERMINATE,
                };
                worst = worst_code(worst, code);
                if !out.json {
                    print_text(&r, out);
                }
                reports.push(r);
            }
            Err(e) => {
                // An unreadable file cannot be shown valid: indeterminate.
                worst = worst_code(worst, exit::INDETERMINATE);
                if !out.json {
                    eprintln!("sertel: {}", e.message(out.lang));
                }
                errors.push(serde_json::json!({
                    "file": path, "error": { "kind": e.kind(), "message": e.message(out.lang) }
                }));
            }
        }
    }
    if out.json {
        out.json(
            &serde_json::json!({ "ok": worst == exit::OK, "files": reports, "errors": errors }),
        );
    }
    Ok(worst)
}

/// Invalid outranks indeterminate, which outranks valid.
fn worst_code(a: u8, b: u8) -> u8 {
    let rank = |c: u8| match c {
        exit::INVALID => 2,
        exit::INDETERMINATE => 1,
        _ => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}
