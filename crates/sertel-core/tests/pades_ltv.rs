//! Long-term validation written by Sertel (B-LT, B-LTA, refresh), end to end: a one-level PKI
//! like the regency's (a root that issues the signer and the timestamping authority, both
//! naming the root's OCSP responder on loopback), a letter signed B-T, then the material
//! added, then archived. Judged by Sertel's validator offline under hard fail and by pyHanko
//! offline from the file alone.

use std::path::{Path, PathBuf};

use sertel_core::i18n::{Lang, Localized};
use sertel_core::ocsp::SerialStatus;
use sertel_core::pades::ltv::{add_validation_data, archive, LtvError, LtvOptions};
use sertel_core::pades::{sign_file, Level, SignOptions};
use sertel_core::trust::{RevocationPolicy, RevocationReason, TrustStore};
use sertel_core::verify::ltv::Level as PadesLevel;
use sertel_core::verify::{Conclusion, Verifier, VerifyOptions, VerifyReport};
use test_support::judges::{pdfsig, pyhanko_offline, qpdf_check, SignatureStatus};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::regency::{Regency, RegencySetup};
use time::{Duration, OffsetDateTime};

/// A letter signed B-T by the regency's signer (the root in the CMS).
fn signed_letter(reg: &Regency) -> PathBuf {
    let input = reg.path("surat.pdf");
    std::fs::write(
        &input,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("write");
    let output = reg.path("surat-ttd.pdf");
    let opts = SignOptions {
        level: Level::BT {
            tsa_url: reg.tsa.url(),
        },
        ..SignOptions::default()
    };
    sign_file(
        &input,
        &output,
        reg.signer(),
        &reg.signer_cert,
        std::slice::from_ref(&reg.root),
        &opts,
    )
    .expect("sign");
    output
}

/// Sertel's verdict offline, hard fail, trusting only the root.
fn verify_offline(reg: &Regency, pdf: &Path) -> VerifyReport {
    let mut o = VerifyOptions::trusting(reg.trust());
    o.revocation = RevocationPolicy::HardFail;
    Verifier::new(o).verify_file(pdf).expect("verify")
}

fn ltv_options(reg: &Regency) -> LtvOptions {
    LtvOptions::trusting(reg.trust())
}

fn levels(r: &VerifyReport) -> Vec<(Conclusion, Option<PadesLevel>)> {
    r.signatures
        .iter()
        .map(|s| (s.conclusion, s.level))
        .collect()
}

#[test]
fn validation_data_makes_a_timestamped_letter_valid_offline_then_archived() {
    let reg = Regency::start(RegencySetup::default());
    let signed = signed_letter(&reg);
    // B-T alone: no status inside the file, so offline hard fail cannot pass — not even for
    // the timestamping authority, whose time then proves nothing.
    let before = verify_offline(&reg, &signed);
    assert_ne!(before.signatures[0].conclusion, Conclusion::PASSED);
    assert_eq!(before.signatures[0].level, Some(PadesLevel::Basic));
    let judge = pyhanko_offline(&signed, &reg.root_pem);
    assert!(
        !judge.ok,
        "pyHanko offline needs the material too:\n{}",
        judge.output
    );

    let lt = reg.path("surat-lt.pdf");
    let added = add_validation_data(&signed, &lt, &ltv_options(&reg), false).expect("B-LT");
    assert_eq!(added.signatures, 1);
    assert_eq!(added.ocsp, 2, "the signer's and the authority's status");
    assert!(added.certificates >= 3, "signer, authority, root");
    let r = verify_offline(&reg, &lt);
    assert_eq!(
        levels(&r),
        [(Conclusion::PASSED, Some(PadesLevel::LongTerm))]
    );
    let judge = pyhanko_offline(&lt, &reg.root_pem);
    assert!(judge.ok, "pyHanko offline:\n{}", judge.output);
    assert!(qpdf_check(&lt).ok, "qpdf");

    let lta = reg.path("surat-lta.pdf");
    let archived = archive(&lt, &lta, &ltv_options(&reg), &reg.tsa.url(), false).expect("B-LTA");
    assert!(archived.archived);
    let r = verify_offline(&reg, &lta);
    assert_eq!(
        levels(&r),
        [
            (Conclusion::PASSED, Some(PadesLevel::LongTermArchive)),
            (Conclusion::PASSED, None),
        ]
    );
    // The archive timestamp's own authority has no status inside yet: pyHanko requires one.
    let refreshed = reg.path("surat-lta2.pdf");
    let again =
        archive(&lta, &refreshed, &ltv_options(&reg), &reg.tsa.url(), false).expect("refresh");
    assert_eq!(
        again.signatures, 1,
        "only the newest timestamp needs material"
    );
    let r = verify_offline(&reg, &refreshed);
    assert_eq!(r.signatures.len(), 3);
    assert!(r
        .signatures
        .iter()
        .all(|s| s.conclusion == Conclusion::PASSED));
    assert_eq!(r.signatures[0].level, Some(PadesLevel::LongTermArchive));
    let judge = pyhanko_offline(&refreshed, &reg.root_pem);
    assert!(judge.ok, "pyHanko offline after refresh:\n{}", judge.output);
    assert_eq!(judge.judged, 3, "{}", judge.output);
    assert!(qpdf_check(&refreshed).ok, "qpdf");
    // poppler checks the signature itself (it leaves document timestamps unverified).
    let poppler = pdfsig(&refreshed);
    assert_eq!(poppler.signatures.len(), 3, "{}", poppler.output);
    assert_eq!(
        poppler.signatures[0].signature,
        SignatureStatus::Valid,
        "{}",
        poppler.output
    );
}

#[test]
fn adding_material_in_place_keeps_the_file_when_it_fails() {
    let reg = Regency::start(RegencySetup {
        signer_names_responder: false,
        ..RegencySetup::default()
    });
    let signed = signed_letter(&reg);
    let original = std::fs::read(&signed).expect("read");
    let err = add_validation_data(&signed, &signed, &ltv_options(&reg), true)
        .expect_err("the signer names no responder");
    assert!(matches!(err, LtvError::NoRevocation { .. }), "{err:?}");
    assert!(
        err.message(Lang::Id).contains("Status pencabutan"),
        "{}",
        err.message(Lang::Id)
    );
    assert_eq!(
        std::fs::read(&signed).expect("read"),
        original,
        "input untouched"
    );
}

#[test]
fn a_revoked_signer_gets_no_long_term_material() {
    let reg = Regency::start(RegencySetup {
        signer_status: SerialStatus::Revoked {
            time: OffsetDateTime::now_utc() - Duration::hours(1),
            reason: RevocationReason::KeyCompromise,
        },
        ..RegencySetup::default()
    });
    let signed = signed_letter(&reg);
    let out = reg.path("out.pdf");
    let err = add_validation_data(&signed, &out, &ltv_options(&reg), false).expect_err("revoked");
    assert!(matches!(err, LtvError::PathInvalid { .. }), "{err:?}");
    assert!(!out.exists());
}

#[test]
fn an_untrusted_signer_is_refused_with_a_clear_message() {
    let reg = Regency::start(RegencySetup::default());
    let signed = signed_letter(&reg);
    let opts = LtvOptions::trusting(TrustStore::new());
    let err =
        add_validation_data(&signed, &reg.path("x.pdf"), &opts, false).expect_err("no anchor");
    assert!(matches!(err, LtvError::NoPath { .. }), "{err:?}");
    assert!(err.message(Lang::Id).contains("folder kepercayaan"));
}
