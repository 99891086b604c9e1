//! `sertel sign`: sign one PDF or a batch, in parallel, with a progress bar.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sertel_core::i18n::Localized;
use sertel_core::pades::ltv::{add_validation_data, archive, Extended, LtvError, LtvOptions};
use sertel_core::pades::{
    sign_file_reporting, write_preview, Certification, Level, SignOptions, SignedFile, SubFilter,
};
use x509_cert::Certificate;

use crate::args::{CertifyArg, LevelArg, SignArgs, SubFilterArg};
use crate::exit::{self, CliError};
use crate::keyfile;
use crate::output::Out;

fn options(args: &SignArgs, certificate: &Certificate) -> Result<SignOptions, CliError> {
    let appearance = super::sign_appearance::appearance(args, certificate)?;
    let level = match (args.level(), &args.tsa) {
        (LevelArg::BB, _) => Level::BB,
        (_, Some(url)) => Level::BT {
            tsa_url: url.clone(),
        },
        (_, None) => {
            return Err(CliError::usage(
                "--level b-t, b-lt dan b-lta memerlukan --tsa URL server penanda waktu",
                "--level b-t, b-lt and b-lta need --tsa with the timestamp server's URL",
            ))
        }
    };
    Ok(SignOptions {
        level,
        sub_filter: match args.subfilter {
            SubFilterArg::Etsi => SubFilter::EtsiCadesDetached,
            SubFilterArg::Adbe => SubFilter::AdbePkcs7Detached,
        },
        reason: args.reason.clone(),
        location: args.location.clone(),
        contact_info: args.contact.clone(),
        appearance,
        signing_time: None,
        field_name: args.field_name.clone(),
        overwrite: args.overwrite,
        certification: match (args.certify, args.seal) {
            (Some(CertifyArg::NoChanges), _) => Some(Certification::NoChanges),
            (Some(CertifyArg::FormFilling), _) | (None, true) => Some(Certification::FormFilling),
            (Some(CertifyArg::Annotations), _) => Some(Certification::Annotations),
            (None, false) => None,
        },
        lock: None,
        empty_fields: super::sign_appearance::empty_fields(args)?,
    })
}

/// Where the signed copy of `input` goes.
pub fn output_path(input: &Path, args: &SignArgs) -> PathBuf {
    if let Some(out) = &args.out {
        return out.clone();
    }
    super::suffixed(input, args.out_dir.as_deref(), &args.suffix)
}

#[derive(serde::Serialize)]
struct Outcome {
    input: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    signed: Option<SignedFile>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ltv: Option<Extended>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<serde_json::Value>,
}

/// The long-term step after signing, for b-lt and b-lta.
enum LongTerm {
    None,
    Data(LtvOptions),
    Archive(LtvOptions, String),
}

impl LongTerm {
    fn of(args: &SignArgs) -> Result<LongTerm, CliError> {
        let opts = || super::verify_options::ltv_options(&args.trust);
        Ok(match (args.level(), &args.tsa) {
            (LevelArg::BLt, _) => LongTerm::Data(opts()?),
            (LevelArg::BLta, Some(tsa)) => LongTerm::Archive(opts()?, tsa.clone()),
            _ => LongTerm::None,
        })
    }

    /// Extends the freshly signed `path` in place.
    fn apply(&self, path: &Path) -> Result<Option<Extended>, LtvError> {
        match self {
            LongTerm::None => Ok(None),
            LongTerm::Data(o) => add_validation_data(path, path, o, true).map(Some),
            LongTerm::Archive(o, tsa) => archive(path, path, o, tsa, true).map(Some),
        }
    }
}

/// The message of a file that was signed (B-T) but not extended.
fn not_extended(signed: &Path, e: &LtvError, out: &Out) -> serde_json::Value {
    let message = format!(
        "{} {}: {}",
        out.t("Ditandatangani (B-T) ke", "Signed (B-T) into"),
        signed.display(),
        match out.lang {
            sertel_core::i18n::Lang::Id => format!(
                "tetapi data validasi jangka panjang tidak dapat ditambahkan ({}); ulangi \
                 dengan `sertel ltv`",
                e.message(out.lang)
            ),
            sertel_core::i18n::Lang::En => format!(
                "but the long-term validation data could not be added ({}); retry with \
                 `sertel ltv`",
                e.message(out.lang)
            ),
        }
    );
    serde_json::json!({ "kind": e.kind(), "message": message })
}

