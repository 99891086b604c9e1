//! The one HTTP client of the core (timestamp authorities, OCSP responders, later CRL
//! fetches): bounded time, bounded response size, TLS through rustls on aws-lc-rs.

use std::sync::Arc;
use std::time::Duration;

use crate::i18n::{Lang, Localized};

/// The largest response body the client accepts.
pub const MAX_RESPONSE_BYTES: u64 = 4 * 1024 * 1024;

/// Why an HTTP exchange failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HttpError {
    /// The server could not be reached (DNS, connection refused, TLS, time-out).
    #[error("cannot reach {url}: {reason}")]
    Unreachable {
        /// The address that was tried.
        url: String,
        /// What the transport reported.
        reason: String,
    },
    /// The server answered with a status other than 200.
    #[error("{url} answered HTTP {status}")]
    Status {
        /// The address that was tried.
        url: String,
        /// The HTTP status code.
        status: u16,
    },
    /// The server answered with an unexpected content type.
    #[error("{url} answered with content type {found:?}, expected {expected}")]
    ContentType {
        /// The address that was tried.
        url: String,
        /// What the server sent.
        found: String,
        /// What was expected.
        expected: &'static str,
    },
    /// The response body is larger than the caller accepts.
    #[error("{url} answered with more than {limit} bytes")]
    TooLarge {
        /// The address that was tried.
        url: String,
        /// The limit, in bytes.
        limit: u64,
    },
}

impl Localized for HttpError {
    fn kind(&self) -> &'static str {
        match self {
            HttpError::Unreachable { .. } => "server_unreachable",
            HttpError::Status { .. } => "server_error_status",
            HttpError::ContentType { .. } => "server_bad_content_type",
            HttpError::TooLarge { .. } => "server_response_too_large",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (HttpError::Unreachable { url, reason }, Lang::Id) => {
                format!("Server {url} tidak dapat dihubungi: {reason}")
            }
            (HttpError::Status { url, status }, Lang::Id) => {
                format!("Server {url} menjawab dengan status HTTP {status}")
            }
            (
                HttpError::ContentType {
                    url,
                    found,
                    expected,
                },
                Lang::Id,
            ) => {
                format!("Server {url} mengirim jenis isi {found:?}, seharusnya {expected}")
            }
            (HttpError::TooLarge { url, limit }, Lang::Id) => {
                format!("Jawaban server {url} melebihi {limit} bait")
            }
            (e, Lang::En) => e.to_string(),
        }
    }
}

fn agent(timeout: Duration) -> ureq::Agent {
    let tls = ureq::tls::TlsConfig::builder()
        .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
        .build();
    ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .tls_config(tls)
        .user_agent(concat!("sertel/", env!("CARGO_PKG_VERSION")))
        .build()
        .new_agent()
}

/// POSTs `body` and returns the response body, which must carry `expected_type` and hold at
/// most [`MAX_RESPONSE_BYTES`].
pub fn post(
    url: &str,
    content_type: &str,
    expected_type: &'static str,
    body: &[u8],
    timeout: Duration,
) -> Result<Vec<u8>, HttpError> {
    post_limited(
        url,
        content_type,
        expected_type,
        body,
        timeout,
        MAX_RESPONSE_BYTES,
    )
}

/// Like [`post`], with the response body limited to `limit` bytes.
pub fn post_limited(
    url: &str,
    content_type: &str,
    expected_type: &'static str,
    body: &[u8],
    timeout: Duration,
    limit: u64,
) -> Result<Vec<u8>, HttpError> {
    let response = agent(timeout)
        .post(url)
        .content_type(content_type)
        .send(body)
        .map_err(|e| unreachable(url, e))?;
    read_body(url, response, Some(expected_type), limit)
}

/// GETs `url` and returns the response body, which must hold at most `limit` bytes and carry
/// `expected_type` when one is given (CRLs come labelled in several ways: the caller decodes
/// and checks what came back).
pub fn get(
    url: &str,
    expected_type: Option<&'static str>,
    timeout: Duration,
    limit: u64,
) -> Result<Vec<u8>, HttpError> {
    let response = agent(timeout)
        .get(url)
        .call()
        .map_err(|e| unreachable(url, e))?;
    read_body(url, response, expected_type, limit)
}

fn unreachable(url: &str, e: ureq::Error) -> HttpError {
    HttpError::Unreachable {
        url: url.into(),
        reason: e.to_string(),
    }
}

/// Checks the status (and the content type, when one is expected) and reads the body, at most
/// `limit` bytes.
fn read_body(
    url: &str,
    mut response: ureq::http::Response<ureq::Body>,
    expected_type: Option<&'static str>,
    limit: u64,
) -> Result<Vec<u8>, HttpError> {
    let status = response.status().as_u16();
    if status != 200 {
        return Err(HttpError::Status {
            url: url.into(),
            status,
        });
    }
    if let Some(expected) = expected_type {
        let found = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        if !found
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .eq_ignore_ascii_case(expected)
        {
            return Err(HttpError::ContentType {
                url: url.into(),
                found,
                expected,
            });
        }
    }
    response
        .body_mut()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| match e {
            ureq::Error::BodyExceedsLimit(_) => HttpError::TooLarge {
                url: url.into(),
                limit,
            },
            other => unreachable(url, other),
        })
}
