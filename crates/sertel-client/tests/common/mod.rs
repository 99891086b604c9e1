//! A real sertel-server on loopback for the client's tests: a fresh SQLite data directory, its
//! own runtime, stoppable and restartable on the same port and data (to play "server down").

#![allow(dead_code, clippy::unwrap_used, missing_docs)]

use std::net::SocketAddr;
use std::sync::Arc;

use sertel_client::model::RegisterOwner;
use sertel_client::submission::{DocumentKind, Submission};
use sertel_client::{Client, MemoryTokenStore};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::x509::{build_csr, csr_to_pem};
use sertel_server::auth::{hash_password, Role};
use sertel_server::users::{create_user, NewUser};
use sertel_server::{app, AppState, Config};

pub const PASSWORD: &str = "kata-sandi-rahasia-1";

pub struct Server {
    pub dir: tempfile::TempDir,
    pub port: u16,
    runtime: Option<tokio::runtime::Runtime>,
    state: Option<AppState>,
}

impl Server {
    pub fn start() -> Server {
        let mut s = Server {
            dir: tempfile::tempdir().unwrap(),
            port: 0,
            runtime: None,
            state: None,
        };
        s.up();
        s
    }

    fn config(&self) -> Config {
        let mut config = Config::with_data_dir(self.dir.path().join("data"));
        config.public_url = self.url();
        config
    }

    /// Starts serving (again) on the same port and data directory.
    pub fn up(&mut self) {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let port = self.port;
        let listener = rt
            .block_on(tokio::net::TcpListener::bind(("127.0.0.1", port)))
            .unwrap();
        self.port = listener.local_addr().unwrap().port();
        let state = rt.block_on(AppState::open(self.config())).unwrap();
        let service = app(state.clone()).into_make_service_with_connect_info::<SocketAddr>();
        rt.spawn(async move { axum::serve(listener, service).await });
        self.runtime = Some(rt);
        self.state = Some(state);
    }

    /// Stops at once: the listener and every connection close, as if the process died.
    pub fn down(&mut self) {
        self.state = None;
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Creates a staff account (as `sertel-server admin create` does); returns its e-mail.
    pub fn staff(&self, role: Role, local: &str) -> String {
        let email = format!("{local}@muaraenimkab.go.id");
        let state = self.state.clone().unwrap();
        let new = NewUser {
            role,
            email: email.clone(),
            password_hash: String::new(),
            full_name: format!("Staf {local}"),
            nip: None,
            nik: None,
            title: None,
            unit: None,
            rank: None,
            phone: None,
        };
        self.runtime.as_ref().unwrap().block_on(async move {
            let new = NewUser {
                password_hash: hash_password(PASSWORD.into()).await.unwrap(),
                ..new
            };
            let mut tx = state.db().begin_write().await.unwrap();
            create_user(&mut tx, Some("cli"), new).await.unwrap();
            tx.commit().await.unwrap();
        });
        email
    }

    /// A client with its own in-memory token store.
    pub fn client(&self) -> Client {
        Client::new(&self.url(), Arc::new(MemoryTokenStore::new())).unwrap()
    }

    /// A client signed in as `email`.
    pub fn signed_in(&self, email: &str) -> Client {
        let c = self.client();
        c.login(email, PASSWORD).unwrap();
        c
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.down();
    }
}

/// An owner of the regency with NIP and NIK that agree.
pub fn owner_form() -> RegisterOwner {
    RegisterOwner {
        full_name: "Siti Rahmawati, S.Kom.".into(),
        nip: "198507142010012003".into(),
        nik: "1603015407850001".into(),
        email: "siti.rahmawati@muaraenimkab.go.id".into(),
        title: "Pranata Komputer".into(),
        unit: "Dinas Komunikasi dan Informatika".into(),
        rank: None,
        phone: None,
        password: PASSWORD.into(),
    }
}

pub fn owner_profile() -> OwnerProfile {
    let f = owner_form();
    OwnerProfile {
        full_name: f.full_name,
        nip: f.nip,
        nik: Some(f.nik),
        email: f.email,
        title: f.title,
        unit: f.unit,
        rank: None,
        phone: None,
    }
}

/// A new key and the PEM CSR for the owner's profile.
pub fn key_and_csr() -> (LocalKey, Vec<u8>) {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let csr = build_csr(&owner_profile(), &RegencyProfile::default(), &key).unwrap();
    (key, csr_to_pem(&csr).unwrap().into_bytes())
}

pub fn pdf(label: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .into_bytes()
}

pub fn jpeg() -> Vec<u8> {
    let mut v = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0,
    ];
    v.extend_from_slice(&[0u8; 64]);
    v.extend_from_slice(&[0xFF, 0xD9]);
    v
}

pub fn png() -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.extend_from_slice(&[0u8; 64]);
    v
}

/// A complete first application with `csr`.
pub fn full_submission(csr: Vec<u8>, consent_version: &str) -> Submission {
    Submission::new(csr, consent_version)
        .with_document(DocumentKind::RecommendationLetter, pdf("rekomendasi"))
        .with_document(DocumentKind::Ktp, jpeg())
        .with_document(DocumentKind::SkJabatan, pdf("sk jabatan"))
        .with_document(DocumentKind::SkPangkat, pdf("sk pangkat"))
        .with_document(DocumentKind::Photo, png())
}

/// Registers the owner and returns a client signed in as them.
pub fn owner(server: &Server) -> Client {
    let c = server.client();
    c.register_owner(&owner_form()).unwrap();
    c.login(&owner_form().email, PASSWORD).unwrap();
    c
}

/// The subjectPublicKeyInfo (DER) of the certificate `der`: compared with the key the CSR was
/// made with.
pub fn certified_key(der: &[u8]) -> Vec<u8> {
    use der::{Decode, Encode};
    x509_cert::Certificate::from_der(der)
        .unwrap()
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .unwrap()
}
