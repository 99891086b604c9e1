//! End-to-end test of the real desktop app: the debug binary in WebKitGTK, driven through
//! tauri-driver and WebKitWebDriver under Xvfb, in a fresh HOME. One owner's first day:
//! profile (a wrong NIP refused, a NIK that disagrees with the NIP refused, then saved) → key
//! (weak passphrase refused by the meter, key made) → certificate request → certificate issued
//! by the test CA and imported → PDF signed (signature box dragged on the preview; a wrong
//! passphrase told apart) → validated (not trusted without anchors, valid once the root is
//! imported; report exported) → tampered copy fails → language switched to English.
//!
//! Every screen is photographed in both languages into `target/tmp/e2e/screenshots/`.
//! Needs `Xvfb`, `tauri-driver` and `WebKitWebDriver`; `scripts/e2e.sh` installs them.

mod issuer;
mod journey;
mod launcher;
mod notifications;
mod owner;
mod renewal;
mod revocation;
mod seal;
mod second_owner;
mod server;
mod webdriver;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use webdriver::{DriverResult, Element, Session};

/// The longest any one expected state may take to appear (key generation, signing and
/// validation included, in a debug build on a busy machine).
const DEADLINE: Duration = Duration::from_secs(60);

const PASSPHRASE: &str = "kopi pahit di tepi sungai lematang";
const APP_ID: &str = "id.go.muaraenimkab.sertel";

/// The end-to-end tests run one at a time: each starts its own X server, driver and WebKit,
/// and two at once on a 2-core machine only make both slow enough to miss their deadlines.
/// (nextest runs them in separate processes; `.config/nextest.toml` puts them in one group.)
fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|p| p.into_inner())
}

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("e2e")
        .join(name);
    std::fs::create_dir_all(&dir).expect("output folder");
    dir
}

/// The steps of the scenario, with the session and where screenshots go.
struct Test<'a> {
    s: &'a Session,
    shots: PathBuf,
}

impl Test<'_> {
    fn wait(&self, what: &str, condition: &str) {
        self.s
            .wait_for(what, condition, DEADLINE)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    fn click(&self, css: &str) {
        // The screens scroll inside `.content`, which the driver does not scroll by itself.
        let _ = self.s.script(
            "const el = document.querySelector(arguments[0]); if (el) el.scrollIntoView({block: 'center'}); return true;",
            json!([css]),
        );
        self.on(css, "click", |e| e.click());
    }

    /// `op` on the element at `css`; found again when a redraw replaced it on the way (the
    /// status screens redraw on every change the server pushes), a few times at most.
    fn on<T>(&self, css: &str, what: &str, op: impl Fn(&Element<'_>) -> DriverResult<T>) -> T {
        let mut replaced = 0;
        loop {
            match self.s.find(css).and_then(|e| op(&e)) {
                Ok(value) => return value,
                Err(e) if e.is_stale() && replaced < 5 => replaced += 1,
                Err(e) => panic!("{what} {css}: {e}"),
            }
        }
    }

    fn type_into(&self, css: &str, text: &str) {
        self.on(css, "type into", |el| {
            el.clear()?;
            if text.is_empty() {
                Ok(())
            } else {
                el.send_keys(text)
            }
        });
    }

    fn select(&self, css: &str, value: &str) {
        self.s
            .script(
                "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
                 el.dispatchEvent(new Event('change', {bubbles: true})); return el.value;",
                json!([css, value]),
            )
            .unwrap_or_else(|e| panic!("select {css}: {e}"));
    }

    fn text(&self, css: &str) -> String {
        self.on(css, "text of", |e| e.text())
    }

    fn attribute(&self, css: &str, name: &str) -> Option<String> {
        self.on(css, &format!("{name} of"), |e| e.attribute(name))
    }

    /// Types the passphrase twice, waits for the meter's approval and makes the key.
    fn create_key(&self) {
        self.create_key_in("key", PASSPHRASE);
        self.wait("the new key", &visible("#key-present"));
    }

    /// In the new-key form of ids `prefix-…`: types `passphrase` twice, waits for the meter's
    /// approval and asks for the key.
    fn create_key_in(&self, prefix: &str, passphrase: &str) {
        self.type_into(&format!("#{prefix}-passphrase"), passphrase);
        self.type_into(&format!("#{prefix}-repeat"), passphrase);
        self.wait(
            "the meter's approval",
            &format!("document.querySelector('#{prefix}-meter').dataset.acceptable === 'true'"),
        );
        self.click(&format!("#{prefix}-create"));
    }

    fn go(&self, screen: &str) {
        self.click(&format!(
            ".nav-item[data-screen={screen}]:not([data-server])"
        ));
        self.wait(
            &format!("the {screen} screen"),
            &format!("document.body.dataset.screen === '{screen}'"),
        );
    }

    /// Validates `pdf` on the Validate screen and waits for the overall verdict's `tone`.
    fn validated(&self, pdf: &Path, tone: &str) {
        self.type_into("#validate-path", pdf.to_str().expect("UTF-8 path"));
        self.click("#validate-start");
        self.wait(
            &format!("the {tone} verdict"),
            &format!("document.querySelector('#validate-overall').dataset.tone === '{tone}'"),
        );
    }

    /// Saves a screenshot as `app-NAME.png` once the page has drawn its state.
    fn shot(&self, name: &str) {
        self.s.painted().unwrap_or_else(|e| panic!("paint: {e}"));
        let png = self
            .s
            .screenshot()
            .unwrap_or_else(|e| panic!("screenshot: {e}"));
        assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
        std::fs::write(self.shots.join(format!("app-{name}.png")), png).expect("screenshot file");
    }
}

/// The text of the page at `url` (a letter's public page on the server).
fn page_text(url: &str) -> String {
    ureq::get(url)
        .call()
        .expect("the verification page")
        .into_body()
        .read_to_string()
        .expect("the page's text")
}

/// A sample A4 letter of `pages` pages written as `dir/name`.
fn sample_pdf(dir: &Path, name: &str, pages: usize) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        sample_letter(&LetterSpec::new(pages, PageSize::A4Portrait)),
    )
    .expect("sample letter");
    path
}

