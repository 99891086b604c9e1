//! People, keys, CSRs and documents for tests.

use axum::http::StatusCode;
use serde_json::{json, Value};
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::x509::{build_csr, csr_to_pem};
use sertel_server::auth::{hash_password, Role};
use sertel_server::consent::CONSENT_VERSION;
use sertel_server::users::{create_user, NewUser};

use super::{multipart, Reply, TestServer};

pub const PASSWORD: &str = "kata-sandi-rahasia-1";

/// Two owners with NIP and NIK that agree (birth date and sex).
pub fn owner_form(n: u8) -> Value {
    match n {
        0 => json!({
            "full_name": "Siti Rahmawati, S.Kom.",
            "nip": "198507142010012003",
            "nik": "1603015407850001",
            "email": "siti.rahmawati@muaraenimkab.go.id",
            "title": "Pranata Komputer",
            "unit": "Dinas Komunikasi dan Informatika",
            "password": PASSWORD,
        }),
        _ => json!({
            "full_name": "Budi Santoso, S.T.",
            "nip": "197803122005011002",
            "nik": "1603021203780002",
            "email": "budi.santoso@muaraenimkab.go.id",
            "title": "Kepala Bidang",
            "unit": "Dinas Pekerjaan Umum",
            "password": PASSWORD,
        }),
    }
}

/// Owner number `i` of many (for load and crash tests): valid NIP and NIK that agree, each
/// unique.
pub fn numbered_owner_form(i: u32) -> Value {
    let letters: String = i
        .to_string()
        .bytes()
        .map(|d| char::from(b'a' + (d - b'0')))
        .collect();
    json!({
        "full_name": format!("Pegawai {}", letters.to_uppercase()),
        "nip": format!("19800115200501{}{:03}", 1, i + 1),
        "nik": format!("160301150180{:04}", i + 1),
        "email": format!("pegawai.{letters}@muaraenimkab.go.id"),
        "title": "Pranata Komputer",
        "unit": "Dinas Komunikasi dan Informatika",
        "password": PASSWORD,
    })
}

/// The profile the server keeps for `owner_form(n)`.
pub fn owner_profile(n: u8) -> OwnerProfile {
    profile_of(&owner_form(n))
}

/// The profile the server keeps for a registration form.
pub fn profile_of(f: &Value) -> OwnerProfile {
    OwnerProfile {
        full_name: f["full_name"].as_str().unwrap().into(),
        nip: f["nip"].as_str().unwrap().into(),
        nik: Some(f["nik"].as_str().unwrap().into()),
        email: f["email"].as_str().unwrap().into(),
        title: f["title"].as_str().unwrap().into(),
        unit: f["unit"].as_str().unwrap().into(),
        rank: None,
        phone: None,
    }
}

/// A signed-in user: id and token.
#[derive(Clone, Debug)]
pub struct Login {
    pub id: String,
    pub token: String,
    pub email: String,
}

