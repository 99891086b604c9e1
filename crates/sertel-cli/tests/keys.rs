//! `sertel key …` and `sertel csr` as a user runs them, checked with the real openssl.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use common::{code, json, printed, sertel_in, sertel_with, Fixture, PASSPHRASE};
use sertel_core::key::KeyAlgorithm;

fn openssl(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .env("PW", PASSPHRASE)
        .output()
        .expect("openssl is installed")
}

#[test]
fn key_new_refuses_weak_passphrases_in_both_languages() {
    let dir = tempfile::tempdir().expect("dir");
    let run = |lang: &str| {
        Command::new(env!("CARGO_BIN_EXE_sertel"))
            .args([
                "--lang",
                lang,
                "key",
                "new",
                "--out",
                "k.pem",
                "--passphrase-env",
                "WEAK",
            ])
            .current_dir(dir.path())
            .env("WEAK", "password123")
            .output()
            .expect("run")
    };
    let id = run("id");
    assert_eq!(code(&id), 4, "{}", printed(&id));
    assert!(
        String::from_utf8_lossy(&id.stderr).contains("Frasa sandi"),
        "{}",
        printed(&id)
    );
    let en = run("en");
    assert!(
        String::from_utf8_lossy(&en.stderr)
            .to_lowercase()
            .contains("passphrase"),
        "{}",
        printed(&en)
    );
    assert!(
        !dir.path().join("k.pem").exists(),
        "no key file after a refusal"
    );
}

#[test]
fn key_new_writes_an_encrypted_0600_key_that_openssl_reads_and_info_checks() {
    let dir = tempfile::tempdir().expect("dir");
    let out = sertel_in(
        dir.path(),
        &[
            "--json",
            "key",
            "new",
            "--out",
            "k.pem",
            "--algorithm",
            "p-256",
            "--passphrase-env",
            "SERTEL_TEST_PW",
        ],
    );
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let created = json(&out);
    let meta = std::fs::metadata(dir.path().join("k.pem")).expect("key file");
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    let text = std::fs::read_to_string(dir.path().join("k.pem")).expect("read");
    assert!(
        text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
        "{text}"
    );
    let o = openssl(
        dir.path(),
        &[
            "pkey", "-in", "k.pem", "-passin", "env:PW", "-noout", "-text",
        ],
    );
    assert!(o.status.success(), "openssl pkey: {}", printed(&o));
    let info = sertel_in(
        dir.path(),
        &[
            "--json",
            "key",
            "info",
            "--key",
            "k.pem",
            "--passphrase-env",
            "SERTEL_TEST_PW",
        ],
    );
    assert_eq!(code(&info), 0, "{}", printed(&info));
    assert_eq!(
        json(&info)["fingerprint_sha256"],
        created["fingerprint_sha256"]
    );
    // The same key again refuses to overwrite.
    let again = sertel_in(
        dir.path(),
        &[
            "key",
            "new",
            "--out",
            "k.pem",
            "--passphrase-env",
            "SERTEL_TEST_PW",
        ],
    );
    assert_eq!(code(&again), 4, "{}", printed(&again));
}

#[test]
fn wrong_passphrase_is_its_own_error_and_the_fd_source_works() {
    let f = Fixture::new(KeyAlgorithm::Rsa2048);
    let args = [
        "--json",
        "key",
        "info",
        "--key",
        "key.pem",
        "--passphrase-env",
        "BAD",
    ];
    let wrong = sertel_with(f.dir.path(), &args, &[("BAD", "not the passphrase at all")]);
    assert_eq!(code(&wrong), 4, "{}", printed(&wrong));
    assert_eq!(
        json(&wrong)["error"]["kind"],
        "wrong_passphrase",
        "{}",
        printed(&wrong)
    );
    std::fs::write(f.path("pw.txt"), format!("{PASSPHRASE}\n")).expect("write");
    let bin = env!("CARGO_BIN_EXE_sertel");
    let via_fd = Command::new("bash")
        .args([
            "-c",
            &format!("'{bin}' --json key info --key key.pem --passphrase-fd 3 3<pw.txt"),
        ])
        .current_dir(f.dir.path())
        .output()
        .expect("bash");
    assert_eq!(code(&via_fd), 0, "{}", printed(&via_fd));
}

