//! Reading applications: the list, one application, its documents and its certificate.
//!
//! Owners see only their own applications (another owner's is "not found", so its existence is
//! not revealed); verifiers and admins see all.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use sqlx::Row;

use super::documents::DocumentKind;
use super::view::{load_view, ApplicationView};
use crate::auth::{CurrentUser, Role};
use crate::{ApiError, AppState};

/// Loads an application the user may see.
async fn visible(
    state: &AppState,
    me: &CurrentUser,
    id: &str,
) -> Result<ApplicationView, ApiError> {
    let mut conn = state.db().pool().acquire().await?;
    let view = load_view(&mut conn, id).await?.ok_or(ApiError::NotFound)?;
    if me.role() == Role::Owner && view.owner_id != me.id() {
        return Err(ApiError::NotFound);
    }
    Ok(view)
}

/// `GET /api/v1/applications`: the owner's own, or all for staff, newest first.
pub async fn list(State(state): State<AppState>, me: CurrentUser) -> Result<Json<Value>, ApiError> {
    let all = me.role() != Role::Owner;
    let mut conn = state.db().pool().acquire().await?;
    let ids: Vec<String> = sqlx::query(
        "SELECT id FROM applications WHERE ($1 = 1 OR owner_id = $2) \
         ORDER BY created_at DESC, id LIMIT 500",
    )
    .bind(i64::from(all))
    .bind(me.id())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| r.try_get(0))
    .collect::<Result<_, _>>()?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(v) = load_view(&mut conn, &id).await? {
            out.push(v);
        }
    }
    Ok(Json(json!({"applications": out})))
}

/// `GET /api/v1/applications/{id}`.
pub async fn get(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<ApplicationView>, ApiError> {
    Ok(Json(visible(&state, &me, &id).await?))
}

/// `GET /api/v1/applications/{id}/documents/{kind}`: the document's bytes.
pub async fn document(
    State(state): State<AppState>,
    me: CurrentUser,
    Path((id, kind)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let view = visible(&state, &me, &id).await?;
    let kind = DocumentKind::parse(&kind).ok_or(ApiError::NotFound)?;
    let doc = view
        .documents
        .iter()
        .find(|d| d.kind == kind.as_str())
        .ok_or(ApiError::NotFound)?;
    let data = state
        .documents()
        .get(&doc.sha256)
        .await
        .map_err(ApiError::internal)?
        .ok_or_else(|| ApiError::internal(format!("document {} missing on disk", doc.sha256)))?;
    Ok((
        [
            (header::CONTENT_TYPE, doc.media_type.clone()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        data,
    )
        .into_response())
}

/// `GET /api/v1/applications/{id}/certificate`: the issued certificate, PEM.
pub async fn certificate(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    visible(&state, &me, &id).await?;
    let der: Vec<u8> = sqlx::query_scalar("SELECT der FROM certificates WHERE application_id = $1")
        .bind(&id)
        .fetch_optional(state.db().pool())
        .await?
        .ok_or(ApiError::NotFound)?;
    let cert = <sertel_core::x509::Certificate as der::Decode>::from_der(&der)
        .map_err(ApiError::internal)?;
    let pem = sertel_core::x509::certificate_to_pem(&cert).map_err(ApiError::internal)?;
    Ok((
        [(header::CONTENT_TYPE, "application/pem-certificate-chain")],
        pem,
    )
        .into_response())
}

/// `GET /ca/regency-ca.crt`: the CA certificate, DER (the AIA caIssuers location).
pub async fn ca_certificate(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/pkix-cert")],
        state.ca().certificate_der().to_vec(),
    )
        .into_response()
}
