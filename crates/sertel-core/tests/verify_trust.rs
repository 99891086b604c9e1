//! Trust in the signer, end to end on signed letters: the path to the user's trust anchors,
//! revocation from CRLs under soft and hard fail, and the time a trusted timestamp proves —
//! each case with the ETSI EN 319 102-1 conclusion it must reach.

mod trust_support;

use std::path::PathBuf;

use sertel_core::i18n::Localized;
use sertel_core::key::KeyAlgorithm;
use sertel_core::ocsp::{OcspResponder, SerialStatus, StatusLookup};
use sertel_core::pades::{sign_file, Level, SignOptions};
use sertel_core::trust::{CrlSet, PathCertificate, RevocationPolicy, RevocationReason, TrustStore};
use sertel_core::tsp::authority::{TimestampAuthority, SERTEL_TSA_POLICY};
use sertel_core::verify::ltv::Level as PadesLevel;
use sertel_core::verify::{
    verify_file, Check, Conclusion, Indication, SignatureReport, SubIndication, Verdict, Verifier,
    VerifyOptions,
};
use sertel_core::x509::extensions as ext;
use sertel_core::x509::{issue, random_serial, CertificateTemplate};
use sertel_pdf::{Dict, Document, IncrementalUpdate, Limits, Object, Stream};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::loopback::{HttpRequest, HttpResponse, LoopbackServer};
use test_support::ocsp::start_ocsp_server;
use test_support::pki::TestPki;
use test_support::tsa::TestTsa;
use time::{Duration, OffsetDateTime};
use trust_support::{datetime, other_root, root_store, CrlBuilder};
use x509_cert::ext::pkix::{CrlReason, KeyUsages};
use x509_cert::Certificate;

const ALG: KeyAlgorithm = KeyAlgorithm::EcdsaP256;

struct Signed {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

/// A one-page letter signed now by the P-256 test signer, B-B or B-T, with the issuing CA in
/// the CMS.
fn signed(timestamped: bool) -> Signed {
    let e = TestPki::get().signer(ALG);
    signed_with(&e.certificate, &e.chain, timestamped)
}

/// The same, with `certificate` (which must be for the P-256 test signer's key) and `chain`.
fn signed_with(certificate: &Certificate, chain: &[Certificate], timestamped: bool) -> Signed {
    let pki = TestPki::get();
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("surat.pdf");
    std::fs::write(
        &input,
        sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
    )
    .expect("write");
    let tsa = timestamped.then(|| {
        TestTsa::start(TimestampAuthority::new(
            pki.tsa.signer.clone(),
            pki.tsa.certificate.clone(),
            pki.tsa.chain.clone(),
            SERTEL_TSA_POLICY,
        ))
        .expect("test TSA")
    });
    let opts = SignOptions {
        level: match &tsa {
            Some(t) => Level::BT { tsa_url: t.url() },
            None => Level::BB,
        },
        ..SignOptions::default()
    };
    let e = pki.signer(ALG);
    let path = dir.path().join("surat-signed.pdf");
    sign_file(&input, &path, e.signer.as_ref(), certificate, chain, &opts).expect("sign");
    Signed { _dir: dir, path }
}

/// The issuing CA and the root, as the signer's chain.
fn chain() -> &'static [Certificate] {
    &TestPki::get().signer(ALG).chain
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// Options trusting the test root, at `at`, with `policy` and `crls`.
fn options(at: OffsetDateTime, policy: RevocationPolicy, crls: CrlSet) -> VerifyOptions {
    let mut o = VerifyOptions::trusting(root_store());
    o.now = Some(at);
    o.revocation = policy;
    o.crls = crls;
    o
}

/// Empty CRLs of the root and the issuing CA, current from `this` for 30 days, the issuing
/// CA's revoking the signer at `revoked` if given.
fn crls(this: OffsetDateTime, revoked: Option<OffsetDateTime>) -> CrlSet {
    let pki = TestPki::get();
    let next = Some(this + Duration::days(30));
    let mut ca = CrlBuilder::of(&pki.intermediate).dates(this, next);
    if let Some(at) = revoked {
        let serial = &pki.signer(ALG).certificate.tbs_certificate.serial_number;
        ca = ca.revoke(serial, at, Some(CrlReason::KeyCompromise));
    }
    let mut set = CrlSet::new();
    set.add_der(
        &CrlBuilder::of(&pki.root)
            .dates(this, next)
            .sign(pki.root.signer.as_ref()),
    )
    .expect("root CRL");
    set.add_der(&ca.sign(pki.intermediate.signer.as_ref()))
        .expect("CA CRL");
    set
}

fn verify(s: &Signed, options: VerifyOptions) -> SignatureReport {
    let report = Verifier::new(options).verify_file(&s.path).expect("verify");
    assert_eq!(report.signatures.len(), 1);
    report.signatures.into_iter().next().expect("one signature")
}

fn kinds(r: &SignatureReport) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.kind()).collect()
}

