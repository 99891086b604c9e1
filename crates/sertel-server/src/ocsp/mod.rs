//! The server's OCSP responder (RFC 6960): the CA answers for the certificates it issued, with
//! the statuses the CRL is built from ([`crate::revocation::certificate_status`]), signing with its own key
//! (so no separate responder certificate needs trusting or renewing). The HTTP side is
//! [`endpoint`].
//!
//! Statuses are read from the database before the (synchronous) responder runs: the request is
//! decoded, each serial number it asks about is looked up, and the responder answers from that
//! snapshot.
//!
//! Signing is the expensive part (RSA-3072), so a signed answer to a request without a nonce
//! is kept ([`AnswerCache`]) and given again to the same request while the statuses just read
//! from the database are the ones it states and it is younger than [`REUSE_FOR`] (the
//! pre-produced responses of RFC 5019 §2.2; its thisUpdate and producedAt then say when it was
//! made). A revocation therefore shows at once: the status read for the next request differs and
//! a new answer is signed. A request with a nonce is always signed afresh, echoing it.

pub mod endpoint;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;

use sertel_core::ocsp::{decode_request, OcspResponder, SerialStatus, StatusLookup};
use sertel_core::trust::{PathCertificate, RevocationReason};
use time::OffsetDateTime;

use crate::revocation::{certificate_status, CertificateStatus};
use crate::{ApiError, AppState};

/// How long an answer may be relied on (its nextUpdate after thisUpdate): the CRL's refresh
/// bound, so OCSP is never staler than the CRL.
pub const ANSWER_VALIDITY: time::Duration = time::Duration::hours(12);

/// How long a signed answer to a request without a nonce is given again (while the statuses it
/// states are unchanged).
pub const REUSE_FOR: Duration = Duration::from_secs(5 * 60);

/// Answers kept at most; when full, the cache starts again empty.
pub const CACHE_CAPACITY: usize = 4096;

/// The largest request whose answer is kept (a request for one certificate is about 100 bytes;
/// larger ones, up to the 64 KiB accepted, are answered but not kept, which bounds the cache's
/// memory to a few MiB).
pub const MAX_KEPT_REQUEST: usize = 1024;

#[derive(Clone, Debug)]
struct Cached {
    statuses: Vec<SerialStatus>,
    der: Bytes,
    made: Instant,
}

/// Signed answers to nonce-less requests, keyed by the request's DER.
#[derive(Debug, Default)]
pub struct AnswerCache {
    entries: Mutex<HashMap<Vec<u8>, Cached>>,
}

impl AnswerCache {
    /// An empty cache.
    pub fn new() -> AnswerCache {
        AnswerCache::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Vec<u8>, Cached>> {
        // A panic while holding the lock leaves only answers behind; they stay usable.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The kept answer to `request` if it states `statuses` and is younger than [`REUSE_FOR`]
    /// at `now`.
    fn get(&self, request: &[u8], statuses: &[SerialStatus], now: Instant) -> Option<Bytes> {
        let map = self.lock();
        let c = map.get(request)?;
        (c.statuses == statuses && now.saturating_duration_since(c.made) < REUSE_FOR)
            .then(|| c.der.clone())
    }

    fn put(&self, request: &[u8], statuses: Vec<SerialStatus>, der: Bytes, made: Instant) {
        let mut map = self.lock();
        if map.len() >= CACHE_CAPACITY && !map.contains_key(request) {
            map.clear();
        }
        map.insert(
            request.to_vec(),
            Cached {
                statuses,
                der,
                made,
            },
        );
    }

    /// Number of answers kept.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no answer is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn serial_status(status: CertificateStatus) -> SerialStatus {
    match status {
        CertificateStatus::Good => SerialStatus::Good,
        CertificateStatus::Revoked { revoked_at, reason } => SerialStatus::Revoked {
            time: revoked_at,
            reason: RevocationReason::from_code(reason.crl_reason() as u32)
                .unwrap_or(RevocationReason::Unspecified),
        },
        CertificateStatus::Unknown => SerialStatus::Unknown,
    }
}

/// The CA's responder, made once at start-up (its setup checks the CA certificate against the
/// key); every request gets a copy answering from that request's statuses.
pub fn responder(ca: &crate::ca::Ca) -> Result<OcspResponder, String> {
    let cert = PathCertificate::from_der(ca.certificate_der()).map_err(|e| e.to_string())?;
    let unknown: Arc<StatusLookup> = Arc::new(|_: &[u8]| Ok(SerialStatus::Unknown));
    OcspResponder::new(&cert, &cert, ca.signer(), unknown)
        .and_then(|r| r.with_next_update(ANSWER_VALIDITY))
        .map_err(|e| e.to_string())
}

/// Answers the DER OCSP request `request` now.
pub async fn answer(state: &AppState, request: Bytes) -> Result<Bytes, ApiError> {
    let mut statuses = HashMap::new();
    // The statuses in the order the request asks, to compare with a kept answer.
    let mut stated = Vec::new();
    let mut reusable = false;
    if let Ok(decoded) = decode_request(&request) {
        let mut conn = state.db().pool().acquire().await?;
        for cert in &decoded.certs {
            let status = serial_status(certificate_status(&mut conn, &cert.serial).await?);
            statuses.insert(cert.serial.clone(), status);
            stated.push(status);
        }
        reusable = decoded.nonce.is_none() && request.len() <= MAX_KEPT_REQUEST;
    }
    let now = Instant::now();
    if reusable {
        if let Some(der) = state.ocsp_answers().get(&request, &stated, now) {
            return Ok(der);
        }
    }
    let lookup: Arc<StatusLookup> = Arc::new(move |serial: &[u8]| {
        Ok(statuses
            .get(serial)
            .copied()
            .unwrap_or(SerialStatus::Unknown))
    });
    let responder = state.ocsp().with_lookup(lookup);
    let signing = request.clone();
    let der = Bytes::from(
        tokio::task::spawn_blocking(move || responder.respond(&signing, OffsetDateTime::now_utc()))
            .await
            .map_err(ApiError::internal)?,
    );
    if reusable {
        state.ocsp_answers().put(&request, stated, der.clone(), now);
    }
    Ok(der)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_while_statuses_agree_and_young() {
        let c = AnswerCache::new();
        let t0 = Instant::now();
        let good = vec![SerialStatus::Good];
        c.put(b"req", good.clone(), Bytes::from_static(b"answer"), t0);
        assert_eq!(c.get(b"req", &good, t0).as_deref(), Some(&b"answer"[..]));
        assert_eq!(c.get(b"other", &good, t0), None);
        assert_eq!(c.get(b"req", &[SerialStatus::Unknown], t0), None);
        assert_eq!(c.get(b"req", &good, t0 + REUSE_FOR), None);
        assert_eq!(c.get(b"req", &[], t0), None);
    }

    #[test]
    fn bounded() {
        let c = AnswerCache::new();
        let t0 = Instant::now();
        for i in 0..CACHE_CAPACITY + 1 {
            c.put(i.to_string().as_bytes(), vec![], Bytes::new(), t0);
        }
        assert!(c.len() <= CACHE_CAPACITY);
        assert!(!c.is_empty());
    }
}
