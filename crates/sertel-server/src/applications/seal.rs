//! `POST /api/v1/seal-applications`: the head of a Perangkat Daerah applies for the agency's
//! electronic seal (segel elektronik, Pasal 12 huruf c; Pasal 10 ayat 3: the Perangkat Daerah
//! applies through the Dinas and the Badan).
//!
//! `multipart/form-data` with `agency` (the agency's name, the certificate's CN),
//! `agency_email` (optional, the agency's official e-mail address on the regency's domain),
//! `csr` (subject: the seal's, see [`sertel_core::x509::seal_subject`]), `request_letter`
//! (surat permohonan signed by the head), `sk_jabatan` (the head's SK Jabatan) and
//! `consent_version`, and an `Idempotency-Key` header.
//!
//! Who may apply: a signed-in owner whose registered unit kerja is the agency named (compared
//! without regard to case or surrounding spaces). That the owner *heads* it is what the request
//! letter and the SK Jabatan show; the Badan's verifier checks them as for any application, and
//! rejects with a reason otherwise: the server holds no register of heads of agencies. One seal
//! per agency at a time: an open application or a valid seal certificate of the same agency,
//! whoever applied, blocks another. The review, issuance, renewal, re-issue and revocation are
//! those of a person's certificate.

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use sertel_core::profile::SealProfile;

use super::holder::Holder;
use super::submit::{owner_upload, submit_first, Reply};
use crate::api::IdempotencyKey;
use crate::auth::CurrentUser;
use crate::{ApiError, AppState};

/// Submits an application for the electronic seal of the owner's agency.
pub async fn submit_seal(
    State(state): State<AppState>,
    me: CurrentUser,
    key: IdempotencyKey,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Reply, ApiError> {
    let upload = owner_upload(&me, form).await?;
    let seal = SealProfile {
        agency: upload
            .agency
            .clone()
            .ok_or(ApiError::MissingField("agency"))?,
        email: upload.agency_email.clone().filter(|e| !e.is_empty()),
    };
    seal.validate(&state.config().regency)
        .map_err(ApiError::Profile)?;
    let unit = me.user.owner_profile().unit;
    if !unit.trim().eq_ignore_ascii_case(seal.agency_name()) {
        return Err(ApiError::SealAgencyNotOwn);
    }
    submit_first(&state, &me, &key, &upload, &Holder::Seal(seal)).await
}
