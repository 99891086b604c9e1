//! The background task that keeps the CRL current.

use tokio::task::JoinHandle;

use super::{refresh, CHECK_INTERVAL};
use crate::AppState;

/// Starts the task: every [`CHECK_INTERVAL`] it publishes a new CRL if one is due. It runs
/// until the runtime stops.
pub fn spawn_refresher(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(CHECK_INTERVAL);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match refresh(&state).await {
                Ok(Some(number)) => tracing::info!(number, "published a new CRL"),
                Ok(None) => {}
                Err(e) => tracing::warn!(error = %e, "publishing the CRL failed; will retry"),
            }
        }
    })
}
