//! Reading passphrases: from the terminal without echo, or for automation from a file
//! descriptor or an environment variable — never from a command-line argument, where other
//! users could read it in the process list.

use std::io::{BufRead, BufReader};

use zeroize::Zeroizing;

use crate::exit::CliError;

/// Where a passphrase comes from.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// Read one line from this file descriptor (e.g. `3` with `3< file`).
    pub fd: Option<u32>,
    /// Read the value of this environment variable.
    pub env: Option<String>,
}

fn read_line_from_fd(fd: u32) -> Result<Zeroizing<String>, CliError> {
    let path = format!("/dev/fd/{fd}");
    let file = std::fs::File::open(&path).map_err(|e| {
        CliError::usage(
            format!("Tidak dapat membaca frasa sandi dari deskriptor berkas {fd}: {e}"),
            format!("cannot read the passphrase from file descriptor {fd}: {e}"),
        )
    })?;
    let mut line = Zeroizing::new(String::new());
    BufReader::new(file).read_line(&mut line).map_err(|e| {
        CliError::usage(
            format!("Tidak dapat membaca frasa sandi dari deskriptor berkas {fd}: {e}"),
            format!("cannot read the passphrase from file descriptor {fd}: {e}"),
        )
    })?;
    while line.ends_with('\n') || line.ends_with('\r') {
        line.pop();
    }
    Ok(line)
}

/// Reads a passphrase from the chosen source, or asks on the terminal with `prompt`.
pub fn read(source: &Source, prompt: &str) -> Result<Zeroizing<String>, CliError> {
    if let Some(fd) = source.fd {
        return read_line_from_fd(fd);
    }
    if let Some(var) = &source.env {
        return std::env::var(var).map(Zeroizing::new).map_err(|_| {
            CliError::usage(
                format!("Variabel lingkungan {var} tidak ada atau bukan UTF-8"),
                format!("environment variable {var} is not set or not UTF-8"),
            )
        });
    }
    rpassword::prompt_password(prompt).map(Zeroizing::new).map_err(|e| {
        CliError::usage(
            format!("Tidak dapat meminta frasa sandi (tidak ada terminal?): {e}. Gunakan --passphrase-fd atau --passphrase-env."),
            format!("cannot prompt for the passphrase (no terminal?): {e}. Use --passphrase-fd or --passphrase-env."),
        )
    })
}

/// Reads a new passphrase; on a terminal it is asked twice and must match.
pub fn read_new(source: &Source, prompt: &str, again: &str) -> Result<Zeroizing<String>, CliError> {
    let first = read(source, prompt)?;
    if source.fd.is_none() && source.env.is_none() {
        let second = read(source, again)?;
        if *first != *second {
            return Err(CliError::usage(
                "Kedua frasa sandi tidak sama",
                "the two passphrases differ",
            ));
        }
    }
    Ok(first)
}
