//! The `Idempotency-Key` header: required on submissions so a retry never creates a second one.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::ApiError;

/// A key of 8–128 characters from `[A-Za-z0-9_-]` (a UUID fits).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdempotencyKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for IdempotencyKey {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let v = parts
            .headers
            .get("idempotency-key")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .ok_or(ApiError::IdempotencyKeyRequired)?;
        let ok = (8..=128).contains(&v.len())
            && v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if ok {
            Ok(IdempotencyKey(v.to_owned()))
        } else {
            Err(ApiError::IdempotencyKeyRequired)
        }
    }
}