fn visible(css: &str) -> String {
    format!(
        "(document.querySelector('{css}') && !document.querySelector('{css}').closest('.hidden'))"
    )
}

fn tone(css: &str, tone: &str) -> String {
    format!("document.querySelector('{css}').dataset.tone === '{tone}'")
}

fn fill_profile(t: &Test<'_>, nip: &str, nik: &str) {
    t.type_into("#profile-full_name", "Siti Rahmawati, S.Kom.");
    t.type_into("#profile-nip", nip);
    t.type_into("#profile-nik", nik);
    t.select("#profile-rank", "Penata Muda (III/a)");
    t.type_into("#profile-title", "Pranata Komputer Ahli Pertama");
    t.type_into("#profile-unit", "Dinas Komunikasi dan Informatika");
    t.type_into("#profile-email", "siti.rahmawati@muaraenimkab.go.id");
    t.type_into("#profile-phone", "0812 3456 7890");
}

/// Every file under `dir`.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found
}

/// A copy of `signed` with one byte of the original letter changed (inside what the signature
/// covers): the page text "Muara Enim" becomes "Muara Enin".
fn tamper(signed: &Path, out: &Path) {
    let mut bytes = std::fs::read(signed).expect("signed PDF");
    let at = bytes
        .windows(10)
        .position(|w| w == b"Muara Enim")
        .expect("the letter's text is in the file");
    bytes[at + 9] = b'n';
    std::fs::write(out, bytes).expect("tampered copy");
}

