//! Server configuration: everything has a default, so the server starts with none.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};

use sertel_core::profile::RegencyProfile;

/// The default address, 127.0.0.1:8080: loopback only and plain HTTP. Other interfaces are
/// for HTTPS ([`Config::tls`]) or a reverse proxy in front.
pub const DEFAULT_BIND: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080);

/// The default data directory, relative to the working directory.
pub const DEFAULT_DATA_DIR: &str = "./sertel-data";

/// Who issues the certificate of an application both verifiers approved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Issuance {
    /// The embedded CA, in the transaction of the second approval (the default).
    #[default]
    Embedded,
    /// The national CA (BSrE): the application waits in `approved` until a verifier uploads
    /// the certificate BSrE issued for its CSR.
    National,
}

/// How the server is configured.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where the SQLite database (when no `DATABASE_URL`), the documents and the CA passphrase
    /// file live.
    pub data_dir: PathBuf,
    /// `postgres://…` to run on PostgreSQL; `None` for the embedded SQLite database.
    pub database_url: Option<String>,
    /// The address to listen on.
    pub bind: SocketAddr,
    /// The URL clients reach this server at, without a trailing slash; goes into certificates
    /// (OCSP, CA issuer and CRL locations).
    pub public_url: String,
    /// The regency's subject profile and official mail domain.
    pub regency: RegencyProfile,
    /// The CA key's passphrase when given (`SERTEL_CA_PASSPHRASE`); otherwise one is generated
    /// and kept in `<data_dir>/ca-passphrase` (mode 0600).
    pub ca_passphrase: Option<String>,
    /// Who issues approved applications' certificates.
    pub issuance: Issuance,
    /// Serve HTTPS with this certificate and key; plain HTTP when `None`.
    pub tls: Option<crate::tls::TlsFiles>,
    /// The rate limit of `POST /tsa` per client address ([`DEFAULT_TSA_RATE`]).
    pub tsa_rate: crate::api::RateLimit,
    /// The rate limit of uploads to the verification page (`POST /v`, `POST /v/{id}`) per
    /// client address ([`DEFAULT_VERIFY_RATE`]).
    pub verify_rate: crate::api::RateLimit,
}

/// The default rate limit of uploads to the public verification page per client address: 30
/// a minute sustained, 10 at once. Each upload costs a full validation of up to 20 MiB.
pub const DEFAULT_VERIFY_RATE: crate::api::RateLimit = crate::api::RateLimit {
    per_minute: 30,
    burst: 10,
};

/// The default rate limit of the time-stamping endpoint per client address: 600 requests a
/// minute (10 a second) sustained, 60 at once. Signing a batch takes one time-stamp per
/// document, so an office signing a few dozen letters at once stays within it.
pub const DEFAULT_TSA_RATE: crate::api::RateLimit = crate::api::RateLimit {
    per_minute: 600,
    burst: 60,
};

impl Config {
    /// A configuration with every default, rooted at `data_dir`.
    pub fn with_data_dir(data_dir: impl Into<PathBuf>) -> Config {
        let bind = DEFAULT_BIND;
        Config {
            data_dir: data_dir.into(),
            database_url: None,
            bind,
            public_url: format!("http://{bind}"),
            regency: RegencyProfile::default(),
            ca_passphrase: None,
            issuance: Issuance::Embedded,
            tls: None,
            tsa_rate: DEFAULT_TSA_RATE,
            verify_rate: DEFAULT_VERIFY_RATE,
        }
    }

    /// The SQLite database file used when `database_url` is `None`.
    pub fn sqlite_path(&self) -> PathBuf {
        self.data_dir.join("sertel.db")
    }

    /// The directory of the content-addressed documents.
    pub fn documents_dir(&self) -> PathBuf {
        self.data_dir.join("documents")
    }

    /// The file holding the generated CA passphrase.
    pub fn ca_passphrase_path(&self) -> PathBuf {
        self.data_dir.join("ca-passphrase")
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Creates the data directory if missing, readable by this user only (0700): it holds the
    /// database, the applicants' documents and possibly the CA passphrase.
    pub fn ensure_data_dir(&self) -> std::io::Result<()> {
        use std::os::unix::fs::DirBuilderExt;
        if self.data_dir.is_dir() {
            return Ok(());
        }
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&self.data_dir)
    }
}
