//! The public verification page (Pasal 14c): registering a signed letter, `GET /v/{id}` for a
//! registered and an unknown id, checking uploads (`POST /v/{id}`, `POST /v`) of the genuine
//! letter, an altered copy and an unsigned PDF, the certificate's status after a revocation,
//! the security headers, the rate limit, and that an upload leaves nothing in the data
//! directory or the database. One test renders the pages in headless Chromium.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Test helpers unwrap.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::http::StatusCode;
use serde_json::json;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::pades::text::display_date;
use sertel_core::pades::{sign_file, Appearance, Placement, SignOptions, Specimen};
use sqlx::Row;
use test_support::letters::{sample_letter, LetterSpec, PageSize};

use common::fixtures::{self, People};
use common::{multipart, Reply, TestServer};

/// A letter the owner signed with the certificate the server issued.
struct Signed {
    bytes: Vec<u8>,
    document_id: String,
    serial: String,
    application: String,
    sha256: String,
    /// The signing time written to `/M`, Unix seconds (whole minutes).
    signed_at: i64,
}

/// Owner 0 applies with a key of its own, both verifiers approve, and the owner signs a sample
/// letter with a specimen (B-B) carrying a document id.
async fn signed_letter(srv: &TestServer, p: &People, work: &Path, title: &str) -> Signed {
    let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).unwrap();
    let csr = fixtures::csr_for_profile(&fixtures::owner_profile(0), &key);
    let r = fixtures::submit(
        srv,
        &p.owner,
        "verify-key-1",
        &fixtures::full_form_with(csr),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    let application = r.json()["id"].as_str().unwrap().to_owned();
    let r = fixtures::approve_both(srv, p, &application).await;
    assert_eq!(r.json()["state"], "issued", "{:?}", r.json());
    let row = sqlx::query("SELECT der, serial FROM certificates WHERE application_id = $1")
        .bind(&application)
        .fetch_one(srv.state.db().pool())
        .await
        .unwrap();
    let der: Vec<u8> = row.try_get(0).unwrap();
    let serial: String = row.try_get(1).unwrap();
    let certificate = <x509_cert::Certificate as der::Decode>::from_der(&der).unwrap();
    let chain = vec![srv.state.ca().certificate().clone()];
    let input = work.join("surat.pdf");
    let output = work.join("surat-ttd.pdf");
    std::fs::write(
        &input,
        sample_letter(&LetterSpec {
            title: title.into(),
            signer_position: "$ttd$".into(),
            signer_name: String::new(),
            signer_rank: String::new(),
            signer_nip: String::new(),
            ..LetterSpec::new(1, PageSize::A4Portrait)
        }),
    )
    .unwrap();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let signed_at = now - now % 60;
    let opts = SignOptions {
        appearance: Appearance::Specimen(Box::new(Specimen {
            placement: Placement::Marker {
                text: "$ttd$".into(),
                first: true,
                size: None,
            },
            jabatan: Some("Kepala Dinas Komunikasi dan Informatika".into()),
            name_with_titles: Some("Siti Rahmawati, S.Kom.".into()),
            pangkat: Some("Pembina (IV/a)".into()),
            nip: Some("198001012005012001".into()),
            logo: None,
            verify_url: "http://127.0.0.1:8080/v/{id}".into(),
            issuer_footers: Vec::new(),
            default_footer: None,
        })),
        reason: Some("Persetujuan naskah dinas".into()),
        signing_time: Some(signed_at),
        overwrite: true,
        ..SignOptions::default()
    };
    let signed = sign_file(&input, &output, &key, &certificate, &chain, &opts).unwrap();
    let bytes = std::fs::read(&output).unwrap();
    Signed {
        sha256: sha256_hex(&bytes),
        bytes,
        document_id: signed
            .document_id
            .expect("a specimen carries a document id"),
        serial,
        application,
        signed_at,
    }
}

async fn register(srv: &TestServer, token: Option<&str>, s: &Signed, sha256: &str) -> Reply {
    srv.post(
        "/api/v1/documents",
        token,
        json!({
            "id": s.document_id,
            "sha256": sha256,
            "signed_at": rfc3339_wib(s.signed_at),
            "certificate_serial": s.serial,
        }),
    )
    .await
}

/// The time as RFC 3339 in WIB (+07:00), as a client in Muara Enim would send it.
fn rfc3339_wib(unix: i64) -> String {
    let wib = time::UtcOffset::from_hms(7, 0, 0).unwrap();
    time::OffsetDateTime::from_unix_timestamp(unix)
        .unwrap()
        .to_offset(wib)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap()
}

