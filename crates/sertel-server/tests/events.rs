//! The event feed and the SSE stream.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

use common::fixtures::{self, review};

async fn feed(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let mine = fixtures::submitted(&srv, &p.owner, 0).await;
    let theirs = fixtures::submitted(&srv, &p.other_owner, 1).await;
    review(&srv, &p.badan, &mine, "approve", "").await;
    review(&srv, &p.dinas, &mine, "approve", "").await;
    let v = srv.get("/api/v1/events", Some(&p.owner.token)).await.json();
    let kinds: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "application.submitted",
            "application.approved",
            "application.approved",
            "certificate.issued"
        ]
    );
    assert!(v["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["application_id"] == mine.as_str()));
    // Paging with the cursor.
    let first = srv
        .get("/api/v1/events?limit=1", Some(&p.owner.token))
        .await
        .json();
    let cursor = first["next_cursor"].as_i64().unwrap();
    let rest = srv
        .get(
            &format!("/api/v1/events?after={cursor}"),
            Some(&p.owner.token),
        )
        .await
        .json();
    assert_eq!(rest["events"].as_array().unwrap().len(), 3);
    let end = rest["next_cursor"].as_i64().unwrap();
    let none = srv
        .get(&format!("/api/v1/events?after={end}"), Some(&p.owner.token))
        .await
        .json();
    assert!(none["events"].as_array().unwrap().is_empty());
    assert_eq!(none["next_cursor"], end);
    // Verifiers see every owner's events (their queue).
    let all = srv.get("/api/v1/events", Some(&p.badan.token)).await.json();
    let apps: std::collections::BTreeSet<&str> = all["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["application_id"].as_str().unwrap())
        .collect();
    assert!(apps.contains(mine.as_str()) && apps.contains(theirs.as_str()));
    // Bad cursors.
    assert_eq!(
        srv.get("/api/v1/events?after=abc", Some(&p.owner.token))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        srv.get("/api/v1/events?after=-1", Some(&p.owner.token))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}
on_every_backend!(feed_pages_with_a_cursor_and_shows_only_own_events, feed);

/// Reads SSE frames until `want` data lines were seen or the deadline passes.
async fn read_events(body: &mut Body, want: usize, deadline: Duration) -> Vec<Value> {
    let mut text = String::new();
    let mut events = Vec::new();
    let end = tokio::time::Instant::now() + deadline;
    while events.len() < want {
        let frame = match tokio::time::timeout_at(end, body.frame()).await {
            Ok(Some(Ok(f))) => f,
            _ => break,
        };
        if let Ok(data) = frame.into_data() {
            text.push_str(std::str::from_utf8(&data).unwrap());
            while let Some(i) = text.find("\n\n") {
                let msg: String = text.drain(..i + 2).collect();
                for line in msg.lines() {
                    if let Some(d) = line.strip_prefix("data: ") {
                        events.push(serde_json::from_str(d).unwrap());
                    }
                }
            }
        }
    }
    events
}

async fn stream(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let req = Request::get("/api/v1/events/stream?after=0")
        .header("authorization", format!("Bearer {}", p.owner.token))
        .body(Body::empty())
        .unwrap();
    let resp = srv.router.clone().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let mut body = resp.into_body();
    // Nothing yet.
    assert!(read_events(&mut body, 1, Duration::from_millis(300))
        .await
        .is_empty());
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    let started = std::time::Instant::now();
    let got = read_events(&mut body, 1, Duration::from_secs(5)).await;
    assert_eq!(got.len(), 1, "no event pushed within 5 s");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "pushed after {:?}",
        started.elapsed()
    );
    assert_eq!(got[0]["kind"], "application.submitted");
    assert_eq!(got[0]["application_id"], id.as_str());
    // Another owner's activity is not pushed to this owner.
    fixtures::submitted(&srv, &p.other_owner, 1).await;
    assert!(read_events(&mut body, 1, Duration::from_millis(500))
        .await
        .is_empty());
    // A change made through a second instance on the same database arrives by polling.
    let second = srv.second_instance().await;
    fixtures::review(&second, &p.badan, &id, "approve", "").await;
    let got = read_events(&mut body, 1, Duration::from_secs(6)).await;
    assert_eq!(got.len(), 1, "event from the other instance not pushed");
    assert_eq!(got[0]["state"], "badan_approved");
}
on_every_backend!(stream_pushes_new_events_within_seconds, stream);

async fn resume(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    review(&srv, &p.badan, &id, "approve", "").await;
    let first = srv
        .get("/api/v1/events?limit=1", Some(&p.owner.token))
        .await
        .json();
    let cursor = first["next_cursor"].as_i64().unwrap();
    let req = Request::get("/api/v1/events/stream")
        .header("authorization", format!("Bearer {}", p.owner.token))
        .header("last-event-id", cursor.to_string())
        .body(Body::empty())
        .unwrap();
    let mut body = srv.router.clone().oneshot(req).await.unwrap().into_body();
    let got = read_events(&mut body, 2, Duration::from_secs(2)).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["kind"], "application.approved");
}
on_every_backend!(stream_resumes_after_last_event_id, resume);

async fn stream_ends_with_session(srv: common::TestServer) {
    let me = fixtures::owner(&srv, 0).await;
    let req = Request::get("/api/v1/events/stream")
        .header("authorization", format!("Bearer {}", me.token))
        .body(Body::empty())
        .unwrap();
    let mut body = srv.router.clone().oneshot(req).await.unwrap().into_body();
    let r = srv
        .request(
            axum::http::Method::DELETE,
            "/api/v1/sessions/current",
            Some(&me.token),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    // Keep-alive comments may come first; the stream must end within a poll interval or two.
    let end = tokio::time::Instant::now() + Duration::from_secs(6);
    loop {
        match tokio::time::timeout_at(end, body.frame()).await {
            Ok(None) => break,
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(e))) => panic!("stream error: {e}"),
            Err(_) => panic!("the stream outlived its session"),
        }
    }
}
on_every_backend!(stream_ends_when_the_session_ends, stream_ends_with_session);
