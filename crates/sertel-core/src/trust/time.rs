//! X.509 times (RFC 5280 §4.1.2.5): `UTCTime` as `YYMMDDHHMMSSZ` and `GeneralizedTime` as
//! `YYYYMMDDHHMMSSZ`, read as seconds since the Unix epoch.
//!
//! Read here rather than with `der`'s time types, which stop at 1970: a `UTCTime` may name any
//! year from 1950, and a certificate valid since 1950 is a valid certificate.

use der::{asn1::AnyRef, Tag, Tagged};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time as TimeOfDay};

/// Seconds since 1970-01-01T00:00:00Z (negative before).
pub(crate) type Seconds = i64;

fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0u32, |acc, b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

fn seconds(year: i32, rest: &[u8]) -> Option<Seconds> {
    // rest = MMDDHHMMSSZ
    let [m1, m2, d1, d2, h1, h2, n1, n2, s1, s2, b'Z'] = *rest else {
        return None;
    };
    let month = Month::try_from(u8::try_from(digits(&[m1, m2])?).ok()?).ok()?;
    let day = u8::try_from(digits(&[d1, d2])?).ok()?;
    let hour = u8::try_from(digits(&[h1, h2])?).ok()?;
    let minute = u8::try_from(digits(&[n1, n2])?).ok()?;
    let second = u8::try_from(digits(&[s1, s2])?).ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let time = TimeOfDay::from_hms(hour, minute, second).ok()?;
    Some(
        PrimitiveDateTime::new(date, time)
            .assume_utc()
            .unix_timestamp(),
    )
}

/// Reads a `Time` (`UTCTime` or `GeneralizedTime`) in the forms RFC 5280 requires.
pub(crate) fn parse_time(value: AnyRef<'_>) -> Option<Seconds> {
    let bytes = value.value();
    match value.tag() {
        Tag::UtcTime if bytes.len() == 13 => {
            let yy = i32::try_from(digits(&bytes[..2])?).ok()?;
            let year = if yy >= 50 { 1900 + yy } else { 2000 + yy };
            seconds(year, &bytes[2..])
        }
        Tag::GeneralizedTime if bytes.len() == 15 => {
            let year = i32::try_from(digits(&bytes[..4])?).ok()?;
            seconds(year, &bytes[4..])
        }
        _ => None,
    }
}

/// A time as seconds since the epoch.
pub(crate) fn to_seconds(t: OffsetDateTime) -> Seconds {
    t.unix_timestamp()
}

/// Seconds since the epoch as a UTC date and time (the epoch itself if out of range, which the
/// parser above cannot produce).
pub(crate) fn to_datetime(s: Seconds) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(s).unwrap_or(OffsetDateTime::UNIX_EPOCH)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(tag: Tag, s: &str) -> Option<Seconds> {
        parse_time(AnyRef::new(tag, s.as_bytes()).ok()?)
    }

    #[test]
    fn utc_time_years_pivot_at_1950() {
        assert_eq!(any(Tag::UtcTime, "500101120100Z"), Some(-631_108_740));
        assert_eq!(any(Tag::UtcTime, "700101000000Z"), Some(0));
        assert_eq!(any(Tag::UtcTime, "491231235959Z"), Some(2_524_607_999));
    }

    #[test]
    fn generalized_time_reads_four_digit_years() {
        assert_eq!(
            any(Tag::GeneralizedTime, "20500101120100Z"),
            Some(2_524_651_260)
        );
    }

    #[test]
    fn other_forms_are_refused() {
        assert_eq!(any(Tag::UtcTime, "5001011201Z"), None);
        assert_eq!(any(Tag::UtcTime, "500101120100+0700"), None);
        assert_eq!(any(Tag::UtcTime, "501301120100Z"), None);
        assert_eq!(any(Tag::GeneralizedTime, "20500101120100.5Z"), None);
        assert_eq!(any(Tag::UtcTime, "5a0101120100Z"), None);
        assert_eq!(any(Tag::Utf8String, "500101120100Z"), None);
    }
}
