//! A sample letter signed by an independent signer (pyHanko) passes every judge; the same
//! file with one changed byte fails them. This proves the letters are signable and the
//! judges see tampering.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use test_support::judges::{
    nss_verify_signers, pdfsig, pdfsig_trusting, pdfsig_with_db, pyhanko_program, pyhanko_validate,
    qpdf_check, CertificateStatus, Coverage, NssDb, SignatureStatus, Trust,
};
use test_support::letters::{sample_letter, with_object_streams, LetterSpec, PageSize};

fn crypto(rel: &str) -> PathBuf {
    test_support::judges::shared_dir()
        .join("corpora/pyhanko/crypto")
        .join(rel)
}

/// Signs `input` into `output` as PAdES with pyHanko's test signer "Alice" (valid until 2030).
fn sign_with_pyhanko(input: &Path, output: &Path) {
    let passfile = output.with_extension("pass");
    fs::write(&passfile, "secret").expect("write passphrase");
    let out = Command::new(pyhanko_program())
        .args(["sign", "addsig", "--field", "Sig1", "--use-pades", "pemder"])
        .arg("--key")
        .arg(crypto("keys-rsa/signer.key.pem"))
        .arg("--cert")
        .arg(crypto("testing-ca/interm/signer1-long.cert.pem"))
        .arg("--chain")
        .arg(crypto("testing-ca/root/interm.cert.pem"))
        .arg("--passfile")
        .arg(&passfile)
        .arg(input)
        .arg(output)
        .output()
        .expect("run pyhanko");
    assert!(
        out.status.success(),
        "pyHanko could not sign: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn check_letter(unsigned: Vec<u8>, dir: &Path, name: &str) {
    let (input, signed) = (
        dir.join(format!("{name}.pdf")),
        dir.join(format!("{name}-signed.pdf")),
    );
    fs::write(&input, unsigned).expect("write letter");
    sign_with_pyhanko(&input, &signed);
    let root = crypto("testing-ca/root/root.cert.pem");

    let report = pyhanko_validate(&signed, &root);
    assert!(report.ok, "{name}: {}", report.output);
    let sig = &report.signatures[0];
    assert_eq!(
        (sig.trust, sig.coverage),
        (Trust::Trusted, Coverage::EntireFile)
    );

    let poppler = pdfsig(&signed);
    assert!(poppler.ok, "{name}: {}", poppler.output);
    assert_eq!(poppler.signatures[0].signature_type, "ETSI.CAdES.detached");
    let trusting = pdfsig_trusting(&signed, &root);
    assert!(
        trusting.signatures[0].chain_accepted(),
        "{name}: {}",
        trusting.output
    );
    let stranger = pdfsig_with_db(&signed, &NssDb::empty());
    assert_eq!(
        stranger.signatures[0].certificate,
        Some(CertificateStatus::UnknownIssuer)
    );
    assert!(qpdf_check(&signed).ok);

    let chains = nss_verify_signers(&signed, &root);
    assert_eq!(chains.len(), 1);
    assert!(chains[0].trusted, "{name}: {:?}", chains[0].output);
    assert!(
        chains[0].signer.contains("CN=Alice"),
        "{}",
        chains[0].signer
    );
    let wrong_root = crypto("selfsigned.cert.pem");
    assert!(!nss_verify_signers(&signed, &wrong_root)[0].trusted);

    // Change one signed byte that no parser reads: inside the binary comment on line two.
    let mut bytes = fs::read(&signed).expect("read signed");
    assert_eq!(bytes[9], b'%', "{name}: line two is not the binary comment");
    bytes[10] ^= 0x01;
    let tampered = dir.join(format!("{name}-tampered.pdf"));
    fs::write(&tampered, bytes).expect("write tampered");

    let report = pyhanko_validate(&tampered, &root);
    assert!(!report.ok, "{name}: {}", report.output);
    assert!(
        report.signatures.iter().all(|s| !s.sound),
        "{}",
        report.output
    );
    let poppler = pdfsig(&tampered);
    assert!(!poppler.ok);
    assert_eq!(
        poppler.signatures[0].signature,
        SignatureStatus::DigestMismatch
    );
}

#[test]
fn a_letter_signed_by_pyhanko_passes_every_judge_and_tampering_is_caught() {
    let dir = tempfile::tempdir().expect("tempdir");
    let letter = sample_letter(&LetterSpec::new(2, PageSize::F4));
    check_letter(letter.clone(), dir.path(), "f4");
    check_letter(with_object_streams(&letter), dir.path(), "f4-objstm");
}
