//! Responses the checker must refuse, each with its own error: corrupted signatures, replayed
//! nonces, stale or future times, responders the issuer did not authorize, answers about
//! another certificate, truncated encodings, and responders that did not answer.

mod ocsp_support;

use ocsp_support::{
    adhoc, ask, assert_localized, delegated, failing_lookup, lookup, other_ca, pc, request,
    responder, serial, write_entity, write_pki,
};
use sertel_core::ocsp::{
    check_response, NonceChoice, OcspCheckOptions, OcspError, OcspResponder, OcspStatus,
    RequestOptions, ResponderSetupError, ResponseStatus, SerialStatus,
};
use sertel_core::x509::extensions as ext;
use test_support::judges::{IndexEntry, OpensslOcsp};
use test_support::pki::{TestEntity, TestPki, TEST_NOW};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

fn all_good() -> OcspResponder {
    let pki = TestPki::get();
    let known = pki
        .signers
        .iter()
        .map(|s| (serial(s), SerialStatus::Good))
        .collect();
    responder(&pki.intermediate, &pki.intermediate, lookup(known))
}

fn check_at(
    response: &[u8],
    cert: &TestEntity,
    nonce: Option<&[u8]>,
    at: OffsetDateTime,
) -> Result<OcspStatus, OcspError> {
    let pki = TestPki::get();
    check_response(
        response,
        &pc(cert),
        &pc(&pki.intermediate),
        nonce,
        &OcspCheckOptions::at(at),
    )
    .map(|v| v.status)
}

#[test]
fn no_single_byte_corruption_is_accepted() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let known = vec![(serial(signer), SerialStatus::Good)];
    let delegated = responder(&pki.intermediate, &pki.ocsp, lookup(known));
    for resp in [&all_good(), &delegated] {
        let (req, der) = ask(resp, signer, &pki.intermediate, TEST_NOW);
        assert_eq!(
            check_at(&der, signer, req.nonce(), TEST_NOW).expect("intact"),
            OcspStatus::Good
        );
        for i in 0..der.len() {
            let mut bent = der.clone();
            bent[i] ^= 0x01;
            let result = check_at(&bent, signer, req.nonce(), TEST_NOW);
            assert!(result.is_err(), "byte {i} of {}: {result:?}", der.len());
        }
    }
    // A CA-signed response ends with its signature: flipping its last byte is a bad signature.
    let (req, mut der) = ask(&all_good(), signer, &pki.intermediate, TEST_NOW);
    if let Some(last) = der.last_mut() {
        *last ^= 0x80;
    }
    let e = check_at(&der, signer, req.nonce(), TEST_NOW).expect_err("flipped signature");
    assert!(matches!(e, OcspError::SignatureInvalid), "{e:?}");
    assert_localized(&e);
}

#[test]
fn nonces_must_match() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let (_, der) = ask(&all_good(), signer, &pki.intermediate, TEST_NOW);
    let e = check_at(&der, signer, Some(&[1; 32]), TEST_NOW).expect_err("replayed");
    assert!(matches!(e, OcspError::NonceMismatch), "{e:?}");
    assert_localized(&e);
    // A response to a request without a nonce carries none.
    let bare = request(
        signer,
        &pki.intermediate,
        &RequestOptions::default().with_nonce(NonceChoice::None),
    );
    let der = all_good().respond(bare.der(), TEST_NOW);
    let e = check_at(&der, signer, Some(&[1; 32]), TEST_NOW).expect_err("no nonce");
    assert!(matches!(e, OcspError::NonceMissing), "{e:?}");
    assert_localized(&e);
    let mut lenient = OcspCheckOptions::at(TEST_NOW);
    lenient.allow_missing_nonce = true;
    let ok = check_response(
        &der,
        &pc(signer),
        &pc(&pki.intermediate),
        Some(&[1; 32]),
        &lenient,
    );
    assert_eq!(ok.expect("allowed").status, OcspStatus::Good);
    assert_eq!(
        check_at(&der, signer, None, TEST_NOW).ok(),
        Some(OcspStatus::Good)
    );
}

