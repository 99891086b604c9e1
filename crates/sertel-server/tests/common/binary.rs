//! The real `sertel-server` binary: commands on a data directory, and a running server whose
//! URL is read from the first line it prints, ready once its health check answers.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_sertel-server");

/// How long a server may take to start (first start makes the CA's RSA-3072 key).
pub const START_DEADLINE: Duration = Duration::from_secs(120);

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
    /// The rest of standard output, line by line, as the server prints it.
    pub stdout: mpsc::Receiver<String>,
}

impl ServerProcess {
    /// Starts `serve --bind 127.0.0.1:0 <extra>`, reads its "listening on" line and, for plain
    /// HTTP, waits until `GET /api/v1/health` answers 200; all within [`START_DEADLINE`].
    pub fn start(mut cmd: Command, extra: &[&str]) -> ServerProcess {
        let deadline = Instant::now() + START_DEADLINE;
        let mut child = cmd
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let out = child.stdout.take().unwrap();
        let (tx, stdout) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let first = match stdout.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(line) => line,
            Err(e) => {
                let _ = child.kill();
                let status = child.wait().ok();
                panic!("the server printed no URL within {START_DEADLINE:?} ({e}; {status:?})");
            }
        };
        let url = first
            .strip_prefix("sertel-server listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .to_owned();
        let mut server = ServerProcess { child, url, stdout };
        if server.url.starts_with("http://") {
            server.wait_ready(deadline);
        }
        server
    }

    /// Polls the health check until it answers 200 or `deadline` passes (each attempt is
    /// bounded by the time left; the listener is bound before the URL is printed, so an attempt
    /// waits in the accept queue rather than failing while the server finishes starting).
    pub fn wait_ready(&mut self, deadline: Instant) {
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("the server exited while starting: {status}");
            }
            let left = deadline.saturating_duration_since(Instant::now());
            let agent = ureq::Agent::config_builder()
                .http_status_as_error(false)
                .timeout_global(Some(left))
                .build()
                .new_agent();
            match agent.get(format!("{}/api/v1/health", self.url)).call() {
                Ok(r) if r.status() == 200 => return,
                Ok(r) => last = format!("status {}", r.status()),
                Err(e) => last = e.to_string(),
            }
        }
        panic!(
            "{} was not ready within {START_DEADLINE:?}: {last}",
            self.url
        );
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
