//! `sertel sign [--level b-lt|b-lta]` (B-LT being the default with a timestamp server) and
//! `sertel ltv` on the real binary, against the
//! regency-shaped test PKI (root, OCSP responder and TSA on loopback): the files come out
//! valid offline under hard fail with the PAdES level they asked for.

mod common;

use std::path::Path;

use common::{code, json, printed, sertel_in};
use sertel_core::key::{save_key_file, Passphrase, SaveOptions};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::pki::TestPki;
use test_support::regency::{Regency, RegencySetup, SIGNER_ALGORITHM};

/// The regency plus, in its folder, `key.pem`, `cert.pem` (signer + root), a `trust/` folder
/// with the root, and `surat.pdf`.
fn workspace() -> Regency {
    let reg = Regency::start(RegencySetup::default());
    save_key_file(
        &reg.path("key.pem"),
        &TestPki::get().signer(SIGNER_ALGORITHM).key,
        &Passphrase::from(common::PASSPHRASE),
        &SaveOptions::default(),
    )
    .expect("key file");
    std::fs::copy(&reg.signer_chain_pem, reg.path("cert.pem")).expect("cert");
    std::fs::create_dir(reg.path("trust")).expect("trust folder");
    std::fs::copy(&reg.root_pem, reg.path("trust/root.pem")).expect("root");
    std::fs::write(
        reg.path("surat.pdf"),
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("letter");
    reg
}

fn dir(reg: &Regency) -> std::path::PathBuf {
    reg.path("")
}

/// `sertel --json verify --offline --revocation hard FILE`: the first signature's conclusion
/// and PAdES level.
fn offline_level(reg: &Regency, file: &str) -> (String, String) {
    let v = sertel_in(
        &dir(reg),
        &[
            "--json",
            "verify",
            "--offline",
            "--revocation",
            "hard",
            file,
        ],
    );
    let report = json(&v);
    let sig = &report["files"][0]["signatures"][0];
    (
        sig["conclusion"]["indication"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
        sig["level"].as_str().unwrap_or_default().to_string(),
    )
}

/// `sertel --json sign … --tsa URL surat.pdf`, with `--level level` unless `level` is empty.
fn sign(reg: &Regency, level: &str) -> std::process::Output {
    let tsa = reg.tsa.url();
    let mut args = vec![
        "--json",
        "sign",
        "--key",
        "key.pem",
        "--cert",
        "cert.pem",
        "--passphrase-env",
        "SERTEL_TEST_PW",
        "--tsa",
        &tsa,
        "surat.pdf",
    ];
    if !level.is_empty() {
        args.extend(["--level", level]);
    }
    sertel_in(&dir(reg), &args)
}

#[test]
fn signing_at_b_lt_and_b_lta_gives_files_valid_offline() {
    let reg = workspace();
    // B-LT is what a timestamp server gives unless another level is asked for.
    let out = sign(&reg, "");
    assert_eq!(code(&out), 0, "{}", printed(&out));
    assert_eq!(
        offline_level(&reg, "surat-signed.pdf"),
        ("TOTAL_PASSED".into(), "B-LT".into())
    );
    std::fs::remove_file(reg.path("surat-signed.pdf")).expect("remove");
    let out = sign(&reg, "b-lt");
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let j = json(&out);
    assert_eq!(j["files"][0]["ltv"]["ocsp"], 2, "{j}");
    assert_eq!(
        offline_level(&reg, "surat-signed.pdf"),
        ("TOTAL_PASSED".into(), "B-LT".into())
    );
    std::fs::remove_file(reg.path("surat-signed.pdf")).expect("remove");
    let out = sign(&reg, "b-lta");
    assert_eq!(code(&out), 0, "{}", printed(&out));
    assert_eq!(
        offline_level(&reg, "surat-signed.pdf"),
        ("TOTAL_PASSED".into(), "B-LTA".into())
    );
}

#[test]
fn ltv_extends_a_b_t_file_and_refreshes_an_archived_one() {
    let reg = workspace();
    let out = sign(&reg, "b-t");
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let (indication, _) = offline_level(&reg, "surat-signed.pdf");
    assert_ne!(indication, "TOTAL_PASSED", "B-T alone is not valid offline");
    let tsa = reg.tsa.url();
    let out = sertel_in(&dir(&reg), &["ltv", "--tsa", &tsa, "surat-signed.pdf"]);
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.contains("surat-signed-ltv.pdf"), "{text}");
    assert!(text.contains("penanda waktu arsip"), "{text}");
    assert_eq!(
        offline_level(&reg, "surat-signed-ltv.pdf"),
        ("TOTAL_PASSED".into(), "B-LTA".into())
    );
    let before = std::fs::metadata(reg.path("surat-signed-ltv.pdf"))
        .expect("meta")
        .len();
    let out = sertel_in(
        &dir(&reg),
        &["ltv", "--in-place", "--tsa", &tsa, "surat-signed-ltv.pdf"],
    );
    assert_eq!(code(&out), 0, "{}", printed(&out));
    let after = std::fs::metadata(reg.path("surat-signed-ltv.pdf"))
        .expect("meta")
        .len();
    assert!(after > before, "the refresh appends");
    assert_eq!(
        offline_level(&reg, "surat-signed-ltv.pdf"),
        ("TOTAL_PASSED".into(), "B-LTA".into())
    );
}

#[test]
fn ltv_without_a_trusted_root_is_a_usage_error_in_indonesian() {
    let reg = workspace();
    std::fs::remove_file(reg.path("trust/root.pem")).expect("remove");
    let out = sertel_in(Path::new(&dir(&reg)), &["ltv", "surat.pdf"]);
    assert_eq!(code(&out), 3, "{}", printed(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("sertifikat akar penerbit"),
        "{}",
        printed(&out)
    );
}
