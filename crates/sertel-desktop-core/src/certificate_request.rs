//! The key's certificate request (PKCS#10, PEM) built from the saved profile, and taking in the
//! certificate a CA issued for it (a PEM or DER file: the key's certificate, then its issuers
//! in any order). The server-connected Application screen sends the same request; without a
//! server, the owner can carry the file to the CA and bring the certificate back.

use std::path::Path;

use der::Decode;
use sertel_core::key::LocalKey;
use sertel_core::key::Passphrase;
use sertel_core::profile::{OwnerProfile, RegencyProfile, SealProfile};
use sertel_core::x509::{build_csr, build_seal_csr, csr_to_pem, CertReq, X509Error};
use x509_cert::Certificate;

use crate::key_info::{certificate_key_fingerprint, KeyInfo};
use crate::key_slot::{read_input, KeySlot};
use crate::DesktopError;

/// The largest certificate file read.
const MAX_CERTIFICATE_FILE: u64 = 1024 * 1024;

/// The certificate request for the key in `slot` (unlocked with `passphrase`) and `profile`,
/// as PEM.
pub fn certificate_request(
    slot: &KeySlot,
    passphrase: &Passphrase,
    profile: &OwnerProfile,
    regency: &RegencyProfile,
) -> Result<String, DesktopError> {
    request_pem(slot, passphrase, |key| build_csr(profile, regency, key))
}

/// The certificate request of the agency's electronic seal `seal` for the key in `slot` (the
/// seal's own slot), as PEM: the subject is the seal's, checked before the key is opened.
pub fn seal_certificate_request(
    slot: &KeySlot,
    passphrase: &Passphrase,
    seal: &SealProfile,
    regency: &RegencyProfile,
) -> Result<String, DesktopError> {
    seal.validate(regency).map_err(DesktopError::Profile)?;
    request_pem(slot, passphrase, |key| build_seal_csr(seal, regency, key))
}

/// The request `build` makes with the key in `slot`, unlocked with `passphrase`, as PEM.
fn request_pem(
    slot: &KeySlot,
    passphrase: &Passphrase,
    build: impl FnOnce(&LocalKey) -> Result<CertReq, X509Error>,
) -> Result<String, DesktopError> {
    let key = slot.unlock(passphrase)?;
    let csr = build(&key).map_err(DesktopError::core)?;
    csr_to_pem(&csr).map_err(DesktopError::core)
}

/// Writes the certificate request to `out` (never over an existing file).
pub fn write_certificate_request(
    slot: &KeySlot,
    passphrase: &Passphrase,
    profile: &OwnerProfile,
    regency: &RegencyProfile,
    out: &Path,
) -> Result<(), DesktopError> {
    let pem = certificate_request(slot, passphrase, profile, regency)?;
    sertel_core::key::write_secret_file(out, pem.as_bytes(), false).map_err(DesktopError::core)
}

/// Every certificate in `data`: PEM blocks, or one DER certificate.
pub fn parse_certificates(data: &[u8], path: &Path) -> Result<Vec<Certificate>, DesktopError> {
    let unreadable = |detail: String| DesktopError::NotACertificate {
        path: path.to_path_buf(),
        detail,
    };
    let certs = if data.starts_with(b"-----BEGIN") || data.trim_ascii_start().starts_with(b"-----")
    {
        Certificate::load_pem_chain(data).map_err(|e| unreadable(e.to_string()))?
    } else {
        vec![Certificate::from_der(data).map_err(|e| unreadable(e.to_string()))?]
    };
    if certs.is_empty() {
        return Err(unreadable("no certificate".into()));
    }
    Ok(certs)
}

/// Stores the certificate file at `path` with the key in `slot`: the certificate whose public
/// key is the slot's goes first, the others follow as its issuers.
pub fn import_certificate(slot: &KeySlot, path: &Path) -> Result<KeyInfo, DesktopError> {
    let info = slot.info()?.ok_or(DesktopError::NoKey)?;
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            DesktopError::FileNotFound(path.to_path_buf())
        } else {
            DesktopError::io(path)(e)
        }
    })?;
    if meta.len() > MAX_CERTIFICATE_FILE {
        return Err(DesktopError::NotACertificate {
            path: path.to_path_buf(),
            detail: format!("{} bytes", meta.len()),
        });
    }
    let certs = parse_certificates(&read_input(path)?, path)?;
    let mut own = Vec::new();
    let mut issuers = Vec::new();
    for cert in certs {
        if certificate_key_fingerprint(&cert)? == info.key.fingerprint {
            own.push(cert);
        } else {
            issuers.push(cert);
        }
    }
    let Some(cert) = own.into_iter().next() else {
        return Err(DesktopError::CertificateForAnotherKey);
    };
    let mut chain = vec![cert];
    chain.extend(issuers);
    slot.store_certificates(&chain)
}
