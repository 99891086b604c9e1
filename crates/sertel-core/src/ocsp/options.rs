//! How strictly the times of an OCSP response are judged, and what a single check is asked.

use time::{Duration, OffsetDateTime};

/// Time rules for OCSP responses, shared by [`super::check_response`] and the trust engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct OcspTiming {
    /// How far the responder's clock may run ahead of ours (thisUpdate after the validation
    /// time by at most this much is accepted), and how long after nextUpdate a response is
    /// still taken.
    pub clock_skew: Duration,
    /// For a response without nextUpdate: how old its thisUpdate may be at the validation time.
    pub max_age: Duration,
}

impl Default for OcspTiming {
    fn default() -> Self {
        OcspTiming {
            clock_skew: Duration::minutes(5),
            max_age: Duration::days(1),
        }
    }
}

/// What [`super::check_response`] is asked, besides the response and the certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct OcspCheckOptions {
    /// The validation time (usually now).
    pub time: OffsetDateTime,
    /// The time rules.
    pub timing: OcspTiming,
    /// Accept a response without a nonce although one was sent (a responder serving
    /// pre-produced responses, RFC 5019). A different nonce is always refused.
    pub allow_missing_nonce: bool,
}

impl OcspCheckOptions {
    /// Checks at `time` with the default timing, requiring the nonce back when one was sent.
    pub fn at(time: OffsetDateTime) -> OcspCheckOptions {
        OcspCheckOptions {
            time,
            timing: OcspTiming::default(),
            allow_missing_nonce: false,
        }
    }
}
