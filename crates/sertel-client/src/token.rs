//! Where the session token lives. The client keeps it only through the [`TokenStore`] it is
//! given: the OS keyring or its file fallback ([`crate::TokenStorage`]), or memory
//! ([`MemoryTokenStore`]).

use std::sync::Mutex;

use crate::model::SessionToken;
use crate::ClientError;

/// The app's storage for the one session token of this client (for one server).
///
/// Implementations report failures with [`ClientError::token_store`].
pub trait TokenStore: Send + Sync {
    /// The stored token, if any.
    fn load(&self) -> Result<Option<SessionToken>, ClientError>;
    /// Stores `token`, replacing any other.
    fn save(&self, token: &SessionToken) -> Result<(), ClientError>;
    /// Forgets the token.
    fn clear(&self) -> Result<(), ClientError>;
}

/// A token kept in memory only (tests, or a "do not remember me" session).
#[derive(Debug, Default)]
pub struct MemoryTokenStore {
    token: Mutex<Option<SessionToken>>,
}

impl MemoryTokenStore {
    /// An empty store.
    pub fn new() -> MemoryTokenStore {
        MemoryTokenStore::default()
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Option<SessionToken>> {
        // A panic while holding the lock cannot leave a half-written token: take it as it is.
        self.token.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl TokenStore for MemoryTokenStore {
    fn load(&self) -> Result<Option<SessionToken>, ClientError> {
        Ok(self.slot().clone())
    }

    fn save(&self, token: &SessionToken) -> Result<(), ClientError> {
        *self.slot() = Some(token.clone());
        Ok(())
    }

    fn clear(&self) -> Result<(), ClientError> {
        *self.slot() = None;
        Ok(())
    }
}
