//! Document protection judged by pyHanko, qpdf and pdftotext: what Sertel encrypts, pyHanko
//! opens with the recipient's key (RSA and EC, one or several recipients); what pyHanko
//! encrypts, Sertel opens; the text is the same as the original's.

use std::path::Path;

use sertel_core::i18n::{Lang, Localized};
use sertel_core::protect::{protect, unprotect, ProtectError, ProtectOptions, XrefStyle};
use sertel_pdf::{Document, Limits};
use test_support::judges::{pdftotext, pyhanko_decrypt, pyhanko_encrypt, qpdf_check};
use test_support::letters::{sample_letter, with_object_streams, LetterSpec, PageSize};
use test_support::recipients::{RecipientKind, TestRecipient};

fn letter() -> Vec<u8> {
    sample_letter(&LetterSpec::new(2, PageSize::A4Portrait))
}

fn text_of(dir: &Path, name: &str, pdf: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, pdf).expect("write");
    let t = pdftotext(&path);
    assert!(t.output.code == Some(0), "{}", t.output);
    t.all()
}

#[test]
fn pyhanko_opens_what_sertel_encrypts_for_rsa_and_ec_recipients() {
    let dir = tempfile::tempdir().expect("tmp");
    let original = letter();
    let want = text_of(dir.path(), "original.pdf", &original);
    assert!(
        want.contains("Halaman 1 dari 2"),
        "sample letter text: {want}"
    );
    let recipients = [
        (RecipientKind::Rsa2048, "rsa"),
        (RecipientKind::P256, "p256"),
        (RecipientKind::P384, "p384"),
    ]
    .map(|(k, stem)| (TestRecipient::new(k, &format!("Penerima {stem}")), stem));
    let certs: Vec<_> = recipients
        .iter()
        .map(|(r, _)| r.certificate.clone())
        .collect();

    for (style, input) in [
        (XrefStyle::Table, original.clone()),
        (XrefStyle::Stream, with_object_streams(&original)),
    ] {
        let options = ProtectOptions {
            xref: style,
            ..ProtectOptions::default()
        };
        // All three together, then each alone.
        let mut cases = vec![(certs.clone(), (0..recipients.len()).collect::<Vec<_>>())];
        for (i, cert) in certs.iter().enumerate() {
            cases.push((vec![cert.clone()], vec![i]));
        }
        for (case_certs, who) in cases {
            let sealed = protect(input.clone(), &case_certs, &options).expect("protect");
            let doc = Document::open(sealed.clone(), Limits::default()).expect("reopen");
            assert!(doc.is_encrypted());
            assert!(
                !sealed
                    .windows(b"Kabupaten".len())
                    .any(|w| w == b"Kabupaten"),
                "plain text leaked"
            );
            let sealed_path = dir.path().join("sealed.pdf");
            std::fs::write(&sealed_path, &sealed).expect("write");
            // qpdf cannot decrypt public-key files: it reads the header, the cross-reference
            // section and the trailer, finds the encryption dictionary and stops there, just
            // as it does for pyHanko's own public-key files (see below).
            let q = qpdf_check(&sealed_path);
            assert_qpdf_stops_at_pubsec(&q.output, &format!("{style:?}"));
            for &i in &who {
                let (r, stem) = &recipients[i];
                let (cert, key) = r.write_pem(dir.path(), stem);
                let out = dir.path().join(format!("{stem}-opened.pdf"));
                let run = pyhanko_decrypt(&sealed_path, &key, &cert, &out);
                assert_eq!(run.code, Some(0), "{style:?} {stem}: {run}");
                let got = pdftotext(&out);
                assert_eq!(got.all(), want, "{style:?} {stem}: text differs");
                // What Sertel opens again passes qpdf --check cleanly.
                if let Some(key) = &r.key {
                    let plain =
                        unprotect(sealed.clone(), key, Some(&r.certificate)).expect("unprotect");
                    let plain_path = dir.path().join("plain.pdf");
                    std::fs::write(&plain_path, &plain).expect("write");
                    let q = qpdf_check(&plain_path);
                    assert!(q.ok, "{style:?} {stem}: {}", q.output);
                    assert_eq!(text_of(dir.path(), "plain2.pdf", &plain), want);
                }
            }
        }
    }
}

fn assert_qpdf_stops_at_pubsec(run: &test_support::judges::ToolRun, what: &str) {
    assert_eq!(run.code, Some(2), "{what}: {run}");
    assert!(
        run.stderr.contains("(encryption dictionary, offset ")
            && run.stderr.contains("unsupported encryption filter"),
        "{what}: {run}"
    );
    assert!(!run.stderr.contains("xref"), "{what}: {run}");
}

#[test]
fn qpdf_treats_pyhanko_public_key_files_the_same() {
    let dir = tempfile::tempdir().expect("tmp");
    let orig = dir.path().join("o.pdf");
    std::fs::write(&orig, letter()).expect("write");
    let r = TestRecipient::new(RecipientKind::Rsa2048, "Penerima");
    let (cert, _) = r.write_pem(dir.path(), "r");
    let out = dir.path().join("by-pyhanko.pdf");
    let run = pyhanko_encrypt(&orig, &out, &[&cert]);
    assert_eq!(run.code, Some(0), "{run}");
    assert_qpdf_stops_at_pubsec(&qpdf_check(&out).output, "pyHanko's file");
}

