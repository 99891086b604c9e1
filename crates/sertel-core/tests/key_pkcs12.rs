//! PKCS#12 import and export, interoperating with the real OpenSSL both ways (modern and
//! `-legacy`), plus pyHanko's PKCS#12 samples as independent inputs.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use der::{Decode, Encode};
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::{
    export_pkcs12, import_pkcs12, KeyAlgorithm, KeyError, LocalKey, Passphrase, Pkcs12Error,
    Pkcs12ExportOptions,
};
use sertel_core::signer::Signer;
use sertel_core::x509::Certificate;
use test_support::pki::TestPki;

const PW: &str = "cadangan-kunci-2026";

/// Cheap iteration counts for tests that are not about cost.
fn fast() -> Pkcs12ExportOptions {
    Pkcs12ExportOptions {
        pbkdf2_iterations: 2048,
        mac_iterations: 2048,
        friendly_name: None,
    }
}

fn openssl(args: &[&str], dir: &Path) -> Output {
    Command::new("/usr/bin/openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    text
}

fn pem_certs(text: &str) -> Vec<Certificate> {
    let mut certs = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let end = rest[start..].find("-----END CERTIFICATE-----").unwrap() + start + 25;
        certs.push(sertel_core::x509::certificate_from_pem(&rest[start..end]).unwrap());
        rest = &rest[end..];
    }
    certs
}

fn corpus(rel: &str) -> Option<PathBuf> {
    let p = Path::new("/work/shared/corpora/pyhanko/crypto").join(rel);
    p.exists().then_some(p)
}

#[test]
fn openssl_reads_our_export() {
    let pki = TestPki::get();
    let dir = tempfile::tempdir().unwrap();
    for alg in [KeyAlgorithm::Rsa3072, KeyAlgorithm::EcdsaP256] {
        let e = pki.signer(alg);
        let opts = Pkcs12ExportOptions {
            friendly_name: Some("Siti (Sertel)".into()),
            ..Default::default()
        };
        let start = std::time::Instant::now();
        let p12 = export_pkcs12(
            &e.key,
            &e.certificate,
            &e.chain,
            &Passphrase::from(PW),
            &opts,
        )
        .unwrap();
        println!(
            "export {alg} with default iterations: {:?}",
            start.elapsed()
        );
        let file = format!("{alg}.p12");
        std::fs::write(dir.path().join(&file), &p12).unwrap();
        let pass = format!("pass:{PW}");
        let info = ok(&openssl(
            &["pkcs12", "-in", &file, "-passin", &pass, "-info", "-noout"],
            dir.path(),
        ));
        for needle in [
            "MAC: sha256, Iteration 1200000",
            "PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256",
            "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256",
        ] {
            assert!(info.contains(needle), "missing {needle:?} in {info}");
        }
        let certs = ok(&openssl(
            &["pkcs12", "-in", &file, "-passin", &pass, "-nokeys"],
            dir.path(),
        ));
        assert!(certs.contains("friendlyName: Siti (Sertel)"), "{certs}");
        let got = pem_certs(&certs);
        assert_eq!(got.len(), 3);
        assert_eq!(got[0], e.certificate);
        assert_eq!(&got[1..], &e.chain[..]);
        let keys = ok(&openssl(
            &[
                "pkcs12", "-in", &file, "-passin", &pass, "-nocerts", "-nodes",
            ],
            dir.path(),
        ));
        let key_pem = &keys[keys.find("-----BEGIN PRIVATE KEY-----").unwrap()..];
        std::fs::write(dir.path().join("k.pem"), key_pem).unwrap();
        let pubkey = openssl(
            &["pkey", "-in", "k.pem", "-pubout", "-outform", "DER"],
            dir.path(),
        );
        assert!(pubkey.status.success());
        assert_eq!(pubkey.stdout, e.key.public_key_der().unwrap());
        let bad = openssl(
            &["pkcs12", "-in", &file, "-passin", "pass:salah", "-nokeys"],
            dir.path(),
        );
        assert!(!bad.status.success());
        // And it comes back.
        let back = import_pkcs12(&p12, &Passphrase::from(PW)).unwrap();
        assert_eq!(back.key.public_key(), e.key.public_key());
        assert_eq!(back.certificate, e.certificate);
        assert_eq!(back.chain, e.chain);
        assert_eq!(back.friendly_name.as_deref(), Some("Siti (Sertel)"));
    }
}

