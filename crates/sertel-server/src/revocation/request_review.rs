//! `POST /api/v1/revocation-requests/{id}/review`: a Badan or Dinas verifier approves (the
//! certificate is revoked with the reason asked for) or rejects (a reason is required) an
//! owner's pending request (Pasal 17 ayat 3).

use axum::extract::{Path, State};
use axum::Json;
use serde_json::json;

use super::request_view::{load_request, RevocationRequestView};
use super::revoke::{after_revocation, revoke_in, Revocation};
use super::Reason;
use crate::api::{free_text, ApiJson};
use crate::applications::repo;
use crate::applications::review::{Decision, ReviewRequest};
use crate::audit;
use crate::auth::CurrentUser;
use crate::events::record_event;
use crate::ids::now_rfc3339;
use crate::{ApiError, AppState};

/// A request's state as a static name, for [`ApiError::InvalidTransition`].
fn state_name(state: &str) -> &'static str {
    match state {
        "pending" => "pending",
        "approved" => "approved",
        "rejected" => "rejected",
        _ => "closed",
    }
}

/// Decides a pending request.
pub async fn review_request(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<ReviewRequest>,
) -> Result<Json<RevocationRequestView>, ApiError> {
    if !me.role().is_verifier() {
        return Err(ApiError::Forbidden);
    }
    let reason = free_text("reason", &form.reason, form.decision == Decision::Reject)?;
    let mut tx = state.db().begin_write().await?;
    let request = load_request(tx.conn(), &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if request.state != "pending" {
        return Err(ApiError::InvalidTransition {
            state: state_name(&request.state),
        });
    }
    let app = repo::load(tx.conn(), &request.application_id)
        .await?
        .ok_or_else(|| ApiError::internal("a request without its application"))?;
    let decided = match form.decision {
        Decision::Approve => "approved",
        Decision::Reject => "rejected",
    };
    sqlx::query(
        "UPDATE revocation_requests SET state = $1, decided_at = $2, decided_by = $3, \
         decision_reason = $4 WHERE id = $5",
    )
    .bind(decided)
    .bind(now_rfc3339())
    .bind(me.id())
    .bind(&reason)
    .bind(&id)
    .execute(tx.conn())
    .await?;
    match form.decision {
        Decision::Approve => {
            let revocation = Revocation {
                reason: Reason::from_stored(&request.reason)?,
                actor: me.id(),
                request_id: Some(&id),
                comment: &reason,
            };
            revoke_in(&mut tx, &app, revocation).await?;
            tx.commit().await?;
            after_revocation(&state).await;
        }
        Decision::Reject => {
            record_event(
                &mut tx,
                &app.owner_id,
                &app.id,
                "revocation.rejected",
                app.status.as_str(),
            )
            .await?;
            audit::append(
                &mut tx,
                me.id(),
                "revocation.review.reject",
                &id,
                json!({"application": app.id, "serial": request.serial, "reason": reason}),
            )
            .await?;
            tx.commit().await?;
            state.notify_events();
        }
    }
    let mut conn = state.db().pool().acquire().await?;
    Ok(Json(
        load_request(&mut conn, &id)
            .await?
            .ok_or(ApiError::NotFound)?,
    ))
}
