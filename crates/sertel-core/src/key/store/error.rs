//! Errors of the key file.

use std::path::PathBuf;

use super::KdfParams;
use crate::i18n::{Lang, Localized};
use crate::key::KeyError;

/// Why a key file could not be written or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyFileError {
    /// There is no file at the path.
    #[error("key file not found: {0}")]
    NotFound(PathBuf),
    /// A file already exists at the path and overwriting was not asked for.
    #[error("a file already exists at {0}")]
    AlreadyExists(PathBuf),
    /// The key file can be read by the group or by others; it is refused, as ssh does.
    #[error("key file {path} is readable by others (mode {mode:o}); run chmod 600")]
    PermissionsTooOpen {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The passphrase does not open the key file.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The file is not a valid key file (bad PEM or DER).
    #[error("the key file is corrupt: {0}")]
    Corrupt(String),
    /// The file ends early: it was cut off while copying or writing.
    #[error("the key file is truncated")]
    Truncated,
    /// The file holds an unencrypted private key; Sertel only reads encrypted key files.
    #[error("the key file is not encrypted")]
    NotEncrypted,
    /// The key, KDF or cipher in the file is not supported.
    #[error("unsupported algorithm in the key file: {0}")]
    UnsupportedAlgorithm(String),
    /// The file's KDF parameters ask for more memory or time than Sertel allows.
    #[error("the key file's KDF parameters are too expensive: {0}")]
    KdfTooExpensive(String),
    /// Caller misuse: an empty passphrase was given for a new key file.
    #[error("an empty passphrase cannot protect a key file")]
    EmptyPassphrase,
    /// Caller misuse: scrypt parameters out of range (zero, or more than 32 MiB).
    #[error("invalid scrypt parameters {0:?}")]
    InvalidKdfParams(KdfParams),
    /// Caller misuse: the path is a directory or has no file name.
    #[error("not a usable key file path: {0}")]
    InvalidPath(PathBuf),
    /// Reading or writing failed; no partial file was left behind.
    #[error("I/O error on {path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The key itself could not be exported.
    #[error(transparent)]
    Key(#[from] KeyError),
}

impl Localized for KeyFileError {
    fn kind(&self) -> &'static str {
        match self {
            KeyFileError::NotFound(_) => "key_file_not_found",
            KeyFileError::AlreadyExists(_) => "key_file_exists",
            KeyFileError::PermissionsTooOpen { .. } => "key_file_permissions_too_open",
            KeyFileError::WrongPassphrase => "wrong_passphrase",
            KeyFileError::Corrupt(_) => "key_file_corrupt",
            KeyFileError::Truncated => "key_file_truncated",
            KeyFileError::NotEncrypted => "key_file_not_encrypted",
            KeyFileError::UnsupportedAlgorithm(_) => "key_file_unsupported_algorithm",
            KeyFileError::KdfTooExpensive(_) => "key_file_kdf_too_expensive",
            KeyFileError::EmptyPassphrase => "empty_passphrase",
            KeyFileError::InvalidKdfParams(_) => "invalid_kdf_params",
            KeyFileError::InvalidPath(_) => "invalid_key_path",
            KeyFileError::Io { .. } => "key_file_io",
            KeyFileError::Key(e) => e.kind(),
        }
    }

    fn message(&self, lang: Lang) -> String {
        use KeyFileError as E;
        match (self, lang) {
            (E::NotFound(p), Lang::Id) => format!("Berkas kunci tidak ditemukan: {}.", p.display()),
            (E::NotFound(p), Lang::En) => format!("Key file not found: {}.", p.display()),
            (E::AlreadyExists(p), Lang::Id) => format!(
                "Sudah ada berkas di {}. Berkas itu tidak ditimpa; pilih nama lain atau \
                 nyatakan penimpaan secara tegas.",
                p.display()
            ),
            (E::AlreadyExists(p), Lang::En) => format!(
                "A file already exists at {}. It was not overwritten; choose another name or \
                 ask explicitly to overwrite it.",
                p.display()
            ),
            (E::PermissionsTooOpen { path, mode }, Lang::Id) => format!(
                "Berkas kunci {} dapat dibaca pengguna lain (izin {mode:o}). Demi keamanan \
                 berkas ini ditolak; jalankan: chmod 600 {}",
                path.display(),
                path.display()
            ),
            (E::PermissionsTooOpen { path, mode }, Lang::En) => format!(
                "Key file {} can be read by other users (mode {mode:o}). It is refused for \
                 safety; run: chmod 600 {}",
                path.display(),
                path.display()
            ),
            (E::WrongPassphrase, Lang::Id) => "Frasa sandi salah.".into(),
            (E::WrongPassphrase, Lang::En) => "Wrong passphrase.".into(),
            (E::Corrupt(d), Lang::Id) => format!("Berkas kunci rusak ({d})."),
            (E::Corrupt(d), Lang::En) => format!("The key file is corrupt ({d})."),
            (E::Truncated, Lang::Id) => {
                "Berkas kunci terpotong (tidak lengkap). Pulihkan dari cadangan.".into()
            }
            (E::Truncated, Lang::En) => {
                "The key file is truncated (incomplete). Restore it from a backup.".into()
            }
            (E::NotEncrypted, Lang::Id) => {
                "Berkas ini berisi kunci privat tanpa enkripsi; Sertel hanya memakai berkas \
                 kunci yang dilindungi frasa sandi."
                    .into()
            }
            (E::NotEncrypted, Lang::En) => {
                "This file holds an unencrypted private key; Sertel only uses key files \
                 protected by a passphrase."
                    .into()
            }
            (E::UnsupportedAlgorithm(w), Lang::Id) => {
                format!("Algoritma dalam berkas kunci tidak didukung: {w}.")
            }
            (E::UnsupportedAlgorithm(w), Lang::En) => {
                format!("Unsupported algorithm in the key file: {w}.")
            }
            (E::KdfTooExpensive(w), Lang::Id) => format!(
                "Parameter penurunan kunci dalam berkas ini ({w}) memerlukan memori atau waktu \
                 melebihi batas Sertel."
            ),
            (E::KdfTooExpensive(w), Lang::En) => format!(
                "The key-derivation parameters in this file ({w}) need more memory or time than \
                 Sertel allows."
            ),
            (E::EmptyPassphrase, Lang::Id) => "Frasa sandi tidak boleh kosong.".into(),
            (E::EmptyPassphrase, Lang::En) => "The passphrase must not be empty.".into(),
            (E::InvalidKdfParams(k), Lang::Id) => format!("Parameter scrypt tidak sah: {k:?}."),
            (E::InvalidKdfParams(k), Lang::En) => format!("Invalid scrypt parameters: {k:?}."),
            (E::InvalidPath(p), Lang::Id) => {
                format!("Lokasi berkas kunci tidak dapat dipakai: {}.", p.display())
            }
            (E::InvalidPath(p), Lang::En) => {
                format!("The key file location cannot be used: {}.", p.display())
            }
            (E::Io { path, source }, Lang::Id) => format!(
                "Gagal membaca atau menulis {}: {source}. Tidak ada berkas setengah jadi yang \
                 tertinggal.",
                path.display()
            ),
            (E::Io { path, source }, Lang::En) => format!(
                "Could not read or write {}: {source}. No partial file was left behind.",
                path.display()
            ),
            (E::Key(e), lang) => e.message(lang),
        }
    }
}
