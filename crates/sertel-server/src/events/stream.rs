//! `GET /api/v1/events/stream?after=<cursor>`: Server-Sent Events.
//!
//! Sends every visible event after the cursor (or the `Last-Event-ID` header, which browsers and
//! SSE clients send on reconnect), then waits: a commit in this process wakes the stream at
//! once; changes made by other instances sharing the database are found by polling every
//! [`POLL_INTERVAL`]. Each SSE message has the event's id as `id`, its kind as `event`, and the
//! event as JSON `data`; a comment is sent every 15 s to keep proxies from closing the stream.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};

use super::feed::{events_after, EventQuery, EventView, MAX_PAGE};
use crate::auth::{lookup_session, CurrentUser};
use crate::{ApiError, AppState};

/// How often a waiting stream looks for events written by other instances.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);

struct Cursor {
    state: AppState,
    user: CurrentUser,
    after: i64,
    pending: VecDeque<EventView>,
    wake: tokio::sync::watch::Receiver<u64>,
}

async fn next_event(mut c: Cursor) -> Option<(Result<Event, Infallible>, Cursor)> {
    loop {
        if let Some(e) = c.pending.pop_front() {
            c.after = e.id;
            let msg = Event::default()
                .id(e.id.to_string())
                .event(e.kind.clone())
                .json_data(&e)
                .unwrap_or_else(|_| Event::default().comment("unserialisable event"));
            return Some((Ok(msg), c));
        }
        c.wake.mark_unchanged();
        // The stream lasts as long as its session: sign-out or expiry ends it.
        match lookup_session(c.state.db().pool(), &c.user.token).await {
            Ok(Some(_)) => {}
            Ok(None) => return None,
            Err(e) => tracing::warn!(error = %e, "event stream session check failed"),
        }
        match events_after(c.state.db().pool(), &c.user, c.after, MAX_PAGE).await {
            Ok(events) if !events.is_empty() => c.pending.extend(events),
            Ok(_) => {
                let _ = tokio::time::timeout(POLL_INTERVAL, c.wake.changed()).await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "event stream query failed; retrying");
                tokio::time::sleep(POLL_INTERVAL).await;
            }
        }
    }
}

/// Opens the stream.
pub async fn event_stream(
    State(state): State<AppState>,
    me: CurrentUser,
    headers: HeaderMap,
    query: Result<Query<EventQuery>, QueryRejection>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::Malformed(e.body_text()))?;
    let last_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok());
    let after = last_id.unwrap_or(q.after).max(0);
    let cursor = Cursor {
        wake: state.subscribe_events(),
        state,
        user: me,
        after,
        pending: VecDeque::new(),
    };
    Ok(Sse::new(stream::unfold(cursor, next_event))
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}
