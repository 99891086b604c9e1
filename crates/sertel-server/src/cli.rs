//! The command line: `serve` (the default), `admin create`, `audit verify`, `backup`,
//! `restore`.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;

use axum::serve::ListenerExt;
use clap::{Args, Parser, Subcommand};
use sertel_core::profile::validate_email;
use sqlx::Row;

use crate::audit::verify_chain;
use crate::auth::{hash_password, Role};
use crate::backup::{backup, restore, BackupError};
use crate::ca::CaError;
use crate::db::Db;
use crate::tls::{server_config, TlsError, TlsFiles, TlsListener};
use crate::users::{create_user, NewUser};
use crate::{app, AppState, Config, Issuance};

/// Sertel server: the Dinas registration authority with an embedded CA.
#[derive(Debug, Parser)]
#[command(name = "sertel-server", version)]
pub struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Args)]
struct Global {
    /// Data directory: SQLite database, documents, CA passphrase file.
    #[arg(long, env = "SERTEL_DATA", default_value = crate::config::DEFAULT_DATA_DIR, global = true)]
    data_dir: PathBuf,
    /// PostgreSQL URL (postgres://…); without it the embedded SQLite database is used.
    #[arg(long, env = "DATABASE_URL", global = true)]
    database_url: Option<String>,
    /// The official e-mail domain of owners and staff.
    #[arg(
        long,
        env = "SERTEL_EMAIL_DOMAIN",
        default_value = "muaraenimkab.go.id",
        global = true
    )]
    email_domain: String,
}

