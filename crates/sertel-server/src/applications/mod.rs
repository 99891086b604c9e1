//! Certificate applications: submission with documents and consent, review by the Badan and
//! Dinas verifiers, resubmission after a rejection, issuance after both approvals, and the
//! applications that follow an issued certificate (renewal, re-issue after a lost key).

pub mod csr_check;
pub mod documents;
pub mod follow_up;
mod issue;
pub mod kind;
pub mod lifecycle;
pub mod national;
pub mod read;
pub(crate) mod repo;
pub mod review;
pub mod submit;
pub mod upload;
pub mod view;

pub use kind::ApplicationKind;
pub use lifecycle::{Action, Side, Status};
