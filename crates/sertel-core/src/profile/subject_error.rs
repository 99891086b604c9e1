//! Problems found in an owner profile, one per field, for a form.

use super::{EmailError, NikError, NipError, NipNikMismatch};
use crate::i18n::{Lang, Localized};

/// A field of the owner or regency profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProfileField {
    /// Full name (nama lengkap).
    FullName,
    /// NIP.
    Nip,
    /// NIK.
    Nik,
    /// Official e-mail address.
    Email,
    /// Position (jabatan).
    Title,
    /// Work unit (unit kerja).
    Unit,
    /// Rank (pangkat/golongan).
    Rank,
    /// Telephone number.
    Phone,
    /// The regency's organisation name.
    Organization,
    /// The regency's locality.
    Locality,
    /// The regency's province.
    State,
    /// The regency's country code.
    Country,
    /// The regency's e-mail domain.
    EmailDomain,
    /// The Perangkat Daerah an electronic seal is for.
    Agency,
}

impl ProfileField {
    /// The field's label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        use ProfileField as F;
        match (self, lang) {
            (F::FullName, Lang::Id) => "Nama lengkap",
            (F::FullName, Lang::En) => "Full name",
            (F::Nip, _) => "NIP",
            (F::Nik, _) => "NIK",
            (F::Email, Lang::Id) => "E-mail dinas",
            (F::Email, Lang::En) => "Official e-mail",
            (F::Title, Lang::Id) => "Jabatan",
            (F::Title, Lang::En) => "Position",
            (F::Unit, Lang::Id) => "Unit kerja",
            (F::Unit, Lang::En) => "Work unit",
            (F::Rank, Lang::Id) => "Pangkat/golongan",
            (F::Rank, Lang::En) => "Rank/grade",
            (F::Phone, Lang::Id) => "Nomor telepon",
            (F::Phone, Lang::En) => "Telephone number",
            (F::Organization, Lang::Id) => "Organisasi",
            (F::Organization, Lang::En) => "Organization",
            (F::Locality, Lang::Id) => "Kota/kabupaten",
            (F::Locality, Lang::En) => "Locality",
            (F::State, Lang::Id) => "Provinsi",
            (F::State, Lang::En) => "Province",
            (F::Country, Lang::Id) => "Kode negara",
            (F::Country, Lang::En) => "Country code",
            (F::EmailDomain, Lang::Id) => "Domain e-mail",
            (F::EmailDomain, Lang::En) => "E-mail domain",
            (F::Agency, Lang::Id) => "Perangkat Daerah",
            (F::Agency, Lang::En) => "Agency",
        }
    }
}

/// One problem in a profile.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// A required field is empty.
    #[error("{0:?} is required")]
    Missing(ProfileField),
    /// A field is longer than the certificate allows.
    #[error("{field:?} is longer than {max} characters")]
    TooLong {
        /// The field.
        field: ProfileField,
        /// The maximum number of characters.
        max: usize,
    },
    /// A field contains control characters, or characters its certificate encoding cannot carry.
    #[error("{0:?} contains characters that are not allowed")]
    InvalidCharacters(ProfileField),
    /// The NIP is not valid.
    #[error("invalid NIP: {0}")]
    Nip(NipError),
    /// The NIK is not valid.
    #[error("invalid NIK: {0}")]
    Nik(NikError),
    /// The NIP and NIK do not belong to the same person.
    #[error(transparent)]
    NipNikMismatch(NipNikMismatch),
    /// The e-mail address is not valid or not on the regency's domain.
    #[error("invalid e-mail address: {0}")]
    Email(EmailError),
    /// The telephone number is not an Indonesian number.
    #[error("invalid telephone number")]
    Phone,
}

impl ProfileError {
    /// The field the problem is in.
    pub fn field(&self) -> ProfileField {
        match self {
            ProfileError::Missing(f)
            | ProfileError::TooLong { field: f, .. }
            | ProfileError::InvalidCharacters(f) => *f,
            ProfileError::Nip(_) => ProfileField::Nip,
            ProfileError::Nik(_) | ProfileError::NipNikMismatch(_) => ProfileField::Nik,
            ProfileError::Email(_) => ProfileField::Email,
            ProfileError::Phone => ProfileField::Phone,
        }
    }
}

impl Localized for ProfileError {
    fn kind(&self) -> &'static str {
        match self {
            ProfileError::Missing(_) => "profile_field_missing",
            ProfileError::TooLong { .. } => "profile_field_too_long",
            ProfileError::InvalidCharacters(_) => "profile_field_invalid_characters",
            ProfileError::Nip(e) => e.kind(),
            ProfileError::Nik(e) => e.kind(),
            ProfileError::NipNikMismatch(e) => e.kind(),
            ProfileError::Email(e) => e.kind(),
            ProfileError::Phone => "phone_invalid",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let label = self.field().label(lang);
        match (self, lang) {
            (ProfileError::Missing(_), Lang::Id) => format!("{label} wajib diisi."),
            (ProfileError::Missing(_), Lang::En) => format!("{label} is required."),
            (ProfileError::TooLong { max, .. }, Lang::Id) => {
                format!("{label} paling banyak {max} karakter.")
            }
            (ProfileError::TooLong { max, .. }, Lang::En) => {
                format!("{label} can have at most {max} characters.")
            }
            (ProfileError::InvalidCharacters(_), Lang::Id) => {
                format!("{label} memuat karakter yang tidak diperbolehkan.")
            }
            (ProfileError::InvalidCharacters(_), Lang::En) => {
                format!("{label} contains characters that are not allowed.")
            }
            (ProfileError::Nip(e), l) => e.message(l),
            (ProfileError::Nik(e), l) => e.message(l),
            (ProfileError::NipNikMismatch(e), l) => e.message(l),
            (ProfileError::Email(e), l) => e.message(l),
            (ProfileError::Phone, Lang::Id) => {
                "Nomor telepon harus nomor Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 \
                 7890."
                    .into()
            }
            (ProfileError::Phone, Lang::En) => {
                "The telephone number must be an Indonesian number, e.g. 0812 3456 7890 or +62 \
                 812 3456 7890."
                    .into()
            }
        }
    }
}
