//! TRANSIENT
use crate::args::{KeyExportArgs, KeyImportArgs};
use crate::exit::CliError;
use crate::output::Out;
pub fn import(_: &KeyImportArgs, _: &Out) -> Result<u8, CliError> { Err(CliError::usage("x", "x")) }
pub fn export(_: &KeyExportArgs, _: &Out) -> Result<u8, CliError> { Err(CliError::usage("x", "x")) }
