//! qpdf as a judge of PDF structure: `qpdf --check`.

use std::path::Path;

use super::tool::{self, ToolRun};

/// qpdf's verdict on a file's structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QpdfCheck {
    /// Exit code 0 and no warning printed.
    pub ok: bool,
    /// Exit code 3: qpdf could read the file but warned (e.g. it had to repair it).
    pub warnings: bool,
    /// The raw run, for assertion messages.
    pub output: ToolRun,
}

/// Runs `qpdf --check <pdf>`: 0 means a clean file, 3 warnings, 2 errors.
///
/// # Panics
/// If qpdf is not installed (run `scripts/setup.sh`).
pub fn qpdf_check(pdf: &Path) -> QpdfCheck {
    let output = tool::run("qpdf", ["--check".as_ref(), pdf.as_os_str()]);
    let warned = output.stdout.contains("WARNING") || output.stderr.contains("WARNING");
    QpdfCheck {
        ok: output.code == Some(0) && !warned,
        warnings: output.code == Some(3) || warned,
        output,
    }
}
