//! What the client reports when things go wrong: plain http:// to another machine, the
//! server's own refusals (with its message), no session, no server.

#![allow(clippy::unwrap_used, missing_docs)]

mod common;

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
    assert_eq!(e.server_problem().unwrap().kind, "invalid_credentials");

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
}
