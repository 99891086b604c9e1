//! The profile form's live checks: every problem of a draft profile, named by the form field it
//! belongs to, in the user's language. The rules are `sertel-core`'s; the app adds that the NIK
//! is required and that the rank comes from the official list.

use serde::Serialize;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::profile::{OwnerProfile, ProfileError, ProfileField, RegencyProfile};

use crate::ranks;

/// One problem, for the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    /// The form field: `full_name`, `nip`, `nik`, `email`, `title`, `unit`, `rank`, `phone`
    /// (or `other`).
    pub field: &'static str,
    /// The problem's stable kind.
    pub kind: String,
    /// What to fix, in the user's language.
    pub message: String,
}

/// The form field a core profile field is shown in.
pub fn field_name(field: ProfileField) -> &'static str {
    match field {
        ProfileField::FullName => "full_name",
        ProfileField::Nip => "nip",
        ProfileField::Nik => "nik",
        ProfileField::Email => "email",
        ProfileField::Title => "title",
        ProfileField::Unit => "unit",
        ProfileField::Rank => "rank",
        ProfileField::Phone => "phone",
        _ => "other",
    }
}

/// Every problem of `profile` under the regency's rules and the app's, as of today.
pub fn problems(profile: &OwnerProfile, regency: &RegencyProfile) -> Vec<ProfileError> {
    let mut found = profile.validate(regency).err().unwrap_or_default();
    if profile.nik.as_deref().is_none_or(|n| n.trim().is_empty()) {
        found.push(ProfileError::Missing(ProfileField::Nik));
    }
    if let Some(rank) = profile.rank.as_deref().filter(|r| !r.trim().is_empty()) {
        if !ranks::is_official(rank) {
            found.push(ProfileError::InvalidCharacters(ProfileField::Rank));
        }
    }
    found
}

/// [`problems`], worded for the form in `lang`.
pub fn check(profile: &OwnerProfile, regency: &RegencyProfile, lang: Lang) -> Vec<FieldProblem> {
    problems(profile, regency)
        .iter()
        .map(|p| FieldProblem {
            field: field_name(p.field()),
            kind: p.kind().to_owned(),
            message: p.message(lang),
        })
        .collect()
}
