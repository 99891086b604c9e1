//! The owner's and the verifiers' steps that more than one journey takes: moving between the
//! server screens, signing in and out, approving in the verifier view, and a new owner's
//! profile, key, registration, recommendation letter and application form.

use std::path::Path;

use test_support::letters::{sample_letter, LetterSpec, PageSize};

use crate::server::TestServer;
use crate::{fill_profile, sample_pdf, second_owner, tone, visible, Test, PASSPHRASE};

pub(crate) const OWNER_PASSWORD: &str = "kata-sandi-pemilik-2025";
pub(crate) const OWNER_EMAIL: &str = "siti.rahmawati@muaraenimkab.go.id";

impl Test<'_> {
    pub(crate) fn server_go(&self, screen: &str) {
        self.click(&format!(".nav-item[data-server={screen}]"));
        self.wait(
            &format!("the {screen} screen"),
            &format!("document.body.dataset.screen === '{screen}'"),
        );
    }

    pub(crate) fn sign_in(&self, email: &str, password: &str, role: &str) {
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

    pub(crate) fn sign_out(&self) {
        self.server_go("account");
        self.wait("the signed-in card", &visible("#account-sign-out"));
        self.click("#account-sign-out");
        self.wait("signed out", "document.body.dataset.role === 'none'");
    }

    /// As a verifier: opens the first application in the queue and approves it.
    pub(crate) fn approve_first(&self, expected_state: &str, shot: &str) {
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

    /// A fresh app: the profile saved, a key made, the server's address set, and the owner
    /// registered from the profile and signed in.
    pub(crate) fn new_owner(&self, server_url: &str) {
        // Profile and key.
        self.wait(
            "the first screen",
            "document.body.dataset.ready === 'true' && document.body.dataset.screen === 'profile'",
        );
        fill_profile(self, "198507142010012003", "1603015407850001");
        self.click("#profile-save");
        self.wait("the key screen", "document.body.dataset.screen === 'key'");
        self.create_key();

        // The server's address (plain HTTP is allowed to this machine).
        self.go("settings");
        self.type_into("#settings-server", server_url);
        self.click("#settings-save");
        self.wait("the saved settings", &tone("#settings-status", "ok"));

        // Register from the profile: signed in as the owner; no keyring here, so the file
        // fallback is announced.
        self.server_go("account");
        self.wait("the account forms", &visible("#account-register-form"));
        self.wait(
            "the token-file notice",
            "document.querySelector('#account-storage').dataset.kind === 'session_in_file'",
        );
        self.shot("account-signed-out-id");
        self.type_into("#account-new-password", OWNER_PASSWORD);
        self.click("#account-register");
        self.wait(
            "signed in as owner",
            "document.body.dataset.role === 'owner'",
        );
        self.shot("account-id");
    }

    /// The recommendation letter filled in, saved into `work` and previewed.
    pub(crate) fn write_letter(&self, work: &Path) {
        // The recommendation letter: problems listed until the recommender is filled in, then
        // saved and previewed.
        self.server_go("letter");
        self.wait(
            "the letter's problems",
            "Number(document.querySelector('#letter-problems').dataset.count) > 0",
        );
        self.type_into("#letter-rec-full_name", "Drs. Ahmad Fauzi, M.Si.");
        self.type_into("#letter-rec-nip", "197803152005011002");
        self.type_into("#letter-rec-nik", "1603011503780001");
        self.type_into("#letter-rec-rank", "Pembina (IV/a)");
        self.type_into("#letter-rec-title", "Kepala Dinas");
        self.type_into("#letter-rec-unit", "Dinas Komunikasi dan Informatika");
        self.type_into("#letter-rec-email", "ahmad.fauzi@muaraenimkab.go.id");
        let letter = work.join("surat-rekomendasi.pdf");
        self.type_into("#letter-path", letter.to_str().expect("UTF-8 path"));
        self.click("#letter-save");
        self.wait("the saved letter", &tone("#letter-status", "ok"));
        self.wait(
            "the letter previewed without problems",
            "document.querySelector('#letter-problems').dataset.count === '0' && (document.querySelector('#letter-preview').getAttribute('src') || '').startsWith('data:image/png')",
        );
        assert!(std::fs::read(&letter)
            .expect("letter")
            .starts_with(b"%PDF-"));
        self.shot("letter-id");
    }

    /// The application screen filled in with documents written into `work`, consent given and
    /// the passphrase typed, ready to submit.
    pub(crate) fn fill_application(&self, work: &Path) {
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
        self.server_go("application");
        self.wait(
            "the Pasal 19/20 text",
            "document.querySelector('#application-consent').textContent.includes('Pasal 19')",
        );
        self.wait(
            "the letter attached",
            "document.querySelector('#application-letter').value.endsWith('surat-rekomendasi.pdf')",
        );
        for (id, path) in [
            ("ktp", &ktp),
            ("sk_jabatan", &sk_jabatan),
            ("sk_pangkat", &sk_pangkat),
            ("photo", &photo),
        ] {
            self.type_into(
                &format!("#application-{id}"),
                path.to_str().expect("UTF-8 path"),
            );
        }
        self.click("#application-accept");
        self.type_into("#application-passphrase", PASSPHRASE);
        self.shot("application-id");
    }

    /// A new owner's first application, made in the app and sent: profile, key, registration,
    /// recommendation letter and documents written into `work`.
    pub(crate) fn apply(&self, server_url: &str, work: &Path) {
        self.new_owner(server_url);
        self.write_letter(work);
        self.fill_application(work);
        self.click("#application-submit");
        self.wait(
            "the sent application",
            "document.querySelector('#application-status').dataset.outcome === 'sent'",
        );
    }

    /// A new owner applies in the app (see [`Test::apply`]); the Badan and the Dinas approve
    /// through the server (as on their own laptops); the status screen shows the certificate
    /// issued and stored. The application's id.
    pub(crate) fn issued_in_app(&self, server: &TestServer, work: &Path) -> String {
        self.apply(&server.url, work);
        self.server_go("status");
        self.wait(
            "the application",
            "document.querySelector('.app-card[data-state=submitted]') !== null",
        );
        let id = self
            .attribute(".app-card[data-state=submitted]", "data-id")
            .expect("the application's id");
        second_owner::approve_both(server, &id);
        self.wait(
            "the certificate issued",
            &format!(
                "document.querySelector('.app-card[data-id=\"{id}\"][data-state=issued]') !== null"
            ),
        );
        self.wait("the stored certificate", &tone("#status-status", "ok"));
        id
    }

    /// Adds `pdf` to the Sign screen's batch and waits for its preview and the specimen offered
    /// (to a signed-in owner).
    pub(crate) fn add_with_specimen(&self, pdf: &Path) {
        self.type_into("#sign-path", pdf.to_str().expect("UTF-8 path"));
        self.click("#sign-add");
        self.wait(
            "the preview",
            "(document.querySelector('#sign-preview-image').getAttribute('src') || '').startsWith('data:image/png')",
        );
        self.wait("the specimen offered", &visible("#sign-specimen"));
    }

    /// Tries to sign `dir/name` (a new letter) with the owner's revoked key: refused in
    /// Indonesian, nothing written.
    pub(crate) fn signing_refused(&self, dir: &Path, name: &str) {
        let letter = sample_pdf(dir, name, 1);
        self.go("sign");
        self.type_into("#sign-path", letter.to_str().expect("UTF-8 path"));
        self.type_into("#sign-passphrase", PASSPHRASE);
        self.click("#sign-start");
        self.wait(
            "signing refused",
            "document.querySelector('#sign-status').dataset.kind === 'key_revoked'",
        );
        assert!(
            self.text("#sign-status").contains("dicabut"),
            "not in Indonesian: {}",
            self.text("#sign-status")
        );
        let signed = dir.join(name.replace(".pdf", "-signed.pdf"));
        assert!(!signed.exists(), "a revoked key signed a file");
    }
}
