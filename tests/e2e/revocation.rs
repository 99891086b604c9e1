//! Rejection, resubmission and revocation against a real `sertel-server`: the Badan verifier
//! sees the applicant's name, rejects with a reason and revokes another owner's certificate
//! directly with a reason; the owner sees the reason in the timeline and resubmits; the Badan
//! approves on another laptop and the owner's status screen follows by the push channel without
//! a reload, with a desktop notification (received on a private session bus); the Dinas approves in the app; the owner asks for revocation with the agency head's
//! letter; the Dinas verifier turns it down with a reason, which the owner reads in the timeline;
//! the owner asks again, the Dinas verifier reads the letter in the app and approves; the owner's
//! app shows the certificate revoked and refuses to sign.

use crate::notifications::NotificationBus;
use crate::owner::{OWNER_EMAIL, OWNER_PASSWORD};
use crate::server::{TestServer, BADAN, DINAS, STAFF_PASSWORD};
use crate::{launcher, out_dir, sample_pdf, second_owner, tone, Test};

const REJECTION: &str = "Foto KTP tidak terbaca, mohon unggah ulang.";

#[test]
fn a_rejected_owner_resubmits_and_a_revocation_request_is_approved() {
    let _serial = super::one_at_a_time();
    let logs = out_dir("revocation-logs");
    let shots = out_dir("screenshots");
    let mut server = TestServer::start(logs.join("sertel-server.log"));
    let other = second_owner::issued(&server);
    let bus = NotificationBus::start(&logs.join("dbus-daemon.log"));
    let app = launcher::launch_with(&logs, &[("DBUS_SESSION_BUS_ADDRESS", bus.address())]);
    let t = Test {
        s: &app.session,
        shots,
    };
    let work = app.home.path().join("Dokumen");
    std::fs::create_dir_all(&work).expect("work folder");

    t.apply(&server.url, &work);
    t.sign_out();

    // The Badan verifier sees who applied, rejects with a reason, and revokes the other
    // owner's certificate directly with a reason.
    t.sign_in(BADAN, STAFF_PASSWORD, "verifier_badan");
    t.server_go("verifier");
    t.wait(
        "the applicant's name in the queue",
        "document.querySelector('#verifier-queue li[data-state=submitted] .file-name').textContent.includes('Siti Rahmawati')",
    );
    t.click("#verifier-queue li[data-state=submitted] button");
    t.wait(
        "the application opened",
        "document.querySelector('#verifier-doc-view').dataset.loaded === 'true'",
    );
    t.type_into("#verifier-reason", REJECTION);
    t.click("#verifier-reject");
    t.wait(
        "the application rejected",
        "document.querySelector('#verifier-action-status').dataset.state === 'rejected'",
    );
    t.shot("verifier-rejected-id");
    t.click("#verifier-queue li[data-state=issued] button");
    t.wait(
        "the issued certificate opened",
        "!document.querySelector('#verifier-revoke').classList.contains('hidden')",
    );
    t.select("#verifier-revoke-reason", "affiliation_changed");
    t.type_into(
        "#verifier-reason",
        "Pindah ke Kabupaten Lahat sejak 1 November 2026.",
    );
    t.shot("verifier-revoke-id");
    t.click("#lang-en");
    t.wait("English", "document.documentElement.lang === 'en'");
    t.wait(
        "the English revocation reasons",
        "document.querySelector('#verifier-revoke-reason option[value=affiliation_changed]').textContent.startsWith('Moved')",
    );
    t.shot("verifier-revoke-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");
    t.click("#verifier-revoke");
    t.wait(
        "the certificate revoked",
        "document.querySelector('#verifier-action-status').dataset.state === 'revoked'",
    );
    let revoked = second_owner::application(&server, &other.id);
    assert_eq!(
        revoked
            .certificate
            .as_ref()
            .and_then(|c| c.revocation_reason.as_deref()),
        Some("affiliation_changed")
    );
    t.sign_out();

    // The owner reads the reason in the timeline and resubmits.
    t.sign_in(OWNER_EMAIL, OWNER_PASSWORD, "owner");
    t.server_go("status");
    t.wait(
        "the rejection with its reason",
        &format!(
            "(document.querySelector('.app-card[data-state=rejected] .timeline li[data-milestone=rejected]') || {{textContent: ''}}).textContent.includes('{REJECTION}')"
        ),
    );
    t.shot("status-rejected-id");
    t.click("#lang-en");
    t.wait("English", "document.documentElement.lang === 'en'");
    t.wait(
        "the English resubmit button",
        "document.querySelector('.app-card[data-state=rejected] .resubmit').textContent.startsWith('Resubmit')",
    );
    t.shot("status-rejected-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");
    t.wait(
        "the Indonesian resubmit button",
        "document.querySelector('.app-card[data-state=rejected] .resubmit').textContent.startsWith('Kirim ulang')",
    );
    t.click(".app-card[data-state=rejected] .resubmit");
    t.wait(
        "the application resubmitted",
        "document.querySelector('.app-card[data-state=submitted] .timeline li[data-milestone=resubmitted]') !== null",
    );

    // The server goes away: the screen says so, and the push channel reconnects by itself
    // once it is back. The Badan then approves on another laptop: the owner's screen follows,
    // with no reload and no click.
    let id = t
        .attribute(".app-card[data-state=submitted]", "data-id")
        .expect("the application's id");
    server.stop();
    t.wait(
        "the server's absence shown",
        "document.querySelector('#status-status').dataset.kind === 'unreachable'",
    );
    server.resume();
    second_owner::approve(&server, BADAN, &id);
    t.wait(
        "the approval pushed to the screen",
        "document.querySelector('.app-card[data-state=badan_approved] .timeline li[data-milestone=verified_by_badan]') !== null",
    );
    t.shot("status-pushed-id");
    let notice = bus.wait_for_body("Diverifikasi Badan, menunggu Dinas");
    assert_eq!(notice.title, "Status sertifikat berubah");
    t.sign_out();

    // The Dinas approves in the app.
    t.sign_in(DINAS, STAFF_PASSWORD, "verifier_dinas");
    t.approve_first("issued", "verifier-dinas-id");
    t.sign_out();

    // The owner asks for revocation with the agency head's letter.
    t.sign_in(OWNER_EMAIL, OWNER_PASSWORD, "owner");
    t.server_go("status");
    t.wait("the stored certificate", &tone("#status-status", "ok"));
    let head_letter = sample_pdf(&work, "surat-pimpinan.pdf", 1);
    let request_revocation = |shot: Option<&str>| {
        t.server_go("lost_key");
        t.wait(
            "the active certificate",
            "document.querySelector('#revocation-submit').disabled === false",
        );
        t.select("#revocation-reason", "affiliation_changed");
        t.type_into("#revocation-statement", "Mutasi ke Badan Keuangan Daerah.");
        t.type_into(
            "#revocation-letter",
            head_letter.to_str().expect("UTF-8 path"),
        );
        t.click("#revocation-submit");
        t.wait("the request sent", &tone("#revocation-status", "ok"));
        if let Some(name) = shot {
            t.shot(name);
        }
        t.server_go("status");
        t.wait(
            "the request in the timeline",
            "document.querySelector('.timeline li[data-milestone=revocation_requested]') !== null",
        );
        t.sign_out();
    };
    let open_pending_request = || {
        t.server_go("verifier");
        t.wait(
            "the pending request",
            "document.querySelector('#revreq-list li[data-state=pending] button') !== null",
        );
        t.click("#revreq-list li[data-state=pending] button");
        t.wait(
            "the agency head's letter drawn",
            "document.querySelector('#revreq-letter').dataset.loaded === 'true' && document.querySelector('#revreq-letter img') !== null",
        );
    };
    request_revocation(Some("revocation-requested-id"));

    // The Dinas verifier first turns the request down with a reason; the owner reads the
    // reason in the timeline and asks again.
    t.sign_in(DINAS, STAFF_PASSWORD, "verifier_dinas");
    open_pending_request();
    t.type_into(
        "#revreq-reason",
        "Surat belum ditandatangani kepala perangkat daerah.",
    );
    t.click("#revreq-reject");
    t.wait(
        "the request rejected",
        "document.querySelector('#revreq-status').dataset.state === 'rejected'",
    );
    t.sign_out();
    t.sign_in(OWNER_EMAIL, OWNER_PASSWORD, "owner");
    t.server_go("status");
    t.wait(
        "the verifier's reason in the timeline",
        "(document.querySelector('.timeline li[data-milestone=revocation_rejected]') || {textContent: ''}).textContent.includes('Surat belum ditandatangani kepala')",
    );
    t.shot("status-revocation-rejected-id");
    request_revocation(None);

    // The Dinas verifier reads the letter and approves, in English then Indonesian.
    t.sign_in(DINAS, STAFF_PASSWORD, "verifier_dinas");
    open_pending_request();
    t.shot("verifier-revocation-request-id");
    t.click("#lang-en");
    t.wait(
        "the list redrawn in English",
        "(document.querySelector('#revreq-list li[data-state=pending] .file-state') || {textContent: ''}).textContent === 'pending'",
    );
    t.click("#revreq-list li[data-state=pending] button");
    t.wait(
        "the request in English",
        "document.querySelector('#revreq-title').textContent.startsWith('Revocation request') && document.querySelector('#revreq-letter').dataset.loaded === 'true'",
    );
    t.shot("verifier-revocation-request-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");
    t.click("#revreq-approve");
    t.wait(
        "the request approved",
        "document.querySelector('#revreq-status').dataset.state === 'approved'",
    );
    t.sign_out();

    // The owner's app shows the certificate revoked and refuses to sign.
    t.sign_in(OWNER_EMAIL, OWNER_PASSWORD, "owner");
    t.server_go("status");
    t.wait(
        "the revoked certificate",
        "document.querySelector('.app-card[data-state=revoked] .timeline li[data-milestone=revoked]') !== null",
    );
    t.signing_refused(&work, "nota-dinas.pdf");
}
