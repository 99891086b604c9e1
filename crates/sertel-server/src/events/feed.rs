//! `GET /api/v1/events?after=<cursor>&limit=<n>`.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use sqlx::{AnyPool, Row};

use crate::auth::{CurrentUser, Role};
use crate::{ApiError, AppState};

/// Most events per page.
pub const MAX_PAGE: i64 = 200;

/// The query: the last id seen (0 for the start) and a page size.
#[derive(Debug, Deserialize)]
pub struct EventQuery {
    /// Return events with a larger id.
    #[serde(default)]
    pub after: i64,
    /// At most this many (default and maximum [`MAX_PAGE`]).
    #[serde(default)]
    pub limit: Option<i64>,
}

/// One event.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct EventView {
    /// The cursor: pass it as `after` to continue.
    pub id: i64,
    /// When.
    pub at: String,
    /// The application.
    pub application_id: String,
    /// What happened: `application.submitted`, `application.resubmitted`,
    /// `application.approved`, `application.rejected`, `certificate.issued`,
    /// `certificate.superseded`, `certificate.revoked`, `agency.notified` (a notice of the
    /// revocation to the owner's agency was written, Pasal 17 ayat 5), `revocation.requested`,
    /// `revocation.rejected`.
    pub kind: String,
    /// The application's state afterwards.
    pub state: String,
}

/// A page of events (serialised straight from this, without an intermediate JSON tree).
#[derive(Clone, Debug, Serialize)]
pub struct EventPage {
    /// The events, oldest first.
    pub events: Vec<EventView>,
    /// The cursor to continue from (the last event's id, or the one asked with).
    pub next_cursor: i64,
}

/// Events after `after` that `user` may see, oldest first.
pub async fn events_after(
    pool: &AnyPool,
    user: &CurrentUser,
    after: i64,
    limit: i64,
) -> Result<Vec<EventView>, ApiError> {
    // Two statements rather than one with `(staff OR owner_id = …)`: an owner's page then reads
    // the events_owner (owner_id, id) index instead of every event after the cursor.
    let rows = if user.role() == Role::Owner {
        sqlx::query(
            "SELECT id, at, application_id, kind, state FROM events \
             WHERE owner_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(user.id())
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await?
    } else {
        sqlx::query(
            "SELECT id, at, application_id, kind, state FROM events \
             WHERE id > $1 ORDER BY id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await?
    };
    rows.iter()
        .map(|r| {
            Ok(EventView {
                id: r.try_get(0)?,
                at: r.try_get(1)?,
                application_id: r.try_get(2)?,
                kind: r.try_get(3)?,
                state: r.try_get(4)?,
            })
        })
        .collect()
}

/// The page after the cursor, and the cursor to continue from.
pub async fn list_events(
    State(state): State<AppState>,
    me: CurrentUser,
    query: Result<Query<EventQuery>, QueryRejection>,
) -> Result<Json<EventPage>, ApiError> {
    let Query(q) = query.map_err(|e| ApiError::Malformed(e.body_text()))?;
    if q.after < 0 {
        return Err(ApiError::InvalidField {
            field: "after",
            reason: "must not be negative",
        });
    }
    let limit = q.limit.unwrap_or(MAX_PAGE).clamp(1, MAX_PAGE);
    let events = events_after(state.db().pool(), &me, q.after, limit).await?;
    let next_cursor = events.last().map_or(q.after, |e| e.id);
    Ok(Json(EventPage {
        events,
        next_cursor,
    }))
}
