//! Appending an entry inside a write transaction.

use serde_json::Value;

use super::{canonical_json, AuditEntry};
use crate::db::WriteTx;
use crate::ids::now_rfc3339;
use crate::ApiError;

/// Appends an entry to the chain inside `tx`; if this fails, the caller's change fails with it.
pub async fn append(
    tx: &mut WriteTx,
    actor: &str,
    action: &str,
    subject: &str,
    data: Value,
) -> Result<AuditEntry, ApiError> {
    let entry = AuditEntry {
        seq: tx.last_seq + 1,
        at: now_rfc3339(),
        actor: actor.to_owned(),
        action: action.to_owned(),
        subject: subject.to_owned(),
        data,
    };
    let prev_hash = tx.last_hash.clone();
    let hash = entry
        .hash(&prev_hash)
        .ok_or_else(|| ApiError::internal("audit head holds a malformed hash"))?;
    sqlx::query(
        "INSERT INTO audit (seq, at, actor, action, subject, data, prev_hash, hash) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(entry.seq)
    .bind(&entry.at)
    .bind(&entry.actor)
    .bind(&entry.action)
    .bind(&entry.subject)
    .bind(canonical_json(&entry.data))
    .bind(&prev_hash)
    .bind(&hash)
    .execute(tx.conn())
    .await?;
    sqlx::query("UPDATE audit_head SET last_seq = $1, last_hash = $2 WHERE id = 1")
        .bind(entry.seq)
        .bind(&hash)
        .execute(tx.conn())
        .await?;
    tx.mark_audited(entry.seq, hash);
    Ok(entry)
}
