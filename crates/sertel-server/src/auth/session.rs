//! Sessions: an opaque bearer token of 32 random bytes, stored only as its SHA-256.

use std::sync::LazyLock;
use std::time::Instant;

use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};
use time::{Duration, OffsetDateTime};

use crate::db::WriteTx;
use crate::ids::{now_rfc3339, random_bytes};
use crate::users::{User, USER_COLUMNS, USER_COLUMN_COUNT};
use crate::{ApiError, AppState};

/// How long a session lasts.
pub const SESSION_LIFETIME: Duration = Duration::hours(12);

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates a session for `user_id` inside `tx`; returns the token (shown once) and its expiry
/// as Unix seconds.
pub async fn create_session(tx: &mut WriteTx, user_id: &str) -> Result<(String, i64), ApiError> {
    let token = hex::encode(random_bytes::<32>());
    let expires = (OffsetDateTime::now_utc() + SESSION_LIFETIME).unix_timestamp();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash(&token))
    .bind(user_id)
    .bind(now_rfc3339())
    .bind(expires)
    .execute(tx.conn())
    .await?;
    Ok((token, expires))
}

/// The user a live session token belongs to (always asked of the database).
pub async fn lookup_session(pool: &AnyPool, token: &str) -> Result<Option<User>, ApiError> {
    Ok(lookup(pool, token).await?.map(|(user, _)| user))
}

/// The user and expiry (Unix seconds) of a live session token, from the database.
async fn lookup(pool: &AnyPool, token: &str) -> Result<Option<(User, i64)>, ApiError> {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "SELECT {USER_COLUMNS}, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2"
        )
    });
    if !well_formed(token) {
        return Ok(None);
    }
    let row = sqlx::query(SQL.as_str())
        .bind(token_hash(token))
        .bind(OffsetDateTime::now_utc().unix_timestamp())
        .fetch_optional(pool)
        .await?;
    row.map(|r| Ok((User::from_row(&r)?, r.try_get(USER_COLUMN_COUNT)?)))
        .transpose()
}

fn well_formed(token: &str) -> bool {
    token.len() == 64 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The user a live session token belongs to, from [`AppState::sessions`] when it was checked in
/// the database less than [`super::session_cache::RECHECK_AFTER`] ago, else from the database
/// (and then remembered). For every request's authentication.
pub async fn authenticate(state: &AppState, token: &str) -> Result<Option<User>, ApiError> {
    if !well_formed(token) {
        return Ok(None);
    }
    let hash = token_hash(token);
    let now = Instant::now();
    let unix_now = OffsetDateTime::now_utc().unix_timestamp();
    if let Some(user) = state.sessions().get(&hash, now, unix_now) {
        return Ok(Some(user));
    }
    let Some((user, expires_at)) = lookup(state.db().pool(), token).await? else {
        return Ok(None);
    };
    state.sessions().put(hash, user.clone(), expires_at, now);
    Ok(Some(user))
}

/// Forgets `token` in this instance's [`AppState::sessions`] (after its session was deleted).
pub fn forget_session(state: &AppState, token: &str) {
    state.sessions().forget(&token_hash(token));
}

/// Ends the session of `token` inside `tx`; returns whether one existed.
pub async fn delete_session(tx: &mut WriteTx, token: &str) -> Result<bool, ApiError> {
    let done = sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash(token))
        .execute(tx.conn())
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Counts live sessions of a user (for tests and the admin view).
pub async fn count_sessions(pool: &AnyPool, user_id: &str) -> Result<i64, ApiError> {
    let row = sqlx::query("SELECT COUNT(*) FROM sessions WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(pool)
        .await?;
    Ok(row.try_get(0)?)
}
