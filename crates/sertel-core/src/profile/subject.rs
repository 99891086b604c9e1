//! The regency's subject profile (organisation, place, mail domain) and the owner's profile.

use serde::{Deserialize, Serialize};
use time::Date;

use super::digits::today;
use super::{validate_email, EmailPolicy, Nik, Nip, ProfileError, ProfileField};

/// What every certificate subject of a regency shares. Muara Enim's is the default; another
/// regency loads its own (the type is `serde`-(de)serialisable).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegencyProfile {
    /// Organisation (O), e.g. "Pemerintah Kabupaten Muara Enim".
    pub organization: String,
    /// Locality (L), e.g. "Muara Enim".
    pub locality: String,
    /// Province (ST), e.g. "Sumatera Selatan".
    pub state: String,
    /// Two-letter country code (C), "ID".
    pub country: String,
    /// The official mail domain, e.g. "muaraenimkab.go.id".
    pub email_domain: String,
    /// Whether addresses on sub-domains of `email_domain` are accepted (default: no).
    #[serde(default)]
    pub allow_email_subdomains: bool,
}

impl Default for RegencyProfile {
    fn default() -> Self {
        RegencyProfile {
            organization: "Pemerintah Kabupaten Muara Enim".into(),
            locality: "Muara Enim".into(),
            state: "Sumatera Selatan".into(),
            country: "ID".into(),
            email_domain: "muaraenimkab.go.id".into(),
            allow_email_subdomains: false,
        }
    }
}

impl RegencyProfile {
    /// The e-mail rule of this regency.
    pub fn email_policy(&self) -> EmailPolicy {
        EmailPolicy {
            domain: self.email_domain.clone(),
            allow_subdomains: self.allow_email_subdomains,
        }
    }

    /// Checks the regency profile itself (lengths, country code); every problem at once.
    pub fn validate(&self) -> Result<(), Vec<ProfileError>> {
        let mut errors = Vec::new();
        text(
            &mut errors,
            ProfileField::Organization,
            &self.organization,
            64,
        );
        text(&mut errors, ProfileField::Locality, &self.locality, 128);
        text(&mut errors, ProfileField::State, &self.state, 128);
        if self.country.len() != 2 || !self.country.bytes().all(|b| b.is_ascii_uppercase()) {
            errors.push(ProfileError::InvalidCharacters(ProfileField::Country));
        }
        let d = &self.email_domain;
        if d.is_empty() || d.starts_with('.') || !d.contains('.') {
            errors.push(ProfileError::InvalidCharacters(ProfileField::EmailDomain));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// The certificate owner: a civil servant of the regency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerProfile {
    /// Full name as it should appear in the certificate (CN), with academic titles if wanted.
    pub full_name: String,
    /// NIP, 18 digits (the subject's serialNumber).
    pub nip: String,
    /// NIK, 16 digits; optional, never put in the CSR, checked against the NIP when given.
    #[serde(default)]
    pub nik: Option<String>,
    /// Official e-mail address on the regency's domain.
    pub email: String,
    /// Position (jabatan), the subject's title.
    pub title: String,
    /// Work unit (unit kerja), the subject's OU.
    pub unit: String,
    /// Rank and grade (pangkat/golongan), e.g. "Penata Muda (III/a)"; optional.
    #[serde(default)]
    pub rank: Option<String>,
    /// Telephone number; optional.
    #[serde(default)]
    pub phone: Option<String>,
}

impl OwnerProfile {
    /// Checks every field against the regency's rules as of today (UTC); returns every problem
    /// at once so a form can mark them all.
    pub fn validate(&self, regency: &RegencyProfile) -> Result<(), Vec<ProfileError>> {
        self.validate_at(regency, today())
    }

    /// Like [`OwnerProfile::validate`], as of `today`.
    pub fn validate_at(
        &self,
        regency: &RegencyProfile,
        today: Date,
    ) -> Result<(), Vec<ProfileError>> {
        let mut errors = Vec::new();
        text(&mut errors, ProfileField::FullName, &self.full_name, 64);
        text(&mut errors, ProfileField::Title, &self.title, 64);
        text(&mut errors, ProfileField::Unit, &self.unit, 64);
        if let Some(rank) = self.rank.as_deref().filter(|r| !r.trim().is_empty()) {
            text(&mut errors, ProfileField::Rank, rank, 64);
        }
        let nip = if self.nip.trim().is_empty() {
            errors.push(ProfileError::Missing(ProfileField::Nip));
            None
        } else {
            Nip::parse_at(&self.nip, today)
                .map_err(|e| errors.push(ProfileError::Nip(e)))
                .ok()
        };
        if let Some(nik) = self.nik.as_deref().filter(|n| !n.trim().is_empty()) {
            match Nik::parse_at(nik, today) {
                Ok(nik) => {
                    if let Some(nip) = &nip {
                        if let Err(e) = nik.check_agrees_with(nip) {
                            errors.push(ProfileError::NipNikMismatch(e));
                        }
                    }
                }
                Err(e) => errors.push(ProfileError::Nik(e)),
            }
        }
        if let Err(e) = validate_email(&self.email, &regency.email_policy()) {
            errors.push(ProfileError::Email(e));
        }
        if let Some(phone) = self.phone.as_deref().filter(|p| !p.trim().is_empty()) {
            if !valid_phone(phone) {
                errors.push(ProfileError::Phone);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The NIP without spaces (as it goes into the certificate).
    pub fn nip_digits(&self) -> String {
        self.nip.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

/// A required text field: present, at most `max` characters, no control characters.
pub(super) fn text(errors: &mut Vec<ProfileError>, field: ProfileField, value: &str, max: usize) {
    let value = value.trim();
    if value.is_empty() {
        errors.push(ProfileError::Missing(field));
    } else if value.chars().count() > max {
        errors.push(ProfileError::TooLong { field, max });
    } else if value.chars().any(char::is_control) {
        errors.push(ProfileError::InvalidCharacters(field));
    }
}

/// An Indonesian number: `0`, `62` or `+62` followed by 8–13 digits; spaces, dashes, dots and
/// parentheses between digits are ignored.
fn valid_phone(phone: &str) -> bool {
    let compact: String = phone
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let rest = if let Some(r) = compact.strip_prefix("+62") {
        r
    } else if let Some(r) = compact.strip_prefix("62") {
        r
    } else if let Some(r) = compact.strip_prefix('0') {
        r
    } else {
        return false;
    };
    (8..=13).contains(&rest.len())
        && rest.bytes().all(|b| b.is_ascii_digit())
        && !rest.starts_with('0')
}
