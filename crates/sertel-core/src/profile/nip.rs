//! NIP (Nomor Induk Pegawai): the 18-digit civil-servant number.
//!
//! Layout: birth date `YYYYMMDD`, appointment as CPNS (TMT) `YYYYMM`, sex `1`/`2`, sequence `NNN`.

use std::fmt;
use std::str::FromStr;

use time::{Date, Month};

use super::digits::{date, normalize, num, today};
use crate::i18n::{Lang, Localized};

/// Sex as coded in the NIP and NIK.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum Sex {
    /// Laki-laki (NIP digit 1; NIK day as is).
    Male,
    /// Perempuan (NIP digit 2; NIK day plus 40).
    Female,
}

/// A parsed, checked NIP.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Nip {
    digits: String,
    /// Date of birth.
    pub birth_date: Date,
    /// Year of appointment as CPNS (TMT CPNS).
    pub appointment_year: i32,
    /// Month of appointment as CPNS.
    pub appointment_month: Month,
    /// Sex.
    pub sex: Sex,
    /// Sequence number among civil servants with the same data (001–999).
    pub sequence: u16,
}

/// What is wrong with a NIP.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NipError {
    /// The NIP does not have 18 digits.
    #[error("a NIP has 18 digits, not {0}")]
    Length(usize),
    /// The NIP contains something other than digits (and spaces).
    #[error("a NIP contains only digits")]
    NotDigits,
    /// Digits 1–8 are not a valid calendar date.
    #[error("digits 1-8 are not a valid birth date")]
    BirthDate,
    /// The birth year is before 1940 or after the current year, or the date is in the future.
    #[error("birth year {0} is out of range")]
    BirthYearOutOfRange(i32),
    /// Digits 13–14 are not a month (01–12).
    #[error("digits 13-14 are not a valid appointment month")]
    AppointmentMonth,
    /// The appointment month is before the owner turned 17.
    #[error("the appointment date is before the age of 17")]
    AppointmentTooEarly,
    /// The appointment month is in the future.
    #[error("the appointment date is in the future")]
    AppointmentInFuture,
    /// Digit 15 is neither 1 (male) nor 2 (female).
    #[error("digit 15 must be 1 or 2")]
    Sex,
    /// Digits 16–18 are 000.
    #[error("the sequence number (digits 16-18) cannot be 000")]
    Sequence,
}

