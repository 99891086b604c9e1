//! The CA side of the end-to-end test: the declared test PKI's issuing CA issues a certificate
//! for the request the app wrote, as the regency's CA would; the root goes into the app's
//! trust anchors through the Settings screen.

use std::path::Path;

use sertel_core::x509::extensions::{self as ext, KeyUsages};
use sertel_core::x509::{
    certificate_to_pem, issue, random_serial, verify_csr, CertificateTemplate,
};
use test_support::pki::TestPki;
use time::{Duration, OffsetDateTime};

/// Issues a two-year certificate for the PEM request at `csr` and writes it, followed by the
/// issuing CA's certificate, to `out`.
pub fn issue_for_request(csr: &Path, out: &Path) {
    let pki = TestPki::get();
    let request = std::fs::read(csr).expect("the request the app wrote");
    let verified = verify_csr(&request).expect("a valid, self-signed request");
    let now = OffsetDateTime::now_utc();
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: pki.intermediate.certificate.tbs_certificate.subject.clone(),
        subject: verified.subject,
        not_before: now - Duration::days(1),
        not_after: now + Duration::days(730),
        subject_public_key: verified.public_key,
        extensions: vec![
            ext::basic_constraints(false, None).expect("BC"),
            ext::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation]).expect("KU"),
        ],
    };
    let cert = issue(&template, pki.intermediate.signer.as_ref()).expect("issued");
    let mut pem = certificate_to_pem(&cert).expect("PEM");
    pem.push_str(&certificate_to_pem(&pki.intermediate.certificate).expect("PEM"));
    std::fs::write(out, pem).expect("certificate file");
}

/// Writes the test PKI's root certificate (the trust anchor) to `out`.
pub fn write_root(out: &Path) {
    let pem = certificate_to_pem(&TestPki::get().root.certificate).expect("PEM");
    std::fs::write(out, pem).expect("root file");
}
