//! Where the app keeps its files: one data folder (profile, key, certificates, the agency's
//! seal key in `seal/`), one
//! configuration folder (settings), and the trust folder the CLI shares.

use std::path::{Path, PathBuf};

/// The folders the app writes to. The shell fills them in from the platform's conventions
/// (on Linux `$XDG_DATA_HOME/<identifier>` and `$XDG_CONFIG_HOME/<identifier>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppPaths {
    /// The data folder.
    pub data: PathBuf,
    /// The configuration folder.
    pub config: PathBuf,
    /// The trust folder: the CA certificates validation trusts.
    pub trust: PathBuf,
}

impl AppPaths {
    /// Paths in `data` and `config`, with the trust folder the CLI uses
    /// ([`sertel_core::trust::user_trust_dir`]), or `config/trust` when it cannot be found.
    pub fn new(data: impl Into<PathBuf>, config: impl Into<PathBuf>) -> AppPaths {
        let config = config.into();
        let trust = sertel_core::trust::user_trust_dir().unwrap_or_else(|| config.join("trust"));
        AppPaths {
            data: data.into(),
            config,
            trust,
        }
    }

    /// The owner's profile (JSON).
    pub fn profile(&self) -> PathBuf {
        self.data.join("profile.json")
    }

    /// The settings (JSON).
    pub fn settings(&self) -> PathBuf {
        self.config.join("settings.json")
    }

    /// The folder of the key slot.
    pub fn key_dir(&self) -> &Path {
        &self.data
    }

    /// The folder of the agency's seal key slot (never the owner's own key).
    pub fn seal_dir(&self) -> PathBuf {
        self.data.join("seal")
    }
}
