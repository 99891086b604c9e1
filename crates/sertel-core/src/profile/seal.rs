//! The profile of an electronic seal (segel elektronik, Pasal 12 huruf c): the Perangkat Daerah
//! that holds it and, optionally, its official e-mail address.

use serde::{Deserialize, Serialize};

use super::subject::text;
use super::{validate_email, ProfileError, ProfileField, RegencyProfile};

/// The holder of an electronic seal: a Perangkat Daerah of the regency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SealProfile {
    /// The agency's name as it should appear in the certificate (CN), e.g.
    /// "Dinas Komunikasi dan Informatika".
    pub agency: String,
    /// The agency's official e-mail address on the regency's domain; optional (the
    /// certificate's subjectAltName when given).
    #[serde(default)]
    pub email: Option<String>,
}

impl SealProfile {
    /// A seal for `agency` without an e-mail address.
    pub fn new(agency: &str) -> SealProfile {
        SealProfile {
            agency: agency.to_owned(),
            email: None,
        }
    }

    /// The agency's name as it goes into the certificate (surrounding spaces removed).
    pub fn agency_name(&self) -> &str {
        self.agency.trim()
    }

    /// The e-mail address as it goes into the certificate (lower case), if one is given.
    pub fn email_normalised(&self) -> Option<String> {
        self.email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_ascii_lowercase)
    }

    /// Checks the name (present, at most 64 characters, no control characters) and the e-mail
    /// address against the regency's rules; every problem at once.
    pub fn validate(&self, regency: &RegencyProfile) -> Result<(), Vec<ProfileError>> {
        let mut errors = Vec::new();
        text(&mut errors, ProfileField::Agency, &self.agency, 64);
        if let Some(email) = self.email_normalised() {
            if let Err(e) = validate_email(&email, &regency.email_policy()) {
                errors.push(ProfileError::Email(e));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_and_email_are_checked() {
        let regency = RegencyProfile::default();
        let ok = SealProfile {
            agency: " Dinas Komunikasi dan Informatika ".into(),
            email: Some("Diskominfo@MuaraEnimKab.go.id".into()),
        };
        assert_eq!(ok.validate(&regency), Ok(()));
        assert_eq!(ok.agency_name(), "Dinas Komunikasi dan Informatika");
        assert_eq!(
            ok.email_normalised().as_deref(),
            Some("diskominfo@muaraenimkab.go.id")
        );
        let bad = SealProfile {
            agency: "x".repeat(65),
            email: Some("kominfo@gmail.com".into()),
        };
        let errors = bad.validate(&regency).unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].field(), ProfileField::Agency);
        assert_eq!(errors[1].field(), ProfileField::Email);
        assert_eq!(
            SealProfile::new("  ").validate(&regency).unwrap_err()[0],
            ProfileError::Missing(ProfileField::Agency)
        );
    }
}
