//! Decodes arbitrary bytes as a certificate the way path validation does
//! (`trust::PathCertificate::from_der`, which also reads the extensions and tries
//! `x509-cert`), then validates it to the fixture root with the fixture CA in the pool.
#![no_main]

#[path = "common/fixtures.rs"]
mod fixtures;

use libfuzzer_sys::fuzz_target;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::trust::{
    validate_path, PathCertificate, RevocationData, RevocationPolicy, ValidationOptions,
};

fuzz_target!(|data: &[u8]| {
    let cert = match PathCertificate::from_der(data) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.message(Lang::Id);
            return;
        }
    };
    let _ = (
        cert.subject_text(),
        cert.serial_number(),
        cert.not_before(),
        cert.not_after(),
        cert.version(),
        cert.is_self_issued(),
        cert.issuer_der(),
        cert.certificate().is_some(),
    );
    assert_eq!(cert.der(), data);
    let f = fixtures::get();
    let mut options = ValidationOptions::at(f.time);
    options.revocation = RevocationPolicy::SoftFail;
    let outcome = validate_path(&cert, &f.pool, &RevocationData::new(), &f.store, &options);
    let _ = outcome.status.message(Lang::En);
    for w in &outcome.warnings {
        let _ = w.message(Lang::Id);
    }
});
