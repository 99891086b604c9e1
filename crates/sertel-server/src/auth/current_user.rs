//! The extractor of the signed-in user: `Authorization: Bearer <token>`.

use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;

use super::{authenticate, Role};
use crate::users::User;
use crate::{ApiError, AppState};

/// The user behind the request's session token; rejects with 401 when there is none.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    /// The user.
    pub user: User,
    /// The session token as presented (for sign-out).
    pub token: String,
}

impl CurrentUser {
    /// Passes when the user has one of `roles`; 403 otherwise.
    pub fn require(&self, roles: &[Role]) -> Result<(), ApiError> {
        if roles.contains(&self.user.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// The user's id.
    pub fn id(&self) -> &str {
        &self.user.id
    }

    /// The user's role.
    pub fn role(&self) -> Role {
        self.user.role
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or(ApiError::Unauthenticated)?;
        let token = header
            .strip_prefix("Bearer ")
            .map(str::trim)
            .ok_or(ApiError::Unauthenticated)?;
        let user = authenticate(state, token)
            .await?
            .ok_or(ApiError::Unauthenticated)?;
        Ok(CurrentUser {
            user,
            token: token.to_owned(),
        })
    }
}
