//! A second owner, Budi Santoso, whose certificate is issued through the server's API (the
//! typed client, as another laptop's app would do it), so a verifier has an issued certificate
//! to revoke in the app; and approvals made through the API, as on another verifier's laptop,
//! which the owner's app learns of through the server's push channel.

use std::sync::Arc;

use sertel_client::model::{Application, Decision, RegisterOwner};
use sertel_client::submission::{Action, DocumentKind, Submission};
use sertel_client::{new_idempotency_key, Client, MemoryTokenStore};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::x509::{build_csr, csr_to_pem};
use test_support::letters::{sample_letter, LetterSpec, PageSize};

use crate::server::{TestServer, BADAN, DINAS, STAFF_PASSWORD};

const PASSWORD: &str = "kata-sandi-pemilik-kedua";

fn signed_in(server: &TestServer, email: &str, password: &str) -> Client {
    let c = Client::new(&server.url, Arc::new(MemoryTokenStore::new())).expect("client");
    c.login(email, password).expect("sign in");
    c
}

/// Budi Santoso's profile: NIP and NIK that agree.
pub fn profile() -> OwnerProfile {
    OwnerProfile {
        full_name: "Budi Santoso, S.T.".into(),
        nip: "197803122005011002".into(),
        nik: Some("1603021203780002".into()),
        email: "budi.santoso@muaraenimkab.go.id".into(),
        title: "Kepala Bidang".into(),
        unit: "Dinas Pekerjaan Umum".into(),
        rank: None,
        phone: None,
    }
}

/// Registers Budi Santoso, applies, has both verifiers approve; the issued application.
pub fn issued(server: &TestServer) -> Application {
    let profile = profile();
    let form = RegisterOwner::from_profile(&profile, PASSWORD);
    let anonymous = Client::new(&server.url, Arc::new(MemoryTokenStore::new())).expect("client");
    anonymous.register_owner(&form).expect("register");
    let owner = signed_in(server, &form.email, PASSWORD);
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
    let csr = build_csr(&profile, &RegencyProfile::default(), &key).expect("csr");
    let pdf = sample_letter(&LetterSpec::new(1, PageSize::A4Portrait));
    let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/icons/128x128.png"))
        .expect("an icon as the photo");
    let consent = owner.consent().expect("consent");
    let submission = Submission::new(csr_to_pem(&csr).expect("pem").into_bytes(), consent.version)
        .with_document(DocumentKind::RecommendationLetter, pdf.clone())
        .with_document(DocumentKind::Ktp, png.clone())
        .with_document(DocumentKind::SkJabatan, pdf.clone())
        .with_document(DocumentKind::SkPangkat, pdf)
        .with_document(DocumentKind::Photo, png);
    let app = owner
        .send_submission(&Action::Submit, &submission, &new_idempotency_key())
        .expect("submitted");
    approve_both(server, &app.id);
    owner.application(&app.id).expect("the application")
}

/// The Badan and then the Dinas approve application `id` through the API.
pub fn approve_both(server: &TestServer, id: &str) {
    for verifier in [BADAN, DINAS] {
        approve(server, verifier, id);
    }
}

/// `verifier` approves application `id` through the API, as on another verifier's laptop.
pub fn approve(server: &TestServer, verifier: &str, id: &str) -> Application {
    signed_in(server, verifier, STAFF_PASSWORD)
        .review(id, Decision::Approve, "")
        .expect("approved")
}

/// The application `id` as the server has it now (read by a verifier).
pub fn application(server: &TestServer, id: &str) -> Application {
    signed_in(server, BADAN, STAFF_PASSWORD)
        .application(id)
        .expect("the application")
}
