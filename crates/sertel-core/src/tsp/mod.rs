//! RFC 3161 time-stamping: the client that asks a TSA for a token over a signature value
//! ([`client`]), the checks on the answer ([`response`]), and the authority side that issues
//! tokens ([`authority`]), used by the server and by the test TSA.

pub mod authority;
pub mod client;
pub mod error;
pub mod response;

pub use error::TimestampError;
