//! Reading revocation requests: the list, one request, its letter. Owners see only their own
//! (another owner's is "not found"); verifiers and admins see all.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::request_view::{load_request, RevocationRequestView, REQUEST_COLUMNS};
use crate::auth::{CurrentUser, Role};
use crate::{ApiError, AppState};

async fn visible(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
) -> Result<RevocationRequestView, ApiError> {
    let mut conn = state.db().pool().acquire().await?;
    let view = load_request(&mut conn, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if me.role() == Role::Owner && view.owner_id != me.id() {
        return Err(ApiError::NotFound);
    }
    Ok(view)
}

/// `GET /api/v1/revocation-requests`: the owner's own, or all for staff, newest first.
pub async fn list_requests(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<Json<Value>, ApiError> {
    let all = me.role() != Role::Owner;
    let sql = format!(
        "SELECT {REQUEST_COLUMNS} FROM revocation_requests WHERE ($1 = 1 OR owner_id = $2) \
         ORDER BY created_at DESC, id LIMIT 500"
    );
    let rows = sqlx::query(&sql)
        .bind(i64::from(all))
        .bind(me.id())
        .fetch_all(state.db().pool())
        .await?;
    let requests = rows
        .iter()
        .map(RevocationRequestView::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Json(json!({ "revocation_requests": requests })))
}

/// `GET /api/v1/revocation-requests/{id}`.
pub async fn get_request(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<RevocationRequestView>, ApiError> {
    Ok(Json(visible(&state, &me, &id).await?))
}

/// `GET /api/v1/revocation-requests/{id}/letter`: the agency head's letter, PDF.
pub async fn request_letter(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let view = visible(&state, &me, &id).await?;
    let data = state
        .documents()
        .get(&view.letter_sha256)
        .await
        .map_err(ApiError::internal)?
        .ok_or_else(|| ApiError::internal(format!("letter {} missing", view.letter_sha256)))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        data,
    )
        .into_response())
}
