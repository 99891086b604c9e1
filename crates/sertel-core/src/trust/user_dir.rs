//! The user's trust folder: where the CLI and the desktop app both look for the CA
//! certificates the user chose to trust.

use std::path::PathBuf;

/// The trust folder: `$SERTEL_TRUST_DIR`, else `$XDG_CONFIG_HOME/sertel/trust`, else
/// `~/.config/sertel/trust`; `None` when neither `XDG_CONFIG_HOME` nor `HOME` is set.
pub fn user_trust_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SERTEL_TRUST_DIR") {
        return Some(PathBuf::from(dir));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("sertel").join("trust"))
}
