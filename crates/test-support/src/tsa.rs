//! A local RFC 3161 timestamp authority over HTTP on loopback, for B-T signing tests.
//!
//! It answers `POST` requests with `application/timestamp-query` bodies using the core's
//! [`TimestampAuthority`], and stops when dropped.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sertel_core::tsp::authority::TimestampAuthority;

use crate::loopback::{HttpRequest, HttpResponse, LoopbackServer};

/// A running test TSA.
#[derive(Debug)]
pub struct TestTsa {
    server: LoopbackServer,
}

impl TestTsa {
    /// Starts a TSA on an ephemeral loopback port, stamping the current time.
    pub fn start(authority: TimestampAuthority) -> std::io::Result<TestTsa> {
        Self::start_with_clock(authority, || {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
        })
    }

    /// Starts a TSA whose clock is `clock` (tests pin it).
    pub fn start_with_clock(
        authority: TimestampAuthority,
        clock: fn() -> Duration,
    ) -> std::io::Result<TestTsa> {
        let server = LoopbackServer::start(Arc::new(move |request: &HttpRequest| {
            HttpResponse::ok(
                "application/timestamp-reply",
                authority.respond(&request.body, clock()),
            )
        }))?;
        Ok(TestTsa { server })
    }

    /// The URL to give a signer.
    pub fn url(&self) -> String {
        self.server.url()
    }

    /// How many requests were answered.
    pub fn served(&self) -> usize {
        self.server.served()
    }
}
