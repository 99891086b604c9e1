//! The server's OCSP responder (RFC 6960): the CA answers for the certificates it issued, with
//! the statuses the CRL is built from ([`crate::revocation::certificate_status`]), signing with its own key
//! (so no separate responder certificate needs trusting or renewing). The HTTP side is
//! [`endpoint`].
//!
//! Statuses are read from the database before the (synchronous) responder runs: the request is
//! decoded, each serial number it asks about is looked up, and the responder answers from that
//! snapshot.

pub mod endpoint;

use std::collections::HashMap;
use std::sync::Arc;

use sertel_core::ocsp::{decode_request, OcspResponder, SerialStatus, StatusLookup};
use sertel_core::trust::{PathCertificate, RevocationReason};
use time::OffsetDateTime;

use crate::revocation::{certificate_status, CertificateStatus};
use crate::{ApiError, AppState};

/// How long an answer may be relied on (its nextUpdate after thisUpdate): the CRL's refresh
/// bound, so OCSP is never staler than the CRL.
pub const ANSWER_VALIDITY: time::Duration = time::Duration::hours(12);

fn serial_status(status: CertificateStatus) -> SerialStatus {
    match status {
        CertificateStatus::Good => SerialStatus::Good,
        CertificateStatus::Revoked { revoked_at, reason } => SerialStatus::Revoked {
            time: revoked_at,
            reason: RevocationReason::from_code(reason.crl_reason() as u32)
                .unwrap_or(RevocationReason::Unspecified),
        },
        CertificateStatus::Unknown => SerialStatus::Unknown,
    }
}

/// The CA's responder, made once at start-up (its setup checks the CA certificate against the
/// key); every request gets a copy answering from that request's statuses.
pub fn responder(ca: &crate::ca::Ca) -> Result<OcspResponder, String> {
    let cert = PathCertificate::from_der(ca.certificate_der()).map_err(|e| e.to_string())?;
    let unknown: Arc<StatusLookup> = Arc::new(|_: &[u8]| Ok(SerialStatus::Unknown));
    OcspResponder::new(&cert, &cert, ca.signer(), unknown)
        .and_then(|r| r.with_next_update(ANSWER_VALIDITY))
        .map_err(|e| e.to_string())
}

/// Answers the DER OCSP request `request` now.
pub async fn answer(state: &AppState, request: &[u8]) -> Result<Vec<u8>, ApiError> {
    let mut statuses = HashMap::new();
    if let Ok(decoded) = decode_request(request) {
        let mut conn = state.db().pool().acquire().await?;
        for cert in &decoded.certs {
            let status = certificate_status(&mut conn, &cert.serial).await?;
            statuses.insert(cert.serial.clone(), serial_status(status));
        }
    }
    let lookup: Arc<StatusLookup> = Arc::new(move |serial: &[u8]| {
        Ok(statuses
            .get(serial)
            .copied()
            .unwrap_or(SerialStatus::Unknown))
    });
    let responder = state.ocsp().with_lookup(lookup);
    let request = request.to_vec();
    tokio::task::spawn_blocking(move || responder.respond(&request, OffsetDateTime::now_utc()))
        .await
        .map_err(ApiError::internal)
}
