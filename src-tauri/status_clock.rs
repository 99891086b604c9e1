//! The time the status screen counts a certificate's remaining days from (and so when renewal
//! is offered, from 30 days before the end).
//!
//! Release builds always count from now. Debug builds, the ones the end-to-end tests drive,
//! read `SERTEL_STATUS_DAYS_AHEAD`: that many days are added, so a test reaches the last days of
//! a two-year certificate and sees the renewal offered. Only the status screen's count moves;
//! signing, validation and the server keep the real time.

use time::OffsetDateTime;

/// Now, as the status screen counts.
pub fn status_now() -> OffsetDateTime {
    let now = OffsetDateTime::now_utc();
    #[cfg(debug_assertions)]
    if let Some(days) = std::env::var("SERTEL_STATUS_DAYS_AHEAD")
        .ok()
        .and_then(|d| d.parse::<i64>().ok())
    {
        return now + time::Duration::days(days);
    }
    now
}
