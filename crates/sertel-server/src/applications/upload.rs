//! Reading the multipart form of a submission, with a size limit per field.

use std::collections::BTreeMap;

use axum::extract::multipart::{Multipart, MultipartError, MultipartRejection};
use sha2::{Digest, Sha256};

use super::documents::{DocumentKind, MediaType};
use crate::ApiError;

/// Largest CSR accepted (PEM or DER).
pub const MAX_CSR_LEN: usize = 64 * 1024;
/// Largest whole submission body.
pub const MAX_UPLOAD_BODY: usize = 30 * 1024 * 1024;

/// The fields of a submission form; all optional here, the handler decides what is required.
#[derive(Debug, Default)]
pub struct Upload {
    /// `csr`: PEM or DER.
    pub csr: Option<Vec<u8>>,
    /// `consent_version`: the version of the consent text the owner agreed to.
    pub consent_version: Option<String>,
    /// `agency`: the Perangkat Daerah an electronic seal is for (seal applications only).
    pub agency: Option<String>,
    /// `agency_email`: the agency's official e-mail address (seal applications, optional).
    pub agency_email: Option<String>,
    /// Documents, sniffed and size-checked.
    pub documents: BTreeMap<DocumentKind, (MediaType, Vec<u8>)>,
    /// SHA-256 over every field (name and content digest, in name order): what a retry with the
    /// same `Idempotency-Key` must repeat.
    pub request_hash: String,
}

impl Upload {
    /// Refuses `agency` and `agency_email` outside a first seal application: the holder of an
    /// application never changes after it is made.
    pub fn refuse_seal_fields(&self) -> Result<(), ApiError> {
        if self.agency.is_some() || self.agency_email.is_some() {
            return Err(ApiError::Malformed(
                "agency and agency_email belong to POST /api/v1/seal-applications".into(),
            ));
        }
        Ok(())
    }
}

pub(crate) fn multipart_error(e: MultipartError) -> ApiError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge {
            part: "body".into(),
            limit: MAX_UPLOAD_BODY,
        }
    } else {
        ApiError::Malformed(e.body_text())
    }
}

/// Maps the extractor's rejection (not multipart, no boundary) to a 415.
pub fn rejection(e: MultipartRejection) -> ApiError {
    tracing::debug!(error = %e, "multipart rejected");
    ApiError::UnsupportedMediaType {
        expected: "multipart/form-data",
    }
}

pub(crate) async fn read_limited(
    field: &mut axum::extract::multipart::Field<'_>,
    name: &str,
    limit: usize,
) -> Result<Vec<u8>, ApiError> {
    let mut data = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(multipart_error)? {
        if data.len() + chunk.len() > limit {
            return Err(ApiError::TooLarge {
                part: name.to_owned(),
                limit,
            });
        }
        data.extend_from_slice(&chunk);
    }
    Ok(data)
}

/// Reads a short text field (at most 256 bytes of UTF-8) into `into`, trimmed; returns its
/// bytes.
async fn read_text(
    field: &mut axum::extract::multipart::Field<'_>,
    into: &mut Option<String>,
) -> Result<Vec<u8>, ApiError> {
    let name = field.name().unwrap_or_default().to_owned();
    let d = read_limited(field, &name, 256).await?;
    let text = String::from_utf8(d.clone())
        .map_err(|_| ApiError::Malformed(format!("{name} is not UTF-8")))?;
    *into = Some(text.trim().to_owned());
    Ok(d)
}

/// Reads every field; refuses unknown or repeated fields, oversize fields and documents whose
/// content is not of an accepted type.
pub async fn read_upload(mut form: Multipart) -> Result<Upload, ApiError> {
    let mut upload = Upload::default();
    let mut digests: BTreeMap<String, String> = BTreeMap::new();
    while let Some(mut field) = form.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_owned();
        if digests.contains_key(&name) {
            return Err(ApiError::Malformed(format!("field {name} appears twice")));
        }
        let data = match name.as_str() {
            "csr" => {
                let d = read_limited(&mut field, &name, MAX_CSR_LEN).await?;
                upload.csr = Some(d.clone());
                d
            }
            "consent_version" => read_text(&mut field, &mut upload.consent_version).await?,
            "agency" => read_text(&mut field, &mut upload.agency).await?,
            "agency_email" => read_text(&mut field, &mut upload.agency_email).await?,
            other => {
                let kind = DocumentKind::parse(other)
                    .ok_or_else(|| ApiError::Malformed(format!("unknown field {other:?}")))?;
                let d = read_limited(&mut field, &name, kind.max_len()).await?;
                let media = MediaType::sniff(&d)
                    .filter(|m| kind.accepts().contains(m))
                    .ok_or(ApiError::WrongDocumentType {
                        field: kind.as_str(),
                        expected: kind.expected(),
                    })?;
                upload.documents.insert(kind, (media, d.clone()));
                d
            }
        };
        digests.insert(name, hex::encode(Sha256::digest(&data)));
    }
    let mut h = Sha256::new();
    for (name, digest) in &digests {
        h.update(name.as_bytes());
        h.update([0]);
        h.update(digest.as_bytes());
        h.update([0]);
    }
    upload.request_hash = hex::encode(h.finalize());
    Ok(upload)
}
