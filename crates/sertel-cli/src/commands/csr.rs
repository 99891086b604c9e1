//! `sertel csr`: a PKCS#10 request from the owner's profile, or (`--seal`) for the electronic
//! seal of a Perangkat Daerah, signed with the local key.

use std::io::Write;
use std::path::Path;

use sertel_core::i18n::Localized;
use sertel_core::profile::{OwnerProfile, ProfileError, RegencyProfile, SealProfile};
use sertel_core::x509::{build_csr, build_seal_csr, csr_to_pem, X509Error};

use crate::args::CsrArgs;
use crate::exit::{self, CliError};
use crate::keyfile;
use crate::output::Out;

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::failed(
            "io",
            format!("{}: {e}", path.display()),
            format!("{}: {e}", path.display()),
        )
    })?;
    serde_json::from_str(&text).map_err(|e| {
        CliError::failed(
            "profile_unreadable",
            format!("{}: JSON tidak sah: {e}", path.display()),
            format!("{}: invalid JSON: {e}", path.display()),
        )
    })
}

/// Every problem of a profile as one error, before any passphrase is asked for.
fn profile_problems(problems: Vec<ProfileError>) -> CliError {
    let join = |lang| {
        problems
            .iter()
            .map(|p| p.message(lang))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (id, en) = (
        join(sertel_core::i18n::Lang::Id),
        join(sertel_core::i18n::Lang::En),
    );
    CliError {
        kind: X509Error::Profile(problems).kind(),
        id,
        en,
        code: exit::FAILED,
    }
}

/// What the request is for: the owner in person, or an agency's seal.
enum Subject {
    Owner(OwnerProfile),
    Seal(SealProfile),
}

/// Runs `sertel csr`.
pub fn run(args: &CsrArgs, out: &Out) -> Result<u8, CliError> {
    let regency: RegencyProfile = match &args.regency {
        Some(p) => read_json(p)?,
        None => RegencyProfile::default(),
    };
    let subject = match (&args.seal, &args.profile) {
        (Some(agency), _) => Subject::Seal(SealProfile {
            agency: agency.clone(),
            email: args.seal_email.clone(),
        }),
        (None, Some(profile)) => Subject::Owner(read_json(profile)?),
        (None, None) => {
            return Err(CliError::failed(
                "usage",
                "Berikan --profile atau --seal.",
                "Give --profile or --seal.",
            ))
        }
    };
    // Profile problems are reported before the passphrase is asked for.
    match &subject {
        Subject::Owner(owner) => owner.validate(&regency),
        Subject::Seal(seal) => seal.validate(&regency),
    }
    .map_err(profile_problems)?;
    let key = keyfile::load_key(&args.key, &args.passphrase, out)?;
    let csr = match &subject {
        Subject::Owner(owner) => build_csr(owner, &regency, &key)?,
        Subject::Seal(seal) => build_seal_csr(seal, &regency, &key)?,
    };
    let pem = csr_to_pem(&csr)?;
    let to_stdout = args.out.as_os_str() == "-";
    if !to_stdout {
        std::fs::write(&args.out, pem.as_bytes()).map_err(|e| {
            CliError::failed(
                "io",
                format!("{}: {e}", args.out.display()),
                format!("{}: {e}", args.out.display()),
            )
        })?;
    }
    if out.json {
        out.json(&serde_json::json!({
            "ok": true,
            "csr": if to_stdout { serde_json::Value::String(pem) } else { serde_json::json!(args.out) },
            "subject": csr.info.subject.to_string(),
        }));
    } else if to_stdout {
        let _ = std::io::stdout().write_all(pem.as_bytes());
    } else {
        println!(
            "{}: {}",
            out.t(
                "Permohonan sertifikat ditulis",
                "Certificate request written"
            ),
            args.out.display()
        );
        println!("  {}: {}", out.t("Subjek", "Subject"), csr.info.subject);
    }
    Ok(exit::OK)
}
