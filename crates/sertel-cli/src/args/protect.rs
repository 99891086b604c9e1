//! Arguments of `sertel protect` and `sertel unprotect`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::PassphraseArgs;

/// The cross-reference section of a protected file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XrefArg {
    /// A classic `xref` table (readable everywhere).
    Table,
    /// A cross-reference stream (PDF 1.5+).
    Stream,
}

/// `sertel protect`.
#[derive(Debug, Args)]
pub struct ProtectArgs {
    /// The PDF to encrypt.
    pub file: PathBuf,
    /// A recipient's certificate (PEM; the first certificate of the file is used);
    /// repeatable: every recipient can open the result with their own key.
    #[arg(long = "to", value_name = "CERT.pem", required = true)]
    pub to: Vec<PathBuf>,
    /// Output file (default: `<name>-protected.pdf` next to the input).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Encrypt even for certificates whose keyUsage is not for encryption (keyEncipherment
    /// for RSA, keyAgreement for EC), such as signing certificates.
    #[arg(long)]
    pub ignore_key_usage: bool,
    /// Leave metadata streams (XMP) unencrypted, for search indexes.
    #[arg(long)]
    pub clear_metadata: bool,
    /// Cross-reference section of the new file.
    #[arg(long, value_enum, default_value = "table")]
    pub xref: XrefArg,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// `sertel unprotect`.
#[derive(Debug, Args)]
pub struct UnprotectArgs {
    /// The encrypted PDF.
    pub file: PathBuf,
    /// The key file of a recipient.
    #[arg(long, short)]
    pub key: PathBuf,
    /// The key's certificate (PEM): only the recipient entry naming it is tried.
    #[arg(long, short)]
    pub cert: Option<PathBuf>,
    /// Where the passphrase comes from.
    #[command(flatten)]
    pub passphrase: PassphraseArgs,
    /// Output file (default: `<name>-unprotected.pdf` next to the input).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}
