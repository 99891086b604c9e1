//! OCSP responses as a revocation source of the trust engine, beside CRLs: revoked, good
//! without any CRL under hard-fail, revoked after the validation time, responders that are
//! not trusted, delegated responders with and without id-pkix-ocsp-nocheck, stale answers.

mod ocsp_support;
mod trust_support;

use ocsp_support::{
    adhoc, ask, delegated, lookup, other_ca, pc, responder, serial, write_entity, write_pki,
};
use sertel_core::ocsp::{OcspResponder, OcspResponseSet, RequestOptions, SerialStatus};
use sertel_core::trust::{
    validate_path, IndeterminateReason, InvalidReason, PathOutcome, PathStatus, PathWarning,
    RevocationData, RevocationPolicy, RevocationReason, RevocationStatus, UnknownRevocation,
    ValidationOptions,
};
use sertel_core::x509::extensions as ext;
use test_support::judges::{IndexEntry, OpensslOcsp};
use test_support::pki::{TestEntity, TestPki, TEST_NOW};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};
use trust_support::{fresh_crls, hard, intermediate_pool, options, root_store};

/// The root's own answer about the issuing CA: good, produced at `at`.
fn intermediate_good(at: OffsetDateTime) -> Vec<u8> {
    let pki = TestPki::get();
    let root = responder(
        &pki.root,
        &pki.root,
        lookup(vec![(serial(&pki.intermediate), SerialStatus::Good)]),
    );
    ask(&root, &pki.intermediate, &pki.root, at).1
}

/// `responder`'s answer about `cert` at `at`.
fn answer(responder: &OcspResponder, cert: &TestEntity, at: OffsetDateTime) -> Vec<u8> {
    ask(responder, cert, &TestPki::get().intermediate, at).1
}

fn data(responses: &[&[u8]]) -> RevocationData {
    let mut set = OcspResponseSet::new();
    for r in responses {
        set.add_der(r).expect("successful basic response");
    }
    RevocationData::from(set)
}

fn validate(
    entity: &TestEntity,
    revocation: &RevocationData,
    o: &ValidationOptions,
) -> PathOutcome {
    validate_path(
        &pc(entity),
        &intermediate_pool(),
        revocation,
        &root_store(),
        o,
    )
}

fn ca_with(status: SerialStatus, of: &TestEntity) -> OcspResponder {
    let pki = TestPki::get();
    responder(
        &pki.intermediate,
        &pki.intermediate,
        lookup(vec![(serial(of), status)]),
    )
}

#[test]
fn good_per_ocsp_without_any_crl_is_valid_under_hard_fail() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let at = TEST_NOW - Duration::hours(1);
    let by_ca = answer(&ca_with(SerialStatus::Good, signer), signer, at);
    let by_delegate = answer(
        &responder(
            &pki.intermediate,
            &pki.ocsp,
            lookup(vec![(serial(signer), SerialStatus::Good)]),
        ),
        signer,
        at,
    );
    for response in [&by_ca, &by_delegate] {
        let outcome = validate(
            signer,
            &data(&[&intermediate_good(at), response]),
            &hard(TEST_NOW),
        );
        assert_eq!(
            outcome.status,
            PathStatus::Valid,
            "{:?}",
            outcome.revocation
        );
        assert_eq!(
            outcome.revocation,
            [RevocationStatus::Good, RevocationStatus::Good]
        );
        assert!(outcome.warnings.is_empty());
    }
    // Without the root's answer about the issuing CA, hard-fail stops at it.
    let outcome = validate(signer, &data(&[&by_ca]), &hard(TEST_NOW));
    assert!(matches!(
        outcome.status,
        PathStatus::Indeterminate(IndeterminateReason::RevocationUnknown { index: 0, .. })
    ));
    // CRLs and OCSP together: the root's CRL for the issuing CA, OCSP for the signer.
    let mut mixed = data(&[&by_ca]);
    mixed.crls = fresh_crls();
    assert_eq!(
        validate(signer, &mixed, &hard(TEST_NOW)).status,
        PathStatus::Valid
    );
}

#[test]
fn revoked_per_ocsp_is_invalid_even_when_a_crl_says_good() {
    let pki = TestPki::get();
    let signer = &pki.signers[1];
    let at = TEST_NOW - Duration::hours(1);
    let revoked_at = TEST_NOW - Duration::days(10);
    let status = SerialStatus::Revoked {
        time: revoked_at,
        reason: RevocationReason::KeyCompromise,
    };
    let by_ca = answer(&ca_with(status, signer), signer, at);
    let mut revocation = data(&[&intermediate_good(at), &by_ca]);
    for crls in [None, Some(fresh_crls())] {
        if let Some(c) = crls {
            revocation.crls = c;
        }
        let outcome = validate(signer, &revocation, &hard(TEST_NOW));
        assert_eq!(
            outcome.revocation[1],
            RevocationStatus::Revoked {
                time: revoked_at,
                reason: RevocationReason::KeyCompromise
            }
        );
        assert!(matches!(
            outcome.status,
            PathStatus::Invalid(InvalidReason::Revoked {
                index: 1,
                reason: RevocationReason::KeyCompromise,
                ..
            })
        ));
    }
    // Validated before the revocation, with the same answer: valid, with a warning.
    let earlier = validate(signer, &revocation, &hard(revoked_at - Duration::days(1)));
    assert_eq!(earlier.status, PathStatus::Valid);
    assert!(matches!(
        earlier.warnings[..],
        [PathWarning::RevokedAfterValidationTime {
            index: 1,
            reason: RevocationReason::KeyCompromise,
            ..
        }]
    ));
}

