//! `POST /api/v1/applications/{id}/lost-key`: the owner reports that the key of this
//! certificate is lost, damaged, inaccessible or suspected used by someone else (Pasal 16
//! ayat 3, Pasal 19 huruf c). The certificate is revoked at once with reason keyCompromise — no
//! letter is waited for, since every hour it stays valid someone else may sign with it — and the
//! owner may then apply for a re-issue (`POST /api/v1/applications/{id}/reissue`) with the
//! statement letter of the head of the agency.

use axum::extract::{Path, State};
use axum::Json;
use serde::Deserialize;

use super::revoke::{finish, revoke_in, Revocation};
use super::Reason;
use crate::api::{free_text, ApiJson};
use crate::applications::repo;
use crate::applications::view::ApplicationView;
use crate::auth::{CurrentUser, Role};
use crate::{ApiError, AppState};

/// The report.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LostKeyReport {
    /// What happened, in the owner's words (optional).
    #[serde(default)]
    pub statement: String,
}

/// Revokes the owner's certificate of application `id` for a lost key.
pub async fn report_lost_key(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    ApiJson(form): ApiJson<LostKeyReport>,
) -> Result<Json<ApplicationView>, ApiError> {
    me.require(&[Role::Owner])?;
    let statement = free_text("statement", &form.statement, false)?;
    let mut tx = state.db().begin_write().await?;
    let app = repo::load_owned(tx.conn(), &id, me.id()).await?;
    let revocation = Revocation {
        reason: Reason::KeyCompromise,
        actor: me.id(),
        request_id: None,
        comment: &statement,
    };
    revoke_in(&mut tx, &app, revocation).await?;
    finish(tx, &state, &id).await
}
