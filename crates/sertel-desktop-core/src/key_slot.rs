//! The owner's one key on this laptop: the encrypted key file, the facts about it (readable
//! without the passphrase) and, once issued, its certificate chain.
//!
//! ```text
//! <data>/key.pem           encrypted PKCS#8 (scrypt + AES-256), mode 0600
//! <data>/key.json          KeyFacts: algorithm, fingerprint, when, how
//! <data>/certificates.pem  the key's certificate, then its issuers
//! <data>/revoked.json      serial numbers of this key's certificates known to be revoked
//! ```
//!
//! Passphrases are taken as [`Passphrase`] values (wiped when dropped) and never written
//! anywhere.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sertel_core::key::{
    export_pkcs12, import_pkcs12, load_key_file, public_key_fingerprint, save_key_file,
    write_secret_file, KeyAlgorithm, LocalKey, Passphrase, PassphraseOwner, PassphrasePolicy,
    Pkcs12ExportOptions, SaveOptions,
};
use sertel_core::profile::OwnerProfile;
use sertel_core::x509::certificate_to_pem;
use x509_cert::Certificate;

use crate::json_file::{read_json, write_json};
use crate::key_info::{
    certificate_facts, certificate_key_fingerprint, now, KeyFacts, KeyInfo, KeyOrigin,
};
use crate::DesktopError;

/// A new passphrase as typed twice.
pub struct NewPassphrase {
    /// The passphrase.
    pub passphrase: Passphrase,
    /// Its repetition.
    pub repeat: Passphrase,
}

impl NewPassphrase {
    /// The passphrase, if both match and it meets the policy for `owner`.
    pub fn checked(&self, owner: &PassphraseOwner<'_>) -> Result<&Passphrase, DesktopError> {
        if self.passphrase.expose() != self.repeat.expose() {
            return Err(DesktopError::PassphraseMismatch);
        }
        PassphrasePolicy::default()
            .check(&self.passphrase, owner)
            .map_err(DesktopError::core)?;
        Ok(&self.passphrase)
    }
}

/// The owner's data a passphrase must not contain.
pub fn passphrase_owner(profile: Option<&OwnerProfile>) -> PassphraseOwner<'_> {
    profile.map_or_else(PassphraseOwner::default, |p| PassphraseOwner {
        full_name: &p.full_name,
        nip: &p.nip,
        email: &p.email,
    })
}

/// What a backup holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// A PKCS#12 file with the key, its certificate and chain, under a backup password.
    Pkcs12,
    /// A copy of the encrypted key file (there is no certificate yet).
    EncryptedKey,
}

/// The key slot in one folder.
#[derive(Clone, Debug)]
pub struct KeySlot {
    dir: PathBuf,
}

impl KeySlot {
    /// The slot in `dir` (created when a key is saved).
    pub fn new(dir: impl Into<PathBuf>) -> KeySlot {
        KeySlot { dir: dir.into() }
    }

    /// The slot's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The encrypted key file.
    pub fn key_path(&self) -> PathBuf {
        self.dir.join("key.pem")
    }

    fn facts_path(&self) -> PathBuf {
        self.dir.join("key.json")
    }

    /// The certificate chain file.
    pub fn certificates_path(&self) -> PathBuf {
        self.dir.join("certificates.pem")
    }

    /// Whether a key is there.
    pub fn has_key(&self) -> bool {
        self.key_path().exists()
    }

    /// What the Key screen shows; `None` before there is a key.
    pub fn info(&self) -> Result<Option<KeyInfo>, DesktopError> {
        let Some(key) = read_json::<KeyFacts>(&self.facts_path())? else {
            return Ok(None);
        };
        let chain = self.certificates_if_any()?;
        Ok(Some(KeyInfo {
            created_shown: sertel_core::pades::text::display_date(key.created),
            key,
            certificate: certificate_facts(&chain, now()),
        }))
    }

    /// Generates a key of `algorithm` protected by the new passphrase, checked against the
    /// owner's profile.
    pub fn create(
        &self,
        new: &NewPassphrase,
        profile: &OwnerProfile,
        algorithm: KeyAlgorithm,
    ) -> Result<KeyInfo, DesktopError> {
        self.refuse_existing()?;
        let passphrase = new.checked(&passphrase_owner(Some(profile)))?;
        let key = LocalKey::generate(algorithm).map_err(DesktopError::core)?;
        self.save(&key, passphrase, &[], KeyOrigin::Generated)
    }

