//! Test support: a fresh server per test on SQLite, and on PostgreSQL too when
//! `SERTEL_TEST_POSTGRES_URL` is set (then a PostgreSQL failure fails the test: never skipped).

#![allow(dead_code, clippy::unwrap_used, missing_docs)]

pub mod binary;
pub mod fixtures;
pub mod http;
pub mod multipart;
pub mod routes;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use sertel_server::{app, AppState, Config};
use tower::ServiceExt;

/// Which database a test runs on.
#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite,
    /// A server URL; each test creates its own database on it.
    Postgres(String),
}

/// SQLite always; PostgreSQL as well when `SERTEL_TEST_POSTGRES_URL` is set.
pub fn backends() -> Vec<Backend> {
    let mut v = vec![Backend::Sqlite];
    if let Ok(url) = std::env::var("SERTEL_TEST_POSTGRES_URL") {
        if !url.is_empty() {
            v.push(Backend::Postgres(url));
        }
    }
    v
}

/// Runs `$body(server)` once per backend, each on a fresh database.
#[macro_export]
macro_rules! on_every_backend {
    ($name:ident, $body:path) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            for backend in common::backends() {
                let srv = common::TestServer::start(backend.clone()).await;
                eprintln!("{} on {:?}", stringify!($name), srv.backend_name());
                $body(srv).await;
            }
        }
    };
}

/// A fresh database named for this test on the PostgreSQL server of `url`.
pub async fn fresh_postgres_database(url: &str) -> String {
    use sqlx::Connection;
    let name = format!("sertel_test_{}", sertel_server::ids::new_id());
    let mut conn = sqlx::PgConnection::connect(url)
        .await
        .expect("SERTEL_TEST_POSTGRES_URL is set but PostgreSQL cannot be reached");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let base = base.rsplit_once('/').map_or(base, |(b, _)| b);
    format!("{base}/{name}{query}")
}

pub struct TestServer {
    pub state: AppState,
    pub router: Router,
    pub dir: tempfile::TempDir,
    pub config: Config,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}), status {}: {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub fn kind(&self) -> String {
        self.json()["kind"].as_str().unwrap_or_default().to_owned()
    }
}

impl TestServer {
    pub async fn start(backend: Backend) -> TestServer {
        TestServer::start_with(backend, |_| {}).await
    }

    /// A fresh server whose configuration `adjust` changed first.
    pub async fn start_with(backend: Backend, adjust: impl FnOnce(&mut Config)) -> TestServer {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::with_data_dir(dir.path().join("data"));
        adjust(&mut config);
        if let Backend::Postgres(url) = &backend {
            config.database_url = Some(fresh_postgres_database(url).await);
        }
        let state = AppState::open(config.clone()).await.unwrap();
        TestServer {
            router: app(state.clone()),
            state,
            dir,
            config,
        }
    }

    /// A server on an existing configuration (a restored data directory, say).
    pub async fn on(config: Config) -> TestServer {
        let state = AppState::open(config.clone()).await.unwrap();
        TestServer {
            router: app(state.clone()),
            state,
            dir: tempfile::tempdir().unwrap(),
            config,
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self.config.database_url {
            Some(_) => "postgres",
            None => "sqlite",
        }
    }

    /// Another server process on the same database and data directory (a second instance).
    pub async fn second_instance(&self) -> TestServer {
        TestServer::on(self.config.clone()).await
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let resp = self.router.clone().oneshot(req).await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        json: Option<Value>,
    ) -> Reply {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(t) = token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        let body = match json {
            Some(v) => {
                b = b.header("content-type", "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).unwrap()).await
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.request(Method::GET, path, token, None).await
    }

    pub async fn post(&self, path: &str, token: Option<&str>, json: Value) -> Reply {
        self.request(Method::POST, path, token, Some(json)).await
    }
}
