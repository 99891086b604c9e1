//! NIK (Nomor Induk Kependudukan): the 16-digit population number on the KTP.
//!
//! Layout: province `PP`, regency/city `KK`, district `CC`, birth date `DDMMYY` (women add 40 to
//! the day), sequence `NNNN`.

use std::fmt;

use time::Date;

use super::digits::{date, normalize, num, today};
use super::{Nip, Sex};
use crate::i18n::{Lang, Localized};

/// Province codes in use (Kemendagri), including the Papua provinces created in 2022.
const PROVINCES: [u8; 38] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
];

/// A parsed, checked NIK.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Nik {
    digits: String,
    /// Province code (digits 1–2), e.g. 16 for Sumatera Selatan.
    pub province: u8,
    /// Regency or city code within the province (digits 3–4), e.g. 03 for Muara Enim.
    pub regency: u8,
    /// District (kecamatan) code (digits 5–6).
    pub district: u8,
    /// The two-digit birth year as written.
    pub birth_year_two_digits: u8,
    /// Date of birth, with the century guessed: the most recent year ending in those two digits
    /// that does not put the birth date after today. A NIK alone cannot tell a 1925 birth from a
    /// 2025 one; [`Nik::check_agrees_with`] compares only the two digits.
    pub birth_date: Date,
    /// Sex (women's day of birth is written plus 40).
    pub sex: Sex,
    /// Sequence number (0001–9999).
    pub sequence: u16,
}

/// What is wrong with a NIK.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NikError {
    /// The NIK does not have 16 digits.
    #[error("a NIK has 16 digits, not {0}")]
    Length(usize),
    /// The NIK contains something other than digits (and spaces).
    #[error("a NIK contains only digits")]
    NotDigits,
    /// Digits 1–2 are not a province code.
    #[error("digits 1-2 ({0:02}) are not a province code")]
    Province(u8),
    /// Digits 3–4 (regency) or 5–6 (district) are 00.
    #[error("the regency or district code is 00")]
    Region,
    /// Digits 7–12 are not a valid date (day 01–31, or 41–71 for women).
    #[error("digits 7-12 are not a valid birth date")]
    BirthDate,
    /// Digits 13–16 are 0000.
    #[error("the sequence number (digits 13-16) cannot be 0000")]
    Sequence,
}

impl Localized for NikError {
    fn kind(&self) -> &'static str {
        match self {
            NikError::Length(_) => "nik_length",
            NikError::NotDigits => "nik_not_digits",
            NikError::Province(_) => "nik_province",
            NikError::Region => "nik_region",
            NikError::BirthDate => "nik_birth_date",
            NikError::Sequence => "nik_sequence",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use NikError as E;
        match (self, lang) {
            (E::Length(n), Lang::Id) => format!("NIK harus 16 angka, bukan {n}."),
            (E::Length(n), Lang::En) => format!("A NIK has 16 digits, not {n}."),
            (E::NotDigits, Lang::Id) => "NIK hanya boleh berisi angka.".into(),
            (E::NotDigits, Lang::En) => "A NIK may contain only digits.".into(),
            (E::Province(p), Lang::Id) => {
                format!("Angka ke-1 dan ke-2 NIK ({p:02}) bukan kode provinsi.")
            }
            (E::Province(p), Lang::En) => {
                format!("Digits 1-2 of the NIK ({p:02}) are not a province code.")
            }
            (E::Region, Lang::Id) => {
                "Kode kabupaten/kota (angka ke-3 dan ke-4) atau kecamatan (angka ke-5 dan ke-6) \
                 pada NIK tidak boleh 00."
                    .into()
            }
            (E::Region, Lang::En) => {
                "The regency/city code (digits 3-4) or district code (digits 5-6) of the NIK \
                 cannot be 00."
                    .into()
            }
            (E::BirthDate, Lang::Id) => {
                "Angka ke-7 sampai ke-12 NIK (tanggal lahir HHBBTT, perempuan tanggal + 40) \
                 bukan tanggal yang sah."
                    .into()
            }
            (E::BirthDate, Lang::En) => {
                "Digits 7-12 of the NIK (birth date DDMMYY, women's day plus 40) are not a \
                 valid date."
                    .into()
            }
            (E::Sequence, Lang::Id) => {
                "Nomor urut pada NIK (angka ke-13 sampai ke-16) tidak boleh 0000.".into()
            }
            (E::Sequence, Lang::En) => {
                "The sequence number in the NIK (digits 13-16) cannot be 0000.".into()
            }
        }
    }
}

