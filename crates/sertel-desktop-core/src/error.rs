//! The one error type of the desktop logic: every variant has a stable `kind` and a message in
//! both languages ([`Localized`]), and errors of `sertel-core` travel inside it unchanged.

use std::path::PathBuf;

use sertel_core::i18n::{Lang, Localized, Text};
use sertel_core::profile::ProfileError;

/// Why a desktop operation failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DesktopError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file the app keeps (profile, settings, key facts) is not what the app writes.
    #[error("{path}: {detail}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
    /// The profile has problems; each names its field.
    #[error("the profile has {} problem(s)", .0.len())]
    Profile(Vec<ProfileError>),
    /// The profile must be saved before a key is made (the passphrase is checked against it).
    #[error("no profile saved yet")]
    NoProfile,
    /// No key has been created or imported yet.
    #[error("no key yet")]
    NoKey,
    /// A key exists already; the app never replaces it silently.
    #[error("a key exists already")]
    KeyExists,
    /// The key has no certificate yet, so it cannot sign.
    #[error("the key has no certificate yet")]
    NoCertificate,
    /// A certificate offered for the key belongs to another key.
    #[error("the certificate belongs to another key")]
    CertificateForAnotherKey,
    /// The passphrase and its repetition differ.
    #[error("the two passphrases differ")]
    PassphraseMismatch,
    /// The passphrase field was left empty.
    #[error("no passphrase given")]
    PassphraseMissing,
    /// A server address in the settings is not an `http://` or `https://` URL.
    #[error("not an http(s) address: {0}")]
    InvalidUrl(String),
    /// The Sertel server's address uses plain HTTP to another computer.
    #[error("plain http to another computer: {0}")]
    PlainHttp(String),
    /// A file offered as a certificate holds none that can be read.
    #[error("{path}: not a certificate: {detail}")]
    NotACertificate {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        detail: String,
    },
    /// No file was chosen.
    #[error("no file chosen")]
    NoFiles,
    /// The file is not there.
    #[error("file not found: {0}")]
    FileNotFound(PathBuf),
    /// The chosen page does not exist in the document.
    #[error("page {page} of a {pages}-page document")]
    PageOutOfRange {
        /// The page asked for (1-based).
        page: usize,
        /// How many pages the document has.
        pages: usize,
    },
    /// A certificate file holds no usable CA certificate.
    #[error("not a CA certificate: {0}")]
    NotCaCertificate(PathBuf),
    /// The key's certificate was revoked: the key must not sign again.
    #[error("the certificate {serial} was revoked")]
    KeyRevoked {
        /// The revoked certificate's serial number (hex).
        serial: String,
    },
    /// The application form is incomplete (a document or the consent is missing).
    #[error("application incomplete: {0}")]
    ApplicationIncomplete(&'static str),
    /// An error of `sertel-core`, captured in both languages.
    #[error("{}", .0.en)]
    Core(Text),
}

impl DesktopError {
    /// Wraps an error of `sertel-core` (or anything [`Localized`]).
    pub fn core(e: impl Localized) -> DesktopError {
        DesktopError::Core(Text::of(&e))
    }

    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> DesktopError {
        let path = path.into();
        move |source| DesktopError::Io { path, source }
    }

    /// Technical detail for the curious (a path, an OS error), kept out of the message.
    pub fn detail(&self) -> Option<String> {
        match self {
            DesktopError::Io { path, source } => Some(format!("{}: {source}", path.display())),
            DesktopError::Corrupt { path, detail } => Some(format!("{}: {detail}", path.display())),
            DesktopError::NotACertificate { path, detail } => {
                Some(format!("{}: {detail}", path.display()))
            }
            DesktopError::FileNotFound(p) | DesktopError::NotCaCertificate(p) => {
                Some(p.display().to_string())
            }
            _ => None,
        }
    }
}

