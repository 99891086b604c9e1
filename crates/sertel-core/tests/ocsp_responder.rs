//! Sertel's OCSP responder: what it echoes and stamps, how it answers requests OpenSSL made
//! (several certificates, SHA-256 CertIDs), and that no request, however broken, makes it
//! panic or answer with anything but a well-formed response.

mod ocsp_support;

use der::asn1::OctetString;
use der::{Decode, Encode};
use ocsp_support::{lookup, pc, request, responder, serial, write_pki};
use sertel_core::ocsp::{
    check_response, decode_request, CertIdHash, NonceChoice, OcspCheckOptions, OcspError,
    OcspStatus, RequestOptions, ResponderKind, ResponderSetupError, SerialStatus,
    MAX_REQUEST_BYTES,
};
use sertel_core::trust::RevocationReason;
use test_support::judges::OpensslOcsp;
use test_support::pki::{TestPki, TEST_NOW};
use time::Duration;
use x509_ocsp::{BasicOcspResponse, OcspRequest, OcspResponse, OcspResponseStatus};

fn statuses() -> std::sync::Arc<sertel_core::ocsp::StatusLookup> {
    let pki = TestPki::get();
    lookup(vec![
        (serial(&pki.signers[0]), SerialStatus::Good),
        (
            serial(&pki.signers[1]),
            SerialStatus::Revoked {
                time: TEST_NOW - Duration::days(7),
                reason: RevocationReason::CertificateHold,
            },
        ),
        (
            serial(&pki.signers[2]),
            SerialStatus::Revoked {
                time: TEST_NOW - Duration::days(1),
                reason: RevocationReason::Unspecified,
            },
        ),
    ])
}

fn basic(der: &[u8]) -> BasicOcspResponse {
    let resp = OcspResponse::from_der(der).expect("OCSPResponse");
    assert_eq!(resp.response_status, OcspResponseStatus::Successful);
    let bytes = resp.response_bytes.expect("responseBytes");
    BasicOcspResponse::from_der(bytes.response.as_bytes()).expect("BasicOCSPResponse")
}

#[test]
fn answers_echo_the_nonce_and_carry_the_times_and_statuses() {
    let pki = TestPki::get();
    let ca = responder(&pki.intermediate, &pki.intermediate, statuses());
    let delegated = responder(&pki.intermediate, &pki.ocsp, statuses())
        .with_next_update(Duration::hours(2))
        .expect("two hours");
    for (resp, next, kind) in [
        (&ca, Duration::hours(24), ResponderKind::Issuer),
        (
            &delegated,
            Duration::hours(2),
            ResponderKind::Delegated {
                subject: pc(&pki.ocsp).subject_text(),
                no_check: true,
            },
        ),
    ] {
        for hash in CertIdHash::ALL {
            let expected = [
                OcspStatus::Good,
                OcspStatus::Revoked {
                    time: TEST_NOW - Duration::days(7),
                    reason: RevocationReason::CertificateHold,
                },
                OcspStatus::Revoked {
                    time: TEST_NOW - Duration::days(1),
                    reason: RevocationReason::Unspecified,
                },
                OcspStatus::Unknown,
            ];
            for (signer, status) in pki.signers.iter().zip(expected) {
                let nonce = vec![0x5A; 7];
                let options = RequestOptions::default()
                    .with_hash(hash)
                    .with_nonce(NonceChoice::Given(nonce.clone()));
                let req = request(signer, &pki.intermediate, &options);
                let der = resp.respond(req.der(), TEST_NOW);
                let verified = check_response(
                    &der,
                    &pc(signer),
                    &pc(&pki.intermediate),
                    Some(&nonce),
                    &OcspCheckOptions::at(TEST_NOW),
                )
                .expect("accepted");
                assert_eq!(verified.status, status, "{hash:?}");
                assert_eq!(verified.this_update, TEST_NOW);
                assert_eq!(verified.produced_at, TEST_NOW);
                assert_eq!(verified.next_update, Some(TEST_NOW + next));
                assert_eq!(verified.responder, kind);
                let parsed = basic(&der);
                // The CertID is echoed as asked (same hash algorithm).
                let single = &parsed.tbs_response_data.responses[0];
                assert_eq!(single.cert_id.hash_algorithm.oid, hash.oid());
                // By key, and the delegated responder's certificate included.
                assert!(matches!(
                    parsed.tbs_response_data.responder_id,
                    x509_ocsp::ResponderId::ByKey(_)
                ));
                assert_eq!(
                    parsed.certs.map(|c| c.len()),
                    (kind != ResponderKind::Issuer).then_some(1)
                );
            }
        }
    }
}

