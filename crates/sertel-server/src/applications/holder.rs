//! Whom an application's certificate is for: the owner in person (Pasal 10 ayat 1), or the
//! Perangkat Daerah the owner heads, as its electronic seal (segel elektronik, Pasal 12 huruf c,
//! applied for by the Perangkat Daerah, Pasal 10 ayat 3). Orthogonal to the application's
//! kind: a seal is applied for, renewed and re-issued like a person's certificate.

use der::Encode;
use sertel_core::profile::{OwnerProfile, RegencyProfile, SealProfile};
use sertel_core::x509::{owner_subject, seal_subject, Name};

use crate::ApiError;

/// The holder of an application's certificate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Holder {
    /// The owner: subject from the owner's registered profile.
    Person,
    /// An agency's electronic seal: subject from the agency's name (stored columns
    /// `seal_agency`, `seal_email`).
    Seal(SealProfile),
}

impl Holder {
    /// The holder as stored: a seal when `seal_agency` is set.
    pub fn from_stored(agency: Option<String>, email: Option<String>) -> Holder {
        match agency {
            Some(agency) => Holder::Seal(SealProfile { agency, email }),
            None => Holder::Person,
        }
    }

    /// The stored `seal_agency`: the agency's name for a seal.
    pub fn agency(&self) -> Option<&str> {
        match self {
            Holder::Person => None,
            Holder::Seal(seal) => Some(seal.agency_name()),
        }
    }

    /// The stored `seal_email`: the agency's e-mail address for a seal, if it has one.
    pub fn email(&self) -> Option<String> {
        match self {
            Holder::Person => None,
            Holder::Seal(seal) => seal.email_normalised(),
        }
    }

    /// The subject the certificate must carry: the owner's (from `owner`) or the seal's.
    pub fn expected_subject(
        &self,
        owner: &OwnerProfile,
        regency: &RegencyProfile,
    ) -> Result<Name, ApiError> {
        match self {
            Holder::Person => owner_subject(owner, regency),
            Holder::Seal(seal) => seal_subject(seal, regency),
        }
        .map_err(ApiError::internal)
    }

    /// Whether `subject` is, byte for byte, the one [`Holder::expected_subject`] gives.
    pub fn subject_matches(
        &self,
        owner: &OwnerProfile,
        regency: &RegencyProfile,
        subject: &Name,
    ) -> Result<bool, ApiError> {
        let expected = self.expected_subject(owner, regency)?;
        Ok(match (expected.to_der(), subject.to_der()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        })
    }
}