#[track_caller]
fn assert_conclusion(r: &SignatureReport, expected: Conclusion) {
    assert_eq!(r.conclusion, expected, "findings: {:?}", kinds(r));
}

#[test]
fn without_trust_anchors_a_genuine_signature_is_indeterminate() {
    let s = signed(false);
    let r = verify_file(&s.path).expect("verify");
    let sig = &r.signatures[0];
    assert_eq!(sig.verdict, Verdict::Valid, "the cryptography is fine");
    assert_eq!(sig.trust, Check::NotChecked);
    assert_conclusion(
        sig,
        Conclusion::indeterminate(SubIndication::NoCertificateChainFound),
    );
    assert_eq!(r.conclusion().indication, Indication::Indeterminate);
}

#[test]
fn another_root_does_not_vouch_for_the_signer() {
    let s = signed(false);
    let (_, other) = other_root("Akar Lain");
    let mut store = TrustStore::new();
    store
        .add_der(&der::Encode::to_der(&other).expect("der"))
        .expect("anchor");
    let mut o = VerifyOptions::trusting(store);
    o.revocation = RevocationPolicy::SoftFail;
    let r = verify(&s, o);
    assert_conclusion(
        &r,
        Conclusion::indeterminate(SubIndication::NoCertificateChainFound),
    );
}

#[test]
fn trusted_root_passes_under_soft_fail_with_a_warning() {
    let s = signed(false);
    let r = verify(
        &s,
        options(now(), RevocationPolicy::SoftFail, CrlSet::new()),
    );
    assert_conclusion(&r, Conclusion::PASSED);
    assert_eq!(r.trust, Check::Passed);
    assert_eq!(r.revocation, Check::NotChecked);
    assert!(
        kinds(&r).contains(&"path_warning_revocation_unknown"),
        "{:?}",
        kinds(&r)
    );
    assert_eq!(r.chain.len(), 3, "{:?}", r.chain);
    let names: Vec<&str> = r.chain.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Dewi Lestari, S.E.",
            "Sertel Test Issuing CA",
            "Sertel Test Root CA"
        ]
    );
}

#[test]
fn hard_fail_without_revocation_information_is_try_later() {
    let s = signed(false);
    let r = verify(
        &s,
        options(now(), RevocationPolicy::HardFail, CrlSet::new()),
    );
    assert_conclusion(&r, Conclusion::indeterminate(SubIndication::TryLater));
    assert_eq!(r.verdict, Verdict::Valid);
}

#[test]
fn current_crls_let_hard_fail_pass() {
    let s = signed(false);
    let t = now();
    let r = verify(
        &s,
        options(
            t,
            RevocationPolicy::HardFail,
            crls(t - Duration::hours(1), None),
        ),
    );
    assert_conclusion(&r, Conclusion::PASSED);
    assert_eq!(r.revocation, Check::Passed);
    assert!(r.findings.is_empty(), "{:?}", kinds(&r));
}

