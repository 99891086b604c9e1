//! The PKITS table names files that exist in the installed vectors, and has PKITS's number of
//! tests per section.

use std::collections::{BTreeMap, BTreeSet};

use test_support::pkits::{pkits_cases, PKITS_SECTION_SIZES};

#[test]
fn every_referenced_file_exists_in_the_installed_vectors() {
    let cases = pkits_cases();
    let mut missing = Vec::new();
    for case in &cases {
        for file in case.files() {
            if !file.is_file() {
                missing.push(format!("{}: {}", case.id, file.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing PKITS files:\n{}",
        missing.join("\n")
    );
}

#[test]
fn each_section_has_the_documented_number_of_tests() {
    let cases = pkits_cases();
    let mut per_section: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for case in &cases {
        per_section.entry(case.section()).or_default().push(case.id);
    }
    for (section, size) in PKITS_SECTION_SIZES {
        let ids = per_section.remove(section).unwrap_or_default();
        assert_eq!(ids.len(), size, "section {section}: {ids:?}");
        // Numbered 1..=size, each once.
        let numbers: BTreeSet<usize> = ids
            .iter()
            .map(|id| {
                id.rsplit('.')
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("number")
            })
            .collect();
        assert_eq!(numbers, (1..=size).collect(), "section {section}");
    }
    assert!(
        per_section.is_empty(),
        "unexpected sections {per_section:?}"
    );
}

#[test]
fn the_expected_result_is_the_one_the_test_name_states() {
    for case in pkits_cases() {
        let valid_name = case.name.starts_with("Valid ");
        assert_eq!(case.expected_valid, valid_name, "{} {}", case.id, case.name);
        let ee = case
            .end_entity()
            .file_name()
            .expect("name")
            .to_string_lossy();
        let prefix = if case.expected_valid {
            "Valid"
        } else {
            "Invalid"
        };
        assert!(ee.starts_with(prefix), "{}: {ee}", case.id);
        assert!(ee.ends_with("EE.crt"), "{}: {ee}", case.id);
        assert!(
            case.crls
                .iter()
                .any(|c| c.ends_with("TrustAnchorRootCRL.crl")),
            "{}: the anchor's CRL",
            case.id
        );
    }
}
