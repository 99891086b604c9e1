//! Signed attributes are checked as the signer encoded them: a signer that wrote its attributes
//! out of DER order (the signature covering that order) verifies, as pyHanko also finds, and a
//! reordering after signing does not.

use std::path::{Path, PathBuf};

use sertel_core::key::KeyAlgorithm;
use sertel_core::pades::{sign_file, SignOptions};
use sertel_core::verify::{verify_file, Check, Verdict};
use test_support::judges::pyhanko_validate;
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::pki::TestPki;

const ALG: KeyAlgorithm = KeyAlgorithm::Rsa2048;

fn signed(dir: &Path) -> PathBuf {
    let input = dir.join("surat.pdf");
    std::fs::write(
        &input,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("write");
    let e = TestPki::get().signer(ALG);
    let out = dir.join("signed.pdf");
    sign_file(
        &input,
        &out,
        e.signer.as_ref(),
        &e.certificate,
        &e.chain,
        &SignOptions::default(),
    )
    .expect("sign");
    out
}

/// The `/Contents` hex string of the (only) signature: its offset in the file and its bytes.
fn contents(pdf: &[u8]) -> (usize, Vec<u8>) {
    let key = b"/Contents <";
    let at = pdf
        .windows(key.len())
        .rposition(|w| w == key)
        .expect("/Contents")
        + key.len();
    let end = at + pdf[at..].iter().position(|b| *b == b'>').expect("end");
    let hex = std::str::from_utf8(&pdf[at..end]).expect("hex");
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digit"))
        .collect();
    (at, bytes)
}

/// One DER TLV at `at`: (header length, value length); short or long form.
fn tlv(b: &[u8], at: usize) -> (usize, usize) {
    let first = b[at + 1];
    if first < 0x80 {
        return (2, usize::from(first));
    }
    let n = usize::from(first & 0x7f);
    let len = b[at + 2..at + 2 + n]
        .iter()
        .fold(0, |a, x| (a << 8) | usize::from(*x));
    (2 + n, len)
}

/// Rewrites the signature so that its first two signed attributes are swapped; re-signs the
/// swapped encoding when `resign`.
fn reorder_attributes(pdf: &Path, resign: bool) -> Vec<u8> {
    let mut file = std::fs::read(pdf).expect("read");
    let (hex_at, mut cms) = contents(&file);
    // The signed attributes: the [0] IMPLICIT SET after version, sid and digestAlgorithm of the
    // signer info; found by their first attribute, contentType.
    let content_type_attr = [
        0x30, 0x18, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x03,
    ];
    let first = cms
        .windows(content_type_attr.len())
        .rposition(|w| w == content_type_attr)
        .expect("contentType attribute");
    // Walk back to the [0] header (a0 + length) just before it.
    let attrs_at = (first.saturating_sub(4)..first)
        .find(|&i| cms[i] == 0xa0 && i + tlv(&cms, i).0 == first)
        .expect("signed attributes header");
    let (h, len) = tlv(&cms, attrs_at);
    let (h1, l1) = tlv(&cms, first);
    let second = first + h1 + l1;
    let (h2, l2) = tlv(&cms, second);
    let a = cms[first..second].to_vec();
    let b = cms[second..second + h2 + l2].to_vec();
    let swapped: Vec<u8> = b.iter().chain(&a).copied().collect();
    cms[first..second + h2 + l2].copy_from_slice(&swapped);
    if resign {
        let mut signed = cms[attrs_at..attrs_at + h + len].to_vec();
        signed[0] = 0x31;
        let signature = TestPki::get()
            .signer(ALG)
            .signer
            .sign(&signed)
            .expect("sign");
        // The signature value is the last OCTET STRING of the signer info: 256 bytes for
        // RSA-2048, right after the attributes and the signature algorithm.
        let sig_at = cms[attrs_at + h + len..]
            .windows(4)
            .position(|w| w == [0x04, 0x82, 0x01, 0x00])
            .expect("signature value")
            + attrs_at
            + h
            + len
            + 4;
        cms[sig_at..sig_at + 256].copy_from_slice(&signature);
    }
    let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
    file[hex_at..hex_at + hex.len()].copy_from_slice(hex.as_bytes());
    file
}

#[test]
fn attributes_signed_out_of_der_order_verify_as_encoded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = signed(dir.path());
    let reordered = dir.path().join("reordered.pdf");
    std::fs::write(&reordered, reorder_attributes(&pdf, true)).expect("write");
    let r = verify_file(&reordered).expect("verify");
    let s = &r.signatures[0];
    assert_eq!(s.signature, Check::Passed, "{:?}", s.findings);
    assert_eq!(s.verdict, Verdict::Valid);
    // pyHanko, as an independent judge, agrees.
    let root = dir.path().join("root.pem");
    TestPki::get().write_pem_files(dir.path()).expect("pem");
    let judged = pyhanko_validate(&reordered, &root);
    assert!(judged.ok, "pyHanko: {:?}", judged.output);
}

#[test]
fn attributes_reordered_after_signing_do_not_verify() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = signed(dir.path());
    let reordered = dir.path().join("reordered.pdf");
    std::fs::write(&reordered, reorder_attributes(&pdf, false)).expect("write");
    let r = verify_file(&reordered).expect("verify");
    let s = &r.signatures[0];
    assert_eq!(s.signature, Check::Failed, "{:?}", s.findings);
    assert_eq!(s.verdict, Verdict::Invalid);
}