#[test]
fn revoked_after_the_validation_time_is_a_warning() {
    let pki = TestPki::get();
    let signer = &pki.signers[2];
    // Asked ten days after the signature; revoked five days after it.
    let later = TEST_NOW + Duration::days(10);
    let revoked_at = TEST_NOW + Duration::days(5);
    let status = SerialStatus::Revoked {
        time: revoked_at,
        reason: RevocationReason::Superseded,
    };
    let revocation = data(&[
        &intermediate_good(later),
        &answer(&ca_with(status, signer), signer, later),
    ]);
    let outcome = validate(signer, &revocation, &hard(TEST_NOW));
    assert_eq!(outcome.status, PathStatus::Valid);
    assert_eq!(outcome.revocation[1], RevocationStatus::Good);
    assert_eq!(
        outcome.warnings,
        [PathWarning::RevokedAfterValidationTime {
            index: 1,
            subject: pc(signer).subject_text(),
            time: revoked_at,
            reason: RevocationReason::Superseded,
        }]
    );
    // At the later time itself, revoked.
    let outcome = validate(signer, &revocation, &hard(later));
    assert!(matches!(
        outcome.status,
        PathStatus::Invalid(InvalidReason::Revoked { .. })
    ));
}

fn unknown_reason(outcome: &PathOutcome) -> Option<UnknownRevocation> {
    match &outcome.revocation[1] {
        RevocationStatus::Unknown(r) => Some(r.clone()),
        _ => None,
    }
}

#[test]
fn unusable_answers_leave_the_status_unknown() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let at = TEST_NOW - Duration::hours(1);
    let root_ok = intermediate_good(at);
    let good = ca_with(SerialStatus::Good, signer);
    // Stale: produced three days before, next update two days before.
    let stale = answer(&good, signer, TEST_NOW - Duration::days(3));
    // A corrupted signature.
    let mut forged = answer(&good, signer, at);
    if let Some(b) = forged.last_mut() {
        *b ^= 1;
    }
    // The responder does not know the certificate.
    let unknown = answer(&ca_with(SerialStatus::Good, &pki.signers[3]), signer, at);
    let cases = [
        (stale, UnknownRevocation::OcspOutdated),
        (forged, UnknownRevocation::OcspSignatureInvalid),
        (unknown, UnknownRevocation::OcspCertificateUnknown),
    ];
    for (response, reason) in cases {
        let revocation = data(&[&root_ok, &response]);
        let outcome = validate(signer, &revocation, &hard(TEST_NOW));
        assert_eq!(unknown_reason(&outcome), Some(reason.clone()));
        assert!(matches!(
            outcome.status,
            PathStatus::Indeterminate(IndeterminateReason::RevocationUnknown { index: 1, .. })
        ));
        let soft = validate(
            signer,
            &revocation,
            &options(TEST_NOW, RevocationPolicy::SoftFail),
        );
        assert_eq!(soft.status, PathStatus::Valid);
        assert!(matches!(
            &soft.warnings[..],
            [PathWarning::RevocationUnknown { index: 1, reason: r, .. }] if *r == reason
        ));
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("whole seconds")
}

