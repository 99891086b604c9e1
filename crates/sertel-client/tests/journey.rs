//! The owner's whole journey through the client against a real server: register, sign in,
//! submit through the outbox while the server is down (queued), sent once when it is back and
//! never twice, both verifiers approve through the client, the owner's sync and push channel
//! see the certificate issued, the certificate matches the CSR's key, a lost-key report revokes
//! it and sync shows it revoked.

#![allow(clippy::unwrap_used, missing_docs)]

mod common;

use std::sync::mpsc;

use der::Decode;
use sertel_client::model::{ApplicationState, Decision};
use sertel_client::outbox::{Outbox, RegisterOutcome, SubmitOutcome};
use sertel_client::submission::{Action, DocumentKind};
use sertel_client::sync::{timeline, CursorFile, Milestone};
use sertel_client::DocumentRegistration;
use sertel_server::auth::Role;

use common::*;

fn milestones(
    app: &sertel_client::model::Application,
    events: &[sertel_client::model::Event],
) -> Vec<Milestone> {
    timeline(app, events, &[], time::OffsetDateTime::now_utc())
        .into_iter()
        .map(|e| e.milestone)
        .collect()
}

#[test]
fn owner_journey_from_registration_to_revocation() {
    let mut server = Server::start();
    let badan_email = server.staff(Role::VerifierBadan, "verifikator.badan");
    let dinas_email = server.staff(Role::VerifierDinas, "verifikator.dinas");
    let owner = owner(&server);
    let me = owner.me().unwrap();
    assert_eq!(me.nip.as_deref(), Some(owner_form().nip.as_str()));
    let work = tempfile::tempdir().unwrap();
    let cursor = CursorFile::new(work.path().join("sync").join("cursor.json"));

    let consent = owner.consent().unwrap();
    assert!(consent.text.id.contains("Pasal 19") && consent.text.en.contains("Article 20"));
    let (key, csr) = key_and_csr();
    let outbox = Outbox::open(work.path().join("outbox")).unwrap();
    let submission = full_submission(csr, &consent.version);

    // The server is down when the owner presses "Kirim": the application waits in the outbox.
    server.down();
    let queued = match outbox.submit(&owner, Action::Submit, &submission).unwrap() {
        SubmitOutcome::Queued { entry, because } => {
            assert!(because.is_unreachable(), "{because}");
            entry
        }
        other => panic!("not queued: {other:?}"),
    };
    assert!(owner.sync(&cursor).unwrap_err().is_unreachable());
    assert_eq!(cursor.load().unwrap(), 0, "a failed sync moves no cursor");

    // Back up: sent once; flushing again sends nothing and the server holds one application.
    server.up();
    let report = outbox.flush(&owner).unwrap();
    assert_eq!(report.sent.len(), 1, "{report:?}");
    let (sent_entry, app) = report.sent.into_iter().next().unwrap();
    assert_eq!(sent_entry, queued);
    assert_eq!(app.state, ApplicationState::Submitted);
    assert!(outbox.pending().unwrap().is_empty());
    assert!(outbox.flush(&owner).unwrap().sent.is_empty());
    // The same entry sent again (as after a crash before it left the queue) is the same
    // application, not a second one.
    let again = owner
        .send_submission(&queued.action, &submission, &queued.idempotency_key)
        .unwrap();
    assert_eq!(again.id, app.id);
    let mine = owner.applications().unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].id, app.id);

    // The push channel, as the app runs it: a thread reading events as they come.
    let (tx, rx) = mpsc::channel();
    let pushed = owner.event_stream(0);
    let listener = std::thread::spawn(move || {
        for event in pushed {
            let event = event.unwrap();
            let last = event.kind == "agency.notified";
            tx.send(event).unwrap();
            if last {
                break;
            }
        }
    });

    // Both verifiers, through the client.
    let badan = server.signed_in(&badan_email);
    let queue = badan.review_queue().unwrap();
    assert_eq!(
        queue.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        [app.id.as_str()]
    );
    let letter = badan
        .document(&app.id, DocumentKind::RecommendationLetter)
        .unwrap();
    assert_eq!(letter.media_type, "application/pdf");
    assert_eq!(letter.data, pdf("rekomendasi"));
    assert_eq!(
        badan.document(&app.id, DocumentKind::Photo).unwrap().data,
        png()
    );
    let after_badan = badan
        .review(&app.id, Decision::Approve, "SK sesuai")
        .unwrap();
    assert_eq!(after_badan.state, ApplicationState::BadanApproved);
    assert!(
        badan.review_queue().unwrap().is_empty(),
        "Badan has decided"
    );
    let dinas = server.signed_in(&dinas_email);
    assert_eq!(dinas.review_queue().unwrap().len(), 1);
    let issued = dinas.review(&app.id, Decision::Approve, "").unwrap();
    assert_eq!(issued.state, ApplicationState::Issued);

    // The owner's sync: what happened since the last sync (none yet).
    let report = owner.sync(&cursor).unwrap();
    let kinds: Vec<&str> = report.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"application.submitted"), "{kinds:?}");
    assert_eq!(kinds.last(), Some(&"certificate.issued"), "{kinds:?}");
    assert_eq!(cursor.load().unwrap(), report.cursor);
    assert_eq!(report.cursor, report.events.last().unwrap().id);
    let mine = &report.applications[0];
    assert_eq!(mine.state, ApplicationState::Issued);
    assert_eq!(
        milestones(mine, &report.events),
        [
            Milestone::Submitted,
            Milestone::VerifiedByBadan,
            Milestone::ApprovedByDinas,
            Milestone::Issued
        ]
    );
    assert!(
        owner.sync(&cursor).unwrap().events.is_empty(),
        "nothing new"
    );

    // The certificate is for the CSR's key, issued by the regency CA.
    let cert = owner.certificate(&app.id).unwrap();
    let parsed = x509_cert::Certificate::from_der(&cert.der).unwrap();
    let ca = x509_cert::Certificate::from_der(&cert.ca_der).unwrap();
    assert_eq!(certified_key(&cert.der), key.public_key_der().unwrap());
    assert_eq!(parsed.tbs_certificate.issuer, ca.tbs_certificate.subject);
    assert!(cert.pem.starts_with("-----BEGIN CERTIFICATE-----"));

    // Documents can be protected for the owner with the issued certificate as it is (Pasal 12
    // huruf b: its keyUsage allows it), and only the owner's key opens them.
    let letter = test_support::letters::sample_letter(&Default::default());
    let options = sertel_core::protect::ProtectOptions::default();
    let sealed = sertel_core::protect::protect(letter, std::slice::from_ref(&parsed), &options)
        .expect("the issued certificate can receive protected documents");
    assert!(sealed.windows(13).any(|w| w == b"/Adobe.PubSec"));
    let opened = sertel_core::protect::unprotect(sealed.clone(), &key, Some(&parsed)).unwrap();
    assert!(opened.starts_with(b"%PDF") && !opened.windows(8).any(|w| w == b"/Encrypt"));
    let (stranger, _) = key_and_csr();
    assert!(sertel_core::protect::unprotect(sealed, &stranger, None).is_err());

    // Lost key: revoked at once.
    let revoked = owner
        .report_lost_key(&app.id, "Laptop dinas hilang")
        .unwrap();
    assert_eq!(revoked.state, ApplicationState::Revoked);
    let report = owner.sync(&cursor).unwrap();
    let kinds: Vec<&str> = report.events.iter().map(|e| e.kind.as_str()).collect();
    // The owner also learns that the agency was notified (Pasal 17(5)).
    assert_eq!(kinds, ["certificate.revoked", "agency.notified"]);
    let mine = &report.applications[0];
    assert_eq!(
        milestones(mine, &report.events).last(),
        Some(&Milestone::Revoked {
            reason: Some("key_compromise".into())
        })
    );

    // The push channel saw the same events, in the same order, once each.
    listener.join().unwrap();
    let pushed: Vec<String> = rx.iter().map(|e| e.kind).collect();
    let all: Vec<String> = owner
        .events_after(0, None)
        .unwrap()
        .events
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(pushed, all);

    // A letter signed before the loss, registered while the server is down: the registration waits in
    // the outbox, goes once when the server is back, and its public page names the signer.
    let registration = DocumentRegistration {
        id: "0123456789abcdef0123456789ABCDEF".into(),
        sha256: "ab".repeat(32),
        signed_at: "2026-11-20T08:00:00Z".into(),
        certificate_serial: hex::encode(parsed.tbs_certificate.serial_number.as_bytes()),
    };
    server.down();
    match outbox.register_document(&owner, &registration).unwrap() {
        RegisterOutcome::Queued { because } => assert!(because.is_unreachable(), "{because}"),
        other => panic!("not queued: {other:?}"),
    }
    assert_eq!(outbox.pending_registrations().unwrap().len(), 1);
    server.up();
    let sent = outbox.flush_registrations(&owner).unwrap();
    assert_eq!(sent.registered.len(), 1, "{sent:?}");
    assert_eq!(
        sent.registered[0].verify_path,
        "/v/0123456789abcdef0123456789abcdef"
    );
    assert!(outbox.pending_registrations().unwrap().is_empty());
    // Registering again is the same record; another file under the same id is set aside.
    match outbox.register_document(&owner, &registration).unwrap() {
        RegisterOutcome::Registered(again) => assert_eq!(again, sent.registered[0]),
        other => panic!("{other:?}"),
    }
    let other_file = DocumentRegistration {
        sha256: "cd".repeat(32),
        ..registration.clone()
    };
    match outbox.register_document(&owner, &other_file).unwrap() {
        RegisterOutcome::Rejected { error } => {
            assert_eq!(error.server_problem().unwrap().kind, "document_id_taken")
        }
        other => panic!("{other:?}"),
    }
    let refused = outbox.rejected_registrations().unwrap();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].refused.is_some());
    let page = ureq::get(&format!(
        "{}{}",
        server.url(),
        sent.registered[0].verify_path
    ))
    .call()
    .unwrap()
    .into_body()
    .read_to_string()
    .unwrap();
    assert!(page.contains(&owner_form().full_name), "{page}");
    assert!(page.contains(&"ab".repeat(32)), "{page}");
}
