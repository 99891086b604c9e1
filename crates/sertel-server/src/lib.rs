//! Sertel server: the Dinas registration authority with an embedded certificate authority.
//!
//! Owners register and apply for a certificate (CSR plus documents and their consent to Pasal 19
//! and 20); a Badan verifier and a Dinas verifier review; once both approve, the embedded CA
//! issues a 2-year certificate. Owners renew before expiry, report a lost key, or ask for a
//! revocation; verifiers revoke; the CA publishes its CRL and runs an RFC 3161 time-stamping
//! authority. Every state change is written together with an entry of a hash-chained audit log
//! in one database transaction. See the crate's README for the design.

pub mod api;
pub mod app;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod ca;
pub mod cli;
pub mod config;
pub mod consent;
pub mod crl;
pub mod db;
pub mod documents;
pub mod error;
pub mod events;
pub mod health;
pub mod ids;
pub mod notices;
pub mod ocsp;
pub mod revocation;
pub mod state;
pub mod tls;
pub mod tsa;
pub mod users;
pub mod verification;

pub use app::app;
pub use config::{Config, Issuance};
pub use error::ApiError;
pub use state::AppState;
