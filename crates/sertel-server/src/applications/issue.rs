//! Issuance: by the embedded CA inside the transaction of the second approval, or recording a
//! certificate the national CA issued ([`super::national`]); both end in [`record_issued`].

use der::{Decode, Encode};
use serde_json::json;
use sertel_core::x509::{certificate_to_der, CertReq, Certificate};
use time::OffsetDateTime;

use super::holder::Holder;
use super::lifecycle::{Action, Status};
use super::repo::{self, ApplicationRow};
use crate::audit;
use crate::ca::{owner_certificate, seal_certificate, CertificateUrls};
use crate::db::WriteTx;
use crate::events::record_event;
use crate::ids::{now_rfc3339, rfc3339};
use crate::{ApiError, AppState};

/// Issues the certificate of an `approved` application with the embedded CA and records it
/// ([`record_issued`]), all in `tx`.
pub async fn issue_certificate(
    state: &AppState,
    tx: &mut WriteTx,
    app: &ApplicationRow,
    actor: &str,
) -> Result<(), ApiError> {
    app.status.next(Action::Issue)?;
    let csr = CertReq::from_der(&app.csr_der).map_err(ApiError::internal)?;
    let urls = CertificateUrls::under(&state.config().public_url);
    let (subject, key) = (&csr.info.subject, &csr.info.public_key);
    let now = OffsetDateTime::now_utc();
    let cert = match &app.holder {
        Holder::Person => {
            let owner_email: String = sqlx::query_scalar("SELECT email FROM users WHERE id = $1")
                .bind(&app.owner_id)
                .fetch_one(tx.conn())
                .await?;
            owner_certificate(state.ca(), subject, key, &owner_email, &urls, now)
        }
        Holder::Seal(seal) => {
            let email = seal.email_normalised();
            seal_certificate(state.ca(), subject, key, email.as_deref(), &urls, now)
        }
    }
    .map_err(ApiError::internal)?;
    let der = certificate_to_der(&cert).map_err(ApiError::internal)?;
    let issued = Issued {
        certificate: &cert,
        der: &der,
        issued_by: IssuedBy::Regency,
    };
    record_issued(tx, app, issued, actor).await
}

/// Which CA issued a certificate (the `issued_by` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssuedBy {
    /// The embedded CA of the regency.
    Regency,
    /// The national CA (BSrE); a verifier uploaded the certificate.
    National,
}

impl IssuedBy {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            IssuedBy::Regency => "regency",
            IssuedBy::National => "national",
        }
    }
}

/// A certificate for an application, however it was made.
#[derive(Clone, Copy, Debug)]
pub struct Issued<'a> {
    /// The certificate.
    pub certificate: &'a Certificate,
    /// Its DER, as stored and served.
    pub der: &'a [u8],
    /// By whom.
    pub issued_by: IssuedBy,
}

/// Stores the certificate of an `approved` application, moves the application to `issued`,
/// records the owner's event and the audit entry (`certificate.issue` or
/// `certificate.upload`), and supersedes the application a renewal or re-issue follows.
pub async fn record_issued(
    tx: &mut WriteTx,
    app: &ApplicationRow,
    issued: Issued<'_>,
    actor: &str,
) -> Result<(), ApiError> {
    let next = app.status.next(Action::Issue)?;
    let tbs = &issued.certificate.tbs_certificate;
    let serial = hex::encode(tbs.serial_number.as_bytes());
    let not_before = rfc3339(tbs.validity.not_before.to_system_time().into());
    let not_after = rfc3339(tbs.validity.not_after.to_system_time().into());
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO certificates (serial, application_id, owner_id, der, not_before, not_after, \
         issued_at, issued_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&serial)
    .bind(&app.id)
    .bind(&app.owner_id)
    .bind(issued.der)
    .bind(&not_before)
    .bind(&not_after)
    .bind(&now)
    .bind(issued.issued_by.as_str())
    .execute(tx.conn())
    .await?;
    repo::set_status(tx.conn(), &app.id, next, app.revision, &now).await?;
    record_event(
        tx,
        &app.owner_id,
        &app.id,
        "certificate.issued",
        next.as_str(),
    )
    .await?;
    let subject = tbs.subject.to_der().map_err(ApiError::internal)?;
    let sha256 = |d: &[u8]| hex::encode(aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, d));
    let mut data = json!({
        "serial": serial,
        "seal_agency": app.holder.agency(),
        "not_before": not_before,
        "not_after": not_after,
        "subject_sha256": sha256(&subject),
        "certificate_sha256": sha256(issued.der),
    });
    let action = match issued.issued_by {
        IssuedBy::Regency => "certificate.issue",
        IssuedBy::National => {
            data["issuer"] = json!(tbs.issuer.to_string());
            "certificate.upload"
        }
    };
    audit::append(tx, actor, action, &app.id, data).await?;
    debug_assert_eq!(next, Status::Issued);
    if let Some(previous) = &app.previous_id {
        supersede(tx, previous, &serial, actor).await?;
    }
    Ok(())
}

/// Marks the application a renewal or re-issue follows as superseded by `serial`, if it is
/// still `issued` (a revoked one stays revoked). Its certificate is not revoked.
async fn supersede(
    tx: &mut WriteTx,
    previous_id: &str,
    serial: &str,
    actor: &str,
) -> Result<(), ApiError> {
    let Some(previous) = repo::load(tx.conn(), previous_id).await? else {
        return Err(ApiError::internal("the previous application is missing"));
    };
    if previous.status != Status::Issued {
        return Ok(());
    }
    let next = previous.status.next(Action::Supersede)?;
    repo::set_status(
        tx.conn(),
        previous_id,
        next,
        previous.revision,
        &now_rfc3339(),
    )
    .await?;
    record_event(
        tx,
        &previous.owner_id,
        previous_id,
        "certificate.superseded",
        next.as_str(),
    )
    .await?;
    audit::append(
        tx,
        actor,
        "certificate.supersede",
        previous_id,
        json!({"superseded_by": serial}),
    )
    .await?;
    Ok(())
}
