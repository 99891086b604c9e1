//! `POST /api/v1/applications/{id}/revoke`: a verifier (Badan or Dinas) revokes a certificate
//! on their own evaluation (Pasal 17 ayat 1), with a reason and a comment.

use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;

use super::revoke::{finish, revoke_in, Revocation};
use super::Reason;
use crate::api::{free_text, ApiJson};
use crate::applications::repo;
use crate::applications::view::ApplicationView;
use crate::auth::CurrentUser;
use crate::{ApiError, AppState};

/// The verifier's decision.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeRequest {
    /// `unspecified`, `key_compromise`, `affiliation_changed`, `superseded`,
    /// `cessation_of_operation` or `privilege_withdrawn`.
    pub reason: String,
    /// The evaluation behind it (required).
    #[serde(default)]
    pub comment: String,
}

/// Revokes the certificate of application `id`.
pub async fn revoke(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<RevokeRequest>,
) -> Result<Json<ApplicationView>, ApiError> {
    if !me.role().is_verifier() {
        return Err(ApiError::Forbidden);
    }
    let reason = Reason::parse(&form.reason)?;
    let comment = free_text("comment", &form.comment, true)?;
    let mut tx = state.db().begin_write().await?;
    let app = repo::load(tx.conn(), &id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let revocation = Revocation {
        reason,
        actor: me.id(),
        request_id: None,
        comment: &comment,
    };
    revoke_in(&mut tx, &app, revocation).await?;
    finish(tx, &state, &id).await
}
