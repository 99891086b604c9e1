//! The certificate extensions path validation reads (RFC 5280 §4.2), decoded once per
//! certificate, with the critical ones Sertel does not process singled out.

use const_oid::db::rfc5280 as oid;
use const_oid::ObjectIdentifier;
use der::Decode;
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, CrlDistributionPoints, ExtendedKeyUsage, KeyUsage,
    NameConstraints, PolicyConstraints, SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;

use crate::x509::extensions::OID_OCSP_NOCHECK;

/// `authorityInfoAccess`.
const OID_AIA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.1");
/// `subjectInfoAccess`.
const OID_SIA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.1.11");

/// Extensions that may be critical and that path validation accepts without acting on them:
/// what they say concerns the application (extended key usage), only informs (access
/// descriptions, issuer alternative names), or, with the default policy inputs Sertel uses
/// (any policy acceptable, no explicit policy required), cannot change the result
/// (certificatePolicies), or is read by the OCSP checks (id-pkix-ocsp-nocheck).
const ACCEPTED: [ObjectIdentifier; 6] = [
    oid::ID_CE_EXT_KEY_USAGE,
    OID_OCSP_NOCHECK,
    oid::ID_CE_CERTIFICATE_POLICIES,
    oid::ID_CE_ISSUER_ALT_NAME,
    OID_AIA,
    OID_SIA,
];

/// Why a certificate's extensions cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ExtensionFault {
    /// The extension appears more than once (RFC 5280 §4.2).
    Duplicate(ObjectIdentifier),
    /// The extension's value does not decode.
    Malformed(ObjectIdentifier),
}

/// What path validation needs from a certificate's extensions.
#[derive(Clone, Debug, Default)]
pub(crate) struct CertExtensions {
    /// basicConstraints.
    pub basic_constraints: Option<BasicConstraints>,
    /// keyUsage.
    pub key_usage: Option<KeyUsage>,
    /// subjectKeyIdentifier.
    pub subject_key_id: Option<Vec<u8>>,
    /// The keyIdentifier of authorityKeyIdentifier.
    pub authority_key_id: Option<Vec<u8>>,
    /// subjectAltName (empty when absent).
    pub subject_alt_names: Vec<GeneralName>,
    /// nameConstraints.
    pub name_constraints: Option<NameConstraints>,
    /// cRLDistributionPoints.
    pub crl_distribution_points: Option<Vec<DistributionPoint>>,
    /// The purposes of extendedKeyUsage, if present (none when it does not decode: path
    /// validation itself does not read it).
    pub extended_key_usage: Option<Vec<ObjectIdentifier>>,
    /// Whether id-pkix-ocsp-nocheck is present (a delegated OCSP responder whose own status
    /// is not checked).
    pub ocsp_no_check: bool,
    /// An extension Sertel recognises but does not evaluate, whose effect could reject the
    /// path: policyConstraints requiring an explicit policy, or a critical policyMappings,
    /// inhibitAnyPolicy or freshestCRL.
    pub unprocessed: Option<ObjectIdentifier>,
    /// The first critical extension Sertel does not know.
    pub unknown_critical: Option<ObjectIdentifier>,
}

impl CertExtensions {
    /// Whether basicConstraints marks the subject as a CA.
    pub(crate) fn is_ca(&self) -> bool {
        self.basic_constraints.as_ref().is_some_and(|bc| bc.ca)
    }
}

fn decode<'a, T: Decode<'a>>(e: &'a Extension) -> Result<T, ExtensionFault> {
    T::from_der(e.extn_value.as_bytes()).map_err(|_| ExtensionFault::Malformed(e.extn_id))
}

