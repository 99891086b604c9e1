//! Random identifiers and timestamps as stored in the database.

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// `n` random bytes from the system's random source.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    // The system random source failing is not recoverable; aws-lc aborts before returning Err
    // on supported platforms, so this is the documented "cannot happen" path.
    if SystemRandom::new().fill(&mut b).is_err() {
        panic!("the system random source failed");
    }
    b
}

/// A new random identifier: 16 random bytes in hex (32 characters).
pub fn new_id() -> String {
    hex::encode(random_bytes::<16>())
}

/// A time as stored: RFC 3339 in UTC with seconds precision, e.g. `2025-03-01T08:00:00Z`.
pub fn rfc3339(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC).replace_nanosecond(0);
    t.ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into())
}

/// Now, as stored.
pub fn now_rfc3339() -> String {
    rfc3339(OffsetDateTime::now_utc())
}
