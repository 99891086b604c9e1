//! Renewal (Pasal 18) against a real `sertel-server`, in two tests.
//!
//! Through the app's own logic (sertel-desktop-core, as the window's commands call it): a
//! certificate issued, a renewal applied for with a new key made in the second slot while the
//! current key keeps signing, both verifiers approve, and on the next status refresh the new key
//! becomes the current one and signs. On the way the app signs with the server's timestamp
//! service: the file comes out B-LT, valid offline.
//!
//! In the window: renewal is offered only in the last 30 days of a two-year certificate, so the
//! debug app's status count is moved [`DAYS_AHEAD`] days ahead (`SERTEL_STATUS_DAYS_AHEAD`, read
//! by debug builds only; signing and the server keep the real time). The owner sees the offer
//! with the days left, applies with a new passphrase (a mismatched repeat refused first), the
//! offer goes while the renewal is under way, both verifiers approve, and the new key is the one
//! that signs: the new passphrase opens it, the old one no longer does.

use sertel_client::model::ApplicationState;
use sertel_core::i18n::Lang;
use sertel_core::key::{KeyAlgorithm, Passphrase};
use sertel_core::profile::RegencyProfile;
use sertel_core::trust::{PathCertificate, RevocationPolicy, TrustStore};
use sertel_core::verify::ltv::Level;
use sertel_core::verify::{Indication, Verifier, VerifyOptions};
use sertel_desktop_core::connection::{ApplicationFiles, Connection};
use sertel_desktop_core::key_slot::{KeySlot, NewPassphrase};
use sertel_desktop_core::placement::Placement;
use sertel_desktop_core::renewal::FollowUp;
use sertel_desktop_core::seal::seal_slot;
use sertel_desktop_core::signing::{sign_batch, BatchRequest, FileEvent, Timestamping};
use sertel_desktop_core::AppPaths;
use time::OffsetDateTime;

use crate::server::TestServer;
use crate::{launcher, out_dir, sample_pdf, second_owner, tone, visible, Test, PASSPHRASE};

/// How many days ahead the status is counted to reach a certificate's last days: a two-year
/// certificate then has 15 or 16 left.
pub(crate) const DAYS_AHEAD: i64 = 715;

const NEXT_PASSPHRASE: &str = "hujan sore di jembatan ampera palembang";

impl Test<'_> {
    /// Waits for the renewal offered on the card of class `kind` (`app-card`, `seal-card`) of
    /// application `id`, its certificate counted [`DAYS_AHEAD`] days ahead (15 or 16 days
    /// left); the card's selector.
    pub(crate) fn renewal_offered(&self, kind: &str, id: &str) -> String {
        let card = format!(".{kind}[data-id=\"{id}\"]");
        self.wait(
            "the renewal offered",
            &visible(&format!("{card} .renewal-submit")),
        );
        let offer = self.text(&format!("{card} .banner.renewal"));
        assert!(
            offer.contains("15 hari") || offer.contains("16 hari"),
            "{offer}"
        );
        card
    }

    /// Applies for the renewal offered on `card` (of class `kind`) with the new key's
    /// `passphrase`, and waits until it is under way and no longer offered; the renewal's id.
    pub(crate) fn renew_from(&self, kind: &str, card: &str, passphrase: &str) -> String {
        self.type_into(&format!("{card} .renewal-passphrase"), passphrase);
        self.type_into(&format!("{card} .renewal-repeat"), passphrase);
        self.click(&format!("{card} .renewal-submit"));
        self.wait(
            "the renewal under way, no longer offered",
            &format!(
                "document.querySelector('.{kind}[data-state=submitted]') !== null && document.querySelector('{card} .renewal-submit') === null"
            ),
        );
        self.attribute(&format!(".{kind}[data-state=submitted]"), "data-id")
            .expect("the renewal's id")
    }

    /// Waits until `renewal` (a card of class `kind`) is issued and `card` superseded.
    pub(crate) fn renewed(&self, kind: &str, card: &str, renewal: &str) {
        self.wait(
            "the renewal issued and the first superseded",
            &format!(
                "document.querySelector('.{kind}[data-id=\"{renewal}\"][data-state=issued]') !== null && document.querySelector('{card}[data-state=superseded]') !== null"
            ),
        );
    }

    /// On the Sign screen with a letter added: `old` no longer opens the key, `new` signs.
    pub(crate) fn signs_only_with(&self, old: &str, new: &str) {
        self.type_into("#sign-passphrase", old);
        self.click("#sign-start");
        self.wait(
            "the old passphrase refused",
            "document.querySelector('#sign-status').dataset.kind === 'wrong_passphrase'",
        );
        self.type_into("#sign-passphrase", new);
        self.click("#sign-start");
        self.wait(
            "signed with the new key",
            "document.querySelector('#sign-files li[data-state=done]') !== null",
        );
    }
}

fn new_passphrase(p: &str) -> NewPassphrase {
    NewPassphrase {
        passphrase: Passphrase::new(p),
        repeat: Passphrase::new(p),
    }
}

