//! The Validate screen names an agency's electronic seal as a seal, and a person as the signer.

#![allow(clippy::unwrap_used)]

use sertel_core::i18n::Lang;
use sertel_core::pades::{sign_file, Certification, SignOptions};
use sertel_core::trust::RevocationPolicy;
use sertel_core::verify::{Verifier, VerifyOptions};
use sertel_desktop_core::validation::view;
use test_support::letters::{sample_letter, LetterSpec};
use test_support::regency::{Regency, RegencySetup, SEAL_AGENCY};

#[test]
fn a_seal_is_shown_as_an_electronic_seal_and_a_person_as_the_signer() {
    let reg = Regency::start(RegencySetup::default());
    let input = reg.path("surat.pdf");
    std::fs::write(&input, sample_letter(&LetterSpec::default())).unwrap();
    let sealed = reg.path("segel.pdf");
    let seal = SignOptions {
        certification: Some(Certification::FormFilling),
        ..SignOptions::default()
    };
    let roots = std::slice::from_ref(&reg.root);
    let (key, cert) = (&reg.seal.key, &reg.seal.certificate);
    sign_file(&input, &sealed, key, cert, roots, &seal).unwrap();
    let signed = reg.path("segel-ttd.pdf");
    sign_file(
        &sealed,
        &signed,
        reg.signer(),
        &reg.signer_cert,
        roots,
        &SignOptions::default(),
    )
    .unwrap();

    let mut options = VerifyOptions::trusting(reg.trust());
    options.revocation = RevocationPolicy::SoftFail;
    let report = Verifier::new(options).verify_file(&signed).unwrap();
    let shown = view(&report, 1, Lang::Id);
    let sigs = &shown.signatures;
    assert_eq!(sigs.len(), 2);
    assert!(sigs[0].seal, "the agency's seal");
    assert_eq!(sigs[0].signer.as_deref(), Some(SEAL_AGENCY));
    assert!(!sigs[1].seal, "a person's signature");
    let json = serde_json::to_value(&shown).unwrap();
    assert_eq!(json["signatures"][0]["seal"], true);
}
