//! Building `multipart/form-data` bodies by hand.

use axum::body::Body;
use axum::http::Request;

pub const BOUNDARY: &str = "sertel-test-boundary-7d3f";

/// A form: (field name, bytes).
pub fn body(fields: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in fields {
        out.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        out.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{name}.bin\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        out.extend_from_slice(data);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
    out
}

/// A multipart POST.
pub fn request(
    path: &str,
    token: Option<&str>,
    idempotency_key: Option<&str>,
    fields: &[(&str, Vec<u8>)],
) -> Request<Body> {
    let mut b = Request::builder().method("POST").uri(path).header(
        "content-type",
        format!("multipart/form-data; boundary={BOUNDARY}"),
    );
    if let Some(t) = token {
        b = b.header("authorization", format!("Bearer {t}"));
    }
    if let Some(k) = idempotency_key {
        b = b.header("idempotency-key", k);
    }
    b.body(Body::from(body(fields))).unwrap()
}
