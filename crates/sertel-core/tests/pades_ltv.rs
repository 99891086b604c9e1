//! Long-term validation written by Sertel (B-LT, B-LTA, refresh), end to end: a one-level PKI
//! like the regency's (a root that issues the signer and the timestamping authority, both
//! naming the root's OCSP responder on loopback), a letter signed B-T, then the material
//! added, then archived. Judged by Sertel's validator offline under hard fail and by pyHanko
//! offline from the file alone.

mod trust_support;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use sertel_core::i18n::{Lang, Localized};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::ocsp::{OcspResponder, SerialStatus, StatusLookup};
use sertel_core::pades::ltv::{add_validation_data, archive, LtvError, LtvOptions};
use sertel_core::pades::{sign_file, Level, SignOptions};
use sertel_core::signer::Signer;
use sertel_core::trust::{PathCertificate, RevocationPolicy, RevocationReason, TrustStore};
use sertel_core::tsp::authority::{TimestampAuthority, SERTEL_TSA_POLICY};
use sertel_core::verify::ltv::Level as PadesLevel;
use sertel_core::verify::{Conclusion, Verifier, VerifyOptions, VerifyReport};
use sertel_core::x509::extensions as ext;
use sertel_core::x509::{certificate_to_pem, issue, random_serial, CertificateTemplate};
use test_support::judges::{pdfsig, pyhanko_offline, qpdf_check, SignatureStatus};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::loopback::LoopbackServer;
use test_support::ocsp::start_ocsp_server;
use test_support::pki::TestPki;
use test_support::tsa::TestTsa;
use time::{Duration, OffsetDateTime};
use trust_support::other_root;
use x509_cert::ext::pkix::KeyUsages;
use x509_cert::ext::Extension;
use x509_cert::Certificate;

const ALG: KeyAlgorithm = KeyAlgorithm::EcdsaP256;

/// The signer certificate's serial and the status the responder gives it.
type SignerStatus = (Vec<u8>, SerialStatus);

/// The root, its OCSP responder, the signer's and the authority's certificates, the TSA.
struct Regency {
    dir: tempfile::TempDir,
    root: Certificate,
    root_pem: PathBuf,
    signer_cert: Certificate,
    _ocsp: LoopbackServer,
    tsa: TestTsa,
}

/// A certificate for `key`'s public key issued by `root` now, with `extra` extensions.
fn issued_by(
    root: &Certificate,
    root_key: &LocalKey,
    key: &dyn Signer,
    subject_of: &Certificate,
    extra: Vec<Extension>,
) -> Certificate {
    let mut extensions = vec![
        ext::basic_constraints(false, None).expect("BC"),
        ext::authority_key_identifier(root_key.public_key()).expect("AKI"),
    ];
    extensions.extend(extra);
    let now = OffsetDateTime::now_utc();
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: root.tbs_certificate.subject.clone(),
        subject: subject_of.tbs_certificate.subject.clone(),
        not_before: now - Duration::days(1),
        not_after: now + Duration::days(730),
        subject_public_key: key.public_key().clone(),
        extensions,
    };
    issue(&template, root_key).expect("certificate")
}

