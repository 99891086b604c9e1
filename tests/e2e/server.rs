//! A real `sertel-server` for the journey: the built binary (next to this test's executable,
//! or `SERTEL_SERVER_BIN`) on a free loopback port with a fresh data directory, the
//! administrator made with `admin create --password-stdin` and the two verifiers made by the
//! administrator through `POST /api/v1/users`, as the server's README says. Dropped: stopped.

use std::io::Write;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const STAFF_PASSWORD: &str = "kata-sandi-verifikator-2025";
pub const BADAN: &str = "verifikator.badan@muaraenimkab.go.id";
pub const DINAS: &str = "verifikator.dinas@muaraenimkab.go.id";

pub struct TestServer {
    pub url: String,
    pub port: u16,
    data: tempfile::TempDir,
    child: Option<Child>,
    log: PathBuf,
}

fn binary() -> PathBuf {
    if let Some(p) = std::env::var_os("SERTEL_SERVER_BIN") {
        return PathBuf::from(p);
    }
    // target/debug/deps/e2e-… → target/debug/sertel-server
    let exe = std::env::current_exe().expect("test executable");
    let dir = exe
        .parent()
        .and_then(|d| d.parent())
        .expect("target folder");
    let bin = dir.join("sertel-server");
    assert!(
        bin.is_file(),
        "{} missing: cargo build -p sertel-server first (scripts/e2e.sh does)",
        bin.display()
    );
    bin
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into()
}

fn post(url: &str, token: Option<&str>, body: &Value) -> (u16, Value) {
    let mut req = agent().post(url).header("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.header("Authorization", &format!("Bearer {t}"));
    }
    let mut resp = req
        .send(body.to_string())
        .unwrap_or_else(|e| panic!("POST {url}: {e}"));
    let status = resp.status().as_u16();
    let text = resp.body_mut().read_to_string().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

impl TestServer {
    /// Starts the server and creates the administrator and both verifiers.
    pub fn start(log: PathBuf) -> TestServer {
        let data = tempfile::tempdir().expect("server data folder");
        let port = free_port();
        let mut server = TestServer {
            url: format!("http://127.0.0.1:{port}"),
            port,
            data,
            child: None,
            log,
        };
        let admin = "admin@muaraenimkab.go.id";
        let mut create = Command::new(binary())
            .arg("--data-dir")
            .arg(server.data.path())
            .args([
                "admin",
                "create",
                "--email",
                admin,
                "--name",
                "Admin Diskominfo",
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("sertel-server admin create");
        create
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{STAFF_PASSWORD}\n").as_bytes())
            .expect("password");
        assert!(
            create.wait().expect("admin create").success(),
            "admin create failed"
        );
        server.resume();
        let (status, session) = post(
            &format!("{}/api/v1/sessions", server.url),
            None,
            &json!({"email": admin, "password": STAFF_PASSWORD}),
        );
        assert!(
            (200..300).contains(&status),
            "admin sign-in: {status} {session}"
        );
        let token = session["token"].as_str().expect("token").to_owned();
        for (role, email, name) in [
            ("verifier_badan", BADAN, "Verifikator BKPSDM"),
            ("verifier_dinas", DINAS, "Verifikator Diskominfo"),
        ] {
            let (status, body) = post(
                &format!("{}/api/v1/users", server.url),
                Some(&token),
                &json!({"role": role, "email": email, "full_name": name, "password": STAFF_PASSWORD}),
            );
            assert!(
                (200..300).contains(&status),
                "create {role}: {status} {body}"
            );
        }
        server
    }

    /// Starts (again) on the same port and data.
    pub fn resume(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("server log");
        let child = Command::new(binary())
            .arg("--data-dir")
            .arg(self.data.path())
            .args(["serve", "--bind", &format!("127.0.0.1:{}", self.port)])
            .stdout(log.try_clone().expect("server log"))
            .stderr(log)
            .spawn()
            .expect("sertel-server serve");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(60);
        let (_keep, idle) = mpsc::channel::<()>();
        let url = format!("{}/api/v1/consent", self.url);
        loop {
            if let Ok(r) = agent().get(&url).call() {
                if r.status().is_success() {
                    break;
                }
            }
            if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
                panic!("sertel-server exited: {status}; see {}", self.log.display());
            }
            assert!(Instant::now() < deadline, "sertel-server not ready");
            let _ = idle.recv_timeout(Duration::from_millis(50));
        }
    }

    /// Stops the server (the data stays), to play "unreachable".
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop();
    }
}
