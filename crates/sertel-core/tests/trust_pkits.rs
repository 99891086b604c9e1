//! NIST PKITS (sections 4.1–4.7, 4.13, 4.14, 4.16) through `trust::validate_path`, with
//! revocation checking on (hard-fail) from each case's CRLs.
//!
//! Run with `SERTEL_VENV` pointing at a venv holding `cryptography-vectors`.

use std::collections::BTreeMap;

use sertel_core::i18n::{Lang, Localized};
use sertel_core::trust::{
    validate_path, CertPool, CrlSet, PathCertificate, PathOutcome, PathStatus, RevocationPolicy,
    TrustStore, ValidationOptions,
};
use test_support::pki::TEST_NOW;
use test_support::pkits::{pkits_cases, PkitsCase, PKITS_SECTION_SIZES};

/// Cases Sertel cannot decide as PKITS expects, why, and the status kind they must get
/// (never valid).
const KNOWN_UNSUPPORTED: &[(&str, &str, &str)] = &[
    (
        "4.1.4",
        "DSA signatures are not verified (aws-lc-rs has no DSA): indeterminate, PKITS says valid",
        "path_unsupported_algorithm",
    ),
    (
        "4.1.5",
        "DSA with parameters inherited from the issuer: indeterminate, PKITS says valid",
        "path_unsupported_algorithm",
    ),
    (
        "4.1.6",
        "DSA: the bad signature cannot be told from a good one, so indeterminate rather than \
         invalid (PKITS says invalid: the verdicts agree, the reason differs)",
        "path_unsupported_algorithm",
    ),
];

/// Why each path PKITS expects to fail is rejected (status kind); every other case is
/// `path_valid`. Invalid outcomes are facts about the certificates; indeterminate ones
/// (no path, revocation unknown under hard-fail) are what a missing or unusable CRL or a
/// broken name chain gives.
const REASONS: &[(&str, &str)] = &[
    ("4.1.2", "path_signature_invalid"),
    ("4.1.3", "path_signature_invalid"),
    ("4.2.1", "path_certificate_not_yet_valid"),
    ("4.2.2", "path_certificate_not_yet_valid"),
    ("4.2.5", "path_certificate_expired"),
    ("4.2.6", "path_certificate_expired"),
    ("4.2.7", "path_certificate_expired"),
    ("4.3.1", "path_no_path_to_anchor"),
    ("4.3.2", "path_no_path_to_anchor"),
    ("4.4.1", "path_revocation_unknown"),
    ("4.4.2", "path_certificate_revoked"),
    ("4.4.3", "path_certificate_revoked"),
    ("4.4.4", "path_revocation_unknown"),
    ("4.4.5", "path_revocation_unknown"),
    ("4.4.6", "path_revocation_unknown"),
    ("4.4.8", "path_revocation_unknown"),
    ("4.4.9", "path_revocation_unknown"),
    ("4.4.10", "path_revocation_unknown"),
    ("4.4.11", "path_revocation_unknown"),
    ("4.4.12", "path_revocation_unknown"),
    ("4.4.15", "path_certificate_revoked"),
    ("4.4.18", "path_certificate_revoked"),
    ("4.4.20", "path_certificate_revoked"),
    ("4.4.21", "path_revocation_unknown"),
    ("4.5.2", "path_certificate_revoked"),
    ("4.5.5", "path_certificate_revoked"),
    ("4.5.7", "path_certificate_revoked"),
    ("4.5.8", "path_issuer_not_ca"),
    ("4.6.1", "path_issuer_not_ca"),
    ("4.6.2", "path_issuer_not_ca"),
    ("4.6.3", "path_issuer_not_ca"),
    ("4.6.5", "path_length_exceeded"),
    ("4.6.6", "path_length_exceeded"),
    ("4.6.9", "path_length_exceeded"),
    ("4.6.10", "path_length_exceeded"),
    ("4.6.11", "path_length_exceeded"),
    ("4.6.12", "path_length_exceeded"),
    ("4.6.16", "path_length_exceeded"),
    ("4.7.1", "path_key_cert_sign_missing"),
    ("4.7.2", "path_key_cert_sign_missing"),
    ("4.7.4", "path_revocation_unknown"),
    ("4.7.5", "path_revocation_unknown"),
    ("4.13.2", "path_name_constraint_violation"),
    ("4.13.3", "path_name_constraint_violation"),
    ("4.13.7", "path_name_constraint_violation"),
    ("4.13.8", "path_name_constraint_violation"),
    ("4.13.9", "path_name_constraint_violation"),
    ("4.13.10", "path_name_constraint_violation"),
    ("4.13.12", "path_name_constraint_violation"),
    ("4.13.13", "path_name_constraint_violation"),
    ("4.13.15", "path_name_constraint_violation"),
    ("4.13.16", "path_name_constraint_violation"),
    ("4.13.17", "path_name_constraint_violation"),
    ("4.13.20", "path_name_constraint_violation"),
    ("4.13.22", "path_name_constraint_violation"),
    ("4.13.24", "path_name_constraint_violation"),
    ("4.13.26", "path_name_constraint_violation"),
    ("4.13.28", "path_name_constraint_violation"),
    ("4.13.29", "path_name_constraint_violation"),
    ("4.13.31", "path_name_constraint_violation"),
    ("4.13.33", "path_name_constraint_violation"),
    ("4.13.35", "path_name_constraint_violation"),
    ("4.13.37", "path_name_constraint_violation"),
    ("4.13.38", "path_name_constraint_violation"),
    ("4.14.2", "path_certificate_revoked"),
    ("4.14.3", "path_revocation_unknown"),
    ("4.14.6", "path_certificate_revoked"),
    ("4.14.8", "path_revocation_unknown"),
    ("4.14.9", "path_revocation_unknown"),
    ("4.14.11", "path_revocation_unknown"),
    ("4.14.12", "path_revocation_unknown"),
    ("4.14.14", "path_revocation_unknown"),
    ("4.14.15", "path_certificate_revoked"),
    ("4.14.16", "path_certificate_revoked"),
    ("4.14.17", "path_revocation_unknown"),
    ("4.14.20", "path_certificate_revoked"),
    ("4.14.21", "path_certificate_revoked"),
    ("4.14.23", "path_certificate_revoked"),
    ("4.14.26", "path_revocation_unknown"),
    ("4.14.27", "path_revocation_unknown"),
    ("4.14.31", "path_certificate_revoked"),
    ("4.14.32", "path_certificate_revoked"),
    ("4.14.34", "path_certificate_revoked"),
    ("4.14.35", "path_revocation_unknown"),
    ("4.16.2", "path_unknown_critical_extension"),
];

