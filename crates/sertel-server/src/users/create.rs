//! Inserting a user, shared by registration, the admin API and the `admin create` command.

use serde_json::json;

use crate::audit;
use crate::auth::Role;
use crate::db::WriteTx;
use crate::ids::{new_id, now_rfc3339};
use crate::users::User;
use crate::ApiError;

/// A user to create; the password is already hashed.
#[derive(Clone, Debug)]
pub struct NewUser {
    /// Role.
    pub role: Role,
    /// E-mail address, normalised (trimmed, lower case).
    pub email: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Full name.
    pub full_name: String,
    /// NIP (owners).
    pub nip: Option<String>,
    /// NIK (owners).
    pub nik: Option<String>,
    /// Position.
    pub title: Option<String>,
    /// Agency / work unit.
    pub unit: Option<String>,
    /// Rank.
    pub rank: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
}

async fn taken(tx: &mut WriteTx, column: &str, value: &Option<String>) -> Result<bool, ApiError> {
    let Some(value) = value else {
        return Ok(false);
    };
    let sql = format!("SELECT 1 FROM users WHERE {column} = $1");
    Ok(sqlx::query(&sql)
        .bind(value)
        .fetch_optional(tx.conn())
        .await?
        .is_some())
}

/// Inserts the user and its audit entry in `tx`; refuses a taken e-mail, NIP or NIK. `actor` is
/// who creates the account (`None`: the new user registers themself).
pub async fn create_user(
    tx: &mut WriteTx,
    actor: Option<&str>,
    new: NewUser,
) -> Result<User, ApiError> {
    if taken(tx, "email", &Some(new.email.clone())).await? {
        return Err(ApiError::AlreadyRegistered("e-mail"));
    }
    if taken(tx, "nip", &new.nip).await? {
        return Err(ApiError::AlreadyRegistered("NIP"));
    }
    if taken(tx, "nik", &new.nik).await? {
        return Err(ApiError::AlreadyRegistered("NIK"));
    }
    let user = User {
        id: new_id(),
        role: new.role,
        email: new.email,
        full_name: new.full_name,
        nip: new.nip,
        nik: new.nik,
        title: new.title,
        unit: new.unit,
        rank: new.rank,
        phone: new.phone,
        created_at: now_rfc3339(),
    };
    sqlx::query(
        "INSERT INTO users (id, role, email, password_hash, full_name, nip, nik, title, unit, \
         rank, phone, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(&user.id)
    .bind(user.role.as_str())
    .bind(&user.email)
    .bind(&new.password_hash)
    .bind(&user.full_name)
    .bind(&user.nip)
    .bind(&user.nik)
    .bind(&user.title)
    .bind(&user.unit)
    .bind(&user.rank)
    .bind(&user.phone)
    .bind(&user.created_at)
    .execute(tx.conn())
    .await?;
    let (actor, action) = match actor {
        None => (user.id.as_str(), "owner.register"),
        Some(a) => (a, "user.create"),
    };
    audit::append(
        tx,
        actor,
        action,
        &user.id,
        json!({"role": user.role.as_str(), "email": user.email, "nip": user.nip}),
    )
    .await?;
    Ok(user)
}
