//! The declared test PKI: a root CA, an issuing CA, one signer per key algorithm and a TSA, built
//! once per process from fresh keys, with the clock pinned at [`TEST_NOW`].
//!
//! ```text
//! Sertel Test Root CA (RSA-3072, 2025-01-01 .. 2045-01-01)
//! └── Sertel Test Issuing CA (RSA-3072, 2025-01-01 .. 2035-01-01, pathLen 0)
//!     ├── signer rsa-2048 / rsa-3072 / rsa-4096 / p-256 (2026-01-01 .. 2028-01-01)
//!     ├── Sertel Test TSA (RSA-3072, EKU timeStamping critical, 2025-01-01 .. 2030-01-01)
//!     └── Sertel Test OCSP Responder (P-256, EKU OCSPSigning, id-pkix-ocsp-nocheck,
//!         2025-01-01 .. 2030-01-01)
//! ```
//!
//! Signer certificates carry the regency's subject profile built from an [`OwnerProfile`], keyUsage
//! digitalSignature + nonRepudiation, and AIA / CRL distribution points at `http://127.0.0.1/…`
//! placeholders (nothing listens there unless a test starts a server).

use std::io::Write;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use der::pem::LineEnding;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::signer::Signer;
use sertel_core::x509::extensions::{self as ext, KeyUsages};
use sertel_core::x509::{
    build_name, certificate_to_der, certificate_to_pem, issue, owner_subject, random_serial,
    Certificate, CertificateTemplate, Name, NameAttribute,
};
use time::macros::datetime;
use time::OffsetDateTime;

/// The pinned "now" of every test: 2026-06-01T00:00:00Z.
pub const TEST_NOW: OffsetDateTime = datetime!(2026-06-01 00:00:00 UTC);

/// OCSP responder placeholder of the issuing CA.
pub const OCSP_URL: &str = "http://127.0.0.1/ocsp";
/// caIssuers placeholder: where the issuing CA's certificate would be published.
pub const CA_ISSUERS_URL: &str = "http://127.0.0.1/ca/issuing-ca.cer";
/// CRL placeholder of the issuing CA.
pub const CRL_URL: &str = "http://127.0.0.1/crl/issuing-ca.crl";

/// One key and its certificate.
pub struct TestEntity {
    /// A short name (`root`, `intermediate`, `signer-rsa-3072`, `tsa`), also the file stem used by
    /// [`TestPki::write_pem_files`].
    pub name: String,
    /// The private key.
    pub key: Arc<LocalKey>,
    /// The same key as a signer.
    pub signer: Arc<dyn Signer>,
    /// The certificate.
    pub certificate: Certificate,
    /// The certificate in DER.
    pub der: Vec<u8>,
    /// The issuers, nearest first, up to and including the root (empty for the root).
    pub chain: Vec<Certificate>,
    /// The owner profile the subject was built from (signers only).
    pub owner: Option<OwnerProfile>,
}

/// The whole test PKI.
pub struct TestPki {
    /// The self-signed root.
    pub root: TestEntity,
    /// "Sertel Test Issuing CA".
    pub intermediate: TestEntity,
    /// One signer per algorithm, in [`KeyAlgorithm::ALL`] order.
    pub signers: Vec<TestEntity>,
    /// The timestamping authority.
    pub tsa: TestEntity,
    /// The issuing CA's delegated OCSP responder (`ocsp`).
    pub ocsp: TestEntity,
}

static PKI: OnceLock<TestPki> = OnceLock::new();

fn ca_name(cn: &str) -> Name {
    build_name(&[
        (NameAttribute::Country, "ID"),
        (NameAttribute::Organization, "Sertel Test PKI"),
        (NameAttribute::CommonName, cn),
    ])
    .expect("fixed CA name")
}

/// The owner behind the signer certificate of `alg` (valid as of [`TEST_NOW`]).
pub fn test_owner(alg: KeyAlgorithm) -> OwnerProfile {
    let (name, nip, title) = match alg {
        KeyAlgorithm::Rsa2048 => ("Budi Santoso, S.T.", "197803122005011002", "Kepala Bidang"),
        KeyAlgorithm::Rsa3072 => (
            "Siti Rahmawati, S.Kom.",
            "198507142010012003",
            "Pranata Komputer",
        ),
        KeyAlgorithm::Rsa4096 => ("Ahmad Fauzi", "196911201995031001", "Sekretaris Daerah"),
        _ => (
            "Dewi Lestari, S.E.",
            "199102052015032004",
            "Analis Keuangan",
        ),
    };
    OwnerProfile {
        full_name: name.into(),
        nip: nip.into(),
        nik: None,
        email: format!(
            "penguji.{}@muaraenimkab.go.id",
            alg.as_str().replace('-', "")
        ),
        title: title.into(),
        unit: "Dinas Komunikasi dan Informatika".into(),
        rank: None,
        phone: None,
    }
}

