//! The recommendation letter (Lampiran of Perbup Muara Enim 2/2025): the form filled in from
//! the profile, checked and rendered by `sertel_core::recommendation`, previewed as a page
//! image (pdftoppm) and saved.

use std::path::Path;

use serde::Serialize;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::recommendation::{
    render, render_unchecked, Letterhead, Official, RecommendationForm, Uses,
};

use crate::DesktopError;

/// One problem of the form, for the field it belongs to.
#[derive(Clone, Debug, Serialize)]
pub struct LetterProblem {
    /// The field, e.g. `recommender.nip`.
    pub field: String,
    /// The problem's kind.
    pub kind: &'static str,
    /// What is wrong, in the user's language.
    pub message: String,
}

/// The letter as drawn so far.
#[derive(Clone, Debug, Serialize)]
pub struct LetterPreview {
    /// What still has to be fixed before the letter can be saved; empty when ready.
    pub problems: Vec<LetterProblem>,
    /// The first page as a PNG data URL (`None` when pdftoppm could not draw it).
    pub image: Option<String>,
    /// How many pages the letter has.
    pub pages: usize,
}

/// A form with the applicant's block filled in from `profile`, dated today in Muara Enim.
pub fn defaults(profile: Option<&OwnerProfile>) -> RecommendationForm {
    let applicant = profile
        .map(|p| Official {
            full_name: p.full_name.clone(),
            nip: p.nip.clone(),
            nik: p.nik.clone().unwrap_or_default(),
            rank: p.rank.clone().unwrap_or_default(),
            title: p.title.clone(),
            unit: p.unit.clone(),
            email: p.email.clone(),
        })
        .unwrap_or_default();
    RecommendationForm {
        letterhead: Letterhead {
            agency: applicant.unit.clone(),
            address: None,
        },
        number: None,
        recommender: Official::default(),
        applicant,
        applicant_phone: profile.and_then(|p| p.phone.clone()).unwrap_or_default(),
        electronic_system: "SRIKANDI".into(),
        uses: Uses::default(),
        place: "Muara Enim".into(),
        date: time::OffsetDateTime::now_utc().date(),
    }
}

fn problems(form: &RecommendationForm, regency: &RegencyProfile, lang: Lang) -> Vec<LetterProblem> {
    match form.validate(regency) {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|e| LetterProblem {
                field: e.field().key(),
                kind: e.kind(),
                message: e.message(lang),
            })
            .collect(),
    }
}

/// The problems of `form` and its first page drawn, through a draft PDF under `scratch`.
pub fn preview(
    form: &RecommendationForm,
    regency: &RegencyProfile,
    scratch: &Path,
    lang: Lang,
) -> Result<LetterPreview, DesktopError> {
    let pdf = render_unchecked(form, regency);
    std::fs::create_dir_all(scratch).map_err(DesktopError::io(scratch))?;
    let draft = scratch.join("surat-rekomendasi-draf.pdf");
    std::fs::write(&draft, &pdf).map_err(DesktopError::io(&draft))?;
    let page = crate::preview::preview(&draft, 1);
    let _ = std::fs::remove_file(&draft);
    let page = page?;
    Ok(LetterPreview {
        problems: problems(form, regency, lang),
        image: page.image,
        pages: page.pages,
    })
}

/// Checks and renders `form` and writes the PDF to `out`.
pub fn save(
    form: &RecommendationForm,
    regency: &RegencyProfile,
    out: &Path,
) -> Result<(), DesktopError> {
    let pdf = render(form, regency).map_err(|errors| match errors.into_iter().next() {
        Some(e) => DesktopError::core(e),
        None => DesktopError::ApplicationIncomplete("recommendation letter"),
    })?;
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(DesktopError::io(dir))?;
    }
    std::fs::write(out, pdf).map_err(DesktopError::io(out))
}
