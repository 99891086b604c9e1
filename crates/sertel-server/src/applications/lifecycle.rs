//! The application's state machine, in one place.
//!
//! ```text
//! submitted ──approve(badan)──▶ badan_approved ──approve(dinas)──▶ approved ──issue──▶ issued
//!     │     ──approve(dinas)──▶ dinas_approved ──approve(badan)──▶ approved
//!     └──────────── reject(any side), from any of the three review states ──▶ rejected
//! rejected ──resubmit──▶ submitted (next revision)
//! issued ──supersede (the renewal or re-issue that follows it was issued)──▶ superseded
//! issued | superseded ──revoke──▶ revoked   (final: nothing leaves it, Pasal 17 ayat 4)
//! ```
//!
//! The two verifiers review in either order; a certificate is only issued from `approved`, which
//! only both approvals reach. The embedded CA issues in the same transaction as the second
//! approval, so `approved` is seen only when issuance is left to the national CA
//! ([`crate::Issuance::National`]), until a verifier uploads its certificate.

use serde::{Deserialize, Serialize};

use crate::ApiError;

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
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
    /// A renewal's certificate replaced this one; it stays usable until it expires unless
    /// revoked.
    Superseded,
    /// The certificate was revoked; it is never valid again (Pasal 17 ayat 4). The database
    /// refuses any change out of this state too.
    Revoked,
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

/// What happens to an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A verifier approves.
    Approve(Side),
    /// A verifier rejects.
    Reject(Side),
    /// The owner resubmits after a rejection.
    Resubmit,
    /// The certificate is issued.
    Issue,
    /// The certificate of a renewal (or re-issue) following this one was issued.
    Supersede,
    /// The certificate is revoked.
    Revoke,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 8] = [
        Status::Submitted,
        Status::BadanApproved,
        Status::DinasApproved,
        Status::Approved,
        Status::Rejected,
        Status::Issued,
        Status::Superseded,
        Status::Revoked,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::BadanApproved => "badan_approved",
            Status::DinasApproved => "dinas_approved",
            Status::Approved => "approved",
            Status::Rejected => "rejected",
            Status::Issued => "issued",
            Status::Superseded => "superseded",
            Status::Revoked => "revoked",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The state after `action`, or why it is not possible.
    pub fn next(self, action: Action) -> Result<Status, ApiError> {
        use Action as A;
        use Side::{Badan, Dinas};
        use Status as S;
        match (self, action) {
            (S::Submitted, A::Approve(Badan)) => Ok(S::BadanApproved),
            (S::Submitted, A::Approve(Dinas)) => Ok(S::DinasApproved),
            (S::BadanApproved, A::Approve(Dinas)) | (S::DinasApproved, A::Approve(Badan)) => {
                Ok(S::Approved)
            }
            (S::Submitted, A::Reject(_))
            | (S::BadanApproved, A::Reject(_))
            | (S::DinasApproved, A::Reject(_)) => Ok(S::Rejected),
            (S::Rejected, A::Resubmit) => Ok(S::Submitted),
            (S::Approved, A::Issue) => Ok(S::Issued),
            (S::Issued, A::Supersede) => Ok(S::Superseded),
            (S::Issued | S::Superseded, A::Revoke) => Ok(S::Revoked),
            _ => Err(ApiError::InvalidTransition {
                state: self.as_str(),
            }),
        }
    }

    /// Whether the owner may start a new application while this one exists: after a
    /// revocation (Pasal 17 ayat 6) or once a later certificate superseded this one. A rejected
    /// application is resubmitted instead; an issued one blocks until its certificate expires
    /// (checked by the caller) or is revoked, and is renewed meanwhile.
    pub fn allows_new_application(self) -> bool {
        matches!(self, Status::Revoked | Status::Superseded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action as A;
    use Side::{Badan, Dinas};
    use Status as S;

    const ACTIONS: [Action; 8] = [
        A::Approve(Badan),
        A::Approve(Dinas),
        A::Reject(Badan),
        A::Reject(Dinas),
        A::Resubmit,
        A::Issue,
        A::Supersede,
        A::Revoke,
    ];

    /// Every allowed transition; every (state, action) pair not listed must be refused.
    const ALLOWED: &[(Status, Action, Status)] = &[
        (S::Submitted, A::Approve(Badan), S::BadanApproved),
        (S::Submitted, A::Approve(Dinas), S::DinasApproved),
        (S::Submitted, A::Reject(Badan), S::Rejected),
        (S::Submitted, A::Reject(Dinas), S::Rejected),
        (S::BadanApproved, A::Approve(Dinas), S::Approved),
        (S::BadanApproved, A::Reject(Badan), S::Rejected),
        (S::BadanApproved, A::Reject(Dinas), S::Rejected),
        (S::DinasApproved, A::Approve(Badan), S::Approved),
        (S::DinasApproved, A::Reject(Badan), S::Rejected),
        (S::DinasApproved, A::Reject(Dinas), S::Rejected),
        (S::Approved, A::Issue, S::Issued),
        (S::Rejected, A::Resubmit, S::Submitted),
        (S::Issued, A::Supersede, S::Superseded),
        (S::Issued, A::Revoke, S::Revoked),
        (S::Superseded, A::Revoke, S::Revoked),
    ];

    #[test]
    fn every_state_and_action() {
        let mut checked = 0;
        for from in Status::ALL {
            for action in ACTIONS {
                let expected = ALLOWED
                    .iter()
                    .find(|(f, a, _)| *f == from && *a == action)
                    .map(|(_, _, to)| *to);
                match (from.next(action), expected) {
                    (Ok(to), Some(want)) => assert_eq!(to, want, "{from:?} + {action:?}"),
                    (Err(ApiError::InvalidTransition { state }), None) => {
                        assert_eq!(state, from.as_str())
                    }
                    (got, want) => panic!("{from:?} + {action:?}: got {got:?}, want {want:?}"),
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 64);
    }

    #[test]
    fn issuance_needs_both_approvals() {
        for first in [Badan, Dinas] {
            let s = S::Submitted.next(A::Approve(first)).ok();
            assert!(s.and_then(|s| s.next(A::Issue).ok()).is_none());
            assert!(s.and_then(|s| s.next(A::Approve(first)).ok()).is_none());
        }
    }

    #[test]
    fn revoked_is_final() {
        for action in ACTIONS {
            assert!(S::Revoked.next(action).is_err(), "{action:?}");
        }
        assert!(S::Revoked.allows_new_application());
    }

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }
}
