//! Answers arbitrary bytes as an OCSP request with `ocsp::OcspResponder` (a fresh P-256 CA
//! per process): whatever comes in, the answer is a well-formed `OCSPResponse`.
#![no_main]

use std::sync::{Arc, OnceLock};

use der::Decode;
use libfuzzer_sys::fuzz_target;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::ocsp::{decode_request, OcspResponder, SerialStatus};
use sertel_core::signer::Signer;
use sertel_core::trust::{PathCertificate, RevocationReason};
use sertel_core::x509::{build_name, certificate_to_der, issue, random_serial};
use sertel_core::x509::{CertificateTemplate, NameAttribute};
use time::macros::datetime;
use time::OffsetDateTime;
use x509_ocsp::{BasicOcspResponse, OcspResponse, OcspResponseStatus};

const NOW: OffsetDateTime = datetime!(2026-06-01 00:00:00 UTC);

fn responder() -> &'static OcspResponder {
    static RESPONDER: OnceLock<OcspResponder> = OnceLock::new();
    RESPONDER.get_or_init(|| {
        let key = Arc::new(LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key"));
        let name = build_name(&[(NameAttribute::CommonName, "Fuzz Responder CA")]).expect("name");
        let template = CertificateTemplate {
            serial: random_serial().expect("serial"),
            issuer: name.clone(),
            subject: name,
            not_before: datetime!(2025-01-01 00:00:00 UTC),
            not_after: datetime!(2045-01-01 00:00:00 UTC),
            subject_public_key: key.public_key().clone(),
            extensions: Vec::new(),
        };
        let cert = issue(&template, key.as_ref()).expect("certificate");
        let cert = PathCertificate::from_der(&certificate_to_der(&cert).expect("der"))
            .expect("path certificate");
        let lookup = Arc::new(|serial: &[u8]| {
            Ok(match serial.first().map(|b| b % 3) {
                Some(0) => SerialStatus::Good,
                Some(1) => SerialStatus::Revoked {
                    time: datetime!(2026-01-01 00:00:00 UTC),
                    reason: RevocationReason::KeyCompromise,
                },
                _ => SerialStatus::Unknown,
            })
        });
        let signer: Arc<dyn Signer> = key;
        OcspResponder::new(&cert, &cert, signer, lookup).expect("responder")
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = decode_request(data);
    let answer = responder().respond(data, NOW);
    let response = OcspResponse::from_der(&answer).expect("a well-formed OCSPResponse");
    if response.response_status == OcspResponseStatus::Successful {
        let bytes = response.response_bytes.expect("responseBytes");
        BasicOcspResponse::from_der(bytes.response.as_bytes()).expect("BasicOCSPResponse");
    }
});
