//! The one error type of the HTTP API, and the one place that maps it to a status code.
//!
//! Every variant has a stable `kind` and a message in Indonesian and English (see
//! `text.rs`); the response body is
//! `{"kind": "…", "message": {"id": "…", "en": "…"}, "details": [...]}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use sertel_core::i18n::{Lang, Localized};
use sertel_core::profile::ProfileError;
use sertel_core::x509::CsrError;

mod text;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ApiError {
    /// The body is not what the endpoint reads (bad JSON, bad multipart, bad query).
    #[error("malformed request: {0}")]
    Malformed(String),
    /// The body's content type is not the one the endpoint reads.
    #[error("unsupported content type; expected {expected}")]
    UnsupportedMediaType {
        /// The content type expected.
        expected: &'static str,
    },
    /// A part of the request, or the whole body, is larger than allowed.
    #[error("{part} is larger than {limit} bytes")]
    TooLarge {
        /// The part (a form field name, or "body").
        part: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// A required part is missing.
    #[error("missing field {0}")]
    MissingField(&'static str),
    /// An uploaded document is not of an accepted type (checked by its content).
    #[error("{field} must be {expected}")]
    WrongDocumentType {
        /// The form field.
        field: &'static str,
        /// What was expected, e.g. "PDF".
        expected: &'static str,
    },
    /// The certificate request is malformed or fails its proof of possession.
    #[error(transparent)]
    Csr(CsrError),
    /// The key in the certificate request is not an allowed type or size.
    #[error("key not allowed: {0}")]
    KeyNotAllowed(String),
    /// The certificate request's subject is not the one the owner's profile gives.
    #[error("the CSR subject does not match the owner's profile")]
    SubjectMismatch,
    /// An electronic seal is applied for by a member of the agency: the agency named is not the
    /// applicant's registered unit kerja.
    #[error("the seal's agency is not the applicant's unit")]
    SealAgencyNotOwn,
    /// Profile fields are invalid (all problems listed).
    #[error("invalid profile")]
    Profile(Vec<ProfileError>),
    /// A field other than the profile's is invalid.
    #[error("invalid {field}: {reason}")]
    InvalidField {
        /// The field.
        field: &'static str,
        /// Why, in English (the Indonesian message names the field only).
        reason: &'static str,
    },
    /// The consent to Pasal 19 and 20 is missing or names another version of the text.
    #[error("consent to the current terms is required")]
    ConsentRequired,
    /// The `Idempotency-Key` header is missing or malformed.
    #[error("Idempotency-Key header missing or malformed")]
    IdempotencyKeyRequired,
    /// The `Idempotency-Key` was used before for a different request.
    #[error("Idempotency-Key reused with a different request")]
    IdempotencyKeyReused,
    /// No valid session.
    #[error("not signed in")]
    Unauthenticated,
    /// Wrong e-mail or password.
    #[error("wrong e-mail address or password")]
    InvalidCredentials,
    /// The signed-in user's role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Nothing there, or nothing this user may see.
    #[error("not found")]
    NotFound,
    /// The e-mail address, NIP or NIK is already registered.
    #[error("already registered: {0}")]
    AlreadyRegistered(&'static str),
    /// The owner already has an application in progress or a valid certificate.
    #[error("an application is already in progress")]
    ApplicationOpen,
    /// The action is not possible in the application's current state.
    #[error("not possible in state {state}")]
    InvalidTransition {
        /// The current state.
        state: &'static str,
    },
    /// The revocation reason is not one the server records (or not one an owner may ask for).
    #[error("revocation reason not allowed: {0}")]
    RevocationReason(String),
    /// A revocation request for this certificate is already waiting for a verifier.
    #[error("a revocation request is already pending")]
    RevocationPending,
    /// The certificate has expired: renewal is only before expiry (Pasal 18 ayat 2).
    #[error("the certificate has expired")]
    CertificateExpired,
    /// A re-issue follows a lost-key report only; after another revocation a new application
    /// is made (Pasal 17 ayat 6).
    #[error("re-issue is only possible after a lost-key report")]
    ReissueNeedsLostKey,
    /// An uploaded national-CA certificate does not fit the application.
    #[error("certificate refused: {0:?}")]
    CertificateRefused(crate::applications::national::CertificateProblem),
    /// The document id is registered already for another file, time or certificate.
    #[error("the document id is already registered with other content")]
    DocumentIdTaken,
    /// Too many failed logins; try again later.
    #[error("too many attempts; retry after {retry_after_secs} s")]
    RateLimited {
        /// Seconds until the next attempt is allowed.
        retry_after_secs: u64,
    },
    /// Too many requests from this client address (the time-stamping endpoint's rate limit).
    #[error("too many requests; retry after {retry_after_secs} s")]
    TooManyRequests {
        /// Seconds until the next request is allowed.
        retry_after_secs: u64,
    },
    /// The database does not answer (the health check).
    #[error("the database is unavailable")]
    Unavailable,
    /// A failure on the server's side (database, disk, CA). Logged; never detailed to clients.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status of this error: the only place statuses are chosen.
    pub fn status(&self) -> StatusCode {
        use ApiError as E;
        match self {
            E::Malformed(_)
            | E::MissingField(_)
            | E::IdempotencyKeyRequired
            | E::InvalidField { .. } => StatusCode::BAD_REQUEST,
            E::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            E::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            E::WrongDocumentType { .. }
            | E::Csr(_)
            | E::KeyNotAllowed(_)
            | E::SubjectMismatch
            | E::SealAgencyNotOwn
            | E::Profile(_)
            | E::ConsentRequired
            | E::RevocationReason(_)
            | E::CertificateRefused(_)
            | E::IdempotencyKeyReused => StatusCode::UNPROCESSABLE_ENTITY,
            E::Unauthenticated | E::InvalidCredentials => StatusCode::UNAUTHORIZED,
            E::Forbidden => StatusCode::FORBIDDEN,
            E::NotFound => StatusCode::NOT_FOUND,
            E::AlreadyRegistered(_)
            | E::ApplicationOpen
            | E::InvalidTransition { .. }
            | E::RevocationPending
            | E::CertificateExpired
            | E::ReissueNeedsLostKey
            | E::DocumentIdTaken => StatusCode::CONFLICT,
            E::RateLimited { .. } | E::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            E::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            E::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Wraps a server-side failure; the detail is logged, not sent.
    pub fn internal(e: impl std::fmt::Display) -> ApiError {
        ApiError::Internal(e.to_string())
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::internal(format!("database: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let ApiError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let details: Vec<serde_json::Value> = match &self {
            ApiError::Profile(errors) => errors
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "field": format!("{:?}", e.field()),
                        "kind": e.kind(),
                        "message": {"id": e.message(Lang::Id), "en": e.message(Lang::En)},
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        let body = serde_json::json!({
            "kind": self.kind(),
            "message": {"id": self.message(Lang::Id), "en": self.message(Lang::En)},
            "details": details,
        });
        let mut response = (status, axum::Json(body)).into_response();
        if let ApiError::RateLimited { retry_after_secs }
        | ApiError::TooManyRequests { retry_after_secs } = self
        {
            if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        response
    }
}
