//! Rules of `validate_structure` that PKITS and the test PKI do not reach, on certificates made
//! here with quick P-256 keys.

use const_oid::db::rfc5280 as oid;
use der::asn1::{BitString, Ia5String, OctetString};
use der::{Encode, Sequence};
use time::macros::datetime;
use time::OffsetDateTime;
use x509_cert::certificate::{Certificate, TbsCertificate, Version};
use x509_cert::ext::pkix::constraints::name::{GeneralSubtree, NameConstraints};
use x509_cert::ext::pkix::name::{GeneralName, OtherName};
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::time::Validity;

use super::*;
use crate::key::{KeyAlgorithm, LocalKey};
use crate::signer::Signer;
use crate::x509::{extensions as ext, random_serial, x509_time};

struct Entity {
    key: LocalKey,
    name: Name,
}

fn entity(cn: &str) -> Entity {
    Entity {
        key: LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key"),
        name: format!("CN={cn},O=Rules").parse().expect("name"),
    }
}

fn encoded<T: Encode>(id: der::asn1::ObjectIdentifier, critical: bool, value: &T) -> Extension {
    Extension {
        extn_id: id,
        critical,
        extn_value: OctetString::new(value.to_der().expect("der")).expect("octets"),
    }
}

fn ca_extensions() -> Vec<Extension> {
    vec![
        ext::basic_constraints(true, None).expect("bc"),
        ext::key_usage(&[ext::KeyUsages::KeyCertSign]).expect("ku"),
    ]
}

/// Signs a certificate without the checks of `x509::issue` (duplicates allowed).
fn make(
    issuer: &Entity,
    subject: &Entity,
    extensions: Vec<Extension>,
    version: Version,
    validity: (OffsetDateTime, OffsetDateTime),
) -> PathCertificate {
    let algorithm = issuer.key.algorithm().algorithm_identifier();
    let tbs = TbsCertificate {
        version,
        serial_number: random_serial().expect("serial"),
        signature: algorithm.clone(),
        issuer: issuer.name.clone(),
        validity: Validity {
            not_before: x509_time(validity.0).expect("time"),
            not_after: x509_time(validity.1).expect("time"),
        },
        subject: subject.name.clone(),
        subject_public_key_info: subject.key.public_key().clone(),
        issuer_unique_id: None,
        subject_unique_id: None,
        extensions: (!extensions.is_empty()).then_some(extensions),
    };
    let signature = issuer.key.sign(&tbs.to_der().expect("tbs")).expect("sign");
    let cert = Certificate {
        tbs_certificate: tbs,
        signature_algorithm: algorithm,
        signature: BitString::from_bytes(&signature).expect("bits"),
    };
    PathCertificate::from_der(&cert.to_der().expect("der")).expect("parse")
}

const VALIDITY: (OffsetDateTime, OffsetDateTime) = (
    datetime!(2025-01-01 00:00 UTC),
    datetime!(2030-01-01 00:00 UTC),
);
const NOW: OffsetDateTime = datetime!(2026-06-01 00:00 UTC);

fn cert(issuer: &Entity, subject: &Entity, extensions: Vec<Extension>) -> PathCertificate {
    make(issuer, subject, extensions, Version::V3, VALIDITY)
}

fn run(path: &[PathCertificate], anchor: &PathCertificate) -> Result<(), PathStatus> {
    let now = super::super::time::to_seconds(NOW);
    validate_structure(path, anchor, now, true, EndEntityUsage::Any)
}

fn kind(r: Result<(), PathStatus>) -> &'static str {
    use crate::i18n::Localized;
    match r {
        Ok(()) => "path_valid",
        Err(status) => status.kind(),
    }
}

#[test]
fn the_anchor_must_be_within_its_validity_unless_told_otherwise() {
    let (root, leaf) = (entity("Root"), entity("Leaf"));
    let old = (
        datetime!(2015-01-01 00:00 UTC),
        datetime!(2020-01-01 00:00 UTC),
    );
    let anchor = make(&root, &root, ca_extensions(), Version::V3, old);
    let path = [cert(&root, &leaf, vec![])];
    assert_eq!(kind(run(&path, &anchor)), "path_anchor_not_valid_at_time");
    let now = super::super::time::to_seconds(NOW);
    assert!(validate_structure(&path, &anchor, now, false, EndEntityUsage::Any).is_ok());
}

#[test]
fn issuer_names_must_chain() {
    let (root, other, leaf) = (entity("Root"), entity("Other"), entity("Leaf"));
    let anchor = cert(&root, &root, ca_extensions());
    // Signed by the root's key but naming another issuer.
    let misnamed = Entity {
        key: root.key,
        name: other.name.clone(),
    };
    let path = [cert(&misnamed, &leaf, vec![])];
    assert_eq!(kind(run(&path, &anchor)), "path_issuer_name_mismatch");
}

