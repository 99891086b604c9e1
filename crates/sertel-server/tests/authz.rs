//! The authorization matrix: every endpoint × every role × own/other data.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions unwrap too.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::json;
use tower::ServiceExt;

use common::fixtures::{self, review, Login};
use common::routes::{Access, ROUTES};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caller {
    Anonymous,
    Owner,
    OtherOwner,
    Badan,
    Dinas,
    Admin,
}

const CALLERS: [Caller; 6] = [
    Caller::Anonymous,
    Caller::Owner,
    Caller::OtherOwner,
    Caller::Badan,
    Caller::Dinas,
    Caller::Admin,
];

/// What the caller must get: Some(status) for a refusal, None for "let through" (any status
/// but 401, 403 and 404).
fn expected(access: Access, caller: Caller) -> Option<StatusCode> {
    use Caller::*;
    let staff = matches!(caller, Badan | Dinas | Admin);
    match (access, caller) {
        (Access::Public, _) => None,
        (_, Anonymous) => Some(StatusCode::UNAUTHORIZED),
        (Access::SignedIn, _) => None,
        (Access::Admin, Admin) => None,
        (Access::Admin, _) => Some(StatusCode::FORBIDDEN),
        (Access::Verifiers, Badan | Dinas) => None,
        (Access::Verifiers, _) => Some(StatusCode::FORBIDDEN),
        (Access::Owners, Owner | OtherOwner) => None,
        (Access::Owners, _) => Some(StatusCode::FORBIDDEN),
        (Access::OwningOwner, Owner) => None,
        (Access::OwningOwner, OtherOwner) => Some(StatusCode::NOT_FOUND),
        (Access::OwningOwner, _) => Some(StatusCode::FORBIDDEN),
        (Access::OwnerOrStaff, Owner) => None,
        (Access::OwnerOrStaff, _) if staff => None,
        (Access::OwnerOrStaff, _) => Some(StatusCode::NOT_FOUND),
    }
}

fn request(
    method: &str,
    path: &str,
    template: &str,
    token: Option<&str>,
    n: usize,
) -> Request<Body> {
    let mut b = Request::builder()
        .method(method)
        .uri(path)
        .header("idempotency-key", format!("authz-matrix-{n:04}"));
    if let Some(t) = token {
        b = b.header("authorization", format!("Bearer {t}"));
    }
    let body = match template {
        "/api/v1/applications"
        | "/api/v1/applications/{id}/resubmit"
        | "/api/v1/applications/{id}/renew"
        | "/api/v1/applications/{id}/reissue"
        | "/api/v1/applications/{id}/revocation-requests"
            if method == "POST" =>
        {
            let form = common::multipart::body(&[("consent_version", b"x".to_vec())]);
            b = b.header(
                "content-type",
                format!(
                    "multipart/form-data; boundary={}",
                    common::multipart::BOUNDARY
                ),
            );
            Body::from(form)
        }
        _ if method == "POST" => {
            b = b.header("content-type", "application/json");
            let v = match template {
                "/api/v1/applications/{id}/review" => json!({"decision": "approve"}),
                "/api/v1/revocation-requests/{id}/review" => {
                    json!({"decision": "reject", "reason": "Surat belum lengkap."})
                }
                "/api/v1/applications/{id}/revoke" => {
                    json!({"reason": "unspecified", "comment": "Evaluasi."})
                }
                "/api/v1/users" => json!({
                    "role": "verifier_badan",
                    "email": format!("staf{n}@muaraenimkab.go.id"),
                    "full_name": "Staf", "password": fixtures::PASSWORD,
                }),
                "/api/v1/sessions" => json!({
                    "email": fixtures::owner_form(0)["email"], "password": fixtures::PASSWORD,
                }),
                _ => json!({}),
            };
            Body::from(v.to_string())
        }
        _ => Body::empty(),
    };
    b.body(body).unwrap()
}

async fn matrix(srv: common::TestServer) {
    let p = fixtures::people(&srv).await;
    let id = fixtures::submitted(&srv, &p.owner, 0).await;
    review(&srv, &p.badan, &id, "approve", "").await;
    assert_eq!(
        review(&srv, &p.dinas, &id, "approve", "").await.json()["state"],
        "issued"
    );
    let r = fixtures::request_revocation(&srv, &p.owner, &id, "unspecified").await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let request_id = r.json()["id"].as_str().unwrap().to_owned();
    let token = |c: Caller| -> Option<&Login> {
        match c {
            Caller::Anonymous => None,
            Caller::Owner => Some(&p.owner),
            Caller::OtherOwner => Some(&p.other_owner),
            Caller::Badan => Some(&p.badan),
            Caller::Dinas => Some(&p.dinas),
            Caller::Admin => Some(&p.admin),
        }
    };
    let mut n = 0;
    let mut failures = Vec::new();
    for (method, template, access) in ROUTES {
        let subject = if template.starts_with("/api/v1/revocation-requests/") {
            &request_id
        } else {
            &id
        };
        let path = template.replace("{id}", subject).replace("{kind}", "photo");
        for caller in CALLERS {
            n += 1;
            let req = request(
                method,
                &path,
                template,
                token(caller).map(|l| l.token.as_str()),
                n,
            );
            // Status only: the event stream's body never ends.
            let status = srv.router.clone().oneshot(req).await.unwrap().status();
            let ok = match expected(*access, caller) {
                Some(want) => status == want,
                None => {
                    !matches!(
                        status,
                        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN | StatusCode::NOT_FOUND
                    ) && !status.is_server_error()
                }
            };
            if !ok {
                failures.push(format!(
                    "{method} {template} as {caller:?}: got {status}, want {:?}",
                    expected(*access, caller)
                ));
            }
        }
    }
    assert_eq!(n, ROUTES.len() * CALLERS.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
on_every_backend!(every_endpoint_checks_role_and_ownership, matrix);
