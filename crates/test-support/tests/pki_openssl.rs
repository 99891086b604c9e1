//! The test PKI as OpenSSL sees it: every signer and the TSA verify against the root through the
//! issuing CA, at the pinned time, and carry the declared extensions.

#![allow(clippy::unwrap_used)]

use std::process::Command;

use sertel_core::key::KeyAlgorithm;
use sertel_core::sigcheck;
use sertel_core::signer::Signer;
use sertel_core::x509::verify_certificate_signature;
use test_support::pki::{TestPki, TEST_NOW};

fn openssl(args: &[&str], dir: &std::path::Path) -> (bool, String) {
    let out = Command::new("/usr/bin/openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), text)
}

#[test]
fn openssl_verifies_every_certificate() {
    let pki = TestPki::get();
    let dir = tempfile::tempdir().unwrap();
    pki.write_pem_files(dir.path()).unwrap();
    let at = TEST_NOW.unix_timestamp().to_string();
    let names: Vec<String> = pki
        .signers
        .iter()
        .map(|e| e.name.clone())
        .chain(std::iter::once("tsa".to_owned()))
        .collect();
    for name in &names {
        let cert = format!("{name}.pem");
        let mut args = vec![
            "verify",
            "-attime",
            &at,
            "-CAfile",
            "root.pem",
            "-untrusted",
            "intermediate.pem",
        ];
        if name == "tsa" {
            args.extend(["-purpose", "timestampsign"]);
        }
        args.push(&cert);
        let (ok, text) = openssl(&args, dir.path());
        assert!(ok, "{name}: {text}");
        assert!(text.contains(": OK"), "{name}: {text}");
        // The unencrypted test key matches the certificate.
        let (ok, key_pub) = openssl(
            &["pkey", "-in", &format!("{name}.key.pem"), "-pubout"],
            dir.path(),
        );
        assert!(ok, "{key_pub}");
        let (ok, cert_pub) = openssl(&["x509", "-in", &cert, "-noout", "-pubkey"], dir.path());
        assert!(ok);
        assert_eq!(key_pub, cert_pub, "{name}");
    }
    // chain.pem works as the untrusted bundle too.
    let (ok, text) = openssl(
        &[
            "verify",
            "-attime",
            &at,
            "-CAfile",
            "root.pem",
            "-untrusted",
            "chain.pem",
            "signer-p-256.pem",
        ],
        dir.path(),
    );
    assert!(ok, "{text}");
    // Outside the validity period the signer certificate is refused.
    let late = (TEST_NOW + time::Duration::days(800))
        .unix_timestamp()
        .to_string();
    let (ok, _) = openssl(
        &[
            "verify",
            "-attime",
            &late,
            "-CAfile",
            "root.pem",
            "-untrusted",
            "intermediate.pem",
            "signer-rsa-3072.pem",
        ],
        dir.path(),
    );
    assert!(!ok);
}

#[test]
fn extensions_are_as_declared() {
    let pki = TestPki::get();
    let dir = tempfile::tempdir().unwrap();
    pki.write_pem_files(dir.path()).unwrap();
    let (ok, text) = openssl(
        &["x509", "-in", "signer-rsa-3072.pem", "-noout", "-text"],
        dir.path(),
    );
    assert!(ok);
    for needle in [
        "Signature Algorithm: sha256WithRSAEncryption",
        "Issuer: C = ID, O = Sertel Test PKI, CN = Sertel Test Issuing CA",
        "Not Before: Jan  1 00:00:00 2026 GMT",
        "Not After : Jan  1 00:00:00 2028 GMT",
        "C = ID, ST = Sumatera Selatan, L = Muara Enim, O = Pemerintah Kabupaten Muara Enim",
        "serialNumber = 198507142010012003",
        "X509v3 Key Usage: critical",
        "Digital Signature, Non Repudiation",
        "X509v3 Basic Constraints: critical",
        "CA:FALSE",
        "email:penguji.rsa3072@muaraenimkab.go.id",
        "OCSP - URI:http://127.0.0.1/ocsp",
        "CA Issuers - URI:http://127.0.0.1/ca/issuing-ca.cer",
        "URI:http://127.0.0.1/crl/issuing-ca.crl",
        "X509v3 Subject Key Identifier",
        "X509v3 Authority Key Identifier",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let (_, tsa) = openssl(&["x509", "-in", "tsa.pem", "-noout", "-text"], dir.path());
    assert!(
        tsa.contains("X509v3 Extended Key Usage: critical\n                Time Stamping"),
        "{tsa}"
    );
    let (_, root) = openssl(&["x509", "-in", "root.pem", "-noout", "-text"], dir.path());
    assert!(
        root.contains("CA:TRUE") && root.contains("Certificate Sign, CRL Sign"),
        "{root}"
    );
    assert!(root.contains("Public-Key: (3072 bit)"));
    let (_, int) = openssl(
        &["x509", "-in", "intermediate.pem", "-noout", "-text"],
        dir.path(),
    );
    assert!(int.contains("CA:TRUE, pathlen:0"), "{int}");
}

#[test]
fn entries_expose_keys_certificates_and_chains() {
    let pki = TestPki::get();
    for alg in KeyAlgorithm::ALL {
        let e = pki.signer(alg);
        assert_eq!(e.key.key_algorithm(), alg);
        assert_eq!(
            e.signer.public_key(),
            &e.certificate.tbs_certificate.subject_public_key_info
        );
        assert_eq!(e.chain.len(), 2);
        verify_certificate_signature(&e.der, pki.intermediate.key.public_key()).unwrap();
        assert!(verify_certificate_signature(&e.der, pki.root.key.public_key()).is_err());
        let sig = e.signer.sign(b"surat").unwrap();
        sigcheck::verify(
            e.signer.public_key(),
            &e.signer.algorithm().algorithm_identifier(),
            b"surat",
            &sig,
        )
        .unwrap();
        assert!(e.owner.is_some());
    }
    verify_certificate_signature(&pki.intermediate.der, pki.root.key.public_key()).unwrap();
    verify_certificate_signature(&pki.root.der, pki.root.key.public_key()).unwrap();
    assert!(std::ptr::eq(TestPki::get(), pki));
}
