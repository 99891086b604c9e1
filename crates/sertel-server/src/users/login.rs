//! `POST /api/v1/sessions` (sign in) and `DELETE /api/v1/sessions/current` (sign out).

use std::time::Instant;

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use sqlx::Row;

use super::{User, USER_COLUMNS};
use crate::api::{ApiJson, ClientIp};
use crate::audit;
use crate::auth::{create_session, delete_session, forget_session, verify_password, CurrentUser};
use crate::{ApiError, AppState};

/// E-mail address and password.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// E-mail address.
    pub email: String,
    /// Password.
    pub password: String,
}

/// Signs in: returns a bearer token valid for 12 hours. Rate-limited per e-mail and address.
pub async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    ApiJson(form): ApiJson<LoginRequest>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let email = form.email.trim().to_ascii_lowercase();
    let limiter = state.limiter();
    limiter
        .check(&email, ip, Instant::now())
        .map_err(|retry_after_secs| ApiError::RateLimited { retry_after_secs })?;
    let sql = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1");
    let row = sqlx::query(&sql)
        .bind(&email)
        .fetch_optional(state.db().pool())
        .await?;
    let (user, hash) = match &row {
        Some(r) => (Some(User::from_row(r)?), Some(r.try_get::<String, _>(11)?)),
        None => (None, None),
    };
    let ok = verify_password(form.password, hash).await?;
    let Some(user) = user.filter(|_| ok) else {
        limiter.record_failure(&email, ip, Instant::now());
        return Err(ApiError::InvalidCredentials);
    };
    limiter.record_success(&email, ip);
    let mut tx = state.db().begin_write().await?;
    let (token, expires_at) = create_session(&mut tx, &user.id).await?;
    audit::append(
        &mut tx,
        &user.id,
        "session.create",
        &user.id,
        json!({"ip": ip.to_string()}),
    )
    .await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"token": token, "expires_at": expires_at, "user": user})),
    ))
}

/// Signs out: the session's token stops working.
pub async fn logout(
    State(state): State<AppState>,
    me: CurrentUser,
) -> Result<StatusCode, ApiError> {
    let mut tx = state.db().begin_write().await?;
    delete_session(&mut tx, &me.token).await?;
    audit::append(&mut tx, me.id(), "session.delete", me.id(), json!({})).await?;
    tx.commit().await?;
    forget_session(&state, &me.token);
    Ok(StatusCode::NO_CONTENT)
}
