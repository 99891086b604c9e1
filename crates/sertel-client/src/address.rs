//! The server address from the settings: `https://host[:port][/prefix]`, or plain `http://` to
//! this machine only (127.0.0.0/8, ::1, `localhost`), where nothing crosses a network.

use std::net::IpAddr;

use crate::ClientError;

/// A checked server address, without a trailing slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerAddress {
    base: String,
    https: bool,
}

impl ServerAddress {
    /// Checks `address`. Refuses anything but `https://` and loopback `http://`, user
    /// information, queries and fragments.
    pub fn parse(address: &str) -> Result<ServerAddress, ClientError> {
        let trimmed = address.trim();
        let invalid = |reason| ClientError::InvalidAddress {
            address: trimmed.to_owned(),
            reason,
        };
        let (scheme, rest) = trimmed
            .split_once("://")
            .ok_or_else(|| invalid("it must start with https://"))?;
        let https = match scheme.to_ascii_lowercase().as_str() {
            "https" => true,
            "http" => false,
            _ => return Err(invalid("only https:// is supported")),
        };
        if rest.contains(['?', '#']) {
            return Err(invalid("it must not have a query or fragment"));
        }
        let authority = rest.split('/').next().unwrap_or_default();
        if authority.contains('@') {
            return Err(invalid("it must not contain a user name or password"));
        }
        let host = host_of(authority).ok_or_else(|| invalid("it has no valid host"))?;
        if !https && !is_loopback(host) {
            return Err(ClientError::InsecureAddress {
                address: trimmed.to_owned(),
            });
        }
        Ok(ServerAddress {
            base: format!(
                "{}://{}",
                scheme.to_ascii_lowercase(),
                rest.trim_end_matches('/')
            ),
            https,
        })
    }

    /// The address, e.g. `https://sertel.muaraenimkab.go.id`.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    /// Whether the connection is TLS.
    pub fn is_https(&self) -> bool {
        self.https
    }

    /// The URL of `path` (which starts with `/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// The host of `host[:port]` or `[v6]:port`, when the port (if any) is a number.
fn host_of(authority: &str) -> Option<&str> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (host, after) = v6.split_once(']')?;
        (host, after.strip_prefix(':'))
    } else {
        match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        }
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.parse::<u16>().is_ok());
    let host_ok = !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':'));
    (port_ok && host_ok).then_some(host)
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "localhost"
        || host.ends_with(".localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_to_loopback() {
        for ok in [
            "https://sertel.muaraenimkab.go.id",
            "https://sertel.muaraenimkab.go.id:8443/",
            "https://10.1.2.3/sertel/",
            "http://127.0.0.1:8080",
            "http://127.8.9.10",
            "http://[::1]:3000/",
            "HTTP://LOCALHOST:8080",
            "http://app.localhost",
        ] {
            ServerAddress::parse(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for insecure in [
            "http://sertel.muaraenimkab.go.id",
            "http://10.0.0.5:8080",
            "http://192.168.1.20",
            "http://[fe80::1]:80",
            "http://localhost.example.com",
        ] {
            let e = ServerAddress::parse(insecure).unwrap_err();
            assert!(
                matches!(e, ClientError::InsecureAddress { .. }),
                "{insecure}: {e}"
            );
        }
        for invalid in [
            "",
            "sertel.muaraenimkab.go.id",
            "ftp://x",
            "https://",
            "https://user:pw@host",
            "https://host:port",
            "https://host/?a=b",
        ] {
            let e = ServerAddress::parse(invalid).unwrap_err();
            assert!(
                matches!(e, ClientError::InvalidAddress { .. }),
                "{invalid}: {e}"
            );
        }
    }

    #[test]
    fn trailing_slashes_are_dropped() {
        let a = ServerAddress::parse(" https://host:8443/sertel/ ").unwrap();
        assert_eq!(a.as_str(), "https://host:8443/sertel");
        assert_eq!(a.url("/api/v1/me"), "https://host:8443/sertel/api/v1/me");
        assert!(a.is_https());
    }
}
