//! Keeping the app in step with the server: the event feed after a persisted cursor ("what
//! happened since my last sync"), the push channel (Server-Sent Events, reconnecting), and the
//! status timeline the app shows.

mod cursor;
mod sse;
mod stream;
mod timeline;

pub use cursor::CursorFile;
pub use stream::{EventStream, Reconnect};
pub use timeline::{timeline, Milestone, TimelineEntry, RENEWAL_WINDOW_DAYS};

use ureq::http::Method;

use crate::model::{Application, Event, EventPage};
use crate::transport::Body;
use crate::{Client, ClientError};

/// What a sync found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SyncReport {
    /// The events since the previous sync, oldest first.
    pub events: Vec<Event>,
    /// Every application of the owner (all, for staff) as it stands now.
    pub applications: Vec<Application>,
    /// The cursor now stored.
    pub cursor: i64,
}

impl Client {
    /// One page of events after `after` (at most `limit`, 1–200; the server's maximum if
    /// `None`).
    pub fn events_after(&self, after: i64, limit: Option<u32>) -> Result<EventPage, ClientError> {
        if after < 0 {
            return Err(ClientError::InvalidArgument {
                name: "after",
                reason: "a cursor is never negative",
            });
        }
        let mut path = format!("/api/v1/events?after={after}");
        if let Some(limit) = limit {
            if !(1..=200).contains(&limit) {
                return Err(ClientError::InvalidArgument {
                    name: "limit",
                    reason: "a page holds 1 to 200 events",
                });
            }
            path.push_str(&format!("&limit={limit}"));
        }
        self.call_json(Method::GET, &path, Body::Empty)
    }

    /// Everything since the cursor in `cursor`: every page of events, then the applications as
    /// they stand; the cursor is stored (atomically) once all of it has been read, so an
    /// interrupted sync is repeated whole next time, never skipped.
    pub fn sync(&self, cursor: &CursorFile) -> Result<SyncReport, ClientError> {
        let mut after = cursor.load()?;
        let mut events = Vec::new();
        loop {
            let page = self.events_after(after, None)?;
            if page.events.is_empty() {
                break;
            }
            after = page.next_cursor;
            events.extend(page.events);
        }
        let applications = self.applications()?;
        cursor.save(after)?;
        Ok(SyncReport {
            events,
            applications,
            cursor: after,
        })
    }
}
