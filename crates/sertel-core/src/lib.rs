//! Sertel core: keys, certificate requests, PAdES signing and verification.
//!
//! No user interface and no HTTP server live here: the desktop app, the CLI and the server all
//! call this crate. Every user-facing error implements [`i18n::Localized`] so it can be shown in
//! Indonesian or English.

mod atomic_file;
pub mod certinfo;
pub mod cms;
pub mod http;
pub mod i18n;
pub mod key;
pub mod ocsp;
pub mod pades;
pub mod profile;
pub mod protect;
pub mod recommendation;
pub mod sigcheck;
pub mod signer;
pub mod trust;
pub mod tsp;
pub mod verify;
pub mod x509;

/// The version of this crate.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