/// `serve`'s arguments alone, for a command line without a subcommand.
#[derive(Debug, Parser)]
struct ServeOnly {
    #[command(flatten)]
    args: ServeArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the server (the default).
    Serve(ServeArgs),
    /// Administrator accounts.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Write a consistent backup (database, documents, CA passphrase file) into the new
    /// directory DEST while the server runs.
    Backup {
        /// The backup directory to create (must not exist, or be empty).
        dest: PathBuf,
    },
    /// Restore the backup in SRC into a new data directory (--data-dir; missing or empty) and,
    /// for a PostgreSQL backup, into the empty database of DATABASE_URL; then verify it.
    Restore {
        /// The backup directory.
        src: PathBuf,
    },
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Address to listen on (default 127.0.0.1:8080).
    #[arg(long, env = "SERTEL_BIND")]
    bind: Option<SocketAddr>,
    /// The URL clients use to reach this server (goes into certificates); default
    /// http://<bind>, or https://<bind> with a TLS certificate.
    #[arg(long, env = "SERTEL_PUBLIC_URL")]
    public_url: Option<String>,
    /// Who issues the certificate once both verifiers approved: the embedded CA, or the
    /// national CA (a verifier then uploads the certificate it issued).
    #[arg(long, env = "SERTEL_ISSUANCE", value_enum, default_value = "embedded")]
    issuance: Issuance,
    /// Serve HTTPS with this certificate chain (PEM, server certificate first); needs
    /// --tls-key. Without it the server speaks plain HTTP (loopback, or behind a reverse proxy).
    #[arg(long, env = "SERTEL_TLS_CERT", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The private key (PEM: PKCS#8, PKCS#1 or SEC1) of --tls-cert.
    #[arg(long, env = "SERTEL_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Time-stamp requests (POST /tsa) a client address may make per minute, sustained; 0
    /// turns the limit off (behind a reverse proxy every client has the proxy's address).
    #[arg(long, env = "SERTEL_TSA_RATE", default_value_t = crate::config::DEFAULT_TSA_RATE.per_minute)]
    tsa_rate: u32,
    /// Time-stamp requests a client address may make at once after a quiet spell.
    #[arg(long, env = "SERTEL_TSA_BURST", default_value_t = crate::config::DEFAULT_TSA_RATE.burst)]
    tsa_burst: u32,
    /// Uploads to the public verification page (POST /v) a client address may make per minute,
    /// sustained; 0 turns the limit off.
    #[arg(long, env = "SERTEL_VERIFY_RATE", default_value_t = crate::config::DEFAULT_VERIFY_RATE.per_minute)]
    verify_rate: u32,
    /// Uploads to the verification page a client address may make at once.
    #[arg(long, env = "SERTEL_VERIFY_BURST", default_value_t = crate::config::DEFAULT_VERIFY_RATE.burst)]
    verify_burst: u32,
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Create an administrator (the first one, or another).
    Create {
        /// Official e-mail address (the login name).
        #[arg(long)]
        email: String,
        /// Full name.
        #[arg(long)]
        name: String,
        /// Read the password from the first line of standard input instead of prompting.
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Check every link and hash of the audit chain; exit status 1 if it is broken.
    Verify,
}

/// Starting failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StartError {
    /// The data directory or a file in it.
    #[error("data directory: {0}")]
    Io(#[from] std::io::Error),
    /// The database.
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// The CA.
    #[error(transparent)]
    Ca(#[from] CaError),
    /// The TLS certificate or key.
    #[error(transparent)]
    Tls(#[from] TlsError),
    /// A backup or restore.
    #[error("backup: {0}")]
    Backup(#[from] BackupError),
    /// Anything else, already explained.
    #[error("{0}")]
    Other(String),
}

impl Global {
    fn config(&self) -> Config {
        let mut c = Config::with_data_dir(&self.data_dir);
        c.database_url = self.database_url.clone().filter(|u| !u.is_empty());
        c.regency.email_domain = self.email_domain.trim().to_ascii_lowercase();
        c.ca_passphrase = std::env::var("SERTEL_CA_PASSPHRASE").ok();
        c
    }
}

/// Runs the parsed command; returns the process exit code.
pub async fn run(cli: Cli) -> Result<i32, StartError> {
    let config = cli.global.config();
    let command = match cli.command {
        Some(c) => c,
        // No subcommand: `serve` with its settings from the environment and defaults.
        None => Command::Serve(ServeOnly::parse_from(["sertel-server"]).args),
    };
    match command {
        Command::Serve(args) => serve(config, args).await.map(|_| 0),
        Command::Admin(AdminCommand::Create {
            email,
            name,
            password_stdin,
        }) => admin_create(config, email, name, password_stdin)
            .await
            .map(|_| 0),
        Command::Audit(AuditCommand::Verify) => audit_verify(config).await,
        Command::Backup { dest } => backup_command(config, dest).await.map(|_| 0),
        Command::Restore { src } => restore_command(config, src).await.map(|_| 0),
    }
}

async fn open_db(config: &Config) -> Result<Db, StartError> {
    config.ensure_data_dir()?;
    Ok(match &config.database_url {
        Some(url) => Db::connect(url).await?,
        None => Db::open_sqlite(&config.sqlite_path()).await?,
    })
}

async fn serve(mut config: Config, args: ServeArgs) -> Result<(), StartError> {
    config.issuance = args.issuance;
    config.tsa_rate = crate::api::RateLimit {
        per_minute: args.tsa_rate,
        burst: args.tsa_burst,
    };
    config.verify_rate = crate::api::RateLimit {
        per_minute: args.verify_rate,
        burst: args.verify_burst,
    };
    if let (Some(cert), Some(key)) = (args.tls_cert, args.tls_key) {
        config.tls = Some(TlsFiles { cert, key });
    }
    let scheme = if config.tls.is_some() {
        "https"
    } else {
        "http"
    };
    let bind = args.bind.unwrap_or(config.bind);
    config.bind = bind;
    config.public_url = match args.public_url {
        Some(url) => url.trim_end_matches('/').to_owned(),
        None => format!("{scheme}://{bind}"),
    };
    // Before anything is created: a bad certificate or key stops the start.
    let tls = config.tls.as_ref().map(server_config).transpose()?;
    let state = AppState::open(config).await?;
    let listener = tokio::net::TcpListener::bind(bind).await?;
    let local = listener.local_addr()?;
    println!("sertel-server listening on {scheme}://{local}");
    println!("data directory: {}", state.config().data_dir.display());
    let admins: i64 = sqlx::query("SELECT COUNT(*) FROM users WHERE role = 'admin'")
        .fetch_one(state.db().pool())
        .await?
        .try_get(0)?;
    if admins == 0 {
        println!(
            "no administrator yet; create the first one with:\n  sertel-server --data-dir {} \
             admin create --email admin@{} --name \"Full Name\"",
            state.config().data_dir.display(),
            state.config().regency.email_domain
        );
    }
    crate::crl::spawn_refresher(state.clone());
    let router = app(state).into_make_service_with_connect_info::<SocketAddr>();
    match tls {
        None => {
            axum::serve(listener, router)
                .with_graceful_shutdown(shutdown_signal())
                .await?
        }
        Some(tls) => {
            // `tap_io` (a no-op here) is what gives a custom listener's connections their
            // peer address as `ConnectInfo<SocketAddr>`, which the login rate limit reads.
            let listener = TlsListener::new(listener, tls)?.tap_io(|_| {});
            axum::serve(listener, router)
                .with_graceful_shutdown(shutdown_signal())
                .await?
        }
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
        Ok(s) => s,
        Err(_) => {
            let _ = ctrl_c.await;
            return;
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = term.recv() => {},
    }
}

fn read_password(from_stdin: bool) -> Result<String, StartError> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("Password: ")?;
    let second = rpassword::prompt_password("Password again: ")?;
    if first != second {
        return Err(StartError::Other("the passwords differ".into()));
    }
    Ok(first)
}

async fn admin_create(
    config: Config,
    email: String,
    name: String,
    password_stdin: bool,
) -> Result<(), StartError> {
    let email = validate_email(&email, &config.regency.email_policy())
        .map_err(|e| StartError::Other(e.to_string()))?;
    let password = read_password(password_stdin)?;
    let password_hash = hash_password(password)
        .await
        .map_err(|e| StartError::Other(e.to_string()))?;
    let db = open_db(&config).await?;
    let new = NewUser {
        role: Role::Admin,
        email,
        password_hash,
        full_name: name.trim().to_owned(),
        nip: None,
        nik: None,
        title: None,
        unit: None,
        rank: None,
        phone: None,
    };
    let mut tx = db.begin_write().await?;
    let user = create_user(&mut tx, Some("cli"), new)
        .await
        .map_err(|e| StartError::Other(e.to_string()))?;
    tx.commit()
        .await
        .map_err(|e| StartError::Other(e.to_string()))?;
    println!("administrator {} created (id {})", user.email, user.id);
    db.close().await;
    Ok(())
}

async fn audit_verify(config: Config) -> Result<i32, StartError> {
    let db = open_db(&config).await?;
    let result = verify_chain(db.pool()).await;
    db.close().await;
    match result {
        Ok(report) => {
            println!(
                "audit chain intact: {} entries, head {}",
                report.entries, report.head_hash
            );
            Ok(0)
        }
        Err(e) => {
            eprintln!("audit chain BROKEN: {e}");
            Ok(1)
        }
    }
}

async fn backup_command(config: Config, dest: PathBuf) -> Result<(), StartError> {
    let m = backup(&config, &dest).await?;
    let s = &m.summary;
    println!(
        "backup written to {}: {} users, {} applications, {} certificates, {} revocations, \
         {} audit entries (head {}), {} files",
        dest.display(),
        s.users,
        s.applications,
        s.certificates,
        s.revocations,
        s.audit_entries,
        s.audit_head,
        m.files.len()
    );
    if !m.ca_passphrase_included {
        println!(
            "the CA passphrase comes from SERTEL_CA_PASSPHRASE and is NOT in the backup: keep \
             it safe separately, restoring needs it"
        );
    }
    Ok(())
}

async fn restore_command(config: Config, src: PathBuf) -> Result<(), StartError> {
    let report = restore(&config, &src).await?;
    let s = &report.summary;
    println!(
        "restored into {}: {} users, {} applications, {} certificates, {} revocations; audit \
         chain intact: {} entries, head {}",
        config.data_dir.display(),
        s.users,
        s.applications,
        s.certificates,
        s.revocations,
        s.audit_entries,
        s.audit_head
    );
    if !report.ca_key_opened {
        println!("set SERTEL_CA_PASSPHRASE to the CA passphrase before starting the server");
    }
    Ok(())
}