/// The regency's PKI; the OCSP responder answers `status` for the signer, good for the rest.
fn regency(signer_status: fn(&Certificate) -> SerialStatus, with_pointer: bool) -> Regency {
    let pki = TestPki::get();
    let (root_key, root) = other_root("Sertel LTV Root");
    let root_key = Arc::new(root_key);
    let root_path = PathCertificate::from_certificate(&root).expect("root");
    // The signer's serial and status, known once its certificate is issued.
    let signer: Arc<Mutex<Option<SignerStatus>>> = Arc::default();
    let known = signer.clone();
    let lookup: Arc<StatusLookup> = Arc::new(move |serial: &[u8]| {
        Ok(match &*known.lock().expect("lock") {
            Some((s, status)) if s == serial => *status,
            _ => SerialStatus::Good,
        })
    });
    let responder =
        OcspResponder::new(&root_path, &root_path, root_key.clone(), lookup).expect("responder");
    let ocsp = start_ocsp_server(responder, OffsetDateTime::now_utc).expect("OCSP server");
    let aia = || ext::authority_info_access(Some(&format!("{}ocsp", ocsp.url())), None);
    let e = pki.signer(ALG);
    let mut signer_ext =
        vec![
            ext::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation]).expect("KU"),
        ];
    if with_pointer {
        signer_ext.push(aia().expect("AIA"));
    }
    let signer_cert = issued_by(
        &root,
        &root_key,
        e.signer.as_ref(),
        &e.certificate,
        signer_ext,
    );
    *signer.lock().expect("lock") = Some((
        signer_cert
            .tbs_certificate
            .serial_number
            .as_bytes()
            .to_vec(),
        signer_status(&signer_cert),
    ));
    let tsa_cert = issued_by(
        &root,
        &root_key,
        pki.tsa.signer.as_ref(),
        &pki.tsa.certificate,
        vec![
            ext::key_usage(&[KeyUsages::DigitalSignature]).expect("KU"),
            ext::time_stamping_eku().expect("EKU"),
            aia().expect("AIA"),
        ],
    );
    let tsa = TestTsa::start(TimestampAuthority::new(
        pki.tsa.signer.clone(),
        tsa_cert,
        vec![root.clone()],
        SERTEL_TSA_POLICY,
    ))
    .expect("TSA");
    let dir = tempfile::tempdir().expect("temp dir");
    let root_pem = dir.path().join("root.pem");
    std::fs::write(&root_pem, certificate_to_pem(&root).expect("PEM")).expect("write");
    Regency {
        dir,
        root,
        root_pem,
        signer_cert,
        _ocsp: ocsp,
        tsa,
    }
}

fn good(_: &Certificate) -> SerialStatus {
    SerialStatus::Good
}

impl Regency {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn trust(&self) -> TrustStore {
        let mut store = TrustStore::new();
        store
            .add(PathCertificate::from_certificate(&self.root).expect("root"))
            .expect("anchor");
        store
    }

    /// A letter signed B-T with the signer's certificate (the root in the CMS).
    fn signed_letter(&self) -> PathBuf {
        let input = self.path("surat.pdf");
        std::fs::write(
            &input,
            sample_letter(&LetterSpec::new(1, PageSize::A4Portrait)),
        )
        .expect("write");
        let output = self.path("surat-ttd.pdf");
        let opts = SignOptions {
            level: Level::BT {
                tsa_url: self.tsa.url(),
            },
            ..SignOptions::default()
        };
        let e = TestPki::get().signer(ALG);
        sign_file(
            &input,
            &output,
            e.signer.as_ref(),
            &self.signer_cert,
            std::slice::from_ref(&self.root),
            &opts,
        )
        .expect("sign");
        output
    }

    /// Sertel's verdict offline, hard fail, trusting only the root.
    fn verify_offline(&self, pdf: &Path) -> VerifyReport {
        let mut o = VerifyOptions::trusting(self.trust());
        o.revocation = RevocationPolicy::HardFail;
        Verifier::new(o).verify_file(pdf).expect("verify")
    }

    fn ltv_options(&self) -> LtvOptions {
        LtvOptions::trusting(self.trust())
    }
}

fn levels(r: &VerifyReport) -> Vec<(Conclusion, Option<PadesLevel>)> {
    r.signatures
        .iter()
        .map(|s| (s.conclusion, s.level))
        .collect()
}