    /// Imports a key and its certificate from the PKCS#12 file at `p12`; the key is saved
    /// under the new passphrase.
    pub fn import_pkcs12(
        &self,
        p12: &Path,
        p12_password: &Passphrase,
        new: &NewPassphrase,
        profile: Option<&OwnerProfile>,
    ) -> Result<KeyInfo, DesktopError> {
        self.refuse_existing()?;
        let passphrase = new.checked(&passphrase_owner(profile))?;
        let data = read_input(p12)?;
        let bundle = import_pkcs12(&data, p12_password).map_err(DesktopError::core)?;
        let mut chain = vec![bundle.certificate];
        chain.extend(bundle.chain);
        self.save(&bundle.key, passphrase, &chain, KeyOrigin::Imported)
    }

    /// Stores the key's certificate and its issuers (the key's certificate first), replacing
    /// an older chain; refused when the certificate is for another key.
    pub fn store_certificates(&self, chain: &[Certificate]) -> Result<KeyInfo, DesktopError> {
        let facts = read_json::<KeyFacts>(&self.facts_path())?.ok_or(DesktopError::NoKey)?;
        let cert = chain.first().ok_or(DesktopError::NoCertificate)?;
        if certificate_key_fingerprint(cert)? != facts.fingerprint {
            return Err(DesktopError::CertificateForAnotherKey);
        }
        write_secret_file(
            &self.certificates_path(),
            pem_chain(chain)?.as_bytes(),
            true,
        )
        .map_err(DesktopError::core)?;
        self.info()?.ok_or(DesktopError::NoKey)
    }

    fn revoked_path(&self) -> PathBuf {
        self.dir.join("revoked.json")
    }

    /// Records that the certificate with `serial` (hex) was revoked: signing with it is refused
    /// from now on.
    pub fn mark_revoked(&self, serial: &str) -> Result<(), DesktopError> {
        let mut serials = read_json::<Vec<String>>(&self.revoked_path())?.unwrap_or_default();
        let serial = normalize_serial(serial);
        if !serials.contains(&serial) {
            serials.push(serial);
            write_json(&self.revoked_path(), &serials)?;
        }
        Ok(())
    }

    /// Whether `serial` (hex) is recorded as revoked.
    pub fn is_revoked(&self, serial: &str) -> Result<bool, DesktopError> {
        let serials = read_json::<Vec<String>>(&self.revoked_path())?.unwrap_or_default();
        Ok(serials.contains(&normalize_serial(serial)))
    }

    /// The serial number (hex) of the key's certificate, if one is stored.
    pub fn certificate_serial(&self) -> Result<Option<String>, DesktopError> {
        if !self.certificates_path().is_file() {
            return Ok(None);
        }
        Ok(self.certificates()?.first().map(certificate_serial))
    }

    /// The certificate chain, the key's certificate first.
    pub fn certificates(&self) -> Result<Vec<Certificate>, DesktopError> {
        if !self.has_key() {
            return Err(DesktopError::NoKey);
        }
        let chain = self.certificates_if_any()?;
        if chain.is_empty() {
            return Err(DesktopError::NoCertificate);
        }
        Ok(chain)
    }

    /// Decrypts the key with `passphrase`.
    pub fn unlock(&self, passphrase: &Passphrase) -> Result<LocalKey, DesktopError> {
        if !self.has_key() {
            return Err(DesktopError::NoKey);
        }
        if passphrase.is_empty() {
            return Err(DesktopError::PassphraseMissing);
        }
        load_key_file(&self.key_path(), passphrase).map_err(DesktopError::core)
    }

    /// Writes a backup to `out` (never over an existing file): with a certificate, a PKCS#12
    /// file under the new backup password (the key's passphrase unlocks the key); without one,
    /// a copy of the encrypted key file.
    pub fn export_backup(
        &self,
        out: &Path,
        passphrase: &Passphrase,
        backup_password: &NewPassphrase,
    ) -> Result<BackupKind, DesktopError> {
        let chain = self.certificates_if_any()?;
        let Some((cert, issuers)) = chain.split_first() else {
            if !self.has_key() {
                return Err(DesktopError::NoKey);
            }
            let pem = std::fs::read(self.key_path()).map_err(DesktopError::io(self.key_path()))?;
            write_secret_file(out, &pem, false).map_err(DesktopError::core)?;
            return Ok(BackupKind::EncryptedKey);
        };
        let password = backup_password.checked(&PassphraseOwner::default())?;
        let key = self.unlock(passphrase)?;
        let der = export_pkcs12(
            &key,
            cert,
            issuers,
            password,
            &Pkcs12ExportOptions::default(),
        )
        .map_err(DesktopError::core)?;
        write_secret_file(out, &der, false).map_err(DesktopError::core)?;
        Ok(BackupKind::Pkcs12)
    }

