//! The agency's electronic seal against a real `sertel-server`: an owner whose own certificate
//! is issued makes the seal's key (its own passphrase, its own folder), applies for the seal of
//! another unit kerja (refused by the server, in Indonesian) and then of their own; the Badan
//! and the Dinas approve; the seal screen shows the seal issued and stores it; the Sign screen
//! offers the seal, which seals a letter as a certification with the seal's specimen and QR
//! code (registered, its page names the agency) and refuses a letter that is already signed;
//! the Validate screen shows "Segel elektronik: <agency>" as passed once the regency CA is
//! trusted; then the seal's key is reported lost on the lost-key screen, the seal is revoked at
//! once and sealing is refused while the owner's own certificate stays active. The seal screen
//! and the sealed letter's validation are photographed in both languages (`app-seal-*.png`).
//!
//! And the seal's renewal (Pasal 18), with the status counted in its last days (see
//! `renewal.rs`): offered on the seal's card, applied for with a new seal key under a new
//! passphrase, issued; the new seal key is then the one that seals.

use std::path::Path;

use crate::renewal::launch_late;
use crate::server::{TestServer, BADAN, DINAS};
use crate::{launcher, out_dir, sample_pdf, second_owner, tone, visible, Test, PASSPHRASE};

const SEAL_PASSPHRASE: &str = "segel dinas di balai kota muara enim";
const AGENCY: &str = "Dinas Komunikasi dan Informatika";
const NEXT_SEAL_PASSPHRASE: &str = "segel baru untuk dua tahun berikutnya di muara enim";

impl Test<'_> {
    /// Fills the seal application's form (the agency stays the profile's unit kerja): the
    /// agency's e-mail address, the request letter and the SK Jabatan, the obligations
    /// accepted, the seal key's passphrase.
    fn fill_seal_form(&self, work: &Path) {
        let request_letter = sample_pdf(work, "surat-permohonan-segel.pdf", 1);
        let sk_jabatan = sample_pdf(work, "sk-jabatan-kepala.pdf", 1);
        self.type_into("#seal-email", "diskominfo@muaraenimkab.go.id");
        self.type_into(
            "#seal-request_letter",
            request_letter.to_str().expect("UTF-8 path"),
        );
        self.type_into("#seal-sk_jabatan", sk_jabatan.to_str().expect("UTF-8 path"));
        self.click("#seal-accept");
        self.type_into("#seal-passphrase", SEAL_PASSPHRASE);
    }

    /// Waits until the status refresh (pushed by the server) shows the card `css` in `state`.
    fn wait_state(&self, css: &str, state: &str) {
        self.wait(
            &format!("{css} {state}"),
            &format!("document.querySelector('{css}[data-state={state}]') !== null"),
        );
    }
}

