//! PAdES signing of PDF files (ETSI EN 319 142-1, baselines B-B and B-T; B-LT and B-LTA by
//! the updates of [`ltv`] and [`doc_timestamp`]).
//!
//! Signing appends one incremental update: the original bytes are copied untouched, so earlier
//! signatures stay valid. The work is split in stages so that a key held elsewhere fits:
//!
//! 1. [`prepare::prepare`] writes the update with a zero-filled `/Contents` hole into a
//!    temporary file next to the output, hashes the signed byte ranges while copying (the input
//!    is streamed, never loaded whole), and yields the CMS signed attributes — the bytes to sign.
//! 2. Any [`crate::signer::Signer`] signs those bytes (here, on a token, or remotely).
//! 3. [`prepare::PreparedSignature::finish`] embeds the CMS (with an optional RFC 3161 token
//!    over the signature value, for B-T) into the hole and moves the file into place.
//!
//! [`sign::sign_file`] runs the three stages for the common case of a local key.

pub mod appearance;
pub mod copy;
pub mod doc_timestamp;
pub mod error;
pub mod fields;
pub mod fill;
pub mod ltv;
pub mod options;
pub mod permissions;
pub mod placeholder;
pub mod placement;
pub mod prepare;
pub mod preview;
pub mod sign;
pub mod slot;
pub mod specimen;
pub mod text;

pub use error::SignError;
pub use options::{Appearance, Certification, EmptyField, Level, SignOptions, SubFilter};
pub use prepare::{prepare, PreparedSignature};
pub use preview::{write_preview, Preview};
pub use sign::{sign_file, sign_file_reporting, SignedFile};
pub use specimen::{PageChoice, Paraf, Placement, Specimen, SpecimenError};
