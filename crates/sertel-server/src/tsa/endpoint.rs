//! `POST /tsa`: RFC 3161 over HTTP (§3.4). The body is a DER `TimeStampReq` sent as
//! `application/timestamp-query`; the answer is a DER `TimeStampResp` as
//! `application/timestamp-reply`. A request that is not a valid `TimeStampReq` gets a rejection
//! response (status 200, as the RFC has it); a wrong content type or an oversize body gets the
//! API's bilingual 4xx error. `GET /tsa/tsa.crt` serves the TSA certificate.
//!
//! Every request costs a signature, so each client address may make only so many
//! ([`crate::Config::tsa_rate`], a token bucket per address): beyond that the answer is 429 with
//! `Retry-After` and the API's bilingual error (`too_many_requests`), before the request is
//! parsed or signed.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

use crate::api::ClientIp;
use crate::{ApiError, AppState};

/// Largest request body accepted (a request holds a digest, a nonce and a policy: well under
/// 1 KiB).
pub const MAX_QUERY_LEN: usize = 16 * 1024;

/// The query's content type.
pub const QUERY_TYPE: &str = "application/timestamp-query";
/// The reply's content type.
pub const REPLY_TYPE: &str = "application/timestamp-reply";

/// Answers one time-stamp request.
pub async fn timestamp(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    state
        .tsa_limiter()
        .acquire(ip, std::time::Instant::now())
        .map_err(|retry_after_secs| ApiError::TooManyRequests { retry_after_secs })?;
    let body = crate::api::binary_body(&headers, body, QUERY_TYPE, MAX_QUERY_LEN)?;
    let tsa = state.tsa().clone();
    let reply = tokio::task::spawn_blocking(move || tsa.respond(&body))
        .await
        .map_err(ApiError::internal)?;
    if reply.is_empty() {
        return Err(ApiError::internal("the TSA produced no response"));
    }
    Ok(([(header::CONTENT_TYPE, REPLY_TYPE)], reply).into_response())
}

/// `GET /tsa/tsa.crt`: the TSA certificate, DER.
pub async fn tsa_certificate(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/pkix-cert")],
        state.tsa().certificate_der().to_vec(),
    )
        .into_response()
}
