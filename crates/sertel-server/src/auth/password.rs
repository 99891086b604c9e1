//! Password hashing with Argon2id (RFC 9106) in PHC string format.
//!
//! Parameters are the `argon2` crate's defaults, the OWASP recommendation: m = 19 MiB, t = 2,
//! p = 1. Hashing runs on a blocking thread so it never stalls the async runtime.

use std::sync::OnceLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::ids::random_bytes;
use crate::ApiError;

/// Shortest password accepted, in characters.
pub const MIN_PASSWORD_LEN: usize = 10;
/// Longest password accepted, in bytes (bounds hashing work).
pub const MAX_PASSWORD_LEN: usize = 1024;

fn hash_blocking(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()).map_err(ApiError::internal)?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(ApiError::internal)?
        .to_string())
}

/// Checks the length rules, then hashes.
pub async fn hash_password(password: String) -> Result<String, ApiError> {
    if password.chars().count() < MIN_PASSWORD_LEN || password.len() > MAX_PASSWORD_LEN {
        return Err(ApiError::InvalidField {
            field: "password",
            reason: "at least 10 characters and at most 1024 bytes",
        });
    }
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(ApiError::internal)?
}

/// A hash of a password nobody has, verified when the account does not exist so that a wrong
/// e-mail address takes as long as a wrong password.
fn dummy_hash() -> Option<&'static str> {
    static DUMMY: OnceLock<Option<String>> = OnceLock::new();
    DUMMY
        .get_or_init(|| hash_blocking(&hex::encode(random_bytes::<16>())).ok())
        .as_deref()
}

/// Whether `password` matches `stored` (a PHC string); with `None`, spends the same time and
/// returns false.
pub async fn verify_password(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    if password.len() > MAX_PASSWORD_LEN {
        return Ok(false);
    }
    tokio::task::spawn_blocking(move || {
        let (hash, real) = match &stored {
            Some(h) => (h.as_str(), true),
            None => (dummy_hash().unwrap_or_default(), false),
        };
        let Ok(parsed) = PasswordHash::new(hash) else {
            return false;
        };
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        ok && real
    })
    .await
    .map_err(ApiError::internal)
}
