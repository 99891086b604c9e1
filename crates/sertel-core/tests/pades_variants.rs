//! Every variant of a signed official letter, built by Sertel and judged by independent
//! tools: the specimen alone; two paraf then the head's signature; the agency's seal
//! (a certification, DocMDP /P 2) then the head's signature; B-LT; B-LTA. pyHanko and pdfsig
//! accept every signature (trusted, intact, later changes permitted), `qpdf --check` is clean,
//! pyHanko's offline check passes for B-LT from the file alone, and Sertel's validator lists
//! the signatures in order, each intact — and fails the seal when the page content is edited
//! or an annotation is added after it.
//!
//! The PKI is the regency's ([`Regency`]): one root issuing the head's certificate, the two
//! drafting officials', the agency's organisation (seal) certificate and the timestamping
//! authority's, all with an OCSP responder on loopback. With `SERTEL_SCREENSHOT_DIR` set the
//! rendered letters are kept there as `letter-*.png`.

use std::path::{Path, PathBuf};

use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::LocalKey;
use sertel_core::pades::ltv::{add_validation_data, archive, LtvOptions};
use sertel_core::pades::specimen::DEFAULT_PARAF_MARKER;
use sertel_core::pades::{
    sign_file, Appearance, Certification, EmptyField, Level, PageChoice, Paraf, Placement,
    SignError, SignOptions, Specimen,
};
use sertel_core::trust::RevocationPolicy;
use sertel_core::verify::ltv::Level as PadesLevel;
use sertel_core::verify::{Check, Conclusion, Verdict, Verifier, VerifyOptions, VerifyReport};
use sertel_pdf::{Dict, Name, Object, PdfString, Stream};
use test_support::attacks::build::{add_annotation, contents_of, first_page};
use test_support::attacks::Bench;
use test_support::judges::{
    pdfsig, pdftotext, pyhanko_offline, pyhanko_validate, qpdf_check, qr_codes, render_page,
    Modifications, PyHankoReport, SignatureStatus,
};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::regency::{Holder, Regency, RegencySetup, OFFICIALS, SEAL_AGENCY};
use x509_cert::Certificate;

const URL: &str = "https://tte.muaraenimkab.go.id/v/{id}";
const HEAD: &str = "Dr. Ir. Ňoman Sëtiawan, S.T., M.Eng.";
const JABATAN: &str =
    "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Muara Enim";

/// Who signs: a certificate and its key.
struct Party<'a> {
    certificate: &'a Certificate,
    key: &'a dyn sertel_core::signer::Signer,
}

impl<'a> From<&'a Holder> for Party<'a> {
    fn from(h: &'a Holder) -> Self {
        Party {
            certificate: &h.certificate,
            key: &h.key as &LocalKey,
        }
    }
}

fn head(reg: &Regency) -> Party<'_> {
    Party {
        certificate: &reg.signer_cert,
        key: reg.signer(),
    }
}

/// The e-signed form of the sample letter: `$ttd$` where the head's signature block goes.
fn letter(reg: &Regency, name: &str) -> PathBuf {
    let path = reg.path(name);
    let bytes = sample_letter(&LetterSpec {
        signer_position: "$ttd$".into(),
        signer_name: String::new(),
        signer_rank: String::new(),
        signer_nip: String::new(),
        ..LetterSpec::new(1, PageSize::A4Portrait)
    });
    std::fs::write(&path, bytes).expect("write letter");
    path
}

fn specimen(placement: Placement) -> Specimen {
    Specimen {
        placement,
        jabatan: Some(JABATAN.into()),
        name_with_titles: Some(HEAD.into()),
        pangkat: Some("Pembina Utama Muda (IV/c)".into()),
        nip: Some("197803122003121004".into()),
        logo: None,
        verify_url: URL.into(),
        issuer_footers: Vec::new(),
        default_footer: None,
    }
}

/// The head's signature at the `$ttd$` marker.
fn signature(level: Level) -> SignOptions {
    SignOptions {
        level,
        appearance: Appearance::Specimen(Box::new(specimen(Placement::default()))),
        reason: Some("Penandatanganan naskah dinas".into()),
        ..SignOptions::default()
    }
}

/// The `i`th paraf box, under the head's signature block.
fn paraf_box(i: usize) -> Placement {
    Placement::At {
        page: PageChoice::Last,
        x: 290.0 + 130.0 * i as f64,
        y: 118.0,
        width: 124.0,
        height: 42.0,
    }
}