#[test]
fn times_are_checked_with_a_small_skew() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let (req, der) = ask(&all_good(), signer, &pki.intermediate, TEST_NOW);
    let nonce = req.nonce();
    // nextUpdate is a day after thisUpdate.
    let next = TEST_NOW + Duration::days(1);
    assert!(check_at(&der, signer, nonce, next + Duration::minutes(4)).is_ok());
    let e = check_at(&der, signer, nonce, next + Duration::hours(1)).expect_err("stale");
    assert!(
        matches!(e, OcspError::NextUpdatePassed(t) if t == next),
        "{e:?}"
    );
    assert_localized(&e);
    // Produced an hour ahead of the validation time.
    let e = check_at(&der, signer, nonce, TEST_NOW - Duration::hours(1)).expect_err("future");
    assert!(
        matches!(e, OcspError::ThisUpdateInFuture(t) if t == TEST_NOW),
        "{e:?}"
    );
    assert_localized(&e);
    assert!(check_at(&der, signer, nonce, TEST_NOW - Duration::minutes(4)).is_ok());
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .expect("whole seconds")
}

/// OpenSSL answering about `cert` as `signer` (files in the judge's folder).
fn openssl_answer(
    judge: &OpensslOcsp,
    cert: &TestEntity,
    signer: &str,
    extra: &[&str],
) -> (Option<Vec<u8>>, Vec<u8>) {
    let pki = TestPki::get();
    let req = request(cert, &pki.intermediate, &RequestOptions::default());
    let index = [IndexEntry {
        serial: serial(cert),
        subject: "/CN=x".into(),
        revoked: None,
    }];
    let (der, run) = judge.respond(
        &index,
        "intermediate.pem",
        &format!("{signer}.pem"),
        &format!("{signer}.key.pem"),
        req.der(),
        extra,
    );
    assert_eq!(run.code, Some(0), "{run}");
    (req.nonce().map(<[u8]>::to_vec), der)
}

#[test]
fn responders_the_issuer_did_not_authorize_are_refused() {
    let pki = TestPki::get();
    let judge = OpensslOcsp::new();
    write_pki(judge.dir());
    let signer = &pki.signers[2];
    let no_eku = delegated("Responder Without EKU", vec![]);
    write_entity(judge.dir(), "no-eku", &no_eku);
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
    // The right profile, valid only in 2025.
    let expired = adhoc(
        "Old Responder",
        (&ocsp_support::ca_name(), pki.intermediate.signer.as_ref()),
        vec![ext::ocsp_signing_eku().expect("eku")],
        (
            datetime!(2025-01-01 00:00:00 UTC),
            datetime!(2025-12-31 00:00:00 UTC),
        ),
    );
    write_entity(judge.dir(), "expired", &expired);
    let cases = [
        ("no-eku", "lacks id-kp-OCSPSigning"),
        ("foreign", "not issued by"),
        ("root", "not issued by"),
        ("expired", "not valid at the validation time"),
    ];
    for (who, why) in cases {
        let (nonce, der) = openssl_answer(&judge, signer, who, &["-ndays", "1"]);
        let e = check_at(&der, signer, nonce.as_deref(), now()).expect_err(who);
        assert!(
            matches!(&e, OcspError::ResponderNotAuthorized(d) if d.contains(why)),
            "{who}: {e:?}"
        );
        assert_localized(&e);
    }
    // A delegated responder that left its certificate out cannot be identified.
    let (nonce, der) = openssl_answer(&judge, signer, "ocsp", &["-ndays", "1", "-resp_no_certs"]);
    let e = check_at(&der, signer, nonce.as_deref(), now()).expect_err("no certificate");
    assert!(matches!(e, OcspError::ResponderUnknown), "{e:?}");
    assert_localized(&e);
    // Without nextUpdate, a response is fresh for a day by default.
    let (nonce, der) = openssl_answer(&judge, signer, "ocsp", &[]);
    assert!(check_at(&der, signer, nonce.as_deref(), now() + Duration::hours(2)).is_ok());
    let e =
        check_at(&der, signer, nonce.as_deref(), now() + Duration::days(2)).expect_err("too old");
    assert!(matches!(e, OcspError::TooOld(_)), "{e:?}");
    assert_localized(&e);
}

