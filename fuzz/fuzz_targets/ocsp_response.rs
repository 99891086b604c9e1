//! Decodes and checks arbitrary bytes as an OCSP response about the fixture end entity, as
//! `ocsp::check_response` does for a fetched answer and the trust engine does for responses
//! from a PDF's document security store. Nothing about the issuing CA can be established from
//! one response about the end entity, so under hard-fail the path must never be valid.
#![no_main]

#[path = "common/fixtures.rs"]
mod fixtures;

use libfuzzer_sys::fuzz_target;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::ocsp::{check_response, OcspCheckOptions, OcspResponseSet};
use sertel_core::trust::{validate_path, RevocationData, RevocationPolicy, ValidationOptions};

fuzz_target!(|data: &[u8]| {
    let f = fixtures::get();
    match check_response(data, &f.leaf, &f.ca, None, &OcspCheckOptions::at(f.time)) {
        Ok(verified) => {
            let _ = verified.status.message(Lang::Id);
        }
        Err(e) => {
            let _ = (e.kind(), e.message(Lang::Id), e.message(Lang::En));
        }
    }
    let mut set = OcspResponseSet::new();
    if set.add_der(data).is_err() {
        return;
    }
    let mut options = ValidationOptions::at(f.time);
    options.revocation = RevocationPolicy::HardFail;
    let outcome = validate_path(&f.leaf, &f.pool, &RevocationData::from(set), &f.store, &options);
    assert!(!outcome.is_valid(), "valid without any status for the CA");
    let _ = outcome.status.message(Lang::En);
});
