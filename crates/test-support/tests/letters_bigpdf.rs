//! A big PDF is streamed to disk: valid, the size asked for, and without the memory.

use std::fs;
use std::process::Command;

use test_support::bigpdf::write_big_pdf;
use test_support::judges::qpdf_check;

/// Peak resident set size of this process so far, in KiB (`VmHWM` in /proc/self/status).
fn peak_rss_kib() -> u64 {
    let status = fs::read_to_string("/proc/self/status").expect("read /proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc/self/status")
}

#[test]
fn a_64_mib_pdf_is_valid_and_written_in_constant_memory() {
    const SIZE: u64 = 64 << 20;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.pdf");

    let before = peak_rss_kib();
    let written = write_big_pdf(&path, SIZE).expect("write the big PDF");
    let after = peak_rss_kib();

    assert_eq!(written, fs::metadata(&path).expect("metadata").len());
    assert!(
        written.abs_diff(SIZE) < 64 << 10,
        "{written} bytes, asked for about {SIZE}"
    );
    let growth_mib = (after.saturating_sub(before)) / 1024;
    assert!(
        growth_mib < 16,
        "peak RSS grew by {growth_mib} MiB while writing {SIZE} bytes"
    );

    let check = qpdf_check(&path);
    assert!(check.ok, "{}", check.output);
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("`pdfinfo` is not installed ({e}); run scripts/setup.sh"));
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.lines().any(|l| l == "Pages:           1"), "{info}");
}

#[test]
fn even_a_tiny_request_gives_a_valid_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("small.pdf");
    let written = write_big_pdf(&path, 0).expect("write");
    assert!(written < 16 << 10);
    let check = qpdf_check(&path);
    assert!(check.ok, "{}", check.output);
}
