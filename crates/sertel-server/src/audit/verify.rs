//! Checking the whole chain.

use futures_util::TryStreamExt;
use sqlx::{AnyPool, Row};

use super::{AuditEntry, GENESIS_HASH};

/// What a successful check saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// Number of entries checked.
    pub entries: i64,
    /// The hash of the last entry (the genesis hash when empty).
    pub head_hash: String,
}

/// Where and how the chain is broken.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// A sequence number is missing or out of order.
    #[error("entry {found} found where entry {expected} was expected")]
    Gap {
        /// The sequence number expected.
        expected: i64,
        /// The one found.
        found: i64,
    },
    /// An entry's `prev_hash` is not the previous entry's hash.
    #[error("entry {seq}: prev_hash does not match the previous entry")]
    BrokenLink {
        /// The entry.
        seq: i64,
    },
    /// An entry's content does not hash to its stored hash: it was changed.
    #[error("entry {seq}: content does not match its hash (altered)")]
    Altered {
        /// The entry.
        seq: i64,
    },
    /// `audit_head` disagrees with the last entry (entries removed from the end, or the head
    /// changed).
    #[error("the chain head ({head_seq}) does not match the last entry ({last_seq})")]
    HeadMismatch {
        /// Sequence number in `audit_head`.
        head_seq: i64,
        /// Sequence number of the last entry.
        last_seq: i64,
    },
    /// The database could not be read.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
}

/// Reads the log in order and checks every link, every hash and the head.
pub async fn verify_chain(pool: &AnyPool) -> Result<ChainReport, ChainError> {
    let mut conn = pool.acquire().await?;
    let head = sqlx::query("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .fetch_one(&mut *conn)
        .await?;
    let (head_seq, head_hash): (i64, String) = (head.try_get(0)?, head.try_get(1)?);
    let mut rows = sqlx::query(
        "SELECT seq, at, actor, action, subject, data, prev_hash, hash FROM audit ORDER BY seq",
    )
    .fetch(&mut *conn);
    let mut prev = GENESIS_HASH.to_owned();
    let mut expected = 1i64;
    while let Some(row) = rows.try_next().await? {
        let seq: i64 = row.try_get(0)?;
        if seq != expected {
            return Err(ChainError::Gap {
                expected,
                found: seq,
            });
        }
        let stored_prev: String = row.try_get(6)?;
        if stored_prev != prev {
            return Err(ChainError::BrokenLink { seq });
        }
        let data: String = row.try_get(5)?;
        let data = serde_json::from_str(&data).map_err(|_| ChainError::Altered { seq })?;
        let entry = AuditEntry {
            seq,
            at: row.try_get(1)?,
            actor: row.try_get(2)?,
            action: row.try_get(3)?,
            subject: row.try_get(4)?,
            data,
        };
        let stored: String = row.try_get(7)?;
        if entry.hash(&prev).as_deref() != Some(stored.as_str()) {
            return Err(ChainError::Altered { seq });
        }
        prev = stored;
        expected += 1;
    }
    let last_seq = expected - 1;
    if head_seq != last_seq || head_hash != prev {
        return Err(ChainError::HeadMismatch { head_seq, last_seq });
    }
    Ok(ChainReport {
        entries: last_seq,
        head_hash: prev,
    })
}
