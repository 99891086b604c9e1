//! The server-connected part of the app: signing in (the session token in the OS keyring or a
//! private file), the owner's application (sent at once or kept in the outbox while offline),
//! the status timeline with the certificate taken into the key slot once issued (an agency's
//! electronic seal into the seal slot, see [`crate::seal`]), the lost-key
//! report, and the verifiers' queue, documents and decisions.
//!
//! ```text
//! <data>/session/…           the token file when no keyring works (sertel-client)
//! <data>/outbox/…            applications and signed letters waiting to be sent
//! <data>/sync/cursor.json    the last event seen (a change since then is notified)
//! ```

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Serialize;
use sertel_client::model::{
    Application, ApplicationState, CertificateSummary, Consent, Decision, RegisterOwner,
    RevocationReason, User,
};
use sertel_client::outbox::{Outbox, SubmitOutcome};
use sertel_client::submission::{Action, DocumentKind, Submission};
use sertel_client::sync::{timeline, CursorFile, TimelineEntry};
use sertel_client::{Client, TokenBackend, TokenStorage};
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::Passphrase;
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use time::OffsetDateTime;

use crate::certificate_request::certificate_request;
use crate::key_slot::{normalize_serial, read_input, KeySlot};
use crate::{AppPaths, DesktopError};

/// Where the session token went, for the notice the UI shows when it is not the keyring.
#[derive(Clone, Debug, Serialize)]
pub struct StorageNotice {
    /// `session_in_keyring` or `session_in_file`.
    pub kind: &'static str,
    /// Whether the token fell back to a file.
    pub fallback: bool,
    /// What to tell the user, in their language.
    pub message: String,
}

/// The signed-in user as the UI shows it.
#[derive(Clone, Debug, Serialize)]
pub struct SessionView {
    /// Who.
    pub user: Option<User>,
    /// Where the token lives.
    pub storage: StorageNotice,
    /// Applications waiting in the outbox.
    pub queued: usize,
}

/// The files of a first application.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct ApplicationFiles {
    /// The recommendation letter (PDF).
    pub letter: PathBuf,
    /// KTP (PDF, JPEG or PNG).
    pub ktp: PathBuf,
    /// SK Jabatan.
    pub sk_jabatan: PathBuf,
    /// SK Pangkat.
    pub sk_pangkat: PathBuf,
    /// The face photo.
    pub photo: PathBuf,
    /// The request letter of an application for the agency's seal, when a rejected one is
    /// sent again with a corrected letter (a person's application has none).
    #[serde(default)]
    pub request_letter: PathBuf,
}

impl ApplicationFiles {
    /// The chosen documents, read; with `all`, every one is required (a first application),
    /// otherwise the empty ones are left out (a resubmission keeps the earlier ones).
    fn documents(&self, all: bool) -> Result<Vec<(DocumentKind, Vec<u8>)>, DesktopError> {
        let mut documents = read_documents(
            &[
                (
                    DocumentKind::RecommendationLetter,
                    &self.letter,
                    "recommendation letter",
                ),
                (DocumentKind::Ktp, &self.ktp, "KTP"),
                (DocumentKind::SkJabatan, &self.sk_jabatan, "SK Jabatan"),
                (DocumentKind::SkPangkat, &self.sk_pangkat, "SK Pangkat"),
                (DocumentKind::Photo, &self.photo, "photo"),
            ],
            all,
        )?;
        documents.extend(read_documents(
            &[(
                DocumentKind::RequestLetter,
                &self.request_letter,
                "request letter",
            )],
            false,
        )?);
        Ok(documents)
    }
}

/// A submission of `csr` (none for a resubmission) and `documents`, once the consent of
/// `consent_version` is `accepted`.
pub(crate) fn submission(
    csr: Option<String>,
    documents: Vec<(DocumentKind, Vec<u8>)>,
    consent_version: &str,
    accepted: bool,
) -> Result<Submission, DesktopError> {
    if !accepted || consent_version.trim().is_empty() {
        return Err(DesktopError::ApplicationIncomplete("consent"));
    }
    Ok(documents.into_iter().fold(
        Submission {
            csr: csr.map(String::into_bytes),
            consent_version: consent_version.trim().to_owned(),
            documents: Vec::new(),
        },
        |s, (kind, data)| s.with_document(kind, data),
    ))
}

