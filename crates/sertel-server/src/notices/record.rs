//! Writing a notice inside the revocation's transaction.

use crate::applications::repo::ApplicationRow;
use crate::db::WriteTx;
use crate::events::record_event;
use crate::ids::{new_id, now_rfc3339};
use crate::revocation::Reason;
use crate::users::User;
use crate::ApiError;

/// Where a notice stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeStatus {
    /// To be sent by the Dinas or the Badan themselves (no mail relay configured).
    Manual,
}

impl NoticeStatus {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeStatus::Manual => "manual",
        }
    }
}

/// Why, in the notice's words (Indonesian: the notice goes to an Indonesian agency).
fn reason_text(reason: Reason) -> &'static str {
    match reason {
        Reason::Unspecified => "tidak disebutkan",
        Reason::KeyCompromise => "kunci privat hilang atau bocor",
        Reason::AffiliationChanged => "perubahan jabatan atau instansi",
        Reason::Superseded => "digantikan sertifikat baru",
        Reason::CessationOfOperation => "tidak digunakan lagi",
        Reason::PrivilegeWithdrawn => "hak penggunaan dicabut",
    }
}

/// What a revocation tells the agency.
#[derive(Clone, Copy, Debug)]
pub struct Revoked<'a> {
    /// The application whose certificate was revoked.
    pub app: &'a ApplicationRow,
    /// The certificate's serial number (hex).
    pub serial: &'a str,
    /// Why.
    pub reason: Reason,
    /// The owner's request it carries out, if any.
    pub request_id: Option<&'a str>,
}

/// Writes the agency's notice of a revocation and the owner's `agency.notified` event in `tx`;
/// returns the notice id (for the revocation's audit entry).
pub async fn record_notice(tx: &mut WriteTx, r: Revoked<'_>) -> Result<String, ApiError> {
    let owner = User::load(tx.conn(), &r.app.owner_id)
        .await?
        .ok_or_else(|| ApiError::internal("a revoked application without its owner"))?;
    let email: Option<String> = match r.request_id {
        Some(id) => {
            sqlx::query_scalar("SELECT agency_email FROM revocation_requests WHERE id = $1")
                .bind(id)
                .fetch_one(tx.conn())
                .await?
        }
        None => None,
    };
    let agency = owner
        .unit
        .clone()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "Perangkat Daerah pemilik sertifikat".to_owned());
    let now = now_rfc3339();
    let nip = owner.nip.as_deref().unwrap_or("-");
    let subject = format!(
        "Pemberitahuan pencabutan Sertifikat Elektronik {}",
        owner.full_name
    );
    let body = format!(
        "Kepada Yth. Kepala {agency},\n\n\
         Sertifikat Elektronik atas nama {} (NIP {nip}), nomor seri {}, telah dicabut pada {now} \
         dengan alasan: {}.\n\
         Sertifikat Elektronik yang telah dicabut tidak dapat digunakan kembali (Pasal 17 ayat 4); \
         pemilik dapat mengajukan permohonan Sertifikat Elektronik baru (Pasal 17 ayat 6).\n",
        owner.full_name,
        r.serial,
        reason_text(r.reason)
    );
    let id = new_id();
    sqlx::query(
        "INSERT INTO agency_notices (id, created_at, application_id, owner_id, serial, \
         request_id, agency, email, subject, body, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&id)
    .bind(&now)
    .bind(&r.app.id)
    .bind(&r.app.owner_id)
    .bind(r.serial)
    .bind(r.request_id)
    .bind(&agency)
    .bind(email)
    .bind(&subject)
    .bind(&body)
    .bind(NoticeStatus::Manual.as_str())
    .execute(tx.conn())
    .await?;
    record_event(tx, &r.app.owner_id, &r.app.id, "agency.notified", "revoked").await?;
    Ok(id)
}
