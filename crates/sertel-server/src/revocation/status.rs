//! A certificate's revocation status by serial number: the one place the CRL builder and the
//! OCSP responder read it from.
//!
//! The status comes from the `certificates` table (the certificates this CA issued: those the
//! national CA issued, `issued_by = 'national'`, are its to answer for) and the insert-only
//! `revocations` table. An OCSP responder answers `good`, `revoked` (with time and
//! reason) or `unknown` (RFC 6960 §2.2) with [`certificate_status`]; the CRL lists
//! [`revoked_certificates`]. A superseded certificate stays `good` until it expires unless it is
//! revoked itself.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::Reason;
use crate::ApiError;

/// What a relying party is told about one serial number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CertificateStatus {
    /// Issued by this CA and not revoked.
    Good,
    /// Revoked, for ever.
    Revoked {
        /// When (seconds precision, UTC).
        revoked_at: OffsetDateTime,
        /// Why.
        reason: Reason,
    },
    /// Not a serial number this CA issued.
    Unknown,
}

/// One revoked certificate, as the CRL lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevokedCertificate {
    /// The serial number's content octets (as in the certificate).
    pub serial: Vec<u8>,
    /// When it was revoked.
    pub revoked_at: OffsetDateTime,
    /// Why.
    pub reason: Reason,
}

/// The hex form serial numbers are stored in.
pub fn serial_hex(serial: &[u8]) -> String {
    hex::encode(serial)
}

fn revoked_from(row: &AnyRow, at: usize) -> Result<(OffsetDateTime, Reason), ApiError> {
    let revoked_at: String = row.try_get(at)?;
    let reason: String = row.try_get(at + 1)?;
    let revoked_at = OffsetDateTime::parse(&revoked_at, &Rfc3339).map_err(ApiError::internal)?;
    Ok((revoked_at, Reason::from_stored(&reason)?))
}

/// The status of the certificate with `serial` (its content octets).
pub async fn certificate_status(
    conn: &mut AnyConnection,
    serial: &[u8],
) -> Result<CertificateStatus, ApiError> {
    let row = sqlx::query(
        "SELECT c.serial, r.revoked_at, r.reason FROM certificates c \
         LEFT JOIN revocations r ON r.serial = c.serial \
         WHERE c.serial = $1 AND c.issued_by = 'regency'",
    )
    .bind(serial_hex(serial))
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else {
        return Ok(CertificateStatus::Unknown);
    };
    let revoked: Option<String> = row.try_get(1)?;
    if revoked.is_none() {
        return Ok(CertificateStatus::Good);
    }
    let (revoked_at, reason) = revoked_from(&row, 1)?;
    Ok(CertificateStatus::Revoked { revoked_at, reason })
}

/// Every revoked certificate, oldest revocation first.
pub async fn revoked_certificates(
    conn: &mut AnyConnection,
) -> Result<Vec<RevokedCertificate>, ApiError> {
    let rows = sqlx::query(
        "SELECT r.serial, r.revoked_at, r.reason FROM revocations r \
         JOIN certificates c ON c.serial = r.serial WHERE c.issued_by = 'regency' \
         ORDER BY r.revoked_at, r.serial",
    )
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let serial: String = row.try_get(0)?;
            let (revoked_at, reason) = revoked_from(row, 1)?;
            Ok(RevokedCertificate {
                serial: hex::decode(&serial).map_err(ApiError::internal)?,
                revoked_at,
                reason,
            })
        })
        .collect()
}

/// How many certificates are revoked (the CRL remembers how many it lists, to notice new ones).
pub async fn revoked_count(conn: &mut AnyConnection) -> Result<i64, ApiError> {
    Ok(sqlx::query(
        "SELECT COUNT(*) FROM revocations r JOIN certificates c ON c.serial = r.serial \
         WHERE c.issued_by = 'regency'",
    )
    .fetch_one(conn)
    .await?
    .try_get(0)?)
}
