//! OpenSSL, as an independent judge, checks the CA and an issued certificate (RFC 5280 strict).

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use std::process::Command;

use common::fixtures::{self, review};

fn openssl(args: &[&str]) -> String {
    let out = Command::new("openssl")
        .args(args)
        .output()
        .expect("openssl is installed by scripts/setup.sh");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "openssl {args:?} failed:\n{text}");
    text
}

#[tokio::test]
async fn openssl_accepts_the_issued_certificate() {
    let srv = common::TestServer::start(common::Backend::Sqlite).await;
    let p = fixtures::people(&srv).await;
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    review(&srv, &p.badan, &id, "approve", "").await;
    review(&srv, &p.dinas, &id, "approve", "").await;
    let dir = srv.dir.path();
    let ca = dir.join("ca.der");
    std::fs::write(&ca, &srv.get("/ca/regency-ca.crt", None).await.body).unwrap();
    let ca_pem = dir.join("ca.pem");
    let ca_s = ca.to_str().unwrap();
    let ca_pem_s = ca_pem.to_str().unwrap();
    openssl(&["x509", "-inform", "DER", "-in", ca_s, "-out", ca_pem_s]);
    let cert = dir.join("owner.pem");
    let pem = srv
        .get(
            &format!("/api/v1/applications/{id}/certificate"),
            Some(&p.owner.token),
        )
        .await
        .body;
    std::fs::write(&cert, &pem).unwrap();
    let cert_s = cert.to_str().unwrap();

    let ca_text = openssl(&["x509", "-in", ca_pem_s, "-noout", "-text"]);
    assert!(ca_text.contains("CA:TRUE, pathlen:0"), "{ca_text}");
    assert!(ca_text.contains("Certificate Sign, CRL Sign"), "{ca_text}");
    assert!(ca_text.contains("Public-Key: (3072 bit)"), "{ca_text}");

    let verified = openssl(&["verify", "-x509_strict", "-CAfile", ca_pem_s, cert_s]);
    assert!(verified.contains(": OK"), "{verified}");

    let text = openssl(&["x509", "-in", cert_s, "-noout", "-text"]);
    for want in [
        "Digital Signature, Non Repudiation",
        "CA:FALSE",
        "OCSP - URI:http://127.0.0.1:8080/ocsp",
        "CA Issuers - URI:http://127.0.0.1:8080/ca/regency-ca.crt",
        "URI:http://127.0.0.1:8080/crl/regency-ca.crl",
        "email:siti.rahmawati@muaraenimkab.go.id",
        "serialNumber = 198507142010012003",
        "Subject Key Identifier",
        "Authority Key Identifier",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(
        !text.contains("1603015407850001"),
        "the NIK must never be in a certificate"
    );
}
