//! Reading and writing applications, their documents, reviews and certificates.

use serde::Serialize;
use sqlx::AnyConnection;
use sqlx::Row;

use super::documents::{DocumentKind, MediaType};
use super::holder::Holder;
use super::kind::ApplicationKind;
use super::lifecycle::Status;
use crate::ids::now_rfc3339;
use crate::ApiError;

/// An application row.
#[derive(Clone, Debug)]
pub struct ApplicationRow {
    /// Id.
    pub id: String,
    /// The owner's user id.
    pub owner_id: String,
    /// Status.
    pub status: Status,
    /// Revision: 1 at submission, +1 per resubmission.
    pub revision: i64,
    /// The CSR, DER.
    pub csr_der: Vec<u8>,
    /// New, renewal or re-issue.
    pub kind: ApplicationKind,
    /// The application a renewal or re-issue follows.
    pub previous_id: Option<String>,
    /// Whom the certificate is for: the owner, or an agency's seal.
    pub holder: Holder,
}

/// Application `id` if `owner_id` owns it; [`ApiError::NotFound`] otherwise, so that another
/// owner's application is indistinguishable from a missing one.
pub async fn load_owned(
    conn: &mut AnyConnection,
    id: &str,
    owner_id: &str,
) -> Result<ApplicationRow, ApiError> {
    load(conn, id)
        .await?
        .filter(|a| a.owner_id == owner_id)
        .ok_or(ApiError::NotFound)
}

/// Loads an application; `FOR UPDATE`-free: writers already hold the write lock.
pub async fn load(conn: &mut AnyConnection, id: &str) -> Result<Option<ApplicationRow>, ApiError> {
    let row = sqlx::query(
        "SELECT id, owner_id, state, revision, csr_der, kind, previous_id, seal_agency, \
         seal_email FROM applications WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        let state: String = r.try_get(2)?;
        let kind: String = r.try_get(5)?;
        Ok(ApplicationRow {
            id: r.try_get(0)?,
            owner_id: r.try_get(1)?,
            status: Status::parse(&state)
                .ok_or_else(|| ApiError::internal(format!("unknown state {state}")))?,
            revision: r.try_get(3)?,
            csr_der: r.try_get(4)?,
            kind: ApplicationKind::from_stored(&kind)?,
            previous_id: r.try_get(6)?,
            holder: Holder::from_stored(r.try_get(7)?, r.try_get(8)?),
        })
    })
    .transpose()
}

/// Whether an application blocks a new one for `holder`, leaving out `except` (the application
/// a renewal follows): for a person, the owner's own applications (not the seals they applied
/// for); for a seal, every application for the same agency's seal, whoever made it. An issued
/// application stops blocking once its certificate has expired.
pub async fn has_open(
    conn: &mut AnyConnection,
    owner_id: &str,
    holder: &Holder,
    except: Option<&str>,
) -> Result<bool, ApiError> {
    const SELECT: &str = "SELECT a.id, a.state, c.not_after FROM applications a \
         LEFT JOIN certificates c ON c.application_id = a.id WHERE ";
    let rows = match holder.agency() {
        None => {
            sqlx::query(&format!(
                "{SELECT}a.owner_id = $1 AND a.seal_agency IS NULL"
            ))
            .bind(owner_id)
            .fetch_all(conn)
            .await?
        }
        Some(agency) => {
            sqlx::query(&format!("{SELECT}lower(a.seal_agency) = lower($1)"))
                .bind(agency)
                .fetch_all(conn)
                .await?
        }
    };
    let now = now_rfc3339();
    for r in rows {
        let id: String = r.try_get(0)?;
        let s: String = r.try_get(1)?;
        let not_after: Option<String> = r.try_get(2)?;
        if except == Some(id.as_str()) {
            continue;
        }
        let status = Status::parse(&s);
        let expired = status == Some(Status::Issued) && not_after.is_some_and(|t| t < now);
        if !expired && !status.is_some_and(Status::allows_new_application) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The serial number (hex) and end of validity of an application's certificate.
pub async fn certificate_of(
    conn: &mut AnyConnection,
    application_id: &str,
) -> Result<Option<(String, String)>, ApiError> {
    let row = sqlx::query("SELECT serial, not_after FROM certificates WHERE application_id = $1")
        .bind(application_id)
        .fetch_optional(conn)
        .await?;
    row.map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).transpose()
}

/// Sets the status (and revision) of an application.
pub async fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    status: Status,
    revision: i64,
    now: &str,
) -> Result<(), ApiError> {
    sqlx::query("UPDATE applications SET state = $1, revision = $2, updated_at = $3 WHERE id = $4")
        .bind(status.as_str())
        .bind(revision)
        .bind(now)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Inserts or replaces one document reference.
pub async fn put_document(
    conn: &mut AnyConnection,
    application_id: &str,
    kind: DocumentKind,
    media: MediaType,
    sha256: &str,
    size: usize,
) -> Result<(), ApiError> {
    sqlx::query("DELETE FROM application_documents WHERE application_id = $1 AND kind = $2")
        .bind(application_id)
        .bind(kind.as_str())
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO application_documents (application_id, kind, sha256, size, media_type) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(application_id)
    .bind(kind.as_str())
    .bind(sha256)
    .bind(i64::try_from(size).map_err(ApiError::internal)?)
    .bind(media.mime())
    .execute(conn)
    .await?;
    Ok(())
}

/// A stored document's reference.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentRef {
    /// Field name, e.g. `ktp`.
    pub kind: String,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: i64,
    /// MIME type as sniffed.
    pub media_type: String,
}

/// The documents of an application.
pub async fn documents(
    conn: &mut AnyConnection,
    application_id: &str,
) -> Result<Vec<DocumentRef>, ApiError> {
    let rows = sqlx::query(
        "SELECT kind, sha256, size, media_type FROM application_documents \
         WHERE application_id = $1 ORDER BY kind",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(DocumentRef {
                kind: r.try_get(0)?,
                sha256: r.try_get(1)?,
                size: r.try_get(2)?,
                media_type: r.try_get(3)?,
            })
        })
        .collect()
}

/// Gives application `to` the documents of application `from` (a renewal or re-issue carries
/// them over; documents sent with it then replace theirs).
pub async fn copy_documents(
    conn: &mut AnyConnection,
    from: &str,
    to: &str,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO application_documents (application_id, kind, sha256, size, media_type) \
         SELECT $1, kind, sha256, size, media_type FROM application_documents \
         WHERE application_id = $2",
    )
    .bind(to)
    .bind(from)
    .execute(conn)
    .await?;
    Ok(())
}