struct Issuer<'a> {
    name: &'a Name,
    signer: &'a dyn Signer,
}

fn make(
    name: String,
    key: LocalKey,
    subject: Name,
    issuer: Option<Issuer<'_>>,
    validity: (OffsetDateTime, OffsetDateTime),
    mut extensions: Vec<x509_cert::ext::Extension>,
    chain: Vec<Certificate>,
) -> TestEntity {
    let key = Arc::new(key);
    let spki = key.public_key().clone();
    extensions.push(ext::subject_key_identifier(&spki).expect("SKI"));
    let (issuer_name, issuer_signer): (Name, &dyn Signer) = match &issuer {
        Some(i) => {
            extensions.push(ext::authority_key_identifier(i.signer.public_key()).expect("AKI"));
            (i.name.clone(), i.signer)
        }
        None => (subject.clone(), key.as_ref()),
    };
    let template = CertificateTemplate {
        serial: random_serial().expect("serial"),
        issuer: issuer_name,
        subject,
        not_before: validity.0,
        not_after: validity.1,
        subject_public_key: spki,
        extensions,
    };
    let certificate = issue(&template, issuer_signer).expect("test certificate");
    let der = certificate_to_der(&certificate).expect("DER");
    let signer: Arc<dyn Signer> = key.clone();
    TestEntity {
        name,
        key,
        signer,
        certificate,
        der,
        chain,
        owner: None,
    }
}

fn generate(alg: KeyAlgorithm) -> LocalKey {
    LocalKey::generate(alg).expect("test key generation")
}

