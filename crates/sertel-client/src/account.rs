//! Accounts: register as an owner, sign in and out, who am I, and the consent text.

use serde::Deserialize;
use serde_json::json;
use ureq::http::Method;

use crate::model::{Consent, RegisterOwner, Session, SessionToken, User};
use crate::transport::Body;
use crate::{Client, ClientError};

impl Client {
    /// Registers a certificate owner (`POST /api/v1/owners`). Does not sign in.
    pub fn register_owner(&self, form: &RegisterOwner) -> Result<User, ClientError> {
        let body = serde_json::to_value(form).map_err(|_| ClientError::InvalidArgument {
            name: "form",
            reason: "cannot be written as JSON",
        })?;
        self.transport()
            .call(Method::POST, "/api/v1/owners", None, &[], Body::Json(body))?
            .json()
    }

    /// Signs in (`POST /api/v1/sessions`); the token goes to the token store and is returned.
    pub fn login(&self, email: &str, password: &str) -> Result<Session, ClientError> {
        #[derive(Deserialize)]
        struct Wire {
            token: String,
            expires_at: i64,
            user: User,
        }
        let body = json!({"email": email, "password": password});
        let wire: Wire = self
            .transport()
            .call(
                Method::POST,
                "/api/v1/sessions",
                None,
                &[],
                Body::Json(body),
            )?
            .json()?;
        let token = SessionToken {
            token: wire.token,
            expires_at: wire.expires_at,
            user_id: wire.user.id.clone(),
        };
        self.tokens().save(&token)?;
        Ok(Session {
            token,
            user: wire.user,
        })
    }

    /// Signs out (`DELETE /api/v1/sessions/current`) and forgets the token — also when the
    /// server already forgot the session. Signing out without a session does nothing.
    pub fn logout(&self) -> Result<(), ClientError> {
        if self.tokens().load()?.is_none() {
            return Ok(());
        }
        match self.call(Method::DELETE, "/api/v1/sessions/current", &[], Body::Empty) {
            Ok(_) => {}
            Err(ClientError::Server(p)) if p.status == 401 => {}
            Err(e) => return Err(e),
        }
        self.tokens().clear()
    }

    /// The signed-in user (`GET /api/v1/me`).
    pub fn me(&self) -> Result<User, ClientError> {
        self.get_json("/api/v1/me")
    }

    /// The consent text of Pasal 19 and 20 and its version (`GET /api/v1/consent`); no session
    /// needed.
    pub fn consent(&self) -> Result<Consent, ClientError> {
        self.transport()
            .call(Method::GET, "/api/v1/consent", None, &[], Body::Empty)?
            .json()
    }
}