/// Signs `dir/name` with the key in `slot`; how many files were signed.
fn sign(slot: &KeySlot, passphrase: &str, dir: &std::path::Path, name: &str) -> usize {
    sign_with(slot, passphrase, dir, name, None, &mut |_| {})
}

/// Signs `dir/name` with the key in `slot`, timestamped by `timestamping` when given, each
/// step to `on_event`; how many files were signed.
fn sign_with(
    slot: &KeySlot,
    passphrase: &str,
    dir: &std::path::Path,
    name: &str,
    timestamping: Option<Timestamping<'_>>,
    on_event: &mut dyn FnMut(FileEvent),
) -> usize {
    let request = BatchRequest {
        files: vec![sample_pdf(dir, name, 1)],
        placement: Placement::Invisible,
        reason: None,
        location: None,
        replace_signed: false,
        specimen: false,
        seal: false,
    };
    sign_batch(
        slot,
        &Passphrase::new(passphrase),
        &request,
        timestamping,
        None,
        on_event,
    )
    .expect("signed")
    .signed
}

#[test]
fn a_renewal_key_becomes_current_when_its_certificate_is_issued() {
    let _serial = super::one_at_a_time();
    let logs = out_dir("renewal-logs");
    let server = TestServer::start(logs.join("sertel-server.log"));
    let home = tempfile::tempdir().expect("home");
    let paths = AppPaths::new(home.path().join("data"), home.path().join("config"));
    let work = home.path().join("Dokumen");
    std::fs::create_dir_all(&work).expect("work folder");
    let (profile, regency) = (second_owner::profile(), RegencyProfile::default());
    let conn = Connection::open(&paths, &server.url).expect("connection");
    conn.register(&profile, "kata-sandi-pemilik-2025", Lang::Id)
        .expect("registered");
    let slot = KeySlot::new(paths.key_dir());
    let seal = seal_slot(&paths);
    slot.create(
        &new_passphrase(PASSPHRASE),
        &profile,
        KeyAlgorithm::EcdsaP256,
    )
    .expect("key");
    let consent = conn.consent().expect("consent").version;
    let png = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png"));
    let files = ApplicationFiles {
        letter: sample_pdf(&work, "rekomendasi.pdf", 1),
        ktp: png.clone(),
        sk_jabatan: sample_pdf(&work, "sk-jabatan.pdf", 1),
        sk_pangkat: sample_pdf(&work, "sk-pangkat.pdf", 1),
        photo: png,
        request_letter: Default::default(),
    };
    let first = conn
        .submit(
            &slot,
            &Passphrase::new(PASSPHRASE),
            &profile,
            &regency,
            &files,
            &consent,
            true,
            Lang::Id,
        )
        .expect("submitted")
        .application
        .expect("sent");
    second_owner::approve_both(&server, &first.id);
    let status = conn
        .status(&slot, &seal, OffsetDateTime::now_utc())
        .expect("status");
    assert!(status.certificate_stored);
    let certificate = status.applications[0].certificate.clone().expect("issued");
    assert!(
        !certificate.renewal_offered,
        "{} days left",
        certificate.days_left
    );
    let old_key = slot.info().expect("info").expect("key").key.fingerprint;
    let offered = |conn: &Connection| {
        let late = OffsetDateTime::now_utc() + time::Duration::days(DAYS_AHEAD);
        let status = conn.status(&slot, &seal, late).expect("status");
        let first_view = status
            .applications
            .iter()
            .find(|a| a.application.id == first.id)
            .expect("the first application");
        first_view
            .certificate
            .as_ref()
            .expect("issued")
            .renewal_offered
    };
    assert!(offered(&conn), "not offered in the last days");

    // With the server's timestamp service the app signs B-LT: the file carries the chain and
    // the OCSP answers, and validates offline under hard fail against the regency root.
    let mut outputs = Vec::new();
    let tsa_url = format!("{}/tsa", server.url);
    let timestamping = Timestamping {
        tsa_url: &tsa_url,
        trust_dir: &paths.trust,
    };
    let signed = sign_with(
        &slot,
        PASSPHRASE,
        &work,
        "jangka-panjang.pdf",
        Some(timestamping),
        &mut |e| outputs.push(e),
    );
    assert_eq!(signed, 1, "{outputs:?}");
    let Some(FileEvent::Done {
        output,
        long_term: None,
        ..
    }) = outputs.last()
    else {
        panic!("not made B-LT: {outputs:?}");
    };
    let chain = slot.certificates().expect("chain");
    let root = PathCertificate::from_certificate(chain.last().expect("root")).expect("root");
    let mut trust = TrustStore::new();
    trust.add(root).expect("anchor");
    let mut offline = VerifyOptions::trusting(trust);
    offline.revocation = RevocationPolicy::HardFail;
    let report = Verifier::new(offline)
        .verify_file(output)
        .expect("verified");
    let sig = &report.signatures[0];
    assert_eq!(
        (sig.conclusion.indication, sig.level),
        (Indication::TotalPassed, Some(Level::LongTerm)),
        "{report:?}"
    );

    // The renewal: a new key in the second slot; the current key keeps signing meanwhile.
    let renewal = conn
        .follow_up(
            &slot,
            &new_passphrase(NEXT_PASSPHRASE),
            &profile,
            &regency,
            None,
            &first.id,
            FollowUp::Renewal,
            &consent,
            Lang::Id,
        )
        .expect("renewal")
        .application
        .expect("sent");
    assert_eq!(renewal.previous_id.as_deref(), Some(first.id.as_str()));
    assert!(
        !offered(&conn),
        "offered again while the renewal is under way"
    );
    assert_eq!(sign(&slot, PASSPHRASE, &work, "sebelum.pdf"), 1);
    let new_key = slot
        .renewal_slot()
        .info()
        .expect("info")
        .expect("renewal key")
        .key
        .fingerprint;
    assert_ne!(new_key, old_key);

    // Issued: on the next refresh the new key becomes the current one and signs.
    second_owner::approve_both(&server, &renewal.id);
    let status = conn
        .status(&slot, &seal, OffsetDateTime::now_utc())
        .expect("status");
    assert!(status.certificate_stored);
    let states: Vec<ApplicationState> = status
        .applications
        .iter()
        .map(|a| a.application.state)
        .collect();
    assert!(states.contains(&ApplicationState::Superseded), "{states:?}");
    assert_eq!(
        slot.info().expect("info").expect("key").key.fingerprint,
        new_key
    );
    assert!(!slot.renewal_slot().has_key());
    assert_eq!(sign(&slot, NEXT_PASSPHRASE, &work, "sesudah.pdf"), 1);
}

