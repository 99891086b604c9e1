//! The owner's status kept current by the server's push channel (`/api/v1/events/stream`)
//! instead of polling: a background thread follows the stream from the latest event and tells
//! the screen when something changed, when the server went away (the stream then reconnects by
//! itself, waiting 1 s, 2 s, 4 s … up to a minute between tries) and when it is back.
//!
//! One feed per signed-in owner: starting it again (after signing in anew) or stopping it
//! (signing out) retires the running thread, which ends at its next event or reconnection
//! without reporting anything more.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use serde::Serialize;
use sertel_client::sync::Reconnect;

use crate::connection::{client_error, Connection};
use crate::DesktopError;

/// What the feed tells the screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum FeedEvent {
    /// Something happened to one of the owner's applications: refresh the status.
    Changed {
        /// The event's kind (`certificate.issued`, …).
        kind: String,
        /// The application.
        application_id: String,
    },
    /// The server cannot be reached; the feed keeps trying.
    Offline {
        /// Why, in the user's language.
        message: String,
    },
}

/// The running feed's generation: a thread whose generation is no longer current stops.
#[derive(Debug, Default)]
pub struct StatusFeed {
    generation: Arc<AtomicU64>,
}

impl StatusFeed {
    /// Starts following the owner's events on `conn` (retiring any running feed); `emit` gets
    /// every [`FeedEvent`] on the feed's thread. `lang` words the offline message.
    pub fn start(
        &self,
        conn: Arc<Connection>,
        lang: sertel_core::i18n::Lang,
        emit: impl Fn(FeedEvent) + Send + 'static,
    ) -> Result<(), DesktopError> {
        use sertel_core::i18n::Localized;
        let mine = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let current = Arc::clone(&self.generation);
        // From the latest event on: what happened before, the status screen already shows.
        let after = conn
            .client
            .events_after(0, None)
            .map_err(client_error)?
            .events
            .last()
            .map_or(0, |e| e.id);
        let stream = conn
            .client
            .event_stream(after)
            .with_reconnect(Reconnect::default());
        std::thread::Builder::new()
            .name("sertel-status-feed".into())
            .spawn(move || {
                for item in stream {
                    if current.load(Ordering::SeqCst) != mine {
                        return;
                    }
                    match item {
                        Ok(event) => emit(FeedEvent::Changed {
                            kind: event.kind,
                            application_id: event.application_id,
                        }),
                        Err(e) if e.is_unreachable() => emit(FeedEvent::Offline {
                            message: e.message(lang),
                        }),
                        // Signed out or the session ended: the feed ends with it.
                        Err(_) => return,
                    }
                }
            })
            .map_err(DesktopError::io("sertel-status-feed"))?;
        Ok(())
    }

    /// Retires the running feed (on signing out).
    pub fn stop(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }
}
