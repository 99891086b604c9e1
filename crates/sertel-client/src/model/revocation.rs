//! Revocation reasons and the owners' revocation requests.

use serde::{Deserialize, Serialize};

/// RFC 5280 reasons the server records (no `certificateHold`: a revoked certificate is never
/// valid again).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevocationReason {
    /// No reason given.
    Unspecified,
    /// The key is lost or leaked.
    KeyCompromise,
    /// The owner moved to another agency or position.
    AffiliationChanged,
    /// Replaced by another certificate.
    Superseded,
    /// The owner no longer needs it (left service, retired).
    CessationOfOperation,
    /// Withdrawn by a verifier (verifiers only).
    PrivilegeWithdrawn,
}

impl RevocationReason {
    /// The name the API uses.
    pub fn as_str(self) -> &'static str {
        match self {
            RevocationReason::Unspecified => "unspecified",
            RevocationReason::KeyCompromise => "key_compromise",
            RevocationReason::AffiliationChanged => "affiliation_changed",
            RevocationReason::Superseded => "superseded",
            RevocationReason::CessationOfOperation => "cessation_of_operation",
            RevocationReason::PrivilegeWithdrawn => "privilege_withdrawn",
        }
    }
}

/// Where a revocation request stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevocationRequestState {
    /// Waiting for a verifier.
    Pending,
    /// Approved: the certificate was revoked.
    Approved,
    /// Rejected by a verifier.
    Rejected,
    /// The certificate was revoked by another decision meanwhile.
    Closed,
}

/// An owner's request to revoke a certificate (Pasal 17 ayat 2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevocationRequest {
    /// Id.
    pub id: String,
    /// The application whose certificate it concerns.
    pub application_id: String,
    /// The owner.
    pub owner_id: String,
    /// The certificate's serial number, hex.
    pub serial: String,
    /// The reason asked for.
    pub reason: RevocationReason,
    /// The owner's explanation.
    #[serde(default)]
    pub statement: String,
    /// SHA-256 of the agency head's letter, hex.
    pub letter_sha256: String,
    /// Its size.
    pub letter_size: u64,
    /// State.
    pub state: RevocationRequestState,
    /// When it was made.
    pub created_at: String,
    /// When it was decided.
    #[serde(default)]
    pub decided_at: Option<String>,
    /// The verifier who decided.
    #[serde(default)]
    pub decided_by: Option<String>,
    /// The verifier's reason.
    #[serde(default)]
    pub decision_reason: Option<String>,
}
