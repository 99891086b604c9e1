//! Finding and running the external judges: qpdf, poppler, NSS tools and pyHanko's venv.

use std::ffi::OsStr;
use std::fmt;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of an external tool printed, and how it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ToolRun {
    /// The command line, for messages.
    pub command: String,
    /// Exit code; `None` if the tool was killed by a signal.
    pub code: Option<i32>,
    /// Standard output, lossily decoded.
    pub stdout: String,
    /// Standard error, lossily decoded.
    pub stderr: String,
}

impl fmt::Display for ToolRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "$ {}  (exit {:?})", self.command, self.code)?;
        writeln!(f, "--- stdout ---\n{}", self.stdout.trim_end())?;
        write!(f, "--- stderr ---\n{}", self.stderr.trim_end())
    }
}

/// Runs `program` with `args` and collects its output.
///
/// # Panics
/// If the program cannot be started, e.g. because it is not installed: the message says to
/// run `scripts/setup.sh`. A judge that is missing fails the test; it never skips it.
pub(crate) fn run<I, S>(program: impl AsRef<OsStr>, args: I) -> ToolRun
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run_in(program, args, None)
}

/// Like [`run`], with `dir` as the working directory.
pub(crate) fn run_in<I, S>(program: impl AsRef<OsStr>, args: I, dir: Option<&Path>) -> ToolRun
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let program = program.as_ref();
    let mut command = Command::new(program);
    command.args(args);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let line = std::iter::once(program)
        .chain(command.get_args())
        .map(|a| a.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    let output = match command.output() {
        Ok(output) => output,
        Err(e) if e.kind() == ErrorKind::NotFound => panic!(
            "judge `{}` is not installed ({e}); run scripts/setup.sh",
            program.to_string_lossy()
        ),
        Err(e) => panic!("cannot run `{line}`: {e}"),
    };
    ToolRun {
        command: line,
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The Python virtual environment holding pyHanko: `$SERTEL_VENV` if set, else `.venv` at
/// the repository root.
pub fn venv_dir() -> PathBuf {
    match std::env::var_os("SERTEL_VENV") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv"),
    }
}

/// The `pyhanko` command of [`venv_dir`].
///
/// # Panics
/// If it does not exist: run `scripts/setup.sh` (or point `SERTEL_VENV` at the venv).
pub fn pyhanko_program() -> PathBuf {
    let program = venv_dir().join("bin/pyhanko");
    assert!(
        program.is_file(),
        "pyHanko judge not found at {}; run scripts/setup.sh (or set SERTEL_VENV to the venv)",
        program.display()
    );
    program
}

/// The project's `shared/` folder of corpora: `$SERTEL_SHARED` if set, else `shared` beside
/// the repository root.
///
/// # Panics
/// If the folder does not exist.
pub fn shared_dir() -> PathBuf {
    let dir = match std::env::var_os("SERTEL_SHARED") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    };
    assert!(
        dir.is_dir(),
        "shared corpora not found at {}; set SERTEL_SHARED to the shared/ folder",
        dir.display()
    );
    dir
}
