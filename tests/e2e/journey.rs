//! The owner's whole journey against a real `sertel-server` on a loopback port: profile → key
//! → recommendation letter → application (sent while the server is down: queued, then sent
//! when it is back) → sign out; the Badan verifier approves, the Dinas verifier approves (in
//! English); the owner sees "issued", the certificate lands in the key slot, a PDF is signed
//! and validated; the key is reported lost: the status shows "revoked" and signing is refused
//! in Indonesian. The letter is signed with the specimen while the server is down: its
//! registration waits and goes with the next status refresh, and the QR code's page on the
//! server then shows the signer and the file's SHA-256. Every new screen is photographed in
//! both languages.

use test_support::letters::{sample_letter, LetterSpec, PageSize};

use crate::server::{TestServer, BADAN, DINAS, STAFF_PASSWORD};
use crate::{fill_profile, launcher, out_dir, tone, visible, Test, PASSPHRASE};

const OWNER_PASSWORD: &str = "kata-sandi-pemilik-2025";
const OWNER_EMAIL: &str = "siti.rahmawati@muaraenimkab.go.id";

impl Test<'_> {
    fn server_go(&self, screen: &str) {
        self.click(&format!(".nav-item[data-server={screen}]"));
        self.wait(
            &format!("the {screen} screen"),
            &format!("document.body.dataset.screen === '{screen}'"),
        );
    }

    fn sign_in(&self, email: &str, password: &str, role: &str) {
        self.server_go("account");
        self.wait("the sign-in form", &visible("#account-sign-in-form"));
        self.type_into("#account-email", email);
        self.type_into("#account-password", password);
        self.click("#account-sign-in");
        self.wait(
            &format!("signed in as {role}"),
            &format!("document.body.dataset.role === '{role}'"),
        );
    }

    fn sign_out(&self) {
        self.server_go("account");
        self.wait("the signed-in card", &visible("#account-sign-out"));
        self.click("#account-sign-out");
        self.wait("signed out", "document.body.dataset.role === 'none'");
    }

    /// As a verifier: opens the first application in the queue and approves it.
    fn approve_first(&self, expected_state: &str, shot: &str) {
        self.server_go("verifier");
        self.wait(
            "the queue",
            "document.querySelector('#verifier-queue li[data-state] button') !== null",
        );
        self.click("#verifier-queue li[data-state] button");
        self.wait(
            "the first document drawn",
            "document.querySelector('#verifier-doc-view').dataset.loaded === 'true' && document.querySelector('#verifier-doc-view img') !== null",
        );
        self.click("#verifier-doc-tabs button[data-kind=photo]");
        self.wait(
            "the photo",
            "document.querySelector('#verifier-doc-view').dataset.kind === 'photo' && document.querySelector('#verifier-doc-view').dataset.loaded === 'true'",
        );
        self.click("#verifier-doc-tabs button[data-kind=recommendation_letter]");
        self.wait(
            "the letter's page",
            "document.querySelector('#verifier-doc-view').dataset.kind === 'recommendation_letter' && document.querySelector('#verifier-doc-view').dataset.loaded === 'true'",
        );
        self.shot(shot);
        self.click("#verifier-approve");
        self.wait(
            &format!("the application {expected_state}"),
            &format!(
                "document.querySelector('#verifier-action-status').dataset.state === '{expected_state}'"
            ),
        );
    }
}

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

    // Profile and key.
    t.wait(
        "the first screen",
        "document.body.dataset.ready === 'true' && document.body.dataset.screen === 'profile'",
    );
    fill_profile(&t, "198507142010012003", "1603015407850001");
    t.click("#profile-save");
    t.wait("the key screen", "document.body.dataset.screen === 'key'");
    t.type_into("#key-passphrase", PASSPHRASE);
    t.type_into("#key-repeat", PASSPHRASE);
    t.wait(
        "the meter's approval",
        "document.querySelector('#key-meter').dataset.acceptable === 'true'",
    );
    t.click("#key-create");
    t.wait("the new key", &visible("#key-present"));

    // The server's address (plain HTTP is allowed to this machine).
    t.go("settings");
    t.type_into("#settings-server", &server.url);
    t.click("#settings-save");
    t.wait("the saved settings", &tone("#settings-status", "ok"));

    // Register from the profile: signed in as the owner; no keyring here, so the file
    // fallback is announced.
    t.server_go("account");
    t.wait("the account forms", &visible("#account-register-form"));
    t.wait(
        "the token-file notice",
        "document.querySelector('#account-storage').dataset.kind === 'session_in_file'",
    );
    t.shot("account-signed-out-id");
    t.type_into("#account-new-password", OWNER_PASSWORD);
    t.click("#account-register");
    t.wait(
        "signed in as owner",
        "document.body.dataset.role === 'owner'",
    );
    t.shot("account-id");

    // The recommendation letter: problems listed until the recommender is filled in, then
    // saved and previewed.
    t.server_go("letter");
    t.wait(
        "the letter's problems",
        "Number(document.querySelector('#letter-problems').dataset.count) > 0",
    );
    t.type_into("#letter-rec-full_name", "Drs. Ahmad Fauzi, M.Si.");
    t.type_into("#letter-rec-nip", "197803152005011002");
    t.type_into("#letter-rec-nik", "1603011503780001");
    t.type_into("#letter-rec-rank", "Pembina (IV/a)");
    t.type_into("#letter-rec-title", "Kepala Dinas");
    t.type_into("#letter-rec-unit", "Dinas Komunikasi dan Informatika");
    t.type_into("#letter-rec-email", "ahmad.fauzi@muaraenimkab.go.id");
    let letter = work.join("surat-rekomendasi.pdf");
    t.type_into("#letter-path", letter.to_str().expect("UTF-8 path"));
    t.click("#letter-save");
    t.wait("the saved letter", &tone("#letter-status", "ok"));
    t.wait(
        "the letter previewed without problems",
        "document.querySelector('#letter-problems').dataset.count === '0' && (document.querySelector('#letter-preview').getAttribute('src') || '').startsWith('data:image/png')",
    );
    assert!(std::fs::read(&letter)
        .expect("letter")
        .starts_with(b"%PDF-"));
    t.shot("letter-id");

    // The application, with the server down: queued.
    let sk = sample_letter(&LetterSpec::new(1, PageSize::A4Portrait));
    let (ktp, sk_jabatan, sk_pangkat, photo) = (
        work.join("ktp.png"),
        work.join("sk-jabatan.pdf"),
        work.join("sk-pangkat.pdf"),
        work.join("foto.png"),
    );
    let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png"))
        .expect("an icon as the photo");
    std::fs::write(&ktp, &png).expect("ktp");
    std::fs::write(&photo, &png).expect("photo");
    std::fs::write(&sk_jabatan, &sk).expect("sk");
    std::fs::write(&sk_pangkat, &sk).expect("sk");
    t.server_go("application");
    t.wait(
        "the Pasal 19/20 text",
        "document.querySelector('#application-consent').textContent.includes('Pasal 19')",
    );
    t.wait(
        "the letter attached",
        "document.querySelector('#application-letter').value.endsWith('surat-rekomendasi.pdf')",
    );
    for (id, path) in [
        ("ktp", &ktp),
        ("sk_jabatan", &sk_jabatan),
        ("sk_pangkat", &sk_pangkat),
        ("photo", &photo),
    ] {
        t.type_into(
            &format!("#application-{id}"),
            path.to_str().expect("UTF-8 path"),
        );
    }
    t.click("#application-accept");
    t.type_into("#application-passphrase", PASSPHRASE);
    t.shot("application-id");
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
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");
    t.server_go("status");
    t.wait(
        "the issued certificate",
        "document.querySelector('.app-card[data-state=issued] .cert-facts') !== null",
    );
    t.shot("status-issued-id");

    // Sign a letter with the issued certificate, and validate it.
    let undangan = work.join("undangan.pdf");
    std::fs::write(
        &undangan,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("letter");
    t.go("sign");
    t.type_into("#sign-path", undangan.to_str().expect("UTF-8 path"));
    t.click("#sign-add");
    t.wait(
        "the preview",
        "(document.querySelector('#sign-preview-image').getAttribute('src') || '').startsWith('data:image/png')",
    );
    t.wait("the specimen offered", &visible("#sign-specimen"));
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
    let page = ureq::get(&verify_url)
        .call()
        .expect("the verification page")
        .into_body()
        .read_to_string()
        .expect("the page's text");
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
    let second = work.join("nota-dinas.pdf");
    std::fs::write(
        &second,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("second letter");
    t.go("sign");
    t.type_into("#sign-path", second.to_str().expect("UTF-8 path"));
    t.type_into("#sign-passphrase", PASSPHRASE);
    t.click("#sign-start");
    t.wait(
        "signing refused",
        "document.querySelector('#sign-status').dataset.kind === 'key_revoked'",
    );
    assert!(
        t.text("#sign-status").contains("dicabut"),
        "not in Indonesian: {}",
        t.text("#sign-status")
    );
    assert!(
        !work.join("nota-dinas-signed.pdf").exists(),
        "a revoked key signed a file"
    );
    t.shot("sign-revoked-id");
}
