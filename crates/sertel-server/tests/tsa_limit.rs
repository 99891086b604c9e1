//! The rate limit of `POST /tsa` per client address: a burst is served, then 429 with
//! `Retry-After` and the bilingual `too_many_requests` error, other addresses unaffected; and
//! the real binary applies `--tsa-rate`/`--tsa-burst` to the TCP peer's address.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use der::Encode;
use sertel_core::tsp::client::{imprint, request};
use sertel_server::api::RateLimit;

use common::binary::{command, ServerProcess};
use common::http::Http;
use common::{Reply, TestServer};

const QUERY: &str = "application/timestamp-query";

fn query() -> Vec<u8> {
    request(imprint(b"surat dinas").unwrap())
        .unwrap()
        .to_der()
        .unwrap()
}

async fn tsa_from(srv: &TestServer, peer: &str, body: Vec<u8>) -> Reply {
    let peer: SocketAddr = peer.parse().unwrap();
    srv.send(
        Request::post("/tsa")
            .header("content-type", QUERY)
            .extension(ConnectInfo(peer))
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

async fn limited(srv: TestServer) {
    let a = "10.20.30.40:50000";
    for i in 0..3 {
        let r = tsa_from(&srv, a, query()).await;
        assert_eq!(r.status, StatusCode::OK, "request {i} of the burst");
        assert_eq!(r.headers["content-type"], "application/timestamp-reply");
    }
    let r = tsa_from(&srv, a, query()).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // One token a second (60 a minute): the wait is one second.
    assert_eq!(r.headers["retry-after"], "1");
    assert_eq!(r.kind(), "too_many_requests");
    let id = r.json()["message"]["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("Terlalu banyak permintaan"), "{id}");
    assert!(id.contains("1 detik"), "{id}");
    // Counted before the body is parsed: a malformed query is refused the same way.
    let r = tsa_from(&srv, a, b"bukan DER".to_vec()).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // Another port of the same address is the same client; another address is not.
    let r = tsa_from(&srv, "10.20.30.40:50001", query()).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let r = tsa_from(&srv, "[2001:db8::7]:443", query()).await;
    assert_eq!(r.status, StatusCode::OK);
    // The rest of the server is not limited for that address.
    let r = srv
        .send(
            Request::get("/tsa/tsa.crt")
                .extension(ConnectInfo(a.parse::<SocketAddr>().unwrap()))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tsa_requests_are_limited_per_address() {
    for backend in common::backends() {
        let srv = TestServer::start_with(backend, |c| {
            c.tsa_rate = RateLimit {
                per_minute: 60,
                burst: 3,
            }
        })
        .await;
        eprintln!(
            "tsa_requests_are_limited_per_address on {}",
            srv.backend_name()
        );
        limited(srv).await;
    }
}

#[tokio::test]
async fn no_limit_when_turned_off() {
    let srv =
        TestServer::start_with(common::Backend::Sqlite, |c| c.tsa_rate = RateLimit::OFF).await;
    for _ in 0..100 {
        let r = tsa_from(&srv, "10.0.0.9:1234", query()).await;
        assert_eq!(r.status, StatusCode::OK);
    }
}

#[test]
fn the_binary_limits_the_tcp_peer() {
    let dir = tempfile::tempdir().unwrap();
    let server = ServerProcess::start(
        command(&dir.path().join("data"), None),
        &["--tsa-rate", "1", "--tsa-burst", "2"],
    );
    let http = Http::new(&server.url);
    for _ in 0..2 {
        let a = http.post("/tsa", None, &[], QUERY, &query()).unwrap();
        assert_eq!(a.status, 200);
    }
    let a = http.post("/tsa", None, &[], QUERY, &query()).unwrap();
    assert_eq!(a.status, 429);
    // One a minute: a minute's wait at most, a whole number of seconds.
    let wait: u64 = a.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(a.json()["kind"], "too_many_requests");
}
