//! `sertel verify`: every signature in each file, checked for integrity, cryptography, changes
//! after signing and trust, with an ETSI EN 319 102-1 conclusion per signature; with
//! `--report`, also one PDF validation report of them all.

use std::path::Path;

use rayon::prelude::*;
use sertel_core::i18n::{Localized, Text};
use sertel_core::pades::text::display_date;
use sertel_core::verify::pdf_report::FileIdentity;
use sertel_core::verify::{CheckName, Conclusion, Indication, Verifier, VerifyReport};

use super::verify_report;
use crate::args::VerifyArgs;
use crate::exit::{self, CliError};
use crate::output::Out;

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
            println!("    {}: {name}", s.signer_label(out.lang));
        }
        if let Some(shown) = s.claimed_time_shown() {
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
        for (name, check) in s.checks() {
            println!("    {}: {}", name.label(l), check.label(l));
            if name == CheckName::Trust && !s.chain.is_empty() {
                let names: Vec<&str> = s.chain.iter().map(|c| c.name.as_str()).collect();
                println!("      {}", names.join(" → "));
            }
        }
        if let Some(t) = s.validation_time {
            println!(
                "    {}: {}",
                out.t("Waktu validasi", "Validation time"),
                display_date(t)
            );
        }
        println!(
            "    {}: {}",
            out.t("Cakupan", "Coverage"),
            s.coverage_label(l)
        );
        if let Some(level) = s.level {
            println!(
                "    {}: {}",
                out.t("Tingkat PAdES", "PAdES level"),
                level.label(l)
            );
        }
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

/// One file as checked: the verification (or why there is none) and, when a report is asked
/// for, the file's size and SHA-256 read right after verifying it.
pub struct Checked<'a> {
    /// The file as named on the command line.
    pub path: &'a Path,
    /// The verification, or the error that stopped it.
    pub outcome: Result<VerifyReport, Text>,
    /// Size and SHA-256, for the PDF report.
    pub identity: Option<FileIdentity>,
}

/// Runs `sertel verify`: the files are checked in parallel and reported in the order given.
pub fn run(args: &VerifyArgs, out: &Out) -> Result<u8, CliError> {
    if let Some(path) = &args.report {
        verify_report::refuse_existing(path, args.overwrite)?;
    }
    let verifier = Verifier::new(super::verify_options::options(args)?);
    let checked: Vec<Checked<'_>> = args
        .files
        .par_iter()
        .map(|path| Checked {
            path,
            outcome: verifier.verify_file(path).map_err(|e| Text::of(&e)),
            identity: args
                .report
                .as_ref()
                .and_then(|_| FileIdentity::read(path).ok()),
        })
        .collect();
    let mut worst = exit::OK;
    let mut errors = Vec::new();
    for c in &checked {
        match &c.outcome {
            Ok(r) => {
                worst = worst_code(worst, exit_code(r.conclusion()));
                if !out.json {
                    print_text(r, out);
                }
            }
            Err(e) => {
                // An unreadable file cannot be shown valid: indeterminate.
                worst = worst_code(worst, exit::INDETERMINATE);
                if !out.json {
                    eprintln!("sertel: {}", e.message(out.lang));
                }
                errors.push(serde_json::json!({
                    "file": c.path, "error": { "kind": e.kind(), "message": e.message(out.lang) }
                }));
            }
        }
    }
    if let Some(path) = &args.report {
        verify_report::write(path, &checked, args.overwrite, out)?;
        if !out.json {
            println!(
                "{}: {}",
                out.t("Laporan validasi (PDF)", "Validation report (PDF)"),
                path.display()
            );
        }
    }
    if out.json {
        let reports: Vec<&VerifyReport> = checked
            .iter()
            .filter_map(|c| c.outcome.as_ref().ok())
            .collect();
        let mut value = serde_json::json!({
            "ok": worst == exit::OK, "files": reports, "errors": errors
        });
        if let Some(path) = &args.report {
            value["report"] = serde_json::json!(path);
        }
        out.json(&value);
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
