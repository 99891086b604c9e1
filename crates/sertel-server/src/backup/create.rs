//! Writing a backup (see the module documentation for what and in which order).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use sqlx::any::AnyConnectOptions;
use sqlx::{ConnectOptions, Connection};

use super::files::{copy_file, create_dir, documents_in, missing_or_empty, sha256_file, sync_dir};
use super::manifest::engine_name;
use super::summary::{self, Summary};
use super::{
    postgres, BackupError, Manifest, DOCUMENTS_DIR, FORMAT, PASSPHRASE_FILE, PGDUMP_FILE,
    SQLITE_FILE,
};
use crate::db::{Backend, Db};
use crate::ids::now_rfc3339;
use crate::Config;

/// Backs up the server of `config` into the new directory `dest` (missing or empty), while the
/// server keeps running; returns the manifest written.
pub async fn backup(config: &Config, dest: &Path) -> Result<Manifest, BackupError> {
    if !missing_or_empty(dest)? {
        return Err(BackupError::Refused(format!(
            "{} exists and is not empty; name a new directory",
            dest.display()
        )));
    }
    let partial = partial_dir(dest)?;
    if partial.exists() {
        return Err(BackupError::Refused(format!(
            "{} exists (left by an interrupted backup?); remove it first",
            partial.display()
        )));
    }
    let db = open_source(config).await?;
    create_dir(&partial)?;
    let result = write_into(config, &db, &partial).await;
    db.close().await;
    let finished = result.and_then(|manifest| {
        sync_dir(&partial)?;
        std::fs::rename(&partial, dest).map_err(BackupError::io(dest))?;
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            sync_dir(parent)?;
        }
        Ok(manifest)
    });
    if finished.is_err() {
        let _ = std::fs::remove_dir_all(&partial);
    }
    finished
}

/// `<dest>.partial`, beside `dest`.
fn partial_dir(dest: &Path) -> Result<PathBuf, BackupError> {
    let name = dest
        .file_name()
        .ok_or_else(|| BackupError::Refused(format!("{}: not a directory name", dest.display())))?;
    let mut partial = name.to_os_string();
    partial.push(".partial");
    Ok(dest.with_file_name(partial))
}

async fn open_source(config: &Config) -> Result<Db, BackupError> {
    match &config.database_url {
        Some(url) => Ok(Db::connect(url).await?),
        None => {
            let path = config.sqlite_path();
            if !path.is_file() {
                return Err(BackupError::Refused(format!(
                    "no database at {} (wrong --data-dir?)",
                    path.display()
                )));
            }
            Ok(Db::open_sqlite(&path).await?)
        }
    }
}

/// The database part: the file in the backup, the snapshot's summary and the documents it
/// refers to.
struct DatabaseCopy {
    file: &'static str,
    summary: Summary,
    documents: Vec<String>,
}

async fn copy_sqlite(db: &Db, dir: &Path) -> Result<DatabaseCopy, BackupError> {
    let file = dir.join(SQLITE_FILE);
    let path = file
        .to_str()
        .ok_or_else(|| BackupError::Refused("the backup path is not UTF-8".into()))?;
    // One read transaction: a consistent copy even while the server writes (WAL).
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(db.pool())
        .await?;
    let mut snapshot = AnyConnectOptions::from_str(&format!("sqlite://{path}?mode=ro"))?
        .disable_statement_logging()
        .connect()
        .await?;
    let summary = summary::read(&mut snapshot).await?;
    let documents = summary::referenced_documents(&mut snapshot).await?;
    snapshot.close().await?;
    Ok(DatabaseCopy {
        file: SQLITE_FILE,
        summary,
        documents,
    })
}

async fn copy_postgres(db: &Db, url: &str, dir: &Path) -> Result<DatabaseCopy, BackupError> {
    let mut tx = db.pool().begin().await?;
    sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    let snapshot: String = sqlx::query_scalar("SELECT pg_export_snapshot()")
        .fetch_one(&mut *tx)
        .await?;
    let summary = summary::read(&mut tx).await?;
    let documents = summary::referenced_documents(&mut tx).await?;
    // The snapshot stays importable while this transaction is open.
    let (url, file) = (url.to_owned(), dir.join(PGDUMP_FILE));
    tokio::task::spawn_blocking(move || postgres::dump(&url, &snapshot, &file))
        .await
        .map_err(|e| BackupError::PgTool(format!("pg_dump: {e}")))??;
    tx.rollback().await?;
    Ok(DatabaseCopy {
        file: PGDUMP_FILE,
        summary,
        documents,
    })
}

/// Copies every stored document into `dir/documents`, checking that each hashes to its name and
/// that each one in `referenced` is there.
fn copy_documents(
    config: &Config,
    dir: &Path,
    referenced: &[String],
    files: &mut BTreeMap<String, String>,
) -> Result<(), BackupError> {
    let source = config.documents_dir();
    let target = dir.join(DOCUMENTS_DIR);
    let mut present = BTreeSet::new();
    for rel in documents_in(&source)? {
        let to = target.join(&rel);
        if let Some(parent) = to.parent() {
            create_dir(parent)?;
        }
        let digest = copy_file(&source.join(&rel), &to)?;
        let name = rel
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if digest != name {
            return Err(BackupError::Invalid(format!(
                "document {} is damaged: its content hashes to {digest}",
                source.join(&rel).display()
            )));
        }
        files.insert(format!("{DOCUMENTS_DIR}/{}", rel.display()), digest);
        present.insert(name);
    }
    if let Some(missing) = referenced.iter().find(|d| !present.contains(*d)) {
        return Err(BackupError::Invalid(format!(
            "the database refers to document {missing}, which is not in {}",
            source.display()
        )));
    }
    Ok(())
}

async fn write_into(config: &Config, db: &Db, dir: &Path) -> Result<Manifest, BackupError> {
    let copy = match (&config.database_url, db.backend()) {
        (Some(url), Backend::Postgres) => copy_postgres(db, url, dir).await?,
        _ => copy_sqlite(db, dir).await?,
    };
    let mut files = BTreeMap::new();
    files.insert(copy.file.to_owned(), sha256_file(&dir.join(copy.file))?);
    copy_documents(config, dir, &copy.documents, &mut files)?;
    let passphrase = config.ca_passphrase_path();
    let ca_passphrase_included = config.ca_passphrase.is_none() && passphrase.is_file();
    if ca_passphrase_included {
        let digest = copy_file(&passphrase, &dir.join(PASSPHRASE_FILE))?;
        files.insert(PASSPHRASE_FILE.to_owned(), digest);
    }
    let manifest = Manifest {
        format: FORMAT.to_owned(),
        created_at: now_rfc3339(),
        server_version: env!("CARGO_PKG_VERSION").to_owned(),
        engine: engine_name(db.backend()).to_owned(),
        database: copy.file.to_owned(),
        summary: copy.summary,
        ca_passphrase_included,
        files,
    };
    manifest.write(dir)?;
    Ok(manifest)
}
