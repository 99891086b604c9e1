//! Sending the queue: in order, each entry with its own idempotency key; set aside what the
//! server refuses, keep what cannot go now.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sertel_core::i18n::{Lang, Localized};

use super::entry::{sync_dir, write_file, QueuedSubmission};
use super::Outbox;
use crate::model::{Application, Bilingual};
use crate::submission::{Action, Submission};
use crate::{Client, ClientError};

/// Why the server (or the outbox itself) refused an entry, as kept in `rejected/<entry>/`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedSubmission {
    /// The entry.
    pub entry: QueuedSubmission,
    /// The HTTP status, when the server refused it.
    pub status: Option<u16>,
    /// The error kind (the server's, e.g. `csr_subject_mismatch`, or the client's).
    pub kind: String,
    /// The message in both languages.
    pub message: Bilingual,
}

const ERROR_FILE: &str = "error.json";

/// What one pass over the queue did.
#[derive(Debug, Default)]
pub struct FlushReport {
    /// Sent (or found already sent) and removed from the queue, with the server's application.
    pub sent: Vec<(QueuedSubmission, Application)>,
    /// Refused and moved to `rejected/`, with the error.
    pub rejected: Vec<(QueuedSubmission, ClientError)>,
    /// Entries still queued.
    pub remaining: usize,
    /// Why the pass stopped before the end of the queue (unreachable, not signed in, …).
    pub stopped_by: Option<ClientError>,
}

/// What became of one submission made through the outbox.
#[derive(Debug)]
pub enum SubmitOutcome {
    /// The server took it.
    Sent(Application),
    /// It stays queued, to be sent by a later [`Outbox::flush`].
    Queued {
        /// The entry.
        entry: QueuedSubmission,
        /// Why it could not go now.
        because: ClientError,
    },
    /// The server refused it; it was set aside in `rejected/`.
    Rejected {
        /// The entry.
        entry: QueuedSubmission,
        /// The server's answer.
        error: ClientError,
    },
}

impl Outbox {
    /// Queues `submission` (see [`Outbox::enqueue`]) under the signed-in user, then sends the
    /// queue up to and including it.
    pub fn submit(
        &self,
        client: &Client,
        action: Action,
        submission: &Submission,
    ) -> Result<SubmitOutcome, ClientError> {
        let user = client.session()?.user_id;
        let entry = self.enqueue(&user, action, submission)?;
        let mut report = self.flush(client)?;
        if let Some(i) = report
            .sent
            .iter()
            .position(|(e, _)| e.name() == entry.name())
        {
            return Ok(SubmitOutcome::Sent(report.sent.swap_remove(i).1));
        }
        if let Some(i) = report
            .rejected
            .iter()
            .position(|(e, _)| e.name() == entry.name())
        {
            let (entry, error) = report.rejected.swap_remove(i);
            return Ok(SubmitOutcome::Rejected { entry, error });
        }
        let because = report.stopped_by.unwrap_or(ClientError::NotSignedIn);
        Ok(SubmitOutcome::Queued { entry, because })
    }

    /// Sends the queued entries of the signed-in user, in order, until one cannot go now.
    /// Entries of other users stay queued for their next session.
    pub fn flush(&self, client: &Client) -> Result<FlushReport, ClientError> {
        let _g = self.guard();
        let mut report = FlushReport::default();
        let user = match client.session() {
            Ok(t) => t.user_id,
            Err(e) => {
                report.remaining = self.pending_dirs()?.len();
                report.stopped_by = Some(e);
                return Ok(report);
            }
        };
        let dirs = self.pending_dirs()?;
        for (i, dir) in dirs.iter().enumerate() {
            let entry = QueuedSubmission::read(dir)?;
            if entry.user_id != user {
                report.remaining += 1;
                continue;
            }
            let sent = entry.load(dir).and_then(|submission| {
                client.send_submission(&entry.action, &submission, &entry.idempotency_key)
            });
            match sent {
                Ok(application) => {
                    remove_entry(dir)?;
                    report.sent.push((entry, application));
                }
                Err(e)
                    if e.is_rejection()
                        || e.is_misuse()
                        || matches!(e, ClientError::CorruptEntry { .. }) =>
                {
                    self.set_aside(dir, &entry, &e)?;
                    report.rejected.push((entry, e));
                }
                Err(e) => {
                    report.remaining += dirs.len() - i;
                    report.stopped_by = Some(e);
                    break;
                }
            }
        }
        Ok(report)
    }

    /// The entries the server refused, oldest first, until dismissed.
    pub fn rejected(&self) -> Result<Vec<RejectedSubmission>, ClientError> {
        let _g = self.guard();
        super::entry::entry_dirs(&self.rejected_dir())?
            .iter()
            .map(|d| {
                let path = d.join(ERROR_FILE);
                let data = std::fs::read(&path).map_err(|e| ClientError::storage(&path, e))?;
                serde_json::from_slice(&data).map_err(|e| ClientError::storage(&path, e))
            })
            .collect()
    }

    /// Forgets a refused entry (after the user has seen why) and its documents.
    pub fn dismiss(&self, name: &str) -> Result<(), ClientError> {
        let _g = self.guard();
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
            return Err(ClientError::InvalidArgument {
                name: "name",
                reason: "not the name of an outbox entry",
            });
        }
        let dir = self.rejected_dir().join(name);
        remove_entry(&dir)
    }

    /// Moves the entry in `dir` to `rejected/`, with `error` written beside it first.
    fn set_aside(
        &self,
        dir: &Path,
        entry: &QueuedSubmission,
        error: &ClientError,
    ) -> Result<(), ClientError> {
        let (status, kind, message) = match error.server_problem() {
            Some(p) => (Some(p.status), p.kind.clone(), p.message.clone()),
            None => (
                None,
                error.kind().to_owned(),
                Bilingual {
                    id: error.message(Lang::Id),
                    en: error.message(Lang::En),
                },
            ),
        };
        let record = RejectedSubmission {
            entry: entry.clone(),
            status,
            kind,
            message,
        };
        let json = serde_json::to_vec_pretty(&record).map_err(|e| ClientError::storage(dir, e))?;
        write_file(&dir.join(ERROR_FILE), &json)?;
        let target = self.rejected_dir().join(entry.name());
        std::fs::rename(dir, &target).map_err(|e| ClientError::storage(&target, e))?;
        sync_dir(&self.queue_dir())?;
        sync_dir(&self.rejected_dir())
    }
}

/// Removes an entry directory; one already gone is fine.
fn remove_entry(dir: &Path) -> Result<(), ClientError> {
    super::entry::remove_synced(dir, |p| std::fs::remove_dir_all(p))
}