/// The app with its status counted [`DAYS_AHEAD`] days ahead, and a real server.
pub(crate) struct LateApp {
    // Dropped in this order: the app, then the server.
    pub app: launcher::RunningApp,
    pub server: TestServer,
    /// The app's data folder (the owner's key; the seal's in `seal/`).
    pub data: std::path::PathBuf,
    /// A folder for the letters.
    pub work: std::path::PathBuf,
}

/// Starts a server and the app counting its status [`DAYS_AHEAD`] days ahead; their logs in
/// the test output's folder `logs`.
pub(crate) fn launch_late(logs: &str) -> LateApp {
    let logs = out_dir(logs);
    let server = TestServer::start(logs.join("sertel-server.log"));
    let ahead = DAYS_AHEAD.to_string();
    let app = launcher::launch_with(&logs, &[("SERTEL_STATUS_DAYS_AHEAD", &ahead)]);
    let data = app.home.path().join(".local/share").join(crate::APP_ID);
    let work = app.home.path().join("Dokumen");
    std::fs::create_dir_all(&work).expect("work folder");
    LateApp {
        app,
        server,
        data,
        work,
    }
}

impl LateApp {
    /// The test's steps on the app's window.
    pub(crate) fn test(&self) -> Test<'_> {
        Test {
            s: &self.app.session,
            shots: out_dir("screenshots"),
        }
    }
}

#[test]
fn the_renewal_offered_in_the_last_days_is_applied_for_in_the_window() {
    let _serial = super::one_at_a_time();
    let late = launch_late("renewal-window-logs");
    let (t, server, data, work) = (late.test(), &late.server, &late.data, &late.work);

    // Issued, and counted as 15 days before its end: the offer with the days left.
    let first = t.issued_in_app(server, work);
    let card = t.renewal_offered("app-card", &first);
    t.shot("status-renewal-offered-id");
    t.click("#lang-en");
    t.wait(
        "English",
        &format!(
            "document.documentElement.lang === 'en' && document.querySelector('{card} .banner.renewal').textContent.includes('days')"
        ),
    );
    t.shot("status-renewal-offered-en");
    t.click("#lang-id");
    t.wait("Indonesian", "document.documentElement.lang === 'id'");

    // A repeat that differs is refused, nothing made; then the renewal goes.
    t.type_into(&format!("{card} .renewal-passphrase"), NEXT_PASSPHRASE);
    t.type_into(&format!("{card} .renewal-repeat"), "hujan sore di jembatan");
    t.click(&format!("{card} .renewal-submit"));
    t.wait(
        "the refusal",
        &tone(&format!("{card} .renewal-status"), "error"),
    );
    assert!(!data.join("renewal").join("key.pem").exists());
    let renewal = t.renew_from("app-card", &card, NEXT_PASSPHRASE);
    assert!(data.join("renewal").join("key.pem").is_file());
    assert_ne!(renewal, first);
    t.shot("status-renewal-submitted-id");

    // Issued: the new key is the current one, the old one kept in previous/.
    second_owner::approve_both(server, &renewal);
    t.renewed("app-card", &card, &renewal);
    t.wait("the new certificate stored", &tone("#status-status", "ok"));
    assert!(data.join("previous").join("1").join("key.pem").is_file());
    assert!(!data.join("renewal").exists());

    // The old passphrase no longer opens the current key; the new one signs.
    let letter = sample_pdf(work, "sesudah-perpanjangan.pdf", 1);
    t.go("sign");
    // The preview drawn first: the page settles before the button is clicked.
    t.add_with_specimen(&letter);
    t.signs_only_with(PASSPHRASE, NEXT_PASSPHRASE);
    assert!(work.join("sesudah-perpanjangan-signed.pdf").is_file());
}
