//! `GET /crl/regency-ca.crl`: the current CRL, DER.

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::{ApiError, AppState};

/// The CRL's content type (RFC 5280 §4.2.1.13 / RFC 2585).
pub const CRL_CONTENT_TYPE: &str = "application/pkix-crl";

/// Serves the stored CRL; relying parties may cache it for a minute.
pub async fn crl(State(state): State<AppState>) -> Result<Response, ApiError> {
    let der: Vec<u8> = sqlx::query_scalar("SELECT der FROM crl WHERE id = 1")
        .fetch_optional(state.db().pool())
        .await?
        .ok_or_else(|| ApiError::internal("no CRL has been published"))?;
    Ok((
        [
            (header::CONTENT_TYPE, CRL_CONTENT_TYPE),
            (header::CACHE_CONTROL, "public, max-age=60"),
        ],
        der,
    )
        .into_response())
}
