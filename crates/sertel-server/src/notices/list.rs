//! `GET /api/v1/agency-notices?status=<manual|pending|sent>`: the verifiers' queue of notices
//! to agencies, newest first.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sqlx::Row;

use crate::auth::CurrentUser;
use crate::{ApiError, AppState};

/// Most notices per answer.
pub const MAX_NOTICES: i64 = 500;

/// The filter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeQuery {
    /// Only notices in this status.
    #[serde(default)]
    pub status: Option<String>,
}

/// One notice.
#[derive(Clone, Debug, Serialize)]
pub struct NoticeView {
    /// Id.
    pub id: String,
    /// When it was written (the revocation's time).
    pub created_at: String,
    /// The application whose certificate was revoked.
    pub application_id: String,
    /// The certificate's serial number (hex).
    pub serial: String,
    /// The owner's request it follows, if any.
    pub request_id: Option<String>,
    /// The agency (the owner's registered unit).
    pub agency: String,
    /// The address from the request letter, if given.
    pub email: Option<String>,
    /// Subject line.
    pub subject: String,
    /// The notice's text.
    pub body: String,
    /// `manual` (the Dinas or Badan sends it), `pending` (for a mail relay) or `sent`.
    pub status: String,
    /// When it was sent.
    pub sent_at: Option<String>,
}

/// Lists the notices (verifiers only).
pub async fn list_notices(
    State(state): State<AppState>,
    me: CurrentUser,
    query: Result<Query<NoticeQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    if !me.role().is_verifier() {
        return Err(ApiError::Forbidden);
    }
    let Query(q) = query.map_err(|e| ApiError::Malformed(e.body_text()))?;
    if let Some(s) = &q.status {
        if !matches!(s.as_str(), "manual" | "pending" | "sent") {
            return Err(ApiError::InvalidField {
                field: "status",
                reason: "must be manual, pending or sent",
            });
        }
    }
    let rows = sqlx::query(
        "SELECT id, created_at, application_id, serial, request_id, agency, email, subject, \
         body, status, sent_at FROM agency_notices WHERE ($1 = '' OR status = $1) \
         ORDER BY created_at DESC, id LIMIT $2",
    )
    .bind(q.status.unwrap_or_default())
    .bind(MAX_NOTICES)
    .fetch_all(state.db().pool())
    .await?;
    let notices = rows
        .iter()
        .map(|r| {
            Ok(NoticeView {
                id: r.try_get(0)?,
                created_at: r.try_get(1)?,
                application_id: r.try_get(2)?,
                serial: r.try_get(3)?,
                request_id: r.try_get(4)?,
                agency: r.try_get(5)?,
                email: r.try_get(6)?,
                subject: r.try_get(7)?,
                body: r.try_get(8)?,
                status: r.try_get(9)?,
                sent_at: r.try_get(10)?,
            })
        })
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok(Json(json!({"notices": notices})))
}
