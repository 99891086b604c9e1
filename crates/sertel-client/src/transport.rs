//! One exchange with the server: build the request, send it, map what comes back — a 2xx body,
//! the server's `{kind, message, details}` error, or "unreachable".

use std::io::Read;
use std::sync::Arc;
use std::time::Duration;

use serde::de::DeserializeOwned;
use ureq::http::{Method, Request};

use crate::address::ServerAddress;
use crate::error::ServerProblem;
use crate::model::Bilingual;
use crate::multipart::Multipart;
use crate::{tls, ClientError};

/// The largest answer read (a document is at most 5 MiB).
const MAX_RESPONSE: u64 = 32 * 1024 * 1024;

/// How the client talks to the server.
#[derive(Clone, Debug)]
pub struct ClientOptions {
    /// The regency's own CA certificate (PEM or DER), trusted besides the system's roots.
    pub extra_ca: Option<Vec<u8>>,
    /// The longest one request may take, from connecting to the last byte of the answer.
    pub timeout: Duration,
    /// The event stream is given up (and reconnected) after this long without a byte; the
    /// server sends a keep-alive comment every 15 s.
    pub stream_idle_timeout: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            extra_ca: None,
            timeout: Duration::from_secs(60),
            stream_idle_timeout: Duration::from_secs(45),
        }
    }
}

/// A request body.
pub(crate) enum Body<'a> {
    /// None.
    Empty,
    /// JSON.
    Json(serde_json::Value),
    /// A form.
    Form(&'a Multipart),
}

/// A successful answer.
pub(crate) struct Reply {
    pub url: String,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON of type `T`.
    pub(crate) fn json<T: DeserializeOwned>(&self) -> Result<T, ClientError> {
        serde_json::from_slice(&self.body).map_err(|e| ClientError::UnexpectedResponse {
            url: self.url.clone(),
            reason: format!("not the expected JSON: {e}"),
        })
    }
}

/// The two HTTP agents of a client (plain calls, and the long-lived event stream) on one server.
#[derive(Clone)]
pub(crate) struct Transport {
    address: ServerAddress,
    agent: ureq::Agent,
    stream_agent: ureq::Agent,
}

impl Transport {
    pub(crate) fn new(
        address: ServerAddress,
        options: &ClientOptions,
    ) -> Result<Transport, ClientError> {
        let roots = if address.is_https() {
            Some(tls::root_certs(options.extra_ca.as_deref())?)
        } else {
            None
        };
        let build = |global: Option<Duration>, per_read: Option<Duration>| {
            let mut tls_config = ureq::tls::TlsConfig::builder()
                .unversioned_rustls_crypto_provider(Arc::new(
                    rustls::crypto::aws_lc_rs::default_provider(),
                ));
            if let Some(roots) = &roots {
                tls_config = tls_config.root_certs(roots.clone());
            }
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(global)
                .timeout_connect(Some(Duration::from_secs(15)))
                .timeout_per_read(per_read)
                .max_redirects(0)
                .tls_config(tls_config.build())
                .user_agent(concat!("sertel-client/", env!("CARGO_PKG_VERSION")))
                .build()
                .new_agent()
        };
        Ok(Transport {
            agent: build(Some(options.timeout), None),
            stream_agent: build(None, Some(options.stream_idle_timeout)),
            address,
        })
    }

    pub(crate) fn address(&self) -> &ServerAddress {
        &self.address
    }

