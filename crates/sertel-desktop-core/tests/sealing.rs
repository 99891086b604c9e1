//! Sealing a batch with the agency's seal: the seal key's own slot, a request with the seal's
//! subject, the issued seal taken in, then each letter sealed as a certification signature
//! (DocMDP `/P 2`) with the seal's specimen and its QR code, ready to register; a letter that is
//! already signed is refused on its own, with the reason, while the rest of the batch is sealed.

mod common;

use sertel_core::key::{KeyAlgorithm, Passphrase};
use sertel_core::profile::{RegencyProfile, SealProfile};
use sertel_core::x509::verify_csr;
use sertel_desktop_core::certificate_request::seal_certificate_request;
use sertel_desktop_core::key_slot::{KeySlot, NewPassphrase};
use sertel_desktop_core::placement::{Corner, Placement};
use sertel_desktop_core::signing::{sign_batch, BatchRequest, FileEvent};
use sertel_desktop_core::specimen::{Holder, SpecimenSource};
use test_support::letters::{sample_letter, LetterSpec, PageSize};

use common::{ca, issue_for, owner};

const SEAL_PASSPHRASE: &str = "segel dinas di balai kota muara enim";
const AGENCY: &str = "Dinas Komunikasi dan Informatika";

fn letter(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("letter");
    path
}

fn request(files: Vec<std::path::PathBuf>) -> BatchRequest {
    BatchRequest {
        files,
        placement: Placement::Visible {
            page: 0,
            corner: Corner::BottomLeft,
        },
        reason: None,
        location: None,
        replace_signed: false,
        specimen: true,
        seal: true,
    }
}

#[test]
fn letters_are_sealed_as_certifications_and_a_signed_one_is_refused_alone() {
    let dir = tempfile::tempdir().expect("temp");
    let seal = KeySlot::new(dir.path().join("seal"));
    let passphrase = NewPassphrase {
        passphrase: Passphrase::new(SEAL_PASSPHRASE),
        repeat: Passphrase::new(SEAL_PASSPHRASE),
    };
    seal.create(&passphrase, &owner(), KeyAlgorithm::EcdsaP256)
        .expect("seal key");
    let csr = seal_certificate_request(
        &seal,
        &passphrase.passphrase,
        &SealProfile::new(AGENCY),
        &RegencyProfile::default(),
    )
    .expect("seal request");
    assert!(verify_csr(csr.as_bytes())
        .expect("request")
        .subject
        .to_string()
        .contains(&format!("CN={AGENCY}")));
    let ca = ca();
    seal.store_certificates(&[issue_for(&csr, &ca), ca.1.clone()])
        .expect("seal stored");

    let source = SpecimenSource::of(Holder::Agency, "http://127.0.0.1:8443");
    let first = letter(dir.path(), "surat.pdf");
    let outcome = sign_batch(
        &seal,
        &passphrase.passphrase,
        &request(vec![first.clone()]),
        None,
        Some(&source),
        &mut |_| {},
    )
    .expect("sealed");
    assert_eq!((outcome.signed, outcome.failed), (1, 0));
    let sealed = dir.path().join("surat-signed.pdf");
    let bytes = std::fs::read(&sealed).expect("sealed file");
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"/DocMDP"), "no certification");
    assert!(has(b"/P 2"), "not form filling");
    let [registration] = &outcome.documents[..] else {
        panic!("{:?}", outcome.documents)
    };
    assert_eq!(
        registration.certificate_serial,
        sertel_desktop_core::key_slot::serial_octets_hex(&seal.certificates().expect("chain")[0])
    );

    // The sealed letter again (already signed) with a new one: the first refused with the
    // reason, the second sealed.
    let second = letter(dir.path(), "nota.pdf");
    let mut events = Vec::new();
    let outcome = sign_batch(
        &seal,
        &passphrase.passphrase,
        &request(vec![sealed.clone(), second]),
        None,
        Some(&source),
        &mut |e| events.push(e),
    )
    .expect("batch");
    assert_eq!((outcome.signed, outcome.failed), (1, 1));
    let refusal = events
        .iter()
        .find_map(|e| match e {
            FileEvent::Failed { index: 0, error } => Some(error.clone()),
            _ => None,
        })
        .expect("the signed letter refused");
    assert_eq!(refusal.kind, "pdf_certification_not_first");
    assert!(
        refusal.id.contains("sudah ditandatangani"),
        "{}",
        refusal.id
    );
    assert!(!dir.path().join("surat-signed-signed.pdf").exists());
    assert!(dir.path().join("nota-signed.pdf").is_file());
}
