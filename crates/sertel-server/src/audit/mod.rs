//! The append-only, hash-chained audit log.
//!
//! Entry `n` stores `hash_n = SHA-256(prev_hash_bytes || canonical_json(entry_n))`, where
//! `prev_hash` is entry `n-1`'s hash (32 zero bytes for the first entry) and the canonical JSON
//! is `{"action","actor","at","data","seq","subject"}` with object keys sorted at every level
//! and no whitespace. Entries are appended inside the [`crate::db::WriteTx`] of the change they
//! record, so a failed append fails the change. Both schemas refuse `UPDATE` and `DELETE` on the
//! table; [`verify_chain`] finds any row changed behind the database's back.

mod append;
mod canonical;
mod entry;
mod verify;

pub use append::append;
pub use canonical::canonical_json;
pub use entry::{AuditEntry, GENESIS_HASH};
pub use verify::{verify_chain, ChainError, ChainReport};
