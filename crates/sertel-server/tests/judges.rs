//! Independent judges on what the CA publishes: OpenSSL checks the CRL's signature, finds a
//! revoked certificate in it and refuses that certificate with `-crl_check`, and verifies a
//! timestamp from the TSA endpoint; pkilint finds no error in an issued certificate, the TSA
//! certificate and the CRL.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use test_support::judges::{pkilint_certificate, pkilint_crl};

use common::fixtures::{self, People};
use common::TestServer;

fn run(args: &[&str]) -> (bool, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl is installed by scripts/setup.sh");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr)
    );
    (status.success(), text)
}

fn openssl(args: &[&str]) -> String {
    let (ok, text) = run(args);
    assert!(ok, "openssl {args:?} failed:\n{text}");
    text
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Writes `data` to `name` in the test's directory.
fn file(srv: &TestServer, name: &str, data: &[u8]) -> PathBuf {
    let path = srv.dir.path().join(name);
    std::fs::write(&path, data).unwrap();
    path
}

/// The CA certificate as PEM.
async fn ca_pem(srv: &TestServer) -> PathBuf {
    let der = file(
        srv,
        "ca.der",
        &srv.get("/ca/regency-ca.crt", None).await.body,
    );
    let pem = srv.dir.path().join("ca.pem");
    openssl(&["x509", "-inform", "DER", "-in", s(&der), "-out", s(&pem)]);
    pem
}

/// Issues owner `n` a certificate; returns (application id, PEM file, serial hex).
async fn issued_pem(srv: &TestServer, p: &People, n: u8) -> (String, PathBuf, String) {
    let who = if n == 0 { &p.owner } else { &p.other_owner };
    let id = fixtures::issued(srv, p, who, n).await;
    let url = format!("/api/v1/applications/{id}/certificate");
    let pem = srv.get(&url, Some(&who.token)).await.body;
    let path = file(srv, &format!("owner{n}.pem"), &pem);
    let view = srv
        .get(&format!("/api/v1/applications/{id}"), Some(&who.token))
        .await;
    let serial = view.json()["certificate"]["serial"]
        .as_str()
        .unwrap()
        .to_owned();
    (id, path, serial)
}

#[tokio::test]
async fn openssl_checks_the_crl_and_refuses_a_revoked_certificate() {
    let srv = TestServer::start(common::Backend::Sqlite).await;
    let p = fixtures::people(&srv).await;
    let ca = ca_pem(&srv).await;
    let (_, good, _) = issued_pem(&srv, &p, 0).await;
    let (theirs, revoked, serial) = issued_pem(&srv, &p, 1).await;
    fixtures::lost_key(&srv, &p.other_owner, &theirs).await;

    let r = srv.get("/crl/regency-ca.crl", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers["content-type"], "application/pkix-crl");
    let crl_der = file(&srv, "crl.der", &r.body);
    let crl_pem = srv.dir.path().join("crl.pem");
    let checked = openssl(&[
        "crl",
        "-inform",
        "DER",
        "-in",
        s(&crl_der),
        "-CAfile",
        s(&ca),
        "-noout",
    ]);
    assert!(checked.contains("verify OK"), "{checked}");
    let text = openssl(&[
        "crl",
        "-inform",
        "DER",
        "-in",
        s(&crl_der),
        "-noout",
        "-text",
    ]);
    for want in [
        "Version 2",
        "X509v3 CRL Number",
        "X509v3 Authority Key Identifier",
        "Next Update",
        &serial.to_uppercase(),
        "Key Compromise",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    openssl(&[
        "crl",
        "-inform",
        "DER",
        "-in",
        s(&crl_der),
        "-out",
        s(&crl_pem),
    ]);

    let (ok, out) = run(&[
        "verify",
        "-crl_check",
        "-CAfile",
        s(&ca),
        "-CRLfile",
        s(&crl_pem),
        s(&revoked),
    ]);
    assert!(!ok, "a revoked certificate verified:\n{out}");
    assert!(out.contains("certificate revoked"), "{out}");
    let out = openssl(&[
        "verify",
        "-x509_strict",
        "-crl_check",
        "-CAfile",
        s(&ca),
        "-CRLfile",
        s(&crl_pem),
        s(&good),
    ]);
    assert!(out.contains(": OK"), "{out}");
}

#[tokio::test]
async fn pkilint_finds_no_error_in_certificates_and_crl() {
    let srv = TestServer::start(common::Backend::Sqlite).await;
    let p = fixtures::people(&srv).await;
    let (_, owner, _) = issued_pem(&srv, &p, 0).await;
    let (theirs, _, _) = issued_pem(&srv, &p, 1).await;
    fixtures::revoke(&srv, &p.badan, &theirs, "affiliation_changed").await;
    let owner_der = srv.dir.path().join("owner0.der");
    openssl(&[
        "x509",
        "-in",
        s(&owner),
        "-outform",
        "DER",
        "-out",
        s(&owner_der),
    ]);
    let tsa = file(&srv, "tsa.der", &srv.get("/tsa/tsa.crt", None).await.body);
    let crl = file(
        &srv,
        "crl.der",
        &srv.get("/crl/regency-ca.crl", None).await.body,
    );
    for (what, report) in [
        ("owner certificate", pkilint_certificate(&owner_der)),
        ("TSA certificate", pkilint_certificate(&tsa)),
        ("CRL", pkilint_crl(&crl)),
    ] {
        assert!(report.clean(), "pkilint on the {what}:\n{}", report.run);
    }
}

async fn post_query(srv: &TestServer, content_type: &str, body: Vec<u8>) -> common::Reply {
    srv.send(
        Request::post("/tsa")
            .header("content-type", content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn openssl_verifies_a_timestamp_from_the_tsa() {
    let srv = TestServer::start(common::Backend::Sqlite).await;
    let ca = ca_pem(&srv).await;
    let data = file(&srv, "letter.pdf", &fixtures::pdf("naskah dinas"));
    let query = srv.dir.path().join("request.tsq");
    openssl(&[
        "ts",
        "-query",
        "-data",
        s(&data),
        "-sha256",
        "-cert",
        "-out",
        s(&query),
    ]);
    let r = post_query(
        &srv,
        "application/timestamp-query",
        std::fs::read(&query).unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers["content-type"], "application/timestamp-reply");
    let reply = file(&srv, "reply.tsr", &r.body);
    let text = openssl(&["ts", "-reply", "-in", s(&reply), "-text"]);
    assert!(text.contains("Status: Granted"), "{text}");
    assert!(
        text.contains("Policy OID: 1.3.6.1.4.1.64312.1.3.1"),
        "{text}"
    );
    assert!(text.contains("Sertel TSA"), "{text}");
    let verified = openssl(&[
        "ts",
        "-verify",
        "-data",
        s(&data),
        "-in",
        s(&reply),
        "-CAfile",
        s(&ca),
    ]);
    assert!(verified.contains("Verification: OK"), "{verified}");
    // Other data does not verify against the token.
    let other = file(&srv, "other.pdf", &fixtures::pdf("naskah lain"));
    let (ok, out) = run(&[
        "ts",
        "-verify",
        "-data",
        s(&other),
        "-in",
        s(&reply),
        "-CAfile",
        s(&ca),
    ]);
    assert!(!ok, "{out}");

    // The TSA certificate: issued by the CA, critical EKU timeStamping.
    let tsa = file(&srv, "tsa.der", &srv.get("/tsa/tsa.crt", None).await.body);
    let tsa_text = openssl(&["x509", "-inform", "DER", "-in", s(&tsa), "-noout", "-text"]);
    assert!(
        tsa_text.contains("X509v3 Extended Key Usage: critical\n                Time Stamping"),
        "{tsa_text}"
    );

    // A body that is no TimeStampReq gets an RFC 3161 rejection; a wrong type a bilingual 415.
    let r = post_query(&srv, "application/timestamp-query", b"not DER".to_vec()).await;
    assert_eq!(r.status, StatusCode::OK);
    let rejected = file(&srv, "rejected.tsr", &r.body);
    let text = openssl(&["ts", "-reply", "-in", s(&rejected), "-text"]);
    assert!(text.contains("Status: Rejected"), "{text}");
    let r = post_query(&srv, "application/json", b"{}".to_vec()).await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(r.json()["message"]["id"].is_string());
    let r = post_query(&srv, "application/timestamp-query", vec![0; 64 * 1024]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// OpenSSL's reading of the OCSP response `response` to `request` (signature, nonce, status).
/// (`-cert` is not passed: with `-reqin` it would make OpenSSL build a new request with another
/// nonce.)
fn openssl_ocsp_status(srv: &TestServer, ca: &Path, request: &Path, response: &[u8]) -> String {
    let resp = file(srv, "ocsp-resp.der", response);
    run(&[
        "ocsp",
        "-respin",
        s(&resp),
        "-reqin",
        s(request),
        "-issuer",
        s(ca),
        "-CAfile",
        s(ca),
        "-resp_text",
    ])
    .1
}

#[tokio::test]
async fn openssl_accepts_the_ocsp_answers_for_good_and_revoked_certificates() {
    let srv = TestServer::start(common::Backend::Sqlite).await;
    let p = fixtures::people(&srv).await;
    let ca = ca_pem(&srv).await;
    let (_, good, _) = issued_pem(&srv, &p, 0).await;
    let (theirs, revoked, _) = issued_pem(&srv, &p, 1).await;
    fixtures::lost_key(&srv, &p.other_owner, &theirs).await;
    for (name, cert, want) in [("good", &good, "good"), ("revoked", &revoked, "revoked")] {
        let request = srv.dir.path().join(format!("ocsp-{name}.req"));
        openssl(&[
            "ocsp",
            "-issuer",
            s(&ca),
            "-cert",
            s(cert),
            "-reqout",
            s(&request),
        ]);
        let der = std::fs::read(&request).unwrap();
        // POST, as OpenSSL's client sends it.
        let r = srv
            .send(
                Request::post("/ocsp")
                    .header("content-type", "application/ocsp-request")
                    .body(Body::from(der.clone()))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.headers["content-type"], "application/ocsp-response");
        let text = openssl_ocsp_status(&srv, &ca, &request, &r.body);
        assert!(text.contains("Response verify OK"), "{text}");
        assert!(text.contains(&format!("Cert Status: {want}")), "{text}");
        assert!(text.contains("Nonce"), "the nonce is echoed: {text}");
        if want == "revoked" {
            assert!(text.contains("keyCompromise"), "{text}");
        }
        // GET, the RFC 6960 A.1 form (no nonce needed by the judge for the status).
        let path = sertel_core::ocsp::client::get_url("/ocsp", &der);
        let r = srv.get(&path, None).await;
        assert_eq!(r.status, StatusCode::OK, "GET {path}");
        let text = openssl_ocsp_status(&srv, &ca, &request, &r.body);
        assert!(text.contains("Response verify OK"), "{text}");
        assert!(text.contains(&format!("Cert Status: {want}")), "{text}");
    }
    // Garbage gets malformedRequest, not an HTTP error.
    let r = srv
        .send(
            Request::post("/ocsp")
                .header("content-type", "application/ocsp-request")
                .body(Body::from(b"not DER".to_vec()))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let garbage = file(&srv, "garbage.der", &r.body);
    // OpenSSL reports the responder's error status and exits non-zero.
    let (_, text) = run(&["ocsp", "-respin", s(&garbage), "-resp_text", "-noverify"]);
    assert!(text.contains("malformedrequest (1)"), "{text}");
    // A wrong content type is the API's 415.
    let r = srv
        .send(
            Request::post("/ocsp")
                .header("content-type", "application/json")
                .body(Body::from(b"{}".to_vec()))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

async fn post_ocsp(srv: &TestServer, der: &[u8]) -> axum::body::Bytes {
    let r = srv
        .send(
            Request::post("/ocsp")
                .header("content-type", "application/ocsp-request")
                .body(Body::from(der.to_vec()))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    r.body
}

/// A signed answer to a request without a nonce is given again while the certificate's status
/// is unchanged, and a revocation shows at once all the same; requests with a nonce are never
/// kept.
async fn ocsp_reuse(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let ca = ca_pem(&srv).await;
    let (id, cert, _) = issued_pem(&srv, &p, 0).await;
    let request = srv.dir.path().join("ocsp-no-nonce.req");
    openssl(&[
        "ocsp",
        "-issuer",
        s(&ca),
        "-cert",
        s(&cert),
        "-no_nonce",
        "-reqout",
        s(&request),
    ]);
    let der = std::fs::read(&request).unwrap();
    let first = post_ocsp(&srv, &der).await;
    let text = openssl_ocsp_status(&srv, &ca, &request, &first);
    assert!(text.contains("Cert Status: good"), "{text}");
    assert_eq!(srv.state.ocsp_answers().len(), 1);
    // The same answer, byte for byte (not signed again).
    assert_eq!(post_ocsp(&srv, &der).await, first);

    // With a nonce: answered, echoed, not kept.
    let with_nonce = srv.dir.path().join("ocsp-nonce.req");
    openssl(&[
        "ocsp",
        "-issuer",
        s(&ca),
        "-cert",
        s(&cert),
        "-reqout",
        s(&with_nonce),
    ]);
    let answer = post_ocsp(&srv, &std::fs::read(&with_nonce).unwrap()).await;
    let text = openssl_ocsp_status(&srv, &ca, &with_nonce, &answer);
    assert!(
        text.contains("Cert Status: good") && text.contains("Nonce"),
        "{text}"
    );
    assert_eq!(srv.state.ocsp_answers().len(), 1);

    // Revoked: the very next nonce-less request gets a new, signed "revoked".
    let r = fixtures::revoke(&srv, &p.dinas, &id, "affiliation_changed").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let after = post_ocsp(&srv, &der).await;
    assert_ne!(after, first);
    let text = openssl_ocsp_status(&srv, &ca, &request, &after);
    assert!(text.contains("Response verify OK"), "{text}");
    assert!(text.contains("Cert Status: revoked"), "{text}");
    assert_eq!(post_ocsp(&srv, &der).await, after);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ocsp_answers_without_nonce_are_reused_until_the_status_changes() {
    for backend in common::backends() {
        let srv = TestServer::start(backend).await;
        eprintln!("ocsp reuse on {}", srv.backend_name());
        ocsp_reuse(srv).await;
    }
}
