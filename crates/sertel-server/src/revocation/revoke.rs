//! Revoking a certificate inside a write transaction: the one path every revocation takes
//! (a verifier's decision, an approved owner's request, a lost-key report).

use axum::Json;
use serde_json::json;

use crate::applications::repo::{self, ApplicationRow};
use crate::applications::view::{load_view, ApplicationView};
use crate::applications::Action;
use crate::audit;
use crate::db::WriteTx;
use crate::events::record_event;
use crate::ids::now_rfc3339;
use crate::notices::{record_notice, Revoked};
use crate::{ApiError, AppState};

use super::Reason;

/// What is being revoked, why and by whom.
#[derive(Clone, Copy, Debug)]
pub struct Revocation<'a> {
    /// Why.
    pub reason: Reason,
    /// The user id who decided (the owner for a lost-key report).
    pub actor: &'a str,
    /// The owner's request this carries out, if any.
    pub request_id: Option<&'a str>,
    /// The decider's words, kept in the audit log.
    pub comment: &'a str,
}

/// Revokes the certificate of `app` in `tx`: the revocation row (insert-only), the application
/// state `revoked`, any other pending request on the certificate closed, the owner's event, the
/// notice to the owner's agency (Pasal 17 ayat 5) and the audit entry. Returns the serial number (hex). Refused unless the application is `issued`
/// or `superseded`.
pub async fn revoke_in(
    tx: &mut WriteTx,
    app: &ApplicationRow,
    r: Revocation<'_>,
) -> Result<String, ApiError> {
    let next = app.status.next(Action::Revoke)?;
    let (serial, _) = repo::certificate_of(tx.conn(), &app.id)
        .await?
        .ok_or_else(|| ApiError::internal("an issued application without a certificate"))?;
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO revocations (serial, revoked_at, reason, actor, request_id) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&serial)
    .bind(&now)
    .bind(r.reason.as_str())
    .bind(r.actor)
    .bind(r.request_id)
    .execute(tx.conn())
    .await?;
    repo::set_status(tx.conn(), &app.id, next, app.revision, &now).await?;
    sqlx::query(
        "UPDATE revocation_requests SET state = 'closed', decided_at = $1, \
         decision_reason = 'the certificate was revoked' \
         WHERE serial = $2 AND state = 'pending' AND id <> $3",
    )
    .bind(&now)
    .bind(&serial)
    .bind(r.request_id.unwrap_or_default())
    .execute(tx.conn())
    .await?;
    record_event(
        tx,
        &app.owner_id,
        &app.id,
        "certificate.revoked",
        next.as_str(),
    )
    .await?;
    let revoked = Revoked {
        app,
        serial: &serial,
        reason: r.reason,
        request_id: r.request_id,
    };
    let notice = record_notice(tx, revoked).await?;
    audit::append(
        tx,
        r.actor,
        "certificate.revoke",
        &app.id,
        json!({
            "serial": serial,
            "reason": r.reason.as_str(),
            "request": r.request_id,
            "comment": r.comment,
            "agency_notice": notice,
        }),
    )
    .await?;
    Ok(serial)
}

/// After a revocation committed: wakes the event streams and publishes a new CRL at once. If
/// publishing fails here, the background refresher publishes it within
/// [`crate::crl::CHECK_INTERVAL`].
pub async fn after_revocation(state: &AppState) {
    state.notify_events();
    if let Err(e) = crate::crl::refresh(state).await {
        tracing::warn!(error = %e, "publishing the CRL after a revocation failed; will retry");
    }
}

/// Commits a revocation, then [`after_revocation`], and answers with the application.
pub async fn finish(
    tx: WriteTx,
    state: &AppState,
    application_id: &str,
) -> Result<Json<ApplicationView>, ApiError> {
    tx.commit().await?;
    after_revocation(state).await;
    let mut conn = state.db().pool().acquire().await?;
    Ok(Json(
        load_view(&mut conn, application_id)
            .await?
            .ok_or(ApiError::NotFound)?,
    ))
}
