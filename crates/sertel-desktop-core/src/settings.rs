//! The app's settings: language, the Sertel server's address, the timestamp server.

use serde::{Deserialize, Serialize};
use sertel_core::i18n::Lang;

use crate::json_file::{read_json, write_json};
use crate::server_address::check_server_url;
use crate::{AppPaths, DesktopError};

/// What the user set. Missing fields take their defaults, so older files keep loading.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language (Indonesian unless changed).
    pub lang: Lang,
    /// The Sertel server's address; `None` until the user sets it (the server-connected
    /// screens stay off until then). HTTPS, or plain HTTP to this computer only
    /// ([`crate::server_address`]).
    pub server_url: Option<String>,
    /// The RFC 3161 timestamp server; when set, signatures are PAdES B-LT (B-T when the
    /// validation material cannot be had, [`crate::signing`]). Plain HTTP is
    /// allowed: timestamp answers are signed by the TSA and checked, and many TSAs serve HTTP.
    pub tsa_url: Option<String>,
}

impl Settings {
    /// The saved settings, or the defaults.
    pub fn load(paths: &AppPaths) -> Result<Settings, DesktopError> {
        Ok(read_json(&paths.settings())?.unwrap_or_default())
    }

    /// Checks and normalizes the addresses, then saves atomically; returns what was saved.
    pub fn save(&self, paths: &AppPaths) -> Result<Settings, DesktopError> {
        let settings = Settings {
            lang: self.lang,
            server_url: check_server_url(self.server_url.as_deref())?,
            tsa_url: normalize_url(self.tsa_url.as_deref())?,
        };
        write_json(&paths.settings(), &settings)?;
        Ok(settings)
    }
}

/// An empty address is no address; anything else must be `http(s)://host…` without spaces.
pub fn normalize_url(url: Option<&str>) -> Result<Option<String>, DesktopError> {
    let Some(url) = url.map(str::trim).filter(|u| !u.is_empty()) else {
        return Ok(None);
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !url.contains(char::is_whitespace) => {
            Ok(Some(url.trim_end_matches('/').to_owned()))
        }
        _ => Err(DesktopError::InvalidUrl(url.to_owned())),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_http_or_https_with_a_host() {
        assert_eq!(normalize_url(Some("  ")).unwrap(), None);
        assert_eq!(
            normalize_url(Some("http://127.0.0.1:8080/")).unwrap(),
            Some("http://127.0.0.1:8080".into())
        );
        for bad in ["ftp://x", "https://", "sertel.example", "http://a b"] {
            assert!(normalize_url(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn settings_round_trip_and_default_to_indonesian() {
        let dir = tempfile::tempdir().unwrap();
        let paths = AppPaths::new(dir.path().join("d"), dir.path().join("c"));
        assert_eq!(Settings::load(&paths).unwrap().lang, Lang::Id);
        let saved = Settings {
            lang: Lang::En,
            server_url: Some("https://sertel.muaraenimkab.go.id/".into()),
            tsa_url: None,
        }
        .save(&paths)
        .unwrap();
        assert_eq!(
            saved.server_url.as_deref(),
            Some("https://sertel.muaraenimkab.go.id")
        );
        assert_eq!(Settings::load(&paths).unwrap(), saved);
    }
}
