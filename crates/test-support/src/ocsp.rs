//! A local OCSP responder over HTTP on loopback (RFC 6960 Appendix A: POST and GET), built on
//! the core's [`OcspResponder`], with a pinned or real clock.

use std::sync::Arc;

use sertel_core::ocsp::client::{request_from_get_path, REQUEST_MEDIA_TYPE, RESPONSE_MEDIA_TYPE};
use sertel_core::ocsp::OcspResponder;
use time::OffsetDateTime;

use crate::loopback::{HttpRequest, HttpResponse, LoopbackServer};

/// Starts a loopback OCSP server answering with `responder` at the time `clock` gives.
pub fn start_ocsp_server(
    responder: OcspResponder,
    clock: fn() -> OffsetDateTime,
) -> std::io::Result<LoopbackServer> {
    LoopbackServer::start(Arc::new(move |req: &HttpRequest| {
        let request = match req.method.as_str() {
            "POST" if req.content_type.as_deref() == Some(REQUEST_MEDIA_TYPE) => {
                Some(req.body.clone())
            }
            "GET" => req.path.rsplit('/').next().and_then(request_from_get_path),
            _ => None,
        };
        match request {
            Some(der) => HttpResponse::ok(RESPONSE_MEDIA_TYPE, responder.respond(&der, clock())),
            None => HttpResponse {
                status: 400,
                content_type: "text/plain".into(),
                body: b"not an OCSP request".to_vec(),
                delay: std::time::Duration::ZERO,
            },
        }
    }))
}
