//! Request plumbing shared by the handlers: extractors whose rejections are [`crate::ApiError`]s.

mod binary_body;
mod client_ip;
mod free_text;
mod idempotency_key;
mod json;
mod request_rate;

pub use binary_body::{binary_body, binary_body_of};
pub use client_ip::ClientIp;
pub use free_text::{free_text, MAX_FREE_TEXT_LEN};
pub use idempotency_key::IdempotencyKey;
pub use json::ApiJson;
pub use request_rate::{IpRateLimiter, RateLimit, RATE_LIMITER_CAPACITY};