impl Localized for NipError {
    fn kind(&self) -> &'static str {
        match self {
            NipError::Length(_) => "nip_length",
            NipError::NotDigits => "nip_not_digits",
            NipError::BirthDate => "nip_birth_date",
            NipError::BirthYearOutOfRange(_) => "nip_birth_year",
            NipError::AppointmentMonth => "nip_appointment_month",
            NipError::AppointmentTooEarly => "nip_appointment_too_early",
            NipError::AppointmentInFuture => "nip_appointment_future",
            NipError::Sex => "nip_sex",
            NipError::Sequence => "nip_sequence",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use NipError as E;
        match (self, lang) {
            (E::Length(n), Lang::Id) => format!("NIP harus 18 angka, bukan {n}."),
            (E::Length(n), Lang::En) => format!("A NIP has 18 digits, not {n}."),
            (E::NotDigits, Lang::Id) => "NIP hanya boleh berisi angka.".into(),
            (E::NotDigits, Lang::En) => "A NIP may contain only digits.".into(),
            (E::BirthDate, Lang::Id) => {
                "Angka ke-1 sampai ke-8 NIP (tanggal lahir TTTTBBHH) bukan tanggal yang sah.".into()
            }
            (E::BirthDate, Lang::En) => {
                "Digits 1-8 of the NIP (birth date YYYYMMDD) are not a valid date.".into()
            }
            (E::BirthYearOutOfRange(y), Lang::Id) => {
                format!("Tahun lahir pada NIP ({y}) di luar rentang 1940 sampai tahun ini.")
            }
            (E::BirthYearOutOfRange(y), Lang::En) => {
                format!("The birth year in the NIP ({y}) is outside 1940 to the current year.")
            }
            (E::AppointmentMonth, Lang::Id) => {
                "Angka ke-13 dan ke-14 NIP (bulan TMT CPNS) harus 01 sampai 12.".into()
            }
            (E::AppointmentMonth, Lang::En) => {
                "Digits 13-14 of the NIP (month of appointment) must be 01 to 12.".into()
            }
            (E::AppointmentTooEarly, Lang::Id) => {
                "TMT CPNS pada NIP (angka ke-9 sampai ke-14) sebelum pemilik berusia 17 tahun."
                    .into()
            }
            (E::AppointmentTooEarly, Lang::En) => {
                "The appointment date in the NIP (digits 9-14) is before the owner turned 17."
                    .into()
            }
            (E::AppointmentInFuture, Lang::Id) => {
                "TMT CPNS pada NIP (angka ke-9 sampai ke-14) masih di masa depan.".into()
            }
            (E::AppointmentInFuture, Lang::En) => {
                "The appointment date in the NIP (digits 9-14) is in the future.".into()
            }
            (E::Sex, Lang::Id) => {
                "Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).".into()
            }
            (E::Sex, Lang::En) => {
                "Digit 15 of the NIP (sex) must be 1 (male) or 2 (female).".into()
            }
            (E::Sequence, Lang::Id) => {
                "Nomor urut pada NIP (angka ke-16 sampai ke-18) tidak boleh 000.".into()
            }
            (E::Sequence, Lang::En) => {
                "The sequence number in the NIP (digits 16-18) cannot be 000.".into()
            }
        }
    }
}

impl Nip {
    /// Parses and checks a NIP against today's date (UTC). Spaces between groups are ignored.
    pub fn parse(s: &str) -> Result<Nip, NipError> {
        Nip::parse_at(s, today())
    }

    /// Parses and checks a NIP as of `today`.
    ///
    /// The appointment is checked at month precision (TMT is a month): it must not be earlier
    /// than the month of the 17th birthday, nor later than the current month.
    pub fn parse_at(s: &str, today: Date) -> Result<Nip, NipError> {
        let d = normalize(s).ok_or(NipError::NotDigits)?;
        if d.len() != 18 {
            return Err(NipError::Length(d.len()));
        }
        let year = num(&d, 0..4) as i32;
        let birth_date = date(year, num(&d, 4..6), num(&d, 6..8)).ok_or(NipError::BirthDate)?;
        if year < 1940 || birth_date > today {
            return Err(NipError::BirthYearOutOfRange(year));
        }
        let appointment_year = num(&d, 8..12) as i32;
        let appointment_month = u8::try_from(num(&d, 12..14))
            .ok()
            .and_then(|m| Month::try_from(m).ok())
            .ok_or(NipError::AppointmentMonth)?;
        let appointed = (appointment_year, appointment_month as u8);
        if appointed < (year + 17, birth_date.month() as u8) {
            return Err(NipError::AppointmentTooEarly);
        }
        if appointed > (today.year(), today.month() as u8) {
            return Err(NipError::AppointmentInFuture);
        }
        let sex = match num(&d, 14..15) {
            1 => Sex::Male,
            2 => Sex::Female,
            _ => return Err(NipError::Sex),
        };
        let sequence = num(&d, 15..18) as u16;
        if sequence == 0 {
            return Err(NipError::Sequence);
        }
        Ok(Nip {
            digits: d,
            birth_date,
            appointment_year,
            appointment_month,
            sex,
            sequence,
        })
    }

    /// The 18 digits, without spaces.
    pub fn as_str(&self) -> &str {
        &self.digits
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl FromStr for Nip {
    type Err = NipError;

    fn from_str(s: &str) -> Result<Nip, NipError> {
        Nip::parse(s)
    }
}
