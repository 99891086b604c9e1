//! Asking a responder over HTTP (RFC 6960 Appendix A): POST with an
//! `application/ocsp-request` body, or GET with the request in the URL path; bounded in time
//! and in response size.

use std::time::Duration;

use base64ct::{Base64, Base64Url, Base64UrlUnpadded, Encoding};

use super::check::check_response;
use super::error::OcspError;
use super::options::OcspCheckOptions;
use super::request::{build_request, RequestOptions};
use super::request_decode::MAX_REQUEST_BYTES;
use super::response::MAX_RESPONSE_BYTES;
use super::status::VerifiedResponse;
use crate::trust::PathCertificate;

/// How long to wait for a responder before giving up, unless told otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// The media type of a request.
pub const REQUEST_MEDIA_TYPE: &str = "application/ocsp-request";
/// The media type of a response.
pub const RESPONSE_MEDIA_TYPE: &str = "application/ocsp-response";

/// A response fetched and accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchedResponse {
    /// The DER `OCSPResponse`, as received (to embed in a PDF's document security store).
    pub der: Vec<u8>,
    /// What it says, checked.
    pub verified: VerifiedResponse,
}

/// POSTs the DER `request` to the responder at `url`; returns the DER response, at most
/// [`MAX_RESPONSE_BYTES`].
pub fn post(url: &str, request: &[u8], timeout: Duration) -> Result<Vec<u8>, OcspError> {
    let limit = u64::try_from(MAX_RESPONSE_BYTES).unwrap_or(u64::MAX);
    Ok(crate::http::post_limited(
        url,
        REQUEST_MEDIA_TYPE,
        RESPONSE_MEDIA_TYPE,
        request,
        timeout,
        limit,
    )?)
}

/// GETs the response to the DER `request` from the responder at `base_url` (see
/// [`get_url`]); returns the DER response, at most [`MAX_RESPONSE_BYTES`].
pub fn get(base_url: &str, request: &[u8], timeout: Duration) -> Result<Vec<u8>, OcspError> {
    let limit = u64::try_from(MAX_RESPONSE_BYTES).unwrap_or(u64::MAX);
    let url = get_url(base_url, request);
    Ok(crate::http::get(
        &url,
        Some(RESPONSE_MEDIA_TYPE),
        timeout,
        limit,
    )?)
}

/// The GET form of a request (RFC 6960 Appendix A.1): the responder's URL, a slash, and the
/// base64 of the DER request with `+`, `/` and `=` percent-encoded. (RFC 5019 §5 asks for
/// POST when the encoded request exceeds 255 bytes; a default request with a nonce is about
/// 200 bytes of base64.)
pub fn get_url(base_url: &str, request: &[u8]) -> String {
    let mut url = base_url.trim_end_matches('/').to_owned();
    url.push('/');
    for c in Base64::encode_string(request).chars() {
        match c {
            '+' => url.push_str("%2B"),
            '/' => url.push_str("%2F"),
            '=' => url.push_str("%3D"),
            c => url.push(c),
        }
    }
    url
}

fn hex_value(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

/// The DER request carried by the last path segment of a GET request, for a responder:
/// percent-decoded base64 as RFC 6960 asks, or base64url (padded or not), which some clients
/// send. `None` if it is neither or longer than a request may be.
pub fn request_from_get_path(segment: &str) -> Option<Vec<u8>> {
    if segment.len() > MAX_REQUEST_BYTES * 2 {
        return None;
    }
    let bytes = segment.as_bytes();
    let mut text = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let high = hex_value(*bytes.get(i + 1)?)?;
            let low = hex_value(*bytes.get(i + 2)?)?;
            text.push(high * 16 + low);
            i += 3;
        } else {
            text.push(bytes[i]);
            i += 1;
        }
    }
    let text = std::str::from_utf8(&text).ok()?;
    Base64::decode_vec(text)
        .or_else(|_| Base64Url::decode_vec(text))
        .or_else(|_| Base64UrlUnpadded::decode_vec(text))
        .ok()
}

/// Asks the responder at `url` (by POST) about `certificate`, issued by `issuer`, and checks
/// the answer with [`check_response`] against the request's nonce.
pub fn query(
    url: &str,
    certificate: &PathCertificate,
    issuer: &PathCertificate,
    request: &RequestOptions,
    check: &OcspCheckOptions,
    timeout: Duration,
) -> Result<FetchedResponse, OcspError> {
    let prepared = build_request(certificate, issuer, request)?;
    let der = post(url, prepared.der(), timeout)?;
    let verified = check_response(&der, certificate, issuer, prepared.nonce(), check)?;
    Ok(FetchedResponse { der, verified })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_urls_round_trip_in_both_alphabets() {
        let request: Vec<u8> = (0u8..=255).collect();
        let url = get_url("http://ca.example/ocsp/", &request);
        let segment = url.rsplit('/').next().expect("segment");
        assert!(!segment.contains(['+', '=']));
        assert_eq!(request_from_get_path(segment), Some(request.clone()));
        let url_safe = Base64UrlUnpadded::encode_string(&request);
        assert_eq!(request_from_get_path(&url_safe), Some(request));
        assert_eq!(request_from_get_path("%zz"), None);
        assert_eq!(request_from_get_path("%4"), None);
        assert_eq!(request_from_get_path("***"), None);
    }
}
