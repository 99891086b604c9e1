//! Bringing a backup back into a new data directory (and, for PostgreSQL, an empty database).

use std::path::{Path, PathBuf};

use sqlx::Connection;

use super::files::{copy_file, create_dir, missing_or_empty, sha256_file};
use super::summary::{self, Summary};
use super::{postgres, BackupError, Manifest, DOCUMENTS_DIR, PASSPHRASE_FILE};
use crate::audit::verify_chain;
use crate::ca::{stored_key, CA_ID};
use crate::db::Db;
use crate::Config;

/// What a restore brought back and checked.
#[derive(Clone, Debug)]
pub struct RestoreReport {
    /// The restored database's summary (equal to the backup's).
    pub summary: Summary,
    /// Whether the CA key was opened with the restored (or configured) passphrase; false when
    /// no passphrase is available yet (`SERTEL_CA_PASSPHRASE` must then be set to start).
    pub ca_key_opened: bool,
}

fn check_target(config: &Config, manifest: &Manifest) -> Result<(), BackupError> {
    match (manifest.engine.as_str(), config.database_url.is_some()) {
        ("sqlite", false) | ("postgres", true) => {}
        ("sqlite", true) => {
            return Err(BackupError::Refused(
                "this is a backup of a SQLite database; restore it without DATABASE_URL".into(),
            ))
        }
        ("postgres", false) => {
            return Err(BackupError::Refused(
                "this is a backup of a PostgreSQL database; set DATABASE_URL to the empty \
                 database to restore it into"
                    .into(),
            ))
        }
        (other, _) => {
            return Err(BackupError::Invalid(format!(
                "the manifest names an unknown engine {other:?}"
            )))
        }
    }
    if !missing_or_empty(&config.data_dir)? {
        return Err(BackupError::Refused(format!(
            "{} is not empty; restore into a new data directory",
            config.data_dir.display()
        )));
    }
    Ok(())
}

/// Every file listed in the manifest is there with its hash.
fn check_files(src: &Path, manifest: &Manifest) -> Result<(), BackupError> {
    for (name, digest) in &manifest.files {
        if sha256_file(&src.join(name))? != *digest {
            return Err(BackupError::Invalid(format!(
                "{name} in the backup is damaged (its SHA-256 differs from the manifest)"
            )));
        }
    }
    if !manifest.files.contains_key(&manifest.database) {
        return Err(BackupError::Invalid(
            "the manifest lists no database file".into(),
        ));
    }
    Ok(())
}

/// Where a file of the backup goes in the data directory (`None`: the database file).
fn destination(config: &Config, name: &str, manifest: &Manifest) -> Option<PathBuf> {
    if name == manifest.database {
        return (manifest.engine == "sqlite").then(|| config.sqlite_path());
    }
    if name == PASSPHRASE_FILE {
        return Some(config.ca_passphrase_path());
    }
    name.strip_prefix(&format!("{DOCUMENTS_DIR}/"))
        .map(|rel| config.documents_dir().join(rel))
}

async fn ensure_empty_postgres(url: &str) -> Result<(), BackupError> {
    sqlx::any::install_default_drivers();
    let mut conn = sqlx::AnyConnection::connect(url).await?;
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()",
    )
    .fetch_one(&mut conn)
    .await?;
    conn.close().await?;
    if tables > 0 {
        return Err(BackupError::Refused(
            "the database of DATABASE_URL is not empty; restore into a new, empty database".into(),
        ));
    }
    Ok(())
}

fn passphrase(config: &Config) -> Option<sertel_core::key::Passphrase> {
    let text = match &config.ca_passphrase {
        Some(p) if !p.is_empty() => p.clone(),
        _ => std::fs::read_to_string(config.ca_passphrase_path()).ok()?,
    };
    Some(sertel_core::key::Passphrase::new(text.trim()))
}

async fn copy_in(config: &Config, src: &Path, manifest: &Manifest) -> Result<(), BackupError> {
    if let Some(url) = &config.database_url {
        ensure_empty_postgres(url).await?;
    }
    create_dir(&config.data_dir)?;
    for (name, digest) in &manifest.files {
        let Some(to) = destination(config, name, manifest) else {
            continue;
        };
        if let Some(parent) = to.parent() {
            create_dir(parent)?;
        }
        if copy_file(&src.join(name), &to)? != *digest {
            return Err(BackupError::Invalid(format!(
                "{name} changed while being restored"
            )));
        }
    }
    if let Some(url) = &config.database_url {
        let (url, file) = (url.clone(), src.join(&manifest.database));
        tokio::task::spawn_blocking(move || postgres::restore(&url, &file))
            .await
            .map_err(|e| BackupError::PgTool(format!("pg_restore: {e}")))??;
    }
    Ok(())
}

async fn check_restored(
    config: &Config,
    manifest: &Manifest,
) -> Result<RestoreReport, BackupError> {
    let db = match &config.database_url {
        Some(url) => Db::connect(url).await?,
        None => Db::open_sqlite(&config.sqlite_path()).await?,
    };
    let checked = async {
        verify_chain(db.pool()).await.map_err(|e| {
            BackupError::Invalid(format!("the restored audit chain is broken: {e}"))
        })?;
        let mut conn = db.pool().acquire().await?;
        let summary = summary::read(&mut conn).await?;
        drop(conn);
        if summary != manifest.summary {
            return Err(BackupError::Invalid(format!(
                "the restored database differs from the backup's summary: {summary:?} != {:?}",
                manifest.summary
            )));
        }
        let ca_key_opened = match passphrase(config) {
            Some(p) => match stored_key::load(&db, CA_ID, &p).await {
                Ok(Some(_)) => true,
                Ok(None) => return Err(BackupError::Invalid("the backup holds no CA".into())),
                Err(e) => {
                    return Err(BackupError::Invalid(format!(
                        "the restored CA key does not open: {e}"
                    )))
                }
            },
            None => false,
        };
        Ok(RestoreReport {
            summary,
            ca_key_opened,
        })
    }
    .await;
    db.close().await;
    checked
}

/// Restores the backup in `src` into `config`'s data directory, which must be missing or empty
/// (and, for a PostgreSQL backup, into the empty database of `DATABASE_URL`), then verifies the
/// audit chain, compares the database with the backup's summary and opens the CA key. On failure
/// the data directory is emptied again.
pub async fn restore(config: &Config, src: &Path) -> Result<RestoreReport, BackupError> {
    let manifest = Manifest::read(src)?;
    check_target(config, &manifest)?;
    check_files(src, &manifest)?;
    let existed = config.data_dir.exists();
    let result = match copy_in(config, src, &manifest).await {
        Ok(()) => check_restored(config, &manifest).await,
        Err(e) => Err(e),
    };
    if result.is_err() {
        empty_again(&config.data_dir, existed);
    }
    result
}

fn empty_again(dir: &Path, existed: bool) {
    if !existed {
        let _ = std::fs::remove_dir_all(dir);
        return;
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            let _ = if p.is_dir() {
                std::fs::remove_dir_all(&p)
            } else {
                std::fs::remove_file(&p)
            };
        }
    }
}
