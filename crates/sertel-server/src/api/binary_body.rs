//! The body of a binary request (RFC 3161 time-stamp queries, OCSP requests, uploaded
//! certificates): it must carry an accepted content type and fit the route's size limit;
//! anything else is the API's bilingual 4xx error.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::http::{header, HeaderMap, StatusCode};

use crate::ApiError;

/// The body, once its content type is `expected` and it was read within `limit` bytes.
pub fn binary_body(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    expected: &'static str,
    limit: usize,
) -> Result<Bytes, ApiError> {
    binary_body_of(headers, body, &[expected], expected, limit).map(|(_, b)| b)
}

/// The body and which of the `accepted` content types it carries (`described` names them in
/// the error), once it was read within `limit` bytes.
pub fn binary_body_of(
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    accepted: &[&'static str],
    described: &'static str,
    limit: usize,
) -> Result<(&'static str, Bytes), ApiError> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    let Some(found) = accepted
        .iter()
        .find(|t| essence.eq_ignore_ascii_case(t))
        .copied()
    else {
        return Err(ApiError::UnsupportedMediaType {
            expected: described,
        });
    };
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge {
                part: "body".into(),
                limit,
            }
        } else {
            ApiError::Malformed(e.body_text())
        }
    })?;
    Ok((found, body))
}
