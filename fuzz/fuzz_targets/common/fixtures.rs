//! The small PKI `seed-pki.sh` made with OpenSSL (`corpus/_fixtures/`): root, issuing CA, end
//! entity and delegated OCSP responder, the time the seeds were made, and the content the CMS
//! seeds sign. Loaded once per process.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use sertel_core::trust::{CertPool, PathCertificate, TrustStore};
use time::OffsetDateTime;

pub struct Fixtures {
    pub root: PathCertificate,
    pub ca: PathCertificate,
    pub leaf: PathCertificate,
    pub store: TrustStore,
    pub pool: CertPool,
    /// An hour after the seeds were made: inside every seed's validity.
    pub time: OffsetDateTime,
    pub content: Vec<u8>,
}

fn read(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/_fixtures")
        .join(name);
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run ./seed-pki.sh first", path.display()))
}

fn cert(name: &str) -> PathCertificate {
    PathCertificate::from_der(&read(name)).expect("fixture certificate")
}

pub fn get() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let (root, ca, leaf) = (cert("root.der"), cert("ca.der"), cert("leaf.der"));
        let mut store = TrustStore::new();
        store.add(root.clone()).expect("anchor");
        let mut pool = CertPool::new();
        pool.add(ca.clone()).expect("pool");
        pool.add(cert("responder.der")).expect("pool");
        let made: i64 = String::from_utf8_lossy(&read("time"))
            .trim()
            .parse()
            .expect("seed time");
        Fixtures {
            root,
            ca,
            leaf,
            store,
            pool,
            time: OffsetDateTime::from_unix_timestamp(made + 3600).expect("time"),
            content: read("content.bin"),
        }
    })
}
