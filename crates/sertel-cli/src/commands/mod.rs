//! One module per command.

pub mod csr;
pub mod key;
pub mod ltv;
pub mod pkcs12;
pub mod sign;
pub mod verify;
pub mod verify_options;
pub mod verify_report;
