//! The router: every endpoint, in one table.

use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use axum::Router;

use crate::applications::{read, review, submit, upload::MAX_UPLOAD_BODY};
use crate::{consent, events, users, ApiError, AppState};

/// Largest JSON body accepted.
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// The OpenAPI 3.1 description of this API (served at `/api/v1/openapi.json`).
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON)
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// The whole application, for `serve` and for in-process tests.
pub fn app(state: AppState) -> Router {
    let uploads = Router::new()
        .route("/api/v1/applications", post(submit::submit))
        .route("/api/v1/applications/{id}/resubmit", post(submit::resubmit))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY));
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/consent", get(consent::current_consent))
        .route("/api/v1/owners", post(users::register_owner))
        .route("/api/v1/sessions", post(users::login))
        .route("/api/v1/sessions/current", delete(users::logout))
        .route("/api/v1/me", get(users::me))
        .route("/api/v1/users", post(users::create_staff))
        .route("/api/v1/applications", get(read::list))
        .route("/api/v1/applications/{id}", get(read::get))
        .route("/api/v1/applications/{id}/review", post(review::review))
        .route(
            "/api/v1/applications/{id}/documents/{kind}",
            get(read::document),
        )
        .route(
            "/api/v1/applications/{id}/certificate",
            get(read::certificate),
        )
        .route("/api/v1/events", get(events::list_events))
        .route("/api/v1/events/stream", get(events::event_stream))
        .route("/ca/regency-ca.crt", get(read::ca_certificate))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .merge(uploads)
        .fallback(not_found)
        .with_state(state)
}
