//! Every signature variant Sertel writes is accepted by three independent judges: pyHanko
//! (cryptography, trust to the test root, modification analysis), poppler's pdfsig with the
//! test root in an NSS database, and `qpdf --check` (file structure) — and by our own verifier.
//!
//! The variants: B-B and B-T × invisible and visible × RSA-2048/3072/4096 and P-256 ×
//! ETSI.CAdES.detached and adbe.pkcs7.detached × a single signature and a second signature on
//! top (by another key, with the other appearance). Inputs alternate between a classic
//! cross-reference table and an object-stream file.

use std::path::{Path, PathBuf};

use sertel_core::key::KeyAlgorithm;
use sertel_core::pades::{sign_file, Appearance, Level, SignOptions, SubFilter};
use sertel_core::tsp::authority::{TimestampAuthority, SERTEL_TSA_POLICY};
use sertel_core::verify::{verify_file, Check, Verdict};
use test_support::judges::{nss_verify_signers, pdfsig, pyhanko_validate, qpdf_check};
use test_support::letters::{sample_letter, with_object_streams, LetterSpec, PageSize};
use test_support::pki::TestPki;
use test_support::tsa::TestTsa;

/// 2026-06-01T00:00:00Z: the pinned signing time (inside every test certificate's validity).
const SIGNING_TIME: i64 = 1_780_272_000;

fn visible() -> Appearance {
    Appearance::Visible {
        page: 0,
        x: 330.0,
        y: 90.0,
        width: 210.0,
        height: 64.0,
    }
}

struct Run {
    dir: tempfile::TempDir,
    inputs: [PathBuf; 2],
    root: PathBuf,
    _tsa: Option<TestTsa>,
    level: Level,
}

fn setup(timestamped: bool) -> Run {
    let pki = TestPki::get();
    let dir = tempfile::tempdir().expect("temp dir");
    pki.write_pem_files(dir.path()).expect("pem files");
    let letter = sample_letter(&LetterSpec::new(2, PageSize::A4Portrait));
    let classic = dir.path().join("surat.pdf");
    let objstm = dir.path().join("surat-objstm.pdf");
    std::fs::write(&classic, &letter).expect("write");
    std::fs::write(&objstm, with_object_streams(&letter)).expect("write");
    let (tsa, level) = if timestamped {
        let authority = TimestampAuthority::new(
            pki.tsa.signer.clone(),
            pki.tsa.certificate.clone(),
            pki.tsa.chain.clone(),
            SERTEL_TSA_POLICY,
        );
        let tsa = TestTsa::start(authority).expect("test TSA");
        let level = Level::BT { tsa_url: tsa.url() };
        (Some(tsa), level)
    } else {
        (None, Level::BB)
    };
    Run {
        root: dir.path().join("root.pem"),
        dir,
        inputs: [classic, objstm],
        _tsa: tsa,
        level,
    }
}

fn sign(
    run: &Run,
    input: &Path,
    out: &str,
    alg: KeyAlgorithm,
    sub: SubFilter,
    app: Appearance,
) -> PathBuf {
    let e = TestPki::get().signer(alg);
    let output = run.dir.path().join(out);
    let opts = SignOptions {
        level: run.level.clone(),
        sub_filter: sub,
        reason: Some("Persetujuan naskah dinas".into()),
        location: Some("Muara Enim".into()),
        contact_info: Some("diskominfo@muaraenimkab.go.id".into()),
        appearance: app,
        signing_time: Some(SIGNING_TIME),
        ..SignOptions::default()
    };
    sign_file(
        input,
        &output,
        e.signer.as_ref(),
        &e.certificate,
        &e.chain,
        &opts,
    )
    .unwrap_or_else(|err| panic!("signing {out}: {err}"));
    output
}

