//! pyHanko as the judge of document protection: decrypting what Sertel encrypted
//! (`pyhanko decrypt pemder`), and encrypting for Sertel's keys (`python/pyhanko_encrypt.py`,
//! the public-key handler with AES-256).

use std::path::Path;

use super::tool::{self, pyhanko_program, venv_dir, ToolRun};

/// Decrypts `pdf` into `out` with the recipient's unencrypted key and certificate (PEM).
/// Success is exit code 0 and `out` written.
///
/// # Panics
/// If pyHanko's venv is missing (run `scripts/setup.sh`, or set `SERTEL_VENV`).
pub fn pyhanko_decrypt(pdf: &Path, key_pem: &Path, cert_pem: &Path, out: &Path) -> ToolRun {
    tool::run(
        pyhanko_program(),
        [
            "decrypt".as_ref(),
            "pemder".as_ref(),
            "--key".as_ref(),
            key_pem.as_os_str(),
            "--cert".as_ref(),
            cert_pem.as_os_str(),
            "--no-pass".as_ref(),
            pdf.as_os_str(),
            out.as_os_str(),
        ],
    )
}

/// Encrypts `pdf` into `out` for the recipients' certificates (PEM files).
///
/// # Panics
/// If pyHanko's venv is missing.
pub fn pyhanko_encrypt(pdf: &Path, out: &Path, certs: &[&Path]) -> ToolRun {
    let python = venv_dir().join("bin/python");
    assert!(
        python.is_file(),
        "pyHanko's venv not found at {}; run scripts/setup.sh",
        venv_dir().display()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/pyhanko_encrypt.py");
    let mut args = vec![script.into_os_string(), pdf.into(), out.into()];
    args.extend(certs.iter().map(|c| c.as_os_str().to_owned()));
    tool::run(python, args)
}

/// Encrypts `pdf` into `out` with a password (`pyhanko encrypt --password`, the standard
/// security handler, AES-256).
///
/// # Panics
/// If pyHanko's venv is missing.
pub fn pyhanko_password_encrypt(pdf: &Path, out: &Path, password: &str) -> ToolRun {
    tool::run(
        pyhanko_program(),
        [
            "encrypt".as_ref(),
            "--password".as_ref(),
            std::ffi::OsStr::new(password),
            pdf.as_os_str(),
            out.as_os_str(),
        ],
    )
}
