//! Signing while signed in to the regency's server: each letter gets the specimen with the QR
//! code of its public page, `<server>/v/{id}`, and is registered with the server right after
//! it is signed, so the page shows it. Without a connection the registrations wait in the
//! outbox and go with the next status refresh or sign-in; nothing is lost. A letter sealed with
//! the agency's seal is registered the same way: the seal certificate was issued to the owner
//! who applied for it.

use serde::Serialize;
use sertel_client::outbox::RegisterOutcome;
use sertel_client::{ClientError, DocumentRegistration};
use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::Passphrase;
use sertel_core::profile::OwnerProfile;

use crate::connection::{client_error, Connection};
use crate::key_slot::KeySlot;
use crate::signing::{sign_batch, BatchOutcome, BatchRequest, FileEvent, Timestamping};
use crate::specimen::{Holder, SpecimenSource};
use crate::DesktopError;

/// What became of the registrations of one batch.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RegistrationView {
    /// Registered with the server now.
    pub registered: usize,
    /// Waiting in the outbox (the server could not be reached).
    pub queued: usize,
    /// Refused by the server.
    pub refused: usize,
    /// Why some wait or were refused, in the user's language.
    pub message: Option<String>,
}

/// A signed batch and, when signed with the specimen, its registrations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignView {
    /// The files signed and failed.
    #[serde(flatten)]
    pub outcome: BatchOutcome,
    /// The registrations, when the batch had the specimen.
    pub registration: Option<RegistrationView>,
}

impl Connection {
    /// The specimen of `holder` (the owner, or the agency's seal) for this server; refused
    /// when nobody is signed in (the letter could not be registered under their name).
    pub fn specimen_source(&self, holder: Holder) -> Result<SpecimenSource, DesktopError> {
        if self.client.tokens().load().map_err(client_error)?.is_none() {
            return Err(client_error(ClientError::NotSignedIn));
        }
        Ok(SpecimenSource::of(holder, self.client.address().as_str()))
    }

    /// Registers `documents` (signed by the signed-in owner), queueing what cannot go now.
    pub fn register_documents(
        &self,
        documents: &[DocumentRegistration],
        lang: Lang,
    ) -> RegistrationView {
        let mut view = RegistrationView::default();
        for doc in documents {
            match self.outbox.register_document(&self.client, doc) {
                Ok(RegisterOutcome::Registered(_)) => view.registered += 1,
                Ok(RegisterOutcome::Queued { because }) => {
                    view.queued += 1;
                    view.message = Some(because.message(lang));
                }
                Ok(RegisterOutcome::Rejected { error }) => {
                    view.refused += 1;
                    view.message = Some(error.message(lang));
                }
                // Not even written to the outbox (a full disk, a session gone): counted as
                // refused with the reason, so the user knows the page will not show it.
                Err(e) => {
                    view.refused += 1;
                    view.message = Some(e.message(lang));
                }
            }
        }
        view
    }
}

/// Signs the batch of `request` (see [`sign_batch`]); with `server` and a request for the
/// specimen, draws it for the owner of the profile (or the agency's seal when the request is
/// to seal) and registers every letter signed.
#[allow(clippy::too_many_arguments)]
pub fn sign_and_register(
    slot: &KeySlot,
    passphrase: &Passphrase,
    request: &BatchRequest,
    timestamping: Option<Timestamping<'_>>,
    server: Option<(&Connection, &OwnerProfile)>,
    lang: Lang,
    on_event: &mut dyn FnMut(FileEvent),
) -> Result<SignView, DesktopError> {
    let specimen = match server {
        Some((conn, profile)) if request.specimen => {
            Some(conn.specimen_source(if request.seal {
                Holder::Agency
            } else {
                Holder::Owner(profile.clone())
            })?)
        }
        _ => None,
    };
    let outcome = sign_batch(
        slot,
        passphrase,
        request,
        timestamping,
        specimen.as_ref(),
        on_event,
    )?;
    let registration = match server {
        Some((conn, _)) if specimen.is_some() => {
            Some(conn.register_documents(&outcome.documents, lang))
        }
        _ => None,
    };
    Ok(SignView {
        outcome,
        registration,
    })
}
