//! The CA's certificate revocation list, served at the URL every issued certificate names
//! (`/crl/regency-ca.crl`, DER, `application/pkix-crl`).
//!
//! The current CRL lives in the database (table `crl`), so every instance sharing it serves the
//! same one. A new CRL is published right after each revocation commits, by a background task
//! of every instance that checks every [`CHECK_INTERVAL`] whether a revocation is missing from
//! the current CRL (so one is never more than a minute late, even if publishing right after
//! the revocation failed), and whenever the current one is older than [`REFRESH_AFTER`].
//! nextUpdate is thisUpdate + [`NEXT_UPDATE`]. Publishing runs in a write transaction, which
//! holds the database's single write lock: the cRLNumber read, incremented and stored there
//! grows strictly even with several instances on one PostgreSQL database (and a trigger refuses
//! any update that does not make it grow). Each publication is an audit entry.

mod publish;
mod refresher;
mod serve;

pub use publish::{refresh, refresh_with};
pub use refresher::spawn_refresher;
pub use serve::{crl, CRL_CONTENT_TYPE};

use std::time::Duration;

/// How often each instance looks for revocations not yet in the CRL.
pub const CHECK_INTERVAL: Duration = Duration::from_secs(30);

/// Age after which the CRL is published again even without a new revocation.
pub const REFRESH_AFTER: time::Duration = time::Duration::hours(12);

/// nextUpdate − thisUpdate: relying parties may use a CRL this long; with a new one every
/// [`REFRESH_AFTER`], a day of outage still leaves a current CRL.
pub const NEXT_UPDATE: time::Duration = time::Duration::hours(48);
