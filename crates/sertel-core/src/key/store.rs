//! The key file: PKCS#8 `EncryptedPrivateKeyInfo` under PBES2 (scrypt + AES-256-CBC), in PEM.
//!
//! The file is what `openssl pkcs8 -topk8 -scrypt` writes and what `openssl pkey` reads. It is
//! written atomically with mode 0600 and, like ssh, refused on load if group or others can read
//! it.

use std::path::{Path, PathBuf};

use der::asn1::OctetStringRef;
use der::pem::LineEnding;
use der::{Decode, Encode, Sequence};
use spki::AlgorithmIdentifierRef;

use super::pbe::{pbes2_decrypt, pbes2_encrypt, PbeError, Pbes2Kdf, MAX_SCRYPT_MEMORY};
use super::{KeyError, LocalKey, Passphrase};
use crate::atomic_file::{write_file_atomically, AtomicWriteError};

mod error;
pub use error::KeyFileError;

/// The PEM label of the key file.
pub const KEY_FILE_PEM_LABEL: &str = "ENCRYPTED PRIVATE KEY";

/// Key files larger than this are not key files.
const MAX_KEY_FILE_LEN: u64 = 64 * 1024;

/// scrypt parameters for a new key file.
///
/// The default, N = 2^14, r = 8, p = 4, uses 16 MiB and takes about 130 ms on the reference
/// machine (2 cores, scrypt at opt-level 3; about 185 ms while other builds load the machine).
/// N = 2^15 would double the memory to 32 MiB, but OpenSSL 3 refuses to read such a file (its
/// scrypt memory limit is 32 MiB including overhead), so the extra time comes from p.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// log2 of the CPU/memory cost N.
    pub log_n: u8,
    /// Block size r.
    pub r: u32,
    /// Parallelisation p (run sequentially, so it multiplies time, not memory).
    pub p: u32,
}

impl KdfParams {
    /// The parameters new key files use.
    pub const DEFAULT: KdfParams = KdfParams {
        log_n: 14,
        r: 8,
        p: 4,
    };

    /// The memory scrypt needs for these parameters, 128·r·N bytes.
    pub fn memory_bytes(&self) -> u64 {
        128 * u64::from(self.r) * (1u64 << self.log_n.min(63))
    }
}

impl Default for KdfParams {
    fn default() -> Self {
        KdfParams::DEFAULT
    }
}

/// How to save a key file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveOptions {
    /// Replace an existing file at the path (default: refuse).
    pub overwrite: bool,
    /// scrypt parameters.
    pub kdf: KdfParams,
}

#[derive(Sequence)]
struct EncryptedPrivateKeyInfoRef<'a> {
    algorithm: AlgorithmIdentifierRef<'a>,
    data: OctetStringRef<'a>,
}

/// Encrypts `key` under `passphrase` and returns the PEM text of the key file.
pub fn encrypt_key_pem(
    key: &LocalKey,
    passphrase: &Passphrase,
    kdf: KdfParams,
) -> Result<String, KeyFileError> {
    if passphrase.is_empty() {
        return Err(KeyFileError::EmptyPassphrase);
    }
    if kdf.memory_bytes() > MAX_SCRYPT_MEMORY || kdf.log_n == 0 || kdf.r == 0 || kdf.p == 0 {
        return Err(KeyFileError::InvalidKdfParams(kdf));
    }
    let plaintext = key.to_pkcs8_der()?;
    let kdf = Pbes2Kdf::Scrypt {
        log_n: kdf.log_n,
        r: kdf.r,
        p: kdf.p,
    };
    let (alg, ciphertext) = pbes2_encrypt(kdf, passphrase.expose().as_bytes(), &plaintext)
        .map_err(|_| KeyError::Export)?;
    let alg_der = alg.to_der().map_err(|_| KeyError::Export)?;
    let info = EncryptedPrivateKeyInfoRef {
        algorithm: AlgorithmIdentifierRef::from_der(&alg_der).map_err(|_| KeyError::Export)?,
        data: OctetStringRef::new(&ciphertext).map_err(|_| KeyError::Export)?,
    };
    let der = info.to_der().map_err(|_| KeyError::Export)?;
    Ok(
        der::pem::encode_string(KEY_FILE_PEM_LABEL, LineEnding::LF, &der)
            .map_err(|_| KeyError::Export)?,
    )
}

