//! What the API shows of an application.

use serde::Serialize;
use sqlx::AnyConnection;
use sqlx::Row;

use super::repo::{documents, DocumentRef};
use crate::ApiError;

/// One review decision.
#[derive(Clone, Debug, Serialize)]
pub struct ReviewView {
    /// The revision reviewed.
    pub revision: i64,
    /// `badan` or `dinas`.
    pub side: String,
    /// `approve` or `reject`.
    pub decision: String,
    /// The verifier's reason.
    pub reason: String,
    /// The verifier's user id.
    pub verifier_id: String,
    /// When.
    pub at: String,
}

/// The issued certificate's summary.
#[derive(Clone, Debug, Serialize)]
pub struct CertificateView {
    /// Serial number, hex.
    pub serial: String,
    /// Start of validity.
    pub not_before: String,
    /// End of validity.
    pub not_after: String,
    /// When it was revoked, if it was (then it is never valid again).
    pub revoked_at: Option<String>,
    /// Why it was revoked (`key_compromise`, `affiliation_changed`, …).
    pub revocation_reason: Option<String>,
}

/// An application as the API shows it.
#[derive(Clone, Debug, Serialize)]
pub struct ApplicationView {
    /// Id.
    pub id: String,
    /// The owner's user id.
    pub owner_id: String,
    /// The owner's full name, so verifiers see whose application it is.
    pub owner_name: String,
    /// Status (see `lifecycle`).
    pub state: String,
    /// `new`, `renewal` or `reissue`.
    pub kind: String,
    /// The application a renewal or re-issue follows.
    pub previous_id: Option<String>,
    /// For an electronic seal, the agency it is for; absent for a person's certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seal_agency: Option<String>,
    /// Revision.
    pub revision: i64,
    /// Key type of the CSR.
    pub key_kind: String,
    /// Version of the consent text agreed to.
    pub consent_version: String,
    /// When the consent was given.
    pub consent_at: String,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
    /// Documents.
    pub documents: Vec<DocumentRef>,
    /// Reviews, oldest first.
    pub reviews: Vec<ReviewView>,
    /// The certificate, once issued.
    pub certificate: Option<CertificateView>,
}

/// Loads the full view of an application.
pub async fn load_view(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<ApplicationView>, ApiError> {
    let Some(r) = sqlx::query(
        "SELECT id, owner_id, state, revision, key_kind, consent_version, consent_at, \
         created_at, updated_at, kind, previous_id, (SELECT full_name FROM users \
         WHERE users.id = applications.owner_id), seal_agency FROM applications WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(None);
    };
    let reviews = sqlx::query(
        "SELECT revision, side, decision, reason, verifier_id, at FROM reviews \
         WHERE application_id = $1 ORDER BY revision, at, side",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| {
        Ok(ReviewView {
            revision: r.try_get(0)?,
            side: r.try_get(1)?,
            decision: r.try_get(2)?,
            reason: r.try_get(3)?,
            verifier_id: r.try_get(4)?,
            at: r.try_get(5)?,
        })
    })
    .collect::<Result<Vec<_>, ApiError>>()?;
    let certificate = sqlx::query(
        "SELECT c.serial, c.not_before, c.not_after, r.revoked_at, r.reason FROM certificates c \
         LEFT JOIN revocations r ON r.serial = c.serial WHERE c.application_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .map(|c| {
        Ok::<_, ApiError>(CertificateView {
            serial: c.try_get(0)?,
            not_before: c.try_get(1)?,
            not_after: c.try_get(2)?,
            revoked_at: c.try_get(3)?,
            revocation_reason: c.try_get(4)?,
        })
    })
    .transpose()?;
    Ok(Some(ApplicationView {
        id: r.try_get(0)?,
        owner_id: r.try_get(1)?,
        owner_name: r.try_get(11)?,
        state: r.try_get(2)?,
        kind: r.try_get(9)?,
        previous_id: r.try_get(10)?,
        seal_agency: r.try_get(12)?,
        revision: r.try_get(3)?,
        key_kind: r.try_get(4)?,
        consent_version: r.try_get(5)?,
        consent_at: r.try_get(6)?,
        created_at: r.try_get(7)?,
        updated_at: r.try_get(8)?,
        documents: documents(conn, id).await?,
        reviews,
        certificate,
    }))
}
