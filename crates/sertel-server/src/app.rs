//! The router: every endpoint, in one table.

use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{delete, get, post};
use axum::Router;

use crate::applications::{
    follow_up, national, read, review, seal, submit, upload::MAX_UPLOAD_BODY,
};
use crate::revocation::{direct, lost_key, request_read, request_review, request_submit};
use crate::verification::{page as verify_page, register as documents};
use crate::{consent, crl, events, health, notices, ocsp, tsa, users, ApiError, AppState};

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
        .route("/api/v1/seal-applications", post(seal::submit_seal))
        .route("/api/v1/applications/{id}/resubmit", post(submit::resubmit))
        .route("/api/v1/applications/{id}/renew", post(follow_up::renew))
        .route(
            "/api/v1/applications/{id}/reissue",
            post(follow_up::reissue),
        )
        .route(
            "/api/v1/applications/{id}/revocation-requests",
            post(request_submit::request_revocation),
        )
        .layer(DefaultBodyLimit::max(MAX_UPLOAD_BODY));
    let timestamps = Router::new()
        .route("/tsa", post(tsa::endpoint::timestamp))
        .layer(DefaultBodyLimit::max(tsa::endpoint::MAX_QUERY_LEN));
    let ocsp_requests = Router::new()
        .route("/ocsp", post(ocsp::endpoint::post_request))
        .layer(DefaultBodyLimit::max(ocsp::endpoint::MAX_REQUEST_LEN));
    let verification_uploads = Router::new()
        .route("/v", post(verify_page::check_any))
        .route(
            "/v/{id}",
            get(verify_page::show).post(verify_page::check_for),
        )
        .layer(DefaultBodyLimit::max(verify_page::MAX_BODY));
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/documents", post(documents::register_document))
        .route("/api/v1/consent", get(consent::current_consent))
        .route("/api/v1/health", get(health::health))
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
            get(read::certificate).post(national::upload_certificate),
        )
        .route("/api/v1/applications/{id}/revoke", post(direct::revoke))
        .route(
            "/api/v1/applications/{id}/lost-key",
            post(lost_key::report_lost_key),
        )
        .route(
            "/api/v1/revocation-requests",
            get(request_read::list_requests),
        )
        .route(
            "/api/v1/revocation-requests/{id}",
            get(request_read::get_request),
        )
        .route(
            "/api/v1/revocation-requests/{id}/letter",
            get(request_read::request_letter),
        )
        .route(
            "/api/v1/revocation-requests/{id}/review",
            post(request_review::review_request),
        )
        .route("/api/v1/events", get(events::list_events))
        .route("/api/v1/agency-notices", get(notices::list_notices))
        .route("/api/v1/events/stream", get(events::event_stream))
        .route("/ca/regency-ca.crt", get(read::ca_certificate))
        .route("/crl/regency-ca.crl", get(crl::crl))
        .route("/tsa/tsa.crt", get(tsa::endpoint::tsa_certificate))
        .route("/ocsp/{*request}", get(ocsp::endpoint::get_request))
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        .merge(uploads)
        .merge(timestamps)
        .merge(ocsp_requests)
        .merge(verification_uploads)
        .fallback(not_found)
        .with_state(state)
}
