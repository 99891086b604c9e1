//! Downloading CRLs named in certificates, once per address for the life of a
//! [`super::Verifier`] (a batch of letters from one CA downloads its CRL once).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A download cache; failures are remembered too, so an unreachable server costs one time-out
/// per batch, not one per signature.
#[derive(Debug)]
pub struct Fetcher {
    timeout: Duration,
    cache: Mutex<HashMap<String, Option<Arc<Vec<u8>>>>>,
}

impl Fetcher {
    /// A fetcher whose every download must finish within `timeout`.
    pub fn new(timeout: Duration) -> Fetcher {
        Fetcher {
            timeout,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The body at `url`, downloaded on first use; `None` when it could not be downloaded.
    pub fn get(&self, url: &str) -> Option<Arc<Vec<u8>>> {
        if let Some(known) = self.lock().get(url) {
            return known.clone();
        }
        let fetched = crate::http::get(url, self.timeout).ok().map(Arc::new);
        self.lock().insert(url.to_owned(), fetched.clone());
        fetched
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Option<Arc<Vec<u8>>>>> {
        // A panic elsewhere cannot leave the map half-written: recover it.
        self.cache.lock().unwrap_or_else(|p| p.into_inner())
    }
}