#[test]
fn csr_from_a_profile_is_verified_by_openssl() {
    let f = Fixture::new(KeyAlgorithm::Rsa3072);
    let profile = serde_json::json!({
        "full_name": "Siti Rahmawati, S.Kom.",
        "nip": "198705172010012003",
        "email": "siti.rahmawati@muaraenimkab.go.id",
        "title": "Pranata Komputer Ahli Muda",
        "unit": "Dinas Komunikasi, Informatika, Statistik dan Persandian"
    });
    std::fs::write(f.path("profil.json"), profile.to_string()).expect("write");
    let out = f.sertel(&[
        "csr",
        "--key",
        "key.pem",
        "--profile",
        "profil.json",
        "--out",
        "req.csr",
        "--passphrase-env",
        "SERTEL_TEST_PW",
    ]);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let o = openssl(
        f.dir.path(),
        &["req", "-in", "req.csr", "-verify", "-noout", "-subject"],
    );
    assert!(o.status.success(), "{}", printed(&o));
    let subject = String::from_utf8_lossy(&o.stdout);
    assert!(
        subject.contains("Siti Rahmawati") && subject.contains("198705172010012003"),
        "{subject}"
    );
    assert!(
        subject.contains("Pemerintah Kabupaten Muara Enim"),
        "{subject}"
    );
    // A profile with a bad NIP is refused before any passphrase is asked for.
    let bad = serde_json::json!({"full_name": "X", "nip": "1987051720100120", "email": "x@gmail.com", "title": "T", "unit": "U"});
    std::fs::write(f.path("bad.json"), bad.to_string()).expect("write");
    let out = f.sertel(&["--json", "csr", "--key", "key.pem", "--profile", "bad.json"]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    let msg = json(&out)["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        msg.contains("NIP") && msg.contains("muaraenimkab.go.id"),
        "{msg}"
    );
}

#[test]
fn seal_csr_has_the_organisation_subject_and_is_verified_by_openssl() {
    let f = Fixture::new(KeyAlgorithm::EcdsaP256);
    let mut args = vec!["csr", "--key", "key.pem", "--seal"];
    args.extend(["Dinas Komunikasi dan Informatika", "--seal-email"]);
    args.extend(["diskominfo@muaraenimkab.go.id", "--out", "segel.csr"]);
    args.extend(["--passphrase-env", "SERTEL_TEST_PW"]);
    let out = f.sertel(&args);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let o = openssl(
        f.dir.path(),
        &["req", "-in", "segel.csr", "-verify", "-noout", "-text"],
    );
    assert!(o.status.success(), "{}", printed(&o));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("C = ID, ST = Sumatera Selatan, L = Muara Enim, O = Pemerintah Kabupaten Muara Enim, CN = Dinas Komunikasi dan Informatika"),
        "{text}"
    );
    assert!(
        text.contains("email:diskominfo@muaraenimkab.go.id"),
        "{text}"
    );
    assert!(!text.contains("serialNumber"), "no NIP in a seal: {text}");
    // The e-mail address is checked before any passphrase is asked for; --profile and --seal
    // exclude each other.
    let out = f.sertel(&[
        "--json",
        "csr",
        "--key",
        "key.pem",
        "--seal",
        "Dinas Komunikasi dan Informatika",
        "--seal-email",
        "kominfo@gmail.com",
    ]);
    assert_eq!(code(&out), 4, "{}", printed(&out));
    let msg = json(&out)["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(msg.contains("muaraenimkab.go.id"), "{msg}");
    let out = f.sertel(&[
        "csr",
        "--key",
        "key.pem",
        "--seal",
        "X",
        "--profile",
        "p.json",
    ]);
    assert_ne!(code(&out), 0);
}

#[test]
fn pkcs12_export_is_read_by_openssl_and_imports_back() {
    const P12: &str = "cadangan rahasia kantor dinas 2026";
    let f = Fixture::new(KeyAlgorithm::Rsa2048);
    let dir = f.dir.path();
    let pw = [
        "--passphrase-env",
        "SERTEL_TEST_PW",
        "--p12-password-env",
        "P12",
    ];
    let mut export = vec!["key", "export", "--key", "key.pem", "--cert", "cert.pem"];
    export.extend(["--out", "backup.p12"]);
    export.extend(pw);
    let out = sertel_with(dir, &export, &[("P12", P12)]);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let o = Command::new("openssl")
        .args([
            "pkcs12",
            "-in",
            "backup.p12",
            "-nokeys",
            "-passin",
            "env:P12",
        ])
        .current_dir(dir)
        .env("P12", P12)
        .output()
        .expect("openssl");
    assert!(o.status.success(), "{}", printed(&o));
    let certs = String::from_utf8_lossy(&o.stdout)
        .matches("BEGIN CERTIFICATE")
        .count();
    assert_eq!(certs, 3);
    let import = |key: &str, certs: &str, password: &str| {
        let mut args = vec!["--json", "key", "import", "--p12", "backup.p12"];
        args.extend(["--out", key, "--cert-out", certs]);
        args.extend(pw);
        sertel_with(dir, &args, &[("P12", password)])
    };
    let back = import("k2.pem", "c2.pem", P12);
    assert_eq!(code(&back), 0, "{}", printed(&back));
    assert_eq!(json(&back)["chain_length"], 2);
    let fingerprint = |key: &str| {
        let info = f.sertel(&["--json", "key", "info", "--key", key, pw[0], pw[1]]);
        json(&info)["fingerprint_sha256"].clone()
    };
    assert_eq!(fingerprint("key.pem"), fingerprint("k2.pem"));
    // A wrong PKCS#12 password is reported as such, and nothing is written.
    let wrong = import("k3.pem", "c3.pem", "salah");
    assert_eq!(code(&wrong), 4, "{}", printed(&wrong));
    let kind = json(&wrong)["error"]["kind"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(kind.contains("password"), "{}", printed(&wrong));
    assert!(!f.path("k3.pem").exists() && !f.path("c3.pem").exists());
}
