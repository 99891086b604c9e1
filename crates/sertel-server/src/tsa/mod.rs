//! The server's RFC 3161 time-stamping authority.
//!
//! On first start the server generates a P-256 key (aws-lc-rs; quick to generate, small tokens,
//! and accepted by OpenSSL, pyHanko and Adobe Reader), has its own CA issue it a certificate with
//! the critical extendedKeyUsage timeStamping ([`crate::ca::tsa_certificate`]), and stores both
//! in the `ca` table under the id `tsa`, the key encrypted under the CA passphrase exactly like
//! the CA key. Tokens are made by [`sertel_core::tsp::authority::TimestampAuthority`]; the HTTP
//! side is [`endpoint`].

pub mod endpoint;

use std::sync::Arc;

use serde_json::json;
use sertel_core::key::{KeyAlgorithm, LocalKey, Passphrase};
use sertel_core::signer::Signer;
use sertel_core::tsp::authority::{TimestampAuthority, SERTEL_TSA_POLICY};
use sertel_core::x509::certificate_to_der;
use time::OffsetDateTime;

use crate::ca::{stored_key, tsa_certificate, Ca, CaError};
use crate::db::Db;
use crate::Config;

/// The TSA's row id in the `ca` table.
pub const TSA_ID: &str = "tsa";

/// The loaded TSA.
#[derive(Clone, Debug)]
pub struct Tsa {
    authority: TimestampAuthority,
    certificate_der: Vec<u8>,
}

impl Tsa {
    /// Loads the TSA key and certificate, creating them on first start.
    pub async fn load_or_create(
        db: &Db,
        config: &Config,
        ca: &Ca,
        passphrase: &Passphrase,
    ) -> Result<Tsa, CaError> {
        if stored_key::load(db, TSA_ID, passphrase).await?.is_none() {
            create(db, config, ca, passphrase).await?;
        }
        let stored = stored_key::load(db, TSA_ID, passphrase)
            .await?
            .ok_or_else(|| CaError::Certificate("TSA missing right after creation".into()))?;
        let signer: Arc<dyn Signer> = Arc::new(stored.key);
        let authority = TimestampAuthority::new(
            signer,
            stored.certificate,
            vec![ca.certificate().clone()],
            SERTEL_TSA_POLICY,
        );
        Ok(Tsa {
            authority,
            certificate_der: stored.certificate_der,
        })
    }

    /// Answers a DER `TimeStampReq` with a DER `TimeStampResp` stamped with the current time
    /// (a rejection response when the request cannot be honoured, as RFC 3161 §2.4.2 asks).
    pub fn respond(&self, request_der: &[u8]) -> Vec<u8> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        self.authority.respond(request_der, now)
    }

    /// The TSA certificate, DER.
    pub fn certificate_der(&self) -> &[u8] {
        &self.certificate_der
    }
}

async fn create(db: &Db, config: &Config, ca: &Ca, passphrase: &Passphrase) -> Result<(), CaError> {
    let key =
        LocalKey::generate(KeyAlgorithm::EcdsaP256).map_err(|e| CaError::Key(e.to_string()))?;
    let cert = tsa_certificate(ca, config, key.public_key(), OffsetDateTime::now_utc())
        .map_err(|e| CaError::Certificate(e.to_string()))?;
    let cert_der = certificate_to_der(&cert).map_err(|e| CaError::Certificate(e.to_string()))?;
    let serial = hex::encode(cert.tbs_certificate.serial_number.as_bytes());
    let key_pem = stored_key::seal(key, passphrase).await?;
    stored_key::insert(
        db,
        TSA_ID,
        &key_pem,
        &cert_der,
        "tsa.create",
        json!({"key": "p-256", "serial": serial}),
    )
    .await
}