#[test]
fn a_revoked_signer_without_timestamp_is_revoked_no_poe() {
    let s = signed(false);
    let t = now();
    let set = crls(t - Duration::hours(1), Some(t - Duration::days(1)));
    for policy in [RevocationPolicy::SoftFail, RevocationPolicy::HardFail] {
        let r = verify(&s, options(t, policy, set.clone()));
        assert_conclusion(&r, Conclusion::indeterminate(SubIndication::RevokedNoPoe));
        assert_eq!(r.revocation, Check::Failed);
    }
}

#[test]
fn revoked_before_the_proven_time_fails() {
    let s = signed(true);
    let t = now();
    let set = crls(t - Duration::hours(1), Some(t - Duration::days(1)));
    let r = verify(&s, options(t, RevocationPolicy::SoftFail, set));
    assert_eq!(r.timestamp, Check::Passed);
    assert_conclusion(&r, Conclusion::failed(SubIndication::Revoked));
}

#[test]
fn revoked_after_the_proven_time_passes_with_a_warning() {
    let s = signed(true);
    let later = now() + Duration::days(10);
    let set = crls(later - Duration::days(5), Some(later - Duration::days(8)));
    let r = verify(&s, options(later, RevocationPolicy::SoftFail, set.clone()));
    assert_conclusion(&r, Conclusion::PASSED);
    assert!(
        kinds(&r).contains(&"path_warning_revoked_later"),
        "{:?}",
        kinds(&r)
    );
    let proven = r.timestamp_time.expect("timestamp time") as i64;
    assert_eq!(r.validation_time, Some(proven));
    // The same signature without a timestamp has no proof it was made before the revocation.
    let bare = signed(false);
    let r = verify(&bare, options(later, RevocationPolicy::SoftFail, set));
    assert_conclusion(&r, Conclusion::indeterminate(SubIndication::RevokedNoPoe));
}

#[test]
fn an_expired_certificate_needs_a_timestamp() {
    let after_expiry = datetime(2028, 6, 1);
    let bare = signed(false);
    let r = verify(
        &bare,
        options(after_expiry, RevocationPolicy::SoftFail, CrlSet::new()),
    );
    assert_conclusion(
        &r,
        Conclusion::indeterminate(SubIndication::OutOfBoundsNoPoe),
    );
    let stamped = signed(true);
    let r = verify(
        &stamped,
        options(after_expiry, RevocationPolicy::SoftFail, CrlSet::new()),
    );
    assert_conclusion(&r, Conclusion::PASSED);
}

#[test]
fn a_tampered_letter_fails_whatever_the_trust() {
    let s = signed(false);
    let mut bytes = std::fs::read(&s.path).expect("read");
    let at = bytes
        .windows(7)
        .position(|w| w == b"Muara E")
        .expect("text in the PDF");
    bytes[at] = b'N';
    std::fs::write(&s.path, &bytes).expect("write");
    let t = now();
    let r = verify(
        &s,
        options(
            t,
            RevocationPolicy::HardFail,
            crls(t - Duration::hours(1), None),
        ),
    );
    assert_conclusion(&r, Conclusion::failed(SubIndication::HashFailure));
}

/// A certificate for the P-256 test signer's key whose CRL distribution point is `crl_url`.
fn certificate_with_crl_at(crl_url: &str) -> Certificate {
    certificate_with(ext::crl_distribution_points(&[crl_url]).expect("CRLDP"))
}

/// A certificate for the P-256 test signer's key whose OCSP responder is at `url`.
fn certificate_with_ocsp_at(url: &str) -> Certificate {
    certificate_with(ext::authority_info_access(Some(url), None).expect("AIA"))
}

