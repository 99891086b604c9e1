//! HTTPS served by the server itself (rustls), checked with curl as an independent client:
//! the certificate made by openssl is presented and verified, plain HTTP on that port gets no
//! answer, the TSA's rate limit sees the TLS client's address, and a key that does not belong
//! to the certificate stops the start.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::binary::{command, ServerProcess};

/// A self-signed P-256 certificate for 127.0.0.1 and localhost, and its key, made by openssl.
fn openssl_certificate(dir: &Path, name: &str) -> (PathBuf, PathBuf) {
    let (cert, key) = (
        dir.join(format!("{name}.crt")),
        dir.join(format!("{name}.key")),
    );
    let out = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args(["-nodes", "-days", "2", "-subj", "/CN=localhost"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    (cert, key)
}

/// curl's HTTP status (000 when there was no HTTP answer) and body.
fn curl(args: &[&str], url: &str) -> (String, String) {
    let out = Command::new("curl")
        .args(["-sS", "--max-time", "20", "-o", "-", "-w", "\n%{http_code}"])
        .args(args)
        .arg(url)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, code) = text.rsplit_once('\n').unwrap_or(("", &text));
    (code.to_owned(), body.to_owned())
}

#[test]
fn serves_https_with_the_given_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = openssl_certificate(dir.path(), "server");
    let server = ServerProcess::start(
        command(&dir.path().join("data"), None),
        &[
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
            "--tsa-rate",
            "1",
            "--tsa-burst",
            "1",
        ],
    );
    assert!(
        server.url.starts_with("https://127.0.0.1:"),
        "{}",
        server.url
    );
    let cacert = cert.to_str().unwrap();

    let (code, body) = curl(
        &["--cacert", cacert],
        &format!("{}/api/v1/consent", server.url),
    );
    assert_eq!(code, "200", "{body}");
    assert!(
        serde_json::from_str::<serde_json::Value>(&body).is_ok(),
        "{body}"
    );
    // A POST with a JSON body, answered through TLS with the API's own error.
    let out = Command::new("curl")
        .args([
            "-sS",
            "--max-time",
            "20",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
        ])
        .args(["--cacert", cacert, "-H", "content-type: application/json"])
        .args([
            "--data",
            r#"{"email":"x@muaraenimkab.go.id","password":"salah-sekali"}"#,
        ])
        .arg(format!("{}/api/v1/sessions", server.url))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "401");
    // Without the certificate as trust anchor, curl refuses the server.
    let (code, _) = curl(&[], &format!("{}/api/v1/consent", server.url));
    assert_eq!(code, "000");
    // Plain HTTP on the TLS port gets no HTTP answer.
    let plain = server.url.replacen("https://", "http://", 1);
    let (code, _) = curl(&[], &format!("{plain}/api/v1/consent"));
    assert_ne!(code, "200");
    // The server still serves after those failed handshakes.
    let (code, _) = curl(
        &["--cacert", cacert],
        &format!("{}/crl/regency-ca.crl", server.url),
    );
    assert_eq!(code, "200");
    // The TSA's limit counts the TLS client's address: the second request is refused.
    let tsa = [
        "--cacert",
        cacert,
        "-H",
        "content-type: application/timestamp-query",
        "--data-binary",
        "x",
    ];
    let (code, _) = curl(&tsa, &format!("{}/tsa", server.url));
    assert_eq!(code, "200");
    let (code, body) = curl(&tsa, &format!("{}/tsa", server.url));
    assert_eq!(code, "429", "{body}");
    assert!(body.contains("too_many_requests"), "{body}");
}

#[test]
fn a_key_of_another_certificate_stops_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, _) = openssl_certificate(dir.path(), "one");
    let (_, other_key) = openssl_certificate(dir.path(), "two");
    let out = command(&dir.path().join("data"), None)
        .args(["serve", "--bind", "127.0.0.1:0", "--tls-cert"])
        .arg(&cert)
        .arg("--tls-key")
        .arg(&other_key)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("TLS certificate and key"), "{err}");
    // Nothing was created before the check.
    assert!(!dir.path().join("data").exists());
    // A file without a key.
    let out = command(&dir.path().join("data"), None)
        .args(["serve", "--bind", "127.0.0.1:0", "--tls-cert"])
        .arg(&cert)
        .arg("--tls-key")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("TLS key"),
        "{out:?}"
    );
}
