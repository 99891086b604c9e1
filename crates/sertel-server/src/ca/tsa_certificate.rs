//! The TSA's certificate profile (RFC 3161 §2.3, RFC 5280): issued by the regency CA to the
//! server's own timestamping key; extendedKeyUsage timeStamping only and critical, keyUsage
//! digitalSignature, key identifiers, AIA caIssuers and the CRL distribution point.

use sertel_core::signer::Signer;
use sertel_core::x509::extensions::{
    authority_info_access, authority_key_identifier, basic_constraints, crl_distribution_points,
    key_usage, subject_key_identifier, time_stamping_eku, KeyUsages,
};
use sertel_core::x509::{
    build_name, issue, random_serial, Certificate, CertificateTemplate, Name, NameAttribute,
    X509Error,
};
use spki::SubjectPublicKeyInfoOwned;
use time::OffsetDateTime;

use super::create::years_after;
use super::{Ca, CertificateUrls};
use crate::Config;

/// How long the TSA certificate is valid (never past the CA certificate's end).
pub const TSA_VALIDITY_YEARS: i32 = 5;

/// The TSA's subject: the regency's C, ST, L, O, the Dinas as OU, and a CN naming the TSA.
pub fn tsa_subject(config: &Config) -> Result<Name, X509Error> {
    let r = &config.regency;
    let cn = format!("Sertel TSA {}", r.locality);
    Ok(build_name(&[
        (NameAttribute::Country, r.country.as_str()),
        (NameAttribute::State, r.state.as_str()),
        (NameAttribute::Locality, r.locality.as_str()),
        (NameAttribute::Organization, r.organization.as_str()),
        (
            NameAttribute::OrganizationalUnit,
            "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        ),
        (NameAttribute::CommonName, cn.as_str()),
    ])?)
}

/// Issues the TSA certificate for `public_key`, valid from `now` for [`TSA_VALIDITY_YEARS`] or
/// until the CA certificate ends, whichever comes first.
pub fn tsa_certificate(
    ca: &Ca,
    config: &Config,
    public_key: &SubjectPublicKeyInfoOwned,
    now: OffsetDateTime,
) -> Result<Certificate, X509Error> {
    let now = now.replace_nanosecond(0).unwrap_or(now);
    let ca_end: OffsetDateTime = ca
        .certificate()
        .tbs_certificate
        .validity
        .not_after
        .to_system_time()
        .into();
    let urls = CertificateUrls::under(&config.public_url);
    let template = CertificateTemplate {
        serial: random_serial()?,
        issuer: ca.name().clone(),
        subject: tsa_subject(config)?,
        not_before: now,
        not_after: years_after(now, TSA_VALIDITY_YEARS).min(ca_end),
        subject_public_key: public_key.clone(),
        extensions: vec![
            basic_constraints(false, None)?,
            key_usage(&[KeyUsages::DigitalSignature])?,
            time_stamping_eku()?,
            subject_key_identifier(public_key)?,
            authority_key_identifier(ca.key().public_key())?,
            authority_info_access(None, Some(&urls.ca_issuers))?,
            crl_distribution_points(&[&urls.crl])?,
        ],
    };
    issue(&template, ca.key())
}