#[test]
fn validation_data_makes_a_timestamped_letter_valid_offline_then_archived() {
    let reg = regency(good, true);
    let signed = reg.signed_letter();
    // B-T alone: no status inside the file, so offline hard fail cannot pass — not even for
    // the timestamping authority, whose time then proves nothing.
    let before = reg.verify_offline(&signed);
    assert_ne!(before.signatures[0].conclusion, Conclusion::PASSED);
    assert_eq!(before.signatures[0].level, Some(PadesLevel::Basic));
    let judge = pyhanko_offline(&signed, &reg.root_pem);
    assert!(
        !judge.ok,
        "pyHanko offline needs the material too:\n{}",
        judge.output
    );

    let lt = reg.path("surat-lt.pdf");
    let added = add_validation_data(&signed, &lt, &reg.ltv_options(), false).expect("B-LT");
    assert_eq!(added.signatures, 1);
    assert_eq!(added.ocsp, 2, "the signer's and the authority's status");
    assert!(added.certificates >= 3, "signer, authority, root");
    let r = reg.verify_offline(&lt);
    assert_eq!(
        levels(&r),
        [(Conclusion::PASSED, Some(PadesLevel::LongTerm))]
    );
    let judge = pyhanko_offline(&lt, &reg.root_pem);
    assert!(judge.ok, "pyHanko offline:\n{}", judge.output);
    assert!(qpdf_check(&lt).ok, "qpdf");

    let lta = reg.path("surat-lta.pdf");
    let archived = archive(&lt, &lta, &reg.ltv_options(), &reg.tsa.url(), false).expect("B-LTA");
    assert!(archived.archived);
    let r = reg.verify_offline(&lta);
    assert_eq!(
        levels(&r),
        [
            (Conclusion::PASSED, Some(PadesLevel::LongTermArchive)),
            (Conclusion::PASSED, None),
        ]
    );
    // The archive timestamp's own authority has no status inside yet: pyHanko requires one.
    let refreshed = reg.path("surat-lta2.pdf");
    let again =
        archive(&lta, &refreshed, &reg.ltv_options(), &reg.tsa.url(), false).expect("refresh");
    assert_eq!(
        again.signatures, 1,
        "only the newest timestamp needs material"
    );
    let r = reg.verify_offline(&refreshed);
    assert_eq!(r.signatures.len(), 3);
    assert!(r
        .signatures
        .iter()
        .all(|s| s.conclusion == Conclusion::PASSED));
    assert_eq!(r.signatures[0].level, Some(PadesLevel::LongTermArchive));
    let judge = pyhanko_offline(&refreshed, &reg.root_pem);
    assert!(judge.ok, "pyHanko offline after refresh:\n{}", judge.output);
    assert_eq!(judge.judged, 3, "{}", judge.output);
    assert!(qpdf_check(&refreshed).ok, "qpdf");
    // poppler checks the signature itself (it leaves document timestamps unverified).
    let poppler = pdfsig(&refreshed);
    assert_eq!(poppler.signatures.len(), 3, "{}", poppler.output);
    assert_eq!(
        poppler.signatures[0].signature,
        SignatureStatus::Valid,
        "{}",
        poppler.output
    );
}

#[test]
fn adding_material_in_place_keeps_the_file_when_it_fails() {
    let reg = regency(good, false);
    let signed = reg.signed_letter();
    let original = std::fs::read(&signed).expect("read");
    let err = add_validation_data(&signed, &signed, &reg.ltv_options(), true)
        .expect_err("the signer names no responder");
    assert!(matches!(err, LtvError::NoRevocation { .. }), "{err:?}");
    assert!(
        err.message(Lang::Id).contains("Status pencabutan"),
        "{}",
        err.message(Lang::Id)
    );
    assert_eq!(
        std::fs::read(&signed).expect("read"),
        original,
        "input untouched"
    );
}

#[test]
fn a_revoked_signer_gets_no_long_term_material() {
    fn revoked(_: &Certificate) -> SerialStatus {
        SerialStatus::Revoked {
            time: OffsetDateTime::now_utc() - Duration::hours(1),
            reason: RevocationReason::KeyCompromise,
        }
    }
    let reg = regency(revoked, true);
    let signed = reg.signed_letter();
    let out = reg.path("out.pdf");
    let err = add_validation_data(&signed, &out, &reg.ltv_options(), false).expect_err("revoked");
    assert!(matches!(err, LtvError::PathInvalid { .. }), "{err:?}");
    assert!(!out.exists());
}

#[test]
fn an_untrusted_signer_is_refused_with_a_clear_message() {
    let reg = regency(good, true);
    let signed = reg.signed_letter();
    let opts = LtvOptions::trusting(TrustStore::new());
    let err =
        add_validation_data(&signed, &reg.path("x.pdf"), &opts, false).expect_err("no anchor");
    assert!(matches!(err, LtvError::NoPath { .. }), "{err:?}");
    assert!(err.message(Lang::Id).contains("folder kepercayaan"));
}
