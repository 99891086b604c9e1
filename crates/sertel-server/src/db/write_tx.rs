//! A transaction that changes state: it takes the database's single write lock first and cannot
//! be committed without an audit entry.
//!
//! The lock is the one row of `audit_head`: every writer updates it as its first statement. On
//! PostgreSQL that row lock orders concurrent writers (of every instance sharing the database);
//! on SQLite the first statement being a write makes the transaction a writer from its start, so
//! it never fails later when upgrading a read snapshot. Holding the head also keeps the audit
//! chain linear and makes event ids increase in commit order, which the event feed's cursor
//! relies on.

use sqlx::AnyConnection;
use sqlx::{Any, AnyPool, Row, Transaction};

/// An open write transaction.
pub struct WriteTx {
    tx: Transaction<'static, Any>,
    /// The sequence number of the last audit entry (0 when the log is empty).
    pub(crate) last_seq: i64,
    /// The hash of the last audit entry (hex; 64 zeros when the log is empty).
    pub(crate) last_hash: String,
    audited: bool,
}

/// Committing a [`WriteTx`] failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CommitError {
    /// No audit entry was appended: a change without its audit entry is never committed.
    #[error("a state change without an audit entry was refused")]
    NotAudited,
    /// The database refused the commit.
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl WriteTx {
    pub(super) async fn begin(pool: &AnyPool) -> Result<WriteTx, sqlx::Error> {
        let mut tx = pool.begin().await?;
        let row = sqlx::query(
            "UPDATE audit_head SET last_seq = last_seq WHERE id = 1 \
             RETURNING last_seq, last_hash",
        )
        .fetch_one(&mut *tx)
        .await?;
        Ok(WriteTx {
            last_seq: row.try_get(0)?,
            last_hash: row.try_get(1)?,
            tx,
            audited: false,
        })
    }

    /// The connection, to run the change's statements on.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    pub(crate) fn mark_audited(&mut self, seq: i64, hash: String) {
        self.last_seq = seq;
        self.last_hash = hash;
        self.audited = true;
    }

    /// Commits; refused (and rolled back) when no audit entry was appended.
    pub async fn commit(self) -> Result<(), CommitError> {
        if !self.audited {
            self.tx.rollback().await?;
            return Err(CommitError::NotAudited);
        }
        self.tx.commit().await?;
        Ok(())
    }
}

impl From<CommitError> for crate::ApiError {
    fn from(e: CommitError) -> Self {
        crate::ApiError::internal(e)
    }
}