/// The paraf of drafting official `i`, on the left below the body of the letter.
fn paraf(i: usize) -> SignOptions {
    SignOptions {
        appearance: Appearance::Paraf(Box::new(Paraf {
            placement: paraf_box(i),
            name: None,
            initials: None,
            jabatan: Some(["Kepala Bidang Persandian", "Sekretaris Dinas"][i].into()),
        })),
        reason: Some("Paraf konsep naskah dinas".into()),
        ..SignOptions::default()
    }
}

/// The agency's seal on the left beside the head's signature block, certifying the letter at /P 2, with empty
/// fields for the first official's paraf and for the head's signature at `$ttd$`.
fn seal() -> SignOptions {
    SignOptions {
        empty_fields: vec![
            EmptyField {
                name: "paraf".into(),
                placement: paraf_box(0),
            },
            EmptyField {
                name: "ttd".into(),
                placement: Placement::default(),
            },
        ],
        appearance: Appearance::Seal(Box::new(Specimen {
            name_with_titles: None,
            ..specimen(Placement::At {
                page: PageChoice::Last,
                x: 70.0,
                y: 172.0,
                width: 212.0,
                height: 120.0,
            })
        })),
        certification: Some(Certification::FormFilling),
        reason: Some("Segel elektronik instansi".into()),
        ..SignOptions::default()
    }
}

fn sign(
    reg: &Regency,
    input: &Path,
    output: &str,
    who: Party<'_>,
    opts: &SignOptions,
) -> Result<PathBuf, SignError> {
    let out = reg.path(output);
    sign_file(
        input,
        &out,
        who.key,
        who.certificate,
        std::slice::from_ref(&reg.root),
        opts,
    )?;
    Ok(out)
}

fn verify(reg: &Regency, pdf: &Path, policy: RevocationPolicy) -> VerifyReport {
    let mut o = VerifyOptions::trusting(reg.trust());
    o.revocation = policy;
    Verifier::new(o).verify_file(pdf).expect("verify")
}

/// pyHanko, pdfsig and qpdf accept `pdf` with `count` signatures (and `timestamps` document
/// timestamps after them, which pyHanko's `validate` leaves out and pdfsig does not verify),
/// the earlier signatures showing only permitted changes after them.
fn judged_by_all(reg: &Regency, pdf: &Path, count: usize, timestamps: usize) -> PyHankoReport {
    let q = qpdf_check(pdf);
    assert!(q.ok && !q.warnings, "{}: qpdf: {}", pdf.display(), q.output);
    let p = pdfsig(pdf);
    assert_eq!(
        p.signatures.len(),
        count + timestamps,
        "{}: {}",
        pdf.display(),
        p.output
    );
    assert!(
        p.signatures[..count]
            .iter()
            .all(|s| s.signature == SignatureStatus::Valid),
        "{}: pdfsig: {}",
        pdf.display(),
        p.output
    );
    let h = pyhanko_validate(pdf, &reg.root_pem);
    assert!(h.ok, "{}: pyHanko: {}", pdf.display(), h.output);
    assert_eq!(h.signatures.len(), count, "{}", h.output);
    for s in &h.signatures[..count - 1 + timestamps.min(1)] {
        assert!(s.modifications_allowed, "{}", s.raw);
        assert_ne!(s.modifications, Modifications::Suspicious, "{}", s.raw);
    }
    h
}

/// Sertel's validator: the signers in file order, each intact and passed.
fn listed_in_order(report: &VerifyReport) -> Vec<String> {
    for s in &report.signatures {
        assert_eq!(s.integrity, Check::Passed, "{}", s.field);
        assert_eq!(
            s.modifications,
            Check::Passed,
            "{}: {:?}",
            s.field,
            s.changes
        );
        assert_eq!(s.verdict, Verdict::Valid, "{}", s.field);
        assert_eq!(
            s.conclusion,
            Conclusion::PASSED,
            "{}: {:?}",
            s.field,
            s.findings
        );
    }
    report
        .signatures
        .iter()
        .map(|s| s.signer.clone().unwrap_or_default())
        .collect()
}

/// Renders the letter's page, checks its QR codes, and keeps it as `letter-<slug>.png` when
/// `SERTEL_SCREENSHOT_DIR` is set.
fn rendered(reg: &Regency, pdf: &Path, slug: &str, qr_count: usize) {
    let png = render_page(pdf, 1, 150, &reg.path(slug));
    let (codes, run) = qr_codes(&png);
    assert_eq!(codes.len(), qr_count, "{slug}: {run}");
    assert!(codes
        .iter()
        .all(|c| c.starts_with(&URL.replace("{id}", ""))));
    if let Some(keep) = std::env::var_os("SERTEL_SCREENSHOT_DIR") {
        render_page(
            pdf,
            1,
            100,
            &Path::new(&keep).join(format!("letter-{slug}")),
        );
    }
}

