//! Certificate applications: submission with documents and consent, review by the Badan and
//! Dinas verifiers, resubmission after a rejection, issuance after both approvals, and the
//! applications that follow an issued certificate (renewal, re-issue after a lost key); for a
//! person's certificate or for an agency's electronic seal ([`holder`]).

pub mod csr_check;
pub mod documents;
pub mod follow_up;
pub mod holder;
mod issue;
pub mod kind;
pub mod lifecycle;
pub mod national;
pub mod read;
pub(crate) mod repo;
pub mod review;
pub mod seal;
pub mod submit;
pub mod upload;
pub mod view;

pub use holder::Holder;
pub use kind::ApplicationKind;
pub use lifecycle::{Action, Side, Status};