fn openssl_export(dir: &Path, alg: KeyAlgorithm, extra: &[&str]) -> Vec<u8> {
    let pki = TestPki::get();
    pki.write_pem_files(dir).unwrap();
    let name = &pki.signer(alg).name;
    let (key, cert) = (format!("{name}.key.pem"), format!("{name}.pem"));
    let pass = format!("pass:{PW}");
    let mut args = vec![
        "pkcs12",
        "-export",
        "-inkey",
        &key,
        "-in",
        &cert,
        "-certfile",
        "chain.pem",
    ];
    args.extend(["-passout", &pass, "-out", "o.p12", "-name", "dari openssl"]);
    args.extend(extra);
    ok(&openssl(&args, dir));
    std::fs::read(dir.join("o.p12")).unwrap()
}

#[test]
fn imports_openssl_modern_and_legacy() {
    let pki = TestPki::get();
    for (alg, extra, expect_info) in [
        (KeyAlgorithm::Rsa2048, &[][..], "PBES2, PBKDF2, AES-256-CBC"),
        (
            KeyAlgorithm::EcdsaP256,
            &[][..],
            "PBES2, PBKDF2, AES-256-CBC",
        ),
        (
            KeyAlgorithm::Rsa2048,
            &["-legacy"][..],
            "pbeWithSHA1And40BitRC2-CBC",
        ),
        (
            KeyAlgorithm::EcdsaP256,
            &["-legacy"][..],
            "pbeWithSHA1And3-KeyTripleDES-CBC",
        ),
        (
            KeyAlgorithm::Rsa3072,
            &["-certpbe", "NONE", "-keypbe", "PBE-SHA1-2DES"][..],
            "Certificate bag",
        ),
        (
            KeyAlgorithm::Rsa3072,
            &[
                "-legacy",
                "-certpbe",
                "PBE-SHA1-RC2-128",
                "-macalg",
                "sha512",
            ][..],
            "pbeWithSHA1And128BitRC2-CBC",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let p12 = openssl_export(dir.path(), alg, extra);
        let info = ok(&openssl(
            &[
                "pkcs12",
                "-in",
                "o.p12",
                "-passin",
                &format!("pass:{PW}"),
                "-info",
                "-noout",
                "-legacy",
            ],
            dir.path(),
        ));
        assert!(info.contains(expect_info), "{extra:?}: {info}");
        let e = pki.signer(alg);
        let b = import_pkcs12(&p12, &Passphrase::from(PW))
            .unwrap_or_else(|err| panic!("{alg} {extra:?}: {err:?}"));
        assert_eq!(b.key.public_key(), e.key.public_key());
        assert_eq!(b.certificate, e.certificate);
        assert_eq!(b.chain, e.chain, "issuer first, then root");
        assert_eq!(b.friendly_name.as_deref(), Some("dari openssl"));
        let err = import_pkcs12(&p12, &Passphrase::from("salah")).unwrap_err();
        assert!(
            matches!(err, Pkcs12Error::WrongPassword),
            "{extra:?}: {err:?}"
        );
        assert_eq!(
            err.message(Lang::Id),
            "Kata sandi berkas PKCS#12 (.p12/.pfx) salah."
        );
    }
}

#[test]
fn without_mac_a_wrong_password_is_still_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p12 = openssl_export(dir.path(), KeyAlgorithm::EcdsaP256, &["-nomac"]);
    import_pkcs12(&p12, &Passphrase::from(PW)).unwrap();
    for wrong in ["salah", "Cadangan-kunci-2026", "x"] {
        let err = import_pkcs12(&p12, &Passphrase::from(wrong)).unwrap_err();
        assert!(
            matches!(err, Pkcs12Error::WrongPassword),
            "{wrong}: {err:?}"
        );
    }
}