/// A certificate for the P-256 test signer's key, issued now by the issuing CA, with
/// `revocation_pointer` (where its status is published).
fn certificate_with(revocation_pointer: x509_cert::ext::Extension) -> Certificate {
    let pki = TestPki::get();
    let e = pki.signer(ALG);
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: pki.intermediate.certificate.tbs_certificate.subject.clone(),
        subject: e.certificate.tbs_certificate.subject.clone(),
        not_before: datetime(2026, 1, 1),
        not_after: datetime(2028, 1, 1),
        subject_public_key: e
            .certificate
            .tbs_certificate
            .subject_public_key_info
            .clone(),
        extensions: vec![
            ext::basic_constraints(false, None).expect("BC"),
            ext::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation]).expect("KU"),
            ext::authority_key_identifier(pki.intermediate.signer.public_key()).expect("AKI"),
            revocation_pointer,
        ],
    };
    issue(&template, pki.intermediate.signer.as_ref()).expect("certificate")
}

/// A distribution point serving the issuing CA's CRL, current now, revoking nothing.
fn distribution_point() -> LoopbackServer {
    let pki = TestPki::get();
    let t = now() - Duration::hours(1);
    let body = CrlBuilder::of(&pki.intermediate)
        .dates(t, Some(t + Duration::days(7)))
        .sign(pki.intermediate.signer.as_ref());
    LoopbackServer::start(std::sync::Arc::new(move |_: &HttpRequest| {
        HttpResponse::ok("application/pkix-crl", body.clone())
    }))
    .expect("CRL server")
}

/// Hard-fail options that may fetch, with the root's CRL supplied (the issuing CA's
/// certificate names no distribution point).
fn fetching() -> VerifyOptions {
    let pki = TestPki::get();
    let t = now() - Duration::hours(1);
    let mut root_crl = CrlSet::new();
    root_crl
        .add_der(
            &CrlBuilder::of(&pki.root)
                .dates(t, Some(t + Duration::days(7)))
                .sign(pki.root.signer.as_ref()),
        )
        .expect("root CRL");
    let mut o = options(now(), RevocationPolicy::HardFail, root_crl);
    o.fetch = Some(sertel_core::verify::DEFAULT_FETCH_TIMEOUT);
    o
}

/// Signs two letters with `cert` and checks that one verifier, fetching, passes both with the
/// revocation status established; returns the letters.
fn two_letters_pass_with_fetching(cert: &Certificate) -> [Signed; 2] {
    let letters = [
        signed_with(cert, chain(), false),
        signed_with(cert, chain(), false),
    ];
    let verifier = Verifier::new(fetching());
    for letter in &letters {
        let report = verifier.verify_file(&letter.path).expect("verify");
        let r = &report.signatures[0];
        assert_conclusion(r, Conclusion::PASSED);
        assert_eq!(r.revocation, Check::Passed);
    }
    letters
}

#[test]
fn crls_are_downloaded_once_per_run_from_the_distribution_point() {
    let server = distribution_point();
    let cert = certificate_with_crl_at(&format!("{}crl/ca.crl", server.url()));
    let letters = two_letters_pass_with_fetching(&cert);
    assert_eq!(server.served(), 1, "one download for both letters");
    // Offline, the same letters cannot be decided under hard fail.
    let mut offline = fetching();
    offline.fetch = None;
    let r = verify(&letters[0], offline);
    assert_conclusion(&r, Conclusion::indeterminate(SubIndication::TryLater));
}

#[test]
fn a_downloaded_crl_that_lists_the_signer_revokes_it() {
    let pki = TestPki::get();
    // The serial is fixed by the certificate, so issue it first and serve a CRL listing it.
    let holder = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
    let served = holder.clone();
    let server = LoopbackServer::start(std::sync::Arc::new(move |_: &HttpRequest| {
        HttpResponse::ok("application/pkix-crl", served.lock().expect("lock").clone())
    }))
    .expect("CRL server");
    let cert = certificate_with_crl_at(&format!("{}crl/ca.crl", server.url()));
    let t = now() - Duration::hours(1);
    *holder.lock().expect("lock") = CrlBuilder::of(&pki.intermediate)
        .dates(t, Some(t + Duration::days(7)))
        .revoke(
            &cert.tbs_certificate.serial_number,
            t - Duration::days(1),
            Some(CrlReason::KeyCompromise),
        )
        .sign(pki.intermediate.signer.as_ref());
    let letter = signed_with(&cert, chain(), false);
    let r = verify(&letter, fetching());
    assert_conclusion(&r, Conclusion::indeterminate(SubIndication::RevokedNoPoe));
    assert_eq!(r.revocation, Check::Failed);
}

