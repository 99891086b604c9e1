//! The Key screen: key facts, the strength meter, creating, importing and backing up the key,
//! the certificate request and taking in the issued certificate.
//! Passphrases arrive as strings, are wrapped at once in `Passphrase` (wiped on drop) and are
//! never stored or logged.

use std::path::PathBuf;

use sertel_core::key::{KeyAlgorithm, Passphrase};
use sertel_desktop_core::certificate_request::{import_certificate, write_certificate_request};
use sertel_desktop_core::key_info::KeyInfo;
use sertel_desktop_core::key_slot::{passphrase_owner, BackupKind, KeySlot, NewPassphrase};
use sertel_desktop_core::passphrase_meter::{meter, Meter};
use sertel_desktop_core::{profile_store, DesktopError};
use tauri::State;

use crate::error::{blocking, UiError, UiResult};
use crate::state::AppState;

/// The key's facts, or `None` before there is a key.
#[tauri::command]
pub fn key_info(state: State<'_, AppState>) -> UiResult<Option<KeyInfo>> {
    state
        .key_slot()
        .info()
        .map_err(|e| UiError::new(&e, state.lang()))
}

/// The strength meter for a new passphrase, rated against the saved profile.
#[tauri::command]
pub fn key_meter(state: State<'_, AppState>, passphrase: String) -> Meter {
    let passphrase = Passphrase::new(passphrase);
    let profile = profile_store::load(&state.paths).ok().flatten();
    meter(
        &passphrase,
        &passphrase_owner(profile.as_ref()),
        state.lang(),
    )
}

fn algorithm(name: &str) -> Result<KeyAlgorithm, DesktopError> {
    name.parse::<KeyAlgorithm>().map_err(DesktopError::core)
}

/// Generates a new key under the new passphrase (typed twice).
#[tauri::command]
pub async fn key_create(
    state: State<'_, AppState>,
    passphrase: String,
    repeat: String,
    algorithm_name: String,
) -> UiResult<KeyInfo> {
    let slot = state.key_slot();
    create_in(&state, slot, passphrase, repeat, algorithm_name).await
}

/// Generates a key of `algorithm_name` in `slot` under the new passphrase (typed twice),
/// checked against the saved profile.
pub(crate) async fn create_in(
    state: &AppState,
    slot: KeySlot,
    passphrase: String,
    repeat: String,
    algorithm_name: String,
) -> UiResult<KeyInfo> {
    let new = NewPassphrase {
        passphrase: Passphrase::new(passphrase),
        repeat: Passphrase::new(repeat),
    };
    let paths = state.paths.clone();
    blocking(state.lang(), move || {
        let profile = profile_store::load(&paths)?.ok_or(DesktopError::NoProfile)?;
        slot.create(&new, &profile, algorithm(&algorithm_name)?)
    })
    .await
}

/// Imports a key and certificate from a PKCS#12 file, saving the key under a new passphrase.
#[tauri::command]
pub async fn key_import(
    state: State<'_, AppState>,
    path: PathBuf,
    p12_password: String,
    passphrase: String,
    repeat: String,
) -> UiResult<KeyInfo> {
    let p12_password = Passphrase::new(p12_password);
    let new = NewPassphrase {
        passphrase: Passphrase::new(passphrase),
        repeat: Passphrase::new(repeat),
    };
    let slot = state.key_slot();
    let paths = state.paths.clone();
    blocking(state.lang(), move || {
        let profile = profile_store::load(&paths)?;
        slot.import_pkcs12(&path, &p12_password, &new, profile.as_ref())
    })
    .await
}

/// Writes a backup of the key (PKCS#12 once there is a certificate) to `path`.
#[tauri::command]
pub async fn key_export(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: String,
    backup_password: String,
    backup_repeat: String,
) -> UiResult<BackupKind> {
    let passphrase = Passphrase::new(passphrase);
    let backup = NewPassphrase {
        passphrase: Passphrase::new(backup_password),
        repeat: Passphrase::new(backup_repeat),
    };
    let slot = state.key_slot();
    blocking(state.lang(), move || {
        slot.export_backup(&path, &passphrase, &backup)
    })
    .await
}

/// Writes the key's certificate request (PEM), built from the saved profile, to `path`.
#[tauri::command]
pub async fn key_request_export(
    state: State<'_, AppState>,
    path: PathBuf,
    passphrase: String,
) -> UiResult<()> {
    let passphrase = Passphrase::new(passphrase);
    let slot = state.key_slot();
    let paths = state.paths.clone();
    let regency = state.regency.clone();
    blocking(state.lang(), move || {
        let profile = profile_store::load(&paths)?.ok_or(DesktopError::NoProfile)?;
        write_certificate_request(&slot, &passphrase, &profile, &regency, &path)
    })
    .await
}

/// Stores the certificate file at `path` (the key's certificate and its issuers) with the key.
#[tauri::command]
pub fn key_certificate_import(state: State<'_, AppState>, path: PathBuf) -> UiResult<KeyInfo> {
    import_certificate(&state.key_slot(), &path).map_err(|e| UiError::new(&e, state.lang()))
}
