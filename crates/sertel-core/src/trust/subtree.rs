//! Whether a name lies within a name-constraint subtree (RFC 5280 §4.2.1.10), for the name
//! forms Sertel processes: directoryName, rfc822Name, dNSName, uniformResourceIdentifier and
//! iPAddress.

use x509_cert::ext::pkix::constraints::name::GeneralSubtree;
use x509_cert::ext::pkix::name::GeneralName;

use super::name::CanonName;

/// The answer of a subtree test.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Within {
    /// The name is in the subtree.
    Yes,
    /// The name is not in the subtree.
    No,
    /// The subtree cannot be evaluated (a name form Sertel does not process, bounds, or a
    /// malformed iPAddress constraint).
    Unsupported,
}

/// A name prepared for subtree tests.
#[derive(Clone, Debug)]
pub(crate) enum NameValue {
    /// A distinguished name.
    Directory(CanonName),
    /// rfc822Name, dNSName or uniformResourceIdentifier text.
    Text(String),
    /// iPAddress octets (an address in a certificate, address and mask in a constraint).
    Ip(Vec<u8>),
    /// A form Sertel does not process.
    Opaque,
}

/// A name's form and value.
#[derive(Clone, Debug)]
pub(crate) struct FormName {
    /// The ASN.1 name of the form, e.g. `dNSName`.
    pub form: &'static str,
    /// The value.
    pub value: NameValue,
}

impl FormName {
    /// Prepares a general name.
    pub(crate) fn new(name: &GeneralName) -> FormName {
        let (form, value) = match name {
            GeneralName::DirectoryName(n) => {
                ("directoryName", NameValue::Directory(CanonName::new(n)))
            }
            GeneralName::Rfc822Name(s) => ("rfc822Name", NameValue::Text(s.as_str().to_owned())),
            GeneralName::DnsName(s) => ("dNSName", NameValue::Text(s.as_str().to_owned())),
            GeneralName::UniformResourceIdentifier(s) => (
                "uniformResourceIdentifier",
                NameValue::Text(s.as_str().to_owned()),
            ),
            GeneralName::IpAddress(o) => ("iPAddress", NameValue::Ip(o.as_bytes().to_vec())),
            GeneralName::OtherName(_) => ("otherName", NameValue::Opaque),
            GeneralName::EdiPartyName(_) => ("ediPartyName", NameValue::Opaque),
            GeneralName::RegisteredId(_) => ("registeredID", NameValue::Opaque),
        };
        FormName { form, value }
    }

    /// An e-mail address found in a subject's emailAddress attribute.
    pub(crate) fn email(address: &str) -> FormName {
        FormName {
            form: "rfc822Name",
            value: NameValue::Text(address.to_owned()),
        }
    }
}

fn trim_dot(s: &str) -> String {
    s.trim_end_matches('.').to_ascii_lowercase()
}

fn email_within(constraint: &str, address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return false;
    };
    match constraint.rsplit_once('@') {
        Some((c_local, c_domain)) => local == c_local && domain.eq_ignore_ascii_case(c_domain),
        None if constraint.starts_with('.') => domain
            .to_ascii_lowercase()
            .ends_with(&constraint.to_ascii_lowercase()),
        None => domain.eq_ignore_ascii_case(constraint),
    }
}

fn dns_within(constraint: &str, name: &str) -> bool {
    let (c, n) = (trim_dot(constraint), trim_dot(name));
    if c.is_empty() {
        true
    } else if c.starts_with('.') {
        n.ends_with(&c)
    } else {
        n == c || n.ends_with(&format!(".{c}"))
    }
}

/// The host of a URI with an authority (`scheme://[userinfo@]host[:port]...`), lower-cased.
pub(crate) fn uri_host(uri: &str) -> Option<String> {
    let (scheme, rest) = uri.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        &host_port[..=host_port.find(']')?]
    } else {
        match host_port.rsplit_once(':') {
            Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
            _ => host_port,
        }
    };
    let host = trim_dot(host);
    (!host.is_empty()).then_some(host)
}

