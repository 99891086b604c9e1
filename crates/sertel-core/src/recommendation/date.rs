//! Dates as Indonesian letters write them: "10 Februari 2025".

use time::{Date, Month};

/// The Indonesian name of `month`.
pub fn month_name(month: Month) -> &'static str {
    match month {
        Month::January => "Januari",
        Month::February => "Februari",
        Month::March => "Maret",
        Month::April => "April",
        Month::May => "Mei",
        Month::June => "Juni",
        Month::July => "Juli",
        Month::August => "Agustus",
        Month::September => "September",
        Month::October => "Oktober",
        Month::November => "November",
        Month::December => "Desember",
    }
}

/// `date` as "10 Februari 2025".
pub fn long_date(date: Date) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month()),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn indonesian_long_dates() {
        assert_eq!(long_date(date!(2025 - 02 - 10)), "10 Februari 2025");
        assert_eq!(long_date(date!(2026 - 08 - 01)), "1 Agustus 2026");
    }
}
