//! The owner's certificate profile (RFC 5280): 2 years, keyUsage digitalSignature +
//! nonRepudiation + keyEncipherment (RSA) or keyAgreement (EC), subjectAltName e-mail, key identifiers, AIA (OCSP, CA issuer), CRL
//! distribution point.

use sertel_core::sigcheck::{public_key_kind, PublicKeyKind};
use sertel_core::signer::Signer;
use sertel_core::x509::extensions::{
    authority_info_access, authority_key_identifier, basic_constraints, crl_distribution_points,
    key_usage, subject_alt_name_email, subject_key_identifier, KeyUsages,
};
use sertel_core::x509::{issue, random_serial, Certificate, CertificateTemplate, X509Error};
use spki::SubjectPublicKeyInfoOwned;
use time::OffsetDateTime;
use x509_cert::ext::Extension;

use super::create::years_after;
use super::Ca;

/// How long an owner's certificate is valid (Pasal 18 ayat 1).
pub const OWNER_VALIDITY_YEARS: i32 = 2;

/// Where relying parties find the CA's services; derived from the public URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateUrls {
    /// OCSP responder.
    pub ocsp: String,
    /// The CA certificate (DER).
    pub ca_issuers: String,
    /// The CRL (DER).
    pub crl: String,
}

impl CertificateUrls {
    /// The URLs under `public_url` (no trailing slash).
    pub fn under(public_url: &str) -> CertificateUrls {
        let base = public_url.trim_end_matches('/');
        CertificateUrls {
            ocsp: format!("{base}/ocsp"),
            ca_issuers: format!("{base}/ca/regency-ca.crt"),
            crl: format!("{base}/crl/regency-ca.crl"),
        }
    }
}

/// Issues the owner's certificate for an approved request: subject and key from the request
/// (whose subject was checked against the profile at submission), valid from `now` for
/// [`OWNER_VALIDITY_YEARS`].
pub fn owner_certificate(
    ca: &Ca,
    subject: &sertel_core::x509::Name,
    public_key: &SubjectPublicKeyInfoOwned,
    email: &str,
    urls: &CertificateUrls,
    now: OffsetDateTime,
) -> Result<Certificate, X509Error> {
    end_entity_certificate(ca, subject, public_key, Some(email), Vec::new(), urls, now)
}

/// What an end-entity key may do: sign (digitalSignature + nonRepudiation) and receive protected
/// documents (Pasal 12 huruf b) — keyEncipherment for an RSA key, keyAgreement for an EC key
/// (RFC 5480 forbids keyEncipherment on EC keys).
fn key_usages(public_key: &SubjectPublicKeyInfoOwned) -> Vec<KeyUsages> {
    let mut usages = vec![KeyUsages::DigitalSignature, KeyUsages::NonRepudiation];
    match public_key_kind(public_key) {
        Ok(PublicKeyKind::Rsa { .. }) => usages.push(KeyUsages::KeyEncipherment),
        Ok(PublicKeyKind::Ec(_)) => usages.push(KeyUsages::KeyAgreement),
        _ => {}
    }
    usages
}

/// The end-entity profile shared by a person's certificate and an electronic seal's: the
/// extensions above (subjectAltName only when `email` is given), then `extra`.
pub(super) fn end_entity_certificate(
    ca: &Ca,
    subject: &sertel_core::x509::Name,
    public_key: &SubjectPublicKeyInfoOwned,
    email: Option<&str>,
    extra: Vec<Extension>,
    urls: &CertificateUrls,
    now: OffsetDateTime,
) -> Result<Certificate, X509Error> {
    let now = now.replace_nanosecond(0).unwrap_or(now);
    let mut extensions = vec![
        basic_constraints(false, None)?,
        key_usage(&key_usages(public_key))?,
    ];
    if let Some(email) = email {
        extensions.push(subject_alt_name_email(email)?);
    }
    extensions.extend([
        subject_key_identifier(public_key)?,
        authority_key_identifier(ca.key().public_key())?,
        authority_info_access(Some(&urls.ocsp), Some(&urls.ca_issuers))?,
        crl_distribution_points(&[&urls.crl])?,
    ]);
    extensions.extend(extra);
    let template = CertificateTemplate {
        serial: random_serial()?,
        issuer: ca.name().clone(),
        subject: subject.clone(),
        not_before: now,
        not_after: years_after(now, OWNER_VALIDITY_YEARS),
        subject_public_key: public_key.clone(),
        extensions,
    };
    issue(&template, ca.key())
}