#[test]
fn an_unreachable_distribution_point_leaves_the_status_unknown() {
    let server = distribution_point();
    let url = format!("{}crl/ca.crl", server.url());
    drop(server);
    let letter = signed_with(&certificate_with_crl_at(&url), chain(), false);
    let r = verify(&letter, fetching());
    assert_conclusion(&r, Conclusion::indeterminate(SubIndication::TryLater));
    let mut soft = fetching();
    soft.revocation = RevocationPolicy::SoftFail;
    assert_conclusion(&verify(&letter, soft), Conclusion::PASSED);
}

/// Appends a document security store holding `certs` and `crls` to the signed letter.
fn add_dss(s: &Signed, certs: &[&[u8]], crls: &[Vec<u8>]) {
    let bytes = std::fs::read(&s.path).expect("read");
    let doc = Document::open(bytes.clone(), Limits::default()).expect("open");
    let mut upd = IncrementalUpdate::new(&doc).expect("update");
    let mut streams = |items: Vec<&[u8]>| -> Object {
        Object::Array(
            items
                .into_iter()
                .map(|der| {
                    let r = upd.allocate();
                    upd.put(r, Object::Stream(Stream::new(Dict::new(), der.to_vec())));
                    Object::Reference(r)
                })
                .collect(),
        )
    };
    let certs = streams(certs.to_vec());
    let crls = streams(crls.iter().map(Vec::as_slice).collect());
    let dss = upd.allocate();
    upd.put(
        dss,
        Object::Dictionary(Dict::from_pairs([("Certs", certs), ("CRLs", crls)])),
    );
    let (catalog_ref, mut catalog) = doc.catalog().expect("catalog");
    catalog.set("DSS", Object::Reference(dss));
    upd.put(catalog_ref, Object::Dictionary(catalog));
    let mut all = bytes;
    all.extend_from_slice(&upd.finish().expect("finish").bytes);
    std::fs::write(&s.path, all).expect("write");
}

#[test]
fn the_document_security_store_completes_the_chain_and_the_revocation_data() {
    let pki = TestPki::get();
    let e = pki.signer(ALG);
    // Only the signer's certificate in the CMS: the issuing CA is missing.
    let letter = signed_with(&e.certificate, &[], false);
    let hard = || options(now(), RevocationPolicy::HardFail, CrlSet::new());
    let r = verify(&letter, hard());
    assert_conclusion(
        &r,
        Conclusion::indeterminate(SubIndication::NoCertificateChainFound),
    );
    // The DSS brings the issuing CA and both CRLs: hard fail passes, offline.
    let t = now() - Duration::hours(1);
    let next = Some(t + Duration::days(7));
    let crl_list = vec![
        CrlBuilder::of(&pki.root)
            .dates(t, next)
            .sign(pki.root.signer.as_ref()),
        CrlBuilder::of(&pki.intermediate)
            .dates(t, next)
            .sign(pki.intermediate.signer.as_ref()),
    ];
    add_dss(&letter, &[&pki.intermediate.der], &crl_list);
    let r = verify(&letter, hard());
    assert_eq!(r.modifications, Check::Passed, "{:?}", kinds(&r));
    assert_conclusion(&r, Conclusion::PASSED);
    assert_eq!(r.revocation, Check::Passed);
}

/// A loopback OCSP responder (the issuing CA's delegated responder) answering `status` for
/// every certificate.
fn ocsp_server(status: SerialStatus) -> LoopbackServer {
    let pki = TestPki::get();
    let path = |e: &test_support::pki::TestEntity| PathCertificate::from_der(&e.der).expect("cert");
    let lookup: std::sync::Arc<StatusLookup> = std::sync::Arc::new(move |_: &[u8]| Ok(status));
    let responder = OcspResponder::new(
        &path(&pki.intermediate),
        &path(&pki.ocsp),
        pki.ocsp.signer.clone(),
        lookup,
    )
    .expect("responder");
    start_ocsp_server(responder, OffsetDateTime::now_utc).expect("OCSP server")
}