/// The documents chosen at the paths of `documents` (kind, path, name for a message), read;
/// with `all`, every one is required, otherwise the empty paths are left out.
pub(crate) fn read_documents(
    documents: &[(DocumentKind, &PathBuf, &'static str)],
    all: bool,
) -> Result<Vec<(DocumentKind, Vec<u8>)>, DesktopError> {
    let mut loaded = Vec::new();
    for &(kind, path, name) in documents {
        if path.as_os_str().is_empty() {
            if all {
                return Err(DesktopError::ApplicationIncomplete(name));
            }
            continue;
        }
        loaded.push((kind, read_input(path)?));
    }
    Ok(loaded)
}

/// What became of a submission.
#[derive(Clone, Debug, Serialize)]
pub struct SubmitView {
    /// `sent`, `queued` or `rejected`.
    pub outcome: &'static str,
    /// The application, when sent.
    pub application: Option<Application>,
    /// Why it was queued or refused, in the user's language.
    pub reason: Option<String>,
}

/// The certificate as the status screen shows it.
#[derive(Clone, Debug, Serialize)]
pub struct CertificateView {
    /// Serial number (hex).
    pub serial: String,
    /// Valid from (RFC 3339).
    pub not_before: String,
    /// Valid until (RFC 3339).
    pub not_after: String,
    /// Whole days until it ends (negative once ended).
    pub days_left: i64,
    /// Whether renewal is offered (from 30 days before the end, while not revoked).
    pub renewal_offered: bool,
    /// Whether a re-issue with a new key is offered (revoked for a lost key).
    pub reissue_offered: bool,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// One application with its timeline.
#[derive(Clone, Debug, Serialize)]
pub struct ApplicationView {
    /// The application.
    pub application: Application,
    /// Its milestones, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// The certificate, once issued.
    pub certificate: Option<CertificateView>,
}

/// The status screen (and the seal screen's part of it).
#[derive(Clone, Debug, Serialize)]
pub struct StatusView {
    /// The owner's applications for their own certificate, newest first.
    pub applications: Vec<ApplicationView>,
    /// The owner's applications for the agency's electronic seal, newest first.
    pub seals: Vec<ApplicationView>,
    /// Applications still in the outbox.
    pub queued: usize,
    /// Signed letters still waiting to be registered.
    pub documents_queued: usize,
    /// Whether anything changed since the last look (for the desktop notification).
    pub changed: bool,
    /// Whether the key slot holds the issued, unrevoked certificate (taken from the server
    /// when it was issued), so the key can sign.
    pub certificate_stored: bool,
    /// Whether the seal slot holds the issued, unrevoked seal certificate, so the seal key can
    /// seal.
    pub seal_stored: bool,
}

/// A document of an application, ready to show: PDF pages as PNG data URLs, or the image.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentView {
    /// The document's kind (`ktp`, `photo`, …).
    pub kind: String,
    /// Its media type.
    pub media_type: String,
    /// `data:` URLs, one per page (one for an image).
    pub pages: Vec<String>,
}

/// The connection to the Sertel server at the address in the settings.
pub struct Connection {
    pub(crate) client: Client,
    backend: TokenBackend,
    pub(crate) outbox: Outbox,
    pub(crate) data: PathBuf,
    /// Held through a status refresh: two at once (a pushed change and the screen's own) would
    /// both take a renewal's certificate, and one would write into the second slot the other
    /// has just emptied.
    refreshing: Mutex<()>,
}

pub(crate) fn client_error(e: sertel_client::ClientError) -> DesktopError {
    DesktopError::core(e)
}

impl Connection {
    /// Opens the connection to `url` with the token storage and outbox under the app's data
    /// folder.
    pub fn open(paths: &AppPaths, url: &str) -> Result<Connection, DesktopError> {
        let data = paths.key_dir().to_path_buf();
        let address = sertel_client::ServerAddress::parse(url).map_err(client_error)?;
        let storage = TokenStorage::open(&data, &address);
        let client =
            Client::new(address.as_str(), Arc::clone(&storage.store)).map_err(client_error)?;
        let outbox = Outbox::open(data.join("outbox")).map_err(client_error)?;
        Ok(Connection {
            client,
            backend: storage.backend,
            outbox,
            data,
            refreshing: Mutex::new(()),
        })
    }

    /// Where the token lives, worded for the user.
    pub fn storage_notice(&self, lang: Lang) -> StorageNotice {
        StorageNotice {
            kind: self.backend.kind(),
            fallback: self.backend.is_fallback(),
            message: self.backend.message(lang),
        }
    }

    /// Sends what the outbox holds: applications, then letters to register. What cannot go
    /// now stays queued for the next try.
    fn flush_outbox(&self) {
        let _ = self.outbox.flush(&self.client);
        let _ = self.outbox.flush_registrations(&self.client);
    }

    fn queued(&self) -> usize {
        self.outbox.pending().map(|p| p.len()).unwrap_or(0)
    }

    /// The signed-in user (`None` when signed out or the session ended); an unreachable
    /// server is an error.
    pub fn session(&self, lang: Lang) -> Result<SessionView, DesktopError> {
        let user = if self.client.tokens().load().map_err(client_error)?.is_some() {
            match self.client.me() {
                Ok(user) => Some(user),
                Err(e) if e.is_unreachable() => return Err(client_error(e)),
                Err(_) => None,
            }
        } else {
            None
        };
        Ok(SessionView {
            user,
            storage: self.storage_notice(lang),
            queued: self.queued(),
        })
    }

    /// Signs in, then sends whatever the outbox holds for this user.
    pub fn sign_in(
        &self,
        email: &str,
        password: &str,
        lang: Lang,
    ) -> Result<SessionView, DesktopError> {
        let session = self
            .client
            .login(email.trim(), password)
            .map_err(client_error)?;
        self.flush_outbox();
        Ok(SessionView {
            user: Some(session.user),
            storage: self.storage_notice(lang),
            queued: self.queued(),
        })
    }

    /// Registers the owner of `profile` with `password`, then signs in.
    pub fn register(
        &self,
        profile: &OwnerProfile,
        password: &str,
        lang: Lang,
    ) -> Result<SessionView, DesktopError> {
        let form = RegisterOwner::from_profile(profile, password);
        self.client.register_owner(&form).map_err(client_error)?;
        self.sign_in(&profile.email, password, lang)
    }

    /// Signs out and forgets the token.
    pub fn sign_out(&self) -> Result<(), DesktopError> {
        match self.client.logout() {
            Ok(()) => Ok(()),
            Err(e) if e.is_unreachable() => self.client.tokens().clear().map_err(client_error),
            Err(e) => Err(client_error(e)),
        }
    }

    /// The Pasal 19/20 text and its version.
    pub fn consent(&self) -> Result<Consent, DesktopError> {
        self.client.consent().map_err(client_error)
    }

    /// Submits the first application: the certificate request of the key in `slot` (unlocked
    /// with `passphrase`) with the documents; kept in the outbox when the server cannot be
    /// reached.
    #[allow(clippy::too_many_arguments)]
    pub fn submit(
        &self,
        slot: &KeySlot,
        passphrase: &Passphrase,
        profile: &OwnerProfile,
        regency: &RegencyProfile,
        files: &ApplicationFiles,
        consent_version: &str,
        accepted: bool,
        lang: Lang,
    ) -> Result<SubmitView, DesktopError> {
        let documents = files.documents(true)?;
        let csr = certificate_request(slot, passphrase, profile, regency)?;
        let submission = submission(Some(csr), documents, consent_version, accepted)?;
        self.send(Action::Submit, &submission, lang)
    }

    /// Sends a rejected application `application_id` (a person's or a seal's) again with the
    /// documents chosen in `files` (only those given replace the earlier ones; the key stays),
    /// kept in the outbox when the server cannot be reached.
    pub fn resubmit(
        &self,
        application_id: &str,
        files: &ApplicationFiles,
        consent_version: &str,
        lang: Lang,
    ) -> Result<SubmitView, DesktopError> {
        let submission = submission(None, files.documents(false)?, consent_version, true)?;
        let action = Action::Resubmit {
            application_id: application_id.to_owned(),
        };
        self.send(action, &submission, lang)
    }

    /// Sends `submission` for `action` through the outbox.
    pub(crate) fn send(
        &self,
        action: Action,
        submission: &Submission,
        lang: Lang,
    ) -> Result<SubmitView, DesktopError> {
        let outcome = self
            .outbox
            .submit(&self.client, action, submission)
            .map_err(client_error)?;
        Ok(match outcome {
            SubmitOutcome::Sent(application) => SubmitView {
                outcome: "sent",
                application: Some(application),
                reason: None,
            },
            SubmitOutcome::Queued { because, .. } => SubmitView {
                outcome: "queued",
                application: None,
                reason: Some(because.message(lang)),
            },
            SubmitOutcome::Rejected { error, .. } => SubmitView {
                outcome: "rejected",
                application: None,
                reason: Some(error.message(lang)),
            },
        })
    }

    /// The owner's applications with their timelines as of `now`, after sending what the
    /// outbox holds. An issued certificate for the key in `slot` is stored in the slot (one for
    /// the renewal key makes that key the current one), an issued seal in the seal slot `seal`;
    /// a revoked one is recorded in its slot so that signing or sealing with it is refused.
    pub fn status(
        &self,
        slot: &KeySlot,
        seal: &KeySlot,
        now: OffsetDateTime,
    ) -> Result<StatusView, DesktopError> {
        let _one_at_a_time = self
            .refreshing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        self.flush_outbox();
        let cursor = CursorFile::new(self.data.join("sync").join("cursor.json"));
        let report = self.client.sync(&cursor).map_err(client_error)?;
        let events = self
            .client
            .events_after(0, Some(200))
            .map_err(client_error)?
            .events;
        // The owner's revocation requests give the verifier's reason when one was rejected.
        let requests = if events.iter().any(|e| e.kind == "revocation.rejected") {
            self.client.revocation_requests().map_err(client_error)?
        } else {
            Vec::new()
        };
        let mut certificate_stored = false;
        let mut seal_stored = false;
        let mut applications = Vec::new();
        let mut seals = Vec::new();
        let followed: HashSet<String> = report
            .applications
            .iter()
            .filter_map(|a| a.previous_id.clone())
            .collect();
        for app in report.applications {
            let is_seal = app.seal_agency.is_some();
            let certificate = app.certificate.as_ref().map(|c| {
                let followed = followed.contains(&app.id);
                certificate_view(&app, c, followed, now)
            });
            if let Some(cert) = &certificate {
                if is_seal {
                    seal_stored |= self.keep_in_slot(seal, &app, cert)?;
                } else {
                    certificate_stored |= self.keep_in_slot(slot, &app, cert)?;
                }
            }
            let view = ApplicationView {
                timeline: timeline(&app, &events, &requests, now),
                application: app,
                certificate,
            };
            if is_seal {
                seals.push(view);
            } else {
                applications.push(view);
            }
        }
        Ok(StatusView {
            applications,
            seals,
            queued: self.queued(),
            documents_queued: self
                .outbox
                .pending_registrations()
                .map(|p| p.len())
                .unwrap_or(0),
            changed: !report.events.is_empty(),
            certificate_stored,
            seal_stored,
        })
    }

    /// Keeps `slot` (the owner's key, or the seal's) in step with the application `app`: a
    /// revoked certificate is recorded so that the key stops signing; an issued one is taken in,
    /// and one for the key of the slot's second slot (a renewal) makes that key the current
    /// one. Whether the slot holds the issued certificate now.
    fn keep_in_slot(
        &self,
        slot: &KeySlot,
        app: &Application,
        cert: &CertificateView,
    ) -> Result<bool, DesktopError> {
        if cert.revoked {
            slot.mark_revoked(&cert.serial)?;
            return Ok(false);
        }
        if app.state != ApplicationState::Issued {
            return Ok(false);
        }
        let holds = |slot: &KeySlot| -> Result<bool, DesktopError> {
            Ok(slot.certificate_serial()?.as_deref() == Some(cert.serial.as_str()))
        };
        if !holds(slot)? && !self.take_certificate(slot, &app.id)? {
            let next = slot.renewal_slot();
            if self.take_certificate(&next, &app.id)? {
                slot.promote_renewal()?;
            }
        }
        holds(slot)
    }

    /// Stores the certificate of `application_id` with its CA in `slot` when it is for the
    /// slot's key; `false` when it is for another key (or there is no key).
    fn take_certificate(&self, slot: &KeySlot, application_id: &str) -> Result<bool, DesktopError> {
        if !slot.has_key() {
            return Ok(false);
        }
        let issued = self
            .client
            .certificate(application_id)
            .map_err(client_error)?;
        let mut chain =
            crate::certificate_request::parse_certificates(issued.pem.as_bytes(), Path::new("-"))?;
        chain.extend(crate::certificate_request::parse_certificates(
            &issued.ca_der,
            Path::new("regency-ca.crt"),
        )?);
        match slot.store_certificates(&chain) {
            Ok(_) => Ok(true),
            Err(DesktopError::CertificateForAnotherKey) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Reports the key of `application_id` lost: the server revokes the certificate at once
    /// and the key stops signing now, the owner's in `slot`, or the seal's in `seal` when the
    /// application is the agency's seal.
    pub fn report_lost_key(
        &self,
        slot: &KeySlot,
        seal: &KeySlot,
        application_id: &str,
        statement: &str,
    ) -> Result<Application, DesktopError> {
        let app = self
            .client
            .report_lost_key(application_id, statement.trim())
            .map_err(client_error)?;
        if let Some(cert) = &app.certificate {
            let target = if app.seal_agency.is_some() {
                seal
            } else {
                slot
            };
            target.mark_revoked(&cert.serial)?;
        }
        Ok(app)
    }

    /// Asks for the revocation of `application_id`'s certificate with the agency head's
    /// letter (PDF at `letter`).
    pub fn request_revocation(
        &self,
        application_id: &str,
        reason: &str,
        statement: &str,
        letter: &Path,
    ) -> Result<(), DesktopError> {
        let reason = parse_reason(reason)?;
        let pdf = read_input(letter)?;
        self.client
            .request_revocation(application_id, reason, statement.trim(), &pdf)
            .map_err(client_error)?;
        Ok(())
    }

    /// The signed-in verifier's queue, oldest first.
    pub fn review_queue(&self) -> Result<Vec<Application>, DesktopError> {
        self.client.review_queue().map_err(client_error)
    }

    /// Every application the verifier may see (for revoking issued certificates).
    pub fn all_applications(&self) -> Result<Vec<Application>, DesktopError> {
        self.client.applications().map_err(client_error)
    }

    /// A document of an application, drawn for the screen.
    pub fn document(&self, application_id: &str, kind: &str) -> Result<DocumentView, DesktopError> {
        let kind_value = DocumentKind::parse(kind)
            .ok_or(DesktopError::ApplicationIncomplete("document kind"))?;
        let doc = self
            .client
            .document(application_id, kind_value)
            .map_err(client_error)?;
        let pages = if doc.media_type.contains("pdf") {
            pdf_pages(&doc.data, &self.data)?
        } else {
            vec![format!(
                "data:{};base64,{}",
                doc.media_type,
                <base64ct::Base64 as base64ct::Encoding>::encode_string(&doc.data)
            )]
        };
        Ok(DocumentView {
            kind: kind.to_owned(),
            media_type: doc.media_type,
            pages,
        })
    }

    /// Approves or rejects `application_id` (a rejection needs a reason).
    pub fn review(
        &self,
        application_id: &str,
        approve: bool,
        reason: &str,
    ) -> Result<Application, DesktopError> {
        let decision = if approve {
            Decision::Approve
        } else {
            Decision::Reject
        };
        self.client
            .review(application_id, decision, reason.trim())
            .map_err(client_error)
    }

    /// Revokes the certificate of `application_id` with an RFC 5280 reason and a comment.
    pub fn revoke(
        &self,
        application_id: &str,
        reason: &str,
        comment: &str,
    ) -> Result<Application, DesktopError> {
        self.client
            .revoke(application_id, parse_reason(reason)?, comment.trim())
            .map_err(client_error)
    }
}

/// The certificate of `app` as of `now`; renewal or re-issue is offered (a person's or a
/// seal's) only while no later application `followed` it.
fn certificate_view(
    app: &Application,
    c: &CertificateSummary,
    followed: bool,
    now: OffsetDateTime,
) -> CertificateView {
    let end = OffsetDateTime::parse(&c.not_after, &time::format_description::well_known::Rfc3339)
        .unwrap_or(now);
    let days_left = (end - now).whole_days();
    let revoked = c.revoked_at.is_some() || app.state == ApplicationState::Revoked;
    CertificateView {
        serial: normalize_serial(&c.serial),
        not_before: c.not_before.clone(),
        not_after: c.not_after.clone(),
        days_left,
        renewal_offered: crate::renewal::renewal_offered(app.state, revoked, days_left, followed),
        reissue_offered: crate::renewal::reissue_offered(
            app.state,
            c.revocation_reason.as_deref(),
            followed,
        ),
        revoked,
    }
}

fn parse_reason(reason: &str) -> Result<RevocationReason, DesktopError> {
    serde_json::from_value(serde_json::Value::String(reason.to_owned()))
        .map_err(|_| DesktopError::ApplicationIncomplete("revocation reason"))
}

/// Every page of `pdf` as a PNG data URL (pdftoppm through the preview module).
pub(crate) fn pdf_pages(pdf: &[u8], scratch: &Path) -> Result<Vec<String>, DesktopError> {
    let dir = scratch.join("documents");
    std::fs::create_dir_all(&dir).map_err(DesktopError::io(&dir))?;
    let file = dir.join("document.pdf");
    std::fs::write(&file, pdf).map_err(DesktopError::io(&file))?;
    let mut pages = Vec::new();
    let mut page = 1;
    loop {
        match crate::preview::preview(&file, page) {
            Ok(p) => {
                if let Some(image) = p.image {
                    pages.push(image);
                }
                if page >= p.pages {
                    break;
                }
                page += 1;
            }
            Err(e) => {
                let _ = std::fs::remove_file(&file);
                return Err(e);
            }
        }
    }
    let _ = std::fs::remove_file(&file);
    Ok(pages)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_resubmission_sends_the_documents_chosen_a_seals_request_letter_too() {
        let dir = tempfile::tempdir().unwrap();
        let (sk, letter) = (dir.path().join("sk.pdf"), dir.path().join("permohonan.pdf"));
        std::fs::write(&sk, b"%PDF-sk").unwrap();
        std::fs::write(&letter, b"%PDF-permohonan").unwrap();
        let files = ApplicationFiles {
            letter: PathBuf::new(),
            ktp: PathBuf::new(),
            sk_jabatan: sk,
            sk_pangkat: PathBuf::new(),
            photo: PathBuf::new(),
            request_letter: letter,
        };
        let kinds: Vec<DocumentKind> = files
            .documents(false)
            .unwrap()
            .into_iter()
            .map(|(kind, _)| kind)
            .collect();
        assert_eq!(
            kinds,
            [DocumentKind::SkJabatan, DocumentKind::RequestLetter]
        );
        // A first application needs the person's five documents.
        assert!(matches!(
            files.documents(true),
            Err(DesktopError::ApplicationIncomplete("recommendation letter"))
        ));
        assert!(matches!(
            submission(None, Vec::new(), "2025-1", false),
            Err(DesktopError::ApplicationIncomplete("consent"))
        ));
    }
}
