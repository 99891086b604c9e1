//! The owner's actions: submit, resubmit, renew, re-issue (all idempotent), ask for a
//! revocation, report a lost key, and fetch the certificate with its chain.

use serde::Deserialize;
use serde_json::json;
use ureq::http::Method;

use crate::model::{Application, RevocationReason, RevocationRequest};
use crate::multipart::Multipart;
use crate::submission::{segment, Action, Submission};
use crate::transport::Body;
use crate::{Client, ClientError};

/// An issued certificate and the chain up to the regency CA.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedCertificate {
    /// The certificate, PEM, as the server sent it.
    pub pem: String,
    /// The certificate, DER.
    pub der: Vec<u8>,
    /// The issuing CA's certificate, DER (`/ca/regency-ca.crt`).
    pub ca_der: Vec<u8>,
}

impl Client {
    /// Sends `submission` for `action` with `idempotency_key` (see
    /// [`crate::new_idempotency_key`]). Sending the same submission with the same key again
    /// returns the application the first send made; it never makes a second one.
    pub fn send_submission(
        &self,
        action: &Action,
        submission: &Submission,
        idempotency_key: &str,
    ) -> Result<Application, ClientError> {
        action.check(submission)?;
        let mut fields = action.fields();
        fields.extend(submission.fields());
        let form = Multipart::new(&fields);
        self.call(
            Method::POST,
            &action.path(),
            &[("idempotency-key", idempotency_key)],
            Body::Form(&form),
        )?
        .json()
    }

    /// Asks for the revocation of the certificate of `application_id` (Pasal 17 ayat 2), with
    /// the letter signed by the head of the agency (PDF).
    pub fn request_revocation(
        &self,
        application_id: &str,
        reason: RevocationReason,
        statement: &str,
        letter_pdf: &[u8],
    ) -> Result<RevocationRequest, ClientError> {
        let form = Multipart::new(&[
            ("reason", reason.as_str().as_bytes()),
            ("statement", statement.as_bytes()),
            ("letter", letter_pdf),
        ]);
        let path = format!(
            "/api/v1/applications/{}/revocation-requests",
            segment(application_id)
        );
        self.call(Method::POST, &path, &[], Body::Form(&form))?
            .json()
    }

    /// Reports the key of `application_id`'s certificate lost or leaked: the server revokes the
    /// certificate at once (keyCompromise). The app must stop signing with that key.
    pub fn report_lost_key(
        &self,
        application_id: &str,
        statement: &str,
    ) -> Result<Application, ClientError> {
        let path = format!("/api/v1/applications/{}/lost-key", segment(application_id));
        self.call_json(
            Method::POST,
            &path,
            Body::Json(json!({ "statement": statement })),
        )
    }

    /// The owner's applications (all of them for staff), newest first.
    pub fn applications(&self) -> Result<Vec<Application>, ClientError> {
        #[derive(Deserialize)]
        struct Wire {
            applications: Vec<Application>,
        }
        Ok(self.get_json::<Wire>("/api/v1/applications")?.applications)
    }

    /// One application.
    pub fn application(&self, id: &str) -> Result<Application, ClientError> {
        self.get_json(&format!("/api/v1/applications/{}", segment(id)))
    }

    /// The certificate issued for `application_id`, with the CA certificate that issued it.
    pub fn certificate(&self, application_id: &str) -> Result<IssuedCertificate, ClientError> {
        let path = format!(
            "/api/v1/applications/{}/certificate",
            segment(application_id)
        );
        let reply = self.call(Method::GET, &path, &[], Body::Empty)?;
        let bad = |reason: &str| ClientError::UnexpectedResponse {
            url: reply.url.clone(),
            reason: reason.into(),
        };
        let pem = String::from_utf8(reply.body.clone()).map_err(|_| bad("not PEM text"))?;
        let cert = sertel_core::x509::certificate_from_pem(&pem)
            .ok_or_else(|| bad("not a PEM certificate"))?;
        let der = sertel_core::x509::certificate_to_der(&cert)
            .map_err(|_| bad("the certificate cannot be encoded"))?;
        let ca =
            self.transport()
                .call(Method::GET, "/ca/regency-ca.crt", None, &[], Body::Empty)?;
        Ok(IssuedCertificate {
            pem,
            der,
            ca_der: ca.body,
        })
    }
}
