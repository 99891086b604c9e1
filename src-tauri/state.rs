//! The one state the commands share: where the files are, the settings in force, the regency.

use std::sync::RwLock;

use sertel_core::i18n::Lang;
use sertel_core::profile::RegencyProfile;
use sertel_desktop_core::key_slot::KeySlot;
use sertel_desktop_core::settings::Settings;
use sertel_desktop_core::AppPaths;

/// Shared by every command.
pub struct AppState {
    /// The app's folders.
    pub paths: AppPaths,
    /// The settings in force (saved ones, updated when the user saves).
    pub settings: RwLock<Settings>,
    /// The regency whose rules the profile follows.
    pub regency: RegencyProfile,
}

impl AppState {
    /// The state for `paths`, with the saved settings (defaults when unreadable).
    pub fn new(paths: AppPaths) -> AppState {
        let settings = Settings::load(&paths).unwrap_or_default();
        AppState {
            paths,
            settings: RwLock::new(settings),
            regency: RegencyProfile::default(),
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

    /// The owner's key slot.
    pub fn key_slot(&self) -> KeySlot {
        KeySlot::new(self.paths.key_dir())
    }
}
