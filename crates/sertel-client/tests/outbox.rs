//! The offline outbox against a real server: queued while the server is down and sent once
//! when it is back; a retry after a crash between sending and removing the entry does not make
//! a second application; a refusal leaves the queue with the server's message.

#![allow(clippy::unwrap_used, missing_docs)]

mod common;

use std::path::Path;

use sertel_client::model::ApplicationState;
use sertel_client::outbox::{Outbox, SubmitOutcome};
use sertel_client::submission::Action;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::RegencyProfile;
use sertel_core::x509::{build_csr, csr_to_pem};

use common::*;

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn a_submission_made_offline_is_sent_once_when_the_server_is_back() {
    let mut server = Server::start();
    let owner = owner(&server);
    let consent = owner.consent().unwrap();
    let work = tempfile::tempdir().unwrap();
    server.down();

    let outbox = Outbox::open(work.path()).unwrap();
    let (_, csr) = key_and_csr();
    let outcome = outbox
        .submit(
            &owner,
            Action::Submit,
            &full_submission(csr, &consent.version),
        )
        .unwrap();
    let queued = match outcome {
        SubmitOutcome::Queued { entry, because } => {
            assert!(because.is_unreachable(), "{because}");
            entry
        }
        other => panic!("{other:?}"),
    };
    // Still there for the app after a restart (a new Outbox on the same directory).
    drop(outbox);
    let outbox = Outbox::open(work.path()).unwrap();
    assert_eq!(outbox.pending().unwrap(), std::slice::from_ref(&queued));
    let report = outbox.flush(&owner).unwrap();
    assert!(report.sent.is_empty() && report.remaining == 1);
    assert!(report.stopped_by.unwrap().is_unreachable());

    server.up();
    let report = outbox.flush(&owner).unwrap();
    assert_eq!(report.sent.len(), 1, "{report:?}");
    assert_eq!(report.remaining, 0);
    assert!(report.stopped_by.is_none());
    assert!(outbox.pending().unwrap().is_empty());
    let apps = owner.applications().unwrap();
    assert_eq!(apps.len(), 1);
    assert_eq!(apps[0].id, report.sent[0].1.id);
    assert_eq!(apps[0].state, ApplicationState::Submitted);
    assert_eq!(apps[0].documents.len(), 5);
    // Flushing again sends nothing.
    assert!(outbox.flush(&owner).unwrap().sent.is_empty());
    assert_eq!(owner.applications().unwrap().len(), 1);
}

#[test]
fn a_retry_after_a_crash_between_send_and_ack_does_not_duplicate() {
    let server = Server::start();
    let owner = owner(&server);
    let user = owner.me().unwrap().id;
    let consent = owner.consent().unwrap();
    let work = tempfile::tempdir().unwrap();
    let outbox = Outbox::open(work.path().join("outbox")).unwrap();
    let (_, csr) = key_and_csr();
    outbox
        .enqueue(
            &user,
            Action::Submit,
            &full_submission(csr, &consent.version),
        )
        .unwrap();
    // The disk as it is at the crash: the entry still queued...
    let snapshot = work.path().join("snapshot");
    copy_dir(&work.path().join("outbox"), &snapshot);
    // ...while the send itself went through.
    let first = outbox.flush(&owner).unwrap();
    assert_eq!(first.sent.len(), 1);
    drop(outbox);
    std::fs::remove_dir_all(work.path().join("outbox")).unwrap();
    copy_dir(&snapshot, &work.path().join("outbox"));

    let outbox = Outbox::open(work.path().join("outbox")).unwrap();
    assert_eq!(outbox.pending().unwrap().len(), 1);
    let retry = outbox.flush(&owner).unwrap();
    assert_eq!(retry.sent.len(), 1, "{retry:?}");
    assert_eq!(
        retry.sent[0].1.id, first.sent[0].1.id,
        "the server replays, not repeats"
    );
    assert!(outbox.pending().unwrap().is_empty());
    assert_eq!(owner.applications().unwrap().len(), 1);
}

#[test]
fn a_refused_submission_leaves_the_queue_with_the_servers_message() {
    let mut server = Server::start();
    let owner = owner(&server);
    let consent = owner.consent().unwrap();
    let work = tempfile::tempdir().unwrap();
    let outbox = Outbox::open(work.path()).unwrap();
    server.down();
    // Queued in this order: a CSR for someone else (the server refuses it), then a good one.
    let mut stranger = owner_profile();
    stranger.full_name = "Orang Lain".into();
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let bad_csr = csr_to_pem(&build_csr(&stranger, &RegencyProfile::default(), &key).unwrap())
        .unwrap()
        .into_bytes();
    let bad = outbox
        .submit(
            &owner,
            Action::Submit,
            &full_submission(bad_csr, &consent.version),
        )
        .unwrap();
    assert!(matches!(bad, SubmitOutcome::Queued { .. }));
    let (_, csr) = key_and_csr();
    let good = outbox
        .submit(
            &owner,
            Action::Submit,
            &full_submission(csr, &consent.version),
        )
        .unwrap();
    assert!(matches!(good, SubmitOutcome::Queued { .. }));
    assert_eq!(outbox.pending().unwrap().len(), 2);

    server.up();
    let report = outbox.flush(&owner).unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(
        report.sent.len(),
        1,
        "the refusal does not hold up the queue"
    );
    let problem = report.rejected[0].1.server_problem().unwrap();
    assert_eq!(
        (problem.status, problem.kind.as_str()),
        (422, "csr_subject_mismatch")
    );
    assert!(problem.message.id.contains("CSR"), "{:?}", problem.message);

    let refused = outbox.rejected().unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].kind, "csr_subject_mismatch");
    assert_eq!(refused[0].status, Some(422));
    assert_eq!(refused[0].message, problem.message);
    assert!(outbox.pending().unwrap().is_empty());
    outbox.dismiss(&refused[0].entry.name()).unwrap();
    assert!(outbox.rejected().unwrap().is_empty());
    assert_eq!(owner.applications().unwrap().len(), 1);
}

#[test]
fn a_half_written_entry_left_by_a_crash_is_removed_on_open() {
    let work = tempfile::tempdir().unwrap();
    let queue = work.path().join("queue");
    std::fs::create_dir_all(queue.join(".incoming-sertel-0123456789")).unwrap();
    std::fs::write(queue.join(".incoming-sertel-0123456789/csr.bin"), b"half").unwrap();
    let outbox = Outbox::open(work.path()).unwrap();
    assert!(outbox.pending().unwrap().is_empty());
    assert_eq!(std::fs::read_dir(&queue).unwrap().count(), 0);
}
