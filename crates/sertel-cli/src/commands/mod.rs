//! One module per command.

pub mod csr;
pub mod key;
pub mod sign;
pub mod verify;
