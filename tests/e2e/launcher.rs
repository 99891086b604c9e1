//! Starting the real app for a test: a private X server (Xvfb), tauri-driver on free ports
//! (it starts WebKitWebDriver, which starts the debug app binary), and a temporary HOME so the
//! app's data, settings and trust folder start empty. Everything started is stopped when the
//! [`RunningApp`] is dropped: tauri-driver runs in a process group of its own, and the whole group
//! (WebKitWebDriver and the app with it) is killed, so nothing outlives the test.

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::webdriver::Session;

/// How long a helper program may take to get ready.
const START_DEADLINE: Duration = Duration::from_secs(30);

/// A child process stopped when dropped; with `group`, the process group it leads is killed
/// first, so the programs it started go with it.
struct Guard {
    name: &'static str,
    child: Child,
    group: bool,
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.group {
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{}", self.child.id())])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The app under test with everything it runs on.
pub struct RunningApp {
    /// The WebDriver session on the app's window.
    pub session: Session,
    /// The temporary HOME (data in `.local/share`, settings and trust in `.config`).
    pub home: tempfile::TempDir,
    // Dropped after the session: the driver, then the X server.
    _driver: Guard,
    _xvfb: Guard,
}

impl Drop for RunningApp {
    fn drop(&mut self) {
        let _ = self.session.close();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// Waits until `ready()` holds, re-checking whenever the process `child` (called `name`) has
/// not exited within a short interval; fails when it exits or the deadline passes.
pub fn wait_ready(name: &str, child: &mut Child, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + START_DEADLINE;
    let (_keep, idle) = mpsc::channel::<()>();
    while !ready() {
        if let Ok(Some(status)) = child.try_wait() {
            panic!("{name} exited before it was ready: {status}");
        }
        assert!(
            Instant::now() < deadline,
            "{name} not ready after {START_DEADLINE:?}"
        );
        // Nothing is ever sent: this bounds the wait between two checks.
        let _ = idle.recv_timeout(Duration::from_millis(20));
    }
}

fn start_xvfb() -> (Guard, String) {
    let number = (99..400)
        .find(|n| {
            !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
        })
        .expect("a free X display number");
    let display = format!(":{number}");
    let child = Command::new("Xvfb")
        .args([&display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb (Debian package xvfb)");
    let mut guard = Guard {
        name: "Xvfb",
        child,
        group: false,
    };
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
    wait_ready(guard.name, &mut guard.child, || socket.exists());
    (guard, display)
}

fn start_driver(
    display: &str,
    home: &Path,
    log: &Path,
    app_env: &[(&str, &str)],
) -> (Guard, String) {
    let port = free_port();
    let native = free_port();
    let log = std::fs::File::create(log).expect("driver log");
    let child = Command::new(tauri_driver())
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .env("DISPLAY", display)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env_remove("SERTEL_TRUST_DIR")
        .env_remove("WAYLAND_DISPLAY")
        // No desktop's session bus: a test that wants one passes its own in `app_env`.
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("GDK_BACKEND", "x11")
        .env("NO_AT_BRIDGE", "1")
        .envs(app_env.iter().copied())
        .stdout(log.try_clone().expect("driver log"))
        .stderr(log)
        .process_group(0)
        .spawn()
        .expect("tauri-driver (cargo install tauri-driver --locked)");
    let mut guard = Guard {
        name: "tauri-driver",
        child,
        group: true,
    };
    // Ready when both listen: tauri-driver, and the WebKitWebDriver it started.
    let address = format!("127.0.0.1:{port}");
    let native_address = format!("127.0.0.1:{native}");
    wait_ready(guard.name, &mut guard.child, || {
        TcpStream::connect(&address).is_ok() && TcpStream::connect(&native_address).is_ok()
    });
    (guard, format!("http://{address}"))
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(p);
    }
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin").join("tauri-driver"));
    cargo_bin
        .filter(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}

/// Starts the debug app in a fresh, empty HOME; `logs` receives the driver's and app's output.
pub fn launch(logs: &Path) -> RunningApp {
    launch_with(logs, &[])
}

/// [`launch`], with `app_env` set for the app (it inherits the driver's environment).
pub fn launch_with(logs: &Path, app_env: &[(&str, &str)]) -> RunningApp {
    let home = tempfile::tempdir().expect("temporary HOME");
    let (xvfb, display) = start_xvfb();
    let (driver, base) = start_driver(
        &display,
        home.path(),
        &logs.join("tauri-driver.log"),
        app_env,
    );
    let app = env!("CARGO_BIN_EXE_sertel-desktop");
    let session = Session::start(&base, app).unwrap_or_else(|e| {
        let log = std::fs::read_to_string(logs.join("tauri-driver.log")).unwrap_or_default();
        panic!("no WebDriver session: {e}\n--- driver log ---\n{log}")
    });
    RunningApp {
        session,
        home,
        _driver: driver,
        _xvfb: xvfb,
    }
}