#[test]
fn sertel_opens_what_pyhanko_encrypts() {
    let dir = tempfile::tempdir().expect("tmp");
    let original = letter();
    let want = text_of(dir.path(), "original.pdf", &original);
    let orig_path = dir.path().join("original.pdf");
    let rsa = TestRecipient::new(RecipientKind::Rsa3072, "Penerima RSA");
    let ec = TestRecipient::new(RecipientKind::P256, "Penerima EC");
    let (rsa_cert, _) = rsa.write_pem(dir.path(), "rsa");
    let (ec_cert, _) = ec.write_pem(dir.path(), "ec");
    let cases: [&[&Path]; 3] = [&[&rsa_cert], &[&ec_cert], &[&rsa_cert, &ec_cert]];
    for certs in cases {
        let sealed_path = dir.path().join("by-pyhanko.pdf");
        let run = pyhanko_encrypt(&orig_path, &sealed_path, certs);
        assert_eq!(run.code, Some(0), "{run}");
        let sealed = std::fs::read(&sealed_path).expect("read");
        for (r, path) in [(&rsa, &rsa_cert), (&ec, &ec_cert)] {
            let key = r.key.as_ref().expect("key store key");
            let result = unprotect(sealed.clone(), key, Some(&r.certificate));
            if !certs.contains(&path.as_path()) {
                assert!(
                    matches!(result, Err(ProtectError::NotARecipient)),
                    "{result:?}"
                );
                continue;
            }
            let plain = result.expect("unprotect");
            assert!(!Document::open(plain.clone(), Limits::default())
                .expect("plain")
                .is_encrypted());
            assert_eq!(text_of(dir.path(), "opened.pdf", &plain), want);
            // Without the certificate every entry of the key's type is tried.
            let plain = unprotect(sealed.clone(), key, None).expect("unprotect without cert");
            assert_eq!(text_of(dir.path(), "opened2.pdf", &plain), want);
        }
    }
}

#[test]
fn round_trip_and_refusals() {
    let original = letter();
    let a = TestRecipient::new(RecipientKind::Rsa2048, "Penerima A");
    let b = TestRecipient::new(RecipientKind::Rsa2048, "Penerima B");
    let c = TestRecipient::new(RecipientKind::P256, "Penerima C");
    let sealed = protect(
        original.clone(),
        std::slice::from_ref(&a.certificate),
        &ProtectOptions::default(),
    )
    .expect("protect");

    let plain = unprotect(sealed.clone(), a.key.as_ref().expect("key"), None).expect("open");
    let doc = Document::open(plain, Limits::default()).expect("plain");
    assert!(!doc.is_encrypted());
    assert_eq!(doc.pages().expect("pages").len(), 2);

    for other in [&b, &c] {
        let err = unprotect(sealed.clone(), other.key.as_ref().expect("key"), None)
            .expect_err("not a recipient");
        assert!(matches!(err, ProtectError::NotARecipient), "{err:?}");
        assert_eq!(err.kind(), "not_a_recipient");
        assert!(err.message(Lang::Id).contains("bukan penerima"));
    }
    // B's certificate names B: A's key is not even tried against the entry for A.
    let err = unprotect(
        sealed.clone(),
        a.key.as_ref().expect("key"),
        Some(&b.certificate),
    )
    .expect_err("wrong certificate");
    assert!(matches!(err, ProtectError::NotARecipient), "{err:?}");

    let err = protect(
        sealed,
        std::slice::from_ref(&a.certificate),
        &ProtectOptions::default(),
    )
    .expect_err("already encrypted");
    assert!(matches!(err, ProtectError::AlreadyEncrypted), "{err:?}");
    let err =
        unprotect(original.clone(), a.key.as_ref().expect("key"), None).expect_err("not encrypted");
    assert!(matches!(err, ProtectError::NotEncrypted), "{err:?}");
    let err = protect(original, &[], &ProtectOptions::default()).expect_err("no recipients");
    assert!(matches!(err, ProtectError::NoRecipients), "{err:?}");
}

#[test]
fn signing_only_certificates_are_refused_unless_asked() {
    let signer = TestRecipient::new(RecipientKind::RsaSigningOnly, "Penandatangan");
    let err = protect(
        letter(),
        std::slice::from_ref(&signer.certificate),
        &ProtectOptions::default(),
    )
    .expect_err("keyUsage");
    assert!(
        matches!(
            err,
            ProtectError::KeyUsage {
                needed: "keyEncipherment",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.message(Lang::Id).contains("tidak untuk enkripsi"));
    let options = ProtectOptions {
        ignore_key_usage: true,
        ..ProtectOptions::default()
    };
    let sealed = protect(
        letter(),
        std::slice::from_ref(&signer.certificate),
        &options,
    )
    .expect("protect");
    unprotect(
        sealed,
        signer.key.as_ref().expect("key"),
        Some(&signer.certificate),
    )
    .expect("the signing key opens it");
}

#[test]
fn password_encryption_is_reported_as_unsupported() {
    let dir = tempfile::tempdir().expect("tmp");
    let orig = dir.path().join("o.pdf");
    std::fs::write(&orig, letter()).expect("write");
    let out = dir.path().join("pw.pdf");
    let run = test_support::judges::pyhanko_password_encrypt(&orig, &out, "rahasia");
    assert_eq!(run.code, Some(0), "{run}");
    let a = TestRecipient::new(RecipientKind::Rsa2048, "Penerima A");
    let err = unprotect(
        std::fs::read(&out).expect("read"),
        a.key.as_ref().expect("key"),
        None,
    )
    .expect_err("password encryption");
    assert!(
        matches!(err, ProtectError::UnsupportedEncryption(ref m) if m.contains("/Standard")),
        "{err:?}"
    );
    assert_eq!(err.kind(), "unsupported_encryption");
    assert!(err.message(Lang::Id).contains("tidak didukung"));
}
