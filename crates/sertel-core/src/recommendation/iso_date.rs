//! The letter's date in JSON as the web form sends it: `"2025-02-10"` (ISO 8601 calendar date).

use serde::{de, Deserialize, Deserializer, Serializer};
use time::format_description::well_known::Iso8601;
use time::macros::format_description;
use time::Date;

/// Writes `date` as `YYYY-MM-DD`.
pub(super) fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
    let text = date
        .format(format_description!("[year]-[month]-[day]"))
        .map_err(serde::ser::Error::custom)?;
    serializer.serialize_str(&text)
}

/// Reads a `YYYY-MM-DD` date; anything else is an error naming the expected form.
pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
    let text = String::deserialize(deserializer)?;
    Date::parse(&text, &Iso8601::DATE)
        .map_err(|_| de::Error::invalid_value(de::Unexpected::Str(&text), &"a date as YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use time::macros::date;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Dated {
        #[serde(with = "super")]
        date: time::Date,
    }

    #[test]
    fn round_trips_as_an_iso_date() {
        let dated = Dated {
            date: date!(2025 - 02 - 10),
        };
        let json = serde_json::to_string(&dated).unwrap();
        assert_eq!(json, r#"{"date":"2025-02-10"}"#);
        assert_eq!(serde_json::from_str::<Dated>(&json).unwrap(), dated);
    }

    #[test]
    fn rejects_other_forms() {
        for bad in [
            r#"{"date":"10-02-2025"}"#,
            r#"{"date":"2025-02-30"}"#,
            r#"{"date":20250210}"#,
        ] {
            assert!(
                serde_json::from_str::<Dated>(bad).is_err(),
                "{bad} accepted"
            );
        }
    }
}
