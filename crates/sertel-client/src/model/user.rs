//! People: registration, sessions, the signed-in user, and the consent text.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Bilingual;

/// What a user may do on the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A certificate owner (an official of the regency).
    Owner,
    /// A verifier of the Badan (BKPSDM).
    VerifierBadan,
    /// A verifier of the Dinas.
    VerifierDinas,
    /// An administrator.
    Admin,
}

impl Role {
    /// Whether the role reviews applications (Badan or Dinas verifier).
    pub fn is_verifier(self) -> bool {
        matches!(self, Role::VerifierBadan | Role::VerifierDinas)
    }
}

/// A user as the server shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Id.
    pub id: String,
    /// Role.
    pub role: Role,
    /// Official e-mail address (the sign-in name).
    pub email: String,
    /// Full name.
    pub full_name: String,
    /// NIP (owners).
    #[serde(default)]
    pub nip: Option<String>,
    /// NIK (owners).
    #[serde(default)]
    pub nik: Option<String>,
    /// Position (jabatan).
    #[serde(default)]
    pub title: Option<String>,
    /// Work unit (unit kerja).
    #[serde(default)]
    pub unit: Option<String>,
    /// Rank (pangkat/golongan).
    #[serde(default)]
    pub rank: Option<String>,
    /// Telephone.
    #[serde(default)]
    pub phone: Option<String>,
    /// When the account was made.
    #[serde(default)]
    pub created_at: String,
}

/// An owner's registration form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterOwner {
    /// Full name as it goes into the certificate.
    pub full_name: String,
    /// NIP, 18 digits.
    pub nip: String,
    /// NIK, 16 digits, agreeing with the NIP.
    pub nik: String,
    /// Official e-mail address.
    pub email: String,
    /// Position (jabatan).
    pub title: String,
    /// Work unit (unit kerja).
    pub unit: String,
    /// Rank (pangkat/golongan), optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<String>,
    /// Telephone, optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Password, at least 10 characters.
    pub password: String,
}

impl RegisterOwner {
    /// The registration of the owner of `profile` (the app's saved profile) with `password`.
    pub fn from_profile(profile: &sertel_core::profile::OwnerProfile, password: &str) -> Self {
        RegisterOwner {
            full_name: profile.full_name.clone(),
            nip: profile.nip.clone(),
            nik: profile.nik.clone().unwrap_or_default(),
            email: profile.email.clone(),
            title: profile.title.clone(),
            unit: profile.unit.clone(),
            rank: profile.rank.clone(),
            phone: profile.phone.clone(),
            password: password.to_owned(),
        }
    }
}

/// A session token. Its `Debug` never shows the secret.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionToken {
    /// The bearer token.
    pub token: String,
    /// When it stops working, Unix seconds.
    pub expires_at: i64,
    /// The user it belongs to (the outbox sends an entry only under the session of the user
    /// who queued it).
    pub user_id: String,
}

impl fmt::Debug for SessionToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionToken")
            .field("token", &"…")
            .field("expires_at", &self.expires_at)
            .field("user_id", &self.user_id)
            .finish()
    }
}

/// A new session: the token (also handed to the [`crate::TokenStore`]) and the user. Not
/// `Serialize`, so the token is not sent to a web view by accident: hand the UI the `user`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The token.
    pub token: SessionToken,
    /// Who signed in.
    pub user: User,
}

/// The terms the owner agrees to before applying (Pasal 19 and 20) and their version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    /// The version to send with a submission.
    pub version: String,
    /// The text.
    pub text: Bilingual,
}
