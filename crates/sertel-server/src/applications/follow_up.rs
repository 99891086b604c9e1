//! `POST /api/v1/applications/{id}/renew` and `POST /api/v1/applications/{id}/reissue`: a new
//! application that follows an earlier one, with a new key.
//!
//! - **Renewal** (Pasal 9 ayat 4, Pasal 18 ayat 2): only while the earlier certificate is
//!   issued, not revoked and not yet expired. When the renewal's certificate is issued the
//!   earlier application becomes `superseded`; its certificate is *not* revoked (the regulation
//!   lists no such ground in Pasal 17 ayat 1, and signatures made with it stay verifiable) and
//!   stays valid until it expires unless someone revokes it.
//! - **Re-issue** (Pasal 16 ayat 3): after a lost-key report revoked the earlier certificate
//!   (reason keyCompromise); the `statement_letter` signed by the head of the agency is required.
//!   After any other revocation a new application follows instead (Pasal 17 ayat 6).
//!
//! A seal's renewal or re-issue is a seal's again, for the same agency (the CSR's subject is
//! the seal's).
//!
//! Both take the same `multipart/form-data` as a first application: `csr` (new key; the same
//! proof-of-possession, key and subject checks) and `consent_version` are required, the
//! documents of Pasal 15 ayat 1 are optional (those not sent are carried over), and an
//! `Idempotency-Key` header. Both go through the same two approvals as a first application:
//! the regulation makes no exception (issuance is the Dinas's approval, Pasal 9 ayat 2, and the
//! Badan verifies as well, Pasal 5).

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;

use super::csr_check::check_csr;
use super::documents::DocumentKind;
use super::kind::ApplicationKind;
use super::lifecycle::Status;
use super::repo;
use super::submit::{
    check_consent, create_application, replayed, reply, view, NewApplication, Reply,
};
use super::upload::{read_upload, rejection};
use crate::api::IdempotencyKey;
use crate::auth::{CurrentUser, Role};
use crate::db::WriteTx;
use crate::ids::now_rfc3339;
use crate::revocation::{certificate_status, CertificateStatus, Reason};
use crate::{ApiError, AppState};

/// Renews the certificate of application `id`.
pub async fn renew(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    key: IdempotencyKey,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Reply, ApiError> {
    follow_up(state, me, id, key, form, ApplicationKind::Renewal).await
}

/// Re-issues the certificate of application `id` after a lost-key report.
pub async fn reissue(
    State(state): State<AppState>,
    me: CurrentUser,
    Path(id): Path<String>,
    key: IdempotencyKey,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Reply, ApiError> {
    follow_up(state, me, id, key, form, ApplicationKind::Reissue).await
}

/// Whether application `id` (of this owner, already loaded in `tx`) may be followed by `kind`.
async fn check_previous(
    tx: &mut WriteTx,
    previous: &repo::ApplicationRow,
    kind: ApplicationKind,
) -> Result<(), ApiError> {
    let wanted = match kind {
        ApplicationKind::Reissue => Status::Revoked,
        _ => Status::Issued,
    };
    if previous.status != wanted {
        return Err(ApiError::InvalidTransition {
            state: previous.status.as_str(),
        });
    }
    let (serial, not_after) = repo::certificate_of(tx.conn(), &previous.id)
        .await?
        .ok_or_else(|| ApiError::internal("an issued application without a certificate"))?;
    let serial = hex::decode(serial).map_err(ApiError::internal)?;
    let status = certificate_status(tx.conn(), &serial).await?;
    match kind {
        ApplicationKind::Reissue => match status {
            CertificateStatus::Revoked {
                reason: Reason::KeyCompromise,
                ..
            } => Ok(()),
            _ => Err(ApiError::ReissueNeedsLostKey),
        },
        _ if not_after < now_rfc3339() => Err(ApiError::CertificateExpired),
        _ => Ok(()),
    }
}

async fn follow_up(
    state: AppState,
    me: CurrentUser,
    id: String,
    key: IdempotencyKey,
    form: Result<Multipart, MultipartRejection>,
    kind: ApplicationKind,
) -> Result<Reply, ApiError> {
    me.require(&[Role::Owner])?;
    // Ownership before anything in the body is looked at.
    let mut conn = state.db().pool().acquire().await?;
    let holder = repo::load_owned(&mut conn, &id, me.id()).await?.holder;
    drop(conn);
    let upload = read_upload(form.map_err(rejection)?).await?;
    upload.refuse_seal_fields()?;
    let csr = check_csr(
        upload.csr.as_deref().ok_or(ApiError::MissingField("csr"))?,
        &holder,
        &me.user.owner_profile(),
        &state.config().regency,
    )?;
    let letter = DocumentKind::StatementLetter;
    if kind == ApplicationKind::Reissue && !upload.documents.contains_key(&letter) {
        return Err(ApiError::MissingField(letter.as_str()));
    }
    check_consent(&upload)?;
    let mut tx = state.db().begin_write().await?;
    if let Some(done) = replayed(tx.conn(), me.id(), &key, &upload.request_hash).await? {
        drop(tx);
        return view(&state, &done, StatusCode::OK).await;
    }
    let previous = repo::load_owned(tx.conn(), &id, me.id()).await?;
    check_previous(&mut tx, &previous, kind).await?;
    let except = (kind == ApplicationKind::Renewal).then_some(previous.id.as_str());
    if repo::has_open(tx.conn(), me.id(), &previous.holder, except).await? {
        return Err(ApiError::ApplicationOpen);
    }
    let new = NewApplication {
        kind,
        previous: Some(&previous.id),
        holder: &previous.holder,
        csr: &csr,
    };
    let new_id = create_application(&state, &mut tx, &me, &key, &upload, new).await?;
    reply(tx, &state, &new_id, StatusCode::CREATED).await
}
