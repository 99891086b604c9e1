//! Choosing where the session token lives: the OS keyring when it works, otherwise a private
//! file in the app's data directory — and saying which, so the UI can tell the user.
//!
//! The keyring counts as working when it gives back the stored token or, when it holds none,
//! takes a probe write (a locked keyring whose unlock prompt cannot be shown answers lookups
//! but refuses writes). Without a desktop session (no D-Bus, no Secret Service, or a keyring
//! that stays locked) it does not, and the token goes to
//! `<data dir>/session/<server>.json` (mode 0600). When the keyring works again, a token left
//! in the file moves into the keyring and the file is removed.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use aws_lc_rs::digest::{digest, SHA256};
use keyring_core::CredentialStore;
use sertel_core::i18n::{Lang, Localized};

use crate::{ClientError, FileTokenStore, KeyringTokenStore, ServerAddress, TokenStore};

/// Where the token is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenBackend {
    /// In the OS keyring.
    Keyring {
        /// The keyring's provider (e.g. the Secret Service store).
        vendor: String,
    },
    /// In a file readable only by the user, because the keyring could not be used.
    File {
        /// The file.
        path: PathBuf,
        /// Why the keyring could not be used (the keyring's own words, English).
        reason: String,
    },
}

impl TokenBackend {
    /// Whether the token is in the fallback file rather than the keyring.
    pub fn is_fallback(&self) -> bool {
        matches!(self, TokenBackend::File { .. })
    }
}

impl Localized for TokenBackend {
    fn kind(&self) -> &'static str {
        match self {
            TokenBackend::Keyring { .. } => "session_in_keyring",
            TokenBackend::File { .. } => "session_in_file",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TokenBackend::Keyring { .. }, Lang::Id) => {
                "Sesi masuk disimpan di keyring sistem.".into()
            }
            (TokenBackend::Keyring { .. }, Lang::En) => {
                "The sign-in session is kept in the system keyring.".into()
            }
            (TokenBackend::File { path, reason }, Lang::Id) => format!(
                "Keyring sistem tidak tersedia ({reason}); sesi masuk disimpan dalam berkas {} \
                 yang hanya dapat dibaca oleh pengguna ini. Keluar (logout) setelah selesai bila \
                 komputer ini dipakai bersama.",
                path.display()
            ),
            (TokenBackend::File { path, reason }, Lang::En) => format!(
                "The system keyring is not available ({reason}); the sign-in session is kept in \
                 the file {}, readable only by this user. Sign out when done if this computer is \
                 shared.",
                path.display()
            ),
        }
    }
}

/// The token store chosen for one server, and where it keeps the token.
#[derive(Clone)]
pub struct TokenStorage {
    /// The store, to give to [`crate::Client::new`].
    pub store: Arc<dyn TokenStore>,
    /// Where it keeps the token (show [`TokenBackend::message`] when it is the file).
    pub backend: TokenBackend,
}

impl std::fmt::Debug for TokenStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenStorage")
            .field("backend", &self.backend)
            .finish_non_exhaustive()
    }
}

impl TokenStorage {
    /// The platform's keyring for `server` if it works, else the file under `data_dir`.
    pub fn open(data_dir: &Path, server: &ServerAddress) -> TokenStorage {
        TokenStorage::open_with(KeyringTokenStore::platform_store(), data_dir, server)
    }

    /// Like [`TokenStorage::open`] with a given keyring (or the error of finding one).
    pub fn open_with(
        keyring: Result<Arc<CredentialStore>, ClientError>,
        data_dir: &Path,
        server: &ServerAddress,
    ) -> TokenStorage {
        let file = FileTokenStore::new(fallback_path(data_dir, server));
        // Reading the token back proves access; without one, a write has to be tried.
        let working = keyring
            .and_then(|store| KeyringTokenStore::new(&store, server))
            .and_then(|k| k.load().map(|stored| (k, stored)))
            .and_then(|(k, stored)| match stored {
                Some(_) => Ok((k, stored)),
                None => k.check_writable().map(|()| (k, stored)),
            });
        match working {
            Ok((keyring, stored)) => {
                if stored.is_none() {
                    move_into(&file, &keyring);
                }
                TokenStorage {
                    backend: TokenBackend::Keyring {
                        vendor: keyring.vendor().to_owned(),
                    },
                    store: Arc::new(keyring),
                }
            }
            Err(e) => TokenStorage {
                backend: TokenBackend::File {
                    path: file.path().to_owned(),
                    reason: reason(&e),
                },
                store: Arc::new(file),
            },
        }
    }
}

/// `<data_dir>/session/<first 16 bytes of SHA-256 of the address, hex>.json`.
pub fn fallback_path(data_dir: &Path, server: &ServerAddress) -> PathBuf {
    let hash = digest(&SHA256, server.as_str().as_bytes());
    let name = hex::encode(&hash.as_ref()[..16]);
    data_dir.join("session").join(format!("{name}.json"))
}

/// Moves a token left in the fallback file into the keyring; on any failure the file stays
/// (the user is then asked to sign in, nothing worse).
fn move_into(file: &FileTokenStore, keyring: &KeyringTokenStore) {
    if let Ok(Some(token)) = file.load() {
        if keyring.save(&token).is_ok() {
            let _ = file.clear();
        }
    }
}

/// The keyring's reason, without this crate's wrapping.
fn reason(e: &ClientError) -> String {
    match e {
        ClientError::TokenStore { reason } => reason.clone(),
        other => other.message(Lang::En),
    }
}
