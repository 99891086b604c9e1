//! `sertel protect` and `sertel unprotect`: encrypting a PDF for its recipients'
//! certificates, and decrypting it with a recipient's key.

use std::io::Write;
use std::path::{Path, PathBuf};

use sertel_core::protect::{self, ProtectOptions, XrefStyle};
use x509_cert::Certificate;

use crate::args::{ProtectArgs, UnprotectArgs, XrefArg};
use crate::commands::suffixed;
use crate::exit::{self, CliError};
use crate::keyfile;
use crate::output::Out;

fn io_error(path: &Path, e: std::io::Error) -> CliError {
    CliError::failed(
        "io",
        format!("{}: {e}", path.display()),
        format!("{}: {e}", path.display()),
    )
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// failure never leaves a half-written output. The file gets mode 0600 when `private`.
fn write_output(path: &Path, bytes: &[u8], force: bool, private: bool) -> Result<(), CliError> {
    if path.exists() && !force {
        return Err(CliError::failed(
            "output_exists",
            format!(
                "{} sudah ada; tambahkan --force untuk menimpanya.",
                path.display()
            ),
            format!(
                "{} already exists; add --force to replace it.",
                path.display()
            ),
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let result = options
        .open(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_error(path, e));
    }
    Ok(())
}

fn read_pdf(path: &Path) -> Result<Vec<u8>, CliError> {
    std::fs::read(path).map_err(|e| io_error(path, e))
}

fn first_certificate(path: &Path) -> Result<Certificate, CliError> {
    let mut certs = keyfile::load_certificates(path)?;
    Ok(certs.swap_remove(0))
}

fn report(out: &Out, command: &str, input: &Path, output: &Path, extra: serde_json::Value) {
    if out.json {
        out.json(&serde_json::json!({
            "ok": true,
            "command": command,
            "input": input,
            "output": output,
            "details": extra,
        }));
    } else if !out.quiet {
        println!("{}", output.display());
    }
}

/// Runs `sertel protect`.
pub fn protect(args: &ProtectArgs, out: &Out) -> Result<u8, CliError> {
    let certs = args
        .to
        .iter()
        .map(|p| first_certificate(p))
        .collect::<Result<Vec<_>, _>>()?;
    let options = ProtectOptions {
        xref: match args.xref {
            XrefArg::Table => XrefStyle::Table,
            XrefArg::Stream => XrefStyle::Stream,
        },
        encrypt_metadata: !args.clear_metadata,
        ignore_key_usage: args.ignore_key_usage,
        ..ProtectOptions::default()
    };
    let target: PathBuf = args
        .out
        .clone()
        .unwrap_or_else(|| suffixed(&args.file, None, "-protected"));
    let sealed = protect::protect(read_pdf(&args.file)?, &certs, &options)?;
    write_output(&target, &sealed, args.force, false)?;
    let subjects: Vec<String> = certs
        .iter()
        .map(|c| c.tbs_certificate.subject.to_string())
        .collect();
    report(
        out,
        "protect",
        &args.file,
        &target,
        serde_json::json!({ "recipients": subjects }),
    );
    Ok(exit::OK)
}

/// Runs `sertel unprotect`.
pub fn unprotect(args: &UnprotectArgs, out: &Out) -> Result<u8, CliError> {
    let pdf = read_pdf(&args.file)?;
    let cert = args.cert.as_deref().map(first_certificate).transpose()?;
    let target: PathBuf = args
        .out
        .clone()
        .unwrap_or_else(|| suffixed(&args.file, None, "-unprotected"));
    if target.exists() && !args.force {
        // Refuse before the passphrase is asked for.
        write_output(&target, &[], false, true)?;
    }
    let key = keyfile::load_key(&args.key, &args.passphrase, out)?;
    let plain = protect::unprotect(pdf, &key, cert.as_ref())?;
    write_output(&target, &plain, args.force, true)?;
    report(out, "unprotect", &args.file, &target, serde_json::json!({}));
    Ok(exit::OK)
}
