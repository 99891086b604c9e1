//! The lifecycle event feed the desktop syncs from: a cursor-paged list and a Server-Sent
//! Events stream.
//!
//! Every state change of an application writes one event in its transaction. Event ids increase
//! in commit order (writers hold the single write lock, see [`crate::db::WriteTx`]), so "give me
//! everything after id N" never misses an event. Owners see the events of their own
//! applications; verifiers and admins see all (their work queue).

mod feed;
mod record;
mod stream;

pub use feed::{list_events, EventQuery, EventView, MAX_PAGE};
pub use record::record_event;
pub use stream::{event_stream, POLL_INTERVAL};
