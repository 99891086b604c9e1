//! OCSP, the Online Certificate Status Protocol (RFC 6960, with the lightweight profile of
//! RFC 5019 and the nonce of RFC 8954): asking a responder about a certificate, checking its
//! answer, answering as a responder, and the set of responses the trust engine uses beside
//! CRLs.
//!
//! ```text
//! client:    build_request ─▶ client::post / client::get ─▶ check_response ─▶ VerifiedResponse
//! responder: OcspResponder::respond(request DER, now) ─▶ response DER
//! trust:     OcspResponseSet (from the DSS or fetched) ─▶ trust::RevocationData
//! ```
//!
//! The ASN.1 types are those of the `x509-ocsp` crate; signatures are checked over the bytes
//! received, with [`crate::sigcheck`] (aws-lc-rs), and made with a [`crate::signer::Signer`].

mod authorize;
mod cert_id;
mod check;
pub mod client;
mod error;
mod hash;
mod nonce;
mod options;
mod request;
mod request_decode;
mod responder;
mod response;
mod set;
mod status;
mod status_code;

pub(crate) use authorize::{authorize, AuthFailure, Authorized};
pub(crate) use cert_id::CertIdSource;
pub(crate) use check::entries_for;
pub(crate) use response::{ParsedResponse, SingleStatus};

pub use check::check_response;
pub use error::{OcspError, ResponderSetupError};
pub use hash::CertIdHash;
pub use nonce::MAX_NONCE_LEN;
pub use options::{OcspCheckOptions, OcspTiming};
pub use request::{build_request, NonceChoice, PreparedRequest, RequestOptions};
pub use request_decode::{
    decode_request, DecodedRequest, RequestedCert, MAX_REQUESTED_CERTS, MAX_REQUEST_BYTES,
};
pub use responder::{LookupFailed, OcspResponder, SerialStatus, StatusLookup, DEFAULT_NEXT_UPDATE};
pub use response::{MAX_RESPONSE_BYTES, MAX_RESPONSE_CERTS, MAX_SINGLE_RESPONSES};
pub use set::{OcspLimits, OcspResponseSet};
pub use status::{OcspStatus, ResponderKind, VerifiedResponse};
pub use status_code::ResponseStatus;
