//! Malformed input gets a 4xx with a bilingual message, never a 5xx.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};

use common::fixtures;

fn raw(
    method: &str,
    path: &str,
    token: Option<&str>,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> Request<Body> {
    let mut b = Request::builder()
        .method(method)
        .uri(path)
        .header("idempotency-key", "malformed-input-1");
    if let Some(t) = token {
        b = b.header("authorization", format!("Bearer {t}"));
    }
    if let Some(ct) = content_type {
        b = b.header("content-type", ct);
    }
    b.body(Body::from(body)).unwrap()
}

async fn malformed(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    let owner = Some(p.owner.token.as_str());
    let badan = Some(p.badan.token.as_str());
    let review = format!("/api/v1/applications/{id}/review");
    let json = Some("application/json");
    let multipart = format!(
        "multipart/form-data; boundary={}",
        common::multipart::BOUNDARY
    );
    let cases: Vec<(&str, Request<Body>, StatusCode)> = vec![
        (
            "bad JSON",
            raw("POST", "/api/v1/owners", None, json, b"{\"nip\": ".to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "JSON of the wrong shape",
            raw("POST", "/api/v1/owners", None, json, b"[1,2,3]".to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "unknown JSON field",
            raw(
                "POST",
                "/api/v1/sessions",
                None,
                json,
                br#"{"email":"a","password":"b","x":1}"#.to_vec(),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            "no content type",
            raw(
                "POST",
                "/api/v1/sessions",
                None,
                None,
                br#"{"email":"a","password":"b"}"#.to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "text instead of JSON",
            raw(
                "POST",
                &review,
                badan,
                Some("text/plain"),
                b"approve".to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "oversize JSON",
            raw("POST", "/api/v1/owners", None, json, vec![b' '; 200 * 1024]),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "invalid UTF-8 JSON",
            raw(
                "POST",
                "/api/v1/sessions",
                None,
                json,
                vec![b'"', 0xff, 0xfe, b'"'],
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            "JSON to the upload",
            raw("POST", "/api/v1/applications", owner, json, b"{}".to_vec()),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "multipart without boundary",
            raw(
                "POST",
                "/api/v1/applications",
                owner,
                Some("multipart/form-data"),
                b"--x--".to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "garbage multipart",
            raw(
                "POST",
                "/api/v1/applications",
                owner,
                Some(&multipart),
                b"not a multipart body at all".to_vec(),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            "truncated multipart",
            raw("POST", "/api/v1/applications", owner, Some(&multipart), {
                let mut b = common::multipart::body(&fixtures::full_form(0));
                b.truncate(b.len() / 2);
                b
            }),
            StatusCode::BAD_REQUEST,
        ),
        (
            "oversize document",
            raw("POST", "/api/v1/applications", owner, Some(&multipart), {
                let mut big = fixtures::pdf("big");
                big.resize(6 * 1024 * 1024, b' ');
                common::multipart::body(&[("recommendation_letter", big)])
            }),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "bad query",
            raw("GET", "/api/v1/events?limit=lots", owner, None, vec![]),
            StatusCode::BAD_REQUEST,
        ),
        (
            "garbage token",
            raw("GET", "/api/v1/me", Some("not-a-token"), None, vec![]),
            StatusCode::UNAUTHORIZED,
        ),
        (
            "basic auth",
            Request::get("/api/v1/me")
                .header("authorization", "Basic YTpi")
                .body(Body::empty())
                .unwrap(),
            StatusCode::UNAUTHORIZED,
        ),
        (
            "bad JSON to revoke",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/revoke"),
                badan,
                json,
                b"{\"reason\": ".to_vec(),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            "revocation reason of the wrong type",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/revoke"),
                badan,
                json,
                br#"{"reason": 4, "comment": "x"}"#.to_vec(),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            "garbage multipart revocation request",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/revocation-requests"),
                owner,
                Some(&multipart),
                b"not a multipart body at all".to_vec(),
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            "lost-key report as text",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/lost-key"),
                owner,
                Some("text/plain"),
                b"hilang".to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "timestamp query as JSON",
            raw("POST", "/tsa", None, json, b"{}".to_vec()),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "oversize timestamp query",
            raw(
                "POST",
                "/tsa",
                None,
                Some("application/timestamp-query"),
                vec![0; 100 * 1024],
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "truncated DER certificate upload",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/certificate"),
                badan,
                Some("application/pkix-cert"),
                vec![0x30, 0x82, 0x04, 0x00, 0x30, 0x82],
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "PEM upload without a certificate",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/certificate"),
                badan,
                Some("application/pem-certificate-chain"),
                b"-----BEGIN CERTIFICATE-----\nAAAA\n".to_vec(),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "certificate upload as JSON",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/certificate"),
                badan,
                json,
                b"{}".to_vec(),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "oversize certificate upload",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/certificate"),
                badan,
                Some("application/pkix-cert"),
                vec![0x30; 200 * 1024],
            ),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "agency e-mail outside the official domain",
            raw(
                "POST",
                &format!("/api/v1/applications/{id}/revocation-requests"),
                owner,
                Some(&multipart),
                common::multipart::body(&[("agency_email", b"kantor@gmail.com".to_vec())]),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "unknown notice status",
            raw(
                "GET",
                "/api/v1/agency-notices?status=lost",
                badan,
                None,
                vec![],
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: bad JSON",
            raw("POST", "/api/v1/documents", owner, json, b"{\"id\": ".to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: missing fields",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "0123456789abcdef0123456789abcdef"}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: unknown field",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "0123456789abcdef0123456789abcdef", "sha256": "00", "signed_at": "x", "certificate_serial": "01", "extra": 1}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: id not 32 hex digits",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "xyz", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "signed_at": "2026-11-24T08:00:00Z", "certificate_serial": "01"}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: sha256 too short",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "0123456789abcdef0123456789abcdef", "sha256": "00", "signed_at": "2026-11-24T08:00:00Z", "certificate_serial": "01"}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: time not RFC 3339",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "0123456789abcdef0123456789abcdef", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "signed_at": "24/11/2026", "certificate_serial": "01"}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: time in the future",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "0123456789abcdef0123456789abcdef", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "signed_at": "2999-01-01T00:00:00Z", "certificate_serial": "01"}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: serial not hex",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "0123456789abcdef0123456789abcdef", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "signed_at": "2026-11-24T08:00:00Z", "certificate_serial": "zz"}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: serial not the caller's",
            raw("POST", "/api/v1/documents", owner, json, br#"{"id": "0123456789abcdef0123456789abcdef", "sha256": "0000000000000000000000000000000000000000000000000000000000000000", "signed_at": "2026-11-24T08:00:00Z", "certificate_serial": "0102"}"#.to_vec()),
            StatusCode::BAD_REQUEST,
        ),
        (
            "document registration: not JSON",
            raw("POST", "/api/v1/documents", owner, Some("text/plain"), b"x".to_vec()),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "unknown path",
            raw("GET", "/api/v1/nothing", None, None, vec![]),
            StatusCode::NOT_FOUND,
        ),
        (
            "unknown document kind",
            raw(
                "GET",
                &format!("/api/v1/applications/{id}/documents/passport"),
                owner,
                None,
                vec![],
            ),
            StatusCode::NOT_FOUND,
        ),
    ];
    let mut failures = Vec::new();
    for (what, req, want) in cases {
        let r = srv.send(req).await;
        if r.status != want {
            failures.push(format!(
                "{what}: got {} want {want}: {}",
                r.status,
                String::from_utf8_lossy(&r.body)
            ));
            continue;
        }
        let v: serde_json::Value = match serde_json::from_slice(&r.body) {
            Ok(v) => v,
            Err(_) => {
                failures.push(format!("{what}: body is not JSON"));
                continue;
            }
        };
        let id_msg = v["message"]["id"].as_str().unwrap_or_default();
        let en_msg = v["message"]["en"].as_str().unwrap_or_default();
        if v["kind"].as_str().unwrap_or_default().is_empty()
            || id_msg.is_empty()
            || en_msg.is_empty()
            || id_msg == en_msg
        {
            failures.push(format!("{what}: not a bilingual error: {v}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
on_every_backend!(malformed_input_is_a_clear_4xx, malformed);
