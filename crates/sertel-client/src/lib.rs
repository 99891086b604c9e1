//! Sertel client: what the desktop app does against the Dinas server, as typed calls.
//!
//! - [`Client`]: accounts (register, sign in and out, `me`, the consent text), the owner's
//!   submissions (first application, resubmission, renewal, re-issue — all idempotent),
//!   revocation requests and lost-key reports, the certificate with its chain, and the
//!   verifiers' queue, documents and decisions, and the registration of letters signed with a
//!   specimen.
//! - [`ServerAddress`]: `https://` with the system's roots and optionally the regency's own CA;
//!   plain `http://` only to this machine.
//! - [`TokenStore`]: where the session token lives. [`TokenStorage::open`] picks the OS keyring
//!   ([`KeyringTokenStore`]) when it works and otherwise a private file ([`FileTokenStore`]),
//!   and says which ([`TokenBackend`]) so the UI can tell the user.
//! - [`outbox::Outbox`]: submissions and signed-letter registrations made offline, kept on
//!   disk and sent in order, once.
//! - [`sync`]: the event feed after a persisted cursor, the push channel (Server-Sent Events)
//!   as a reconnecting iterator, and the status timeline.
//!
//! Calls block; run them off the UI thread.
//!
//! ```no_run
//! use std::sync::Arc;
//! use sertel_client::{Client, MemoryTokenStore, outbox::Outbox, submission::*};
//! # fn main() -> Result<(), sertel_client::ClientError> {
//! let client = Client::new("https://sertel.muaraenimkab.go.id", Arc::new(MemoryTokenStore::new()))?;
//! client.login("siti.rahmawati@muaraenimkab.go.id", "kata-sandi-rahasia")?;
//! let consent = client.consent()?;
//! # let (csr, letter) = (Vec::new(), Vec::new());
//! let submission = Submission::new(csr, consent.version)
//!     .with_document(DocumentKind::RecommendationLetter, letter);
//! let outbox = Outbox::open("/home/siti/.local/share/sertel/outbox")?;
//! match outbox.submit(&client, Action::Submit, &submission)? {
//!     sertel_client::outbox::SubmitOutcome::Sent(app) => println!("terkirim: {}", app.id),
//!     other => println!("{other:?}"),
//! }
//! # Ok(())
//! # }
//! ```

mod account;
mod address;
mod client;
mod documents;
mod error;
mod idempotency;
pub mod model;
mod multipart;
pub mod outbox;
mod owner;
mod private_file;
mod status_text;
pub mod submission;
pub mod sync;
mod tls;
mod token;
mod token_file;
mod token_keyring;
mod token_storage;
mod transport;
mod verifier;

pub use address::ServerAddress;
pub use client::Client;
pub use documents::{DocumentRegistration, RegisteredDocument};
pub use error::{ClientError, ServerProblem};
pub use idempotency::new_idempotency_key;
pub use owner::IssuedCertificate;
pub use token::{MemoryTokenStore, TokenStore};
pub use token_file::FileTokenStore;
pub use token_keyring::KeyringTokenStore;
pub use token_storage::{fallback_path, TokenBackend, TokenStorage};
pub use transport::ClientOptions;
pub use verifier::Document;
