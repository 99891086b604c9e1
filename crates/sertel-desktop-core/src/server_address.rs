//! The rule for the Sertel server's address: HTTPS, except plain HTTP to this computer itself
//! (`localhost`, `127.0.0.0/8`, `[::1]`), where nothing crosses a network. The server receives
//! personal data and documents, so a typo must not send them unencrypted.

use std::net::IpAddr;

use crate::settings::normalize_url;
use crate::DesktopError;

/// Whether `host` (as written in a URL, IPv6 in brackets, no port) is this computer.
pub fn is_loopback_host(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The host part of an `http(s)://` URL (without user info and port).
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    if host_port.starts_with('[') {
        return host_port.split_inclusive(']').next().unwrap_or(host_port);
    }
    host_port.split(':').next().unwrap_or(host_port)
}

/// Normalizes the server address and refuses plain HTTP to anything but this computer.
pub fn check_server_url(url: Option<&str>) -> Result<Option<String>, DesktopError> {
    let Some(url) = normalize_url(url)? else {
        return Ok(None);
    };
    if url.starts_with("http://") && !is_loopback_host(host_of(&url)) {
        return Err(DesktopError::PlainHttp(url));
    }
    Ok(Some(url))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_and_http_only_to_this_computer() {
        for ok in [
            "https://sertel.muaraenimkab.go.id",
            "http://127.0.0.1:8080",
            "http://127.8.9.1",
            "http://localhost:3000/api",
            "http://[::1]:8443",
            "http://user@localhost",
        ] {
            assert_eq!(
                check_server_url(Some(ok)).unwrap().as_deref(),
                Some(ok),
                "{ok}"
            );
        }
        for plain in [
            "http://sertel.muaraenimkab.go.id",
            "http://10.0.0.5:8080",
            "http://localhost.evil.example",
            "http://127.0.0.1.nip.io",
            "http://[::2]",
            "http://localhost@example.org",
        ] {
            let err = check_server_url(Some(plain)).unwrap_err();
            assert!(
                matches!(err, DesktopError::PlainHttp(_)),
                "{plain}: {err:?}"
            );
        }
        assert_eq!(check_server_url(Some(" ")).unwrap(), None);
    }
}
