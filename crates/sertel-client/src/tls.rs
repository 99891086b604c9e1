//! The trust roots for `https://` servers: the operating system's roots plus, optionally, the
//! regency's own CA (a regency may serve the API with a certificate of its own CA).

use ureq::tls::{Certificate, RootCerts};

use crate::ClientError;

/// The system's roots and `extra_ca` (PEM, one or more certificates, or one DER certificate).
/// Unreadable system certificates are skipped; an unreadable extra CA is an error.
pub(crate) fn root_certs(extra_ca: Option<&[u8]>) -> Result<RootCerts, ClientError> {
    let mut roots: Vec<Certificate<'static>> = rustls_native_certs::load_native_certs()
        .certs
        .into_iter()
        .map(|c| Certificate::from_der(c.as_ref()).to_owned())
        .collect();
    if let Some(extra) = extra_ca {
        roots.extend(parse_extra(extra)?);
    }
    Ok(RootCerts::new_with_certs(&roots))
}

fn parse_extra(data: &[u8]) -> Result<Vec<Certificate<'static>>, ClientError> {
    let invalid = |reason: String| ClientError::InvalidCaCertificate { reason };
    if !data.trim_ascii_start().starts_with(b"-----BEGIN") {
        if data.first() != Some(&0x30) {
            return Err(invalid("neither PEM nor DER".into()));
        }
        return Ok(vec![Certificate::from_der(data).to_owned()]);
    }
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(data) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(c)) => certs.push(c),
            Ok(_) => {}
            Err(e) => return Err(invalid(e.to_string())),
        }
    }
    if certs.is_empty() {
        return Err(invalid("no CERTIFICATE block".into()));
    }
    Ok(certs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_ca_must_be_a_certificate() {
        assert!(parse_extra(b"hello").is_err());
        assert!(
            parse_extra(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").is_err()
        );
        assert_eq!(
            parse_extra(&[0x30, 0x03, 0x02, 0x01, 0x01])
                .map(|v| v.len())
                .ok(),
            Some(1)
        );
    }
}
