//! `POST /api/v1/applications/{id}/revocation-requests`: the owner asks for the certificate of
//! one of their applications to be revoked (Pasal 17 ayat 2), with the letter signed by the head
//! of their agency. A Badan or Dinas verifier then decides (Pasal 17 ayat 3).
//!
//! `multipart/form-data` with `reason` (any [`Reason`] but `privilege_withdrawn`), `statement`
//! (the owner's explanation, optional), `agency_email` (the agency's official address as written
//! in the letter, where the notice of the revocation goes, Pasal 17 ayat 5; optional) and
//! `letter` (PDF, sniffed from its content, at most 5 MiB). One pending request per certificate: another is refused with 409.

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::json;
use sertel_core::profile::{validate_email, EmailPolicy};

use super::request_view::{load_request, RevocationRequestView};
use super::Reason;
use crate::api::{free_text, MAX_FREE_TEXT_LEN};
use crate::applications::documents::MediaType;
use crate::applications::upload::{multipart_error, read_limited, rejection};
use crate::applications::{repo, Status};
use crate::audit;
use crate::auth::{CurrentUser, Role};
use crate::events::record_event;
use crate::ids::{new_id, now_rfc3339};
use crate::{ApiError, AppState};

/// Largest letter accepted.
pub const MAX_LETTER_LEN: usize = 5 * 1024 * 1024;

/// The form, read and checked.
#[derive(Debug)]
struct RequestForm {
    reason: Reason,
    statement: String,
    agency_email: Option<String>,
    letter: Vec<u8>,
}

fn utf8(field: &'static str, data: Vec<u8>) -> Result<String, ApiError> {
    String::from_utf8(data).map_err(|_| ApiError::InvalidField {
        field,
        reason: "not UTF-8 text",
    })
}

async fn read_form(mut form: Multipart, policy: &EmailPolicy) -> Result<RequestForm, ApiError> {
    let (mut reason, mut statement, mut letter, mut agency_email) = (None, None, None, None);
    while let Some(mut field) = form.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "reason" if reason.is_none() => {
                let text = utf8("reason", read_limited(&mut field, &name, 64).await?)?;
                reason = Some(Reason::parse(&text)?);
            }
            "statement" if statement.is_none() => {
                let limit = MAX_FREE_TEXT_LEN * 4;
                let text = utf8("statement", read_limited(&mut field, &name, limit).await?)?;
                statement = Some(free_text("statement", &text, false)?);
            }
            "agency_email" if agency_email.is_none() => {
                let text = utf8("agency_email", read_limited(&mut field, &name, 256).await?)?;
                let email = validate_email(&text, policy).map_err(|e| {
                    ApiError::Profile(vec![sertel_core::profile::ProfileError::Email(e)])
                })?;
                agency_email = Some(email);
            }
            "letter" if letter.is_none() => {
                let data = read_limited(&mut field, &name, MAX_LETTER_LEN).await?;
                if MediaType::sniff(&data) != Some(MediaType::Pdf) {
                    return Err(ApiError::WrongDocumentType {
                        field: "letter",
                        expected: "PDF",
                    });
                }
                letter = Some(data);
            }
            "reason" | "statement" | "agency_email" | "letter" => {
                return Err(ApiError::Malformed(format!("field {name} appears twice")))
            }
            other => return Err(ApiError::Malformed(format!("unknown field {other:?}"))),
        }
    }
    let reason = reason.ok_or(ApiError::MissingField("reason"))?;
    if !reason.owner_may_request() {
        return Err(ApiError::RevocationReason(reason.as_str().into()));
    }
    Ok(RequestForm {
        reason,
        statement: statement.unwrap_or_default(),
        agency_email,
        letter: letter.ok_or(ApiError::MissingField("letter"))?,
    })
}

/// Files the owner's request.
pub async fn request_revocation(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<RevocationRequestView>), ApiError> {
    me.require(&[Role::Owner])?;
    // Ownership before anything in the body is looked at.
    let mut conn = state.db().pool().acquire().await?;
    repo::load_owned(&mut conn, &id, me.id()).await?;
    drop(conn);
    let policy = state.config().regency.email_policy();
    let form = read_form(form.map_err(rejection)?, &policy).await?;
    let letter_size = i64::try_from(form.letter.len()).map_err(ApiError::internal)?;
    let digest = state
        .documents()
        .put(form.letter)
        .await
        .map_err(ApiError::internal)?;
    let mut tx = state.db().begin_write().await?;
    let app = repo::load_owned(tx.conn(), &id, me.id()).await?;
    if !matches!(app.status, Status::Issued | Status::Superseded) {
        return Err(ApiError::InvalidTransition {
            state: app.status.as_str(),
        });
    }
    let (serial, _) = repo::certificate_of(tx.conn(), &id)
        .await?
        .ok_or_else(|| ApiError::internal("an issued application without a certificate"))?;
    let pending: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM revocation_requests WHERE serial = $1 AND state = 'pending'",
    )
    .bind(&serial)
    .fetch_one(tx.conn())
    .await?;
    if pending > 0 {
        return Err(ApiError::RevocationPending);
    }
    let request_id = new_id();
    sqlx::query(
        "INSERT INTO revocation_requests (id, application_id, owner_id, serial, reason, \
         statement, letter_sha256, letter_size, state, created_at, agency_email) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)",
    )
    .bind(&request_id)
    .bind(&id)
    .bind(me.id())
    .bind(&serial)
    .bind(form.reason.as_str())
    .bind(&form.statement)
    .bind(&digest)
    .bind(letter_size)
    .bind(now_rfc3339())
    .bind(&form.agency_email)
    .execute(tx.conn())
    .await?;
    record_event(
        &mut tx,
        me.id(),
        &id,
        "revocation.requested",
        app.status.as_str(),
    )
    .await?;
    audit::append(
        &mut tx,
        me.id(),
        "revocation.request",
        &request_id,
        json!({
            "application": id,
            "serial": serial,
            "reason": form.reason.as_str(),
            "letter_sha256": digest,
        }),
    )
    .await?;
    tx.commit().await?;
    state.notify_events();
    let mut conn = state.db().pool().acquire().await?;
    let view = load_request(&mut conn, &request_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(view)))
}
