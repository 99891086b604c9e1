//! Decodes arbitrary bytes as a CMS `ContentInfo` with `SignedData`, as the verifier does for
//! a PDF signature's `/Contents` (`verify::cms_check::decode_signed_data`), then checks its
//! single signer as `verify_signer` does, against the embedded content or the fixture content
//! the detached seeds sign; and reads it as a timestamp token.
#![no_main]

#[path = "common/fixtures.rs"]
mod fixtures;

use aws_lc_rs::digest;
use der::asn1::OctetString;
use libfuzzer_sys::fuzz_target;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::verify::cms_check::{decode_signed_data, verify_signer, Failure};

fuzz_target!(|data: &[u8]| {
    let _ = sertel_core::tsp::response::token_info(data);
    let sd = match decode_signed_data(data) {
        Ok(sd) => sd,
        Err(finding) => {
            let _ = finding.message(Lang::Id);
            return;
        }
    };
    let content = sd
        .encap_content_info
        .econtent
        .as_ref()
        .and_then(|c| c.decode_as::<OctetString>().ok())
        .map(|o| o.as_bytes().to_vec())
        .unwrap_or_else(|| fixtures::get().content.clone());
    let content_type = sd.encap_content_info.econtent_type;
    match verify_signer(&sd, content_type, |alg| {
        Ok(digest::digest(alg, &content).as_ref().to_vec())
    }) {
        Ok((cert, _)) => {
            let _ = sertel_core::certinfo::common_name(cert);
        }
        Err(Failure::Integrity(f) | Failure::Signature(f) | Failure::Unchecked(f)) => {
            let _ = f.message(Lang::En);
        }
    }
});
