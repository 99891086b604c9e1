//! Registering a letter signed with a specimen (`POST /api/v1/documents`), so the public page of
//! its QR code, `<server>/v/{id}`, shows who signed it, when, and the certificate's status.
//! The server treats the same registration twice as one; the outbox relies on that to retry.

use serde::{Deserialize, Serialize};
use ureq::http::Method;

use crate::transport::Body;
use crate::{Client, ClientError};

/// What the owner registers about one signed letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRegistration {
    /// The specimen's document id (32 hex digits, also in the QR code's URL).
    pub id: String,
    /// SHA-256 of the whole signed file, hex.
    pub sha256: String,
    /// When it was signed (RFC 3339).
    pub signed_at: String,
    /// The serial number of the signing certificate, hex.
    pub certificate_serial: String,
}

/// The server's record of a registered letter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisteredDocument {
    /// The document id.
    pub id: String,
    /// SHA-256 of the signed file.
    pub sha256: String,
    /// When it was signed.
    pub signed_at: String,
    /// The signing certificate's serial, lowercase hex.
    pub certificate_serial: String,
    /// When the server registered it.
    pub registered_at: String,
    /// The public verification page, relative to the server (`/v/{id}`).
    pub verify_path: String,
}

impl Client {
    /// Registers a signed letter of the signed-in owner. Registering the same letter again
    /// answers the first record; the same id with other content is refused
    /// (`document_id_taken`).
    pub fn register_document(
        &self,
        registration: &DocumentRegistration,
    ) -> Result<RegisteredDocument, ClientError> {
        let body = serde_json::json!({
            "id": registration.id,
            "sha256": registration.sha256,
            "signed_at": registration.signed_at,
            "certificate_serial": registration.certificate_serial,
        });
        self.call_json(Method::POST, "/api/v1/documents", Body::Json(body))
    }
}
