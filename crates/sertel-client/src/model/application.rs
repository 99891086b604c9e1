//! Applications, their reviews and their certificate.

use serde::{Deserialize, Serialize};

/// Where an application stands (the server's state machine).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationState {
    /// Waiting for both verifiers.
    Submitted,
    /// The Badan approved; waiting for the Dinas.
    BadanApproved,
    /// The Dinas approved; waiting for the Badan.
    DinasApproved,
    /// Both approved; waiting for the certificate.
    Approved,
    /// A verifier rejected; the owner may correct and resubmit.
    Rejected,
    /// The certificate was issued.
    Issued,
    /// A renewal's certificate replaced this one.
    Superseded,
    /// The certificate was revoked; never valid again.
    Revoked,
}

impl ApplicationState {
    /// Whether a verifier of `side` still has to decide.
    pub fn awaits(self, side: Side) -> bool {
        matches!(
            (self, side),
            (ApplicationState::Submitted, _)
                | (ApplicationState::DinasApproved, Side::Badan)
                | (ApplicationState::BadanApproved, Side::Dinas)
        )
    }
}

/// A first application, a renewal or a re-issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationKind {
    /// A first application (Pasal 15).
    New,
    /// A renewal before expiry (Pasal 18 ayat 2).
    Renewal,
    /// A re-issue after a lost key (Pasal 16 ayat 3).
    Reissue,
}

/// Which verifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The Badan (BKPSDM).
    Badan,
    /// The Dinas.
    Dinas,
}

/// A verifier's decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// Approve.
    Approve,
    /// Reject (with a reason).
    Reject,
}

/// A document attached to an application.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// The form field (`recommendation_letter`, `ktp`, …).
    pub kind: String,
    /// SHA-256, hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub media_type: String,
}

/// One review decision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRecord {
    /// The revision reviewed.
    pub revision: i64,
    /// Which verifier.
    pub side: Side,
    /// The decision.
    pub decision: Decision,
    /// The reason (required for a rejection).
    #[serde(default)]
    pub reason: String,
    /// The verifier's user id.
    pub verifier_id: String,
    /// When (RFC 3339).
    pub at: String,
}

/// The issued certificate, in short.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSummary {
    /// Serial number, hex.
    pub serial: String,
    /// Start of validity (RFC 3339).
    pub not_before: String,
    /// End of validity (RFC 3339).
    pub not_after: String,
    /// When it was revoked.
    #[serde(default)]
    pub revoked_at: Option<String>,
    /// Why (`key_compromise`, …).
    #[serde(default)]
    pub revocation_reason: Option<String>,
}

/// An application as the server shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Application {
    /// Id.
    pub id: String,
    /// The owner's user id.
    pub owner_id: String,
    /// The owner's full name (shown to verifiers).
    #[serde(default)]
    pub owner_name: String,
    /// State.
    pub state: ApplicationState,
    /// New, renewal or re-issue.
    pub kind: ApplicationKind,
    /// The application a renewal or re-issue follows.
    #[serde(default)]
    pub previous_id: Option<String>,
    /// For an agency's electronic seal, the agency; none for a person's certificate.
    #[serde(default)]
    pub seal_agency: Option<String>,
    /// Revision (1, then one more per resubmission).
    pub revision: i64,
    /// Key type of the CSR.
    pub key_kind: String,
    /// The consent version agreed to.
    pub consent_version: String,
    /// When the consent was given.
    pub consent_at: String,
    /// Created (RFC 3339).
    pub created_at: String,
    /// Last changed (RFC 3339).
    pub updated_at: String,
    /// Documents.
    #[serde(default)]
    pub documents: Vec<DocumentRef>,
    /// Reviews, oldest first.
    #[serde(default)]
    pub reviews: Vec<ReviewRecord>,
    /// The certificate, once issued.
    #[serde(default)]
    pub certificate: Option<CertificateSummary>,
}
