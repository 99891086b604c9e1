//! Shared set-up for the CLI tests: a key file and certificate chain from the test PKI, sample
//! letters, and a runner for the real `sertel` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use sertel_core::key::{save_key_file, KeyAlgorithm, Passphrase, SaveOptions};
use sertel_core::x509::certificate_to_pem;
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::pki::TestPki;

/// The passphrase of the test key files.
pub const PASSPHRASE: &str = "kuda-laut berlari di pantai senja 1987";

/// A working directory with `key.pem`, `cert.pem` (signer + chain), `root.pem`, and a trust
/// folder `trust/` holding the root (what `sertel` reads as `SERTEL_TRUST_DIR` when run here).
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new(alg: KeyAlgorithm) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let pki = TestPki::get();
        let signer = pki.signer(alg);
        save_key_file(
            &dir.path().join("key.pem"),
            &signer.key,
            &Passphrase::from(PASSPHRASE),
            &SaveOptions::default(),
        )
        .expect("key file");
        let mut pem = certificate_to_pem(&signer.certificate).expect("pem");
        for c in &signer.chain {
            pem.push_str(&certificate_to_pem(c).expect("pem"));
        }
        std::fs::write(dir.path().join("cert.pem"), pem).expect("write");
        std::fs::write(
            dir.path().join("root.pem"),
            certificate_to_pem(&pki.root.certificate).expect("pem"),
        )
        .expect("write");
        std::fs::create_dir(dir.path().join("trust")).expect("trust folder");
        std::fs::copy(
            dir.path().join("root.pem"),
            dir.path().join("trust/root.pem"),
        )
        .expect("trust root");
        Fixture { dir }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `count` two-page letters and returns their paths.
    pub fn letters(&self, count: usize) -> Vec<PathBuf> {
        (1..=count)
            .map(|i| {
                let mut spec = LetterSpec::new(2, PageSize::A4Portrait);
                spec.number = format!("800/{i:03}/Diskominfo/2026");
                let p = self.path(&format!("surat-{i:03}.pdf"));
                std::fs::write(&p, sample_letter(&spec)).expect("write");
                p
            })
            .collect()
    }

    /// Runs `sertel [--json] sign` with this fixture's key and certificate, then `extra`.
    pub fn sign(&self, json: bool, extra: &[&str]) -> Output {
        let mut args = if json { vec!["--json"] } else { Vec::new() };
        args.extend(["sign", "--key", "key.pem", "--cert", "cert.pem"]);
        args.extend(["--passphrase-env", "SERTEL_TEST_PW"]);
        args.extend(extra);
        self.sertel(&args)
    }

    /// Runs `sertel` in this directory with the passphrase in `SERTEL_TEST_PW`.
    pub fn sertel(&self, args: &[&str]) -> Output {
        sertel_in(self.dir.path(), args)
    }
}

/// Runs the real `sertel` binary with the test passphrase in `SERTEL_TEST_PW`.
pub fn sertel_in(dir: &Path, args: &[&str]) -> Output {
    sertel_with(dir, args, &[])
}

/// Runs the real `sertel` binary with extra environment variables; the trust folder is `trust/`
/// in `dir` (absent unless the test made it), never the user's.
pub fn sertel_with(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sertel"))
        .args(args)
        .current_dir(dir)
        .env("SERTEL_TEST_PW", PASSPHRASE)
        .env("SERTEL_TRUST_DIR", dir.join("trust"))
        .env_remove("SERTEL_LANG")
        .envs(env.iter().copied())
        .output()
        .expect("run sertel")
}

/// Stdout as JSON.
pub fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// The exit code.
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Everything the process printed, for assertion messages.
pub fn printed(out: &Output) -> String {
    format!(
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}
