//! The push channel reconnects after the server went away and loses or repeats no event.

#![allow(clippy::unwrap_used, missing_docs)]

mod common;

use std::time::Duration;

use sertel_client::model::Decision;
use sertel_client::outbox::{Outbox, SubmitOutcome};
use sertel_client::submission::Action;
use sertel_client::sync::{CursorFile, Reconnect};
use sertel_server::auth::Role;

use common::*;

#[test]
fn the_push_channel_reconnects_and_loses_nothing() {
    let mut server = Server::start();
    let badan_email = server.staff(Role::VerifierBadan, "verifikator.badan");
    let owner = owner(&server);
    let badan = server.signed_in(&badan_email);
    let work = tempfile::tempdir().unwrap();
    let consent = owner.consent().unwrap();
    let (_, csr) = key_and_csr();
    let outbox = Outbox::open(work.path().join("outbox")).unwrap();
    let app = match outbox
        .submit(
            &owner,
            Action::Submit,
            &full_submission(csr, &consent.version),
        )
        .unwrap()
    {
        SubmitOutcome::Sent(app) => app,
        other => panic!("{other:?}"),
    };

    let cursor = CursorFile::new(work.path().join("cursor.json"));
    let no_wait = Reconnect {
        first: Duration::ZERO,
        max: Duration::ZERO,
    };
    let mut stream = owner
        .event_stream_from(&cursor)
        .unwrap()
        .with_reconnect(no_wait);
    let first = stream.next().unwrap().unwrap();
    assert_eq!(first.kind, "application.submitted");
    assert_eq!(
        cursor.load().unwrap(),
        first.id,
        "the cursor follows the stream"
    );

    server.down();
    let e = stream.next().unwrap().unwrap_err();
    assert!(e.is_unreachable(), "{e}");
    let e = stream.next().unwrap().unwrap_err();
    assert!(e.is_unreachable(), "still down: {e}");

    server.up();
    badan.review(&app.id, Decision::Approve, "").unwrap();
    let next = stream.next().unwrap().unwrap();
    assert_eq!(next.kind, "application.approved");
    assert_eq!(next.state, "badan_approved");
    assert!(next.id > first.id);
    assert_eq!(stream.cursor(), next.id);

    // Signing out ends the stream after what it had to say.
    owner.logout().unwrap();
    let mut rest = Vec::new();
    for item in stream.by_ref() {
        rest.push(item);
    }
    assert!(
        matches!(rest.last(), Some(Err(e)) if !e.is_unreachable()),
        "{rest:?}"
    );
}
