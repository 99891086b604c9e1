//! `POST /api/v1/documents`: an owner registers a letter signed with a specimen, so the public
//! page `GET /v/{id}` of its QR code can show who signed it, when, the certificate's status and
//! the SHA-256 of the signed file.
//!
//! The certificate must be one issued to the caller (`certificates.owner_id`); another
//! owner's serial, or a serial that is not known, is refused like a field that is wrong
//! (400 `invalid_field`), so the existence of other owners' certificates is not revealed.
//! Registering is idempotent on the id: the same registration again answers 200 with the record
//! (no second audit entry); the same id with other content is 409 `document_id_taken`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::api::ApiJson;
use crate::auth::{CurrentUser, Role};
use crate::ids::{now_rfc3339, rfc3339};
use crate::{ApiError, AppState};

/// The registration.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Registration {
    /// The specimen's document id: 32 hex digits.
    pub id: String,
    /// The signed file's SHA-256: 64 hex digits.
    pub sha256: String,
    /// When it was signed (RFC 3339).
    pub signed_at: String,
    /// The serial number of the signing certificate, hex (colons allowed).
    pub certificate_serial: String,
}

/// A registered document, as answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegisteredDocument {
    /// The document id.
    pub id: String,
    /// SHA-256 of the signed file.
    pub sha256: String,
    /// When it was signed (RFC 3339, UTC).
    pub signed_at: String,
    /// The signing certificate's serial, lowercase hex.
    pub certificate_serial: String,
    /// When it was registered.
    pub registered_at: String,
    /// The public verification page.
    pub verify_path: String,
}

/// Lowercase hex of exactly `len` digits, or `None`.
pub fn normalized_hex(s: &str, len: usize) -> Option<String> {
    let s = s.trim().to_ascii_lowercase();
    (s.len() == len && s.bytes().all(|b| b.is_ascii_hexdigit())).then_some(s)
}

fn serial_of(s: &str) -> Option<String> {
    let s: String = s.trim().chars().filter(|c| *c != ':').collect();
    let s = s.to_ascii_lowercase();
    (!s.is_empty() && s.len() <= 64 && s.len() % 2 == 0 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(s)
}

/// Registers a signed document of the calling owner.
pub async fn register_document(
    State(state): State<AppState>,
    me: CurrentUser,
    form: Result<ApiJson<Registration>, ApiError>,
) -> Result<(StatusCode, Json<RegisteredDocument>), ApiError> {
    me.require(&[Role::Owner])?;
    let ApiJson(form) = form?;
    let id = normalized_hex(&form.id, 32).ok_or(ApiError::InvalidField {
        field: "id",
        reason: "must be 32 hexadecimal digits",
    })?;
    let sha256 = normalized_hex(&form.sha256, 64).ok_or(ApiError::InvalidField {
        field: "sha256",
        reason: "must be 64 hexadecimal digits",
    })?;
    let signed_at = OffsetDateTime::parse(form.signed_at.trim(), &Rfc3339).map_err(|_| {
        ApiError::InvalidField {
            field: "signed_at",
            reason: "must be an RFC 3339 time",
        }
    })?;
    if signed_at > OffsetDateTime::now_utc() + time::Duration::minutes(10) {
        return Err(ApiError::InvalidField {
            field: "signed_at",
            reason: "lies in the future",
        });
    }
    let signed_at = rfc3339(signed_at);
    let serial = serial_of(&form.certificate_serial).ok_or(ApiError::InvalidField {
        field: "certificate_serial",
        reason: "must be a hexadecimal serial number",
    })?;
    let mut tx = state.db().begin_write().await?;
    let owned = sqlx::query("SELECT 1 FROM certificates WHERE serial = $1 AND owner_id = $2")
        .bind(&serial)
        .bind(me.id())
        .fetch_optional(&mut *tx.conn())
        .await?;
    if owned.is_none() {
        return Err(ApiError::InvalidField {
            field: "certificate_serial",
            reason: "is not a certificate issued to you",
        });
    }
    let existing = sqlx::query(
        "SELECT sha256, signed_at, serial, owner_id, registered_at FROM signed_documents \
         WHERE id = $1",
    )
    .bind(&id)
    .fetch_optional(&mut *tx.conn())
    .await?;
    let doc = |registered_at: String| RegisteredDocument {
        verify_path: format!("/v/{id}"),
        id: id.clone(),
        sha256: sha256.clone(),
        signed_at: signed_at.clone(),
        certificate_serial: serial.clone(),
        registered_at,
    };
    if let Some(row) = existing {
        let same = row.try_get::<String, _>(0)? == sha256
            && row.try_get::<String, _>(1)? == signed_at
            && row.try_get::<String, _>(2)? == serial
            && row.try_get::<String, _>(3)? == me.id();
        if !same {
            return Err(ApiError::DocumentIdTaken);
        }
        // Nothing changes: the transaction ends without an entry (rolled back on drop).
        return Ok((StatusCode::OK, Json(doc(row.try_get(4)?))));
    }
    let registered_at = now_rfc3339();
    sqlx::query(
        "INSERT INTO signed_documents (id, sha256, signed_at, serial, owner_id, registered_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(&sha256)
    .bind(&signed_at)
    .bind(&serial)
    .bind(me.id())
    .bind(&registered_at)
    .execute(&mut *tx.conn())
    .await?;
    crate::audit::append(
        &mut tx,
        me.id(),
        "document.register",
        &id,
        serde_json::json!({"sha256": sha256, "signed_at": signed_at, "serial": serial}),
    )
    .await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(doc(registered_at))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_hashes_are_exact_hex() {
        assert_eq!(
            normalized_hex(" 0123456789ABCDEF0123456789abcdef ", 32).as_deref(),
            Some("0123456789abcdef0123456789abcdef")
        );
        assert_eq!(normalized_hex("0123456789abcdef0123456789abcde", 32), None);
        assert_eq!(normalized_hex("0123456789abcdef0123456789abcdeg", 32), None);
    }

    #[test]
    fn serials_accept_colons_and_refuse_odd_lengths() {
        assert_eq!(serial_of("7A:29:81").as_deref(), Some("7a2981"));
        assert_eq!(serial_of("7a2"), None);
        assert_eq!(serial_of(""), None);
        assert_eq!(serial_of(&"ab".repeat(33)), None);
    }
}