    fn refuse_existing(&self) -> Result<(), DesktopError> {
        if self.has_key() {
            return Err(DesktopError::KeyExists);
        }
        Ok(())
    }

    fn certificates_if_any(&self) -> Result<Vec<Certificate>, DesktopError> {
        let path = self.certificates_path();
        let data = match std::fs::read(&path) {
            Ok(d) => d,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(DesktopError::io(path)(e)),
        };
        Certificate::load_pem_chain(&data).map_err(|e| DesktopError::Corrupt {
            path,
            detail: e.to_string(),
        })
    }

    /// Saves the key, its chain and its facts; on failure nothing of the new key is left.
    fn save(
        &self,
        key: &LocalKey,
        passphrase: &Passphrase,
        chain: &[Certificate],
        origin: KeyOrigin,
    ) -> Result<KeyInfo, DesktopError> {
        std::fs::create_dir_all(&self.dir).map_err(DesktopError::io(&self.dir))?;
        let algorithm = key.key_algorithm();
        let facts = KeyFacts {
            algorithm: algorithm.as_str().to_owned(),
            bits: algorithm.bits(),
            fingerprint: public_key_fingerprint(&key.public_key_der().map_err(DesktopError::core)?),
            created: now(),
            origin,
        };
        save_key_file(&self.key_path(), key, passphrase, &SaveOptions::default())
            .map_err(DesktopError::core)?;
        let rest = (|| {
            if !chain.is_empty() {
                write_secret_file(
                    &self.certificates_path(),
                    pem_chain(chain)?.as_bytes(),
                    true,
                )
                .map_err(DesktopError::core)?;
            }
            write_json(&self.facts_path(), &facts)
        })();
        if let Err(e) = rest {
            let _ = std::fs::remove_file(self.key_path());
            let _ = std::fs::remove_file(self.certificates_path());
            return Err(e);
        }
        self.info()?.ok_or(DesktopError::NoKey)
    }
}

fn pem_chain(chain: &[Certificate]) -> Result<String, DesktopError> {
    let mut pem = String::new();
    for c in chain {
        pem.push_str(&certificate_to_pem(c).map_err(DesktopError::core)?);
    }
    Ok(pem)
}

/// Reads a file the user chose.
pub fn read_input(path: &Path) -> Result<Vec<u8>, DesktopError> {
    std::fs::read(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            DesktopError::FileNotFound(path.to_path_buf())
        } else {
            DesktopError::io(path)(e)
        }
    })
}

/// The serial number of `cert` as lower-case hex without leading zeros.
pub fn certificate_serial(cert: &Certificate) -> String {
    normalize_serial(&serial_octets_hex(cert))
}

/// The serial number's content octets in hex, as the server stores and expects it.
pub fn serial_octets_hex(cert: &Certificate) -> String {
    cert.tbs_certificate
        .serial_number
        .as_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `serial` as lower-case hex without separators or leading zeros.
pub fn normalize_serial(serial: &str) -> String {
    let hex: String = serial
        .chars()
        .filter(char::is_ascii_hexdigit)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let trimmed = hex.trim_start_matches('0');
    if trimmed.is_empty() {
        "0".into()
    } else {
        trimmed.into()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn serials_compare_without_case_separators_or_leading_zeros() {
        assert_eq!(normalize_serial("00:1A:bc"), "1abc");
        assert_eq!(normalize_serial("0000"), "0");
        assert_ne!(normalize_serial("1abd"), normalize_serial("1abc"));
    }

    #[test]
    fn a_revoked_serial_is_remembered_and_others_are_not() {
        let dir = tempfile::tempdir().unwrap();
        let slot = KeySlot::new(dir.path());
        assert!(!slot.is_revoked("1abc").unwrap());
        slot.mark_revoked("01:AB:C0").unwrap();
        slot.mark_revoked("1abc0").unwrap();
        assert!(slot.is_revoked("1ABC0").unwrap());
        assert!(!slot.is_revoked("1abc").unwrap());
        let stored: Vec<String> = read_json(&dir.path().join("revoked.json"))
            .unwrap()
            .unwrap();
        assert_eq!(stored, vec!["1abc0".to_string()]);
    }
}
