//! Reading Server-Sent Events (the WHATWG event-stream format) from a byte stream.

use std::io::{self, BufRead};

/// One dispatched message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Message {
    /// `id:` (the server's event id: the cursor).
    pub id: Option<String>,
    /// `event:`.
    pub event: Option<String>,
    /// `data:` lines joined with `\n`.
    pub data: String,
}

/// Longest line accepted; a longer one means the peer is not the Sertel server.
const MAX_LINE: usize = 1024 * 1024;

/// The next message with data, `Ok(None)` at the end of the stream. Comments (keep-alives) and
/// messages without data are skipped.
pub(crate) fn next_message(reader: &mut impl BufRead) -> io::Result<Option<Message>> {
    let mut message = Message::default();
    let mut has_data = false;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = io::Read::take(&mut *reader, MAX_LINE as u64 + 1).read_until(b'\n', &mut line)?;
        if n == 0 {
            return Ok(None);
        }
        if line.len() > MAX_LINE {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "event line too long",
            ));
        }
        while matches!(line.last(), Some(b'\n' | b'\r')) {
            line.pop();
        }
        if line.is_empty() {
            if has_data {
                return Ok(Some(message));
            }
            message = Message::default();
            continue;
        }
        if line[0] == b':' {
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let (field, value) = match text.split_once(':') {
            Some((f, v)) => (f.to_owned(), v.strip_prefix(' ').unwrap_or(v).to_owned()),
            None => (text.into_owned(), String::new()),
        };
        match field.as_str() {
            "id" => message.id = Some(value),
            "event" => message.event = Some(value),
            "data" => {
                if has_data {
                    message.data.push('\n');
                }
                message.data.push_str(&value);
                has_data = true;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn messages_comments_and_multiline_data() {
        let stream =
            b": keep-alive\n\nid: 7\nevent: certificate.issued\ndata: {\"a\":\r\ndata: 1}\n\n\
                       event: nothing\n\nid: 8\ndata:x\n\n";
        let mut r = &stream[..];
        let m = next_message(&mut r).unwrap().unwrap();
        assert_eq!(m.id.as_deref(), Some("7"));
        assert_eq!(m.event.as_deref(), Some("certificate.issued"));
        assert_eq!(m.data, "{\"a\":\n1}");
        let m = next_message(&mut r).unwrap().unwrap();
        assert_eq!((m.id.as_deref(), m.data.as_str()), (Some("8"), "x"));
        assert_eq!(next_message(&mut r).unwrap(), None);
    }

    #[test]
    fn an_unfinished_message_at_the_end_is_dropped() {
        let mut r = &b"id: 9\ndata: {}\n"[..];
        assert_eq!(next_message(&mut r).unwrap(), None);
    }
}
