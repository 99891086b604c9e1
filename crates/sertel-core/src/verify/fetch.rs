//! Downloading revocation information named in certificates — CRLs from distribution points,
//! OCSP responses from the responders in authority information access — once per address
//! (and, for OCSP, per certificate) for the life of a [`super::Verifier`]: a batch of letters
//! from one CA downloads its CRL once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::ocsp::{build_request, NonceChoice, RequestOptions};
use crate::trust::PathCertificate;

type Cache = HashMap<String, Option<Arc<Vec<u8>>>>;

/// A download cache; failures are remembered too, so an unreachable server costs one time-out
/// per batch, not one per signature.
#[derive(Debug)]
pub struct Fetcher {
    timeout: Duration,
    cache: Mutex<Cache>,
}

impl Fetcher {
    /// A fetcher whose every download must finish within `timeout`.
    pub fn new(timeout: Duration) -> Fetcher {
        Fetcher {
            timeout,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The CRL at `url`, downloaded on first use; `None` when it could not be downloaded.
    pub fn crl(&self, url: &str) -> Option<Arc<Vec<u8>>> {
        let limit = crate::trust::CrlLimits::default().max_bytes as u64;
        self.cached(format!("crl {url}"), || {
            crate::http::get(url, None, self.timeout, limit).ok()
        })
    }

    /// The OCSP response of the responder at `url` about `cert` (issued by `issuer`), asked on
    /// first use. The request carries no nonce, so that one answer serves the whole batch; the
    /// trust engine judges its freshness by its own dates.
    pub fn ocsp(
        &self,
        url: &str,
        cert: &PathCertificate,
        issuer: &PathCertificate,
    ) -> Option<Arc<Vec<u8>>> {
        let options = RequestOptions::default().with_nonce(NonceChoice::None);
        let request = build_request(cert, issuer, &options).ok()?;
        let key = format!("ocsp {url} {}", hex(request.der()));
        self.cached(key, || {
            crate::ocsp::client::post(url, request.der(), self.timeout).ok()
        })
    }

    fn cached(&self, key: String, fetch: impl FnOnce() -> Option<Vec<u8>>) -> Option<Arc<Vec<u8>>> {
        if let Some(known) = self.lock().get(&key) {
            return known.clone();
        }
        let fetched = fetch().map(Arc::new);
        self.lock().insert(key, fetched.clone());
        fetched
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        // A panic elsewhere cannot leave the map half-written: recover it.
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