#[test]
fn an_owner_signs_and_validates_a_letter_in_both_languages() {
    let _serial = one_at_a_time();
    let logs = out_dir("logs");
    let shots = out_dir("screenshots");
    let app = launcher::launch(&logs);
    let t = Test {
        s: &app.session,
        shots,
    };
    let home = app.home.path();
    let data = home.join(".local/share").join(APP_ID);
    let work = home.join("Dokumen");
    std::fs::create_dir_all(&work).expect("work folder");

    // First run: the profile screen, in Indonesian.
    t.wait(
        "the first screen",
        "document.body.dataset.ready === 'true' && document.body.dataset.screen === 'profile'",
    );
    assert_eq!(t.text(".nav-item[data-screen=profile]"), "Profil");
    t.shot("profile-first-run-id");

    // Without a server address the server-connected entries explain themselves.
    t.click(".nav-item[data-server=application]");
    t.wait(
        "the explanation",
        "document.body.dataset.screen === 'server'",
    );
    t.shot("server-id");
    t.go("profile");

    // A NIP with month 13 is refused, and nothing is saved.
    fill_profile(&t, "198513142010012003", "1603015407850001");
    t.click("#profile-save");
    t.wait(
        "the NIP problem",
        "document.querySelector('.field-error[data-for=nip]').textContent.length > 0",
    );
    t.wait("the refusal", &tone("#profile-status", "error"));
    t.shot("profile-invalid-id");
    assert!(
        !data.join("profile.json").exists(),
        "an invalid profile was saved"
    );

    // A valid NIP (born 14-07-1985, female) with a NIK for a man born that day: refused.
    t.type_into("#profile-nip", "198507142010012003");
    t.type_into("#profile-nik", "1603011407850001");
    t.click("#profile-save");
    t.wait(
        "the NIP/NIK disagreement",
        "(document.querySelector('.field-error[data-for=nik]').dataset.kind || '').startsWith('nip_nik')",
    );
    assert!(!data.join("profile.json").exists());

    // The woman's NIK (day + 40): saved, and the app moves on to the key.
    t.type_into("#profile-nik", "1603015407850001");
    t.click("#profile-save");
    t.wait(
        "the key screen after saving",
        "document.body.dataset.screen === 'key'",
    );
    assert!(data.join("profile.json").is_file());

    // The meter refuses a short word; a long phrase makes the key.
    t.type_into("#key-passphrase", "rahasia");
    t.wait(
        "the meter's refusal",
        "document.querySelector('#key-meter').dataset.acceptable === 'false' && document.querySelector('#key-meter-hints').children.length > 0",
    );
    t.shot("key-new-id");
    t.create_key();
    assert!(t.text("#key-facts").contains("rsa-3072"));
    let key_pem = std::fs::read_to_string(data.join("key.pem")).expect("key file");
    assert!(
        key_pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"),
        "{key_pem}"
    );
    t.shot("key-no-certificate-id");

    // Certificate request out, certificate in.
    let csr = work.join("permintaan.csr");
    t.type_into("#key-csr-path", csr.to_str().expect("UTF-8 path"));
    t.type_into("#key-csr-passphrase", PASSPHRASE);
    t.click("#key-csr");
    t.wait("the saved request", &tone("#key-csr-status", "ok"));
    let cert = work.join("sertifikat.pem");
    issuer::issue_for_request(&csr, &cert);
    t.type_into("#key-cert-path", cert.to_str().expect("UTF-8 path"));
    t.click("#key-cert-import");
    t.wait("the imported certificate", &tone("#key-cert-status", "ok"));
    t.wait(
        "the certificate facts",
        "document.querySelector('#key-cert-facts').textContent.includes('Siti Rahmawati')",
    );
    t.shot("key-id");

    // Sign: the letter's last page previewed, the box dragged up and left.
    let letter = sample_pdf(&work, "undangan.pdf", 2);
    t.go("sign");
    t.type_into("#sign-path", letter.to_str().expect("UTF-8 path"));
    t.click("#sign-add");
    t.wait(
        "the preview of page 2",
        "document.querySelector('#sign-preview').dataset.page === '2' && (document.querySelector('#sign-preview-image').getAttribute('src') || '').startsWith('data:image/png')",
    );
    let before = t.attribute("#sign-preview-box", "data-x");
    let sig_box = t.s.find("#sign-preview-box").expect("signature box");
    t.s.drag(&sig_box, -120, -90).expect("drag");
    t.wait(
        "the dragged placement",
        "document.querySelector('#sign-dragged').checked",
    );
    assert_ne!(
        t.attribute("#sign-preview-box", "data-x"),
        before,
        "the box did not move"
    );
    t.type_into("#sign-reason", "Persetujuan");
    t.shot("sign-id");

    // A wrong passphrase is named as such and writes nothing.
    t.type_into("#sign-passphrase", "bukan frasa yang benar");
    t.click("#sign-start");
    t.wait(
        "the wrong-passphrase message",
        "document.querySelector('#sign-status').dataset.kind === 'wrong_passphrase'",
    );
    t.shot("sign-wrong-passphrase-id");
    let signed = work.join("undangan-signed.pdf");
    assert!(
        !signed.exists(),
        "a file was written with a wrong passphrase"
    );

    t.type_into("#sign-passphrase", PASSPHRASE);
    t.click("#sign-start");
    t.wait(
        "the signed file",
        "document.querySelector('#sign-files li[data-state=done]') !== null",
    );
    t.wait("the batch summary", &tone("#sign-status", "ok"));
    assert!(signed.is_file(), "no signed copy next to the letter");
    t.shot("sign-done-id");

    // Validate without trust anchors: intact but not trusted.
    t.go("validate");
    t.type_into("#validate-path", signed.to_str().expect("UTF-8 path"));
    t.click("#validate-start");
    t.wait("the verdict", &visible("#validate-result"));
    assert_ne!(
        t.attribute("#validate-overall", "data-tone").as_deref(),
        Some("passed")
    );
    t.wait(
        "integrity passed",
        "document.querySelector('.check[data-check=integrity]').dataset.state === 'passed'",
    );
    t.wait(
        "trust not passed",
        "document.querySelector('.check[data-check=trust]').dataset.state !== 'passed'",
    );
    t.wait("the no-anchor warning", &visible("#validate-no-anchors"));
    t.shot("validate-untrusted-id");

    // Settings: the test root becomes a trust anchor; plain HTTP to a server is refused.
    let root = work.join("akar.pem");
    issuer::write_root(&root);
    t.go("settings");
    t.type_into("#settings-trust-path", root.to_str().expect("UTF-8 path"));
    t.click("#settings-trust-import");
    t.wait(
        "the anchor",
        "document.querySelector('#settings-anchors').textContent.includes('Sertel Test Root CA')",
    );
    t.type_into("#settings-server", "http://sertel.muaraenimkab.go.id");
    t.click("#settings-save");
    t.wait(
        "the plain-HTTP refusal",
        "document.querySelector('#settings-status').dataset.kind === 'plain_http'",
    );
    t.shot("settings-plain-http-id");
    t.type_into("#settings-server", "https://sertel.muaraenimkab.go.id");
    t.click("#settings-save");
    t.wait("the saved settings", &tone("#settings-status", "ok"));
    t.shot("settings-id");

    // Validate again: valid and trusted; the report is a PDF.
    t.go("validate");
    t.click("#validate-start");
    t.wait(
        "the valid verdict",
        "document.querySelector('#validate-overall').dataset.tone === 'passed'",
    );
    t.wait(
        "trust passed",
        "document.querySelector('.check[data-check=trust]').dataset.state === 'passed'",
    );
    assert!(t.text("#validate-signatures").contains("Siti Rahmawati"));
    let verdict_id = t.text("#validate-overall");
    t.shot("validate-valid-id");
    let report = work.join("laporan.pdf");
    t.type_into(
        "#validate-report-path",
        report.to_str().expect("UTF-8 path"),
    );
    t.click("#validate-export");
    t.wait(
        "the exported report",
        &tone("#validate-export-status", "ok"),
    );
    let report_bytes = std::fs::read(&report).expect("report");
    assert!(
        report_bytes.starts_with(b"%PDF-"),
        "the report is not a PDF"
    );

    // A tampered copy fails.
    let tampered = work.join("undangan-diubah.pdf");
    tamper(&signed, &tampered);
    t.type_into("#validate-path", tampered.to_str().expect("UTF-8 path"));
    t.click("#validate-start");
    t.wait(
        "the failed verdict",
        "document.querySelector('#validate-overall').dataset.tone === 'failed'",
    );
    t.wait(
        "integrity failed",
        "document.querySelector('.check[data-check=integrity]').dataset.state === 'failed'",
    );
    t.shot("validate-tampered-id");

    // English: every string switches, the choice is saved, the verdict is re-worded.
    t.click("#lang-en");
    t.wait(
        "English",
        "document.documentElement.lang === 'en' && document.querySelector('.nav-item[data-screen=profile]').textContent === 'Profile'",
    );
    let settings = std::fs::read_to_string(home.join(".config").join(APP_ID).join("settings.json"))
        .expect("settings file");
    assert!(settings.contains("\"lang\": \"en\""), "{settings}");
    t.go("profile");
    t.shot("profile-en");
    t.go("key");
    t.shot("key-en");
    t.go("sign");
    t.shot("sign-en");
    t.go("validate");
    t.wait("the re-worded failed verdict", "document.querySelector('#validate-overall').dataset.tone === 'failed' && document.querySelector('.check[data-check=integrity]').textContent.length > 0");
    t.shot("validate-tampered-en");
    t.validated(&signed, "passed");
    let verdict_en = t.text("#validate-overall");
    assert_ne!(verdict_id, verdict_en, "the verdict was not re-worded");
    t.shot("validate-valid-en");
    t.go("settings");
    t.shot("settings-en");

    // Back to Indonesian with the top-bar switch.
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id' && document.querySelector('.nav-item[data-screen=settings]').textContent === 'Pengaturan'");

    // The passphrase was never written anywhere.
    for file in files_under(home) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !bytes
                .windows(PASSPHRASE.len())
                .any(|w| w == PASSPHRASE.as_bytes()),
            "the passphrase is in {}",
            file.display()
        );
    }
}