/// A FreeText comment over the letter, as a change after the seal.
fn comment() -> Dict {
    let mut a = Dict::new();
    a.set("Type", Object::Name(Name::from("Annot")));
    a.set("Subtype", Object::Name(Name::from("FreeText")));
    a.set(
        "Rect",
        Object::Array([300, 600, 550, 640].map(Object::Integer).to_vec()),
    );
    a.set(
        "Contents",
        Object::String(PdfString {
            bytes: b"Rapat ditunda".to_vec(),
            hex: false,
        }),
    );
    a
}

#[test]
fn every_letter_variant_is_accepted_by_every_judge() {
    let reg = Regency::start(RegencySetup::default());
    let names: Vec<String> = OFFICIALS.iter().map(|(n, _)| n.to_string()).collect();
    let head_name = sertel_core::certinfo::common_name(&reg.signer_cert).expect("head's name");

    // The specimen alone.
    let surat = letter(&reg, "surat.pdf");
    let single = sign(
        &reg,
        &surat,
        "specimen.pdf",
        head(&reg),
        &signature(Level::BB),
    )
    .expect("specimen");
    judged_by_all(&reg, &single, 1, 0);
    rendered(&reg, &single, "specimen", 1);

    // Two paraf, then the head's signature.
    let p1 = sign(
        &reg,
        &surat,
        "paraf-1.pdf",
        (&reg.officials[0]).into(),
        &paraf(0),
    )
    .expect("first paraf");
    let p2 = sign(
        &reg,
        &p1,
        "paraf-2.pdf",
        (&reg.officials[1]).into(),
        &paraf(1),
    )
    .expect("second paraf");
    let multi = sign(
        &reg,
        &p2,
        "paraf-ttd.pdf",
        head(&reg),
        &signature(Level::BB),
    )
    .expect("signature after paraf");
    judged_by_all(&reg, &multi, 3, 0);
    let report = verify(&reg, &multi, RevocationPolicy::SoftFail);
    let mut expected = names.clone();
    expected.push(head_name.clone());
    assert_eq!(listed_in_order(&report), expected);
    rendered(&reg, &multi, "paraf-signature", 1);

    // The agency's seal first (certifying, with the later signers' empty fields), then a
    // paraf and the head's signature into those fields.
    let sealed = sign(&reg, &surat, "segel.pdf", (&reg.seal).into(), &seal()).expect("seal");
    let into = |field: &str, opts: SignOptions| SignOptions {
        field_name: Some(field.into()),
        ..opts
    };
    let sealed_paraf = sign(
        &reg,
        &sealed,
        "segel-paraf.pdf",
        (&reg.officials[0]).into(),
        &into("paraf", paraf(0)),
    )
    .expect("paraf after the seal");
    let seal_then_sign = sign(
        &reg,
        &sealed_paraf,
        "segel-paraf-ttd.pdf",
        head(&reg),
        &into("ttd", signature(Level::BB)),
    )
    .expect("signature after the seal");
    let h = judged_by_all(&reg, &seal_then_sign, 3, 0);
    assert!(
        h.signatures[0].raw.contains(SEAL_AGENCY),
        "{}",
        h.signatures[0].raw
    );
    let report = verify(&reg, &seal_then_sign, RevocationPolicy::SoftFail);
    assert_eq!(
        listed_in_order(&report),
        [SEAL_AGENCY, &names[0], &head_name]
    );
    // The seal is told apart from the persons by its certificate (QcType eseal).
    let seals: Vec<bool> = report.signatures.iter().map(|s| s.seal).collect();
    assert_eq!(seals, [true, false, false]);
    rendered(&reg, &seal_then_sign, "seal-paraf-signature", 2);

    // A seal is the document's first signature or none: refused before anything is written.
    let err = sign(
        &reg,
        &single,
        "segel-kedua.pdf",
        (&reg.seal).into(),
        &seal(),
    )
    .expect_err("a seal after a signature");
    assert!(
        matches!(err, SignError::CertificationNotFirst { .. }),
        "{err}"
    );
    assert_eq!(err.kind(), "pdf_certification_not_first");
    assert!(!reg.path("segel-kedua.pdf").exists());

    // Changes after the seal that /P 2 does not permit: the page content edited, a comment.
    let bench = Bench::new();
    let edited = bench.update(&seal_then_sign, "diubah.pdf", |doc, upd| {
        let (_, page) = first_page(doc);
        let mut content = b"BT /F1 12 Tf 72 800 Td (Rapat ditunda) Tj ET ".to_vec();
        if let Ok(Object::Stream(s)) = doc.get(contents_of(&page)) {
            content.extend(doc.stream_decoded(&s).expect("page content"));
        }
        upd.put(
            contents_of(&page),
            Object::Stream(Stream::new(Dict::new(), content)),
        );
    });
    let commented = bench.update(&seal_then_sign, "dikomentari.pdf", |doc, upd| {
        add_annotation(doc, upd, 0, comment(), None);
    });
    for forged in [&edited, &commented] {
        let report = verify(&reg, forged, RevocationPolicy::SoftFail);
        let seal_report = &report.signatures[0];
        assert_eq!(
            seal_report.modifications,
            Check::Failed,
            "{}",
            forged.display()
        );
        assert_eq!(
            seal_report.verdict,
            Verdict::Invalid,
            "{}",
            forged.display()
        );
        let changes = seal_report.changes.as_ref().expect("changes analysed");
        assert!(!changes.violations.is_empty(), "{changes:?}");
        let h = pyhanko_validate(forged, &reg.root_pem);
        assert!(!h.ok, "pyHanko must object too: {}", h.output);
    }

    // B-LT: the head's signature timestamped, then the validation data added.
    let bt = sign(
        &reg,
        &surat,
        "ttd-bt.pdf",
        head(&reg),
        &signature(Level::BT {
            tsa_url: reg.tsa.url(),
        }),
    )
    .expect("B-T");
    let lt = reg.path("ttd-blt.pdf");
    add_validation_data(&bt, &lt, &LtvOptions::trusting(reg.trust()), false).expect("B-LT");
    judged_by_all(&reg, &lt, 1, 0);
    let offline = pyhanko_offline(&lt, &reg.root_pem);
    assert!(offline.ok, "pyHanko offline: {}", offline.output);
    let report = verify(&reg, &lt, RevocationPolicy::HardFail);
    assert_eq!(report.signatures[0].level, Some(PadesLevel::LongTerm));
    assert_eq!(report.signatures[0].conclusion, Conclusion::PASSED);

    // B-LTA: the document timestamp over it all.
    let lta = reg.path("ttd-blta.pdf");
    archive(
        &lt,
        &lta,
        &LtvOptions::trusting(reg.trust()),
        &reg.tsa.url(),
        false,
    )
    .expect("B-LTA");
    judged_by_all(&reg, &lta, 1, 1);
    let report = verify(&reg, &lta, RevocationPolicy::HardFail);
    assert_eq!(
        report.signatures[0].level,
        Some(PadesLevel::LongTermArchive)
    );
    assert!(report
        .signatures
        .iter()
        .all(|s| s.conclusion == Conclusion::PASSED));
    rendered(&reg, &lta, "b-lta", 1);
}

