//! Helpers shared by the NIP and NIK parsers.

use time::{Date, Month, OffsetDateTime};

/// Today's date in UTC (the parsers' default clock).
pub(crate) fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

/// Removes the spaces people type between groups of digits; `None` if anything but ASCII digits
/// and spaces remains.
pub(crate) fn normalize(s: &str) -> Option<String> {
    let d: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    d.bytes().all(|b| b.is_ascii_digit()).then_some(d)
}

/// The number formed by `s[range]` (all ASCII digits, checked by the caller).
pub(crate) fn num(s: &str, range: std::ops::Range<usize>) -> u32 {
    s.as_bytes()[range]
        .iter()
        .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

/// A calendar date, if valid.
pub(crate) fn date(year: i32, month: u32, day: u32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}
