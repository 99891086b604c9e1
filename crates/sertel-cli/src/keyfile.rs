//! Loading the key and certificates a command works with.

use std::path::Path;

use sertel_core::key::{load_key_file, LocalKey, Passphrase};
use x509_cert::Certificate;

use crate::args::PassphraseArgs;
use crate::exit::CliError;
use crate::output::Out;
use crate::passphrase::{self, Source};

/// The passphrase source named by the arguments.
pub fn source(args: &PassphraseArgs) -> Source {
    Source {
        fd: args.passphrase_fd,
        env: args.passphrase_env.clone(),
    }
}

/// Asks for the passphrase and decrypts the key file.
pub fn load_key(path: &Path, args: &PassphraseArgs, out: &Out) -> Result<LocalKey, CliError> {
    let prompt = format!(
        "{} {}: ",
        out.t("Frasa sandi untuk", "Passphrase for"),
        path.display()
    );
    let mut secret = passphrase::read(&source(args), &prompt)?;
    let passphrase = Passphrase::new(std::mem::take(&mut *secret));
    Ok(load_key_file(path, &passphrase)?)
}

/// Reads a PEM file of certificates (the key's certificate first, then its chain).
pub fn load_certificates(path: &Path) -> Result<Vec<Certificate>, CliError> {
    let data = std::fs::read(path).map_err(|e| {
        CliError::failed(
            "io",
            format!("{}: {e}", path.display()),
            format!("{}: {e}", path.display()),
        )
    })?;
    let certs = Certificate::load_pem_chain(&data).map_err(|e| {
        CliError::failed(
            "certificate_unreadable",
            format!("{}: bukan sertifikat PEM yang sah: {e}", path.display()),
            format!("{}: not a valid PEM certificate file: {e}", path.display()),
        )
    })?;
    if certs.is_empty() {
        return Err(CliError::failed(
            "certificate_unreadable",
            format!("{}: tidak berisi sertifikat", path.display()),
            format!("{}: holds no certificate", path.display()),
        ));
    }
    Ok(certs)
}