pub async fn login(srv: &TestServer, email: &str) -> Login {
    let r = srv
        .post(
            "/api/v1/sessions",
            None,
            json!({"email": email, "password": PASSWORD}),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let v = r.json();
    Login {
        id: v["user"]["id"].as_str().unwrap().into(),
        token: v["token"].as_str().unwrap().into(),
        email: email.into(),
    }
}

/// Registers owner `n` and signs in.
pub async fn owner(srv: &TestServer, n: u8) -> Login {
    let form = owner_form(n);
    let r = srv.post("/api/v1/owners", None, form.clone()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    login(srv, form["email"].as_str().unwrap()).await
}

/// Creates a staff account directly (as `admin create` does) and signs in.
pub async fn staff(srv: &TestServer, role: Role, email_local: &str) -> Login {
    let email = format!("{email_local}@muaraenimkab.go.id");
    let mut tx = srv.state.db().begin_write().await.unwrap();
    create_user(
        &mut tx,
        Some("cli"),
        NewUser {
            role,
            email: email.clone(),
            password_hash: hash_password(PASSWORD.into()).await.unwrap(),
            full_name: format!("Staf {email_local}"),
            nip: None,
            nik: None,
            title: None,
            unit: None,
            rank: None,
            phone: None,
        },
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    login(srv, &email).await
}

/// Everyone: two owners, one verifier per side, an admin.
pub struct People {
    pub owner: Login,
    pub other_owner: Login,
    pub badan: Login,
    pub dinas: Login,
    pub admin: Login,
}

pub async fn people(srv: &TestServer) -> People {
    People {
        owner: owner(srv, 0).await,
        other_owner: owner(srv, 1).await,
        badan: staff(srv, Role::VerifierBadan, "verifikator.badan").await,
        dinas: staff(srv, Role::VerifierDinas, "verifikator.dinas").await,
        admin: staff(srv, Role::Admin, "admin").await,
    }
}

/// A PEM CSR for owner `n`'s profile with a new key of `alg`.
pub fn csr_for(n: u8, alg: KeyAlgorithm) -> Vec<u8> {
    csr_for_profile(&owner_profile(n), &LocalKey::generate(alg).unwrap())
}

/// A PEM CSR for `profile` with `key`.
pub fn csr_for_profile(profile: &OwnerProfile, key: &LocalKey) -> Vec<u8> {
    let csr = build_csr(profile, &RegencyProfile::default(), key).unwrap();
    csr_to_pem(&csr).unwrap().into_bytes()
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

/// Every field of a complete submission for owner `n`.
pub fn full_form(n: u8) -> Vec<(&'static str, Vec<u8>)> {
    full_form_with(csr_for(n, KeyAlgorithm::EcdsaP256))
}

/// Every field of a complete submission, with `csr`.
pub fn full_form_with(csr: Vec<u8>) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("csr", csr),
        ("recommendation_letter", pdf("rekomendasi")),
        ("ktp", jpeg()),
        ("sk_jabatan", pdf("sk jabatan")),
        ("sk_pangkat", pdf("sk pangkat")),
        ("photo", png()),
        ("consent_version", CONSENT_VERSION.as_bytes().to_vec()),
    ]
}

pub async fn submit(srv: &TestServer, who: &Login, key: &str, fields: &[(&str, Vec<u8>)]) -> Reply {
    srv.send(multipart::request(
        "/api/v1/applications",
        Some(&who.token),
        Some(key),
        fields,
    ))
    .await
}

/// Submits a complete application for owner `n`; returns its id.
pub async fn submitted(srv: &TestServer, who: &Login, n: u8) -> String {
    let r = submit(srv, who, &format!("key-{}", who.id), &full_form(n)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    r.json()["id"].as_str().unwrap().to_owned()
}

pub async fn review(
    srv: &TestServer,
    who: &Login,
    id: &str,
    decision: &str,
    reason: &str,
) -> Reply {
    srv.post(
        &format!("/api/v1/applications/{id}/review"),
        Some(&who.token),
        json!({"decision": decision, "reason": reason}),
    )
    .await
}

/// Submits owner `n`'s application and has both verifiers approve it; returns its id.
pub async fn issued(srv: &TestServer, p: &People, who: &Login, n: u8) -> String {
    let id = submitted(srv, who, n).await;
    review(srv, &p.badan, &id, "approve", "").await;
    let r = review(srv, &p.dinas, &id, "approve", "").await;
    assert_eq!(r.json()["state"], "issued", "{:?}", r.json());
    id
}

/// Both verifiers approve application `id`.
pub async fn approve_both(srv: &TestServer, p: &People, id: &str) -> Reply {
    let r = review(srv, &p.badan, id, "approve", "").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    review(srv, &p.dinas, id, "approve", "").await
}

/// The owner's revocation request for application `id`, with a letter.
pub async fn request_revocation(srv: &TestServer, who: &Login, id: &str, reason: &str) -> Reply {
    srv.send(multipart::request(
        &format!("/api/v1/applications/{id}/revocation-requests"),
        Some(&who.token),
        None,
        &[
            ("reason", reason.as_bytes().to_vec()),
            ("statement", b"Pindah tugas ke instansi lain.".to_vec()),
            ("letter", pdf("surat kepala perangkat daerah")),
        ],
    ))
    .await
}

/// A verifier revokes application `id`'s certificate directly.
pub async fn revoke(srv: &TestServer, who: &Login, id: &str, reason: &str) -> Reply {
    srv.post(
        &format!("/api/v1/applications/{id}/revoke"),
        Some(&who.token),
        json!({"reason": reason, "comment": "Hasil evaluasi verifikator."}),
    )
    .await
}

/// The owner reports the key of application `id` lost.
pub async fn lost_key(srv: &TestServer, who: &Login, id: &str) -> Reply {
    srv.post(
        &format!("/api/v1/applications/{id}/lost-key"),
        Some(&who.token),
        json!({"statement": "Laptop hilang."}),
    )
    .await
}

/// A renewal (or re-issue, with `path` = "reissue") of application `id` with a new key and
/// `extra` fields.
pub async fn follow_up(
    srv: &TestServer,
    who: &Login,
    id: &str,
    path: &str,
    n: u8,
    extra: Vec<(&'static str, Vec<u8>)>,
) -> Reply {
    let mut fields = vec![
        ("csr", csr_for(n, KeyAlgorithm::EcdsaP256)),
        ("consent_version", CONSENT_VERSION.as_bytes().to_vec()),
    ];
    fields.extend(extra);
    srv.send(multipart::request(
        &format!("/api/v1/applications/{id}/{path}"),
        Some(&who.token),
        Some(&format!("{path}-{}", sertel_server::ids::new_id())),
        &fields,
    ))
    .await
}