fn judge(pdf: &Path, root: &Path, signatures: usize, with_pyhanko: bool, timestamped: bool) {
    let name = pdf.display();
    let ours = verify_file(pdf).expect("our verifier reads the file");
    assert_eq!(ours.signatures.len(), signatures, "{name}: signature count");
    assert!(
        ours.signatures.iter().all(|s| s.verdict == Verdict::Valid),
        "{name}: {:#?}",
        ours.signatures
    );
    let stamped = |c: &Check| {
        *c == if timestamped {
            Check::Passed
        } else {
            Check::NotChecked
        }
    };
    assert!(
        ours.signatures.iter().all(|s| stamped(&s.timestamp)),
        "{name}: timestamps: {:#?}",
        ours.signatures
    );
    let q = qpdf_check(pdf);
    assert!(q.ok && !q.warnings, "{name}: qpdf: {}", q.output);
    let p = pdfsig(pdf);
    assert!(p.ok, "{name}: pdfsig: {}", p.output);
    assert_eq!(
        p.signatures.len(),
        signatures,
        "{name}: pdfsig count: {}",
        p.output
    );
    for check in nss_verify_signers(pdf, root) {
        assert!(
            check.trusted,
            "{name}: NSS does not accept the chain: {:?}",
            check.output
        );
    }
    if with_pyhanko {
        let h = pyhanko_validate(pdf, root);
        assert!(h.ok, "{name}: pyHanko: {}", h.output);
        assert_eq!(
            h.signatures.len(),
            signatures,
            "{name}: pyHanko count: {}",
            h.output
        );
        for sig in &h.signatures {
            let ts = sig.timestamp.as_ref().map(|t| t.sound && t.trusted);
            assert_eq!(
                ts,
                timestamped.then_some(true),
                "{name}: pyHanko timestamp: {}",
                sig.raw
            );
        }
    }
}

fn variants(timestamped: bool, sub: SubFilter) {
    let run = setup(timestamped);
    let algs = KeyAlgorithm::ALL;
    let mut files = Vec::new();
    for (i, alg) in algs.iter().enumerate() {
        for (j, first_app) in [Appearance::Invisible, visible()].into_iter().enumerate() {
            let input = &run.inputs[(i + j) % 2];
            let tag = format!(
                "{}-{}",
                alg.as_str(),
                if j == 0 { "invisible" } else { "visible" }
            );
            let one = sign(&run, input, &format!("{tag}-1.pdf"), *alg, sub, first_app);
            // The second signer: the next algorithm, the other appearance, the other sub-filter.
            let other_sub = match sub {
                SubFilter::EtsiCadesDetached => SubFilter::AdbePkcs7Detached,
                _ => SubFilter::EtsiCadesDetached,
            };
            let second_app = if j == 0 {
                visible()
            } else {
                Appearance::Invisible
            };
            let two = sign(
                &run,
                &one,
                &format!("{tag}-2.pdf"),
                algs[(i + 1) % algs.len()],
                other_sub,
                second_app,
            );
            files.push((one, 1));
            files.push((two, 2));
        }
    }
    // pyHanko costs a Python start per file: it judges the twice-signed files, which hold
    // every single-signature variant as their first signature.
    std::thread::scope(|s| {
        for chunk in files.chunks(files.len().div_ceil(2)) {
            let root = &run.root;
            s.spawn(move || {
                for (pdf, n) in chunk {
                    judge(pdf, root, *n, *n == 2, timestamped);
                }
            });
        }
    });
}

#[test]
fn bb_etsi_variants_are_accepted_by_every_judge() {
    variants(false, SubFilter::EtsiCadesDetached);
}

#[test]
fn bb_adbe_variants_are_accepted_by_every_judge() {
    variants(false, SubFilter::AdbePkcs7Detached);
}

#[test]
fn bt_etsi_variants_are_accepted_by_every_judge() {
    variants(true, SubFilter::EtsiCadesDetached);
}

#[test]
fn bt_adbe_variants_are_accepted_by_every_judge() {
    variants(true, SubFilter::AdbePkcs7Detached);
}
