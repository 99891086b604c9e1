//! `sertel csr`: a PKCS#10 request from the owner's profile, signed with the owner's key.

use std::io::Write;
use std::path::Path;

use sertel_core::i18n::Localized;
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::x509::{build_csr, csr_to_pem, X509Error};

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

/// Runs `sertel csr`.
pub fn run(args: &CsrArgs, out: &Out) -> Result<u8, CliError> {
    let owner: OwnerProfile = read_json(&args.profile)?;
    let regency: RegencyProfile = match &args.regency {
        Some(p) => read_json(p)?,
        None => RegencyProfile::default(),
    };
    // Profile problems are reported before the passphrase is asked for.
    if let Err(problems) = owner.validate(&regency) {
        let join = |lang| {
            problems
                .iter()
                .map(|p| p.message(lang))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let e = X509Error::Profile(problems.clone());
        return Err(CliError {
            kind: e.kind(),
            id: join(sertel_core::i18n::Lang::Id),
            en: join(sertel_core::i18n::Lang::En),
            code: exit::FAILED,
        });
    }
    let key = keyfile::load_key(&args.key, &args.passphrase, out)?;
    let csr = build_csr(&owner, &regency, &key)?;
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
