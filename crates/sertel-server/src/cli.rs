//! The command line: `serve` (the default), `admin create`, `audit verify`.

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use sertel_core::profile::validate_email;
use sqlx::Row;

use crate::audit::verify_chain;
use crate::auth::{hash_password, Role};
use crate::ca::CaError;
use crate::db::Db;
use crate::users::{create_user, NewUser};
use crate::{app, AppState, Config};

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
}

#[derive(Debug, Default, Args)]
struct ServeArgs {
    /// Address to listen on (default 127.0.0.1:8080).
    #[arg(long, env = "SERTEL_BIND")]
    bind: Option<SocketAddr>,
    /// The URL clients use to reach this server (goes into certificates); default http://<bind>.
    #[arg(long, env = "SERTEL_PUBLIC_URL")]
    public_url: Option<String>,
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
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => serve(config, args).await.map(|_| 0),
        Command::Admin(AdminCommand::Create {
            email,
            name,
            password_stdin,
        }) => admin_create(config, email, name, password_stdin)
            .await
            .map(|_| 0),
        Command::Audit(AuditCommand::Verify) => audit_verify(config).await,
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
    if let Some(bind) = args.bind {
        config.bind = bind;
        config.public_url = format!("http://{bind}");
    }
    if let Some(url) = args.public_url {
        config.public_url = url.trim_end_matches('/').to_owned();
    }
    let bind = config.bind;
    let state = AppState::open(config).await?;
    let listener = tokio::net::TcpListener::bind(bind).await?;
    let local = listener.local_addr()?;
    println!("sertel-server listening on http://{local}");
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
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
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
