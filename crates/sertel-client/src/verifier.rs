//! The verifiers' side: the review queue, the documents, decisions, revocations, and the
//! owners' revocation requests.

use serde::Deserialize;
use serde_json::json;
use ureq::http::Method;

use crate::model::{Application, Decision, RevocationReason, RevocationRequest, Role, Side};
use crate::submission::{segment, DocumentKind};
use crate::transport::Body;
use crate::{Client, ClientError};

/// A downloaded document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub media_type: String,
    /// The bytes.
    pub data: Vec<u8>,
}

impl Client {
    /// The applications waiting for the signed-in verifier's side, oldest first. Empty for a
    /// user who is not a verifier.
    pub fn review_queue(&self) -> Result<Vec<Application>, ClientError> {
        let side = match self.me()?.role {
            Role::VerifierBadan => Side::Badan,
            Role::VerifierDinas => Side::Dinas,
            _ => return Ok(Vec::new()),
        };
        let mut queue: Vec<Application> = self
            .applications()?
            .into_iter()
            .filter(|a| a.state.awaits(side))
            .collect();
        queue.sort_by(|a, b| a.updated_at.cmp(&b.updated_at));
        Ok(queue)
    }

    /// A document of an application.
    pub fn document(
        &self,
        application_id: &str,
        kind: DocumentKind,
    ) -> Result<Document, ClientError> {
        let path = format!(
            "/api/v1/applications/{}/documents/{}",
            segment(application_id),
            kind.as_str()
        );
        let reply = self.call(Method::GET, &path, &[], Body::Empty)?;
        Ok(Document {
            media_type: reply.content_type,
            data: reply.body,
        })
    }

    /// Approves or rejects `application_id` as the signed-in verifier's side; a rejection needs
    /// a reason. The second approval issues the certificate.
    pub fn review(
        &self,
        application_id: &str,
        decision: Decision,
        reason: &str,
    ) -> Result<Application, ClientError> {
        let path = format!("/api/v1/applications/{}/review", segment(application_id));
        self.call_json(
            Method::POST,
            &path,
            Body::Json(json!({"decision": decision, "reason": reason})),
        )
    }

    /// Revokes the certificate of `application_id` on the verifier's evaluation (Pasal 17
    /// ayat 1), with an RFC 5280 reason and a comment.
    pub fn revoke(
        &self,
        application_id: &str,
        reason: RevocationReason,
        comment: &str,
    ) -> Result<Application, ClientError> {
        let path = format!("/api/v1/applications/{}/revoke", segment(application_id));
        self.call_json(
            Method::POST,
            &path,
            Body::Json(json!({"reason": reason, "comment": comment})),
        )
    }

    /// Revocation requests: the owner's own, all for staff.
    pub fn revocation_requests(&self) -> Result<Vec<RevocationRequest>, ClientError> {
        #[derive(Deserialize)]
        struct Wire {
            revocation_requests: Vec<RevocationRequest>,
        }
        Ok(self
            .get_json::<Wire>("/api/v1/revocation-requests")?
            .revocation_requests)
    }

    /// One revocation request.
    pub fn revocation_request(&self, id: &str) -> Result<RevocationRequest, ClientError> {
        self.get_json(&format!("/api/v1/revocation-requests/{}", segment(id)))
    }

    /// The agency head's letter of a revocation request (PDF).
    pub fn revocation_letter(&self, id: &str) -> Result<Document, ClientError> {
        let path = format!("/api/v1/revocation-requests/{}/letter", segment(id));
        let reply = self.call(Method::GET, &path, &[], Body::Empty)?;
        Ok(Document {
            media_type: reply.content_type,
            data: reply.body,
        })
    }

    /// Approves (the certificate is revoked with the reason asked for) or rejects a pending
    /// revocation request.
    pub fn review_revocation_request(
        &self,
        id: &str,
        decision: Decision,
        reason: &str,
    ) -> Result<RevocationRequest, ClientError> {
        let path = format!("/api/v1/revocation-requests/{}/review", segment(id));
        self.call_json(
            Method::POST,
            &path,
            Body::Json(json!({"decision": decision, "reason": reason})),
        )
    }
}
