//! What the client reports when things go wrong: plain http:// to another machine, the
//! server's own refusals (with its message), a wrong password, error pages without the
//! server's message (a proxy's), no session, no server.

#![allow(clippy::unwrap_used, missing_docs)]

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;

use sertel_client::model::{Decision, RevocationReason};
use sertel_client::{Client, ClientError, MemoryTokenStore};
use sertel_core::i18n::{Lang, Localized};

use common::*;

#[test]
fn plain_http_to_another_machine_is_refused() {
    let store = Arc::new(MemoryTokenStore::new());
    for address in [
        "http://10.20.30.40:8080",
        "http://sertel.muaraenimkab.go.id",
    ] {
        let e = Client::new(address, store.clone()).unwrap_err();
        assert!(matches!(e, ClientError::InsecureAddress { .. }), "{e}");
        assert!(e.message(Lang::Id).contains("https://"));
        assert!(e.message(Lang::En).contains("unencrypted"));
        assert!(!e.is_misuse());
    }
    for address in [
        "http://127.0.0.1:8080",
        "http://localhost:1",
        "http://[::1]:9",
    ] {
        Client::new(address, store.clone()).unwrap();
    }
}

#[test]
fn refusals_carry_the_servers_message() {
    let server = Server::start();
    let client = server.client();

    let mut form = owner_form();
    form.nip = "198507142010012".into();
    let e = client.register_owner(&form).unwrap_err();
    let p = e.server_problem().unwrap();
    assert_eq!((p.status, p.kind.as_str()), (422, "invalid_profile"));
    assert!(
        p.message.id.contains("NIP") && p.message.en.contains("NIP"),
        "{p:?}"
    );
    assert!(!p.details.is_empty());
    assert!(e.is_rejection() && !e.is_retryable());
    assert!(
        e.to_string().starts_with(&p.message.id),
        "Indonesian first: {e}"
    );

    let owner = owner(&server);
    let e = client
        .login(&owner_form().email, "salah-sandi-sekali")
        .unwrap_err();
    let p = e.server_problem().unwrap();
    assert_eq!((p.status, p.kind.as_str()), (401, "invalid_credentials"));
    let (id, en) = (e.message(Lang::Id), e.message(Lang::En));
    assert!(id.to_lowercase().contains("sandi"), "{id}");
    assert!(en.to_lowercase().contains("password"), "{en}");
    assert_eq!(e.to_string(), format!("{id} / {en}"));
    assert!(client.tokens().load().unwrap().is_none(), "no session kept");
    assert!(matches!(client.me().unwrap_err(), ClientError::NotSignedIn));

    let e = owner.review("nope", Decision::Approve, "").unwrap_err();
    assert_eq!(e.server_problem().unwrap().status, 403);
    let e = owner
        .report_lost_key("no-such-application", "")
        .unwrap_err();
    assert_eq!(e.server_problem().unwrap().kind, "not_found");
    let e = owner
        .request_revocation(
            "no-such-application",
            RevocationReason::KeyCompromise,
            "",
            &pdf("surat"),
        )
        .unwrap_err();
    assert_eq!(e.server_problem().unwrap().status, 404);

    owner.logout().unwrap();
    assert!(matches!(owner.me().unwrap_err(), ClientError::NotSignedIn));
    owner.logout().unwrap();
}

#[test]
fn an_expired_session_is_forgotten() {
    let server = Server::start();
    let owner = owner(&server);
    let other_device = server.client();
    owner
        .tokens()
        .load()
        .unwrap()
        .map(|t| other_device.tokens().save(&t))
        .unwrap()
        .unwrap();
    other_device.logout().unwrap();
    let e = owner.me().unwrap_err();
    assert_eq!(e.server_problem().unwrap().status, 401);
    assert!(e.is_retryable(), "sign in again, then retry");
    assert!(owner.tokens().load().unwrap().is_none());
}

#[test]
fn a_server_that_is_down_is_unreachable() {
    let mut server = Server::start();
    let client = server.client();
    server.down();
    let e = client.consent().unwrap_err();
    assert!(e.is_unreachable() && e.is_retryable(), "{e}");
    assert_eq!(e.kind(), "server_unreachable");
    assert!(
        e.message(Lang::Id)
            .starts_with("Server tidak dapat dihubungi"),
        "{e}"
    );
    assert!(
        e.message(Lang::En)
            .starts_with("The server cannot be reached"),
        "{e}"
    );
    assert!(e.message(Lang::En).contains(&server.url()), "{e}");
    // Nothing listens on the port any more: the same for a fresh client.
    let e = Client::new(&server.url(), Arc::new(MemoryTokenStore::new()))
        .unwrap()
        .login(&owner_form().email, PASSWORD)
        .unwrap_err();
    assert!(e.is_unreachable(), "{e}");
}

/// A loopback HTTP peer that is not the Sertel server (a proxy in front of it): answers each
/// of `answers`, one per connection, then stops.
fn proxy(answers: Vec<(u16, &'static str, &'static str)>) -> (String, std::thread::JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        for (status, content_type, body) in answers {
            let (mut stream, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            // The request head; no request here has a body the peer needs.
            while reader.read_line(&mut line).unwrap() > 0 && line != "\r\n" {
                line.clear();
            }
            write!(
                stream,
                "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\n\
                 connection: close\r\n\r\n{body}",
                body.len()
            )
            .unwrap();
        }
    });
    (url, handle)
}

#[test]
fn error_pages_without_the_servers_message_get_clear_words() {
    let (url, peer) = proxy(vec![
        (
            413,
            "text/html",
            "<html><h1>413 Request Entity Too Large</h1></html>",
        ),
        (404, "text/plain", "404 page not found"),
        (503, "text/html", ""),
        (
            403,
            "application/json",
            r#"{"kind":"forbidden","message":{"id":"","en":""}}"#,
        ),
    ]);
    let client = Client::new(&url, Arc::new(MemoryTokenStore::new())).unwrap();
    let expect = [
        (413, "payload_too_large", "terlalu besar", "too large"),
        (404, "not_found", "alamat server", "server address"),
        (
            503,
            "service_unavailable",
            "tidak tersedia",
            "not available",
        ),
        (403, "forbidden", "tidak berwenang", "not allowed"),
    ];
    for (status, kind, id, en) in expect {
        let e = client.consent().unwrap_err();
        let p = e.server_problem().unwrap_or_else(|| panic!("{e}"));
        assert_eq!((p.status, p.kind.as_str()), (status, kind));
        assert!(e.message(Lang::Id).contains(id), "{}", e.message(Lang::Id));
        assert!(e.message(Lang::En).contains(en), "{}", e.message(Lang::En));
        assert!(e.message(Lang::Id).contains(&format!("HTTP {status}")));
        assert_eq!(e.is_retryable(), status == 503, "{status}");
        assert_eq!(e.is_rejection(), status != 503, "{status}");
    }
    peer.join().unwrap();
}
