//! The one state the commands share: where the files are, the settings in force, the regency.

use std::sync::{Arc, Mutex, RwLock};

use sertel_core::i18n::Lang;
use sertel_core::profile::RegencyProfile;
use sertel_desktop_core::connection::Connection;
use sertel_desktop_core::key_slot::KeySlot;
use sertel_desktop_core::settings::Settings;
use sertel_desktop_core::status_feed::StatusFeed;
use sertel_desktop_core::{AppPaths, DesktopError};

/// Shared by every command.
pub struct AppState {
    /// The app's folders.
    pub paths: AppPaths,
    /// The settings in force (saved ones, updated when the user saves).
    pub settings: RwLock<Settings>,
    /// The regency whose rules the profile follows.
    pub regency: RegencyProfile,
    /// The connection to the server, for the address it was opened with.
    connection: Mutex<Option<(String, Arc<Connection>)>>,
    /// The signed-in owner's status feed (the server's push channel).
    pub feed: StatusFeed,
}

impl AppState {
    /// The state for `paths`, with the saved settings (defaults when unreadable).
    pub fn new(paths: AppPaths) -> AppState {
        let mut settings = Settings::load(&paths).unwrap_or_default();
        // `SERTEL_SERVER_URL` points this run at another server (scripts/run.sh: the local one)
        // without changing the saved settings.
        if let Some(url) = std::env::var("SERTEL_SERVER_URL")
            .ok()
            .filter(|u| !u.trim().is_empty())
        {
            settings.server_url = Some(url.trim().trim_end_matches('/').to_owned());
        }
        AppState {
            paths,
            settings: RwLock::new(settings),
            regency: RegencyProfile::default(),
            connection: Mutex::new(None),
            feed: StatusFeed::default(),
        }
    }

    /// The settings in force.
    pub fn settings(&self) -> Settings {
        self.settings
            .read()
            .map(|s| s.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.settings().lang
    }

    /// The connection to the server in the settings (opened once per address).
    pub fn connection(&self) -> Result<Arc<Connection>, DesktopError> {
        let url = self
            .settings()
            .server_url
            .ok_or_else(|| DesktopError::InvalidUrl(String::new()))?;
        let mut held = self
            .connection
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((held_url, conn)) = held.as_ref() {
            if *held_url == url {
                return Ok(Arc::clone(conn));
            }
        }
        let conn = Arc::new(Connection::open(&self.paths, &url)?);
        *held = Some((url, Arc::clone(&conn)));
        Ok(conn)
    }

    /// The owner's key slot.
    pub fn key_slot(&self) -> KeySlot {
        KeySlot::new(self.paths.key_dir())
    }

    /// The agency's seal key slot.
    pub fn seal_slot(&self) -> KeySlot {
        sertel_desktop_core::seal::seal_slot(&self.paths)
    }

    /// The seal's key slot with `seal`, otherwise the owner's.
    pub fn slot(&self, seal: bool) -> KeySlot {
        if seal {
            self.seal_slot()
        } else {
            self.key_slot()
        }
    }
}
