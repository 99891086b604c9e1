//! The session token in the OS keyring through `keyring-core` (keyring 4.x): the Secret
//! Service on a Linux desktop, or any other `keyring-core` credential store the app hands in.
//!
//! One entry per server: service [`KeyringTokenStore::SERVICE`], user the server's address.
//! The secret is the token as JSON.

use std::sync::Arc;

use keyring_core::{CredentialStore, Entry, Error as KeyringError};

use crate::model::SessionToken;
use crate::{ClientError, ServerAddress, TokenStore};

/// A [`TokenStore`] in a keyring.
pub struct KeyringTokenStore {
    store: Arc<CredentialStore>,
    server: String,
    entry: Entry,
    vendor: String,
}

impl std::fmt::Debug for KeyringTokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyringTokenStore")
            .field("vendor", &self.vendor)
            .finish_non_exhaustive()
    }
}

impl KeyringTokenStore {
    /// The keyring service name of Sertel's session tokens.
    pub const SERVICE: &'static str = "id.go.muaraenimkab.sertel.session";

    /// The token of `server` in `store`.
    pub fn new(
        store: &Arc<CredentialStore>,
        server: &ServerAddress,
    ) -> Result<KeyringTokenStore, ClientError> {
        let entry = Entry::new_in_store(store, Self::SERVICE, server.as_str()).map_err(failed)?;
        Ok(KeyringTokenStore {
            store: store.clone(),
            server: server.as_str().to_owned(),
            entry,
            vendor: store.vendor(),
        })
    }

    /// The platform's keyring: the Secret Service (over D-Bus) on Linux and the BSDs. Fails
    /// where there is none (no D-Bus session) or on platforms this crate has no store for.
    pub fn platform_store() -> Result<Arc<CredentialStore>, ClientError> {
        #[cfg(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd"))]
        {
            let store = dbus_secret_service_keyring_store::Store::new().map_err(failed)?;
            Ok(store)
        }
        #[cfg(not(any(target_os = "linux", target_os = "freebsd", target_os = "openbsd")))]
        {
            Err(ClientError::token_store(
                "no keyring store is built in for this platform",
            ))
        }
    }

    /// Checks that secrets can be written, not only looked up: a locked keyring answers a
    /// lookup but refuses a write when its unlock prompt cannot be shown or is dismissed. Writes
    /// and deletes a probe entry beside the token's (on a desktop this may show the unlock
    /// prompt).
    pub fn check_writable(&self) -> Result<(), ClientError> {
        let user = format!("{} (probe)", self.server);
        let probe = Entry::new_in_store(&self.store, Self::SERVICE, &user).map_err(failed)?;
        probe.set_secret(b"probe").map_err(failed)?;
        match probe.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(failed(e)),
        }
    }

    /// Who provides the keyring (the store's vendor string).
    pub fn vendor(&self) -> &str {
        &self.vendor
    }
}

impl TokenStore for KeyringTokenStore {
    fn load(&self) -> Result<Option<SessionToken>, ClientError> {
        match self.entry.get_secret() {
            Ok(secret) => serde_json::from_slice(&secret).map(Some).map_err(|e| {
                ClientError::token_store(format!("the keyring entry is not a session ({e})"))
            }),
            Err(KeyringError::NoEntry) => Ok(None),
            Err(e) => Err(failed(e)),
        }
    }

    fn save(&self, token: &SessionToken) -> Result<(), ClientError> {
        let data = serde_json::to_vec(token).map_err(ClientError::token_store)?;
        self.entry.set_secret(&data).map_err(failed)
    }

    fn clear(&self) -> Result<(), ClientError> {
        match self.entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(e) => Err(failed(e)),
        }
    }
}

fn failed(e: KeyringError) -> ClientError {
    ClientError::token_store(e)
}
