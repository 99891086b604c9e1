//! Creating the CA on first start.

use serde_json::json;
use sertel_core::key::{KeyAlgorithm, LocalKey, Passphrase};
use sertel_core::signer::Signer;
use sertel_core::x509::extensions::{
    basic_constraints, key_usage, subject_key_identifier, KeyUsages,
};
use sertel_core::x509::{build_name, issue, random_serial, CertificateTemplate, NameAttribute};
use sertel_core::x509::{certificate_to_der, Name};
use time::OffsetDateTime;

use super::{stored_key, CaError, CA_ID};
use crate::db::Db;
use crate::Config;

/// How long the CA certificate is valid.
pub const CA_VALIDITY_YEARS: i32 = 10;

/// The CA's subject: the regency's C, ST, L, O, the Dinas as OU, and a CN naming the CA.
pub fn ca_subject(config: &Config) -> Result<Name, CaError> {
    let r = &config.regency;
    let cn = format!("Sertel CA {}", r.locality);
    build_name(&[
        (NameAttribute::Country, &r.country),
        (NameAttribute::State, &r.state),
        (NameAttribute::Locality, &r.locality),
        (NameAttribute::Organization, &r.organization),
        (
            NameAttribute::OrganizationalUnit,
            "Dinas Komunikasi, Informatika, Statistik dan Persandian",
        ),
        (NameAttribute::CommonName, &cn),
    ])
    .map_err(|e| CaError::Certificate(e.to_string()))
}

fn add_years(t: OffsetDateTime, years: i32) -> OffsetDateTime {
    let target = t.year() + years;
    t.replace_year(target)
        .or_else(|_| (t - time::Duration::days(1)).replace_year(target))
        .unwrap_or(t + time::Duration::days(365 * i64::from(years)))
}

/// Years after `t`, minus one second (validity is inclusive).
pub(super) fn years_after(t: OffsetDateTime, years: i32) -> OffsetDateTime {
    add_years(t, years) - time::Duration::seconds(1)
}

fn self_signed(config: &Config, key: &LocalKey) -> Result<Vec<u8>, CaError> {
    let name = ca_subject(config)?;
    let now = OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or(OffsetDateTime::now_utc());
    let spki = key.public_key().clone();
    let cert_err = |e: sertel_core::x509::X509Error| CaError::Certificate(e.to_string());
    let template = CertificateTemplate {
        serial: random_serial().map_err(cert_err)?,
        issuer: name.clone(),
        subject: name,
        not_before: now,
        not_after: years_after(now, CA_VALIDITY_YEARS),
        subject_public_key: spki.clone(),
        extensions: vec![
            basic_constraints(true, Some(0)).map_err(cert_err)?,
            key_usage(&[KeyUsages::KeyCertSign, KeyUsages::CRLSign]).map_err(cert_err)?,
            subject_key_identifier(&spki).map_err(cert_err)?,
        ],
    };
    let cert = issue(&template, key).map_err(cert_err)?;
    certificate_to_der(&cert).map_err(cert_err)
}

/// Generates the key, self-signs, and stores both (the key encrypted) with an audit entry. If
/// another instance created the CA meanwhile, its CA is kept and this one discarded.
pub(super) async fn create(
    db: &Db,
    config: &Config,
    passphrase: &Passphrase,
) -> Result<(), CaError> {
    let config2 = config.clone();
    let (key, cert_der) = tokio::task::spawn_blocking(move || {
        let key =
            LocalKey::generate(KeyAlgorithm::Rsa3072).map_err(|e| CaError::Key(e.to_string()))?;
        let cert_der = self_signed(&config2, &key)?;
        Ok::<_, CaError>((key, cert_der))
    })
    .await
    .map_err(|e| CaError::Key(e.to_string()))??;
    let key_pem = stored_key::seal(key, passphrase).await?;
    stored_key::insert(
        db,
        CA_ID,
        &key_pem,
        &cert_der,
        "ca.create",
        json!({"key": "rsa-3072"}),
    )
    .await
}