fn text(r: &Reply) -> String {
    String::from_utf8(r.body.to_vec()).unwrap()
}

/// The body of a page, with its security headers checked.
fn html(r: &Reply) -> String {
    assert_eq!(r.headers["content-type"], "text/html; charset=utf-8");
    let csp = r.headers["content-security-policy"].to_str().unwrap();
    assert!(
        csp.starts_with("default-src 'none'; style-src 'nonce-"),
        "{csp}"
    );
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap();
    let body = text(r);
    assert!(
        body.contains(&format!("<style nonce=\"{nonce}\">")),
        "style nonce"
    );
    assert!(!body.contains("<script"), "no script");
    assert_eq!(r.headers["referrer-policy"], "no-referrer");
    assert_eq!(r.headers["x-content-type-options"], "nosniff");
    body
}

async fn upload(srv: &TestServer, path: &str, pdf: &[u8]) -> Reply {
    srv.send(multipart::request(
        path,
        None,
        None,
        &[("berkas", pdf.to_vec())],
    ))
    .await
}

/// Rows per table, and every row as text, of the whole database.
async fn database_contents(srv: &TestServer) -> (Vec<(String, i64)>, String) {
    let tables_query = match srv.backend_name() {
        "sqlite" => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
        _ => "SELECT CAST(tablename AS TEXT) FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    };
    let pool = srv.state.db().pool();
    let tables: Vec<String> = sqlx::query_scalar(tables_query)
        .fetch_all(pool)
        .await
        .unwrap();
    let mut counts = Vec::new();
    let mut all = String::new();
    for t in tables {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {t}"))
            .fetch_one(pool)
            .await
            .unwrap();
        counts.push((t.clone(), n));
        if t == "audit" || t == "signed_documents" || t == "events" {
            let rows = sqlx::query(&format!("SELECT * FROM {t}"))
                .fetch_all(pool)
                .await
                .unwrap();
            for row in rows {
                for i in 0..row.len() {
                    if let Ok(Some(s)) = row.try_get::<Option<String>, _>(i) {
                        all.push_str(&s);
                        all.push('\n');
                    }
                }
            }
        }
    }
    (counts, all)
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_under(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

async fn registration_and_pages(srv: TestServer) {
    let p = fixtures::people(&srv).await;
    let work = tempfile::tempdir().unwrap();
    let s = signed_letter(&srv, &p, work.path(), "Undangan Rapat Koordinasi").await;
    let page_path = format!("/v/{}", s.document_id);

    // Before registration: a clear page, not an error.
    let r = srv.get(&page_path, None).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = html(&r);
    assert!(body.contains("Dokumen tidak terdaftar"), "{body}");
    assert!(
        body.contains("<form method=\"post\" action=\"/v\""),
        "{body}"
    );

    // Registration: owners only, own certificate only, idempotent on the id.
    let owner = Some(p.owner.token.as_str());
    assert_eq!(
        register(&srv, None, &s, &s.sha256).await.status,
        StatusCode::UNAUTHORIZED
    );
    let badan = Some(p.badan.token.as_str());
    assert_eq!(
        register(&srv, badan, &s, &s.sha256).await.status,
        StatusCode::FORBIDDEN
    );
    let other = register(&srv, Some(&p.other_owner.token), &s, &s.sha256).await;
    assert_eq!(other.status, StatusCode::BAD_REQUEST, "{:?}", other.json());
    assert_eq!(other.kind(), "invalid_field");
    let audit_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit")
        .fetch_one(srv.state.db().pool())
        .await
        .unwrap();
    let r = register(&srv, owner, &s, &s.sha256.to_uppercase()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json());
    assert_eq!(r.json()["sha256"], s.sha256);
    let utc = time::OffsetDateTime::from_unix_timestamp(s.signed_at).unwrap();
    assert_eq!(
        r.json()["signed_at"],
        utc.format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    );
    assert_eq!(r.json()["verify_path"], page_path);
    let again = register(&srv, owner, &s, &s.sha256).await;
    assert_eq!(again.status, StatusCode::OK, "{:?}", again.json());
    assert_eq!(again.json(), r.json());
    let taken = register(&srv, owner, &s, &"0".repeat(64)).await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert_eq!(taken.kind(), "document_id_taken");
    let audit = sqlx::query("SELECT action, subject FROM audit WHERE seq > $1")
        .bind(audit_before)
        .fetch_all(srv.state.db().pool())
        .await
        .unwrap();
    assert_eq!(audit.len(), 1, "one entry for one registration");
    assert_eq!(
        audit[0].try_get::<String, _>(0).unwrap(),
        "document.register"
    );
    assert_eq!(audit[0].try_get::<String, _>(1).unwrap(), s.document_id);

    // The page of a registered document.
    let r = srv
        .get(&page_path.to_uppercase().replace("/V/", "/v/"), None)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let body = html(&r);
    for want in [
        "Dokumen terdaftar",
        "Siti Rahmawati, S.Kom.",
        display_date(s.signed_at).as_str(),
        "BERLAKU",
        s.sha256.as_str(),
        s.serial.as_str(),
    ] {
        assert!(body.contains(want), "missing {want}: {body}");
    }
    assert!(body.contains(&format!("action=\"{page_path}\"")), "{body}");

    // The genuine file.
    let (tables_before, rows_before) = database_contents(&srv).await;
    let r = upload(&srv, &page_path, &s.bytes).await;
    assert_eq!(r.status, StatusCode::OK, "{}", text(&r));
    let body = html(&r);
    for want in [
        "Hasil pemeriksaan",
        "<span class=\"badge ok\">SAH</span>",
        "Semua tanda tangan sah dan dokumen tidak diubah sejak ditandatangani.",
        "YA — berkas ini sama persis dengan yang didaftarkan penanda tangan",
        "Memuat nomor dokumen ini</dt><dd><span class=\"ok\">YA</span>",
        "Keutuhan</td><td><span class=\"ok\">lulus</span>",
        "Status pencabutan</td><td><span class=\"ok\">lulus</span>",
        "Siti Rahmawati",
    ] {
        assert!(body.contains(want), "missing {want}: {body}");
    }
    assert!(!body.contains("TIDAK SAH"), "{body}");

    // An altered copy: a byte of the signed content changed.
    let mut altered = s.bytes.clone();
    let at = contains_at(&altered, b"Undangan Rapat").expect("the title is in the file");
    altered[at] = b'P';
    let r = upload(&srv, &page_path, &altered).await;
    let body = html(&r);
    for want in [
        "Ada tanda tangan yang TIDAK SAH: jangan mengandalkan isi berkas ini.",
        "TIDAK — berkas ini berbeda dengan yang didaftarkan penanda tangan",
        "Keutuhan</td><td><span class=\"bad\">GAGAL</span>",
    ] {
        assert!(body.contains(want), "missing {want}: {body}");
    }

    // Without an id, an unsigned PDF, and the genuine file against another id.
    let unsigned = sample_letter(&LetterSpec {
        title: "Surat Tanpa Tanda Tangan 7f3c".into(),
        ..LetterSpec::new(1, PageSize::A4Portrait)
    });
    assert!(contains(&unsigned, b"Surat Tanpa Tanda Tangan 7f3c"));
    let r = upload(&srv, "/v", &unsigned).await;
    let body = html(&r);
    assert!(
        body.contains("tidak memuat tanda tangan elektronik"),
        "{body}"
    );
    let r = upload(&srv, "/v", &fixtures::pdf("tanpa xref")).await;
    let body = html(&r);
    assert!(body.contains("bukan PDF yang dapat dibaca"), "{body}");
    let other_id = "0123456789abcdef0123456789abcdef";
    let r = upload(&srv, &format!("/v/{other_id}"), &s.bytes).await;
    let body = html(&r);
    assert!(body.contains("tidak terdaftar di server ini"), "{body}");
    assert!(
        body.contains("Memuat nomor dokumen ini</dt><dd><span class=\"bad\">TIDAK"),
        "{body}"
    );

    // Nothing of the uploads stays: same rows in every table, no trace in the rows, no file
    // holding their bytes in the data directory.
    let (tables_after, rows_after) = database_contents(&srv).await;
    assert_eq!(tables_before, tables_after);
    assert_eq!(rows_before, rows_after);
    let unsigned_sha = sha256_hex(&unsigned);
    let altered_sha = sha256_hex(&altered);
    assert!(!rows_after.contains(&unsigned_sha) && !rows_after.contains(&altered_sha));
    for f in files_under(&srv.config.data_dir) {
        let bytes = std::fs::read(&f).unwrap();
        for needle in [
            b"Surat Tanpa Tanda Tangan 7f3c".as_slice(),
            unsigned_sha.as_bytes(),
            altered_sha.as_bytes(),
            &s.bytes[s.bytes.len() - 200..],
        ] {
            assert!(!contains(&bytes, needle), "{} holds an upload", f.display());
        }
    }

    // An expired certificate (its end moved into the past) shows as such.
    let not_after: String =
        sqlx::query_scalar("SELECT not_after FROM certificates WHERE serial = $1")
            .bind(&s.serial)
            .fetch_one(srv.state.db().pool())
            .await
            .unwrap();
    sqlx::query("UPDATE certificates SET not_after = $1 WHERE serial = $2")
        .bind("2026-01-02T03:04:05Z")
        .bind(&s.serial)
        .execute(srv.state.db().pool())
        .await
        .unwrap();
    let body = html(&srv.get(&page_path, None).await);
    assert!(
        body.contains("KEDALUWARSA</span> sejak 02-01-2026 10:04 WIB"),
        "{body}"
    );
    sqlx::query("UPDATE certificates SET not_after = $1 WHERE serial = $2")
        .bind(&not_after)
        .bind(&s.serial)
        .execute(srv.state.db().pool())
        .await
        .unwrap();

    // After a revocation the page says so, with date and reason, and the check fails.
    let r = fixtures::revoke(&srv, &p.badan, &s.application, "key_compromise").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
    let body = html(&srv.get(&page_path, None).await);
    assert!(body.contains("DICABUT"), "{body}");
    assert!(
        body.contains("kunci privat hilang atau diketahui pihak lain"),
        "{body}"
    );
    let body = html(&upload(&srv, &page_path, &s.bytes).await);
    // No timestamp proves the signature came before the revocation: not valid (ETSI
    // INDETERMINATE REVOKED_NO_POE), with the revocation named.
    assert!(
        !body.contains("<span class=\"badge ok\">SAH</span>"),
        "{body}"
    );
    assert!(body.contains("TIDAK DAPAT DIPASTIKAN"), "{body}");
    assert!(body.contains("telah dicabut pada"), "{body}");
    assert!(
        body.contains("Status pencabutan</td><td><span class=\"bad\">GAGAL"),
        "{body}"
    );
}
on_every_backend!(
    registered_letters_are_shown_and_checked,
    registration_and_pages
);

fn contains_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

async fn upload_errors(srv: TestServer) {
    let too_big = {
        let mut v = b"%PDF-1.7\n".to_vec();
        v.resize(sertel_server::verification::page::MAX_PDF + 1, b' ');
        v
    };
    let cases: Vec<(&str, axum::http::Request<axum::body::Body>, StatusCode)> = vec![
        (
            "not a PDF",
            multipart::request("/v", None, None, &[("berkas", fixtures::png())]),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "no file",
            multipart::request("/v", None, None, &[]),
            StatusCode::BAD_REQUEST,
        ),
        (
            "another field",
            multipart::request("/v", None, None, &[("file", fixtures::pdf("x"))]),
            StatusCode::BAD_REQUEST,
        ),
        (
            "too large",
            multipart::request("/v", None, None, &[("berkas", too_big)]),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            "not multipart",
            axum::http::Request::builder()
                .method("POST")
                .uri("/v/0123456789abcdef0123456789abcdef")
                .header("content-type", "application/pdf")
                .body(axum::body::Body::from(fixtures::pdf("x")))
                .unwrap(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
    ];
    for (what, req, want) in cases {
        let r = srv.send(req).await;
        assert_eq!(r.status, want, "{what}: {}", text(&r));
        let body = html(&r);
        assert!(body.contains("Tidak dapat diperiksa"), "{what}: {body}");
    }
    // A malformed id is simply not registered.
    let r = srv.get("/v/bukan-nomor-%3Cb%3E", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let body = html(&r);
    assert!(body.contains("Dokumen tidak terdaftar") && body.contains("bukan-nomor-&lt;b&gt;"));
}
on_every_backend!(bad_uploads_get_an_indonesian_page, upload_errors);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn uploads_are_rate_limited_per_address() {
    let srv = TestServer::start_with(common::Backend::Sqlite, |c| {
        c.verify_rate = sertel_server::api::RateLimit {
            per_minute: 1,
            burst: 2,
        };
    })
    .await;
    let pdf = fixtures::pdf("batas");
    for _ in 0..2 {
        assert_eq!(upload(&srv, "/v", &pdf).await.status, StatusCode::OK);
    }
    let r = upload(&srv, "/v", &pdf).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert!(html(&r).contains("Tidak dapat diperiksa"));
    // Pages are not limited.
    let r = srv.get("/v/0123456789abcdef0123456789abcdef", None).await;
    assert_eq!(r.status, StatusCode::OK);
}

/// Runs `chromium` with `args`, within a deadline; its standard output.
fn chromium(args: &[&str]) -> Vec<u8> {
    let child = std::process::Command::new("chromium")
        .args([
            "--headless=new",
            "--disable-gpu",
            "--no-sandbox",
            "--hide-scrollbars",
        ])
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium is installed (scripts/setup.sh)");
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(Duration::from_secs(90)) {
        Ok(out) => {
            let out = out.unwrap();
            assert!(out.status.success(), "chromium {args:?}: {:?}", out.status);
            out.stdout
        }
        Err(_) => {
            let _ = std::process::Command::new("kill")
                .args(["-9", &pid.to_string()])
                .status();
            panic!("chromium {args:?} did not finish within 90 s");
        }
    }
}

/// A screenshot of `url`: a PNG of the window's size with more than a blank page in it.
fn screenshot(url: &str, png: &Path) {
    let shot = format!("--screenshot={}", png.display());
    chromium(&[&shot, "--window-size=1000,1400", url]);
    let bytes = std::fs::read(png).expect("chromium wrote the screenshot");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    assert_eq!((width, height), (1000, 1400));
    assert!(bytes.len() > 20_000, "{} bytes: nearly blank", bytes.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_in_chromium() {
    let srv = TestServer::start(common::Backend::Sqlite).await;
    let p = fixtures::people(&srv).await;
    let work = tempfile::tempdir().unwrap();
    let s = signed_letter(&srv, &p, work.path(), "Undangan Rapat Koordinasi").await;
    let r = register(&srv, Some(&p.owner.token), &s, &s.sha256).await;
    assert_eq!(r.status, StatusCode::CREATED);
    let verdict = upload(&srv, &format!("/v/{}", s.document_id), &s.bytes).await;
    let verdict_file = work.path().join("hasil.html");
    std::fs::write(&verdict_file, html(&verdict)).unwrap();
    let mut altered = s.bytes.clone();
    let at = contains_at(&altered, b"Undangan Rapat").unwrap();
    altered[at] = b'P';
    let altered_verdict = upload(&srv, &format!("/v/{}", s.document_id), &altered).await;
    let altered_file = work.path().join("hasil-diubah.html");
    std::fs::write(&altered_file, html(&altered_verdict)).unwrap();

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = srv.router.clone();
    let server = tokio::spawn(async move { axum::serve(listener, router).await });
    let page_url = format!("http://{addr}/v/{}", s.document_id);
    let verdict_url = format!("file://{}", verdict_file.display());
    let altered_url = format!("file://{}", altered_file.display());
    let unknown_url = format!("http://{addr}/v/0123456789abcdef0123456789abcdef");
    let shots = std::env::var_os("SERTEL_SCREENSHOT_DIR").map(PathBuf::from);
    let dir = work.path().to_path_buf();
    tokio::task::spawn_blocking(move || {
        let dom = String::from_utf8(chromium(&["--dump-dom", &page_url])).unwrap();
        for want in [
            "Dokumen terdaftar",
            "Siti Rahmawati, S.Kom.",
            "BERLAKU",
            "Periksa",
        ] {
            assert!(dom.contains(want), "page DOM lacks {want}: {dom}");
        }
        let dom = String::from_utf8(chromium(&["--dump-dom", &verdict_url])).unwrap();
        for want in ["Hasil pemeriksaan", "SAH", "sama persis", "Keutuhan"] {
            assert!(dom.contains(want), "verdict DOM lacks {want}: {dom}");
        }
        let dom = String::from_utf8(chromium(&["--dump-dom", &unknown_url])).unwrap();
        assert!(
            dom.contains("Dokumen tidak terdaftar"),
            "unknown-id DOM: {dom}"
        );
        for (name, url) in [
            ("verification-page.png", &page_url),
            ("verification-page-verdict.png", &verdict_url),
            ("verification-page-altered.png", &altered_url),
            ("verification-page-unknown.png", &unknown_url),
        ] {
            let png = dir.join(name);
            screenshot(url, &png);
            if let Some(shots) = &shots {
                std::fs::create_dir_all(shots).unwrap();
                std::fs::copy(&png, shots.join(name)).unwrap();
            }
        }
    })
    .await
    .unwrap();
    server.abort();
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}
