//! A document certified with "no changes allowed" (DocMDP /P 1) is never signed again: the new
//! signature would break the certification. /P 2 and /P 3 allow further signatures.

use sertel_core::i18n::Localized;
use sertel_core::key::KeyAlgorithm;
use sertel_core::pades::{sign_file, SignError, SignOptions};
use sertel_pdf::{Dict, Document, IncrementalUpdate, Limits, Name, Object};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::pki::TestPki;

/// A letter whose catalog carries a DocMDP permission of level `p`.
fn certified_letter(p: i64) -> Vec<u8> {
    let bytes = sample_letter(&LetterSpec::new(1, PageSize::A4Portrait));
    let doc = Document::open(bytes.clone(), Limits::default()).expect("open");
    let mut upd = IncrementalUpdate::new(&doc).expect("update");
    let reference = Dict::from_pairs([
        ("Type", Object::Name(Name::from("SigRef"))),
        ("TransformMethod", Object::Name(Name::from("DocMDP"))),
        (
            "TransformParams",
            Object::Dictionary(Dict::from_pairs([
                ("Type", Object::Name(Name::from("TransformParams"))),
                ("P", Object::Integer(p)),
                ("V", Object::Name(Name::from("1.2"))),
            ])),
        ),
    ]);
    let sig = upd.allocate();
    upd.put(
        sig,
        Object::Dictionary(Dict::from_pairs([
            ("Type", Object::Name(Name::from("Sig"))),
            (
                "Reference",
                Object::Array(vec![Object::Dictionary(reference)]),
            ),
        ])),
    );
    let (catalog_ref, mut catalog) = doc.catalog().expect("catalog");
    catalog.set(
        "Perms",
        Object::Dictionary(Dict::from_pairs([("DocMDP", Object::Reference(sig))])),
    );
    upd.put(catalog_ref, Object::Dictionary(catalog));
    let mut all = bytes;
    all.extend_from_slice(&upd.finish().expect("finish").bytes);
    all
}

fn try_sign(p: i64) -> Result<(), SignError> {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("bersertifikat.pdf");
    std::fs::write(&input, certified_letter(p)).expect("write");
    let e = TestPki::get().signer(KeyAlgorithm::EcdsaP256);
    let out = dir.path().join("out.pdf");
    let result = sign_file(
        &input,
        &out,
        e.signer.as_ref(),
        &e.certificate,
        &e.chain,
        &SignOptions::default(),
    );
    assert_eq!(out.exists(), result.is_ok(), "an output only on success");
    result.map(|_| ())
}

#[test]
fn no_changes_certification_is_refused_with_its_own_error() {
    let err = try_sign(1).expect_err("P 1 refuses a new signature");
    assert!(matches!(err, SignError::CertifiedNoChanges { .. }), "{err}");
    assert_eq!(err.kind(), "pdf_certified_locked");
}

#[test]
fn form_filling_and_annotation_levels_allow_a_signature() {
    for p in [2, 3] {
        try_sign(p).unwrap_or_else(|e| panic!("P {p}: {e}"));
    }
}