    /// Sends one request and reads the whole answer; a non-2xx answer becomes
    /// [`ClientError::Server`].
    pub(crate) fn call(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Body<'_>,
    ) -> Result<Reply, ClientError> {
        let url = self.address.url(path);
        let mut builder = Request::builder().method(method).uri(&url);
        if let Some(t) = token {
            builder = builder.header("authorization", format!("Bearer {t}"));
        }
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        let (content_type, bytes) = match body {
            Body::Empty => (None, Vec::new()),
            Body::Json(v) => (
                Some("application/json".to_owned()),
                v.to_string().into_bytes(),
            ),
            Body::Form(form) => (Some(form.content_type()), form.body().to_vec()),
        };
        if let Some(ct) = content_type {
            builder = builder.header("content-type", ct);
        }
        let request = builder
            .body(bytes)
            .map_err(|_| ClientError::InvalidArgument {
                name: "request",
                reason: "a header value is not valid",
            })?;
        let mut response = self.agent.run(request).map_err(|e| unreachable(&url, e))?;
        let status = response.status().as_u16();
        let content_type = header(&response, "content-type");
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_RESPONSE)
            .read_to_vec()
            .map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => ClientError::UnexpectedResponse {
                    url: url.clone(),
                    reason: format!("the answer is larger than {MAX_RESPONSE} bytes"),
                },
                other => unreachable(&url, other),
            })?;
        if (200..300).contains(&status) {
            Ok(Reply {
                url,
                content_type,
                body,
            })
        } else {
            Err(ClientError::Server(problem(status, &body)))
        }
    }

    /// Opens the event stream after `after`; the answer's body is read as it arrives.
    pub(crate) fn open_stream(
        &self,
        path: &str,
        token: &str,
        after: i64,
    ) -> Result<Box<dyn Read + Send>, ClientError> {
        let url = self.address.url(path);
        let request = Request::builder()
            .method(Method::GET)
            .uri(&url)
            .header("authorization", format!("Bearer {token}"))
            .header("accept", "text/event-stream")
            .header("last-event-id", after.to_string())
            .body(())
            .map_err(|_| ClientError::InvalidArgument {
                name: "request",
                reason: "the request cannot be built",
            })?;
        let mut response = self
            .stream_agent
            .run(request)
            .map_err(|e| unreachable(&url, e))?;
        let status = response.status().as_u16();
        if status != 200 {
            let body = response
                .body_mut()
                .with_config()
                .limit(64 * 1024)
                .read_to_vec()
                .unwrap_or_default();
            return Err(ClientError::Server(problem(status, &body)));
        }
        let content_type = header(&response, "content-type");
        if !content_type.starts_with("text/event-stream") {
            return Err(ClientError::UnexpectedResponse {
                url,
                reason: format!("content type {content_type:?}, not text/event-stream"),
            });
        }
        Ok(Box::new(
            response
                .into_body()
                .into_with_config()
                .limit(u64::MAX)
                .reader(),
        ))
    }
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase()
}

pub(crate) fn unreachable(url: &str, e: ureq::Error) -> ClientError {
    ClientError::Unreachable {
        url: url.to_owned(),
        reason: e.to_string(),
    }
}

/// The server's error body, or a stand-in when it sent none (a proxy's page, an empty body):
/// then the kind and message say what the status means ([`crate::status_text`]). A body with
/// a kind but an empty message in a language gets the stand-in's words in that language.
pub(crate) fn problem(status: u16, body: &[u8]) -> ServerProblem {
    #[derive(serde::Deserialize)]
    struct Wire {
        kind: String,
        #[serde(default)]
        message: Bilingual,
        #[serde(default)]
        details: Vec<serde_json::Value>,
    }
    let (fallback_kind, fallback) = crate::status_text::fallback(status);
    match serde_json::from_slice::<Wire>(body) {
        Ok(w) => {
            let pick = |given: String, standin: String| {
                if given.trim().is_empty() {
                    standin
                } else {
                    given
                }
            };
            ServerProblem {
                status,
                kind: w.kind,
                message: Bilingual {
                    id: pick(w.message.id, fallback.id),
                    en: pick(w.message.en, fallback.en),
                },
                details: w.details,
            }
        }
        Err(_) => ServerProblem {
            status,
            kind: fallback_kind,
            message: fallback,
            details: Vec::new(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_servers_problem_is_kept_and_gaps_are_filled() {
        let body =
            br#"{"kind":"application_open","message":{"id":"Masih ada permohonan.","en":"Open."}}"#;
        let p = problem(409, body);
        assert_eq!(p.kind, "application_open");
        assert_eq!(p.message.id, "Masih ada permohonan.");
        let p = problem(
            409,
            br#"{"kind":"application_open","message":{"id":"","en":"Open."}}"#,
        );
        assert!(p.message.id.contains("bertentangan"), "{}", p.message.id);
        assert_eq!(p.message.en, "Open.");
        let p = problem(502, b"<html><body>Bad Gateway</body></html>");
        assert_eq!(p.kind, "service_unavailable");
        assert!(p.details.is_empty());
    }
}
