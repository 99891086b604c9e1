//! The body of a binary protocol request (RFC 3161 time-stamp queries, OCSP requests): it must
//! carry the protocol's content type and fit the route's size limit; anything else is the API's
//! bilingual 4xx error.

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
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case(expected) {
        return Err(ApiError::UnsupportedMediaType { expected });
    }
    body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge {
                part: "body".into(),
                limit,
            }
        } else {
            ApiError::Malformed(e.body_text())
        }
    })
}