#[test]
fn a_paraf_at_its_marker_takes_its_place() {
    let reg = Regency::start(RegencySetup::default());
    let input = reg.path("konsep.pdf");
    std::fs::write(
        &input,
        sample_letter(&LetterSpec {
            signer_nip: DEFAULT_PARAF_MARKER.into(),
            ..LetterSpec::new(1, PageSize::A4Portrait)
        }),
    )
    .expect("write letter");
    let official = &reg.officials[1];
    let opts = SignOptions {
        appearance: Appearance::Paraf(Box::new(Paraf {
            jabatan: Some("Sekretaris Dinas".into()),
            ..Paraf::at_marker()
        })),
        ..SignOptions::default()
    };
    let signed = sign(&reg, &input, "konsep-paraf.pdf", official.into(), &opts).expect("paraf");
    judged_by_all(&reg, &signed, 1, 0);
    let text = pdftotext(&signed);
    assert!(!text.contains(DEFAULT_PARAF_MARKER), "{}", text.all());
    assert!(text.contains("Rina Marlina"), "{}", text.all());
    assert!(text.contains("Sekretaris Dinas"), "{}", text.all());
    assert!(text.contains("RM"), "{}", text.all());
    // Too small a box is refused with the paraf's own minimum.
    let tiny = SignOptions {
        appearance: Appearance::Paraf(Box::new(Paraf {
            placement: Placement::At {
                page: PageChoice::Last,
                x: 100.0,
                y: 100.0,
                width: 40.0,
                height: 20.0,
            },
            ..Paraf::at_marker()
        })),
        ..SignOptions::default()
    };
    let err = sign(&reg, &input, "kecil.pdf", official.into(), &tiny).expect_err("too small");
    assert_eq!(err.kind(), "bad_signature_box");
    assert!(
        err.message(Lang::Id).contains("minimal 60 × 24"),
        "{}",
        err.message(Lang::Id)
    );
    assert!(
        err.message(Lang::En).contains("at least 60 × 24"),
        "{}",
        err.message(Lang::En)
    );
}
