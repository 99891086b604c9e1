//! Desktop notifications as the app sends them: a private D-Bus session bus (`dbus-daemon`, a
//! socket in a temporary folder) on which this test process owns `org.freedesktop.Notifications`,
//! the name every Linux desktop's notification server takes, and records each `Notify` call. The
//! app is started on that bus (`DBUS_SESSION_BUS_ADDRESS`), so what it shows a user's desktop
//! arrives here. On that bus there is no Secret Service either: the session token goes to the
//! file fallback, as on a desktop without a keyring.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::launcher::wait_ready;

use zbus::zvariant::OwnedValue;

/// How long a notification may take to arrive.
const DEADLINE: Duration = Duration::from_secs(30);

/// One notification: its title and body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub title: String,
    pub body: String,
}

/// The notification server's side of the interface: each call is passed on to the test.
struct Recorder {
    sent: Mutex<Sender<Notice>>,
    next_id: u32,
}

#[zbus::interface(name = "org.freedesktop.Notifications")]
impl Recorder {
    #[allow(clippy::too_many_arguments)]
    fn notify(
        &mut self,
        _app_name: String,
        _replaces_id: u32,
        _app_icon: String,
        summary: String,
        body: String,
        _actions: Vec<String>,
        _hints: HashMap<String, OwnedValue>,
        _expire_timeout: i32,
    ) -> u32 {
        if let Ok(sent) = self.sent.lock() {
            let _ = sent.send(Notice {
                title: summary,
                body,
            });
        }
        self.next_id += 1;
        self.next_id
    }

    fn get_capabilities(&self) -> Vec<String> {
        vec!["body".into()]
    }

    fn get_server_information(&self) -> (String, String, String, String) {
        (
            "sertel-e2e".into(),
            "Sertel".into(),
            "1".into(),
            "1.2".into(),
        )
    }

    fn close_notification(&self, _id: u32) {}
}

/// A private session bus with a notification server on it; stopped when dropped.
pub struct NotificationBus {
    daemon: Child,
    address: String,
    received: Receiver<Notice>,
    _connection: zbus::blocking::Connection,
    _dir: tempfile::TempDir,
}

impl NotificationBus {
    /// Starts `dbus-daemon` on a socket in a fresh folder and takes the notification server's
    /// name on it; the daemon's output goes to `log`.
    pub fn start(log: &Path) -> NotificationBus {
        let dir = tempfile::tempdir().expect("bus folder");
        let socket = dir.path().join("bus");
        let address = format!("unix:path={}", socket.display());
        let log = std::fs::File::create(log).expect("bus log");
        let mut daemon = Command::new("dbus-daemon")
            .args([
                "--session",
                "--nofork",
                "--nopidfile",
                &format!("--address={address}"),
            ])
            .stdout(log.try_clone().expect("bus log"))
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .expect("dbus-daemon (Debian package dbus-daemon)");
        wait_ready("dbus-daemon", &mut daemon, || socket.exists());
        let connection = zbus::blocking::connection::Builder::address(address.as_str())
            .and_then(|b| b.build())
            .expect("a connection to the private bus");
        let (sent, received) = mpsc::channel();
        connection
            .object_server()
            .at(
                "/org/freedesktop/Notifications",
                Recorder {
                    sent: Mutex::new(sent),
                    next_id: 0,
                },
            )
            .expect("the notification server's object");
        connection
            .request_name("org.freedesktop.Notifications")
            .expect("the notification server's name");
        NotificationBus {
            daemon,
            address,
            received,
            _connection: connection,
            _dir: dir,
        }
    }

    /// The bus's address, for `DBUS_SESSION_BUS_ADDRESS`.
    pub fn address(&self) -> &str {
        &self.address
    }

    /// Waits until a notification with the body `body` arrives (others on the way are passed
    /// over); fails after [`DEADLINE`].
    pub fn wait_for_body(&self, body: &str) -> Notice {
        let end = Instant::now() + DEADLINE;
        let mut seen = Vec::new();
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.received.recv_timeout(left) {
                Ok(notice) if notice.body == body => return notice,
                Ok(notice) => seen.push(notice),
                Err(_) => panic!("no notification \"{body}\" within {DEADLINE:?}; seen {seen:?}"),
            }
        }
    }
}

impl Drop for NotificationBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
