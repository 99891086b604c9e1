//! Decodes arbitrary bytes as a CRL the way revocation checking does (`trust::CrlSet`), then
//! validates the fixture end entity with it. No CRL of the issuing CA can tell the CA's own
//! status, so under hard-fail the path must never be valid.
#![no_main]

#[path = "common/fixtures.rs"]
mod fixtures;

use libfuzzer_sys::fuzz_target;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::trust::{
    validate_path, CrlSet, RevocationData, RevocationPolicy, ValidationOptions,
};

fuzz_target!(|data: &[u8]| {
    let mut crls = CrlSet::new();
    if let Err(e) = crls.add_der(data) {
        let _ = e.message(Lang::Id);
        return;
    }
    let f = fixtures::get();
    let mut options = ValidationOptions::at(f.time);
    options.revocation = RevocationPolicy::HardFail;
    let outcome = validate_path(&f.leaf, &f.pool, &RevocationData::from(crls), &f.store, &options);
    assert!(!outcome.is_valid(), "valid without any status for the CA");
    for status in &outcome.revocation {
        let _ = format!("{status:?}");
    }
    let _ = outcome.status.message(Lang::En);
});
