//! `POST /api/v1/applications/{id}/review`: a verifier approves or rejects.
//!
//! The side is the verifier's role (Badan or Dinas). When this approval is the second, the
//! embedded CA issues the certificate in the same transaction (unless issuance is left to the
//! national CA: then the application waits in `approved` for [`super::national`]).

use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

use super::issue::issue_certificate;
use super::lifecycle::{Action, Side, Status};
use super::repo;
use super::view::{load_view, ApplicationView};
use crate::api::{free_text, ApiJson, MAX_FREE_TEXT_LEN};
use crate::audit;
use crate::auth::{CurrentUser, Role};
use crate::events::record_event;
use crate::ids::{new_id, now_rfc3339};
use crate::{ApiError, AppState, Issuance};

/// Longest reason, in characters.
pub const MAX_REASON_LEN: usize = MAX_FREE_TEXT_LEN;

/// The decision.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Approve.
    Approve,
    /// Reject (a reason is required).
    Reject,
}

/// The review form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    /// Approve or reject.
    pub decision: Decision,
    /// Why; required when rejecting.
    #[serde(default)]
    pub reason: String,
}

/// Records the review; issues when both sides have approved.
pub async fn review(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<ReviewRequest>,
) -> Result<Json<ApplicationView>, ApiError> {
    let side = match me.role() {
        Role::VerifierBadan => Side::Badan,
        Role::VerifierDinas => Side::Dinas,
        _ => return Err(ApiError::Forbidden),
    };
    let reason = free_text("reason", &form.reason, form.decision == Decision::Reject)?;
    let action = match form.decision {
        Decision::Approve => Action::Approve(side),
        Decision::Reject => Action::Reject(side),
    };
    let mut tx = state.db().begin_write().await?;
    let mut app = repo::load(tx.conn(), &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let next = app.status.next(action)?;
    let now = now_rfc3339();
    let side_name = match side {
        Side::Badan => "badan",
        Side::Dinas => "dinas",
    };
    let decision_name = match form.decision {
        Decision::Approve => "approve",
        Decision::Reject => "reject",
    };
    sqlx::query(
        "INSERT INTO reviews (id, application_id, revision, side, decision, reason, verifier_id, \
         at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(new_id())
    .bind(&id)
    .bind(app.revision)
    .bind(side_name)
    .bind(decision_name)
    .bind(&reason)
    .bind(me.id())
    .bind(&now)
    .execute(tx.conn())
    .await?;
    repo::set_status(tx.conn(), &id, next, app.revision, &now).await?;
    let kind = match form.decision {
        Decision::Approve => "application.approved",
        Decision::Reject => "application.rejected",
    };
    record_event(&mut tx, &app.owner_id, &id, kind, next.as_str()).await?;
    audit::append(
        &mut tx,
        me.id(),
        &format!("application.review.{decision_name}"),
        &id,
        json!({"side": side_name, "revision": app.revision, "reason": reason, "state": next.as_str()}),
    )
    .await?;
    if next == Status::Approved && state.config().issuance == Issuance::Embedded {
        app.status = next;
        issue_certificate(&state, &mut tx, &app, me.id()).await?;
    }
    tx.commit().await?;
    state.notify_events();
    let mut conn = state.db().pool().acquire().await?;
    Ok(Json(
        load_view(&mut conn, &id).await?.ok_or(ApiError::NotFound)?,
    ))
}
