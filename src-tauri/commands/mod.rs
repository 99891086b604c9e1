//! The commands the UI calls, one file per feature. Each parses its arguments, calls
//! `sertel-desktop-core` (which calls `sertel-core`) and maps errors with [`crate::error`].

pub mod app;
pub mod key;
pub mod profile;
pub mod seal;
pub mod server;
pub mod settings;
pub mod sign;
pub mod validate;