#[test]
fn pyhanko_samples() {
    // selfsigned.pfx: legacy RC2-40 certificate safe and 3DES key bag; its password is the one
    // pyHanko's tests use for their PKCS#12 files ("exportsecret").
    if let Some(p) = corpus("selfsigned.pfx") {
        let b = import_pkcs12(
            &std::fs::read(p).unwrap(),
            &Passphrase::from("exportsecret"),
        )
        .unwrap();
        assert_eq!(b.key.key_algorithm(), KeyAlgorithm::Rsa4096);
        assert!(b.chain.is_empty());
        let pem = std::fs::read_to_string(corpus("selfsigned.cert.pem").unwrap()).unwrap();
        assert_eq!(
            b.certificate,
            sertel_core::x509::certificate_from_pem(&pem).unwrap()
        );
        let err = import_pkcs12(
            &std::fs::read(corpus("selfsigned.pfx").unwrap()).unwrap(),
            &Passphrase::from("secret"),
        )
        .unwrap_err();
        assert!(matches!(err, Pkcs12Error::WrongPassword));
    }
    // testing-ca/interm/signer1.pfx: unencrypted key bag, MAC under the empty password,
    // certificate plus issuing CA and root.
    if let Some(p) = corpus("testing-ca/interm/signer1.pfx") {
        let b = import_pkcs12(&std::fs::read(p).unwrap(), &Passphrase::from("")).unwrap();
        assert_eq!(b.key.key_algorithm(), KeyAlgorithm::Rsa2048);
        assert_eq!(b.chain.len(), 2);
        assert_eq!(
            b.chain[0].tbs_certificate.subject,
            b.certificate.tbs_certificate.issuer
        );
        assert_eq!(
            b.chain[1].tbs_certificate.subject,
            b.chain[0].tbs_certificate.issuer
        );
        let msg = b"pyhanko";
        let sig = b.key.sign(msg).unwrap();
        sertel_core::sigcheck::verify(
            &b.certificate.tbs_certificate.subject_public_key_info,
            &b.key.algorithm().algorithm_identifier(),
            msg,
            &sig,
        )
        .unwrap();
    }
}

#[test]
fn broken_files() {
    let e = TestPki::get().signer(KeyAlgorithm::EcdsaP256);
    let p12 = export_pkcs12(
        &e.key,
        &e.certificate,
        &e.chain,
        &Passphrase::from(PW),
        &fast(),
    )
    .unwrap();
    let pw = Passphrase::from(PW);
    assert!(matches!(
        import_pkcs12(&[], &pw),
        Err(Pkcs12Error::Truncated)
    ));
    for cut in [1, 4, 100, p12.len() / 2, p12.len() - 1] {
        let err = import_pkcs12(&p12[..cut], &pw).unwrap_err();
        assert!(matches!(err, Pkcs12Error::Truncated), "cut {cut}: {err:?}");
    }
    assert!(matches!(
        import_pkcs12(b"not a pfx", &pw),
        Err(Pkcs12Error::Malformed(_))
    ));
    // A flipped byte inside the authenticated safe: the MAC catches it (reported as a wrong
    // password, since a MAC cannot tell the two apart).
    let mut bad = p12.clone();
    let n = bad.len();
    bad[n / 2] ^= 0x01;
    assert!(import_pkcs12(&bad, &pw).is_err());
}

#[test]
fn content_problems() {
    let pki = TestPki::get();
    let dir = tempfile::tempdir().unwrap();
    pki.write_pem_files(dir.path()).unwrap();
    let pass = format!("pass:{PW}");
    // Certificates only.
    ok(&openssl(
        &[
            "pkcs12",
            "-export",
            "-nokeys",
            "-in",
            "signer-p-256.pem",
            "-passout",
            &pass,
            "-out",
            "c.p12",
        ],
        dir.path(),
    ));
    let err = import_pkcs12(
        &std::fs::read(dir.path().join("c.p12")).unwrap(),
        &Passphrase::from(PW),
    )
    .unwrap_err();
    assert!(matches!(err, Pkcs12Error::NoPrivateKey), "{err:?}");
    // A key without its certificate.
    ok(&openssl(
        &[
            "pkcs12",
            "-export",
            "-nocerts",
            "-inkey",
            "signer-p-256.key.pem",
            "-passout",
            &pass,
            "-out",
            "k.p12",
        ],
        dir.path(),
    ));
    let err = import_pkcs12(
        &std::fs::read(dir.path().join("k.p12")).unwrap(),
        &Passphrase::from(PW),
    )
    .unwrap_err();
    assert!(matches!(err, Pkcs12Error::NoMatchingCertificate), "{err:?}");
    // An Ed25519 key: unsupported for signing in Sertel.
    ok(&openssl(
        &["genpkey", "-algorithm", "ed25519", "-out", "ed.pem"],
        dir.path(),
    ));
    ok(&openssl(
        &[
            "req", "-new", "-x509", "-key", "ed.pem", "-subj", "/CN=ed", "-days", "1", "-out",
            "ed.crt",
        ],
        dir.path(),
    ));
    ok(&openssl(
        &[
            "pkcs12", "-export", "-inkey", "ed.pem", "-in", "ed.crt", "-passout", &pass, "-out",
            "ed.p12",
        ],
        dir.path(),
    ));
    let err = import_pkcs12(
        &std::fs::read(dir.path().join("ed.p12")).unwrap(),
        &Passphrase::from(PW),
    )
    .unwrap_err();
    assert!(
        matches!(err, Pkcs12Error::Key(KeyError::UnsupportedAlgorithm(ref a)) if a == "Ed25519"),
        "{err:?}"
    );
}