#[test]
fn the_ocsp_responder_is_asked_once_per_run() {
    let server = ocsp_server(SerialStatus::Good);
    let cert = certificate_with_ocsp_at(&format!("{}ocsp", server.url()));
    two_letters_pass_with_fetching(&cert);
    assert_eq!(server.served(), 1, "one answer for both letters");
}

#[test]
fn an_ocsp_answer_of_revoked_revokes_the_signer() {
    let server = ocsp_server(SerialStatus::Revoked {
        time: now() - Duration::days(1),
        reason: RevocationReason::KeyCompromise,
    });
    let cert = certificate_with_ocsp_at(&format!("{}ocsp", server.url()));
    let letter = signed_with(&cert, chain(), false);
    let r = verify(&letter, fetching());
    assert_conclusion(&r, Conclusion::indeterminate(SubIndication::RevokedNoPoe));
    assert_eq!(r.revocation, Check::Failed);
}

/// The root's and the issuing CA's CRLs, current from an hour ago for a week.
fn crl_ders(revoked: Option<OffsetDateTime>) -> Vec<Vec<u8>> {
    let pki = TestPki::get();
    let t = now() - Duration::hours(1);
    let next = Some(t + Duration::days(7));
    let mut ca = CrlBuilder::of(&pki.intermediate).dates(t, next);
    if let Some(at) = revoked {
        let serial = &pki.signer(ALG).certificate.tbs_certificate.serial_number;
        ca = ca.revoke(serial, at, Some(CrlReason::KeyCompromise));
    }
    vec![
        CrlBuilder::of(&pki.root)
            .dates(t, next)
            .sign(pki.root.signer.as_ref()),
        ca.sign(pki.intermediate.signer.as_ref()),
    ]
}

#[test]
fn the_pades_level_says_whether_the_file_carries_its_own_validation_material() {
    let hard = |crls| options(now(), RevocationPolicy::HardFail, crls);
    let from_user = || crls(now() - Duration::hours(1), None);
    // No timestamp: B-B, however complete the revocation data.
    let plain = signed(false);
    let r = verify(&plain, hard(from_user()));
    assert_conclusion(&r, Conclusion::PASSED);
    assert_eq!(r.level, Some(PadesLevel::Basic));
    // Timestamped, revocation only from the user: valid today, but not on its own.
    let letter = signed(true);
    let r = verify(&letter, hard(from_user()));
    assert_conclusion(&r, Conclusion::PASSED);
    assert_eq!(r.level, Some(PadesLevel::Timestamped));
    // Only the issuing CA's CRL inside: the CA's own status is a gap.
    let partial = signed(true);
    add_dss(&partial, &[], &crl_ders(None)[1..]);
    let r = verify(&partial, hard(from_user()));
    assert_conclusion(&r, Conclusion::PASSED);
    assert_eq!(r.level, Some(PadesLevel::Timestamped));
    // Both CRLs inside: B-LT, and it needs nothing from the user.
    add_dss(&letter, &[], &crl_ders(None));
    let r = verify(&letter, hard(CrlSet::new()));
    assert_conclusion(&r, Conclusion::PASSED);
    assert_eq!(r.level, Some(PadesLevel::LongTerm));
    // Complete material that says the signer was revoked before the timestamp is no LTV.
    let revoked = signed(true);
    add_dss(
        &revoked,
        &[],
        &crl_ders(Some(now() - Duration::minutes(30))),
    );
    let r = verify(&revoked, hard(CrlSet::new()));
    assert_conclusion(&r, Conclusion::failed(SubIndication::Revoked));
    assert_eq!(r.level, Some(PadesLevel::Timestamped));
}
