//! The state every handler shares.

use std::sync::Arc;

use tokio::sync::watch;

use crate::api::IpRateLimiter;
use crate::auth::{LoginLimiter, SessionCache};
use crate::ca::passphrase::ca_passphrase;
use crate::ca::Ca;
use crate::db::Db;
use crate::documents::DocumentStore;
use crate::tsa::Tsa;
use crate::Config;

struct Inner {
    config: Config,
    db: Db,
    ca: Ca,
    tsa: Tsa,
    ocsp: sertel_core::ocsp::OcspResponder,
    ocsp_answers: crate::ocsp::AnswerCache,
    documents: DocumentStore,
    limiter: LoginLimiter,
    sessions: SessionCache,
    tsa_limiter: IpRateLimiter,
    verify_limiter: IpRateLimiter,
    events: watch::Sender<u64>,
}

/// Cheap to clone: one `Arc`.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    /// Opens the database (SQLite in the data directory unless `DATABASE_URL` is set), brings
    /// the schema up to date, loads the CA and the TSA (creating them on first start) and
    /// publishes a CRL if none is current.
    pub async fn open(config: Config) -> Result<AppState, crate::cli::StartError> {
        config.ensure_data_dir()?;
        let db = match &config.database_url {
            Some(url) => Db::connect(url).await?,
            None => Db::open_sqlite(&config.sqlite_path()).await?,
        };
        let passphrase = ca_passphrase(&config)?;
        let ca = Ca::load_or_create(&db, &config, &passphrase).await?;
        let tsa = Tsa::load_or_create(&db, &config, &ca, &passphrase).await?;
        let ocsp = crate::ocsp::responder(&ca)
            .map_err(|e| crate::cli::StartError::Other(format!("the OCSP responder: {e}")))?;
        crate::crl::refresh_with(&db, &ca)
            .await
            .map_err(|e| crate::cli::StartError::Other(format!("publishing the CRL: {e}")))?;
        let documents = DocumentStore::new(config.documents_dir());
        let (events, _) = watch::channel(0);
        let tsa_limiter = IpRateLimiter::new(config.tsa_rate);
        let verify_limiter = IpRateLimiter::new(config.verify_rate);
        Ok(AppState(Arc::new(Inner {
            config,
            db,
            ca,
            tsa,
            ocsp,
            ocsp_answers: crate::ocsp::AnswerCache::new(),
            documents,
            limiter: LoginLimiter::new(),
            sessions: SessionCache::new(),
            tsa_limiter,
            verify_limiter,
            events,
        })))
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.0.config
    }

    /// The database.
    pub fn db(&self) -> &Db {
        &self.0.db
    }

    /// The embedded CA.
    pub fn ca(&self) -> &Ca {
        &self.0.ca
    }

    /// The time-stamping authority.
    pub fn tsa(&self) -> &Tsa {
        &self.0.tsa
    }

    /// The OCSP responder (statuses are supplied per request).
    pub fn ocsp(&self) -> &sertel_core::ocsp::OcspResponder {
        &self.0.ocsp
    }

    /// The OCSP answers kept for reuse.
    pub fn ocsp_answers(&self) -> &crate::ocsp::AnswerCache {
        &self.0.ocsp_answers
    }

    /// The document store.
    pub fn documents(&self) -> &DocumentStore {
        &self.0.documents
    }

    /// The login rate limit.
    pub fn limiter(&self) -> &LoginLimiter {
        &self.0.limiter
    }

    /// Sessions recently found live (authentication without a database round trip).
    pub fn sessions(&self) -> &SessionCache {
        &self.0.sessions
    }

    /// The rate limit of `POST /tsa` per client address.
    pub fn tsa_limiter(&self) -> &IpRateLimiter {
        &self.0.tsa_limiter
    }

    /// The rate limit of uploads to the verification page per client address.
    pub fn verify_limiter(&self) -> &IpRateLimiter {
        &self.0.verify_limiter
    }

    /// Wakes the event streams of this process after a commit (other instances poll).
    pub fn notify_events(&self) {
        self.0.events.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// A receiver that changes whenever [`AppState::notify_events`] is called.
    pub fn subscribe_events(&self) -> watch::Receiver<u64> {
        self.0.events.subscribe()
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("data_dir", &self.0.config.data_dir)
            .field("backend", &self.0.db.backend())
            .finish()
    }
}
