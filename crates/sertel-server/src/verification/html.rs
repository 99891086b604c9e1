//! The HTML of the public verification pages: small, server-rendered, Indonesian, no external
//! assets and no JavaScript. Every response carries a Content-Security-Policy that allows
//! nothing but the one inline style block (by a nonce fresh for each response) and form
//! submission to this server, and no referrer.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// The page's only style.
const STYLE: &str = "body{font-family:system-ui,'DejaVu Sans',sans-serif;margin:0;\
background:#f3f5f4;color:#1b1f1d;line-height:1.45}\
main{max-width:760px;margin:0 auto;padding:24px}\
header{background:#0d7338;color:#fff;padding:16px 24px}\
header h1{margin:0;font-size:1.3em}header p{margin:4px 0 0;font-size:.9em}\
section{background:#fff;border:1px solid #d5dbd8;border-radius:6px;padding:16px 20px;margin:16px 0}\
h2{font-size:1.1em;margin:0 0 12px}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;margin:0}\
dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}\
code{font-family:'DejaVu Sans Mono',monospace;font-size:.85em;overflow-wrap:anywhere}\
.ok{color:#0b6b2f;font-weight:700}.bad{color:#b3261e;font-weight:700}\
.warn{color:#8a5a00;font-weight:700}\
.badge{display:inline-block;padding:2px 10px;border-radius:12px;font-weight:700}\
.badge.ok{background:#dff3e5}.badge.bad{background:#fbe3e1}.badge.warn{background:#fff1cc}\
table{border-collapse:collapse;width:100%;margin-top:10px}\
td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #e4e8e6;vertical-align:top}\
ul{margin:6px 0;padding-left:20px}\
form{display:flex;flex-wrap:wrap;gap:10px;align-items:center}\
button{background:#0d7338;color:#fff;border:0;border-radius:4px;padding:8px 16px;font-size:1em}\
footer{color:#5b6461;font-size:.8em;padding:0 24px 24px;max-width:760px;margin:0 auto}";

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page with `title` and the `body` HTML (already escaped), with the security headers.
pub fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let nonce = crate::ids::new_id();
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<title>{title} — Verifikasi Dokumen Elektronik</title>\
<style nonce=\"{nonce}\">{STYLE}</style></head><body>\
<header><h1>Verifikasi Dokumen Elektronik</h1>\
<p>Pemerintah Kabupaten Muara Enim — tanda tangan elektronik (Perbup Muara Enim 2/2025, Pasal 14 huruf c)</p></header>\
<main>{body}</main>\
<footer>Berkas yang diunggah hanya diperiksa dan tidak disimpan.</footer>\
</body></html>\n",
        title = esc(title),
    );
    let csp = format!(
        "default-src 'none'; style-src 'nonce-{nonce}'; form-action 'self'; \
         base-uri 'none'; frame-ancestors 'none'"
    );
    let mut response = (status, html).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<a href="x" title='y'>S&T</a>"#),
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;S&amp;T&lt;/a&gt;"
        );
        assert_eq!(esc("Ňoman Sëtiawan"), "Ňoman Sëtiawan");
    }

    #[test]
    fn every_page_has_a_fresh_style_nonce_in_its_policy() {
        let nonce = |r: &Response| {
            let csp = r.headers()[header::CONTENT_SECURITY_POLICY]
                .to_str()
                .unwrap_or_default()
                .to_owned();
            assert!(
                csp.starts_with("default-src 'none'; style-src 'nonce-"),
                "{csp}"
            );
            csp
        };
        let (a, b) = (
            page(StatusCode::OK, "a", "<p>a</p>"),
            page(StatusCode::OK, "b", "<p>b</p>"),
        );
        assert_ne!(nonce(&a), nonce(&b));
        assert_eq!(a.headers()[header::REFERRER_POLICY], "no-referrer");
    }
}
