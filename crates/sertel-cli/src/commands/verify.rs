//! `sertel verify`: every signature in each file, checked for integrity, cryptography, changes
//! after signing and trust, with an ETSI EN 319 102-1 conclusion per signature.

use rayon::prelude::*;
use sertel_core::i18n::Localized;
use sertel_core::pades::text::{display_date, parse_pdf_date};
use sertel_core::verify::{Check, Conclusion, Indication, Verifier, VerifyReport};

use crate::args::VerifyArgs;
use crate::exit::{self, CliError};
use crate::output::Out;

fn check_text(c: &Check, lang: sertel_core::i18n::Lang) -> &'static str {
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
            s.conclusion.message(l)
        );
        if let Some(name) = &s.signer {
            println!("    {}: {name}", out.t("Penanda tangan", "Signer"));
        }
        if let Some(t) = &s.claimed_time {
            let shown = parse_pdf_date(t)
                .map(display_date)
                .unwrap_or_else(|| t.clone());
            println!(
                "    {}: {shown}",
                out.t("Waktu (diklaim)", "Time (claimed)")
            );
        }
        if let Some(t) = s.timestamp_time {
            println!(
                "    {}: {}",
                out.t("Penanda waktu", "Timestamp"),
                display_date(t as i64)
            );
        }
        let checks = [
            (("Keutuhan", "Integrity"), &s.integrity),
            (
                ("Tanda tangan kriptografis", "Cryptographic signature"),
                &s.signature,
            ),
            (
                ("Perubahan setelah ditandatangani", "Changes after signing"),
                &s.modifications,
            ),
            (
                (
                    "Kepercayaan (rantai sertifikat)",
                    "Trust (certificate chain)",
                ),
                &s.trust,
            ),
        ];
        for ((id, en), check) in checks {
            println!("    {}: {}", out.t(id, en), check_text(check, l));
        }
        if !s.chain.is_empty() {
            let names: Vec<&str> = s.chain.iter().map(|c| c.name.as_str()).collect();
            println!("      {}", names.join(" → "));
        }
        println!(
            "    {}: {}",
            out.t("Status pencabutan", "Revocation status"),
            check_text(&s.revocation, l)
        );
        if let Some(t) = s.validation_time {
            println!(
                "    {}: {}",
                out.t("Waktu validasi", "Validation time"),
                display_date(t)
            );
        }
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
}

/// The exit code a conclusion leads to.
fn exit_code(c: Conclusion) -> u8 {
    match c.indication {
        Indication::TotalPassed => exit::OK,
        Indication::TotalFailed => exit::INVALID,
        Indication::Indeterminate => exit::INDETERMINATE,
    }
}

/// Runs `sertel verify`: the files are checked in parallel and reported in the order given.
pub fn run(args: &VerifyArgs, out: &Out) -> Result<u8, CliError> {
    let verifier = Verifier::new(super::verify_options::options(args)?);
    let results: Vec<_> = args
        .files
        .par_iter()
        .map(|path| (path, verifier.verify_file(path)))
        .collect();
    let mut reports = Vec::new();
    let mut worst = exit::OK;
    let mut errors = Vec::new();
    for (path, result) in results {
        match result {
            Ok(r) => {
                worst = worst_code(worst, exit_code(r.conclusion()));
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
