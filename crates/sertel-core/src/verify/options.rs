//! What a verification is given besides the file: the trust anchors, revocation information
//! supplied by the user, how strictly an unknown revocation status counts, whether revocation
//! information may be fetched, and the time "now".

use std::time::Duration;

use time::OffsetDateTime;

use crate::trust::{CrlSet, RevocationPolicy, TrustStore};

/// How long one CRL download may take when fetching is allowed.
pub const DEFAULT_FETCH_TIMEOUT: Duration = Duration::from_secs(5);

/// The inputs of [`super::Verifier`].
///
/// The default trusts nothing (every signature is then at best INDETERMINATE
/// NO_CERTIFICATE_CHAIN_FOUND), fetches nothing and fails hard on an unknown revocation status.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct VerifyOptions {
    /// The trust anchors: only the certificates the user chose to trust.
    pub trust: TrustStore,
    /// CRLs the user supplied (those in the PDF are always used as well).
    pub crls: CrlSet,
    /// What an unknown revocation status makes of a signature.
    pub revocation: RevocationPolicy,
    /// Fetch CRLs from the certificates' distribution points, each within this time; `None`
    /// keeps verification offline.
    pub fetch: Option<Duration>,
    /// The current time for validation; `None` reads the system clock.
    pub now: Option<OffsetDateTime>,
}

impl VerifyOptions {
    /// Options trusting the anchors in `trust`, otherwise the defaults.
    pub fn trusting(trust: TrustStore) -> VerifyOptions {
        VerifyOptions {
            trust,
            ..VerifyOptions::default()
        }
    }
}