#[test]
fn broken_extensions_and_algorithm_mismatch_are_invalid() {
    let (root, leaf) = (entity("Root"), entity("Leaf"));
    let anchor = cert(&root, &root, ca_extensions());
    let bc = ext::basic_constraints(false, None).expect("bc");
    let duplicated = [cert(&root, &leaf, vec![bc.clone(), bc])];
    assert_eq!(kind(run(&duplicated, &anchor)), "path_malformed_extension");
    let mut garbage = ext::key_usage(&[ext::KeyUsages::DigitalSignature]).expect("ku");
    garbage.extn_value = OctetString::new(vec![0x05, 0x00]).expect("octets");
    assert_eq!(
        kind(run(&[cert(&root, &leaf, vec![garbage])], &anchor)),
        "path_malformed_extension"
    );
    // A version 1 CA cannot issue.
    let (ca, v1) = (entity("CA"), entity("Leaf"));
    let v1_ca = make(&root, &ca, vec![], Version::V1, VALIDITY);
    assert_eq!(
        kind(run(&[v1_ca, cert(&ca, &v1, vec![])], &anchor)),
        "path_issuer_not_ca"
    );
}

#[derive(Sequence)]
struct RequireExplicit {
    #[asn1(context_specific = "0", tag_mode = "IMPLICIT")]
    require: u32,
}

#[test]
fn policy_extensions_that_could_reject_the_path_make_it_indeterminate() {
    let (root, leaf) = (entity("Root"), entity("Leaf"));
    let anchor = cert(&root, &root, ca_extensions());
    let require = encoded(
        oid::ID_CE_POLICY_CONSTRAINTS,
        true,
        &RequireExplicit { require: 0 },
    );
    let mapping = Extension {
        extn_id: oid::ID_CE_POLICY_MAPPINGS,
        critical: true,
        extn_value: OctetString::new(vec![0x30, 0x00]).expect("octets"),
    };
    for e in [require, mapping] {
        let path = [cert(&root, &leaf, vec![e])];
        assert_eq!(kind(run(&path, &anchor)), "path_unprocessed_extension");
    }
}

fn subtree(base: GeneralName) -> GeneralSubtree {
    GeneralSubtree {
        base,
        minimum: 0,
        maximum: None,
    }
}

fn constrained_ca(root: &Entity, ca: &Entity, permitted: Vec<GeneralSubtree>) -> PathCertificate {
    let nc = NameConstraints {
        permitted_subtrees: Some(permitted),
        excluded_subtrees: None,
    };
    let mut extensions = ca_extensions();
    extensions.push(encoded(oid::ID_CE_NAME_CONSTRAINTS, true, &nc));
    cert(root, ca, extensions)
}

fn san(names: Vec<GeneralName>) -> Extension {
    encoded(
        oid::ID_CE_SUBJECT_ALT_NAME,
        false,
        &x509_cert::ext::pkix::SubjectAltName(names),
    )
}

#[test]
fn name_constraints_on_ip_addresses_and_unsupported_forms() {
    let (root, ca, leaf) = (entity("Root"), entity("CA"), entity("Leaf"));
    let anchor = cert(&root, &root, ca_extensions());
    let net =
        GeneralName::IpAddress(OctetString::new(vec![10, 0, 0, 0, 255, 0, 0, 0]).expect("ip"));
    let ip = |a: [u8; 4]| GeneralName::IpAddress(OctetString::new(a.to_vec()).expect("ip"));
    let ca_cert = constrained_ca(&root, &ca, vec![subtree(net)]);
    let inside = cert(&ca, &leaf, vec![san(vec![ip([10, 1, 2, 3])])]);
    assert_eq!(kind(run(&[ca_cert.clone(), inside], &anchor)), "path_valid");
    let outside = cert(&ca, &leaf, vec![san(vec![ip([192, 168, 0, 1])])]);
    assert_eq!(
        kind(run(&[ca_cert, outside], &anchor)),
        "path_name_constraint_violation"
    );

    let other = |v: u8| {
        GeneralName::OtherName(OtherName {
            type_id: der::asn1::ObjectIdentifier::new_unwrap("1.3.6.1.4.1.311.20.2.3"),
            value: der::Any::encode_from(&v).expect("value"),
        })
    };
    let ca_cert = constrained_ca(&root, &ca, vec![subtree(other(1))]);
    let with_other = cert(&ca, &leaf, vec![san(vec![other(2)])]);
    let r = run(&[ca_cert.clone(), with_other], &anchor);
    assert_eq!(kind(r), "path_unsupported_name_constraint");
    // The constraint does not apply to a certificate without a name of that form.
    let dns = GeneralName::DnsName(Ia5String::new("a.example.go.id").expect("dns"));
    let with_dns = cert(&ca, &leaf, vec![san(vec![dns.clone()])]);
    assert_eq!(
        kind(run(&[ca_cert, with_dns.clone()], &anchor)),
        "path_valid"
    );
    // A subtree with bounds is not processed.
    let mut bounded = subtree(GeneralName::DnsName(
        Ia5String::new("example.go.id").expect("dns"),
    ));
    bounded.maximum = Some(2);
    let ca_cert = constrained_ca(&root, &ca, vec![bounded]);
    let r = run(&[ca_cert, cert(&ca, &leaf, vec![san(vec![dns])])], &anchor);
    assert_eq!(kind(r), "path_unsupported_name_constraint");
}

#[test]
fn differing_signature_algorithm_fields_are_invalid() {
    let (root, leaf) = (entity("Root"), entity("Leaf"));
    let anchor = cert(&root, &root, ca_extensions());
    let good = cert(&root, &leaf, vec![]);
    let mut parsed = <Certificate as der::Decode>::from_der(good.der()).expect("decode");
    parsed.signature_algorithm.oid = der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
    let bent = PathCertificate::from_der(&parsed.to_der().expect("der")).expect("parse");
    assert_eq!(kind(run(&[bent], &anchor)), "path_signature_invalid");
}