/// Decrypts a key file's contents (PEM, or DER `EncryptedPrivateKeyInfo`).
pub fn decrypt_key_pem(data: &[u8], passphrase: &Passphrase) -> Result<LocalKey, KeyFileError> {
    let text_start = data.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = text_start else {
        return Err(KeyFileError::Truncated);
    };
    let body = &data[start..];
    let der_owned;
    if b"-----BEGIN ".starts_with(body) {
        return Err(KeyFileError::Truncated);
    }
    let der: &[u8] = if body.starts_with(b"-----BEGIN") {
        if !pem_is_complete(body) {
            return Err(KeyFileError::Truncated);
        }
        let (label, bytes) = der::pem::decode_vec(body).map_err(|e| match e {
            der::pem::Error::HeaderDisallowed => KeyFileError::UnsupportedAlgorithm(
                "legacy OpenSSL PEM encryption (Proc-Type header)".into(),
            ),
            _ => KeyFileError::Corrupt("invalid PEM".into()),
        })?;
        match label {
            KEY_FILE_PEM_LABEL => {}
            "PRIVATE KEY" | "RSA PRIVATE KEY" | "EC PRIVATE KEY" => {
                return Err(KeyFileError::NotEncrypted)
            }
            other => {
                return Err(KeyFileError::Corrupt(format!(
                    "unexpected PEM label {other:?}"
                )))
            }
        }
        der_owned = zeroize::Zeroizing::new(bytes);
        &der_owned
    } else if body[0] == 0x30 {
        body
    } else {
        return Err(KeyFileError::Corrupt("neither PEM nor DER".into()));
    };
    let info = EncryptedPrivateKeyInfoRef::from_der(der).map_err(der_error)?;
    if info.algorithm.oid != pkcs5::pbes2::PBES2_OID {
        return Err(KeyFileError::UnsupportedAlgorithm(format!(
            "encryption scheme {}",
            info.algorithm.oid
        )));
    }
    let params = info
        .algorithm
        .parameters
        .ok_or_else(|| KeyFileError::Corrupt("PBES2 without parameters".into()))?;
    let plaintext = pbes2_decrypt(params, passphrase.expose().as_bytes(), info.data.as_bytes())
        .map_err(|e| match e {
            PbeError::Decrypt => KeyFileError::WrongPassphrase,
            PbeError::Unsupported(what) => KeyFileError::UnsupportedAlgorithm(what),
            PbeError::TooExpensive(what) => KeyFileError::KdfTooExpensive(what),
            PbeError::Malformed => KeyFileError::Corrupt("invalid PBES2 parameters".into()),
            PbeError::Internal => KeyFileError::Key(KeyError::Malformed),
        })?;
    // With a wrong passphrase the padding check passes about once in 256 tries; the garbage
    // then fails to parse as PKCS#8.
    if pkcs8::PrivateKeyInfo::from_der(&plaintext).is_err() {
        return Err(KeyFileError::WrongPassphrase);
    }
    LocalKey::from_pkcs8_der(&plaintext).map_err(|e| match e {
        KeyError::UnsupportedAlgorithm(what) => KeyFileError::UnsupportedAlgorithm(what),
        _ => KeyFileError::Corrupt("the decrypted private key is invalid".into()),
    })
}

/// Encrypts `key` and writes it to `path` atomically, mode 0600. Refuses to replace an existing
/// file unless `options.overwrite`.
pub fn save_key_file(
    path: &Path,
    key: &LocalKey,
    passphrase: &Passphrase,
    options: &SaveOptions,
) -> Result<(), KeyFileError> {
    if path.file_name().is_none() || path.is_dir() {
        return Err(KeyFileError::InvalidPath(path.to_owned()));
    }
    if !options.overwrite && path.symlink_metadata().is_ok() {
        return Err(KeyFileError::AlreadyExists(path.to_owned()));
    }
    let pem = encrypt_key_pem(key, passphrase, options.kdf)?;
    write_secret_file(path, pem.as_bytes(), options.overwrite)
}

/// Writes a secret file (a key file, a PKCS#12 backup) atomically with mode 0600; refuses to
/// replace an existing file unless `overwrite`.
pub fn write_secret_file(
    path: &Path,
    contents: &[u8],
    overwrite: bool,
) -> Result<(), KeyFileError> {
    write_file_atomically(path, contents, overwrite).map_err(|e| match e {
        AtomicWriteError::AlreadyExists => KeyFileError::AlreadyExists(path.to_owned()),
        AtomicWriteError::Io(source) => KeyFileError::Io {
            path: path.to_owned(),
            source,
        },
    })
}

/// Reads and decrypts the key file at `path`.
pub fn load_key_file(path: &Path, passphrase: &Passphrase) -> Result<LocalKey, KeyFileError> {
    let io_err = |source: std::io::Error| -> KeyFileError {
        if source.kind() == std::io::ErrorKind::NotFound {
            KeyFileError::NotFound(path.to_owned())
        } else {
            KeyFileError::Io {
                path: path.to_owned(),
                source,
            }
        }
    };
    let meta = std::fs::metadata(path).map_err(io_err)?;
    if !meta.is_file() {
        return Err(KeyFileError::InvalidPath(path.to_owned()));
    }
    check_permissions(path, &meta)?;
    if meta.len() > MAX_KEY_FILE_LEN {
        return Err(KeyFileError::Corrupt(
            "the file is too large to be a key file".into(),
        ));
    }
    let data = zeroize::Zeroizing::new(std::fs::read(path).map_err(io_err)?);
    decrypt_key_pem(&data, passphrase)
}

#[cfg(unix)]
fn check_permissions(path: &Path, meta: &std::fs::Metadata) -> Result<(), KeyFileError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(KeyFileError::PermissionsTooOpen {
            path: PathBuf::from(path),
            mode,
        });
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_permissions(_path: &Path, _meta: &std::fs::Metadata) -> Result<(), KeyFileError> {
    Ok(())
}

fn der_error(e: der::Error) -> KeyFileError {
    match e.kind() {
        der::ErrorKind::Incomplete { .. } => KeyFileError::Truncated,
        _ => KeyFileError::Corrupt("invalid DER structure".into()),
    }
}

/// Whether a PEM text has its complete `-----END <label>-----` line: a text cut off anywhere
/// lacks it.
fn pem_is_complete(pem: &[u8]) -> bool {
    let Some(rest) = pem.strip_prefix(b"-----BEGIN ") else {
        return false;
    };
    let Some(label_len) = rest.windows(5).position(|w| w == b"-----") else {
        return false;
    };
    let mut end = b"-----END ".to_vec();
    end.extend_from_slice(&rest[..label_len]);
    end.extend_from_slice(b"-----");
    rest.windows(end.len()).any(|w| w == end.as_slice())
}
