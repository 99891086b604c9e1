//! A 1 GiB PDF is signed and verified by streaming: peak memory stays flat (signing under
//! 64 MiB, verifying under 128 MiB), measured by GNU time on the real binary.

mod common;

use std::process::Command;

use common::{code, printed, Fixture};
use sertel_core::key::KeyAlgorithm;

const GIB: u64 = 1 << 30;

/// Runs `sertel ARGS` under `/usr/bin/time` and returns the output and the peak RSS in KiB.
fn measured(f: &Fixture, args: &[&str]) -> (std::process::Output, u64) {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "peak-rss-kib=%M", env!("CARGO_BIN_EXE_sertel")])
        .args(args)
        .current_dir(f.dir.path())
        .env("SERTEL_TEST_PW", common::PASSPHRASE)
        .env("SERTEL_TRUST_DIR", f.path("trust"))
        .output()
        .expect("GNU time (Debian package `time`) is installed by scripts/setup.sh");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak-rss-kib="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no RSS figure: {}", printed(&out)));
    (out, rss)
}

#[test]
fn a_one_gib_pdf_is_signed_and_verified_in_flat_memory() {
    let f = Fixture::new(KeyAlgorithm::Rsa3072);
    let big = f.path("besar.pdf");
    let size = test_support::bigpdf::write_big_pdf(&big, GIB).expect("big PDF");
    assert!(size >= GIB, "{size}");
    let (out, rss) = measured(
        &f,
        &[
            "sign",
            "--key",
            "key.pem",
            "--cert",
            "cert.pem",
            "--passphrase-env",
            "SERTEL_TEST_PW",
            "-o",
            "besar-signed.pdf",
            "besar.pdf",
        ],
    );
    assert_eq!(code(&out), 0, "{}", printed(&out));
    assert!(rss < 64 * 1024, "signing a 1 GiB PDF peaked at {rss} KiB");
    let signed = std::fs::metadata(f.path("besar-signed.pdf"))
        .expect("signed")
        .len();
    assert!(signed > size && signed < size + 64 * 1024, "{signed}");
    std::fs::remove_file(&big).expect("remove");
    let (out, rss) = measured(&f, &["--json", "verify", "besar-signed.pdf"]);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    assert!(
        rss < 128 * 1024,
        "verifying a 1 GiB PDF peaked at {rss} KiB"
    );
}
