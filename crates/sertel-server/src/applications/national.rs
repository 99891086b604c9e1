//! `POST /api/v1/applications/{id}/certificate`: a verifier uploads the certificate the
//! national CA (BSrE) issued for an approved application's CSR, when the server runs with
//! [`crate::Issuance::National`].
//!
//! The body is the certificate, DER (`application/pkix-cert`) or PEM
//! (`application/pem-certificate-chain`, the first certificate is taken). It is accepted only
//! when its public key is the CSR's (the owner holds the private key), its subject is the one
//! the owner's registered profile gives (as the CSR's was), it is an end-entity certificate, and
//! it is valid now. It is then stored as the application's certificate exactly like one the
//! embedded CA issued (state `issued`, the owner's `certificate.issued` event, an audit entry
//! `certificate.upload` naming the issuer), so the owner's app syncs it the same way. The
//! embedded CA's CRL and OCSP responder do not speak for it (`issued_by = 'national'`).

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use der::{Decode, DecodePem, Encode};
use sertel_core::x509::{CertReq, Certificate};
use time::OffsetDateTime;

use super::issue::{record_issued, Issued, IssuedBy};
use super::repo::{self, ApplicationRow};
use super::view::{load_view, ApplicationView};
use crate::api::binary_body_of;
use crate::auth::CurrentUser;
use crate::users::User;
use crate::{ApiError, AppState};

/// Largest certificate upload accepted.
pub const MAX_CERTIFICATE_LEN: usize = 64 * 1024;

const DER: &str = "application/pkix-cert";
const PEM: &str = "application/pem-certificate-chain";

/// Why an uploaded certificate is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificateProblem {
    /// Not a certificate (DER or PEM) at all.
    Unreadable,
    /// Its public key is not the one in the application's CSR.
    KeyMismatch,
    /// Its subject is not the one the owner's profile gives.
    SubjectMismatch,
    /// It is a CA certificate.
    CaCertificate,
    /// It is not valid now (expired, or not yet valid).
    NotValidNow,
    /// Another application already has a certificate with this serial number.
    SerialTaken,
}

fn refused(p: CertificateProblem) -> ApiError {
    ApiError::CertificateRefused(p)
}

fn parse(media: &str, body: &[u8]) -> Result<(Certificate, Vec<u8>), ApiError> {
    let cert = match media {
        PEM => {
            let text =
                std::str::from_utf8(body).map_err(|_| refused(CertificateProblem::Unreadable))?;
            let start = text
                .find("-----BEGIN CERTIFICATE-----")
                .ok_or(refused(CertificateProblem::Unreadable))?;
            let end = text[start..]
                .find("-----END CERTIFICATE-----")
                .map(|e| start + e + "-----END CERTIFICATE-----".len())
                .ok_or(refused(CertificateProblem::Unreadable))?;
            Certificate::from_pem(&text[start..end])
        }
        _ => Certificate::from_der(body),
    }
    .map_err(|_| refused(CertificateProblem::Unreadable))?;
    let der = cert
        .to_der()
        .map_err(|_| refused(CertificateProblem::Unreadable))?;
    Ok((cert, der))
}

fn is_ca(cert: &Certificate) -> bool {
    use x509_cert::ext::pkix::BasicConstraints;
    cert.tbs_certificate
        .get::<BasicConstraints>()
        .ok()
        .flatten()
        .is_some_and(|(_, bc)| bc.ca)
}

/// Checks the certificate against the application's CSR and its owner's profile.
fn check(
    state: &AppState,
    cert: &Certificate,
    app: &ApplicationRow,
    owner: &User,
) -> Result<(), ApiError> {
    let csr = CertReq::from_der(&app.csr_der).map_err(ApiError::internal)?;
    let tbs = &cert.tbs_certificate;
    if tbs.subject_public_key_info != csr.info.public_key {
        return Err(refused(CertificateProblem::KeyMismatch));
    }
    let regency = &state.config().regency;
    if !app
        .holder
        .subject_matches(&owner.owner_profile(), regency, &tbs.subject)?
    {
        return Err(refused(CertificateProblem::SubjectMismatch));
    }
    if is_ca(cert) {
        return Err(refused(CertificateProblem::CaCertificate));
    }
    let now = OffsetDateTime::now_utc();
    let from = OffsetDateTime::from(tbs.validity.not_before.to_system_time());
    let until = OffsetDateTime::from(tbs.validity.not_after.to_system_time());
    if now < from || now > until {
        return Err(refused(CertificateProblem::NotValidNow));
    }
    Ok(())
}

/// Records the national CA's certificate for application `id`.
pub async fn upload_certificate(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<ApplicationView>, ApiError> {
    if !me.role().is_verifier() {
        return Err(ApiError::Forbidden);
    }
    let mut tx = state.db().begin_write().await?;
    let app = repo::load(tx.conn(), &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (media, body) = binary_body_of(
        &headers,
        body,
        &[DER, PEM],
        "application/pkix-cert (DER) or application/pem-certificate-chain (PEM)",
        MAX_CERTIFICATE_LEN,
    )?;
    let (cert, der) = parse(media, &body)?;
    app.status.next(super::Action::Issue)?;
    let owner = User::load(tx.conn(), &app.owner_id)
        .await?
        .ok_or_else(|| ApiError::internal("an application without its owner"))?;
    check(&state, &cert, &app, &owner)?;
    let serial = hex::encode(cert.tbs_certificate.serial_number.as_bytes());
    let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM certificates WHERE serial = $1")
        .bind(&serial)
        .fetch_one(tx.conn())
        .await?;
    if taken > 0 {
        return Err(refused(CertificateProblem::SerialTaken));
    }
    let issued = Issued {
        certificate: &cert,
        der: &der,
        issued_by: IssuedBy::National,
    };
    record_issued(&mut tx, &app, issued, me.id()).await?;
    tx.commit().await?;
    state.notify_events();
    let mut conn = state.db().pool().acquire().await?;
    Ok(Json(
        load_view(&mut conn, &id).await?.ok_or(ApiError::NotFound)?,
    ))
}
