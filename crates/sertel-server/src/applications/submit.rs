//! `POST /api/v1/applications` (submit) and `POST /api/v1/applications/{id}/resubmit`.
//!
//! Both take `multipart/form-data` with the fields `csr`, `recommendation_letter`, `ktp`,
//! `sk_jabatan`, `sk_pangkat`, `photo` and `consent_version`, and an `Idempotency-Key` header:
//! repeating a request with the same key returns the application it made (200) instead of
//! making another; the same key with different content is refused (422). A resubmission may
//! leave out documents (and the CSR) that do not change. The seal's `agency` and `agency_email`
//! are refused here (400): they belong to a first seal application (`seal.rs`).

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::json;
use sqlx::AnyConnection;
use sqlx::Row;

use super::csr_check::{check_csr, CheckedCsr};
use super::documents::DocumentKind;
use super::holder::Holder;
use super::kind::ApplicationKind;
use super::lifecycle::{Action, Status};
use super::repo;
use super::upload::{read_upload, rejection, Upload};
use super::view::{load_view, ApplicationView};
use crate::api::IdempotencyKey;
use crate::audit;
use crate::auth::{CurrentUser, Role};
use crate::consent::CONSENT_VERSION;
use crate::db::WriteTx;
use crate::events::record_event;
use crate::ids::{new_id, now_rfc3339};
use crate::{ApiError, AppState};

pub(super) type Reply = (StatusCode, Json<ApplicationView>);

/// The application an earlier request with this key made, if any; refuses the key when it was
/// used with different content.
pub(super) async fn replayed(
    conn: &mut AnyConnection,
    owner: &str,
    key: &IdempotencyKey,
    request_hash: &str,
) -> Result<Option<String>, ApiError> {
    let Some(row) = sqlx::query(
        "SELECT request_hash, application_id FROM idempotency WHERE owner_id = $1 AND key = $2",
    )
    .bind(owner)
    .bind(&key.0)
    .fetch_optional(conn)
    .await?
    else {
        return Ok(None);
    };
    let stored: String = row.try_get(0)?;
    if stored != request_hash {
        return Err(ApiError::IdempotencyKeyReused);
    }
    Ok(Some(row.try_get(1)?))
}

pub(super) async fn remember(
    tx: &mut WriteTx,
    owner: &str,
    key: &IdempotencyKey,
    request_hash: &str,
    application_id: &str,
) -> Result<(), ApiError> {
    sqlx::query(
        "INSERT INTO idempotency (owner_id, key, request_hash, application_id, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(owner)
    .bind(&key.0)
    .bind(request_hash)
    .bind(application_id)
    .bind(now_rfc3339())
    .execute(tx.conn())
    .await?;
    Ok(())
}

pub(super) fn check_consent(upload: &Upload) -> Result<(), ApiError> {
    match upload.consent_version.as_deref() {
        Some(CONSENT_VERSION) => Ok(()),
        _ => Err(ApiError::ConsentRequired),
    }
}

/// Writes the uploaded documents to the store and refers to them from the application.
pub(super) async fn attach_documents(
    state: &AppState,
    tx: &mut WriteTx,
    application_id: &str,
    upload: &Upload,
) -> Result<(), ApiError> {
    for (kind, (media, data)) in &upload.documents {
        let digest = state
            .documents()
            .put(data.clone())
            .await
            .map_err(ApiError::internal)?;
        repo::put_document(
            tx.conn(),
            application_id,
            *kind,
            *media,
            &digest,
            data.len(),
        )
        .await?;
    }
    Ok(())
}

/// Commits the change and answers with the application.
pub(super) async fn reply(
    tx: WriteTx,
    state: &AppState,
    id: &str,
    status: StatusCode,
) -> Result<Reply, ApiError> {
    tx.commit().await?;
    state.notify_events();
    view(state, id, status).await
}

pub(super) async fn view(
    state: &AppState,
    id: &str,
    status: StatusCode,
) -> Result<Reply, ApiError> {
    let mut conn = state.db().pool().acquire().await?;
    let view = load_view(&mut conn, id).await?.ok_or(ApiError::NotFound)?;
    Ok((status, Json(view)))
}

/// What a new application is, besides its form.
pub(super) struct NewApplication<'a> {
    /// New, renewal or re-issue.
    pub kind: ApplicationKind,
    /// The application a renewal or re-issue follows; its documents are carried over.
    pub previous: Option<&'a str>,
    /// Whom the certificate is for.
    pub holder: &'a Holder,
    /// The checked request.
    pub csr: &'a CheckedCsr,
}

