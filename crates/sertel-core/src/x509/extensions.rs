//! Helpers that make the certificate and request extensions Sertel uses, each with the
//! criticality RFC 5280 and the regency's profile ask for.

use const_oid::AssociatedOid;
use der::asn1::{Ia5String, ObjectIdentifier, OctetString};
use der::Encode;
use sha1::{Digest, Sha1};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::ext::pkix::certpolicy::{PolicyInformation, PolicyQualifierInfo};
use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::crl::CrlNumber;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{
    AccessDescription, AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints,
    CertificatePolicies, CrlDistributionPoints, CrlReason, ExtendedKeyUsage, KeyUsage,
    SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::Extension;

pub use x509_cert::ext::pkix::KeyUsages;

use super::X509Error;

/// `id-kp-timeStamping` (RFC 3161).
pub const OID_KP_TIME_STAMPING: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");
/// `id-kp-emailProtection`.
pub const OID_KP_EMAIL_PROTECTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.4");
/// `id-kp-OCSPSigning`.
pub const OID_KP_OCSP_SIGNING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.9");
/// `id-pkix-ocsp-nocheck` (RFC 6960 §4.2.2.2.1).
pub const OID_OCSP_NOCHECK: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1.5");
/// `id-ad-ocsp`.
const OID_AD_OCSP: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.1");
/// `id-ad-caIssuers`.
const OID_AD_CA_ISSUERS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.48.2");
/// `id-qt-cps`.
const OID_QT_CPS: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.2.1");

fn ext<T: AssociatedOid + Encode>(value: &T, critical: bool) -> Result<Extension, X509Error> {
    Ok(Extension {
        extn_id: T::OID,
        critical,
        extn_value: OctetString::new(value.to_der()?)?,
    })
}

fn ia5(value: &str) -> Result<Ia5String, X509Error> {
    Ia5String::new(value).map_err(|_| X509Error::InvalidExtensionValue(value.to_owned()))
}

fn uri(value: &str) -> Result<GeneralName, X509Error> {
    Ok(GeneralName::UniformResourceIdentifier(ia5(value)?))
}

/// basicConstraints, critical: `ca` with an optional path length.
pub fn basic_constraints(ca: bool, path_len: Option<u8>) -> Result<Extension, X509Error> {
    ext(
        &BasicConstraints {
            ca,
            path_len_constraint: path_len,
        },
        true,
    )
}

/// keyUsage, critical.
pub fn key_usage(usages: &[KeyUsages]) -> Result<Extension, X509Error> {
    let mut ku = KeyUsage(Default::default());
    for u in usages {
        ku.0 |= *u;
    }
    ext(&ku, true)
}

/// extendedKeyUsage. Pass `critical = true` for a TSA (RFC 3161 §2.3 requires it).
pub fn extended_key_usage(
    purposes: &[ObjectIdentifier],
    critical: bool,
) -> Result<Extension, X509Error> {
    ext(&ExtendedKeyUsage(purposes.to_vec()), critical)
}

/// extendedKeyUsage = timeStamping only, critical, as RFC 3161 requires of a TSA certificate.
pub fn time_stamping_eku() -> Result<Extension, X509Error> {
    extended_key_usage(&[OID_KP_TIME_STAMPING], true)
}

/// extendedKeyUsage = OCSPSigning only (not critical), as a delegated OCSP responder's
/// certificate carries it (RFC 6960 §4.2.2.2).
pub fn ocsp_signing_eku() -> Result<Extension, X509Error> {
    extended_key_usage(&[OID_KP_OCSP_SIGNING], false)
}

/// id-pkix-ocsp-nocheck (not critical, value NULL): the responder certificate's own status is
/// not to be checked (RFC 6960 §4.2.2.2.1); give such a certificate a short lifetime.
pub fn ocsp_no_check() -> Result<Extension, X509Error> {
    Ok(Extension {
        extn_id: OID_OCSP_NOCHECK,
        critical: false,
        extn_value: OctetString::new(der::asn1::Null.to_der()?)?,
    })
}

/// The key identifier of RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits.
pub fn key_identifier(spki: &SubjectPublicKeyInfoOwned) -> Vec<u8> {
    Sha1::digest(spki.subject_public_key.raw_bytes()).to_vec()
}

/// subjectKeyIdentifier (not critical).
pub fn subject_key_identifier(spki: &SubjectPublicKeyInfoOwned) -> Result<Extension, X509Error> {
    ext(
        &SubjectKeyIdentifier(OctetString::new(key_identifier(spki))?),
        false,
    )
}

/// authorityKeyIdentifier with the issuer's key identifier (not critical).
pub fn authority_key_identifier(
    issuer: &SubjectPublicKeyInfoOwned,
) -> Result<Extension, X509Error> {
    let aki = AuthorityKeyIdentifier {
        key_identifier: Some(OctetString::new(key_identifier(issuer))?),
        authority_cert_issuer: None,
        authority_cert_serial_number: None,
    };
    ext(&aki, false)
}

/// subjectAltName with one rfc822Name (not critical: the subject name is not empty).
pub fn subject_alt_name_email(email: &str) -> Result<Extension, X509Error> {
    ext(
        &SubjectAltName(vec![GeneralName::Rfc822Name(ia5(email)?)]),
        false,
    )
}

/// authorityInfoAccess with an OCSP responder and/or a caIssuers URL (not critical).
pub fn authority_info_access(
    ocsp: Option<&str>,
    ca_issuers: Option<&str>,
) -> Result<Extension, X509Error> {
    let mut v = Vec::new();
    if let Some(u) = ocsp {
        v.push(AccessDescription {
            access_method: OID_AD_OCSP,
            access_location: uri(u)?,
        });
    }
    if let Some(u) = ca_issuers {
        v.push(AccessDescription {
            access_method: OID_AD_CA_ISSUERS,
            access_location: uri(u)?,
        });
    }
    if v.is_empty() {
        return Err(X509Error::InvalidExtensionValue(
            "authorityInfoAccess without URLs".into(),
        ));
    }
    ext(&AuthorityInfoAccessSyntax(v), false)
}

/// cRLDistributionPoints with one distribution point holding the given URLs (not critical).
pub fn crl_distribution_points(urls: &[&str]) -> Result<Extension, X509Error> {
    if urls.is_empty() {
        return Err(X509Error::InvalidExtensionValue(
            "cRLDistributionPoints without URLs".into(),
        ));
    }
    let names = urls.iter().map(|u| uri(u)).collect::<Result<Vec<_>, _>>()?;
    let dp = DistributionPoint {
        distribution_point: Some(DistributionPointName::FullName(names)),
        reasons: None,
        crl_issuer: None,
    };
    ext(&CrlDistributionPoints(vec![dp]), false)
}

/// certificatePolicies (not critical): each policy OID with an optional CPS URL qualifier.
pub fn certificate_policies(
    policies: &[(ObjectIdentifier, Option<&str>)],
) -> Result<Extension, X509Error> {
    let mut v = Vec::with_capacity(policies.len());
    for (oid, cps) in policies {
        let qualifiers = match cps {
            Some(url) => Some(vec![PolicyQualifierInfo {
                policy_qualifier_id: OID_QT_CPS,
                qualifier: Some(der::Any::encode_from(&ia5(url)?)?),
            }]),
            None => None,
        };
        v.push(PolicyInformation {
            policy_identifier: *oid,
            policy_qualifiers: qualifiers,
        });
    }
    ext(&CertificatePolicies(v), false)
}

/// cRLNumber (RFC 5280 §5.2.3, not critical): `CRLNumber ::= INTEGER (0..MAX)`.
pub fn crl_number(number: u64) -> Result<Extension, X509Error> {
    let value = der::asn1::Uint::new(&number.to_be_bytes())?;
    ext(&CrlNumber(value), false)
}

/// reasonCode (RFC 5280 §5.3.1, a CRL entry extension, not critical).
pub fn crl_reason(reason: CrlReason) -> Result<Extension, X509Error> {
    ext(&reason, false)
}
