//! The OCSP client over real HTTP on loopback: POST and GET against Sertel's responder,
//! OpenSSL as a client of the same server, and the client's bounds (size, time, content
//! type, status).

mod ocsp_support;

use std::sync::Arc;
use std::time::Duration as StdDuration;

use ocsp_support::{lookup, pc, request, responder, serial, write_pki};
use sertel_core::http::HttpError;
use sertel_core::ocsp::client::{self, RESPONSE_MEDIA_TYPE};
use sertel_core::ocsp::{
    check_response, OcspCheckOptions, OcspError, OcspStatus, RequestOptions, SerialStatus,
    MAX_RESPONSE_BYTES,
};
use sertel_core::trust::RevocationReason;
use test_support::judges::OpensslOcsp;
use test_support::loopback::{HttpResponse, LoopbackServer};
use test_support::ocsp::start_ocsp_server;
use test_support::pki::TestPki;
use time::{Duration, OffsetDateTime};

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn server() -> LoopbackServer {
    let pki = TestPki::get();
    let statuses = lookup(vec![
        (serial(&pki.signers[0]), SerialStatus::Good),
        (
            serial(&pki.signers[1]),
            SerialStatus::Revoked {
                time: now() - Duration::days(1),
                reason: RevocationReason::Superseded,
            },
        ),
    ]);
    start_ocsp_server(responder(&pki.intermediate, &pki.ocsp, statuses), now).expect("server")
}

#[test]
fn post_and_get_reach_the_responder() {
    let pki = TestPki::get();
    let server = server();
    let fetched = client::query(
        &server.url(),
        &pc(&pki.signers[0]),
        &pc(&pki.intermediate),
        &RequestOptions::default(),
        &OcspCheckOptions::at(now()),
        client::DEFAULT_TIMEOUT,
    )
    .expect("POST");
    assert_eq!(fetched.verified.status, OcspStatus::Good);
    let req = request(
        &pki.signers[1],
        &pki.intermediate,
        &RequestOptions::default(),
    );
    let url = client::get_url(&server.url(), req.der());
    let segment = url.strip_prefix(&server.url()).expect("under the base URL");
    assert!(!segment.contains(['/', '+', '=']), "{segment}");
    let der = client::get(&server.url(), req.der(), client::DEFAULT_TIMEOUT).expect("GET");
    let verified = check_response(
        &der,
        &pc(&pki.signers[1]),
        &pc(&pki.intermediate),
        req.nonce(),
        &OcspCheckOptions::at(now()),
    )
    .expect("accepted");
    assert!(matches!(
        verified.status,
        OcspStatus::Revoked {
            reason: RevocationReason::Superseded,
            ..
        }
    ));
    // The server counts an exchange once its answer is written, which may be a moment after
    // the client has read it.
    let deadline = std::time::Instant::now() + StdDuration::from_secs(5);
    while server.served() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(StdDuration::from_millis(10));
    }
    assert_eq!(server.served(), 2);
}

#[test]
fn openssl_queries_our_responder_over_http() {
    let pki = TestPki::get();
    let server = server();
    let judge = OpensslOcsp::new();
    write_pki(judge.dir());
    for (signer, status) in [(&pki.signers[0], "good"), (&pki.signers[1], "revoked")] {
        let cert = format!("{}.pem", signer.name);
        let run = judge.run(&[
            "-url",
            &server.url(),
            "-issuer",
            "intermediate.pem",
            "-cert",
            &cert,
            "-CAfile",
            "root.pem",
            "-verify_other",
            "intermediate.pem",
        ]);
        let all = format!("{}{}", run.stdout, run.stderr);
        assert!(all.contains("Response verify OK"), "{run}");
        assert!(all.contains(&format!("{cert}: {status}")), "{run}");
    }
}

fn fixed(response: HttpResponse) -> LoopbackServer {
    LoopbackServer::start(Arc::new(move |_| response.clone())).expect("server")
}

#[test]
fn the_client_is_bounded() {
    let pki = TestPki::get();
    let req = request(
        &pki.signers[0],
        &pki.intermediate,
        &RequestOptions::default(),
    );
    let big = fixed(HttpResponse::ok(
        RESPONSE_MEDIA_TYPE,
        vec![0x30; MAX_RESPONSE_BYTES + 1],
    ));
    let e = client::post(&big.url(), req.der(), client::DEFAULT_TIMEOUT).expect_err("too big");
    assert!(
        matches!(e, OcspError::Http(HttpError::TooLarge { .. })),
        "{e:?}"
    );
    ocsp_support::assert_localized(&e);
    let mut slow = HttpResponse::ok(RESPONSE_MEDIA_TYPE, vec![0x30, 0x00]);
    slow.delay = StdDuration::from_secs(3);
    let slow = fixed(slow);
    let started = std::time::Instant::now();
    let e =
        client::post(&slow.url(), req.der(), StdDuration::from_millis(500)).expect_err("time-out");
    assert!(started.elapsed() < StdDuration::from_secs(3));
    assert!(
        matches!(e, OcspError::Http(HttpError::Unreachable { .. })),
        "{e:?}"
    );
    let html = fixed(HttpResponse::ok("text/html", b"<p>hello</p>".to_vec()));
    let e = client::get(&html.url(), req.der(), client::DEFAULT_TIMEOUT).expect_err("html");
    assert!(
        matches!(e, OcspError::Http(HttpError::ContentType { .. })),
        "{e:?}"
    );
    let mut failing = HttpResponse::ok(RESPONSE_MEDIA_TYPE, Vec::new());
    failing.status = 503;
    let failing = fixed(failing);
    let e = client::post(&failing.url(), req.der(), client::DEFAULT_TIMEOUT).expect_err("503");
    assert!(
        matches!(e, OcspError::Http(HttpError::Status { status: 503, .. })),
        "{e:?}"
    );
    // A server that answers garbage: the checker, not the transport, refuses it.
    let garbage = fixed(HttpResponse::ok(RESPONSE_MEDIA_TYPE, b"garbage".to_vec()));
    let e = client::query(
        &garbage.url(),
        &pc(&pki.signers[0]),
        &pc(&pki.intermediate),
        &RequestOptions::default(),
        &OcspCheckOptions::at(now()),
        client::DEFAULT_TIMEOUT,
    )
    .expect_err("garbage");
    assert!(matches!(e, OcspError::Malformed(_)), "{e:?}");
}
