//! `sertel sign` and `sertel verify` as a user runs them: batches, JSON, exit codes, tampering.

mod common;

use std::process::Command;

use common::{code, json, printed, Fixture};
use sertel_core::key::KeyAlgorithm;

const PW: [&str; 2] = ["--passphrase-env", "SERTEL_TEST_PW"];

#[test]
fn a_batch_is_signed_next_to_the_inputs_and_verifies() {
    let f = Fixture::new(KeyAlgorithm::Rsa3072);
    let inputs = f.letters(6);
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let args: Vec<&str> = names.iter().map(String::as_str).collect();
    let out = f.sign(true, &args);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let report = json(&out);
    assert_eq!(report["signed"], 6, "{report}");
    for input in &inputs {
        let signed = input.with_file_name(format!(
            "{}-signed.pdf",
            input
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
        ));
        assert!(signed.exists(), "{} missing", signed.display());
        let v = f.sertel(&["--json", "verify", signed.to_str().unwrap_or_default()]);
        assert_eq!(code(&v), 0, "{}", printed(&v));
        let v = json(&v);
        assert_eq!(v["files"][0]["signatures"][0]["verdict"], "VALID", "{v}");
        let conclusion = &v["files"][0]["signatures"][0]["conclusion"];
        assert_eq!(conclusion["indication"], "TOTAL_PASSED", "{v}");
    }
    // The originals are untouched.
    for input in &inputs {
        let v = f.sertel(&["verify", input.to_str().unwrap_or_default()]);
        assert_eq!(
            code(&v),
            2,
            "an unsigned file is indeterminate: {}",
            printed(&v)
        );
    }
}

#[test]
fn out_dir_is_created_when_missing() {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let inputs = f.letters(3);
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["--out-dir", "hasil/ditandatangani"];
    args.extend(names.iter().map(String::as_str));
    let out = f.sign(false, &args);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    for i in 1..=3 {
        let signed = f.path(&format!("hasil/ditandatangani/surat-{i:03}-signed.pdf"));
        assert!(signed.exists(), "{}", signed.display());
    }
}

#[test]
fn a_changed_byte_makes_verify_fail_with_exit_code_1() {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let input = &f.letters(1)[0];
    let out = f.sign(
        false,
        &["-o", "signed.pdf", input.to_str().unwrap_or_default()],
    );
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let mut bytes = std::fs::read(f.path("signed.pdf")).expect("read");
    // Change one letter of the letter's text (inside the first signed range).
    let at = bytes
        .windows(7)
        .position(|w| w == b"Muara E")
        .expect("text in the PDF");
    bytes[at] = b'N';
    std::fs::write(f.path("tampered.pdf"), &bytes).expect("write");
    let v = f.sertel(&["--json", "verify", "tampered.pdf"]);
    assert_eq!(code(&v), 1, "{}", printed(&v));
    let v = json(&v);
    assert_eq!(v["files"][0]["signatures"][0]["verdict"], "INVALID", "{v}");
    assert_eq!(
        v["files"][0]["signatures"][0]["findings"][0]["kind"], "digest_mismatch",
        "{v}"
    );
    let text = f.sertel(&["verify", "tampered.pdf"]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("Dokumen telah diubah"),
        "{}",
        printed(&text)
    );
    let en = f.sertel(&["--lang", "en", "verify", "tampered.pdf"]);
    assert!(
        String::from_utf8_lossy(&en.stdout).contains("The document was altered"),
        "{}",
        printed(&en)
    );
}

#[test]
fn the_visible_signature_shows_name_and_date_on_the_chosen_page() {
    let f = Fixture::new(KeyAlgorithm::Rsa2048);
    let input = &f.letters(1)[0];
    let out = f.sign(
        false,
        &[
            "-o",
            "visible.pdf",
            "--visible",
            "2,330,90,210,64",
            input.to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let text = Command::new("pdftotext")
        .args(["-f", "2", "-l", "2", "-layout", "visible.pdf", "-"])
        .current_dir(f.dir.path())
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/setup.sh");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Ditandatangani secara elektronik oleh:"),
        "{text}"
    );
    let signer = test_support::pki::TestPki::get().signer(KeyAlgorithm::Rsa2048);
    let name = signer
        .owner
        .as_ref()
        .map(|o| o.full_name.clone())
        .unwrap_or_default();
    assert!(text.contains(&name), "{name} not on page 2: {text}");
    assert!(text.contains("WIB"), "{text}");
    // Not on page 1.
    let p1 = Command::new("pdftotext")
        .args(["-f", "1", "-l", "1", "visible.pdf", "-"])
        .current_dir(f.dir.path())
        .output()
        .expect("pdftotext");
    assert!(!String::from_utf8_lossy(&p1.stdout).contains("Ditandatangani secara elektronik"));
}

