//! The real `sertel-server` binary: commands on a data directory, and a running server whose
//! URL is read from the first line it prints.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub const BIN: &str = env!("CARGO_BIN_EXE_sertel-server");

/// `sertel-server --data-dir <data>` with `DATABASE_URL` set to `database_url` (or removed).
pub fn command(data: &Path, database_url: Option<&str>) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--data-dir")
        .arg(data)
        .env_remove("DATABASE_URL")
        .env_remove("SERTEL_CA_PASSPHRASE")
        .env("SERTEL_LOG", "warn");
    if let Some(url) = database_url {
        c.env("DATABASE_URL", url);
    }
    c
}

/// A server process; killed (SIGKILL) when dropped.
pub struct ServerProcess {
    pub child: Child,
    /// `http://127.0.0.1:<port>` or `https://…`, as printed.
    pub url: String,
    /// The rest of standard output, for what the server prints later.
    pub stdout: std::io::Lines<BufReader<std::process::ChildStdout>>,
}

impl ServerProcess {
    /// Starts `serve --bind 127.0.0.1:0 <extra>` and waits for its "listening on" line.
    pub fn start(mut cmd: Command, extra: &[&str]) -> ServerProcess {
        let mut child = cmd
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = stdout
            .next()
            .expect("the server exited before printing its URL")
            .unwrap();
        let url = first
            .strip_prefix("sertel-server listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .to_owned();
        ServerProcess { child, url, stdout }
    }

    /// SIGKILL, and reap.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}