/// Writes a new application in `tx`: the row, its documents (carried over from the previous
/// application, then those uploaded), the idempotency key, the event and the audit entry.
pub(super) async fn create_application(
    state: &AppState,
    tx: &mut WriteTx,
    me: &CurrentUser,
    key: &IdempotencyKey,
    upload: &Upload,
    new: NewApplication<'_>,
) -> Result<String, ApiError> {
    let id = new_id();
    let now = now_rfc3339();
    sqlx::query(
        "INSERT INTO applications (id, owner_id, state, revision, csr_der, key_kind, \
         consent_version, consent_at, created_at, updated_at, kind, previous_id, seal_agency, \
         seal_email) VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $7, $7, $8, $9, $10, $11)",
    )
    .bind(&id)
    .bind(me.id())
    .bind(Status::Submitted.as_str())
    .bind(&new.csr.der)
    .bind(&new.csr.key_kind)
    .bind(CONSENT_VERSION)
    .bind(&now)
    .bind(new.kind.as_str())
    .bind(new.previous)
    .bind(new.holder.agency())
    .bind(new.holder.email())
    .execute(tx.conn())
    .await?;
    if let Some(previous) = new.previous {
        repo::copy_documents(tx.conn(), previous, &id).await?;
    }
    attach_documents(state, tx, &id, upload).await?;
    remember(tx, me.id(), key, &upload.request_hash, &id).await?;
    record_event(
        tx,
        me.id(),
        &id,
        "application.submitted",
        Status::Submitted.as_str(),
    )
    .await?;
    let docs: Vec<&str> = upload.documents.keys().map(|k| k.as_str()).collect();
    audit::append(
        tx,
        me.id(),
        "application.submit",
        &id,
        json!({
            "kind": new.kind.as_str(),
            "previous": new.previous,
            "seal_agency": new.holder.agency(),
            "key_kind": new.csr.key_kind,
            "consent_version": CONSENT_VERSION,
            "documents": docs,
        }),
    )
    .await?;
    Ok(id)
}

/// Submits a new application.
pub async fn submit(
    State(state): State<AppState>,
    me: CurrentUser,
    key: IdempotencyKey,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Reply, ApiError> {
    let upload = owner_upload(&me, form).await?;
    upload.refuse_seal_fields()?;
    submit_first(&state, &me, &key, &upload, &Holder::Person).await
}

/// The form of an owner's submission; refuses other roles before reading it.
pub(super) async fn owner_upload(
    me: &CurrentUser,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Upload, ApiError> {
    me.require(&[Role::Owner])?;
    read_upload(form.map_err(rejection)?).await
}

/// Checks and records a first application for `holder` (the documents it needs, the CSR, the
/// consent; no other open application for the same holder).
pub(super) async fn submit_first(
    state: &AppState,
    me: &CurrentUser,
    key: &IdempotencyKey,
    upload: &Upload,
    holder: &Holder,
) -> Result<Reply, ApiError> {
    let csr = check_csr(
        upload.csr.as_deref().ok_or(ApiError::MissingField("csr"))?,
        holder,
        &me.user.owner_profile(),
        &state.config().regency,
    )?;
    for kind in DocumentKind::first_application(holder) {
        if !upload.documents.contains_key(kind) {
            return Err(ApiError::MissingField(kind.as_str()));
        }
    }
    check_consent(upload)?;
    let mut tx = state.db().begin_write().await?;
    if let Some(id) = replayed(tx.conn(), me.id(), key, &upload.request_hash).await? {
        drop(tx);
        return view(state, &id, StatusCode::OK).await;
    }
    if repo::has_open(tx.conn(), me.id(), holder, None).await? {
        return Err(ApiError::ApplicationOpen);
    }
    let new = NewApplication {
        kind: ApplicationKind::New,
        previous: None,
        holder,
        csr: &csr,
    };
    let id = create_application(state, &mut tx, me, key, upload, new).await?;
    reply(tx, state, &id, StatusCode::CREATED).await
}

/// Resubmits a rejected application with corrections.
pub async fn resubmit(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    key: IdempotencyKey,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Reply, ApiError> {
    me.require(&[Role::Owner])?;
    // Ownership before anything in the body is looked at.
    let mut conn = state.db().pool().acquire().await?;
    let holder = repo::load_owned(&mut conn, &id, me.id()).await?.holder;
    drop(conn);
    let upload = read_upload(form.map_err(rejection)?).await?;
    upload.refuse_seal_fields()?;
    let profile = me.user.owner_profile();
    let csr = upload
        .csr
        .as_deref()
        .map(|c| check_csr(c, &holder, &profile, &state.config().regency))
        .transpose()?;
    check_consent(&upload)?;
    let mut tx = state.db().begin_write().await?;
    let app = repo::load_owned(tx.conn(), &id, me.id()).await?;
    if let Some(done) = replayed(tx.conn(), me.id(), &key, &upload.request_hash).await? {
        drop(tx);
        return view(&state, &done, StatusCode::OK).await;
    }
    let next = app.status.next(Action::Resubmit)?;
    let now = now_rfc3339();
    let revision = app.revision + 1;
    repo::set_status(tx.conn(), &id, next, revision, &now).await?;
    if let Some(csr) = &csr {
        sqlx::query("UPDATE applications SET csr_der = $1, key_kind = $2 WHERE id = $3")
            .bind(&csr.der)
            .bind(&csr.key_kind)
            .bind(&id)
            .execute(tx.conn())
            .await?;
    }
    sqlx::query("UPDATE applications SET consent_version = $1, consent_at = $2 WHERE id = $3")
        .bind(CONSENT_VERSION)
        .bind(&now)
        .bind(&id)
        .execute(tx.conn())
        .await?;
    attach_documents(&state, &mut tx, &id, &upload).await?;
    remember(&mut tx, me.id(), &key, &upload.request_hash, &id).await?;
    record_event(
        &mut tx,
        me.id(),
        &id,
        "application.resubmitted",
        next.as_str(),
    )
    .await?;
    let docs: Vec<&str> = upload.documents.keys().map(|k| k.as_str()).collect();
    audit::append(
        &mut tx,
        me.id(),
        "application.resubmit",
        &id,
        json!({"revision": revision, "csr_replaced": csr.is_some(), "documents": docs}),
    )
    .await?;
    reply(tx, &state, &id, StatusCode::OK).await
}