#[test]
fn export_misuse() {
    let pki = TestPki::get();
    let e = pki.signer(KeyAlgorithm::EcdsaP256);
    let err = export_pkcs12(
        &e.key,
        &e.certificate,
        &e.chain,
        &Passphrase::from(""),
        &fast(),
    )
    .unwrap_err();
    assert!(matches!(err, Pkcs12Error::EmptyPassword));
    let other = pki.signer(KeyAlgorithm::Rsa2048);
    let err = export_pkcs12(
        &e.key,
        &other.certificate,
        &[],
        &Passphrase::from(PW),
        &fast(),
    )
    .unwrap_err();
    assert!(matches!(err, Pkcs12Error::CertificateKeyMismatch));
    let err = export_pkcs12(
        &e.key,
        &e.certificate,
        &[],
        &Passphrase::from("kunci 🔑"),
        &fast(),
    )
    .unwrap_err();
    assert!(matches!(err, Pkcs12Error::PasswordNotEncodable));
    // A fresh key round-trips with a non-ASCII (BMP) password.
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let _ = key.public_key().to_der().unwrap();
    let p12 = export_pkcs12(
        &e.key,
        &e.certificate,
        &e.chain,
        &Passphrase::from("sandi-ñandú-é"),
        &fast(),
    )
    .unwrap();
    let back = import_pkcs12(&p12, &Passphrase::from("sandi-ñandú-é")).unwrap();
    assert_eq!(back.certificate, e.certificate);
    let _ = Certificate::from_der(&e.der).unwrap();
}

/// NSS (Firefox, Thunderbird) exports PKCS#12 in BER with indefinite lengths and constructed
/// OCTET STRINGs; officials often take their certificate out of the browser this way.
#[test]
fn imports_nss_pk12util_export() {
    let (Ok(certutil), Ok(_)) = (which("certutil"), which("pk12util")) else {
        eprintln!("NSS tools not installed; skipped");
        return;
    };
    let pki = TestPki::get();
    for alg in [KeyAlgorithm::Rsa2048, KeyAlgorithm::EcdsaP256] {
        let dir = tempfile::tempdir().unwrap();
        let p12 = openssl_export(dir.path(), alg, &[]);
        std::fs::write(dir.path().join("in.p12"), &p12).unwrap();
        std::fs::create_dir(dir.path().join("db")).unwrap();
        let run = |cmd: &str, args: &[&str]| {
            let out = Command::new(cmd)
                .args(args)
                .current_dir(dir.path())
                .output()
                .unwrap();
            ok(&out)
        };
        run(&certutil, &["-N", "-d", "sql:db", "--empty-password"]);
        run("pk12util", &["-i", "in.p12", "-d", "sql:db", "-W", PW]);
        run(
            "pk12util",
            &[
                "-o",
                "nss.p12",
                "-n",
                "dari openssl",
                "-d",
                "sql:db",
                "-W",
                PW,
            ],
        );
        let nss = std::fs::read(dir.path().join("nss.p12")).unwrap();
        assert_eq!(&nss[..2], &[0x30, 0x80], "NSS writes indefinite-length BER");
        let e = pki.signer(alg);
        let b = import_pkcs12(&nss, &Passphrase::from(PW))
            .unwrap_or_else(|err| panic!("{alg}: {err:?}"));
        assert_eq!(b.key.public_key(), e.key.public_key());
        assert_eq!(b.certificate, e.certificate);
        assert_eq!(b.chain, e.chain);
        let err = import_pkcs12(&nss, &Passphrase::from("salah")).unwrap_err();
        assert!(matches!(err, Pkcs12Error::WrongPassword), "{err:?}");
    }
}

fn which(cmd: &str) -> Result<String, ()> {
    ["/usr/bin", "/bin", "/usr/local/bin"]
        .iter()
        .map(|d| format!("{d}/{cmd}"))
        .find(|p| Path::new(p).exists())
        .ok_or(())
}