/// How a NIP and a NIK disagree.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NipNikMismatch {
    /// The birth dates differ (day, month, or the last two digits of the year).
    #[error("the NIP and the NIK have different birth dates")]
    BirthDate,
    /// The sexes differ.
    #[error("the NIP and the NIK record a different sex")]
    Sex,
    /// Both differ.
    #[error("the NIP and the NIK have different birth dates and sexes")]
    BirthDateAndSex,
}

impl Localized for NipNikMismatch {
    fn kind(&self) -> &'static str {
        match self {
            NipNikMismatch::BirthDate => "nip_nik_birth_date_mismatch",
            NipNikMismatch::Sex => "nip_nik_sex_mismatch",
            NipNikMismatch::BirthDateAndSex => "nip_nik_mismatch",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let (id, en) = match self {
            NipNikMismatch::BirthDate => ("tanggal lahir", "birth date"),
            NipNikMismatch::Sex => ("jenis kelamin", "sex"),
            NipNikMismatch::BirthDateAndSex => {
                ("tanggal lahir dan jenis kelamin", "birth date and sex")
            }
        };
        match lang {
            Lang::Id => format!("NIP dan NIK tidak cocok: {id} berbeda."),
            Lang::En => format!("The NIP and the NIK do not match: the {en} differ."),
        }
    }
}

impl Nik {
    /// Parses and checks a NIK, guessing the century against today's date (UTC).
    pub fn parse(s: &str) -> Result<Nik, NikError> {
        Nik::parse_at(s, today())
    }

    /// Parses and checks a NIK as of `today`.
    pub fn parse_at(s: &str, today: Date) -> Result<Nik, NikError> {
        let d = normalize(s).ok_or(NikError::NotDigits)?;
        if d.len() != 16 {
            return Err(NikError::Length(d.len()));
        }
        let province = num(&d, 0..2) as u8;
        if !PROVINCES.contains(&province) {
            return Err(NikError::Province(province));
        }
        let (regency, district) = (num(&d, 2..4) as u8, num(&d, 4..6) as u8);
        if regency == 0 || district == 0 {
            return Err(NikError::Region);
        }
        let raw_day = num(&d, 6..8);
        let (day, sex) = if raw_day > 40 {
            (raw_day - 40, Sex::Female)
        } else {
            (raw_day, Sex::Male)
        };
        let month = num(&d, 8..10);
        let yy = num(&d, 10..12);
        let recent = date(2000 + yy as i32, month, day).filter(|dt| *dt <= today);
        let birth_date = match recent {
            Some(dt) => dt,
            None => date(1900 + yy as i32, month, day).ok_or(NikError::BirthDate)?,
        };
        let sequence = num(&d, 12..16) as u16;
        if sequence == 0 {
            return Err(NikError::Sequence);
        }
        Ok(Nik {
            digits: d,
            province,
            regency,
            district,
            birth_year_two_digits: yy as u8,
            birth_date,
            sex,
            sequence,
        })
    }

    /// The 16 digits, without spaces.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// Checks that a NIP and this NIK belong to the same person: same day and month of birth,
    /// same last two digits of the birth year, same sex.
    pub fn check_agrees_with(&self, nip: &Nip) -> Result<(), NipNikMismatch> {
        let b = nip.birth_date;
        let same_date = b.day() == self.birth_date.day()
            && b.month() == self.birth_date.month()
            && b.year().rem_euclid(100) == i32::from(self.birth_year_two_digits);
        match (same_date, nip.sex == self.sex) {
            (true, true) => Ok(()),
            (false, true) => Err(NipNikMismatch::BirthDate),
            (true, false) => Err(NipNikMismatch::Sex),
            (false, false) => Err(NipNikMismatch::BirthDateAndSex),
        }
    }
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}
