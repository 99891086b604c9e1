//! One module per command.

pub mod csr;
pub mod key;
pub mod ltv;
pub mod pkcs12;
pub mod protect;
pub mod sign;
pub mod sign_appearance;
pub mod verify;
pub mod verify_options;
pub mod verify_report;

use std::path::{Path, PathBuf};

/// The output of `input` named `<stem><suffix>.pdf`, in `out_dir` or else beside the input.
pub fn suffixed(input: &Path, out_dir: Option<&Path>, suffix: &str) -> PathBuf {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = format!("{stem}{suffix}.pdf");
    match out_dir {
        Some(dir) => dir.join(name),
        None => input.with_file_name(name),
    }
}

/// Creates the output folder when one was given.
pub fn create_out_dir(dir: Option<&Path>) -> Result<(), crate::exit::CliError> {
    let Some(dir) = dir else {
        return Ok(());
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        crate::exit::CliError::failed(
            "io",
            format!(
                "{}: tidak dapat membuat folder keluaran: {e}",
                dir.display()
            ),
            format!("{}: cannot create the output folder: {e}", dir.display()),
        )
    })
}
