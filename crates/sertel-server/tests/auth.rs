//! Registration, passwords, sessions, roles, the login rate limit.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::http::{Method, StatusCode};
use serde_json::json;
use sertel_server::auth::{Role, MAX_FAILURES};
use sqlx::Row;

use common::fixtures::{self, PASSWORD};

async fn register_and_login(srv: common::TestServer) {
    let me = fixtures::owner(&srv, 0).await;
    let r = srv.get("/api/v1/me", Some(&me.token)).await;
    assert_eq!(r.status, StatusCode::OK);
    let v = r.json();
    assert_eq!(v["role"], "owner");
    assert_eq!(v["nip"], "198507142010012003");
    assert!(v.get("password_hash").is_none());
    // Stored: an Argon2id hash, and the token only as its hash.
    let pool = srv.state.db().pool();
    let hash: String = sqlx::query("SELECT password_hash FROM users WHERE id = $1")
        .bind(&me.id)
        .fetch_one(pool)
        .await
        .unwrap()
        .get(0);
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    let stored: Vec<String> = sqlx::query("SELECT token_hash FROM sessions")
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(!stored.contains(&me.token));
    // Sign out: the token stops working.
    let r = srv
        .request(
            Method::DELETE,
            "/api/v1/sessions/current",
            Some(&me.token),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(
        srv.get("/api/v1/me", Some(&me.token)).await.status,
        StatusCode::UNAUTHORIZED
    );
}
on_every_backend!(owner_registers_signs_in_and_out, register_and_login);

async fn registration_rules(srv: common::TestServer) {
    let mut bad = fixtures::owner_form(0);
    bad["nip"] = json!("12345");
    bad["email"] = json!("siti@gmail.com");
    let r = srv.post("/api/v1/owners", None, bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = r.json();
    assert_eq!(v["kind"], "invalid_profile");
    assert_eq!(v["details"].as_array().unwrap().len(), 2, "{v}");
    assert!(v["message"]["id"].as_str().unwrap().contains("profil"));
    // NIK of someone else (birth date differs from the NIP's).
    let mut other = fixtures::owner_form(0);
    other["nik"] = fixtures::owner_form(1)["nik"].clone();
    let r = srv.post("/api/v1/owners", None, other).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Short password.
    let mut short = fixtures::owner_form(0);
    short["password"] = json!("pendek");
    assert_eq!(
        srv.post("/api/v1/owners", None, short).await.status,
        StatusCode::BAD_REQUEST
    );
    // Duplicates.
    fixtures::owner(&srv, 0).await;
    let r = srv
        .post("/api/v1/owners", None, fixtures::owner_form(0))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let mut same_nip = fixtures::owner_form(0);
    same_nip["email"] = json!("lain@muaraenimkab.go.id");
    let r = srv.post("/api/v1/owners", None, same_nip).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.json()["message"]["en"].as_str().unwrap().contains("NIP"));
}
on_every_backend!(
    registration_checks_profile_and_duplicates,
    registration_rules
);

async fn configurable_domain(srv: common::TestServer) {
    // The domain is configuration: a server for another domain refuses the default one.
    let mut config = srv.config.clone();
    config.regency.email_domain = "contoh.go.id".into();
    config.data_dir = srv.dir.path().join("other");
    config.database_url = None;
    let state = sertel_server::AppState::open(config).await.unwrap();
    let other = common::TestServer {
        router: sertel_server::app(state.clone()),
        state,
        dir: tempfile::tempdir().unwrap(),
        config: srv.config.clone(),
    };
    let r = other
        .post("/api/v1/owners", None, fixtures::owner_form(0))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut f = fixtures::owner_form(0);
    f["email"] = json!("siti@contoh.go.id");
    assert_eq!(
        other.post("/api/v1/owners", None, f).await.status,
        StatusCode::CREATED
    );
}
on_every_backend!(email_domain_is_configurable, configurable_domain);

async fn wrong_password_and_rate_limit(srv: common::TestServer) {
    let me = fixtures::owner(&srv, 0).await;
    let wrong = json!({"email": me.email, "password": "salah-salah-salah"});
    let r = srv.post("/api/v1/sessions", None, wrong.clone()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.kind(), "invalid_credentials");
    // Unknown account: the same answer.
    let r = srv
        .post(
            "/api/v1/sessions",
            None,
            json!({"email": "tidak.ada@muaraenimkab.go.id", "password": "x"}),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.kind(), "invalid_credentials");
    for _ in 1..MAX_FAILURES {
        srv.post("/api/v1/sessions", None, wrong.clone()).await;
    }
    // Locked out now, even with the right password.
    let right = json!({"email": me.email, "password": PASSWORD});
    let r = srv.post("/api/v1/sessions", None, right).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers.get("retry-after").is_some());
    // Another account from the same address is not affected.
    let other = fixtures::owner(&srv, 1).await;
    assert!(!other.token.is_empty());
}
on_every_backend!(
    login_is_rate_limited_per_account,
    wrong_password_and_rate_limit
);

async fn staff_accounts(srv: common::TestServer) {
    let admin = fixtures::staff(&srv, Role::Admin, "admin").await;
    let owner = fixtures::owner(&srv, 0).await;
    let form = json!({
        "role": "verifier_badan",
        "email": "verifikator@muaraenimkab.go.id",
        "full_name": "Verifikator BKPSDM",
        "unit": "BKPSDM",
        "password": PASSWORD,
    });
    let r = srv
        .post("/api/v1/users", Some(&owner.token), form.clone())
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = srv.post("/api/v1/users", None, form.clone()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = srv.post("/api/v1/users", Some(&admin.token), form).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert_eq!(r.json()["role"], "verifier_badan");
    let v = fixtures::login(&srv, "verifikator@muaraenimkab.go.id").await;
    assert!(!v.token.is_empty());
    let owner_role = json!({"role": "owner", "email": "x@muaraenimkab.go.id", "full_name": "X", "password": PASSWORD});
    assert_eq!(
        srv.post("/api/v1/users", Some(&admin.token), owner_role)
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}
on_every_backend!(admin_creates_verifiers, staff_accounts);
