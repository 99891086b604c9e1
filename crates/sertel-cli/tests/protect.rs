//! `sertel protect` and `sertel unprotect` as a user runs them: encrypt for a recipient's
//! certificate, open with the recipient's passphrase-protected key; pdftotext judges the
//! text, pyHanko makes a password-encrypted file Sertel must refuse clearly.

mod common;

use common::{code, json, printed, sertel_in, sertel_with, Fixture, PASSPHRASE};
use sertel_core::key::{save_key_file, KeyAlgorithm, Passphrase, SaveOptions};
use test_support::judges::{pdftotext, pyhanko_password_encrypt};
use test_support::recipients::{RecipientKind, TestRecipient};

/// The fixture (a signer's key, signing-only certificate, letters) plus an encryption
/// recipient with `recipient.key.pem` (passphrase-protected) and `recipient.pem`.
fn setup(kind: RecipientKind) -> (Fixture, TestRecipient) {
    let fx = Fixture::new(KeyAlgorithm::Rsa2048);
    let r = TestRecipient::new(kind, "Kepala Dinas Kominfo");
    // The certificate for `--to`; the unencrypted key it writes is replaced just below.
    r.write_pem(fx.dir.path(), "recipient");
    std::fs::remove_file(fx.path("recipient.key.pem")).expect("remove");
    save_key_file(
        &fx.path("recipient.key.pem"),
        r.key.as_ref().expect("key store key"),
        &Passphrase::from(PASSPHRASE),
        &SaveOptions::default(),
    )
    .expect("key file");
    fx.letters(1);
    (fx, r)
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn protect_then_unprotect_gives_the_same_text_for_rsa_and_ec() {
    for kind in [RecipientKind::Rsa2048, RecipientKind::P256] {
        let (fx, _) = setup(kind);
        let out = fx.sertel(&[
            "--json",
            "protect",
            "--to",
            "recipient.pem",
            "surat-001.pdf",
            "-o",
            "sealed.pdf",
        ]);
        assert_eq!(code(&out), 0, "{}", printed(&out));
        assert_eq!(json(&out)["ok"], true);
        let out = fx.sertel(&[
            "unprotect",
            "--key",
            "recipient.key.pem",
            "--passphrase-env",
            "SERTEL_TEST_PW",
            "sealed.pdf",
        ]);
        assert_eq!(code(&out), 0, "{}", printed(&out));
        let want = pdftotext(&fx.path("surat-001.pdf")).all();
        let got = pdftotext(&fx.path("sealed-unprotected.pdf")).all();
        assert_eq!(got, want, "{kind:?}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(fx.path("sealed-unprotected.pdf"))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "decrypted output is private");
        }
        // The output is not replaced without --force.
        let out = fx.sertel(&[
            "unprotect",
            "--key",
            "recipient.key.pem",
            "--passphrase-env",
            "SERTEL_TEST_PW",
            "sealed.pdf",
        ]);
        assert_eq!(code(&out), 4, "{}", printed(&out));
        assert!(stderr(&out).contains("--force"), "{}", printed(&out));
    }
}

#[test]
fn clear_errors_in_indonesian_first() {
    let (fx, _) = setup(RecipientKind::Rsa2048);
    let out = fx.sertel(&[
        "protect",
        "--to",
        "recipient.pem",
        "surat-001.pdf",
        "-o",
        "sealed.pdf",
    ]);
    assert_eq!(code(&out), 0, "{}", printed(&out));

    // Wrong passphrase.
    let out = sertel_with(
        fx.dir.path(),
        &[
            "unprotect",
            "--key",
            "recipient.key.pem",
            "--passphrase-env",
            "WRONG",
            "sealed.pdf",
        ],
        &[("WRONG", "bukan frasa sandi yang benar")],
    );
    assert_eq!(code(&out), 4, "{}", printed(&out));
    assert!(
        stderr(&out).contains("Frasa sandi salah"),
        "{}",
        printed(&out)
    );
    assert!(!fx.path("sealed-unprotected.pdf").exists());

    // A key that is not a recipient (the fixture's signing key).
    let out = fx.sertel(&[
        "unprotect",
        "--key",
        "key.pem",
        "--passphrase-env",
        "SERTEL_TEST_PW",
        "sealed.pdf",
    ]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    assert!(stderr(&out).contains("bukan penerima"), "{}", printed(&out));
    let out = fx.sertel(&[
        "--lang",
        "en",
        "--json",
        "unprotect",
        "--key",
        "key.pem",
        "--passphrase-env",
        "SERTEL_TEST_PW",
        "sealed.pdf",
    ]);
    assert_eq!(json(&out)["error"]["kind"], "not_a_recipient");
    assert!(json(&out)["error"]["message"]
        .as_str()
        .is_some_and(|m| m.contains("not a recipient")));

    // A signing-only certificate as recipient.
    let out = fx.sertel(&[
        "protect",
        "--to",
        "cert.pem",
        "surat-001.pdf",
        "-o",
        "x.pdf",
    ]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    assert!(
        stderr(&out).contains("tidak untuk enkripsi"),
        "{}",
        printed(&out)
    );
    let out = fx.sertel(&[
        "protect",
        "--ignore-key-usage",
        "--to",
        "cert.pem",
        "surat-001.pdf",
        "-o",
        "x.pdf",
    ]);
    assert_eq!(code(&out), 0, "{}", printed(&out));

    // Password encryption (pyHanko's standard handler) is not what Sertel opens.
    let pw = fx.path("password.pdf");
    let run = pyhanko_password_encrypt(&fx.path("surat-001.pdf"), &pw, "rahasia");
    assert_eq!(run.code, Some(0), "{run}");
    let out = fx.sertel(&[
        "unprotect",
        "--key",
        "recipient.key.pem",
        "--passphrase-env",
        "SERTEL_TEST_PW",
        "password.pdf",
    ]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    assert!(stderr(&out).contains("tidak didukung"), "{}", printed(&out));

    // Missing --to is a usage error.
    let out = sertel_in(fx.dir.path(), &["protect", "surat-001.pdf"]);
    assert_eq!(code(&out), 3, "{}", printed(&out));
}
