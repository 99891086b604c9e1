//! A user as stored, and as shown.

use serde::Serialize;
use sertel_core::profile::OwnerProfile;
use sqlx::any::AnyRow;
use sqlx::Row;

use crate::auth::Role;
use crate::ApiError;

/// The columns [`User::from_row`] reads, in order, from a `users` table aliased `u`.
pub const USER_COLUMNS: &str =
    "u.id, u.role, u.email, u.full_name, u.nip, u.nik, u.title, u.unit, u.rank, u.phone, \
     u.created_at";

/// How many columns [`USER_COLUMNS`] selects (the index of a column selected after them).
pub const USER_COLUMN_COUNT: usize = 11;

/// A user (never with the password hash).
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct User {
    /// Random id.
    pub id: String,
    /// Role.
    pub role: Role,
    /// Official e-mail address (the login name).
    pub email: String,
    /// Full name.
    pub full_name: String,
    /// NIP (owners).
    pub nip: Option<String>,
    /// NIK (owners).
    pub nik: Option<String>,
    /// Position (jabatan).
    pub title: Option<String>,
    /// Agency / work unit.
    pub unit: Option<String>,
    /// Rank and grade.
    pub rank: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// Registration time.
    pub created_at: String,
}

impl User {
    /// Reads a row selected with [`USER_COLUMNS`].
    pub fn from_row(row: &AnyRow) -> Result<User, ApiError> {
        let role: String = row.try_get(1)?;
        Ok(User {
            id: row.try_get(0)?,
            role: Role::parse(&role)
                .ok_or_else(|| ApiError::internal(format!("unknown role {role}")))?,
            email: row.try_get(2)?,
            full_name: row.try_get(3)?,
            nip: row.try_get(4)?,
            nik: row.try_get(5)?,
            title: row.try_get(6)?,
            unit: row.try_get(7)?,
            rank: row.try_get(8)?,
            phone: row.try_get(9)?,
            created_at: row.try_get(10)?,
        })
    }

    /// The user with `id`, if any.
    pub async fn load(conn: &mut sqlx::AnyConnection, id: &str) -> Result<Option<User>, ApiError> {
        let row = sqlx::query(&format!(
            "SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1"
        ))
        .bind(id)
        .fetch_optional(conn)
        .await?;
        row.as_ref().map(User::from_row).transpose()
    }

    /// The owner's certificate profile, as registered.
    pub fn owner_profile(&self) -> OwnerProfile {
        OwnerProfile {
            full_name: self.full_name.clone(),
            nip: self.nip.clone().unwrap_or_default(),
            nik: self.nik.clone(),
            email: self.email.clone(),
            title: self.title.clone().unwrap_or_default(),
            unit: self.unit.clone().unwrap_or_default(),
            rank: self.rank.clone(),
            phone: self.phone.clone(),
        }
    }
}
