//! Where the session token is kept: the OS keyring when it answers, otherwise a private file in
//! the app's data directory, reported as such; a token left in the file moves into the keyring
//! once it works. The platform test signs in against a real server through whatever this
//! machine offers and checks the token is where the report says.

#![allow(clippy::unwrap_used, missing_docs)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::sync::Arc;

use keyring_core::{CredentialStore, Entry};
use sertel_client::model::SessionToken;
use sertel_client::{
    fallback_path, Client, ClientError, FileTokenStore, KeyringTokenStore, ServerAddress,
    TokenBackend, TokenStorage, TokenStore,
};
use sertel_core::i18n::{Lang, Localized};

use common::*;

fn token(n: u8) -> SessionToken {
    SessionToken {
        token: format!("rahasia-{n}"),
        expires_at: 1_900_000_000 + i64::from(n),
        user_id: "u-1".into(),
    }
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn address() -> ServerAddress {
    ServerAddress::parse("https://sertel.muaraenimkab.go.id").unwrap()
}

fn no_keyring() -> Result<Arc<CredentialStore>, ClientError> {
    Err(ClientError::token_store(
        "D-Bus error: The name org.freedesktop.secrets was not provided",
    ))
}

#[test]
fn without_a_keyring_the_token_goes_to_a_private_file_and_the_ui_is_told() {
    let data = tempfile::tempdir().unwrap();
    let storage = TokenStorage::open_with(no_keyring(), data.path(), &address());
    let path = fallback_path(data.path(), &address());
    assert!(storage.backend.is_fallback());
    assert_eq!(
        storage.backend,
        TokenBackend::File {
            path: path.clone(),
            reason: "D-Bus error: The name org.freedesktop.secrets was not provided".into()
        }
    );
    assert_eq!(storage.backend.kind(), "session_in_file");
    let (id, en) = (
        storage.backend.message(Lang::Id),
        storage.backend.message(Lang::En),
    );
    assert!(
        id.contains("Keyring sistem tidak tersedia") && id.contains(&path.display().to_string())
    );
    assert!(en.contains("keyring is not available") && en.contains("org.freedesktop.secrets"));

    assert_eq!(storage.store.load().unwrap(), None);
    storage.store.save(&token(1)).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    storage.store.save(&token(2)).unwrap();
    // A new start of the app finds it.
    let again = TokenStorage::open_with(no_keyring(), data.path(), &address());
    assert_eq!(again.store.load().unwrap(), Some(token(2)));
    again.store.clear().unwrap();
    assert!(!path.exists());
    again.store.clear().unwrap();
    assert_eq!(again.store.load().unwrap(), None);
}

#[test]
fn each_server_has_its_own_file() {
    let data = tempfile::tempdir().unwrap();
    let other = ServerAddress::parse("https://sertel.example.go.id").unwrap();
    assert_ne!(
        fallback_path(data.path(), &address()),
        fallback_path(data.path(), &other)
    );
}

#[test]
fn a_token_file_others_can_read_is_not_used() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("session.json");
    let store = FileTokenStore::new(&path);
    store.save(&token(1)).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(store.load().unwrap(), None);
    assert!(!path.exists(), "removed, the user signs in again");
}

#[test]
fn a_damaged_token_file_is_a_token_store_error() {
    let data = tempfile::tempdir().unwrap();
    let path = data.path().join("session.json");
    std::fs::write(&path, b"{not json").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let e = FileTokenStore::new(&path).load().unwrap_err();
    assert_eq!(e.kind(), "token_store_failed");
    assert!(e.message(Lang::Id).contains("session.json"), "{e}");
}

#[test]
fn a_working_keyring_is_used_and_takes_over_a_token_left_in_the_file() {
    let data = tempfile::tempdir().unwrap();
    // Earlier, without a keyring.
    let before = TokenStorage::open_with(no_keyring(), data.path(), &address());
    before.store.save(&token(7)).unwrap();

    let keyring: Arc<CredentialStore> = keyring_core::mock::Store::new().unwrap();
    let storage = TokenStorage::open_with(Ok(keyring.clone()), data.path(), &address());
    assert!(!storage.backend.is_fallback());
    assert!(
        matches!(&storage.backend, TokenBackend::Keyring { vendor } if vendor.contains("Mock"))
    );
    assert_eq!(storage.store.load().unwrap(), Some(token(7)));
    assert!(!fallback_path(data.path(), &address()).exists(), "moved");

    // It is the keyring entry of this server, under Sertel's service name.
    let entry =
        Entry::new_in_store(&keyring, KeyringTokenStore::SERVICE, address().as_str()).unwrap();
    let stored: SessionToken = serde_json::from_slice(&entry.get_secret().unwrap()).unwrap();
    assert_eq!(stored, token(7));
    storage.store.clear().unwrap();
    assert!(matches!(
        entry.get_secret(),
        Err(keyring_core::Error::NoEntry)
    ));
    storage.store.clear().unwrap();
}

/// Signs in through the store this machine offers; the token is where the report says. Under
/// a desktop session (or `dbus-run-session` with a Secret Service) that is the keyring; on a
/// machine without one, the file.
#[test]
fn signing_in_keeps_the_token_where_the_storage_says() {
    let server = Server::start();
    owner(&server).logout().unwrap();
    let data = tempfile::tempdir().unwrap();
    let address = ServerAddress::parse(&server.url()).unwrap();
    let storage = TokenStorage::open(data.path(), &address);
    eprintln!("token storage on this machine: {:?}", storage.backend);
    let client = Client::new(&server.url(), storage.store.clone()).unwrap();
    let session = client.login(&owner_form().email, PASSWORD).unwrap();
    let file = fallback_path(data.path(), &address);
    match &storage.backend {
        TokenBackend::File { path, .. } => {
            assert_eq!(path, &file);
            let on_disk: SessionToken =
                serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
            assert_eq!(on_disk, session.token);
        }
        TokenBackend::Keyring { .. } => {
            assert!(!file.exists());
            let store = KeyringTokenStore::platform_store().unwrap();
            let fresh = KeyringTokenStore::new(&store, &address).unwrap();
            assert_eq!(fresh.load().unwrap(), Some(session.token.clone()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(client.me().unwrap().email, owner_form().email);
    client.logout().unwrap();
    assert_eq!(storage.store.load().unwrap(), None);
    assert!(!file.exists());
}
