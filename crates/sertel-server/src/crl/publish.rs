//! Publishing a new CRL when one is due.

use serde_json::json;
use sertel_core::x509::{build_crl, crl_to_der, CrlTemplate, RevokedEntry};
use sqlx::{AnyConnection, Row};
use time::OffsetDateTime;
use x509_cert::serial_number::SerialNumber;

use super::{NEXT_UPDATE, REFRESH_AFTER};
use crate::audit;
use crate::ca::Ca;
use crate::db::Db;
use crate::ids::rfc3339;
use crate::revocation::{revoked_certificates, revoked_count};
use crate::{ApiError, AppState};

/// Whether the stored CRL is missing, misses a revocation, or is older than [`REFRESH_AFTER`].
async fn due(conn: &mut AnyConnection, now: OffsetDateTime) -> Result<bool, ApiError> {
    let Some(row) = sqlx::query("SELECT this_update, revoked_count FROM crl WHERE id = 1")
        .fetch_optional(&mut *conn)
        .await?
    else {
        return Ok(true);
    };
    let this_update: String = row.try_get(0)?;
    let listed: i64 = row.try_get(1)?;
    Ok(listed != revoked_count(conn).await? || this_update <= rfc3339(now - REFRESH_AFTER))
}

/// Publishes a new CRL of `state`'s CA if one is due; returns its number, or `None` when the
/// current one is still good.
pub async fn refresh(state: &AppState) -> Result<Option<i64>, ApiError> {
    refresh_with(state.db(), state.ca()).await
}

/// [`refresh`] with the database and CA given (used at start, before the state exists).
pub async fn refresh_with(db: &Db, ca: &Ca) -> Result<Option<i64>, ApiError> {
    let now = OffsetDateTime::now_utc();
    let mut conn = db.pool().acquire().await?;
    if !due(&mut conn, now).await? {
        return Ok(None);
    }
    drop(conn);
    let mut tx = db.begin_write().await?;
    // Another instance may have published while this one waited for the lock.
    if !due(tx.conn(), now).await? {
        return Ok(None);
    }
    let previous: Option<i64> = sqlx::query_scalar("SELECT number FROM crl WHERE id = 1")
        .fetch_optional(tx.conn())
        .await?;
    let number = previous.unwrap_or(0) + 1;
    let revoked = revoked_certificates(tx.conn()).await?;
    let this_update = now.replace_nanosecond(0).unwrap_or(now);
    let next_update = this_update + NEXT_UPDATE;
    let entries = revoked
        .iter()
        .map(|r| {
            Ok(RevokedEntry {
                serial: SerialNumber::new(&r.serial).map_err(ApiError::internal)?,
                revoked_at: r.revoked_at,
                reason: r.reason.crl_reason(),
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    let template = CrlTemplate {
        issuer: ca.name().clone(),
        issuer_key: ca
            .certificate()
            .tbs_certificate
            .subject_public_key_info
            .clone(),
        number: u64::try_from(number).map_err(ApiError::internal)?,
        this_update,
        next_update,
        entries,
    };
    let der = build_crl(&template, ca.key())
        .and_then(|crl| crl_to_der(&crl))
        .map_err(ApiError::internal)?;
    let (this_s, next_s) = (rfc3339(this_update), rfc3339(next_update));
    let listed = i64::try_from(revoked.len()).map_err(ApiError::internal)?;
    sqlx::query(
        "INSERT INTO crl (id, number, this_update, next_update, revoked_count, der) \
         VALUES (1, $1, $2, $3, $4, $5) ON CONFLICT (id) DO UPDATE SET number = excluded.number, \
         this_update = excluded.this_update, next_update = excluded.next_update, \
         revoked_count = excluded.revoked_count, der = excluded.der",
    )
    .bind(number)
    .bind(&this_s)
    .bind(&next_s)
    .bind(listed)
    .bind(&der)
    .execute(tx.conn())
    .await?;
    let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA256, &der);
    audit::append(
        &mut tx,
        "system",
        "crl.publish",
        "crl",
        json!({
            "number": number,
            "this_update": this_s,
            "next_update": next_s,
            "revoked": listed,
            "crl_sha256": hex::encode(digest),
        }),
    )
    .await?;
    tx.commit().await?;
    Ok(Some(number))
}
