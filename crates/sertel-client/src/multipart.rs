//! A `multipart/form-data` body built in memory (submissions are at most a few tens of MiB).

/// A form ready to send.
pub(crate) struct Multipart {
    boundary: String,
    body: Vec<u8>,
}

impl Multipart {
    /// The form of `fields` (name, content), each sent as a file part. The boundary is random
    /// and checked not to occur in any content.
    pub(crate) fn new(fields: &[(&str, &[u8])]) -> Multipart {
        let mut boundary = new_boundary();
        while fields.iter().any(|(_, d)| contains(d, boundary.as_bytes())) {
            boundary = new_boundary();
        }
        let mut body = Vec::new();
        for (name, data) in fields {
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(data);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        Multipart { boundary, body }
    }

    /// The `Content-Type` header.
    pub(crate) fn content_type(&self) -> String {
        format!("multipart/form-data; boundary={}", self.boundary)
    }

    /// The body.
    pub(crate) fn body(&self) -> &[u8] {
        &self.body
    }
}

fn new_boundary() -> String {
    format!("sertel-{}", crate::idempotency::random_hex(16))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
