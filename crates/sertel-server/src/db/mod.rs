//! The database: one connection pool over SQLite or PostgreSQL, chosen at start.
//!
//! Queries are written once in the SQL both engines accept (`$1` placeholders, `BIGINT`,
//! `TEXT`, RFC 3339 timestamps as text) and run through sqlx's `Any` driver; only the schema is
//! written twice (`migrations/sqlite`, `migrations/postgres`). See the crate README for why.

mod write_tx;

use std::path::Path;
use std::str::FromStr;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use sqlx::{AnyPool, ConnectOptions, Row};

pub use write_tx::WriteTx;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("migrations/postgres");

/// Which engine a [`Db`] runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// The embedded SQLite database (WAL mode, foreign keys on).
    Sqlite,
    /// A PostgreSQL server, possibly shared by several instances.
    Postgres,
}

/// The connection pool and the engine it talks to.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
}

impl Db {
    /// Opens (creating it if needed) the SQLite database at `path`, in WAL mode.
    pub async fn open_sqlite(path: &Path) -> Result<Db, sqlx::Error> {
        let path = path
            .to_str()
            .ok_or_else(|| sqlx::Error::Configuration("database path is not UTF-8".into()))?;
        Db::connect(&format!("sqlite://{path}?mode=rwc")).await
    }

    /// Connects to `url` (`sqlite://…` or `postgres://…`) and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(sqlx::Error::Configuration(
                "DATABASE_URL must start with postgres:// (or sqlite://)".into(),
            ));
        };
        let options = AnyConnectOptions::from_str(url)?.disable_statement_logging();
        let max = match backend {
            Backend::Sqlite => 4,
            Backend::Postgres => 8,
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            // WAL is a property of the database file: set once, every connection then uses it.
            let row = sqlx::query("PRAGMA journal_mode = WAL")
                .fetch_one(&pool)
                .await?;
            let mode: String = row.try_get(0)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(sqlx::Error::Configuration(
                    format!("SQLite refused WAL mode (got {mode})").into(),
                ));
            }
        }
        let db = Db { pool, backend };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<(), sqlx::Error> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await?;
        Ok(())
    }

    /// The pool, for reads.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// The engine.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction that changes state; see [`WriteTx`].
    pub async fn begin_write(&self) -> Result<WriteTx, sqlx::Error> {
        WriteTx::begin(&self.pool).await
    }

    /// Closes the pool.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
