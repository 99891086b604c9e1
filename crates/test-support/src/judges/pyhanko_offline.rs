//! pyHanko as the judge of long-term validation: every signature and document timestamp of a
//! file validated offline from the material inside the file alone (its DSS and CMS), every
//! certificate below the root needing a revocation status (`python/pyhanko_offline.py`).

use std::path::Path;

use super::tool::{self, venv_dir, ToolRun};

/// pyHanko's offline verdict on a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyHankoOffline {
    /// Every signature and document timestamp passed.
    pub ok: bool,
    /// How many were judged.
    pub judged: usize,
    /// The raw run, for assertion messages.
    pub output: ToolRun,
}

/// Validates `pdf` offline against `trust_root_pem` as the only anchor.
///
/// # Panics
/// If pyHanko's venv is missing (run `scripts/setup.sh`, or set `SERTEL_VENV`).
pub fn pyhanko_offline(pdf: &Path, trust_root_pem: &Path) -> PyHankoOffline {
    let python = venv_dir().join("bin/python");
    assert!(
        python.is_file(),
        "pyHanko's venv not found at {}; run scripts/setup.sh",
        venv_dir().display()
    );
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("python/pyhanko_offline.py");
    let output = tool::run(
        python,
        [
            script.as_os_str(),
            trust_root_pem.as_os_str(),
            pdf.as_os_str(),
        ],
    );
    let judged = output
        .stdout
        .lines()
        .filter(|l| l.contains(" ok ") || l.contains(" FAILED "))
        .count();
    PyHankoOffline {
        ok: output.code == Some(0) && judged > 0,
        judged,
        output,
    }
}