impl Localized for DesktopError {
    fn kind(&self) -> &'static str {
        match self {
            DesktopError::Io { .. } => "io",
            DesktopError::Corrupt { .. } => "stored_file_corrupt",
            DesktopError::Profile(_) => "profile_invalid",
            DesktopError::NoProfile => "no_profile",
            DesktopError::NoKey => "no_key",
            DesktopError::KeyExists => "key_exists",
            DesktopError::NoCertificate => "no_certificate",
            DesktopError::CertificateForAnotherKey => "certificate_for_another_key",
            DesktopError::PassphraseMismatch => "passphrase_mismatch",
            DesktopError::PassphraseMissing => "passphrase_missing",
            DesktopError::InvalidUrl(_) => "invalid_url",
            DesktopError::PlainHttp(_) => "plain_http",
            DesktopError::NotACertificate { .. } => "not_a_certificate",
            DesktopError::NoFiles => "no_files",
            DesktopError::FileNotFound(_) => "file_not_found",
            DesktopError::PageOutOfRange { .. } => "page_out_of_range",
            DesktopError::NotCaCertificate(_) => "not_ca_certificate",
            DesktopError::KeyRevoked { .. } => "key_revoked",
            DesktopError::ApplicationIncomplete(_) => "application_incomplete",
            DesktopError::Core(t) => t.kind,
        }
    }

    fn message(&self, lang: Lang) -> String {
        use DesktopError as E;
        let (id, en): (String, String) = match self {
            E::Io { path, .. } => (
                format!("Berkas {} tidak dapat dibaca atau ditulis.", path.display()),
                format!("The file {} cannot be read or written.", path.display()),
            ),
            E::Corrupt { path, .. } => (
                format!("Berkas {} rusak atau bukan buatan Sertel.", path.display()),
                format!("The file {} is damaged or not Sertel's.", path.display()),
            ),
            E::Profile(problems) => (
                join(problems, Lang::Id, "Profil belum benar: "),
                join(problems, Lang::En, "The profile is not right yet: "),
            ),
            E::NoProfile => (
                "Isi dan simpan profil Anda terlebih dahulu.".into(),
                "Fill in and save your profile first.".into(),
            ),
            E::NoKey => (
                "Belum ada kunci. Buat atau impor kunci di halaman Kunci.".into(),
                "There is no key yet. Create or import one on the Key page.".into(),
            ),
            E::KeyExists => (
                "Kunci sudah ada. Kunci lama tidak akan ditimpa.".into(),
                "A key exists already. The existing key is never replaced.".into(),
            ),
            E::NoCertificate => (
                "Kunci ini belum memiliki sertifikat, jadi belum dapat menandatangani. \
                 Impor berkas PKCS#12 berisi kunci dan sertifikat, atau ajukan permohonan \
                 sertifikat."
                    .into(),
                "This key has no certificate yet, so it cannot sign. Import a PKCS#12 file \
                 holding a key and its certificate, or apply for a certificate."
                    .into(),
            ),
            E::CertificateForAnotherKey => (
                "Sertifikat ini milik kunci lain.".into(),
                "This certificate belongs to another key.".into(),
            ),
            E::PassphraseMismatch => (
                "Kedua frasa sandi tidak sama.".into(),
                "The two passphrases differ.".into(),
            ),
            E::PassphraseMissing => (
                "Masukkan frasa sandi.".into(),
                "Enter the passphrase.".into(),
            ),
            E::InvalidUrl(v) => (
                format!("Alamat harus diawali http:// atau https://, bukan \"{v}\"."),
                format!("The address must start with http:// or https://, not \"{v}\"."),
            ),
            E::PlainHttp(v) => (
                format!(
                    "Alamat server harus memakai https:// (\"{v}\" tidak terenkripsi). \
                     http:// hanya boleh untuk server di komputer ini (localhost, 127.0.0.1)."
                ),
                format!(
                    "The server address must use https:// (\"{v}\" is not encrypted). \
                     http:// is only allowed for a server on this computer (localhost, 127.0.0.1)."
                ),
            ),
            E::NotACertificate { path, .. } => (
                format!("{} bukan berkas sertifikat (PEM atau DER).", path.display()),
                format!("{} is not a certificate file (PEM or DER).", path.display()),
            ),
            E::NoFiles => (
                "Pilih satu berkas PDF atau lebih.".into(),
                "Choose one or more PDF files.".into(),
            ),
            E::FileNotFound(p) => (
                format!("Berkas {} tidak ditemukan.", p.display()),
                format!("The file {} was not found.", p.display()),
            ),
            E::PageOutOfRange { page, pages } => (
                format!("Halaman {page} tidak ada: dokumen ini {pages} halaman."),
                format!("There is no page {page}: the document has {pages} pages."),
            ),
            E::NotCaCertificate(p) => (
                format!(
                    "{} tidak berisi sertifikat CA yang dapat dipakai.",
                    p.display()
                ),
                format!("{} holds no usable CA certificate.", p.display()),
            ),
            E::KeyRevoked { serial } => (
                format!(
                    "Sertifikat kunci ini (nomor seri {serial}) sudah dicabut. \
                     Kunci ini tidak boleh lagi dipakai untuk menandatangani."
                ),
                format!(
                    "This key's certificate (serial {serial}) has been revoked. \
                     The key may no longer be used to sign."
                ),
            ),
            E::ApplicationIncomplete(what) => (
                format!("Permohonan belum lengkap: {}.", incomplete_id(what)),
                format!("The application is incomplete: {what}."),
            ),
            E::Core(t) => (t.id.clone(), t.en.clone()),
        };
        lang.pick(id, en)
    }
}

fn incomplete_id(what: &str) -> &'static str {
    match what {
        "consent" => "kewajiban Pasal 19 dan larangan Pasal 20 belum disetujui",
        "passphrase" => "frasa sandi kunci diperlukan untuk membuat permintaan sertifikat",
        "recommendation letter" => "surat rekomendasi belum dilampirkan",
        "KTP" => "KTP belum dilampirkan",
        "SK Jabatan" => "SK Jabatan belum dilampirkan",
        "SK Pangkat" => "SK Pangkat belum dilampirkan",
        "photo" => "pas foto belum dilampirkan",
        "request letter" => "surat permohonan segel belum dilampirkan",
        "statement letter" => "surat pernyataan kehilangan kunci belum dilampirkan",
        _ => "ada isian yang kosong",
    }
}

fn join(problems: &[ProfileError], lang: Lang, head: &str) -> String {
    let list: Vec<String> = problems.iter().map(|p| p.message(lang)).collect();
    format!("{head}{}", list.join(" "))
}
