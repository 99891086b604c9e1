//! `POST /ocsp` (body: a DER `OCSPRequest`, `application/ocsp-request`) and
//! `GET /ocsp/{request}` (the request in base64, RFC 6960 Appendix A.1); both answer a DER
//! `OCSPResponse` as `application/ocsp-response`. An undecodable request gets the
//! `malformedRequest` response, as the RFC has it; a wrong content type or an oversize body gets
//! the API's bilingual 4xx error.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use sertel_core::ocsp::client::{request_from_get_path, REQUEST_MEDIA_TYPE, RESPONSE_MEDIA_TYPE};

use crate::{ApiError, AppState};

/// Largest request body accepted.
pub const MAX_REQUEST_LEN: usize = sertel_core::ocsp::MAX_REQUEST_BYTES;

fn reply(der: Bytes) -> Response {
    (
        [
            (header::CONTENT_TYPE, RESPONSE_MEDIA_TYPE),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        der,
    )
        .into_response()
}

/// `POST /ocsp`.
pub async fn post_request(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = crate::api::binary_body(&headers, body, REQUEST_MEDIA_TYPE, MAX_REQUEST_LEN)?;
    Ok(reply(super::answer(&state, body).await?))
}

/// `GET /ocsp/{request}`.
pub async fn get_request(
    State(state): State<AppState>,
    Path(encoded): Path<String>,
) -> Result<Response, ApiError> {
    // An undecodable path is answered like any malformed request.
    let request = request_from_get_path(&encoded).unwrap_or_default();
    Ok(reply(super::answer(&state, Bytes::from(request)).await?))
}