#[test]
fn requests_made_by_openssl_are_answered() {
    let pki = TestPki::get();
    let judge = OpensslOcsp::new();
    write_pki(judge.dir());
    let run = judge.run(&[
        "-sha256",
        "-issuer",
        "intermediate.pem",
        "-cert",
        &format!("{}.pem", pki.signers[0].name),
        "-cert",
        &format!("{}.pem", pki.signers[1].name),
        "-reqout",
        "multi.der",
    ]);
    assert_eq!(run.code, Some(0), "{run}");
    let req = std::fs::read(judge.path("multi.der")).expect("request");
    let decoded = decode_request(&req).expect("decodes");
    assert_eq!(decoded.certs.len(), 2);
    assert_eq!(decoded.certs[0].hash, Some(CertIdHash::Sha256));
    assert_eq!(decoded.certs[1].serial, serial(&pki.signers[1]));
    let nonce = decoded.nonce.clone().expect("OpenSSL sends a nonce");
    assert_eq!(nonce.len(), 16);
    let resp = responder(&pki.intermediate, &pki.intermediate, statuses());
    let der = resp.respond(&req, TEST_NOW);
    assert_eq!(basic(&der).tbs_response_data.responses.len(), 2);
    for (signer, good) in [(&pki.signers[0], true), (&pki.signers[1], false)] {
        let verified = check_response(
            &der,
            &pc(signer),
            &pc(&pki.intermediate),
            Some(&nonce),
            &OcspCheckOptions::at(TEST_NOW),
        )
        .expect("accepted");
        assert_eq!(verified.status == OcspStatus::Good, good);
    }
}

fn status_of(der: &[u8]) -> OcspResponseStatus {
    OcspResponse::from_der(der)
        .expect("always a well-formed OCSPResponse")
        .response_status
}

#[test]
fn broken_requests_get_well_formed_refusals() {
    let pki = TestPki::get();
    let resp = responder(&pki.intermediate, &pki.intermediate, statuses());
    let req = request(
        &pki.signers[0],
        &pki.intermediate,
        &RequestOptions::default(),
    );
    let der = req.der().to_vec();
    for i in 0..der.len() {
        for bit in [0x01, 0x80] {
            let mut bent = der.clone();
            bent[i] ^= bit;
            let status = status_of(&resp.respond(&bent, TEST_NOW));
            assert!(
                matches!(
                    status,
                    OcspResponseStatus::Successful
                        | OcspResponseStatus::MalformedRequest
                        | OcspResponseStatus::Unauthorized
                ),
                "byte {i}: {status:?}"
            );
        }
    }
    for len in 0..der.len() {
        assert_eq!(
            status_of(&resp.respond(&der[..len], TEST_NOW)),
            OcspResponseStatus::MalformedRequest
        );
    }
    let huge = vec![0x30; MAX_REQUEST_BYTES + 1];
    assert_eq!(
        status_of(&resp.respond(&huge, TEST_NOW)),
        OcspResponseStatus::MalformedRequest
    );
    assert!(matches!(
        decode_request(&huge),
        Err(OcspError::TooLarge { .. })
    ));
}

/// `req` with its nonce replaced by `nonce` (any length).
fn with_nonce(req: &[u8], nonce: &[u8]) -> Vec<u8> {
    let mut parsed = OcspRequest::from_der(req).expect("request");
    let exts = parsed
        .tbs_request
        .request_extensions
        .as_mut()
        .expect("extensions");
    exts[0].extn_value = OctetString::new(
        OctetString::new(nonce)
            .expect("octets")
            .to_der()
            .expect("der"),
    )
    .expect("octets");
    parsed.to_der().expect("der")
}

#[test]
fn nonces_rfc_8954_forbids_are_refused() {
    let pki = TestPki::get();
    let resp = responder(&pki.intermediate, &pki.intermediate, statuses());
    let req = request(
        &pki.signers[0],
        &pki.intermediate,
        &RequestOptions::default(),
    );
    for (len, accepted) in [(0, false), (1, true), (32, true), (33, false), (128, false)] {
        let bent = with_nonce(req.der(), &vec![9; len]);
        let expected = if accepted {
            OcspResponseStatus::Successful
        } else {
            OcspResponseStatus::MalformedRequest
        };
        assert_eq!(status_of(&resp.respond(&bent, TEST_NOW)), expected, "{len}");
    }
    for bad in [0, 33] {
        let options = RequestOptions::default().with_nonce(NonceChoice::Given(vec![1; bad]));
        let e = sertel_core::ocsp::build_request(
            &pc(&pki.signers[0]),
            &pc(&pki.intermediate),
            &options,
        )
        .expect_err("refused");
        assert!(matches!(e, OcspError::Request(_)), "{e:?}");
    }
}

#[test]
fn settings_out_of_range_are_refused() {
    let pki = TestPki::get();
    for bad in [Duration::seconds(30), Duration::days(400)] {
        let e = responder(&pki.intermediate, &pki.intermediate, statuses())
            .with_next_update(bad)
            .expect_err("refused");
        assert!(matches!(e, ResponderSetupError::InvalidSetting(_)));
    }
}
