//! Certificate applications: submission with documents and consent, review by the Badan and
//! Dinas verifiers, resubmission after a rejection, issuance after both approvals.

pub mod csr_check;
pub mod documents;
mod issue;
pub mod lifecycle;
pub mod read;
mod repo;
pub mod review;
pub mod submit;
pub mod upload;
pub mod view;

pub use lifecycle::{Action, Side, Status};
