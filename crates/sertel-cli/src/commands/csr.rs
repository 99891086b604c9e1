//! TRANSIENT
use crate::args::CsrArgs;
use crate::exit::CliError;
use crate::output::Out;
pub fn run(_: &CsrArgs, _: &Out) -> Result<u8, CliError> { Err(CliError::usage("x", "x")) }
