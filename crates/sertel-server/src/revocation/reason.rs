//! The revocation reasons the server records: a subset of RFC 5280's CRLReason.
//!
//! `certificateHold` and `removeFromCRL` are not offered: a certificate the regency revokes can
//! never be used again (Pasal 17 ayat 4). `cACompromise` and `aACompromise` concern the CA, not
//! an owner's certificate.

use serde::Serialize;
use sertel_core::x509::CrlReason;

use crate::ApiError;

/// Why a certificate was revoked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// No reason given.
    Unspecified,
    /// The private key was lost, leaked or is suspected used by someone else (Pasal 16 ayat 3,
    /// Pasal 19 huruf c).
    KeyCompromise,
    /// The owner's name, position or agency changed.
    AffiliationChanged,
    /// The certificate was replaced by a newer one.
    Superseded,
    /// The certificate is no longer needed (the owner left service, for instance).
    CessationOfOperation,
    /// Withdrawn as a sanction (Pasal 21); verifiers only.
    PrivilegeWithdrawn,
}

impl Reason {
    /// Every reason.
    pub const ALL: [Reason; 6] = [
        Reason::Unspecified,
        Reason::KeyCompromise,
        Reason::AffiliationChanged,
        Reason::Superseded,
        Reason::CessationOfOperation,
        Reason::PrivilegeWithdrawn,
    ];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Unspecified => "unspecified",
            Reason::KeyCompromise => "key_compromise",
            Reason::AffiliationChanged => "affiliation_changed",
            Reason::Superseded => "superseded",
            Reason::CessationOfOperation => "cessation_of_operation",
            Reason::PrivilegeWithdrawn => "privilege_withdrawn",
        }
    }

    /// Parses a name as given in a request; the refusal names what is allowed.
    pub fn parse(s: &str) -> Result<Reason, ApiError> {
        let s = s.trim();
        Reason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| ApiError::RevocationReason(s.chars().take(64).collect()))
    }

    /// Parses a name read from the database.
    pub fn from_stored(s: &str) -> Result<Reason, ApiError> {
        Reason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| ApiError::internal(format!("unknown stored revocation reason {s}")))
    }

    /// Whether an owner may ask for it (a sanction is the verifiers' call).
    pub fn owner_may_request(self) -> bool {
        self != Reason::PrivilegeWithdrawn
    }

    /// The reasonCode written in the CRL (and, later, OCSP).
    pub fn crl_reason(self) -> CrlReason {
        match self {
            Reason::Unspecified => CrlReason::Unspecified,
            Reason::KeyCompromise => CrlReason::KeyCompromise,
            Reason::AffiliationChanged => CrlReason::AffiliationChanged,
            Reason::Superseded => CrlReason::Superseded,
            Reason::CessationOfOperation => CrlReason::CessationOfOperation,
            Reason::PrivilegeWithdrawn => CrlReason::PrivilegeWithdrawn,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_hold_is_refused() {
        for r in Reason::ALL {
            assert_eq!(Reason::parse(r.as_str()).ok(), Some(r));
            assert_eq!(Reason::from_stored(r.as_str()).ok(), Some(r));
            assert!(!matches!(
                r.crl_reason(),
                CrlReason::CertificateHold | CrlReason::RemoveFromCRL
            ));
        }
        for refused in ["certificate_hold", "remove_from_crl", "ca_compromise", ""] {
            assert!(matches!(
                Reason::parse(refused),
                Err(ApiError::RevocationReason(_))
            ));
        }
    }
}