/// Runs `sertel sign`.
pub fn run(args: &SignArgs, out: &Out) -> Result<u8, CliError> {
    if args.out.is_some() && args.files.len() > 1 {
        return Err(CliError::usage(
            "--out hanya untuk satu berkas; untuk banyak berkas gunakan --out-dir",
            "--out takes a single input; use --out-dir for many files",
        ));
    }
    let chain = keyfile::load_certificates(&args.cert)?;
    let (certificate, rest) = chain.split_first().ok_or_else(|| {
        CliError::usage(
            "Berkas sertifikat kosong",
            "the certificate file holds no certificate",
        )
    })?;
    let opts = options(args, certificate)?;
    let long_term = LongTerm::of(args)?;
    if let Some(preview) = &args.preview {
        return run_preview(args, preview, certificate, &opts, out);
    }
    super::create_out_dir(args.out_dir.as_deref())?;
    let key = keyfile::load_key(&args.key, &args.passphrase, out)?;
    let jobs = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| CliError::failed("internal", e.to_string(), e.to_string()))?;
    let bar = if out.progress() && args.files.len() > 1 {
        let b = ProgressBar::new(args.files.len() as u64);
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} [{elapsed_precise}, ~{eta}]")
        {
            b.set_style(style);
        }
        Some(b)
    } else if out.progress() {
        let len = args
            .files
            .first()
            .and_then(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .unwrap_or(0);
        let b = ProgressBar::new(len);
        if let Ok(style) = ProgressStyle::with_template(
            "{bar:40} {bytes}/{total_bytes} {msg} [{bytes_per_sec}, ~{eta}]",
        ) {
            b.set_style(style);
        }
        b.set_message(out.t("menandatangani…", "signing…").to_string());
        Some(b)
    } else {
        None
    };
    let outcomes = Mutex::new(Vec::with_capacity(args.files.len()));
    pool.install(|| {
        args.files.par_iter().for_each(|input| {
            let output = output_path(input, args);
            let single = args.files.len() == 1;
            let report = |done: u64| {
                if let (true, Some(b)) = (single, &bar) {
                    b.set_position(done);
                }
            };
            let result =
                sign_file_reporting(input, &output, &key, certificate, rest, &opts, &report);
            if let (false, Some(b)) = (single, &bar) {
                b.inc(1);
                b.set_message(
                    input
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                );
            }
            let outcome = match result {
                Ok(signed) => match long_term.apply(&signed.path) {
                    Ok(ltv) => Outcome {
                        input: input.clone(),
                        signed: Some(signed),
                        ltv,
                        error: None,
                    },
                    Err(e) => Outcome {
                        input: input.clone(),
                        error: Some(not_extended(&signed.path, &e, out)),
                        signed: Some(signed),
                        ltv: None,
                    },
                },
                Err(e) => Outcome {
                    input: input.clone(),
                    signed: None,
                    ltv: None,
                    error: Some(
                        serde_json::json!({ "kind": e.kind(), "message": e.message(out.lang) }),
                    ),
                },
            };
            if let Ok(mut v) = outcomes.lock() {
                v.push(outcome);
            }
        })
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let mut outcomes = outcomes.into_inner().unwrap_or_default();
    outcomes.sort_by(|a, b| a.input.cmp(&b.input));
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    if out.json {
        out.json(&serde_json::json!({ "ok": failed == 0, "signed": outcomes.len() - failed, "failed": failed, "files": outcomes }));
    } else {
        for o in &outcomes {
            match (&o.signed, &o.error) {
                (Some(s), None) => {
                    println!("{} → {}", o.input.display(), s.path.display());
                    if let (Some(id), Some(url)) = (&s.document_id, &s.verify_url) {
                        println!("  {}: {id}  {url}", out.t("ID dokumen", "document id"));
                    }
                }
                (_, Some(e)) => eprintln!(
                    "sertel: {}: {}",
                    o.input.display(),
                    e["message"].as_str().unwrap_or_default()
                ),
                _ => {}
            }
        }
        if outcomes.len() > 1 {
            println!(
                "{}: {} / {}",
                out.t("Ditandatangani", "Signed"),
                outcomes.len() - failed,
                outcomes.len()
            );
        }
    }
    Ok(match failed {
        0 => exit::OK,
        n if n == outcomes.len() => exit::FAILED,
        _ => exit::PARTIAL,
    })
}

/// `sertel sign --preview FILE`: the letter as it will look once signed, unsigned.
fn run_preview(
    args: &SignArgs,
    preview: &Path,
    certificate: &Certificate,
    opts: &SignOptions,
    out: &Out,
) -> Result<u8, CliError> {
    let [input] = args.files.as_slice() else {
        return Err(CliError::usage(
            "--preview hanya untuk satu berkas",
            "--preview takes a single input",
        ));
    };
    match write_preview(input, preview, certificate, opts) {
        Ok(p) => {
            if out.json {
                out.json(&serde_json::json!({ "ok": true, "preview": p }));
            } else {
                println!(
                    "{} → {} ({} {})",
                    input.display(),
                    p.path.display(),
                    out.t("halaman", "page"),
                    p.page
                );
            }
            Ok(exit::OK)
        }
        Err(e) => Err(CliError::failed(
            e.kind(),
            e.message(sertel_core::i18n::Lang::Id),
            e.message(sertel_core::i18n::Lang::En),
        )),
    }
}
