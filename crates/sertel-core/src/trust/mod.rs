//! Trust in a signer's certificate: certification path building and validation (RFC 5280
//! §6.1) to the trust anchors the user imported, with revocation checking from CRLs (§6.3)
//! and OCSP responses (RFC 6960, see [`crate::ocsp`]).
//!
//! ```text
//! TrustStore (anchors) ─┐
//! CertPool (intermediates from the CMS, the DSS, ...) ─┼─ validate_path ─▶ PathOutcome
//! RevocationData (CrlSet + OcspResponseSet) ─┘   ValidationOptions (time, policy, limits)
//! ```
//!
//! Not covered, and failing closed where they matter: certificate policy processing (a
//! certificate requiring an explicit policy, or with a critical policyMappings or
//! inhibitAnyPolicy, makes the path indeterminate), delta CRLs (never used),
//! name constraints of forms other than directoryName, rfc822Name, dNSName, URI and iPAddress
//! (indeterminate when one applies), DSA signatures (indeterminate: not verified).

mod builder;
mod cert;
mod crl;
mod crl_scope;
mod error;
mod extensions;
mod indeterminate;
mod invalid;
pub(crate) mod name;
mod name_constraints;
mod ocsp_source;
mod options;
mod outcome;
mod path;
mod pool;
mod revocation;
mod revocation_data;
mod revocation_reason;
pub(crate) mod signed;
mod store;
mod subtree;
pub(crate) mod time;
mod user_dir;
mod validate;
mod verified;

pub use cert::{PathCertificate, MAX_CERTIFICATE_BYTES};
pub use crl::{CrlLimits, CrlSet};
pub use error::{CertificateError, CrlError, TrustStoreError};
pub use indeterminate::IndeterminateReason;
pub use invalid::InvalidReason;
pub use options::{EndEntityUsage, Limits, RevocationPolicy, ValidationOptions};
pub use outcome::{PathOutcome, PathStatus, PathWarning, RevocationStatus};
pub use path::validate_path;
pub use pool::{CertPool, DEFAULT_MAX_POOL};
pub use revocation_data::RevocationData;
pub use revocation_reason::{RevocationReason, UnknownRevocation};
pub use store::{DirectoryImport, TrustStore, DEFAULT_MAX_ANCHORS, MAX_TRUST_FILE_BYTES};
pub use user_dir::user_trust_dir;