impl TestPki {
    /// The process-wide test PKI, built on first use (a few seconds of RSA key generation).
    pub fn get() -> &'static TestPki {
        PKI.get_or_init(TestPki::build)
    }

    fn build() -> TestPki {
        let root_name = ca_name("Sertel Test Root CA");
        let ca_ku = ext::key_usage(&[KeyUsages::KeyCertSign, KeyUsages::CRLSign]).expect("KU");
        let root = make(
            "root".into(),
            generate(KeyAlgorithm::Rsa3072),
            root_name.clone(),
            None,
            (
                datetime!(2025-01-01 00:00:00 UTC),
                datetime!(2045-01-01 00:00:00 UTC),
            ),
            vec![
                ext::basic_constraints(true, None).expect("BC"),
                ca_ku.clone(),
            ],
            Vec::new(),
        );
        let int_name = ca_name("Sertel Test Issuing CA");
        let intermediate = make(
            "intermediate".into(),
            generate(KeyAlgorithm::Rsa3072),
            int_name.clone(),
            Some(Issuer {
                name: &root_name,
                signer: root.signer.as_ref(),
            }),
            (
                datetime!(2025-01-01 00:00:00 UTC),
                datetime!(2035-01-01 00:00:00 UTC),
            ),
            vec![ext::basic_constraints(true, Some(0)).expect("BC"), ca_ku],
            vec![root.certificate.clone()],
        );
        let leaf_chain = vec![intermediate.certificate.clone(), root.certificate.clone()];
        let regency = RegencyProfile::default();
        let signers = KeyAlgorithm::ALL
            .iter()
            .map(|&alg| {
                let owner = test_owner(alg);
                let subject = owner_subject(&owner, &regency).expect("owner subject");
                let extensions = vec![
                    ext::basic_constraints(false, None).expect("BC"),
                    ext::key_usage(&[KeyUsages::DigitalSignature, KeyUsages::NonRepudiation])
                        .expect("KU"),
                    ext::subject_alt_name_email(&owner.email).expect("SAN"),
                    ext::authority_info_access(Some(OCSP_URL), Some(CA_ISSUERS_URL)).expect("AIA"),
                    ext::crl_distribution_points(&[CRL_URL]).expect("CRLDP"),
                ];
                let mut e = make(
                    format!("signer-{alg}"),
                    generate(alg),
                    subject,
                    Some(Issuer {
                        name: &int_name,
                        signer: intermediate.signer.as_ref(),
                    }),
                    (
                        datetime!(2026-01-01 00:00:00 UTC),
                        datetime!(2028-01-01 00:00:00 UTC),
                    ),
                    extensions,
                    leaf_chain.clone(),
                );
                e.owner = Some(owner);
                e
            })
            .collect();
        let tsa_name = build_name(&[
            (NameAttribute::Country, "ID"),
            (NameAttribute::Organization, "Sertel Test PKI"),
            (NameAttribute::CommonName, "Sertel Test TSA"),
        ])
        .expect("TSA name");
        let tsa = make(
            "tsa".into(),
            generate(KeyAlgorithm::Rsa3072),
            tsa_name,
            Some(Issuer {
                name: &int_name,
                signer: intermediate.signer.as_ref(),
            }),
            (
                datetime!(2025-01-01 00:00:00 UTC),
                datetime!(2030-01-01 00:00:00 UTC),
            ),
            vec![
                ext::basic_constraints(false, None).expect("BC"),
                ext::key_usage(&[KeyUsages::DigitalSignature]).expect("KU"),
                ext::time_stamping_eku().expect("EKU"),
                ext::authority_info_access(Some(OCSP_URL), Some(CA_ISSUERS_URL)).expect("AIA"),
                ext::crl_distribution_points(&[CRL_URL]).expect("CRLDP"),
            ],
            leaf_chain.clone(),
        );
        let ocsp = make(
            "ocsp".into(),
            generate(KeyAlgorithm::EcdsaP256),
            ca_name("Sertel Test OCSP Responder"),
            Some(Issuer {
                name: &int_name,
                signer: intermediate.signer.as_ref(),
            }),
            (
                datetime!(2025-01-01 00:00:00 UTC),
                datetime!(2030-01-01 00:00:00 UTC),
            ),
            vec![
                ext::basic_constraints(false, None).expect("BC"),
                ext::key_usage(&[KeyUsages::DigitalSignature]).expect("KU"),
                ext::ocsp_signing_eku().expect("EKU"),
                ext::ocsp_no_check().expect("nocheck"),
            ],
            leaf_chain,
        );
        TestPki {
            root,
            intermediate,
            signers,
            tsa,
            ocsp,
        }
    }

    /// The signer whose key has algorithm `alg`.
    pub fn signer(&self, alg: KeyAlgorithm) -> &TestEntity {
        self.signers
            .iter()
            .find(|e| e.key.key_algorithm() == alg)
            .expect("one signer per KeyAlgorithm")
    }

    /// Writes the PKI as PEM files into `dir`: `root.pem`, `intermediate.pem`, `chain.pem`
    /// (intermediate then root), and for each signer and the TSA `<name>.pem` (certificate) and
    /// `<name>.key.pem`. (The OCSP responder is not written: write it where a test needs it.)
    ///
    /// The keys are written **unencrypted** (PKCS#8 `PRIVATE KEY`, mode 0600) so that external
    /// tools such as pyHanko and OpenSSL can use them. Test use only: these keys are throwaway and
    /// never leave the test's temporary directory.
    pub fn write_pem_files(&self, dir: &Path) -> std::io::Result<()> {
        let pem = |c: &Certificate| certificate_to_pem(c).map_err(std::io::Error::other);
        std::fs::write(dir.join("root.pem"), pem(&self.root.certificate)?)?;
        std::fs::write(
            dir.join("intermediate.pem"),
            pem(&self.intermediate.certificate)?,
        )?;
        let chain = pem(&self.intermediate.certificate)? + &pem(&self.root.certificate)?;
        std::fs::write(dir.join("chain.pem"), chain)?;
        for e in self.signers.iter().chain(std::iter::once(&self.tsa)) {
            std::fs::write(dir.join(format!("{}.pem", e.name)), pem(&e.certificate)?)?;
            write_key_file(dir, e)?;
        }
        Ok(())
    }

    /// Writes the two CA keys into `dir` as `root.key.pem` and `intermediate.key.pem`
    /// (unencrypted PKCS#8, mode 0600), so that external tools can issue CRLs for the test PKI
    /// (e.g. `openssl ca -gencrl`). Kept apart from [`TestPki::write_pem_files`], whose folder
    /// tests load as a trust folder.
    pub fn write_ca_key_files(&self, dir: &Path) -> std::io::Result<()> {
        write_key_file(dir, &self.root)?;
        write_key_file(dir, &self.intermediate)
    }
}

/// Writes `<name>.key.pem`: the entity's key, unencrypted PKCS#8 PEM, mode 0600.
fn write_key_file(dir: &Path, e: &TestEntity) -> std::io::Result<()> {
    let der = e.key.to_pkcs8_der().map_err(std::io::Error::other)?;
    let key_pem = der::pem::encode_string("PRIVATE KEY", LineEnding::LF, &der)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(dir.join(format!("{}.key.pem", e.name)))?
        .write_all(key_pem.as_bytes())
}
