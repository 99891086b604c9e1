//! Checking the form: every problem at once, per field. The person blocks go through the owner
//! profile's checks (NIP, NIK and their agreement, the regency's e-mail domain, lengths,
//! telephone); the rest are the letter's own.

use time::{Date, OffsetDateTime};

use super::error::{Block, LetterError, LetterField};
use super::form::{Official, RecommendationForm};
use crate::profile::{OwnerProfile, ProfileField, RegencyProfile};
use crate::verify::pdf_report::wrap::has_unshowable;

impl RecommendationForm {
    /// Checks the form as of today (UTC).
    pub fn validate(&self, regency: &RegencyProfile) -> Result<(), Vec<LetterError>> {
        self.validate_at(regency, OffsetDateTime::now_utc().date())
    }

    /// Checks the form as of `today`; returns every problem.
    pub fn validate_at(
        &self,
        regency: &RegencyProfile,
        today: Date,
    ) -> Result<(), Vec<LetterError>> {
        let mut errors = Vec::new();
        person(
            &mut errors,
            Block::Recommender,
            &self.recommender,
            None,
            regency,
            today,
        );
        person(
            &mut errors,
            Block::Applicant,
            &self.applicant,
            Some(&self.applicant_phone),
            regency,
            today,
        );
        let same = !self.applicant.nip.trim().is_empty()
            && digits(&self.applicant.nip) == digits(&self.recommender.nip);
        if same {
            errors.push(LetterError::SamePerson);
        }
        text(
            &mut errors,
            LetterField::Agency,
            &self.letterhead.agency,
            120,
        );
        if let Some(address) = &self.letterhead.address {
            optional(&mut errors, LetterField::AgencyAddress, address, 160);
        }
        if let Some(number) = &self.number {
            optional(&mut errors, LetterField::Number, number, 64);
        }
        text(
            &mut errors,
            LetterField::ElectronicSystem,
            &self.electronic_system,
            120,
        );
        text(&mut errors, LetterField::Place, &self.place, 64);
        let u = self.uses;
        if !(u.signature || u.document_protection || u.email_protection) {
            errors.push(LetterError::NoUse);
        }
        if self.date > today.next_day().unwrap_or(today) {
            errors.push(LetterError::DateInFuture);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn digits(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn person(
    errors: &mut Vec<LetterError>,
    block: Block,
    p: &Official,
    phone: Option<&String>,
    regency: &RegencyProfile,
    today: Date,
) {
    let profile = OwnerProfile {
        full_name: p.full_name.clone(),
        nip: p.nip.clone(),
        nik: Some(p.nik.clone()),
        email: p.email.clone(),
        title: p.title.clone(),
        unit: p.unit.clone(),
        rank: Some(p.rank.clone()),
        phone: phone.cloned(),
    };
    if let Err(found) = profile.validate_at(regency, today) {
        errors.extend(
            found
                .into_iter()
                .map(|error| LetterError::Person { block, error }),
        );
    }
    // The profile leaves these optional; the letter's template asks for them.
    if p.nik.trim().is_empty() {
        errors.push(LetterError::Missing(LetterField::Person(
            block,
            ProfileField::Nik,
        )));
    }
    if p.rank.trim().is_empty() {
        errors.push(LetterError::Missing(LetterField::Person(
            block,
            ProfileField::Rank,
        )));
    }
    if phone.is_some_and(|t| t.trim().is_empty()) {
        errors.push(LetterError::Missing(LetterField::ApplicantPhone));
    }
    for (field, value) in [
        (ProfileField::FullName, &p.full_name),
        (ProfileField::Rank, &p.rank),
        (ProfileField::Title, &p.title),
        (ProfileField::Unit, &p.unit),
    ] {
        if has_unshowable(value) {
            errors.push(LetterError::Unprintable(LetterField::Person(block, field)));
        }
    }
}

/// A required free-text field.
fn text(errors: &mut Vec<LetterError>, field: LetterField, value: &str, max: usize) {
    if value.trim().is_empty() {
        errors.push(LetterError::Missing(field));
    } else {
        optional(errors, field, value, max);
    }
}

/// An optional free-text field (empty is fine).
fn optional(errors: &mut Vec<LetterError>, field: LetterField, value: &str, max: usize) {
    let value = value.trim();
    if value.chars().count() > max {
        errors.push(LetterError::TooLong { field, max });
    } else if value.chars().any(char::is_control) || has_unshowable(value) {
        errors.push(LetterError::Unprintable(field));
    }
}
