//! The lifecycle event feed.

use serde::{Deserialize, Serialize};

/// One lifecycle event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// The cursor: events after this one come next.
    pub id: i64,
    /// When (RFC 3339).
    pub at: String,
    /// The application.
    pub application_id: String,
    /// What happened: `application.submitted`, `application.resubmitted`,
    /// `application.approved`, `application.rejected`, `certificate.issued`,
    /// `certificate.superseded`, `certificate.revoked`, `revocation.requested`,
    /// `revocation.rejected`.
    pub kind: String,
    /// The application's state afterwards.
    pub state: String,
}

/// A page of the feed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPage {
    /// Events, oldest first.
    pub events: Vec<Event>,
    /// The cursor to continue from.
    pub next_cursor: i64,
}
