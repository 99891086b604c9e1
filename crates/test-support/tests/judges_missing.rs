//! A judge that is not installed fails the test with a message saying how to install it.
//! (Alone in its own test binary: it changes this process's environment.)

use std::panic;
use std::path::Path;

use test_support::judges::{pyhanko_validate, qpdf_check};

fn panic_message(f: impl FnOnce() + panic::UnwindSafe) -> String {
    let err = panic::catch_unwind(f).expect_err("a missing judge must fail the test");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn missing_judges_fail_loudly_and_say_run_setup() {
    let pdf = Path::new("/nonexistent/letter.pdf");
    std::env::set_var("SERTEL_VENV", "/nonexistent/venv");
    let message = panic_message(|| {
        pyhanko_validate(pdf, pdf);
    });
    assert!(message.contains("run scripts/setup.sh"), "{message}");
    assert!(message.contains("/nonexistent/venv"), "{message}");

    std::env::set_var("PATH", "/nonexistent/bin");
    let message = panic_message(|| {
        qpdf_check(pdf);
    });
    assert!(message.contains("`qpdf` is not installed") && message.contains("scripts/setup.sh"));
}
