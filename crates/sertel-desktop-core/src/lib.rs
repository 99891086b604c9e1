//! The desktop app's logic that needs no window: where its files live, the owner's profile and
//! settings, the key slot (key file, certificate chain, key facts), the agency's seal, batch
//! signing or sealing with progress,
//! validation reports turned into what a screen shows, and the trust folder.
//!
//! Everything cryptographic or about PDFs is done by `sertel-core`; this crate arranges it the
//! way the app uses it, so the Tauri shell only parses arguments and maps errors.

#![deny(missing_docs)]

pub mod certificate_request;
pub mod connection;
pub mod error;
pub mod json_file;
pub mod key_info;
pub mod key_slot;
pub mod letter;
pub mod passphrase_meter;
pub mod paths;
pub mod placement;
pub mod preview;
pub mod profile_check;
pub mod profile_store;
pub mod ranks;
pub mod registration;
pub mod renewal;
pub mod report_export;
pub mod revocation_requests;
pub mod seal;
pub mod server_address;
pub mod settings;
pub mod signed_name;
pub mod signing;
pub mod specimen;
pub mod status_feed;
pub mod trust_anchors;
pub mod validation;

pub use error::DesktopError;
pub use paths::AppPaths;
