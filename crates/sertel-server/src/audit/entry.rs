//! One audit entry and its hash.

use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::canonical_json;

/// The `prev_hash` of the first entry: 32 zero bytes, in hex.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One entry of the audit log.
#[derive(Clone, Debug, PartialEq)]
pub struct AuditEntry {
    /// Position in the chain, from 1.
    pub seq: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who: a user id, or `cli` for the command line.
    pub actor: String,
    /// What, e.g. `owner.register`, `application.submit`.
    pub action: String,
    /// The object acted on (a user or application id).
    pub subject: String,
    /// Details; never secrets (no passwords, tokens or keys).
    pub data: Value,
}

impl AuditEntry {
    /// The canonical JSON the hash covers.
    pub fn canonical(&self) -> String {
        canonical_json(&json!({
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "subject": self.subject,
            "data": self.data,
        }))
    }

    /// `SHA-256(prev_hash || canonical JSON)` in hex; `None` if `prev_hash_hex` is not 32 bytes
    /// of hex.
    pub fn hash(&self, prev_hash_hex: &str) -> Option<String> {
        let prev = hex::decode(prev_hash_hex).ok().filter(|p| p.len() == 32)?;
        let mut h = Sha256::new();
        h.update(&prev);
        h.update(self.canonical().as_bytes());
        Some(hex::encode(h.finalize()))
    }
}
