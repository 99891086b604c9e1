//! Crash safety: the real server (SQLite, and PostgreSQL when `SERTEL_TEST_POSTGRES_URL` is set)
//! is killed with SIGKILL while clients register, sign in and submit applications concurrently;
//! after a restart on the same data directory and database everything acknowledged (2xx) is
//! there, retrying a submission with its Idempotency-Key never makes a second application, and
//! the audit chain verifies. The kill is triggered by the acknowledgements themselves and every
//! start waits on the health check: no timing guesses.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use std::sync::mpsc;

use sertel_core::key::{KeyAlgorithm, LocalKey};

use common::binary::{command, ServerProcess};
use common::fixtures::{csr_for_profile, full_form_with, numbered_owner_form, profile_of};
use common::http::Http;

/// Far more owners than are submitted before the kill, so the clients are always mid-way
/// (numbered_owner_form makes at most 999 distinct NIPs).
const OWNERS: u32 = 600;
const CLIENTS: u32 = 6;
/// The server is killed once this many submissions were acknowledged.
const KILL_AFTER: usize = 10;

type Fields = Vec<(&'static str, Vec<u8>)>;

/// What a client saw.
enum Seen {
    /// Registration acknowledged.
    Registered(u32),
    /// Signed in (a session row exists).
    SignedIn(u32, String),
    /// Submission acknowledged: the application id.
    Submitted(u32, String, Fields),
    /// The submission got no answer (the server died meanwhile).
    Unanswered(u32, Fields),
}

fn client(url: String, first: u32, out: mpsc::Sender<Seen>) {
    let http = Http::new(&url);
    for i in (first..OWNERS).step_by(CLIENTS as usize) {
        let form = numbered_owner_form(i);
        match http.post_json("/api/v1/owners", None, &form) {
            Ok(a) => assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body)),
            Err(_) => return,
        }
        out.send(Seen::Registered(i)).unwrap();
        let login = serde_json::json!({"email": form["email"], "password": form["password"]});
        let token = match http.post_json("/api/v1/sessions", None, &login) {
            Ok(a) if a.status == 201 => a.json()["token"].as_str().unwrap().to_owned(),
            Ok(a) => panic!("login: {}", String::from_utf8_lossy(&a.body)),
            Err(_) => return,
        };
        out.send(Seen::SignedIn(i, token.clone())).unwrap();
        let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
        let fields = full_form_with(csr_for_profile(&profile_of(&form), &key));
        match http.post_form(
            "/api/v1/applications",
            &token,
            &format!("crash-submission-{i}"),
            &fields,
        ) {
            Ok(a) => {
                assert_eq!(a.status, 201, "{}", String::from_utf8_lossy(&a.body));
                let id = a.json()["id"].as_str().unwrap().to_owned();
                out.send(Seen::Submitted(i, id, fields)).unwrap();
            }
            Err(_) => {
                out.send(Seen::Unanswered(i, fields)).unwrap();
                return;
            }
        }
    }
}

#[test]
fn acknowledged_submissions_survive_sigkill() {
    crash_and_restart(None);
    if let Some(url) = std::env::var("SERTEL_TEST_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let db = rt.block_on(common::fresh_postgres_database(&url));
        crash_and_restart(Some(&db));
    }
}

fn crash_and_restart(database_url: Option<&str>) {
    eprintln!(
        "crash test on {}",
        if database_url.is_some() {
            "postgres"
        } else {
            "sqlite"
        }
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut server = ServerProcess::start(command(&data, database_url), &[]);
    let (tx, rx) = mpsc::channel();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|t| {
            let (url, tx) = (server.url.clone(), tx.clone());
            std::thread::spawn(move || client(url, t, tx))
        })
        .collect();
    drop(tx);
    let mut seen = Vec::new();
    let mut acknowledged = 0;
    for s in rx.iter() {
        if matches!(s, Seen::Submitted(..)) {
            acknowledged += 1;
        }
        seen.push(s);
        if acknowledged == KILL_AFTER {
            server.kill();
        }
    }
    for c in clients {
        c.join().unwrap();
    }
    assert!(acknowledged >= KILL_AFTER, "the server was never killed");
    assert!(
        acknowledged < OWNERS as usize,
        "every client finished before the kill: nothing was in flight"
    );

    let server = ServerProcess::start(command(&data, database_url), &[]);
    let http = Http::new(&server.url);
    let mut tokens = std::collections::HashMap::new();
    let (mut registered, mut submitted, mut unanswered) = (0, 0, 0);
    for s in &seen {
        match s {
            Seen::Registered(i) => {
                let form = numbered_owner_form(*i);
                let login =
                    serde_json::json!({"email": form["email"], "password": form["password"]});
                let a = http.post_json("/api/v1/sessions", None, &login).unwrap();
                assert_eq!(a.status, 201, "owner {i} lost its registration");
                registered += 1;
            }
            Seen::SignedIn(i, token) => {
                let a = http.get("/api/v1/me", Some(token)).unwrap();
                assert_eq!(a.status, 200, "owner {i} lost its session");
                tokens.insert(*i, token.clone());
            }
            Seen::Submitted(i, id, fields) => {
                let token = &tokens[i];
                let a = http
                    .get(&format!("/api/v1/applications/{id}"), Some(token))
                    .unwrap();
                assert_eq!(a.status, 200, "acknowledged application {id} is missing");
                assert_eq!(a.json()["state"], "submitted");
                // The retry finds the same application.
                let key = format!("crash-submission-{i}");
                let a = http
                    .post_form("/api/v1/applications", token, &key, fields)
                    .unwrap();
                assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
                assert_eq!(a.json()["id"], id.as_str());
                submitted += 1;
            }
            Seen::Unanswered(i, fields) => {
                // It may or may not have committed; the retry settles it either way.
                let key = format!("crash-submission-{i}");
                let a = http
                    .post_form("/api/v1/applications", &tokens[i], &key, fields)
                    .unwrap();
                assert!(
                    matches!(a.status, 200 | 201),
                    "{}",
                    String::from_utf8_lossy(&a.body)
                );
                unanswered += 1;
            }
        }
    }
    // Never two applications for one owner, whatever was retried.
    for (i, token) in &tokens {
        let a = http.get("/api/v1/applications", Some(token)).unwrap();
        let n = a.json()["applications"]
            .as_array()
            .map_or(usize::MAX, Vec::len);
        assert!(n <= 1, "owner {i} has {n} applications");
    }
    eprintln!(
        "killed after {KILL_AFTER} acknowledged submissions: {registered} registrations, \
         {submitted} submissions checked, {unanswered} unanswered retried"
    );
    drop(server);
    let verify = command(&data, database_url)
        .args(["audit", "verify"])
        .output()
        .unwrap();
    assert!(verify.status.success(), "{verify:?}");
    assert!(String::from_utf8_lossy(&verify.stdout).contains("audit chain intact"));
}