#[test]
fn an_answer_signed_by_an_untrusted_responder_leaves_the_status_unknown() {
    let pki = TestPki::get();
    let signer = &pki.signers[1];
    let judge = OpensslOcsp::new();
    write_pki(judge.dir());
    let other = other_ca("Another CA");
    let foreign = adhoc(
        "Foreign Responder",
        (
            &other.certificate.tbs_certificate.subject,
            other.signer.as_ref(),
        ),
        vec![ext::ocsp_signing_eku().expect("eku")],
        (
            datetime!(2025-01-01 00:00:00 UTC),
            datetime!(2030-01-01 00:00:00 UTC),
        ),
    );
    write_entity(judge.dir(), "foreign", &foreign);
    let no_eku = delegated("Responder Without EKU", vec![]);
    write_entity(judge.dir(), "no-eku", &no_eku);
    let req = ocsp_support::request(signer, &pki.intermediate, &RequestOptions::default());
    let index = [IndexEntry {
        serial: serial(signer),
        subject: "/CN=x".into(),
        revoked: None,
    }];
    let root_ok = intermediate_good(now());
    for who in ["foreign", "no-eku", "ocsp"] {
        let (der, run) = judge.respond(
            &index,
            "intermediate.pem",
            &format!("{who}.pem"),
            &format!("{who}.key.pem"),
            req.der(),
            &["-ndays", "1"],
        );
        assert_eq!(run.code, Some(0), "{run}");
        let outcome = validate(signer, &data(&[&root_ok, &der]), &hard(now()));
        if who == "ocsp" {
            // The legitimate delegated responder, answering through OpenSSL.
            assert_eq!(
                outcome.status,
                PathStatus::Valid,
                "{:?}",
                outcome.revocation
            );
        } else {
            assert_eq!(
                unknown_reason(&outcome),
                Some(UnknownRevocation::OcspResponderNotTrusted),
                "{who}"
            );
            assert!(matches!(outcome.status, PathStatus::Indeterminate(_)));
        }
    }
}

#[test]
fn a_delegated_responder_without_nocheck_needs_its_own_status() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let at = TEST_NOW - Duration::hours(1);
    let checked = delegated(
        "Checked Responder",
        vec![ext::ocsp_signing_eku().expect("eku")],
    );
    let by_checked = answer(
        &responder(
            &pki.intermediate,
            &checked,
            lookup(vec![(serial(signer), SerialStatus::Good)]),
        ),
        signer,
        at,
    );
    let root_ok = intermediate_good(at);
    // Nothing about the responder itself: its answer cannot be relied on.
    let outcome = validate(signer, &data(&[&root_ok, &by_checked]), &hard(TEST_NOW));
    assert_eq!(
        unknown_reason(&outcome),
        Some(UnknownRevocation::OcspResponderNotTrusted)
    );
    // The CA vouches for the responder: good.
    let about_responder = ask(
        &ca_with(SerialStatus::Good, &checked),
        &checked,
        &pki.intermediate,
        at,
    )
    .1;
    let outcome = validate(
        signer,
        &data(&[&root_ok, &by_checked, &about_responder]),
        &hard(TEST_NOW),
    );
    assert_eq!(
        outcome.status,
        PathStatus::Valid,
        "{:?}",
        outcome.revocation
    );
    // The CA revoked the responder: its answers do not count.
    let revoked = SerialStatus::Revoked {
        time: TEST_NOW - Duration::days(2),
        reason: RevocationReason::KeyCompromise,
    };
    let responder_revoked = ask(&ca_with(revoked, &checked), &checked, &pki.intermediate, at).1;
    let outcome = validate(
        signer,
        &data(&[&root_ok, &by_checked, &responder_revoked]),
        &hard(TEST_NOW),
    );
    assert_eq!(
        unknown_reason(&outcome),
        Some(UnknownRevocation::OcspResponderNotTrusted)
    );
    // A responder's answer about itself cannot vouch for it.
    let self_vouching = ask(
        &responder(
            &pki.intermediate,
            &checked,
            lookup(vec![(serial(&checked), SerialStatus::Good)]),
        ),
        &checked,
        &pki.intermediate,
        at,
    )
    .1;
    let outcome = validate(
        signer,
        &data(&[&root_ok, &by_checked, &self_vouching]),
        &hard(TEST_NOW),
    );
    assert_eq!(
        unknown_reason(&outcome),
        Some(UnknownRevocation::OcspResponderNotTrusted)
    );
}

#[test]
fn the_newest_answer_counts() {
    let pki = TestPki::get();
    let signer = &pki.signers[3];
    let hold = SerialStatus::Revoked {
        time: TEST_NOW - Duration::days(6),
        reason: RevocationReason::CertificateHold,
    };
    let on_hold = answer(
        &ca_with(hold, signer),
        signer,
        TEST_NOW - Duration::days(5) + Duration::hours(12),
    );
    let released = answer(
        &ca_with(SerialStatus::Good, signer),
        signer,
        TEST_NOW - Duration::hours(1),
    );
    let root_ok = intermediate_good(TEST_NOW - Duration::hours(1));
    // Four days before TEST_NOW both answers are current (the later one is later
    // information), and the hold had begun.
    let o = hard(TEST_NOW - Duration::days(4));
    let outcome = validate(signer, &data(&[&root_ok, &on_hold, &released]), &o);
    assert_eq!(
        outcome.status,
        PathStatus::Valid,
        "{:?}",
        outcome.revocation
    );
    // Alone, the hold answer revokes.
    let outcome = validate(signer, &data(&[&root_ok, &on_hold]), &o);
    assert!(matches!(
        outcome.status,
        PathStatus::Invalid(InvalidReason::Revoked {
            reason: RevocationReason::CertificateHold,
            ..
        })
    ));
}
