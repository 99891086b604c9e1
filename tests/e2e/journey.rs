//! The owner's whole journey against a real `sertel-server` on a loopback port: profile → key
//! → recommendation letter → application (sent while the server is down: queued, then sent
//! when it is back) → sign out; the Badan verifier approves, the Dinas verifier approves (in
//! English); the owner sees "issued", the certificate lands in the key slot, a PDF is signed
//! and validated; the key is reported lost: the status shows "revoked" and signing is refused
//! in Indonesian; the re-issue is applied for on the revoked card with a new key and the
//! statement letter (refused first without the letter), and once issued the new key signs. The letter is signed with the specimen while the server is down: its
//! registration waits and goes with the next status refresh, and the QR code's page on the
//! server then shows the signer and the file's SHA-256. Every new screen is photographed in
//! both languages.

use crate::owner::{OWNER_EMAIL, OWNER_PASSWORD};
use crate::server::{TestServer, BADAN, DINAS, STAFF_PASSWORD};
use crate::{launcher, out_dir, sample_pdf, second_owner, tone, visible, Test, PASSPHRASE};

const REISSUE_PASSPHRASE: &str = "kunci baru sesudah laptop dinas hilang di kantor";

#[test]
fn an_owner_applies_is_approved_signs_and_reports_a_lost_key() {
    let _serial = super::one_at_a_time();
    let logs = out_dir("journey-logs");
    let shots = out_dir("screenshots");
    let mut server = TestServer::start(logs.join("sertel-server.log"));
    let app = launcher::launch(&logs);
    let t = Test {
        s: &app.session,
        shots,
    };
    let home = app.home.path();
    let work = home.join("Dokumen");
    std::fs::create_dir_all(&work).expect("work folder");

    t.new_owner(&server.url);
    t.write_letter(&work);

    // The application, with the server down: queued.
    t.fill_application(&work);
    server.stop();
    t.click("#application-submit");
    t.wait(
        "the queued application",
        "document.querySelector('#application-status').dataset.outcome === 'queued'",
    );
    t.shot("application-queued-id");

    // Server back: the status screen sends the queue and shows the application.
    server.resume();
    t.server_go("status");
    t.wait(
        "the submitted application",
        "document.querySelector('.app-card[data-state=submitted]') !== null && document.querySelector('#status-queued').classList.contains('hidden')",
    );
    t.shot("status-submitted-id");
    t.sign_out();

    // The Badan verifier approves.
    t.sign_in(BADAN, STAFF_PASSWORD, "verifier_badan");
    t.approve_first("badan_approved", "verifier-id");
    t.sign_out();

    // The Dinas verifier approves, in English: the certificate is issued.
    t.click("#lang-en");
    t.wait("English", "document.documentElement.lang === 'en'");
    t.sign_in(DINAS, STAFF_PASSWORD, "verifier_dinas");
    t.approve_first("issued", "verifier-en");
    t.sign_out();
    t.shot("account-signed-out-en");

    // The owner, in English first: issued, and the certificate is stored with the key.
    t.sign_in(OWNER_EMAIL, OWNER_PASSWORD, "owner");
    t.shot("account-en");
    t.server_go("status");
    t.wait(
        "the issued certificate",
        "document.querySelector('.app-card[data-state=issued] .cert-facts') !== null",
    );
    t.wait(
        "the timeline up to issued",
        "['submitted','verified_by_badan','approved_by_dinas','issued'].every(m => document.querySelector(`.timeline li[data-milestone=${m}]`))",
    );
    t.wait("the stored certificate", &tone("#status-status", "ok"));
    t.shot("status-issued-en");
    t.server_go("letter");
    t.wait(
        "the letter preview",
        "(document.querySelector('#letter-preview').getAttribute('src') || '').startsWith('data:image/png')",
    );
    t.shot("letter-en");
    t.server_go("application");
    t.wait(
        "the English consent",
        "document.querySelector('#application-consent').textContent.length > 100",
    );
    t.shot("application-en");
    t.server_go("lost_key");
    t.wait(
        "the active certificate",
        "document.querySelector('#lost_key-report').disabled === false",
    );
    t.shot("lost-key-en");
    t.go("sign");
    t.wait("the specimen offered", &visible("#sign-specimen"));
    t.shot("sign-specimen-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");
    t.server_go("status");
    t.wait(
        "the issued certificate",
        "document.querySelector('.app-card[data-state=issued] .cert-facts') !== null",
    );
    t.shot("status-issued-id");

    // Sign a letter with the issued certificate, and validate it.
    let undangan = sample_pdf(&work, "undangan.pdf", 1);
    t.go("sign");
    t.add_with_specimen(&undangan);
    t.type_into("#sign-passphrase", PASSPHRASE);
    // Signed while the server is down: the letter's registration waits in the outbox.
    server.stop();
    t.click("#sign-start");
    t.wait(
        "the signed file with its QR code's address",
        "document.querySelector('#sign-files li[data-state=done] .file-verify') !== null",
    );
    t.wait(
        "the registration queued",
        "document.querySelector('#sign-registration').dataset.queued === '1'",
    );
    t.shot("sign-registration-queued-id");
    let signed = work.join("undangan-signed.pdf");
    assert!(signed.is_file(), "no signed copy");
    let verify_url = t
        .attribute(
            "#sign-files li[data-state=done] .file-verify",
            "data-verify-url",
        )
        .expect("the QR code's address");
    assert!(
        verify_url.starts_with(&format!("{}/v/", server.url)),
        "{verify_url}"
    );
    // Server back: the status refresh sends the queue, and the letter's public page shows it.
    server.resume();
    t.server_go("status");
    t.wait(
        "the letter registered",
        "document.querySelector('#status-documents').dataset.count === '0'",
    );
    let page = crate::page_text(&verify_url);
    assert!(page.contains("Siti Rahmawati"), "{page}");
    let sha256 = sertel_core::verify::pdf_report::FileIdentity::read(&signed)
        .expect("the signed file")
        .sha256_hex();
    assert!(
        page.contains(&sha256),
        "the registered SHA-256 is not on the page"
    );
    t.go("validate");
    t.type_into("#validate-path", signed.to_str().expect("UTF-8 path"));
    t.click("#validate-start");
    t.wait(
        "integrity passed",
        "document.querySelector('.check[data-check=integrity]') && document.querySelector('.check[data-check=integrity]').dataset.state === 'passed'",
    );
    assert!(t.text("#validate-signatures").contains("Siti Rahmawati"));

    // Lost key: revoked at once, signing refused in Indonesian.
    t.server_go("lost_key");
    t.wait(
        "the active certificate",
        "document.querySelector('#lost_key-report').disabled === false",
    );
    t.type_into(
        "#lost_key-statement",
        "Laptop dinas hilang pada 20 November 2026.",
    );
    t.shot("lost-key-id");
    t.click("#lost_key-report");
    t.wait("the report accepted", &tone("#lost_key-status", "ok"));
    t.server_go("status");
    t.wait(
        "the revoked certificate",
        "document.querySelector('.app-card[data-state=revoked] .timeline li[data-milestone=revoked]') !== null",
    );
    t.shot("status-revoked-id");
    t.click("#lang-en");
    t.wait("English", "document.documentElement.lang === 'en'");
    t.wait(
        "the revoked certificate in English",
        "document.querySelector('.app-card[data-state=revoked] h2').textContent === 'Certificate revoked'",
    );
    t.shot("status-revoked-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");
    t.signing_refused(&work, "nota-dinas.pdf");
    t.shot("sign-revoked-id");

    // The re-issue (Pasal 16 ayat 3): offered on the revoked card, a new key under a new
    // passphrase with the statement letter; once issued, the new key signs again.
    t.server_go("status");
    let revoked = t
        .attribute(".app-card[data-state=revoked]", "data-id")
        .expect("the revoked application's id");
    let card = format!(".app-card[data-id=\"{revoked}\"]");
    t.wait(
        "the re-issue offered",
        &visible(&format!("{card} .reissue-submit")),
    );
    t.type_into(&format!("{card} .reissue-passphrase"), REISSUE_PASSPHRASE);
    t.type_into(&format!("{card} .reissue-repeat"), REISSUE_PASSPHRASE);
    t.click(&format!("{card} .reissue-submit"));
    t.wait(
        "the statement letter asked for",
        &tone(&format!("{card} .reissue-status"), "error"),
    );
    assert!(
        t.text(&format!("{card} .reissue-status"))
            .contains("surat pernyataan"),
        "{}",
        t.text(&format!("{card} .reissue-status"))
    );
    let statement = sample_pdf(&work, "surat-pernyataan-kehilangan.pdf", 1);
    t.type_into(
        &format!("{card} .reissue-letter"),
        statement.to_str().expect("UTF-8 path"),
    );
    t.type_into(&format!("{card} .reissue-passphrase"), REISSUE_PASSPHRASE);
    t.type_into(&format!("{card} .reissue-repeat"), REISSUE_PASSPHRASE);
    t.shot("status-reissue-id");
    t.click(&format!("{card} .reissue-submit"));
    t.wait(
        "the re-issue under way, no longer offered",
        &format!(
            "document.querySelector('.app-card[data-state=submitted]') !== null && document.querySelector('{card} .reissue-submit') === null"
        ),
    );
    let reissue = t
        .attribute(".app-card[data-state=submitted]", "data-id")
        .expect("the re-issue's id");
    let label = t.text(&format!(".app-card[data-id=\"{reissue}\"] .application-id"));
    assert!(label.starts_with("Permohonan penerbitan ulang"), "{label}");
    second_owner::approve_both(&server, &reissue);
    t.wait(
        "the re-issued certificate",
        &format!("document.querySelector('.app-card[data-id=\"{reissue}\"][data-state=issued]') !== null"),
    );
    t.wait("the new certificate stored", &tone("#status-status", "ok"));
    let letter = sample_pdf(&work, "nota-dinas-baru.pdf", 1);
    t.go("sign");
    // The preview drawn first: the page settles before the button is clicked.
    t.add_with_specimen(&letter);
    t.signs_only_with(PASSPHRASE, REISSUE_PASSPHRASE);
}
