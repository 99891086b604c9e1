//! A one-level PKI shaped like the regency's: a root CA that issues the signer's and the
//! timestamping authority's certificates directly, both naming the root's own OCSP responder
//! (on loopback) in their authority information access — the material a long-term validation
//! update must collect. The signer uses the P-256 key of [`TestPki`]'s signer, the authority
//! [`TestPki`]'s TSA key; the root's key is made afresh.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::ocsp::{OcspResponder, SerialStatus, StatusLookup};
use sertel_core::signer::Signer;
use sertel_core::trust::{PathCertificate, TrustStore};
use sertel_core::tsp::authority::{TimestampAuthority, SERTEL_TSA_POLICY};
use sertel_core::x509::extensions::{self as ext, KeyUsages};
use sertel_core::x509::{
    build_name, certificate_to_pem, issue, random_serial, CertificateTemplate, NameAttribute,
};
use time::{Duration, OffsetDateTime};
use x509_cert::ext::Extension;
use x509_cert::Certificate;

use crate::loopback::LoopbackServer;
use crate::ocsp::start_ocsp_server;
use crate::pki::{TestEntity, TestPki};
use crate::tsa::TestTsa;

/// The signer's key algorithm.
pub const SIGNER_ALGORITHM: KeyAlgorithm = KeyAlgorithm::EcdsaP256;

/// The agency whose electronic seal the regency's PKI certifies.
pub const SEAL_AGENCY: &str = "Dinas Komunikasi, Informatika, Statistik dan Persandian";

/// The organisation of the seal certificate.
pub const SEAL_ORGANIZATION: &str = "Pemerintah Kabupaten Muara Enim";

/// The drafting officials who put their paraf before the head signs: name, NIP.
pub const OFFICIALS: [(&str, &str); 2] = [
    ("Ahmad Syafei, S.Kom.", "198504172010011002"),
    ("Rina Marlina, S.E., M.M.", "198911232014022001"),
];

/// A key and the certificate the root issued for it: an official, or the agency's seal.
pub struct Holder {
    /// The certificate.
    pub certificate: Certificate,
    /// The key (P-256, made afresh).
    pub key: LocalKey,
}

/// The signer certificate's serial and the status the responder gives it.
type SignerStatus = (Vec<u8>, SerialStatus);

/// The running PKI: its files live in a temporary folder that goes with it.
pub struct Regency {
    dir: tempfile::TempDir,
    /// The root CA's certificate (the only trust anchor).
    pub root: Certificate,
    /// The root in PEM, on disk.
    pub root_pem: PathBuf,
    /// The signer's certificate, issued by the root.
    pub signer_cert: Certificate,
    /// The signer's certificate then the root, in PEM, on disk.
    pub signer_chain_pem: PathBuf,
    _ocsp: LoopbackServer,
    /// The timestamping authority, on loopback.
    pub tsa: TestTsa,
    /// The agency's seal: an organisation certificate (CN the agency, O the regency's
    /// government, L, ST, C=ID, no serialNumber; digitalSignature and nonRepudiation).
    pub seal: Holder,
    /// The drafting officials of [`OFFICIALS`], for paraf.
    pub officials: Vec<Holder>,
}

/// How the regency is set up.
#[derive(Clone, Copy, Debug)]
pub struct RegencySetup {
    /// What the responder answers for the signer (everything else is good).
    pub signer_status: SerialStatus,
    /// Whether the signer's certificate names the responder (without it, nothing tells where
    /// its status is).
    pub signer_names_responder: bool,
}

impl Default for RegencySetup {
    fn default() -> Self {
        RegencySetup {
            signer_status: SerialStatus::Good,
            signer_names_responder: true,
        }
    }
}

fn root_certificate(key: &LocalKey) -> Certificate {
    let name = build_name(&[
        (NameAttribute::Country, "ID"),
        (NameAttribute::Organization, "Sertel Test PKI"),
        (NameAttribute::CommonName, "Sertel LTV Root"),
    ])
    .expect("name");
    let now = OffsetDateTime::now_utc();
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: name.clone(),
        subject: name,
        not_before: now - Duration::days(2),
        not_after: now + Duration::days(3650),
        subject_public_key: key.public_key().clone(),
        extensions: vec![
            ext::basic_constraints(true, None).expect("BC"),
            ext::key_usage(&[KeyUsages::KeyCertSign, KeyUsages::CRLSign]).expect("KU"),
        ],
    };
    issue(&template, key).expect("root")
}

/// A certificate for `entity`'s key and subject, issued by the root now, with `extra`.
fn issued_by(
    root: &Certificate,
    root_key: &LocalKey,
    entity: &TestEntity,
    extra: Vec<Extension>,
) -> Certificate {
    issued_to(
        root,
        root_key,
        entity.certificate.tbs_certificate.subject.clone(),
        entity.signer.public_key().clone(),
        extra,
    )
}