#[test]
fn our_responder_refuses_delegates_the_ca_did_not_authorize() {
    let pki = TestPki::get();
    let no_eku = delegated("Responder Without EKU", vec![]);
    let other = other_ca("Another CA");
    let setup = |r: &TestEntity, signer: &TestEntity| {
        OcspResponder::new(
            &pc(&pki.intermediate),
            &pc(r),
            signer.signer.clone(),
            failing_lookup(),
        )
        .err()
    };
    assert_eq!(
        setup(&no_eku, &no_eku),
        Some(ResponderSetupError::MissingOcspSigning)
    );
    assert_eq!(
        setup(&other, &other),
        Some(ResponderSetupError::NotIssuedByCa)
    );
    assert_eq!(
        setup(&pki.ocsp, &pki.tsa),
        Some(ResponderSetupError::KeyMismatch)
    );
    for e in [
        ResponderSetupError::MissingOcspSigning,
        ResponderSetupError::NotIssuedByCa,
        ResponderSetupError::KeyMismatch,
    ] {
        assert_localized(&e);
    }
}

#[test]
fn an_answer_about_another_certificate_does_not_count() {
    let pki = TestPki::get();
    let (asked, checked) = (&pki.signers[0], &pki.signers[1]);
    let bare = RequestOptions::default().with_nonce(NonceChoice::None);
    let req = request(asked, &pki.intermediate, &bare);
    let der = all_good().respond(req.der(), TEST_NOW);
    assert!(check_at(&der, asked, None, TEST_NOW).is_ok());
    let e = check_at(&der, checked, None, TEST_NOW).expect_err("other serial");
    assert!(matches!(e, OcspError::CertificateNotInResponse), "{e:?}");
    assert_localized(&e);
}

#[test]
fn truncated_responses_are_malformed() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let (req, der) = ask(&all_good(), signer, &pki.intermediate, TEST_NOW);
    for len in 0..der.len() {
        let e = check_at(&der[..len], signer, req.nonce(), TEST_NOW).expect_err("truncated");
        assert!(matches!(e, OcspError::Malformed(_)), "{len}: {e:?}");
    }
    assert_localized(&OcspError::Malformed("x".into()));
    let mut long = der.clone();
    long.push(0);
    let e = check_at(&long, signer, req.nonce(), TEST_NOW).expect_err("trailing byte");
    assert!(matches!(e, OcspError::Malformed(_)), "{e:?}");
}

#[test]
fn responders_that_do_not_answer_are_reported() {
    let pki = TestPki::get();
    let signer = &pki.signers[0];
    let garbage = all_good().respond(b"not a request", TEST_NOW);
    let e = check_at(&garbage, signer, None, TEST_NOW).expect_err("malformedRequest");
    assert!(
        matches!(e, OcspError::Unsuccessful(ResponseStatus::MalformedRequest)),
        "{e:?}"
    );
    assert_localized(&e);
    let busy = responder(&pki.intermediate, &pki.intermediate, failing_lookup());
    let (req, der) = ask(&busy, signer, &pki.intermediate, TEST_NOW);
    let e = check_at(&der, signer, req.nonce(), TEST_NOW).expect_err("tryLater");
    assert!(
        matches!(e, OcspError::Unsuccessful(ResponseStatus::TryLater)),
        "{e:?}"
    );
    assert_localized(&e);
    // Asked about a certificate another CA issued (the issuing CA itself, by the root).
    let (req, der) = ask(&all_good(), &pki.intermediate, &pki.root, TEST_NOW);
    let e = check_response(
        &der,
        &pc(&pki.intermediate),
        &pc(&pki.root),
        req.nonce(),
        &OcspCheckOptions::at(TEST_NOW),
    )
    .expect_err("unauthorized");
    assert!(
        matches!(e, OcspError::Unsuccessful(ResponseStatus::Unauthorized)),
        "{e:?}"
    );
    for s in [
        ResponseStatus::Successful,
        ResponseStatus::MalformedRequest,
        ResponseStatus::InternalError,
        ResponseStatus::TryLater,
        ResponseStatus::SigRequired,
        ResponseStatus::Unauthorized,
    ] {
        assert_localized(&s);
    }
}