#[test]
fn an_owner_applies_for_the_agencys_seal_and_seals_a_letter() {
    let _serial = super::one_at_a_time();
    let logs = out_dir("seal-logs");
    let shots = out_dir("screenshots");
    let server = TestServer::start(logs.join("sertel-server.log"));
    let app = launcher::launch(&logs);
    let t = Test {
        s: &app.session,
        shots,
    };
    let home = app.home.path();
    let data = home.join(".local/share").join(crate::APP_ID);
    let work = home.join("Dokumen");
    std::fs::create_dir_all(&work).expect("work folder");

    // The owner's own certificate first: applied for in the app, approved by both verifiers.
    t.issued_in_app(&server, &work);

    // The seal's key: its own passphrase (the owner's rules and meter), its own folder.
    t.server_go("seal");
    t.wait("the seal key form", &visible("#seal-key-create-form"));
    assert_eq!(
        t.s.script(
            "return document.querySelector('#seal-agency').value",
            serde_json::json!([])
        )
        .expect("the agency"),
        serde_json::json!(AGENCY),
        "the agency is not the profile's unit kerja"
    );
    t.type_into("#seal-key-passphrase", "rahasia");
    t.wait(
        "the meter's refusal",
        "document.querySelector('#seal-key-meter').dataset.acceptable === 'false'",
    );
    t.shot("seal-key-id");
    t.create_key_in("seal-key", SEAL_PASSPHRASE);
    t.wait("the seal key", &visible("#seal-key-present"));
    t.wait("the seal form", &visible("#seal-form"));
    let seal_key = std::fs::read(data.join("seal").join("key.pem")).expect("seal key file");
    assert_ne!(
        seal_key,
        std::fs::read(data.join("key.pem")).expect("own key file"),
        "the seal shares the owner's key"
    );

    // The form: the agency, its e-mail address, the request letter and the SK Jabatan.
    t.fill_seal_form(&work);
    t.shot("seal-application-id");

    // Another unit kerja: refused by the server, in Indonesian.
    t.type_into("#seal-agency", "Dinas Pekerjaan Umum");
    t.click("#seal-submit");
    t.wait(
        "the refusal",
        "document.querySelector('#seal-submit-status').dataset.outcome === 'rejected'",
    );
    let refusal = t.text("#seal-submit-status");
    assert!(refusal.contains("unit kerja"), "{refusal}");
    t.shot("seal-not-own-unit-id");

    // The owner's own agency: sent.
    t.type_into("#seal-agency", AGENCY);
    t.type_into("#seal-passphrase", SEAL_PASSPHRASE);
    t.click("#seal-submit");
    t.wait(
        "the sent seal application",
        "document.querySelector('#seal-submit-status').dataset.outcome === 'sent'",
    );
    t.wait_state(".seal-card", "submitted");
    t.shot("seal-submitted-id");

    // The Badan and the Dinas approve (on their laptops): pushed to the screen, the seal
    // stored in its slot.
    let seal = t
        .attribute(".seal-card[data-state=submitted]", "data-id")
        .expect("the seal application's id");
    assert_eq!(
        t.s.script(
            "return document.querySelector(`#status-applications .app-card[data-id=\"${arguments[0]}\"]`) === null",
            serde_json::json!([seal]),
        )
        .expect("the owner's own applications"),
        serde_json::json!(true),
        "the seal is listed among the owner's own applications"
    );
    second_owner::approve(&server, BADAN, &seal);
    t.wait(
        "the Badan's verification",
        "document.querySelector('.seal-card .timeline li[data-milestone=verified_by_badan]') !== null",
    );
    second_owner::approve(&server, DINAS, &seal);
    t.wait_state(".seal-card", "issued");
    t.wait(
        "the seal stored",
        "document.querySelector('#seal-status').dataset.stored === 'true'",
    );
    t.wait(
        "the seal certificate's facts",
        &format!("document.querySelector('#seal-cert-facts').textContent.includes('{AGENCY}')"),
    );
    assert!(data.join("seal").join("certificates.pem").is_file());
    t.shot("seal-issued-id");
    t.click("#lang-en");
    t.wait(
        "English",
        "document.documentElement.lang === 'en' && document.querySelector('.seal-card[data-state=issued] h2').textContent === 'Certificate issued'",
    );
    t.shot("seal-issued-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");

    // Sealing: offered on the Sign screen, with the seal key's passphrase.
    let letter = sample_pdf(&work, "surat-edaran.pdf", 1);
    t.go("sign");
    t.wait("the seal offered", &visible("#sign-as-row"));
    t.click("#sign-as-seal");
    t.wait("the seal's hint", &visible("#sign-seal-hint"));
    t.add_with_specimen(&letter);
    t.type_into("#sign-passphrase", SEAL_PASSPHRASE);
    t.shot("seal-sign-id");
    t.click("#sign-start");
    t.wait(
        "the sealed file with its QR code's address",
        "document.querySelector('#sign-files li[data-state=done] .file-verify') !== null",
    );
    t.wait(
        "the sealed letter registered",
        "document.querySelector('#sign-registration').dataset.registered === '1'",
    );
    let sealed = work.join("surat-edaran-signed.pdf");
    let bytes = std::fs::read(&sealed).expect("the sealed copy");
    assert!(
        bytes.windows(7).any(|w| w == b"/DocMDP"),
        "not a certification"
    );
    let verify_url = t
        .attribute(
            "#sign-files li[data-state=done] .file-verify",
            "data-verify-url",
        )
        .expect("the QR code's address");
    let page = crate::page_text(&verify_url);
    assert!(page.contains(AGENCY), "{page}");

    // A letter that is already signed (the sealed one) is refused for a seal, with the reason.
    t.type_into("#sign-path", sealed.to_str().expect("UTF-8 path"));
    t.click("#sign-add");
    t.type_into("#sign-passphrase", SEAL_PASSPHRASE);
    t.click("#sign-start");
    t.wait(
        "the signed letter refused",
        "document.querySelector('#sign-files li[data-state=failed]') !== null",
    );
    let failed = t.text("#sign-files li[data-state=failed] .file-detail");
    assert!(failed.contains("sudah ditandatangani"), "{failed}");
    t.s.script(
        "document.querySelector('#sign-files').scrollIntoView({block: 'start'}); return true;",
        serde_json::json!([]),
    )
    .expect("scrolled to the files");
    t.shot("seal-refused-id");

    // The regency CA trusted: the seal validates, named as a seal.
    let ca = work.join("regency-ca.crt");
    let mut response = ureq::get(&format!("{}/ca/regency-ca.crt", server.url))
        .call()
        .expect("the regency CA");
    std::fs::write(
        &ca,
        response
            .body_mut()
            .read_to_vec()
            .expect("the CA certificate"),
    )
    .expect("CA file");
    t.go("settings");
    t.type_into("#settings-trust-path", ca.to_str().expect("UTF-8 path"));
    t.click("#settings-trust-import");
    t.wait("the imported anchor", &tone("#settings-trust-status", "ok"));
    t.go("validate");
    t.validated(&sealed, "passed");
    let signatures = t.text("#validate-signatures");
    assert!(
        signatures.contains("Segel elektronik") && signatures.contains(AGENCY),
        "{signatures}"
    );
    t.shot("seal-validate-id");
    t.click("#lang-en");
    t.wait(
        "the seal in English",
        "document.documentElement.lang === 'en' && document.querySelector('#validate-signatures').textContent.includes('Electronic seal')",
    );
    t.shot("seal-validate-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");

    // The seal's key reported lost (chosen on the lost-key screen): the seal is revoked at
    // once and the app stops sealing with it; the owner's own certificate stays active.
    t.server_go("lost_key");
    t.wait("the choice of key", &visible("#lost_key-which-row"));
    t.click("#lost_key-which-seal");
    t.wait(
        "the seal named",
        &format!(
            "document.querySelector('#lost_key-certificate').textContent.includes('{AGENCY}')"
        ),
    );
    t.type_into("#lost_key-statement", "Laptop berisi kunci segel hilang.");
    t.shot("seal-lost-key-id");
    t.click("#lost_key-report");
    t.wait("the seal revoked", &tone("#lost_key-status", "ok"));
    t.wait(
        "only the owner's own certificate left",
        "document.querySelector('#lost_key-which-row').classList.contains('hidden') && document.querySelector('#lost_key-certificate').textContent.startsWith('Sertifikat aktif')",
    );
    let letter = sample_pdf(&work, "sesudah-segel-hilang.pdf", 1);
    t.go("sign");
    t.click("#sign-as-seal");
    t.type_into("#sign-path", letter.to_str().expect("UTF-8 path"));
    t.click("#sign-add");
    t.type_into("#sign-passphrase", SEAL_PASSPHRASE);
    t.click("#sign-start");
    t.wait(
        "sealing refused",
        "document.querySelector('#sign-status').dataset.kind === 'key_revoked'",
    );
    assert!(!work.join("sesudah-segel-hilang-signed.pdf").exists());

    // Neither passphrase was written anywhere.
    for file in crate::files_under(home) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        for secret in [PASSPHRASE, SEAL_PASSPHRASE] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "a passphrase is in {}",
                file.display()
            );
        }
    }
}