/// A fresh P-256 key and a signing certificate (digitalSignature, nonRepudiation, then
/// `extra`: the responder named, for a seal its qcStatements) for `subject`, issued by the root
/// now.
fn holder(
    root: &Certificate,
    root_key: &LocalKey,
    subject: &[(NameAttribute, &str)],
    extra: Vec<Extension>,
) -> Holder {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let certificate = issued_to(
        root,
        root_key,
        build_name(subject).expect("name"),
        key.public_key().clone(),
        std::iter::once(
            ext::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation]).expect("KU"),
        )
        .chain(extra)
        .collect(),
    );
    Holder { certificate, key }
}

/// A certificate for `subject` and `public_key`, issued by the root now, with `extra`.
fn issued_to(
    root: &Certificate,
    root_key: &LocalKey,
    subject: x509_cert::name::Name,
    public_key: x509_cert::spki::SubjectPublicKeyInfoOwned,
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
        subject,
        not_before: now - Duration::days(1),
        not_after: now + Duration::days(730),
        subject_public_key: public_key,
        extensions,
    };
    issue(&template, root_key).expect("certificate")
}

impl Regency {
    /// Starts the responder and the authority and issues the certificates.
    pub fn start(setup: RegencySetup) -> Regency {
        let pki = TestPki::get();
        let root_key = Arc::new(LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key"));
        let root = root_certificate(&root_key);
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
        let responder = OcspResponder::new(&root_path, &root_path, root_key.clone(), lookup)
            .expect("responder");
        let ocsp = start_ocsp_server(responder, OffsetDateTime::now_utc).expect("OCSP server");
        let aia =
            || ext::authority_info_access(Some(&format!("{}ocsp", ocsp.url())), None).expect("AIA");
        let mut signer_ext = vec![ext::key_usage(&[
            KeyUsages::DigitalSignature,
            KeyUsages::NonRepudiation,
        ])
        .expect("KU")];
        if setup.signer_names_responder {
            signer_ext.push(aia());
        }
        let signer_cert = issued_by(&root, &root_key, pki.signer(SIGNER_ALGORITHM), signer_ext);
        let serial = signer_cert
            .tbs_certificate
            .serial_number
            .as_bytes()
            .to_vec();
        *signer.lock().expect("lock") = Some((serial, setup.signer_status));
        let tsa_cert = issued_by(
            &root,
            &root_key,
            &pki.tsa,
            vec![
                ext::key_usage(&[KeyUsages::DigitalSignature]).expect("KU"),
                ext::time_stamping_eku().expect("EKU"),
                aia(),
            ],
        );
        let tsa = TestTsa::start(TimestampAuthority::new(
            pki.tsa.signer.clone(),
            tsa_cert,
            vec![root.clone()],
            SERTEL_TSA_POLICY,
        ))
        .expect("TSA");
        let seal = holder(
            &root,
            &root_key,
            &[
                (NameAttribute::Country, "ID"),
                (NameAttribute::State, "Sumatera Selatan"),
                (NameAttribute::Locality, "Muara Enim"),
                (NameAttribute::Organization, SEAL_ORGANIZATION),
                (NameAttribute::CommonName, SEAL_AGENCY),
            ],
            vec![
                aia(),
                sertel_core::x509::qc_statements::qc_statements_eseal().expect("qcStatements"),
            ],
        );
        let officials = OFFICIALS
            .iter()
            .map(|(name, nip)| {
                holder(
                    &root,
                    &root_key,
                    &[
                        (NameAttribute::Country, "ID"),
                        (NameAttribute::Organization, SEAL_ORGANIZATION),
                        (NameAttribute::SerialNumber, nip),
                        (NameAttribute::CommonName, name),
                    ],
                    vec![aia()],
                )
            })
            .collect();
        let dir = tempfile::tempdir().expect("temp dir");
        let pem = |c: &Certificate| certificate_to_pem(c).expect("PEM");
        let root_pem = dir.path().join("root.pem");
        std::fs::write(&root_pem, pem(&root)).expect("write");
        let signer_chain_pem = dir.path().join("signer-chain.pem");
        std::fs::write(&signer_chain_pem, pem(&signer_cert) + &pem(&root)).expect("write");
        Regency {
            dir,
            root,
            root_pem,
            signer_cert,
            signer_chain_pem,
            _ocsp: ocsp,
            tsa,
            seal,
            officials,
        }
    }

    /// A path in the regency's temporary folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A trust store holding the root only.
    pub fn trust(&self) -> TrustStore {
        let mut store = TrustStore::new();
        store
            .add(PathCertificate::from_certificate(&self.root).expect("root"))
            .expect("anchor");
        store
    }

    /// The signer's key.
    pub fn signer(&self) -> &dyn Signer {
        TestPki::get().signer(SIGNER_ALGORITHM).signer.as_ref()
    }
}
