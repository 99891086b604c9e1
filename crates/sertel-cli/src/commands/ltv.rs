//! `sertel ltv`: add long-term validation data (B-LT) to signed PDFs and, with `--tsa`, an
//! archive timestamp over it (B-LTA). Run on an archived file, it refreshes it: the newest
//! timestamp's material and a new timestamp are added.

use std::path::{Path, PathBuf};

use sertel_core::i18n::Localized;
use sertel_core::pades::ltv::{add_validation_data, archive, Extended};

use crate::args::LtvArgs;
use crate::exit::{self, CliError};
use crate::output::Out;

/// Where the extended copy of `input` goes.
fn output_path(input: &Path, args: &LtvArgs) -> PathBuf {
    if args.in_place {
        return input.to_path_buf();
    }
    super::suffixed(input, args.out_dir.as_deref(), &args.suffix)
}

#[derive(serde::Serialize)]
struct Outcome {
    input: PathBuf,
    #[serde(skip_serializing_if = "Option::is_none")]
    extended: Option<Extended>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<serde_json::Value>,
}

/// Runs `sertel ltv`.
pub fn run(args: &LtvArgs, out: &Out) -> Result<u8, CliError> {
    let opts = super::verify_options::ltv_options(&args.trust)?;
    super::create_out_dir(args.out_dir.as_deref())?;
    let outcomes: Vec<Outcome> = args
        .files
        .iter()
        .map(|input| {
            let output = output_path(input, args);
            let result = match &args.tsa {
                Some(tsa) => archive(input, &output, &opts, tsa, args.in_place),
                None => add_validation_data(input, &output, &opts, args.in_place),
            };
            match result {
                Ok(extended) => Outcome {
                    input: input.clone(),
                    extended: Some(extended),
                    error: None,
                },
                Err(e) => Outcome {
                    input: input.clone(),
                    extended: None,
                    error: Some(
                        serde_json::json!({ "kind": e.kind(), "message": e.message(out.lang) }),
                    ),
                },
            }
        })
        .collect();
    let failed = outcomes.iter().filter(|o| o.error.is_some()).count();
    if out.json {
        out.json(&serde_json::json!({ "ok": failed == 0, "files": outcomes }));
    } else {
        for o in &outcomes {
            match (&o.extended, &o.error) {
                (Some(x), _) => println!(
                    "{} → {} ({} {}, {} OCSP, {} CRL{})",
                    o.input.display(),
                    x.path.display(),
                    x.certificates,
                    out.t("sertifikat", "certificates"),
                    x.ocsp,
                    x.crls,
                    if x.archived {
                        out.t(", penanda waktu arsip", ", archive timestamp")
                    } else {
                        ""
                    }
                ),
                (_, Some(e)) => eprintln!(
                    "sertel: {}: {}",
                    o.input.display(),
                    e["message"].as_str().unwrap_or_default()
                ),
                _ => {}
            }
        }
    }
    Ok(match failed {
        0 => exit::OK,
        n if n == outcomes.len() => exit::FAILED,
        _ => exit::PARTIAL,
    })
}
