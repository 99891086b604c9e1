//! Writing an event inside a write transaction.

use crate::db::WriteTx;
use crate::ids::now_rfc3339;
use crate::ApiError;

/// Records that `application_id` (of `owner_id`) reached `state` through `kind`.
pub async fn record_event(
    tx: &mut WriteTx,
    owner_id: &str,
    application_id: &str,
    kind: &str,
    state: &str,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO events (at, owner_id, application_id, kind, state) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(now_rfc3339())
    .bind(owner_id)
    .bind(application_id)
    .bind(kind)
    .bind(state)
    .execute(tx.conn())
    .await?;
    Ok(())
}