#[test]
fn the_original_is_never_overwritten_unless_asked() {
    let f = Fixture::new(KeyAlgorithm::Rsa2048);
    let input = f.letters(1).remove(0);
    let before = std::fs::read(&input).expect("read");
    let path = input.to_str().unwrap_or_default();
    let out = f.sign(true, &["-o", path, path]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    assert_eq!(json(&out)["files"][0]["error"]["kind"], "output_exists");
    assert_eq!(std::fs::read(&input).expect("read"), before);
    let out = f.sign(false, &["--overwrite", "-o", path, path]);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    assert!(
        std::fs::read(&input).expect("read").starts_with(&before),
        "incremental: the old bytes stay a prefix"
    );
    let v = f.sertel(&["verify", path]);
    assert_eq!(code(&v), 0, "{}", printed(&v));
}

#[test]
fn a_certificate_of_another_key_is_refused() {
    let f = Fixture::new(KeyAlgorithm::Rsa2048);
    let other = Fixture::new(KeyAlgorithm::EcdsaP256);
    std::fs::copy(other.path("cert.pem"), f.path("other.pem")).expect("copy");
    let input = &f.letters(1)[0];
    let out = f.sertel(&[
        "--json",
        "sign",
        "--key",
        "key.pem",
        "--cert",
        "other.pem",
        PW[0],
        PW[1],
        input.to_str().unwrap_or_default(),
    ]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    assert_eq!(
        json(&out)["files"][0]["error"]["kind"],
        "certificate_key_mismatch"
    );
}

#[test]
fn b_t_without_a_tsa_url_is_a_usage_error_and_unreachable_tsa_fails_cleanly() {
    let f = Fixture::new(KeyAlgorithm::Rsa2048);
    let input = &f.letters(1)[0];
    let p = input.to_str().unwrap_or_default();
    let out = f.sign(false, &["--level", "b-t", p]);
    assert_eq!(code(&out), 3, "{}", printed(&out));
    // Port 9 on loopback: nothing listens there.
    let out = f.sign(true, &["--level", "b-t", "--tsa", "http://127.0.0.1:9/", p]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    assert_eq!(
        json(&out)["files"][0]["error"]["kind"],
        "server_unreachable"
    );
    let leftovers: Vec<_> = std::fs::read_dir(f.dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary files left behind: {leftovers:?}"
    );
    assert!(!input.with_file_name("surat-001-signed.pdf").exists());
}

#[test]
fn usage_errors_exit_3_and_help_lists_exit_codes() {
    let f = Fixture::new(KeyAlgorithm::Rsa2048);
    let out = f.sertel(&["sign", "--no-such-flag"]);
    assert_eq!(code(&out), 3, "{}", printed(&out));
    let help = f.sertel(&["--help"]);
    assert_eq!(code(&help), 0);
    assert!(
        String::from_utf8_lossy(&help.stdout).contains("Exit codes"),
        "{}",
        printed(&help)
    );
    let out = f.sertel(&["verify", "does-not-exist.pdf"]);
    assert_eq!(code(&out), 2, "{}", printed(&out));
}

#[test]
fn trust_decides_the_conclusion_and_the_exit_code() {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let input = &f.letters(1)[0];
    let out = f.sign(
        false,
        &["-o", "signed.pdf", input.to_str().unwrap_or_default()],
    );
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let conclusion = |v: &serde_json::Value| v["files"][0]["signatures"][0]["conclusion"].clone();
    // The trust folder holds the root: passed, with the unknown revocation status as a warning.
    let v = f.sertel(&["--json", "verify", "signed.pdf"]);
    assert_eq!(code(&v), 0, "{}", printed(&v));
    let v = json(&v);
    assert_eq!(conclusion(&v)["indication"], "TOTAL_PASSED", "{v}");
    assert_eq!(v["files"][0]["signatures"][0]["trust"], "passed", "{v}");
    // Hard fail: no CRL can be had, so it cannot be decided.
    let v = f.sertel(&[
        "--json",
        "verify",
        "--revocation",
        "hard",
        "--offline",
        "signed.pdf",
    ]);
    assert_eq!(code(&v), 2, "{}", printed(&v));
    assert_eq!(conclusion(&json(&v))["sub_indication"], "TRY_LATER");
    // Nothing trusted: indeterminate, though the signature itself is genuine.
    std::fs::remove_dir_all(f.path("trust")).expect("remove trust folder");
    let v = f.sertel(&["--json", "verify", "signed.pdf"]);
    assert_eq!(code(&v), 2, "{}", printed(&v));
    let v = json(&v);
    assert_eq!(
        conclusion(&v)["sub_indication"],
        "NO_CERTIFICATE_CHAIN_FOUND",
        "{v}"
    );
    assert_eq!(v["files"][0]["signatures"][0]["verdict"], "VALID", "{v}");
    // --trust names the root explicitly.
    let v = f.sertel(&["verify", "--trust", "root.pem", "signed.pdf"]);
    assert_eq!(code(&v), 0, "{}", printed(&v));
    let text = String::from_utf8_lossy(&v.stdout);
    assert!(text.contains("SAH: dokumen utuh"), "{text}");
    assert!(text.contains("Sertel Test Root CA"), "{text}");
    // An unreadable trust file is an error of its own.
    let v = f.sertel(&["verify", "--trust", "missing.pem", "signed.pdf"]);
    assert_eq!(code(&v), 4, "{}", printed(&v));
}