fn read(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn run(case: &PkitsCase) -> PathOutcome {
    let mut store = TrustStore::new();
    store.add_der(&read(&case.trust_anchor)).expect("anchor");
    let mut pool = CertPool::new();
    let (ee, intermediates) = case.path.split_last().expect("non-empty path");
    for file in intermediates.iter().chain(&case.other_certs) {
        pool.add_der(&read(file)).expect("pool certificate");
    }
    let mut crls = CrlSet::new();
    for file in &case.crls {
        crls.add_der(&read(file)).expect("CRL");
    }
    let ee = PathCertificate::from_der(&read(ee)).expect("end entity");
    let mut options = ValidationOptions::at(TEST_NOW);
    options.revocation = RevocationPolicy::HardFail;
    validate_path(&ee, &pool, &crls.into(), &store, &options)
}

#[test]
fn pkits_cases_give_the_documented_results() {
    let cases = pkits_cases();
    let mut per_section: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut disagreements = Vec::new();
    for case in &cases {
        let outcome = run(case);
        let valid = outcome.is_valid();
        let unsupported = KNOWN_UNSUPPORTED.iter().find(|(id, ..)| *id == case.id);
        let expected_kind = match unsupported {
            Some((_, _, kind)) => kind,
            None => REASONS
                .iter()
                .find(|(id, _)| *id == case.id)
                .map_or("path_valid", |(_, kind)| kind),
        };
        let agrees = valid == case.expected_valid;
        let entry = per_section.entry(case.section()).or_default();
        entry.1 += 1;
        entry.0 += usize::from(agrees);
        println!(
            "{:7} {:8} {:45} {}",
            case.id,
            if agrees { "agree" } else { "DISAGREE" },
            outcome.status.kind(),
            outcome.status.message(Lang::En)
        );
        assert_eq!(
            outcome.status.kind(),
            expected_kind,
            "{} {}",
            case.id,
            case.name
        );
        if let Some((_, why, _)) = unsupported {
            assert!(
                !valid,
                "{} is listed as unsupported ({why}) but came out valid",
                case.id
            );
        } else if !agrees {
            disagreements.push(format!("{} {}: {:?}", case.id, case.name, outcome.status));
        }
        if case.expected_valid && valid {
            assert_eq!(
                outcome.path.len(),
                case.path.len(),
                "{}: path length",
                case.id
            );
        }
        if !case.expected_valid {
            assert_ne!(outcome.status, PathStatus::Valid);
        }
    }
    for (section, (agree, total)) in &per_section {
        println!("section {section}: {agree}/{total} agree");
    }
    let expected_total: usize = PKITS_SECTION_SIZES.iter().map(|(_, n)| n).sum();
    assert_eq!(cases.len(), expected_total);
    assert!(
        disagreements.is_empty(),
        "disagreements:\n{}",
        disagreements.join("\n")
    );
}
