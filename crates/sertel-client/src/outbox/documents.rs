//! Signed letters waiting to be registered with the server, one JSON file per letter:
//!
//! ```text
//! documents/<id>.json             {"user_id":"…","queued_at":"…","registration":{…}}
//! documents-rejected/<id>.json    the same, with the server's refusal
//! ```
//!
//! A registration is written (atomically, synced) before the first try to send it and removed
//! only after the server's answer was read; the server treats a repeat as the same
//! registration, so a crash in between costs one more send, never a lost or doubled letter.
//! A registration the server refuses (a 4xx) moves to `documents-rejected/` with its message.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sertel_core::i18n::{Lang, Localized};

use super::entry::write_file;
use super::Outbox;
use crate::documents::{DocumentRegistration, RegisteredDocument};
use crate::model::Bilingual;
use crate::{Client, ClientError};

/// A registration kept in the outbox.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuedRegistration {
    /// The owner who signed; it is sent only under their session.
    pub user_id: String,
    /// When it was queued (RFC 3339).
    pub queued_at: String,
    /// What is registered.
    pub registration: DocumentRegistration,
    /// Why the server refused it (only in `documents-rejected/`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<Bilingual>,
}

/// What became of one registration made through the outbox.
#[derive(Debug)]
pub enum RegisterOutcome {
    /// The server has it.
    Registered(RegisteredDocument),
    /// It stays queued, to be sent by a later [`Outbox::flush_registrations`].
    Queued {
        /// Why it could not go now.
        because: ClientError,
    },
    /// The server refused it; it was set aside in `documents-rejected/`.
    Rejected {
        /// The server's answer.
        error: ClientError,
    },
}

/// What one pass over the queued registrations did.
#[derive(Debug, Default)]
pub struct RegistrationReport {
    /// Registered and removed from the queue.
    pub registered: Vec<RegisteredDocument>,
    /// Refused and set aside, with the error.
    pub rejected: Vec<(DocumentRegistration, ClientError)>,
    /// Registrations still queued.
    pub remaining: usize,
    /// Why the pass stopped before the end (unreachable, not signed in, …).
    pub stopped_by: Option<ClientError>,
}

impl Outbox {
    pub(super) fn documents_dir(&self) -> PathBuf {
        self.dir().join("documents")
    }

    pub(super) fn rejected_documents_dir(&self) -> PathBuf {
        self.dir().join("documents-rejected")
    }

    /// Queues `registration` under the signed-in owner, then sends the queued registrations.
    pub fn register_document(
        &self,
        client: &Client,
        registration: &DocumentRegistration,
    ) -> Result<RegisterOutcome, ClientError> {
        let file = file_name(&registration.id)?;
        let user_id = client.session()?.user_id;
        {
            let _g = self.guard();
            let entry = QueuedRegistration {
                user_id,
                queued_at: super::entry::now(),
                registration: registration.clone(),
                refused: None,
            };
            write_json(&self.documents_dir().join(&file), &entry)?;
        }
        let mut report = self.flush_registrations(client)?;
        if let Some(i) = report
            .registered
            .iter()
            .position(|d| d.id.eq_ignore_ascii_case(&registration.id))
        {
            return Ok(RegisterOutcome::Registered(
                report.registered.swap_remove(i),
            ));
        }
        if let Some(i) = report
            .rejected
            .iter()
            .position(|(r, _)| r.id == registration.id)
        {
            let (_, error) = report.rejected.swap_remove(i);
            return Ok(RegisterOutcome::Rejected { error });
        }
        Ok(RegisterOutcome::Queued {
            because: report.stopped_by.unwrap_or(ClientError::NotSignedIn),
        })
    }

    /// The registrations waiting to be sent, oldest first.
    pub fn pending_registrations(&self) -> Result<Vec<QueuedRegistration>, ClientError> {
        let _g = self.guard();
        json_files(&self.documents_dir())?
            .iter()
            .map(|p| read_json(p))
            .collect()
    }

    /// The registrations the server refused, with its reasons.
    pub fn rejected_registrations(&self) -> Result<Vec<QueuedRegistration>, ClientError> {
        let _g = self.guard();
        json_files(&self.rejected_documents_dir())?
            .iter()
            .map(|p| read_json(p))
            .collect()
    }

    /// Sends the queued registrations of the signed-in owner until one cannot go now; those of
    /// other owners wait for their session.
    pub fn flush_registrations(&self, client: &Client) -> Result<RegistrationReport, ClientError> {
        let _g = self.guard();
        let mut report = RegistrationReport::default();
        let files = json_files(&self.documents_dir())?;
        let user = match client.session() {
            Ok(t) => t.user_id,
            Err(e) => {
                report.remaining = files.len();
                report.stopped_by = Some(e);
                return Ok(report);
            }
        };
        for (i, path) in files.iter().enumerate() {
            let entry: QueuedRegistration = read_json(path)?;
            if entry.user_id != user {
                report.remaining += 1;
                continue;
            }
            match client.register_document(&entry.registration) {
                Ok(done) => {
                    remove_file(path)?;
                    report.registered.push(done);
                }
                Err(e) if e.is_rejection() => {
                    let refused = QueuedRegistration {
                        refused: Some(Bilingual {
                            id: e.message(Lang::Id),
                            en: e.message(Lang::En),
                        }),
                        ..entry
                    };
                    let name = path.file_name().unwrap_or_default();
                    write_json(&self.rejected_documents_dir().join(name), &refused)?;
                    remove_file(path)?;
                    report.rejected.push((refused.registration, e));
                }
                Err(e) => {
                    report.remaining += files.len() - i;
                    report.stopped_by = Some(e);
                    break;
                }
            }
        }
        Ok(report)
    }
}

/// `<id>.json` for a document id of hex digits; anything else could escape the folder.
fn file_name(id: &str) -> Result<String, ClientError> {
    if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ClientError::InvalidArgument {
            name: "id",
            reason: "a document id is hexadecimal digits",
        });
    }
    Ok(format!("{}.json", id.to_ascii_lowercase()))
}

fn write_json(path: &Path, entry: &QueuedRegistration) -> Result<(), ClientError> {
    let json = serde_json::to_vec_pretty(entry).map_err(|e| ClientError::storage(path, e))?;
    write_file(path, &json)
}

fn read_json(path: &Path) -> Result<QueuedRegistration, ClientError> {
    let data = std::fs::read(path).map_err(|e| ClientError::storage(path, e))?;
    serde_json::from_slice(&data).map_err(|e| ClientError::CorruptEntry {
        entry: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        reason: e.to_string(),
    })
}

/// The `*.json` files in `dir`, oldest first (by the time they were queued, then name).
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, ClientError> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| ClientError::storage(dir, e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let modified = std::fs::metadata(&p)
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, p)
        })
        .collect();
    files.sort();
    Ok(files.into_iter().map(|(_, p)| p).collect())
}

fn remove_file(path: &Path) -> Result<(), ClientError> {
    super::entry::remove_synced(path, |p| std::fs::remove_file(p))
}
