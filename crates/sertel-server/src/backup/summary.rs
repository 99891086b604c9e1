//! What a database snapshot holds, in a few numbers: written into the manifest at backup and
//! compared after restore.

use serde::{Deserialize, Serialize};
use sqlx::{AnyConnection, Row};

/// The counts and the audit head of one snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Users (owners and staff).
    pub users: i64,
    /// Applications.
    pub applications: i64,
    /// Certificates.
    pub certificates: i64,
    /// Revoked certificates.
    pub revocations: i64,
    /// Audit entries (the last sequence number).
    pub audit_entries: i64,
    /// The hash of the last audit entry.
    pub audit_head: String,
}

async fn count(conn: &mut AnyConnection, table: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(conn)
        .await
}

/// Reads the summary on `conn` (inside the caller's snapshot when it holds one).
pub(super) async fn read(conn: &mut AnyConnection) -> Result<Summary, sqlx::Error> {
    let head = sqlx::query("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    Ok(Summary {
        users: count(conn, "users").await?,
        applications: count(conn, "applications").await?,
        certificates: count(conn, "certificates").await?,
        revocations: count(conn, "revocations").await?,
        audit_entries: head.try_get(0)?,
        audit_head: head.try_get(1)?,
    })
}

/// The SHA-256 of every document the database refers to (application documents and
/// revocation request letters).
pub(super) async fn referenced_documents(
    conn: &mut AnyConnection,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT sha256 FROM application_documents \
         UNION SELECT letter_sha256 FROM revocation_requests ORDER BY 1",
    )
    .fetch_all(conn)
    .await
}
