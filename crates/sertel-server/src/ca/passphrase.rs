//! Where the CA key's passphrase comes from.
//!
//! `SERTEL_CA_PASSPHRASE` when set (the operator keeps it outside the data directory, e.g. in a
//! systemd credential; required for a second instance on a shared PostgreSQL database).
//! Otherwise a random one is generated on first start and kept in `<data dir>/ca-passphrase`,
//! mode 0600: zero configuration, but anyone who can read the data directory can use the key,
//! so the file protects against a leaked database dump or backup of the database alone, not
//! against a stolen data directory.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;

use sertel_core::key::Passphrase;

use super::CaError;
use crate::ids::random_bytes;
use crate::Config;

/// The CA passphrase: from the configuration, else from (or newly into) the passphrase file.
pub fn ca_passphrase(config: &Config) -> Result<Passphrase, CaError> {
    if let Some(p) = config.ca_passphrase.as_deref().filter(|p| !p.is_empty()) {
        return Ok(Passphrase::new(p));
    }
    let path = config.ca_passphrase_path();
    match std::fs::read_to_string(&path) {
        Ok(p) if !p.trim().is_empty() => return Ok(Passphrase::new(p.trim())),
        Ok(_) => {
            return Err(CaError::PassphraseFile(std::io::Error::other(
                "the file is empty",
            )))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(CaError::PassphraseFile(e)),
    }
    let generated = hex::encode(random_bytes::<32>());
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&path)
        .map_err(CaError::PassphraseFile)?;
    f.write_all(generated.as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(CaError::PassphraseFile)?;
    Ok(Passphrase::new(generated))
}
