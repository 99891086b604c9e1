//! The judges tell good from bad on pyHanko's own signed files (shared/corpora/pyhanko).

use std::fs;
use std::path::PathBuf;

use test_support::judges::{
    nss_verify_signers, pdfsig, pdfsig_trusting, pyhanko_signature_fields, pyhanko_validate,
    pyhanko_validate_at, qpdf_check, CertificateStatus, Coverage, Modifications, SignatureStatus,
    Trust,
};

fn corpus(rel: &str) -> PathBuf {
    test_support::judges::shared_dir()
        .join("corpora/pyhanko")
        .join(rel)
}

/// Signed by "Alice" (RSA, testing CA), PAdES, whole file; her certificate expired in 2022.
const ALICE: &str = "pdf/pades-with-old-style-signing-cert-attr.pdf";
const ALICE_ROOT: &str = "crypto/testing-ca/root/root.cert.pem";

#[test]
fn pyhanko_finds_a_good_signature_intact_and_trusted_at_signing_time() {
    let (pdf, root) = (corpus(ALICE), corpus(ALICE_ROOT));
    let now = pyhanko_validate(&pdf, &root);
    assert_eq!(now.signatures.len(), 1, "{}", now.output);
    let sig = &now.signatures[0];
    assert_eq!(sig.field, "Sig1");
    assert!(sig.sound, "{}", sig.raw);
    assert_eq!(sig.coverage, Coverage::EntireFile);
    assert_eq!(sig.modifications, Modifications::None);
    assert!(sig.modifications_allowed);
    assert_eq!(
        sig.trust,
        Trust::Untrusted,
        "expired certificate must not be trusted now"
    );
    assert!(!now.ok && !sig.ok);
    assert!(sig.signer.contains("Common Name: Alice"), "{}", sig.signer);

    let then = pyhanko_validate_at(&pdf, &root, "claimed");
    assert!(then.ok, "{}", then.output);
    assert_eq!(then.signatures[0].trust, Trust::Trusted);
}

#[test]
fn pyhanko_reads_every_signature_and_its_timestamp() {
    let pdf = corpus("pdf/minimal-signed-twice-both-created.pdf");
    let report = pyhanko_validate(&pdf, &corpus("crypto/selfsigned.cert.pem"));
    let fields: Vec<_> = report.signatures.iter().map(|s| s.field.as_str()).collect();
    assert_eq!(fields, ["Signature2", "Signature3"], "{}", report.output);
    let chains = nss_verify_signers(&pdf, &corpus("crypto/selfsigned.cert.pem"));
    assert_eq!(chains.len(), 2, "one NSS verdict per signature");
    assert!(chains
        .iter()
        .all(|c| c.signer.contains("CN=Lord Testerino")));
    let listed = pyhanko_signature_fields(&pdf);
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|f| f.filled));

    let (first, second) = (&report.signatures[0], &report.signatures[1]);
    assert_eq!(first.coverage, Coverage::Partial);
    assert_eq!(first.modifications, Modifications::FormFilling);
    assert!(first.modifications_allowed);
    assert_eq!(second.coverage, Coverage::EntireFile);
    for sig in &report.signatures {
        assert!(sig.sound && sig.trust == Trust::Trusted, "{}", sig.raw);
        assert_eq!(sig.digest_algorithm, "sha256");
        assert_eq!(sig.mechanism, "sha256_rsa");
        let ts = sig.timestamp.as_ref().expect("signature timestamp");
        assert!(
            ts.sound && !ts.trusted,
            "the TSA is not under the given root"
        );
        // An untrusted timestamp makes pyHanko judge the signature invalid.
        assert!(!sig.judged_valid && !sig.ok);
    }
}

#[test]
fn coverage_anomalies_are_not_accepted() {
    let root = corpus("crypto/selfsigned.cert.pem");
    for name in [
        "one-byterange",
        "signature-gap-too-big",
        "tail-uncovered",
        "weird-byterange",
    ] {
        let pdf = corpus(&format!("pdf/coverage-anomalies/{name}.pdf"));
        let report = pyhanko_validate(&pdf, &root);
        assert!(!report.ok, "{name}: {}", report.output);
        let sig = &report.signatures[0];
        assert_eq!(sig.coverage, Coverage::Partial, "{name}");
        assert_eq!(sig.modifications, Modifications::Suspicious, "{name}");
        assert!(!sig.modifications_allowed && !sig.ok, "{name}");

        let poppler = pdfsig(&pdf);
        assert!(!poppler.ok, "{name}: {}", poppler.output);
        assert!(!poppler.signatures[0].total_document_signed, "{name}");
    }
    // The template of those files has a broken signature container: both judges refuse it.
    let base = corpus("pdf/coverage-anomalies/base.pdf");
    let report = pyhanko_validate(&base, &root);
    assert!(
        !report.ok && report.signatures.iter().all(|s| !s.ok),
        "{}",
        report.output
    );
    let poppler = pdfsig(&base);
    assert_eq!(
        poppler.signatures[0].signature,
        SignatureStatus::GenericError
    );
    assert!(!poppler.ok);
}

#[test]
fn pdfsig_reads_a_good_signature_and_checks_its_chain_against_the_given_root() {
    let pdf = corpus(ALICE);
    let plain = pdfsig(&pdf);
    assert!(plain.ok, "{}", plain.output);
    let sig = &plain.signatures[0];
    assert_eq!(sig.field, "Sig1");
    assert_eq!(sig.signer_common_name, "Alice");
    assert_eq!(sig.signature_type, "ETSI.CAdES.detached");
    assert_eq!(sig.hash_algorithm, "SHA-256");
    assert_eq!(sig.signature, SignatureStatus::Valid);
    assert!(sig.total_document_signed);
    let file_len = fs::metadata(&pdf).expect("metadata").len();
    assert_eq!(sig.signed_ranges.len(), 2);
    assert_eq!(sig.signed_ranges[0].0, 0);
    assert_eq!(sig.signed_ranges[1].1, file_len);
    assert_eq!(sig.certificate, None, "-nocert skips the certificate check");

    // With the root in NSS, the chain is built and only the expiry remains.
    let trusted = pdfsig_trusting(&pdf, &corpus(ALICE_ROOT));
    assert_eq!(
        trusted.signatures[0].certificate,
        Some(CertificateStatus::Expired)
    );
}

#[test]
fn garbage_makes_every_judge_report_failure() {
    let dir = tempfile::tempdir().expect("tempdir");
    let garbage = dir.path().join("garbage.pdf");
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0u32..4000).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    fs::write(&garbage, bytes).expect("write");

    let report = pyhanko_validate(&garbage, &corpus(ALICE_ROOT));
    assert!(
        !report.ok && report.signatures.is_empty(),
        "{}",
        report.output
    );
    assert_ne!(report.output.code, Some(0));
    assert!(pyhanko_signature_fields(&garbage).is_empty());
    let poppler = pdfsig(&garbage);
    assert!(
        !poppler.ok && poppler.signatures.is_empty(),
        "{}",
        poppler.output
    );
    let check = qpdf_check(&garbage);
    assert!(!check.ok, "{}", check.output);

    let unsigned = corpus("pdf/minimal.pdf");
    assert!(!pyhanko_validate(&unsigned, &corpus(ALICE_ROOT)).ok);
    let poppler = pdfsig(&unsigned);
    assert_eq!(
        poppler.output.code,
        Some(2),
        "pdfsig exits 2 for a file without signatures"
    );
    assert!(!poppler.ok);
    assert!(qpdf_check(&unsigned).ok);
}
