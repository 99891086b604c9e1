//! The four roles.

use serde::{Deserialize, Serialize};

/// What a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A certificate owner (Pemilik): sees only their own data.
    Owner,
    /// A verifier of the Badan (BKPSDM): reviews personnel documents.
    VerifierBadan,
    /// A verifier of the Dinas: reviews and approves issuance.
    VerifierDinas,
    /// An administrator: manages staff accounts.
    Admin,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 4] = [
        Role::Owner,
        Role::VerifierBadan,
        Role::VerifierDinas,
        Role::Admin,
    ];

    /// The name stored in the database and used in the API.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::VerifierBadan => "verifier_badan",
            Role::VerifierDinas => "verifier_dinas",
            Role::Admin => "admin",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role reviews applications.
    pub fn is_verifier(self) -> bool {
        matches!(self, Role::VerifierBadan | Role::VerifierDinas)
    }
}
