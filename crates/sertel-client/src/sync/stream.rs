//! The push channel as a blocking iterator: `GET /api/v1/events/stream` (Server-Sent Events),
//! reconnecting after the last event received when the connection drops.

use std::io::BufReader;
use std::time::Duration;

use super::sse::next_message;
use super::CursorFile;
use crate::model::Event;
use crate::{Client, ClientError};

/// How long to wait before reconnecting: `first` after the first failure, doubling up to `max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reconnect {
    /// The first wait.
    pub first: Duration,
    /// The longest wait.
    pub max: Duration,
}

impl Default for Reconnect {
    fn default() -> Self {
        Reconnect {
            first: Duration::from_secs(1),
            max: Duration::from_secs(60),
        }
    }
}

impl Reconnect {
    fn delay(&self, failures: u32) -> Duration {
        let factor = 1u32 << failures.saturating_sub(1).min(16);
        self.first.saturating_mul(factor).min(self.max)
    }
}

/// Events as they happen, after a cursor. Each `next()` blocks until an event arrives.
///
/// When the connection drops (or cannot be made), `next()` yields the
/// [`ClientError::Unreachable`] once — so the app can show that it is offline — and the
/// following `next()` waits per [`Reconnect`] and reconnects after the last event received: no
/// event is lost or repeated. An answer other than "unreachable" (signed out, session expired,
/// a 4xx) is yielded and ends the stream.
pub struct EventStream {
    client: Client,
    after: i64,
    reconnect: Reconnect,
    cursor_file: Option<CursorFile>,
    reader: Option<BufReader<Box<dyn std::io::Read + Send>>>,
    failures: u32,
    finished: bool,
}

impl std::fmt::Debug for EventStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventStream")
            .field("after", &self.after)
            .field("connected", &self.reader.is_some())
            .field("failures", &self.failures)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// The events after `after`, as they happen.
    pub fn event_stream(&self, after: i64) -> EventStream {
        EventStream {
            client: self.clone(),
            after: after.max(0),
            reconnect: Reconnect::default(),
            cursor_file: None,
            reader: None,
            failures: 0,
            finished: false,
        }
    }

    /// The events after the cursor stored in `cursor`, which is advanced (atomically) after
    /// each event, so a later [`Client::sync`] does not report them again.
    pub fn event_stream_from(&self, cursor: &CursorFile) -> Result<EventStream, ClientError> {
        let mut stream = self.event_stream(cursor.load()?);
        stream.cursor_file = Some(cursor.clone());
        Ok(stream)
    }
}

impl EventStream {
    /// Sets how reconnections wait.
    pub fn with_reconnect(mut self, reconnect: Reconnect) -> EventStream {
        self.reconnect = reconnect;
        self
    }

    /// The id of the last event received (the cursor).
    pub fn cursor(&self) -> i64 {
        self.after
    }

    fn connect(&mut self) -> Result<(), ClientError> {
        if self.failures > 0 {
            std::thread::sleep(self.reconnect.delay(self.failures));
        }
        let token = self.client.session()?;
        let opened =
            self.client
                .transport()
                .open_stream("/api/v1/events/stream", &token.token, self.after);
        match opened {
            Ok(body) => {
                self.reader = Some(BufReader::new(body));
                Ok(())
            }
            Err(e) => {
                if matches!(&e, ClientError::Server(p) if p.status == 401) {
                    self.client.tokens().clear()?;
                }
                Err(e)
            }
        }
    }

    fn fail(&mut self, e: ClientError) -> Option<Result<Event, ClientError>> {
        self.reader = None;
        if e.is_unreachable() {
            self.failures = self.failures.saturating_add(1);
        } else {
            self.finished = true;
        }
        Some(Err(e))
    }

    fn unreachable(&self, reason: String) -> ClientError {
        ClientError::Unreachable {
            url: self.client.address().url("/api/v1/events/stream"),
            reason,
        }
    }
}

impl Iterator for EventStream {
    type Item = Result<Event, ClientError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.finished {
                return None;
            }
            if self.reader.is_none() {
                if let Err(e) = self.connect() {
                    return self.fail(e);
                }
            }
            let reader = self.reader.as_mut()?;
            let message = match next_message(reader) {
                Ok(Some(m)) => m,
                Ok(None) => {
                    // The server closed the stream (restart, sign-out): reconnect to find out.
                    let e = self.unreachable("the event stream was closed".into());
                    return self.fail(e);
                }
                Err(io) => {
                    let e = self.unreachable(io.to_string());
                    return self.fail(e);
                }
            };
            let event: Event = match serde_json::from_str(&message.data) {
                Ok(e) => e,
                Err(e) => {
                    let url = self.client.address().url("/api/v1/events/stream");
                    return self.fail(ClientError::UnexpectedResponse {
                        url,
                        reason: format!("an event is not the expected JSON: {e}"),
                    });
                }
            };
            if event.id <= self.after {
                continue;
            }
            self.after = event.id;
            self.failures = 0;
            if let Some(file) = &self.cursor_file {
                if let Err(e) = file.save(event.id) {
                    self.finished = true;
                    return Some(Err(e));
                }
            }
            return Some(Ok(event));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnect_waits_double_up_to_the_maximum() {
        let r = Reconnect {
            first: Duration::from_millis(500),
            max: Duration::from_secs(5),
        };
        let waits: Vec<u64> = (1..=6).map(|n| r.delay(n).as_millis() as u64).collect();
        assert_eq!(waits, vec![500, 1000, 2000, 4000, 5000, 5000]);
    }
}
