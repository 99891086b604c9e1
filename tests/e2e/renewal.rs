//! Renewal through the app's own logic (sertel-desktop-core, as the window's commands call it)
//! against a real `sertel-server`: a certificate issued, a renewal applied for with a new key
//! made in the second slot while the current key keeps signing, both verifiers approve, and on
//! the next status refresh the new key becomes the current one and signs. On the way the app
//! signs with the server's timestamp service: the file comes out B-LT, valid offline.
//!
//! No window here: the app offers renewal only in the last 30 days of a two-year certificate,
//! which a test cannot reach without a clock or server backdoor; that rule is unit-tested in
//! `sertel_desktop_core::renewal`. The server accepts a renewal at any time while the
//! certificate is valid, which is what this test uses.

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
use sertel_desktop_core::seal::seal_slot;
use sertel_desktop_core::signing::{sign_batch, BatchRequest, FileEvent, Timestamping};
use sertel_desktop_core::AppPaths;
use time::OffsetDateTime;

use crate::server::{TestServer, BADAN, DINAS};
use crate::{out_dir, sample_pdf, second_owner, PASSPHRASE};

const NEXT_PASSPHRASE: &str = "hujan sore di jembatan ampera palembang";

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
    for verifier in [BADAN, DINAS] {
        second_owner::approve(&server, verifier, &first.id);
    }
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
        .renew(
            &slot,
            &new_passphrase(NEXT_PASSPHRASE),
            &profile,
            &regency,
            &first.id,
            &consent,
            Lang::Id,
        )
        .expect("renewal")
        .application
        .expect("sent");
    assert_eq!(renewal.previous_id.as_deref(), Some(first.id.as_str()));
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
    for verifier in [BADAN, DINAS] {
        second_owner::approve(&server, verifier, &renewal.id);
    }
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
