//! Revocation (Pasal 17): by a verifier's evaluation, on the owner's request with the letter of
//! the head of their agency, or at once on a lost-key report (Pasal 16 ayat 3). A revoked
//! certificate is never valid again (Pasal 17 ayat 4): the application state machine has no way
//! out of `revoked`, and the database refuses to change or delete a row of `revocations` or to
//! move an application out of `revoked`. Every revocation writes the owner's event and an audit
//! entry in its transaction, then the CRL is published again at once ([`crate::crl`]).
//!
//! [`certificate_status`] is the status by serial number that the CRL builder uses and that an
//! OCSP responder is to use.

pub mod direct;
pub mod lost_key;
mod reason;
pub mod request_read;
pub mod request_review;
pub mod request_submit;
pub mod request_view;
pub mod revoke;
mod status;

pub use reason::Reason;
pub use status::{
    certificate_status, revoked_certificates, revoked_count, serial_hex, CertificateStatus,
    RevokedCertificate,
};
