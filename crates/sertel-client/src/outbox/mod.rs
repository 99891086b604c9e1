//! The offline outbox: submissions made while the server cannot be reached are kept on disk
//! and sent, in the order they were made, when it can.
//!
//! Guarantees:
//! - **Nothing lost**: a submission is on disk (every document, synced, atomically renamed into
//!   place) before the first try to send it; after a crash at any point it is either queued
//!   whole or was never accepted from the caller.
//! - **Never twice**: each entry keeps the idempotency key made when it was queued and sends it
//!   with every try; the server answers a repeat with the application the first try made. An
//!   entry is removed only after the server's answer was read, so a crash between sending and
//!   removing leads to one more send, which the server recognises.
//! - **In order**: entries go in queue order; sending stops at the first entry that cannot go
//!   now (unreachable, server failure, session expired), so later ones never overtake it.
//! - **Refusals surface**: an entry the server refuses (a 4xx such as a CSR that does not match
//!   the profile) leaves the queue for `rejected/` with the server's message, for the app to
//!   show until the user dismisses it; the queue goes on.
//! - **Signed letters too**: the registrations of letters signed offline wait in the same
//!   outbox (`documents/`) and go when the server can be reached (see [`RegisterOutcome`]).
//!
//! One `Outbox` per directory at a time (the app's, per user).

mod documents;
mod entry;
mod flush;

pub use documents::{QueuedRegistration, RegisterOutcome, RegistrationReport};
pub use entry::QueuedSubmission;
pub use flush::{FlushReport, RejectedSubmission, SubmitOutcome};

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::submission::{Action, Submission};
use crate::ClientError;

/// The outbox in a directory of the app's.
#[derive(Debug)]
pub struct Outbox {
    dir: PathBuf,
    lock: Mutex<()>,
}

impl Outbox {
    /// Opens (creating if needed) the outbox in `dir`, and removes what a crash left half
    /// written.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Outbox, ClientError> {
        let outbox = Outbox {
            dir: dir.into(),
            lock: Mutex::new(()),
        };
        for sub in [
            outbox.queue_dir(),
            outbox.rejected_dir(),
            outbox.documents_dir(),
            outbox.rejected_documents_dir(),
        ] {
            std::fs::create_dir_all(&sub).map_err(|e| ClientError::storage(&sub, e))?;
        }
        let queue = outbox.queue_dir();
        for e in std::fs::read_dir(&queue).map_err(|e| ClientError::storage(&queue, e))? {
            let e = e.map_err(|e| ClientError::storage(&queue, e))?;
            if e.file_name().to_string_lossy().starts_with(".incoming-") {
                std::fs::remove_dir_all(e.path())
                    .map_err(|err| ClientError::storage(&e.path(), err))?;
            }
        }
        Ok(outbox)
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn queue_dir(&self) -> PathBuf {
        self.dir.join("queue")
    }

    fn rejected_dir(&self) -> PathBuf {
        self.dir.join("rejected")
    }

    fn guard(&self) -> std::sync::MutexGuard<'_, ()> {
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues `submission` for `action` on behalf of `user_id`, with a new idempotency key.
    /// Checks the submission first ([`Action::check`]).
    pub fn enqueue(
        &self,
        user_id: &str,
        action: Action,
        submission: &Submission,
    ) -> Result<QueuedSubmission, ClientError> {
        action.check(submission)?;
        let _g = self.guard();
        let seq = self.last_seq()? + 1;
        let key = crate::new_idempotency_key();
        QueuedSubmission::write(&self.queue_dir(), seq, action, key, user_id, submission)
    }

    /// The queued entries, in the order they will be sent.
    pub fn pending(&self) -> Result<Vec<QueuedSubmission>, ClientError> {
        let _g = self.guard();
        self.pending_dirs()?
            .iter()
            .map(|d| QueuedSubmission::read(d))
            .collect()
    }

    fn pending_dirs(&self) -> Result<Vec<PathBuf>, ClientError> {
        entry::entry_dirs(&self.queue_dir())
    }

    fn last_seq(&self) -> Result<u64, ClientError> {
        let mut last = 0;
        for parent in [self.queue_dir(), self.rejected_dir()] {
            for dir in entry::entry_dirs(&parent)? {
                let name = dir.file_name().map(|n| n.to_string_lossy().into_owned());
                let seq = name
                    .as_deref()
                    .and_then(|n| n.split('-').next())
                    .and_then(|n| n.parse::<u64>().ok())
                    .unwrap_or(0);
                last = last.max(seq);
            }
        }
        Ok(last)
    }
}
