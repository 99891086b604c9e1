//! `sertel sign --seal`, `--paraf` and `--field` as an office runs them: the agency's seal
//! first (certifying, with empty fields for the later signers), a paraf and the head's
//! signature into those fields, `sertel verify` listing all three in order, each valid; a
//! second seal refused before anything is written; flags that do not fit the mark refused.

mod common;

use common::{code, json, printed, Fixture};
use sertel_core::key::KeyAlgorithm;

const URL: &str = "https://tte.muaraenimkab.go.id/v/{id}";

#[test]
fn seal_then_paraf_then_signature_verify_in_order() {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let input = f.letters(1).remove(0);
    let input = input.to_str().unwrap_or_default();
    let seal = f.sign(
        true,
        &[
            "--seal",
            "--verify-url",
            URL,
            "--visible",
            "2,40,300,212,120",
            "--empty-field",
            "paraf=2,300,240,124,42",
            "--empty-field",
            "ttd=2,300,300,270,125",
            "-o",
            "segel.pdf",
            input,
        ],
    );
    assert_eq!(code(&seal), 0, "{}", printed(&seal));
    let paraf = f.sign(
        false,
        &[
            "--paraf",
            "--field",
            "paraf",
            "--jabatan",
            "Kepala Bidang Persandian",
            "-o",
            "paraf.pdf",
            "segel.pdf",
        ],
    );
    assert_eq!(code(&paraf), 0, "{}", printed(&paraf));
    let signed = f.sign(
        false,
        &[
            "--specimen",
            "--verify-url",
            URL,
            "--field",
            "ttd",
            "--jabatan",
            "Kepala Dinas Komunikasi dan Informatika",
            "-o",
            "ttd.pdf",
            "paraf.pdf",
        ],
    );
    assert_eq!(code(&signed), 0, "{}", printed(&signed));

    let v = f.sertel(&["--json", "verify", "ttd.pdf"]);
    assert_eq!(code(&v), 0, "{}", printed(&v));
    let v = json(&v);
    let signatures = v["files"][0]["signatures"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let fields: Vec<&str> = signatures
        .iter()
        .map(|s| s["field"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(fields, ["Signature1", "paraf", "ttd"], "{v}");
    assert!(signatures.iter().all(|s| s["verdict"] == "VALID"), "{v}");

    // A seal is the first signature or none: refused, in Indonesian and in English, and no
    // output is written.
    for (lang, words) in [
        ("id", "tanda tangan sertifikasi harus yang pertama"),
        ("en", "a certification signature must be the first"),
    ] {
        let again = f.sign(
            false,
            &[
                "--lang",
                lang,
                "--seal",
                "--verify-url",
                URL,
                "--visible",
                "1,40,300,212,120",
                "-o",
                "segel-lagi.pdf",
                "ttd.pdf",
            ],
        );
        assert_ne!(code(&again), 0, "{}", printed(&again));
        assert!(
            String::from_utf8_lossy(&again.stderr).contains(words),
            "{}",
            printed(&again)
        );
        assert!(!f.path("segel-lagi.pdf").exists());
    }
}

#[test]
fn flags_that_do_not_fit_the_mark_are_refused() {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let input = f.letters(1).remove(0);
    let input = input.to_str().unwrap_or_default();
    for (args, flag) in [
        (
            vec!["--seal", "--verify-url", URL, "--pangkat", "IV/c", input],
            "--pangkat hanya berlaku dengan --specimen",
        ),
        (
            vec!["--paraf", "--logo", "logo.png", input],
            "--logo hanya berlaku dengan --specimen atau --seal",
        ),
        (
            vec!["--specimen", "--verify-url", URL, "--initials", "RH", input],
            "--initials hanya berlaku dengan --paraf",
        ),
        (vec!["--seal", input], "--seal memerlukan --verify-url"),
        (
            vec!["--empty-field", "ttd", input],
            "--empty-field harus berbentuk",
        ),
    ] {
        let out = f.sign(false, &args);
        assert_eq!(code(&out), 3, "{}", printed(&out));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(flag),
            "{flag}: {}",
            printed(&out)
        );
    }
}