#[test]
fn the_agencys_seal_is_renewed_in_its_last_days_with_a_new_seal_key() {
    let _serial = super::one_at_a_time();
    let late = launch_late("seal-renewal-logs");
    let (t, server, data, work) = (late.test(), &late.server, &late.data, &late.work);

    // The seal issued, as in the test above.
    t.issued_in_app(server, work);
    t.server_go("seal");
    t.wait("the seal key form", &visible("#seal-key-create-form"));
    t.create_key_in("seal-key", SEAL_PASSPHRASE);
    t.wait("the seal form", &visible("#seal-form"));
    t.fill_seal_form(work);
    t.click("#seal-submit");
    t.wait_state(".seal-card", "submitted");
    let seal = t
        .attribute(".seal-card[data-state=submitted]", "data-id")
        .expect("the seal application's id");
    second_owner::approve_both(server, &seal);
    t.wait_state(".seal-card", "issued");

    // Its last days: renewal offered on the seal's card, with a new seal key.
    let card = t.renewal_offered("seal-card", &seal);
    t.shot("seal-renewal-offered-id");
    let renewal = t.renew_from("seal-card", &card, NEXT_SEAL_PASSPHRASE);
    assert!(data.join("seal").join("renewal").join("key.pem").is_file());
    assert_ne!(renewal, seal);
    let label = t.text(&format!(
        ".seal-card[data-id=\"{renewal}\"] .application-id"
    ));
    assert!(label.starts_with("Permohonan perpanjangan"), "{label}");

    // Issued: the new seal key is the current one, the old one kept in previous/.
    second_owner::approve_both(server, &renewal);
    t.renewed("seal-card", &card, &renewal);
    t.wait(
        "the renewed seal stored",
        "document.querySelector('#seal-status').dataset.stored === 'true'",
    );
    assert!(data
        .join("seal")
        .join("previous")
        .join("1")
        .join("key.pem")
        .is_file());
    assert!(!data.join("seal").join("renewal").exists());

    // The old seal passphrase no longer opens the seal key; the new one seals.
    let letter = sample_pdf(work, "surat-sesudah-perpanjangan.pdf", 1);
    t.go("sign");
    t.wait("the seal offered", &visible("#sign-as-row"));
    t.click("#sign-as-seal");
    t.add_with_specimen(&letter);
    t.signs_only_with(SEAL_PASSPHRASE, NEXT_SEAL_PASSPHRASE);
    let sealed =
        std::fs::read(work.join("surat-sesudah-perpanjangan-signed.pdf")).expect("the sealed copy");
    assert!(sealed.windows(7).any(|w| w == b"/DocMDP"), "not a seal");
}
