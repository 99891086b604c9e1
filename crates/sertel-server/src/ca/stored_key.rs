//! A key and its certificate kept in the `ca` table: the CA's (id `regency`) and the TSA's (id
//! `tsa`). The key is stored as an encrypted PKCS#8 PEM (PBES2: scrypt + AES-256-CBC) under the
//! CA passphrase; decrypting it checks that it belongs to the stored certificate.

use serde_json::Value;
use sertel_core::key::{decrypt_key_pem, encrypt_key_pem, KdfParams, LocalKey, Passphrase};
use sertel_core::x509::Certificate;
use sqlx::Row;

use super::CaError;
use crate::audit;
use crate::db::Db;
use crate::ids::now_rfc3339;

/// A decrypted key with its certificate.
pub(crate) struct StoredKey {
    pub key: LocalKey,
    pub certificate: Certificate,
    pub certificate_der: Vec<u8>,
}

fn key_err(e: impl std::fmt::Display) -> CaError {
    CaError::Key(e.to_string())
}

/// Loads and decrypts the row `id`; `None` when there is none.
pub(crate) async fn load(
    db: &Db,
    id: &str,
    passphrase: &Passphrase,
) -> Result<Option<StoredKey>, CaError> {
    let Some(row) = sqlx::query("SELECT key_pem, cert_der FROM ca WHERE id = $1")
        .bind(id)
        .fetch_optional(db.pool())
        .await?
    else {
        return Ok(None);
    };
    let key_pem: String = row.try_get(0)?;
    let certificate_der: Vec<u8> = row.try_get(1)?;
    let pass = passphrase.clone();
    let key = tokio::task::spawn_blocking(move || decrypt_key_pem(key_pem.as_bytes(), &pass))
        .await
        .map_err(key_err)?
        .map_err(key_err)?;
    let certificate = <Certificate as der::Decode>::from_der(&certificate_der)
        .map_err(|e| CaError::Certificate(e.to_string()))?;
    let spki = sertel_core::signer::spki_from_der(&key.public_key_der().map_err(key_err)?)
        .map_err(key_err)?;
    if spki != certificate.tbs_certificate.subject_public_key_info {
        return Err(CaError::Certificate(format!(
            "the stored certificate {id} does not match the stored key"
        )));
    }
    Ok(Some(StoredKey {
        key,
        certificate,
        certificate_der,
    }))
}

/// Encrypts `key` under `passphrase` (on a blocking thread: scrypt is slow on purpose).
pub(crate) async fn seal(key: LocalKey, passphrase: &Passphrase) -> Result<String, CaError> {
    let pass = passphrase.clone();
    tokio::task::spawn_blocking(move || encrypt_key_pem(&key, &pass, KdfParams::DEFAULT))
        .await
        .map_err(key_err)?
        .map_err(key_err)
}

/// Stores a new row `id` with an audit entry (`action`, `data` plus the certificate's SHA-256).
/// When another instance stored one first, its row is kept and nothing is written.
pub(crate) async fn insert(
    db: &Db,
    id: &str,
    key_pem: &str,
    cert_der: &[u8],
    action: &str,
    mut data: Value,
) -> Result<(), CaError> {
    let mut tx = db.begin_write().await?;
    let inserted = sqlx::query(
        "INSERT INTO ca (id, key_pem, cert_der, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(id)
    .bind(key_pem)
    .bind(cert_der)
    .bind(now_rfc3339())
    .execute(tx.conn())
    .await?
    .rows_affected();
    if inserted == 0 {
        return Ok(());
    }
    data["certificate_sha256"] = Value::String(hex::encode(aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA256,
        cert_der,
    )));
    audit::append(&mut tx, "system", action, id, data)
        .await
        .map_err(key_err)?;
    tx.commit().await.map_err(key_err)?;
    Ok(())
}
