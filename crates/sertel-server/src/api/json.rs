//! A JSON body extractor whose failures are bilingual [`ApiError`]s (400 or 415).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;

use crate::ApiError;

/// Like `axum::Json`, rejecting with [`ApiError`].
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::UnsupportedMediaType {
                expected: "application/json",
            }),
            Err(JsonRejection::BytesRejection(e)) => {
                if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    Err(ApiError::TooLarge {
                        part: "body".into(),
                        limit: crate::app::JSON_BODY_LIMIT,
                    })
                } else {
                    Err(ApiError::Malformed(e.body_text()))
                }
            }
            Err(e) => Err(ApiError::Malformed(e.body_text())),
        }
    }
}