/// Decodes the extensions a path validator reads.
pub(crate) fn parse_extensions(list: &[Extension]) -> Result<CertExtensions, ExtensionFault> {
    let mut out = CertExtensions::default();
    for (i, e) in list.iter().enumerate() {
        if list[..i].iter().any(|earlier| earlier.extn_id == e.extn_id) {
            return Err(ExtensionFault::Duplicate(e.extn_id));
        }
        match e.extn_id {
            oid::ID_CE_BASIC_CONSTRAINTS => out.basic_constraints = Some(decode(e)?),
            oid::ID_CE_KEY_USAGE => out.key_usage = Some(decode(e)?),
            oid::ID_CE_SUBJECT_KEY_IDENTIFIER => {
                let ski: SubjectKeyIdentifier = decode(e)?;
                out.subject_key_id = Some(ski.0.as_bytes().to_vec());
            }
            oid::ID_CE_AUTHORITY_KEY_IDENTIFIER => {
                let aki: AuthorityKeyIdentifier = decode(e)?;
                out.authority_key_id = aki.key_identifier.map(|k| k.as_bytes().to_vec());
            }
            oid::ID_CE_SUBJECT_ALT_NAME => {
                let san: SubjectAltName = decode(e)?;
                out.subject_alt_names = san.0;
            }
            oid::ID_CE_NAME_CONSTRAINTS => out.name_constraints = Some(decode(e)?),
            oid::ID_CE_CRL_DISTRIBUTION_POINTS => {
                let dps: CrlDistributionPoints = decode(e)?;
                out.crl_distribution_points = Some(dps.0);
            }
            oid::ID_CE_EXT_KEY_USAGE => {
                // Path validation does not act on it; an unreadable one grants no purpose.
                let eku: Result<ExtendedKeyUsage, _> = decode(e);
                out.extended_key_usage = Some(eku.map(|k| k.0).unwrap_or_default());
            }
            OID_OCSP_NOCHECK => out.ocsp_no_check = true,
            oid::ID_CE_POLICY_CONSTRAINTS => {
                let pc: PolicyConstraints = decode(e)?;
                if pc.require_explicit_policy.is_some() {
                    out.unprocessed.get_or_insert(e.extn_id);
                }
            }
            oid::ID_CE_POLICY_MAPPINGS
            | oid::ID_CE_INHIBIT_ANY_POLICY
            | oid::ID_CE_FRESHEST_CRL
                if e.critical =>
            {
                out.unprocessed.get_or_insert(e.extn_id);
            }
            other if e.critical && !ACCEPTED.contains(&other) => {
                out.unknown_critical.get_or_insert(other);
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::asn1::OctetString;

    fn ext(id: ObjectIdentifier, critical: bool, value: &[u8]) -> Extension {
        Extension {
            extn_id: id,
            critical,
            extn_value: OctetString::new(value).expect("octets"),
        }
    }

    #[test]
    fn duplicates_and_garbage_are_faults() {
        let bc = ext(
            oid::ID_CE_BASIC_CONSTRAINTS,
            true,
            &[0x30, 0x03, 0x01, 0x01, 0xff],
        );
        assert!(parse_extensions(std::slice::from_ref(&bc))
            .expect("bc")
            .is_ca());
        assert_eq!(
            parse_extensions(&[bc.clone(), bc]).err(),
            Some(ExtensionFault::Duplicate(oid::ID_CE_BASIC_CONSTRAINTS))
        );
        let bad = ext(oid::ID_CE_KEY_USAGE, true, &[0x05, 0x00]);
        assert_eq!(
            parse_extensions(&[bad]).err(),
            Some(ExtensionFault::Malformed(oid::ID_CE_KEY_USAGE))
        );
    }

    #[test]
    fn critical_extensions_are_sorted_out() {
        let private = ObjectIdentifier::new_unwrap("2.16.840.1.101.2.1.12.2");
        let parsed = parse_extensions(&[
            ext(private, false, &[0x05, 0x00]),
            ext(oid::ID_CE_EXT_KEY_USAGE, true, &[0x30, 0x00]),
        ])
        .expect("fine");
        assert!(parsed.unknown_critical.is_none() && parsed.unprocessed.is_none());
        let parsed = parse_extensions(&[ext(private, true, &[0x05, 0x00])]).expect("parsed");
        assert_eq!(parsed.unknown_critical, Some(private));
        // policyConstraints { requireExplicitPolicy 0 }
        let pc = ext(
            oid::ID_CE_POLICY_CONSTRAINTS,
            false,
            &[0x30, 0x03, 0x80, 0x01, 0x00],
        );
        let mapping = ext(oid::ID_CE_POLICY_MAPPINGS, true, &[0x30, 0x00]);
        for e in [pc, mapping] {
            let id = e.extn_id;
            assert_eq!(parse_extensions(&[e]).expect("p").unprocessed, Some(id));
        }
    }
}
