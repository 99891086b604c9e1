//! The verifiers' side of the owners' revocation requests (Pasal 17 ayat 2): the list, the
//! agency head's letter drawn for the screen, and the decision — approving revokes the
//! certificate for the reason the owner gave; rejecting needs the verifier's reason, which the
//! owner then sees.

use sertel_client::model::{Decision, RevocationRequest};

use crate::connection::{client_error, pdf_pages, Connection, DocumentView};
use crate::DesktopError;

impl Connection {
    /// Every revocation request the verifier may see, pending ones first, oldest first.
    pub fn revocation_requests(&self) -> Result<Vec<RevocationRequest>, DesktopError> {
        let mut all = self.client.revocation_requests().map_err(client_error)?;
        all.sort_by(|a, b| {
            let pending = |r: &RevocationRequest| {
                r.state != sertel_client::model::RevocationRequestState::Pending
            };
            pending(a)
                .cmp(&pending(b))
                .then_with(|| a.created_at.cmp(&b.created_at))
        });
        Ok(all)
    }

    /// The agency head's letter of request `id`, every page drawn.
    pub fn revocation_letter(&self, id: &str) -> Result<DocumentView, DesktopError> {
        let doc = self.client.revocation_letter(id).map_err(client_error)?;
        Ok(DocumentView {
            kind: "revocation_letter".into(),
            pages: pdf_pages(&doc.data, &self.data)?,
            media_type: doc.media_type,
        })
    }

    /// Approves (the certificate is revoked) or rejects (with `reason`) request `id`.
    pub fn decide_revocation_request(
        &self,
        id: &str,
        approve: bool,
        reason: &str,
    ) -> Result<RevocationRequest, DesktopError> {
        let decision = if approve {
            Decision::Approve
        } else {
            Decision::Reject
        };
        self.client
            .review_revocation_request(id, decision, reason.trim())
            .map_err(client_error)
    }
}
