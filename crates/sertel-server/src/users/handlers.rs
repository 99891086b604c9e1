//! `POST /api/v1/owners` (register), `POST /api/v1/users` (admin creates staff),
//! `GET /api/v1/me`.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use sertel_core::profile::{validate_email, Nik, OwnerProfile};

use super::{create_user, NewUser, User};
use crate::api::ApiJson;
use crate::auth::{hash_password, CurrentUser, Role};
use crate::{ApiError, AppState};

/// The registration form of an owner.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterOwner {
    /// Full name as in the certificate.
    pub full_name: String,
    /// NIP, 18 digits.
    pub nip: String,
    /// NIK, 16 digits (required at registration).
    pub nik: String,
    /// Official e-mail address.
    pub email: String,
    /// Position (jabatan).
    pub title: String,
    /// Agency / work unit (unit kerja).
    pub unit: String,
    /// Rank and grade.
    #[serde(default)]
    pub rank: Option<String>,
    /// Telephone.
    #[serde(default)]
    pub phone: Option<String>,
    /// Password, at least 10 characters.
    pub password: String,
}

fn blank_to_none(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Registers an owner; the profile is checked with the regency's rules (NIP, NIK agreeing with
/// the NIP, official e-mail domain, lengths).
pub async fn register_owner(
    State(state): State<AppState>,
    ApiJson(form): ApiJson<RegisterOwner>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let profile = OwnerProfile {
        full_name: form.full_name.trim().to_owned(),
        nip: form.nip.trim().to_owned(),
        nik: Some(form.nik.trim().to_owned()),
        email: form.email.trim().to_ascii_lowercase(),
        title: form.title.trim().to_owned(),
        unit: form.unit.trim().to_owned(),
        rank: blank_to_none(form.rank),
        phone: blank_to_none(form.phone),
    };
    profile
        .validate(&state.config().regency)
        .map_err(ApiError::Profile)?;
    let nik = Nik::parse(form.nik.trim())
        .map_err(|e| ApiError::Profile(vec![sertel_core::profile::ProfileError::Nik(e)]))?;
    let password_hash = hash_password(form.password).await?;
    let new = NewUser {
        role: Role::Owner,
        email: profile.email.clone(),
        password_hash,
        full_name: profile.full_name.clone(),
        nip: Some(profile.nip_digits()),
        nik: Some(nik.as_str().to_owned()),
        title: Some(profile.title),
        unit: Some(profile.unit),
        rank: profile.rank,
        phone: profile.phone,
    };
    let mut tx = state.db().begin_write().await?;
    let user = create_user(&mut tx, None, new).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// An admin's request to create a staff account.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffRequest {
    /// `verifier_badan`, `verifier_dinas` or `admin`.
    pub role: Role,
    /// Official e-mail address.
    pub email: String,
    /// Full name.
    pub full_name: String,
    /// Agency / unit.
    #[serde(default)]
    pub unit: Option<String>,
    /// Initial password.
    pub password: String,
}

/// Creates a verifier or admin account (admins only).
pub async fn create_staff(
    State(state): State<AppState>,
    me: CurrentUser,
    ApiJson(form): ApiJson<StaffRequest>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    me.require(&[Role::Admin])?;
    if form.role == Role::Owner {
        return Err(ApiError::InvalidField {
            field: "role",
            reason: "owners register themselves",
        });
    }
    let email = validate_email(&form.email, &state.config().regency.email_policy())
        .map_err(|e| ApiError::Profile(vec![sertel_core::profile::ProfileError::Email(e)]))?;
    let full_name = form.full_name.trim().to_owned();
    if full_name.is_empty() || full_name.chars().count() > 64 {
        return Err(ApiError::InvalidField {
            field: "full_name",
            reason: "1 to 64 characters",
        });
    }
    let password_hash = hash_password(form.password).await?;
    let new = NewUser {
        role: form.role,
        email,
        password_hash,
        full_name,
        nip: None,
        nik: None,
        title: None,
        unit: blank_to_none(form.unit),
        rank: None,
        phone: None,
    };
    let mut tx = state.db().begin_write().await?;
    let user = create_user(&mut tx, Some(me.id()), new).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// The signed-in user.
pub async fn me(me: CurrentUser) -> Json<User> {
    Json(me.user)
}