fn uri_within(constraint: &str, uri: &str) -> bool {
    let Some(host) = uri_host(uri) else {
        return false;
    };
    let c = trim_dot(constraint);
    if c.starts_with('.') {
        host.ends_with(&c)
    } else {
        host == c
    }
}

fn ip_within(constraint: &[u8], address: &[u8]) -> Within {
    if constraint.len() != 8 && constraint.len() != 32 {
        return Within::Unsupported;
    }
    let (net, mask) = constraint.split_at(constraint.len() / 2);
    if address.len() != net.len() {
        return Within::No;
    }
    let inside = address
        .iter()
        .zip(net.iter().zip(mask))
        .all(|(a, (n, m))| a & m == n & m);
    if inside {
        Within::Yes
    } else {
        Within::No
    }
}

/// Whether `name` lies within `subtree` (same form assumed).
pub(crate) fn within(subtree: &GeneralSubtree, name: &FormName) -> Within {
    if subtree.minimum != 0 || subtree.maximum.is_some() {
        return Within::Unsupported;
    }
    let base = FormName::new(&subtree.base);
    let yes = |b: bool| if b { Within::Yes } else { Within::No };
    match (base.form, &base.value, &name.value) {
        (_, NameValue::Directory(b), NameValue::Directory(n)) => yes(n.starts_with(b)),
        ("rfc822Name", NameValue::Text(c), NameValue::Text(n)) => yes(email_within(c, n)),
        ("dNSName", NameValue::Text(c), NameValue::Text(n)) => yes(dns_within(c, n)),
        ("uniformResourceIdentifier", NameValue::Text(c), NameValue::Text(n)) => {
            yes(uri_within(c, n))
        }
        (_, NameValue::Ip(c), NameValue::Ip(n)) => ip_within(c, n),
        _ => Within::Unsupported,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_forms() {
        assert!(email_within("a@Example.com", "a@example.COM"));
        assert!(!email_within("a@example.com", "A@example.com"));
        assert!(email_within("example.com", "x@EXAMPLE.com"));
        assert!(!email_within("example.com", "x@sub.example.com"));
        assert!(email_within(".example.com", "x@sub.example.com"));
        assert!(!email_within(".example.com", "x@example.com"));
        assert!(!email_within("example.com", "no-at-sign"));
    }

    #[test]
    fn dns_forms() {
        assert!(dns_within("example.com", "Host.Example.com."));
        assert!(dns_within("example.com", "example.com"));
        assert!(!dns_within("example.com", "badexample.com"));
        assert!(dns_within(".example.com", "a.example.com"));
        assert!(!dns_within(".example.com", "example.com"));
        assert!(dns_within("", "anything"));
    }

    #[test]
    fn uri_forms() {
        assert_eq!(
            uri_host("http://u@Host.example.com:8080/x").as_deref(),
            Some("host.example.com")
        );
        assert_eq!(
            uri_host("ldap://[2001:db8::1]/o=x").as_deref(),
            Some("[2001:db8::1]")
        );
        assert_eq!(uri_host("mailto:a@example.com"), None);
        assert_eq!(uri_host("http:///path"), None);
        assert!(uri_within("host.example.com", "https://HOST.example.com/"));
        assert!(!uri_within("example.com", "https://host.example.com/"));
        assert!(uri_within(".example.com", "https://host.example.com/"));
        assert!(!uri_within(".example.com", "urn:example.com"));
    }

    #[test]
    fn ip_forms() {
        let c = [10, 1, 0, 0, 255, 255, 0, 0];
        assert_eq!(ip_within(&c, &[10, 1, 2, 3]), Within::Yes);
        assert_eq!(ip_within(&c, &[10, 2, 2, 3]), Within::No);
        assert_eq!(ip_within(&c, &[0; 16]), Within::No);
        assert_eq!(ip_within(&[10, 1, 0], &[10, 1, 2, 3]), Within::Unsupported);
    }
}
