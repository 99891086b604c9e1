//! Our verdicts on the signed PDFs of the pyHanko corpus (made by others, for pyHanko's own
//! tests) against the verdicts pyHanko's tests fix (crates/test-support/data/pyhanko-corpus.tsv).
//!
//! Every disagreement is listed in `KNOWN` with its reason, and none may be Sertel saying
//! VALID where the expected verdict is not: disagreements only ever go the safe way.

use sertel_core::verify::{verify_file, Verdict};
use test_support::corpus::{pyhanko_cases, Kind, Verdict as Expected};

/// (file, field, our verdict, why we differ).
const KNOWN: &[(&str, &str, Verdict, &str)] = &[
    (
        "coverage-anomalies/base.pdf",
        "Sig1",
        Verdict::Indeterminate,
        "its CMS is not decodable (an all-zero signature): undecided rather than invalid",
    ),
    (
        "ed448-shake256-nolen.pdf",
        "Sig1",
        Verdict::Indeterminate,
        "Ed448 is not among the algorithms Sertel verifies (aws-lc-rs has none)",
    ),
    (
        "extensions-update-indirect.pdf",
        "Sig1",
        Verdict::Invalid,
        "the later revision rewrites the catalog's indirect /Extensions dictionary, an object \
         without a signing role (pyHanko permits it)",
    ),
    (
        "form-update-override-appearance-stream-ap-indirect.pdf",
        "Sig1",
        Verdict::Invalid,
        "the fill rewrites the field's appearance stream in place: Sertel requires new \
         appearance objects (a rewritten signed object is a shadow)",
    ),
    (
        "form-update-override-appearance-stream.pdf",
        "Sig1",
        Verdict::Invalid,
        "the fill rewrites the field's appearance stream in place: Sertel requires new \
         appearance objects (a rewritten signed object is a shadow)",
    ),
    (
        "sig-no-signed-attrs.pdf",
        "Sig1",
        Verdict::Indeterminate,
        "CMS without signed attributes is not verified (PAdES requires them)",
    ),
    (
        "signed-encrypted-pubkey-with-catalog-ref.pdf",
        "Sig1",
        Verdict::Indeterminate,
        "encrypted PDFs are not decrypted, so /Contents cannot be compared with the hole",
    ),
];

fn ours_name(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "VALID",
        Verdict::Invalid => "INVALID",
        Verdict::Indeterminate => "INDETERMINATE",
    }
}

#[test]
fn verdicts_agree_with_pyhankos_tests_or_differ_only_the_safe_way() {
    let mut disagreements = Vec::new();
    let mut compared = 0;
    for case in pyhanko_cases()
        .into_iter()
        .filter(|c| c.kind == Kind::Signed)
    {
        let report = verify_file(&case.file);
        for expected in &case.signatures {
            let ours = match &report {
                Ok(r) => r
                    .signatures
                    .iter()
                    .find(|s| s.field == expected.field)
                    .map(|s| s.verdict),
                Err(_) => None,
            }
            .unwrap_or(Verdict::Indeterminate);
            compared += 1;
            let want = match expected.expected {
                Expected::ValidCrypto => Verdict::Valid,
                Expected::Invalid => Verdict::Invalid,
                Expected::Indeterminate => Verdict::Indeterminate,
            };
            assert!(
                !(ours == Verdict::Valid && want != Verdict::Valid),
                "{} {}: Sertel says VALID, pyHanko's tests say {:?}",
                case.name,
                expected.field,
                expected.expected
            );
            if ours != want {
                disagreements.push((case.name.clone(), expected.field.clone(), ours));
            }
        }
    }
    assert!(compared > 40, "only {compared} signatures compared");
    let listed: Vec<(String, String, Verdict)> = KNOWN
        .iter()
        .map(|(f, s, v, _)| (f.to_string(), s.to_string(), *v))
        .collect();
    let report: Vec<String> = disagreements
        .iter()
        .map(|(f, s, v)| format!("(\"{f}\", \"{s}\", Verdict::{}, \"…\"),", ours_name(*v)))
        .collect();
    assert_eq!(
        disagreements,
        listed,
        "disagreements changed; now:\n{}",
        report.join("\n")
    );
}
