//! Problems in the letter's form, one per field, for a form to mark.

use crate::i18n::{Lang, Localized};
use crate::profile::{ProfileError, ProfileField};

/// Which person block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Block {
    /// The recommender (who signs).
    Recommender,
    /// The applicant.
    Applicant,
}

impl Block {
    /// The block's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Block::Recommender, Lang::Id) => "Pemberi rekomendasi",
            (Block::Recommender, Lang::En) => "Recommender",
            (Block::Applicant, Lang::Id) => "Pemohon",
            (Block::Applicant, Lang::En) => "Applicant",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Block::Recommender => "recommender",
            Block::Applicant => "applicant",
        }
    }
}

/// A field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LetterField {
    /// A field of a person block.
    Person(Block, ProfileField),
    /// The applicant's telephone.
    ApplicantPhone,
    /// The agency of the letterhead.
    Agency,
    /// The address line of the letterhead.
    AgencyAddress,
    /// The letter number.
    Number,
    /// The electronic system.
    ElectronicSystem,
    /// The uses.
    Uses,
    /// The place.
    Place,
    /// The date.
    Date,
}

impl LetterField {
    /// A stable name for the form, e.g. `recommender.nip`, `electronic_system`.
    pub fn key(self) -> String {
        let person = |f: ProfileField| match f {
            ProfileField::FullName => "full_name",
            ProfileField::Nip => "nip",
            ProfileField::Nik => "nik",
            ProfileField::Email => "email",
            ProfileField::Title => "title",
            ProfileField::Unit => "unit",
            ProfileField::Rank => "rank",
            ProfileField::Phone => "phone",
            _ => "other",
        };
        match self {
            LetterField::Person(b, f) => format!("{}.{}", b.key(), person(f)),
            LetterField::ApplicantPhone => "applicant.phone".into(),
            LetterField::Agency => "letterhead.agency".into(),
            LetterField::AgencyAddress => "letterhead.address".into(),
            LetterField::Number => "number".into(),
            LetterField::ElectronicSystem => "electronic_system".into(),
            LetterField::Uses => "uses".into(),
            LetterField::Place => "place".into(),
            LetterField::Date => "date".into(),
        }
    }

    /// The field's label in `lang`.
    pub fn label(self, lang: Lang) -> String {
        let plain = |id: &str, en: &str| lang.pick(id, en).to_owned();
        match self {
            LetterField::Person(b, f) => format!("{}: {}", b.label(lang), f.label(lang)),
            LetterField::ApplicantPhone => format!(
                "{}: {}",
                Block::Applicant.label(lang),
                ProfileField::Phone.label(lang)
            ),
            LetterField::Agency => plain("Nama perangkat daerah (kop)", "Agency (letterhead)"),
            LetterField::AgencyAddress => plain("Alamat (kop)", "Address (letterhead)"),
            LetterField::Number => plain("Nomor surat", "Letter number"),
            LetterField::ElectronicSystem => plain("Sistem elektronik", "Electronic system"),
            LetterField::Uses => plain("Kegunaan", "Uses"),
            LetterField::Place => plain("Tempat", "Place"),
            LetterField::Date => plain("Tanggal", "Date"),
        }
    }
}

/// One problem in the form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LetterError {
    /// A field of a person block is invalid (NIP, NIK, their agreement, e-mail, lengths), as
    /// the owner profile checks it.
    #[error("{block:?}: {error}")]
    Person {
        /// The block.
        block: Block,
        /// The problem.
        error: ProfileError,
    },
    /// A required field is empty.
    #[error("{0:?} is required")]
    Missing(LetterField),
    /// A field is too long for the letter.
    #[error("{field:?} is longer than {max} characters")]
    TooLong {
        /// The field.
        field: LetterField,
        /// The most characters allowed.
        max: usize,
    },
    /// A field holds control characters or characters the letter's font cannot print.
    #[error("{0:?} contains characters that cannot be printed")]
    Unprintable(LetterField),
    /// No use is chosen.
    #[error("choose at least one use")]
    NoUse,
    /// The recommender and the applicant are the same person (same NIP).
    #[error("the recommender and the applicant are the same person")]
    SamePerson,
    /// The date is more than a day in the future.
    #[error("the date is in the future")]
    DateInFuture,
}

impl LetterError {
    /// The field the problem is in.
    pub fn field(&self) -> LetterField {
        match self {
            LetterError::Person { block, error } => match error.field() {
                ProfileField::Phone => LetterField::ApplicantPhone,
                f => LetterField::Person(*block, f),
            },
            LetterError::Missing(f)
            | LetterError::TooLong { field: f, .. }
            | LetterError::Unprintable(f) => *f,
            LetterError::NoUse => LetterField::Uses,
            LetterError::SamePerson => LetterField::Person(Block::Applicant, ProfileField::Nip),
            LetterError::DateInFuture => LetterField::Date,
        }
    }
}

impl Localized for LetterError {
    fn kind(&self) -> &'static str {
        match self {
            LetterError::Person { error, .. } => error.kind(),
            LetterError::Missing(_) => "letter_field_missing",
            LetterError::TooLong { .. } => "letter_field_too_long",
            LetterError::Unprintable(_) => "letter_field_unprintable",
            LetterError::NoUse => "letter_no_use",
            LetterError::SamePerson => "letter_same_person",
            LetterError::DateInFuture => "letter_date_in_future",
        }
    }

    fn message(&self, lang: Lang) -> String {
        let label = self.field().label(lang);
        match (self, lang) {
            (LetterError::Person { block, error }, l) => {
                format!("{}: {}", block.label(l), error.message(l))
            }
            (LetterError::Missing(_), Lang::Id) => format!("{label} wajib diisi."),
            (LetterError::Missing(_), Lang::En) => format!("{label} is required."),
            (LetterError::TooLong { max, .. }, Lang::Id) => {
                format!("{label} paling banyak {max} karakter.")
            }
            (LetterError::TooLong { max, .. }, Lang::En) => {
                format!("{label} can have at most {max} characters.")
            }
            (LetterError::Unprintable(_), Lang::Id) => {
                format!("{label} memuat karakter yang tidak dapat dicetak pada surat.")
            }
            (LetterError::Unprintable(_), Lang::En) => {
                format!("{label} contains characters the letter cannot print.")
            }
            (LetterError::NoUse, Lang::Id) => "Pilih sedikitnya satu kegunaan sertifikat.".into(),
            (LetterError::NoUse, Lang::En) => "Choose at least one use of the certificate.".into(),
            (LetterError::SamePerson, Lang::Id) => {
                "Pemberi rekomendasi dan pemohon tidak boleh orang yang sama (NIP sama).".into()
            }
            (LetterError::SamePerson, Lang::En) => {
                "The recommender and the applicant cannot be the same person (same NIP).".into()
            }
            (LetterError::DateInFuture, Lang::Id) => {
                "Tanggal surat tidak boleh di masa depan.".into()
            }
            (LetterError::DateInFuture, Lang::En) => {
                "The letter's date cannot be in the future.".into()
            }
        }
    }
}
