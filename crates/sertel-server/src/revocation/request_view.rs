//! An owner's revocation request as stored and as the API shows it.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::ApiError;

/// The columns [`RevocationRequestView::from_row`] reads, in order.
pub const REQUEST_COLUMNS: &str =
    "id, application_id, owner_id, serial, reason, statement, letter_sha256, letter_size, state, \
     created_at, decided_at, decided_by, decision_reason";

/// A revocation request.
#[derive(Clone, Debug, Serialize)]
pub struct RevocationRequestView {
    /// Id.
    pub id: String,
    /// The application whose certificate it concerns.
    pub application_id: String,
    /// The owner's user id.
    pub owner_id: String,
    /// The certificate's serial number, hex.
    pub serial: String,
    /// The reason asked for.
    pub reason: String,
    /// The owner's explanation.
    pub statement: String,
    /// SHA-256 of the agency head's letter (PDF), hex.
    pub letter_sha256: String,
    /// Its size in bytes.
    pub letter_size: i64,
    /// `pending`, `approved`, `rejected`, or `closed` (the certificate was revoked otherwise).
    pub state: String,
    /// When it was made.
    pub created_at: String,
    /// When it was decided.
    pub decided_at: Option<String>,
    /// The verifier who decided.
    pub decided_by: Option<String>,
    /// The verifier's reason.
    pub decision_reason: Option<String>,
}

impl RevocationRequestView {
    /// Reads a row selected with [`REQUEST_COLUMNS`].
    pub fn from_row(r: &AnyRow) -> Result<RevocationRequestView, ApiError> {
        Ok(RevocationRequestView {
            id: r.try_get(0)?,
            application_id: r.try_get(1)?,
            owner_id: r.try_get(2)?,
            serial: r.try_get(3)?,
            reason: r.try_get(4)?,
            statement: r.try_get(5)?,
            letter_sha256: r.try_get(6)?,
            letter_size: r.try_get(7)?,
            state: r.try_get(8)?,
            created_at: r.try_get(9)?,
            decided_at: r.try_get(10)?,
            decided_by: r.try_get(11)?,
            decision_reason: r.try_get(12)?,
        })
    }
}

/// Loads one request.
pub async fn load_request(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<Option<RevocationRequestView>, ApiError> {
    let sql = format!("SELECT {REQUEST_COLUMNS} FROM revocation_requests WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(conn).await?;
    row.map(|r| RevocationRequestView::from_row(&r)).transpose()
}
