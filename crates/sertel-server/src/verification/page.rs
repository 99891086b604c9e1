//! `GET /v/{id}`, `POST /v/{id}` and `POST /v`: the public verification pages (Pasal 14c).
//!
//! The QR code of a signed letter's specimen opens `GET /v/{id}`. A registered id shows the
//! signer, the signing time, the certificate's status now (from this server's database), the
//! registered SHA-256 and a form to upload the PDF; an unknown id shows that the document is
//! not registered here (still 200: it is an answer, not a failure). The upload (`multipart`,
//! field `berkas`, at most [`MAX_PDF`] bytes) is verified in memory ([`super::check`]) and never
//! stored or logged; uploads are rate-limited per client address. Failures answer an HTML page
//! with the API's Indonesian message and the API's status.

use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use sertel_core::i18n::{Lang, Localized};
use sertel_core::pades::text::display_date;
use sertel_core::verify::{Check, Indication, SignatureReport};
use sqlx::Row;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::check::{check, CheckError, Checked};
use super::html::{esc, page};
use super::register::normalized_hex;
use crate::api::ClientIp;
use crate::revocation::Reason;
use crate::{ApiError, AppState};

/// Largest PDF accepted for checking.
pub const MAX_PDF: usize = 20 * 1024 * 1024;
/// Largest request body of an upload (the PDF and the form's framing).
pub const MAX_BODY: usize = MAX_PDF + 64 * 1024;
/// The form field of the upload.
pub const FIELD: &str = "berkas";

/// A registered document with its certificate's status now.
#[derive(Debug)]
pub struct Registered {
    /// The document id.
    pub id: String,
    /// SHA-256 of the signed file.
    pub sha256: String,
    /// When it was signed.
    pub signed_at: OffsetDateTime,
    /// The signer's name, or the agency's for an electronic seal.
    pub signer: String,
    /// The certificate is an agency's electronic seal.
    pub seal: bool,
    /// The certificate's serial (hex).
    pub serial: String,
    /// The certificate's status now.
    pub status: Status,
}

/// A certificate's status now.
#[derive(Debug, PartialEq, Eq)]
pub enum Status {
    /// Valid until the date.
    Valid(OffsetDateTime),
    /// Revoked at the time, for the reason.
    Revoked(OffsetDateTime, Reason),
    /// Expired at the date.
    Expired(OffsetDateTime),
}

fn parse_time(s: &str) -> Result<OffsetDateTime, ApiError> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(ApiError::internal)
}

/// The registered document `id`, if any.
pub async fn registered(state: &AppState, id: &str) -> Result<Option<Registered>, ApiError> {
    let row = sqlx::query(
        "SELECT d.sha256, d.signed_at, u.full_name, c.serial, c.not_after, r.revoked_at, r.reason, \
         a.seal_agency FROM signed_documents d JOIN certificates c ON c.serial = d.serial \
         JOIN applications a ON a.id = c.application_id JOIN users u ON u.id = d.owner_id \
         LEFT JOIN revocations r ON r.serial = c.serial WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(state.db().pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let not_after = parse_time(&row.try_get::<String, _>(4)?)?;
    let revoked: Option<String> = row.try_get(5)?;
    let status = match revoked {
        Some(at) => Status::Revoked(
            parse_time(&at)?,
            Reason::from_stored(&row.try_get::<String, _>(6)?)?,
        ),
        None if not_after < OffsetDateTime::now_utc() => Status::Expired(not_after),
        None => Status::Valid(not_after),
    };
    let seal_agency: Option<String> = row.try_get(7)?;
    Ok(Some(Registered {
        id: id.to_owned(),
        sha256: row.try_get(0)?,
        signed_at: parse_time(&row.try_get::<String, _>(1)?)?,
        seal: seal_agency.is_some(),
        signer: match seal_agency {
            Some(agency) => agency,
            None => row.try_get(2)?,
        },
        serial: row.try_get(3)?,
        status,
    }))
}

fn when(t: OffsetDateTime) -> String {
    display_date(t.unix_timestamp())
}

/// The reason for people, in Indonesian.
pub fn reason_text(r: Reason) -> &'static str {
    match r {
        Reason::Unspecified => "tidak disebutkan",
        Reason::KeyCompromise => "kunci privat hilang atau diketahui pihak lain",
        Reason::AffiliationChanged => "nama, jabatan atau instansi pemilik berubah",
        Reason::Superseded => "diganti sertifikat baru",
        Reason::CessationOfOperation => "tidak diperlukan lagi",
        Reason::PrivilegeWithdrawn => "hak penggunaan dicabut (sanksi)",
    }
}

fn status_html(s: &Status) -> String {
    match s {
        Status::Valid(until) => format!(
            "<span class=\"badge ok\">BERLAKU</span> sampai {}",
            esc(&when(*until))
        ),
        Status::Revoked(at, reason) => format!(
            "<span class=\"badge bad\">DICABUT</span> pada {}, alasan: {}",
            esc(&when(*at)),
            esc(reason_text(*reason))
        ),
        Status::Expired(at) => format!(
            "<span class=\"badge warn\">KEDALUWARSA</span> sejak {}",
            esc(&when(*at))
        ),
    }
}

fn registered_html(d: &Registered) -> String {
    format!(
        "<section><h2>Dokumen terdaftar</h2><dl>\
<dt>{label}</dt><dd>{signer}</dd>\
<dt>Waktu penandatanganan</dt><dd>{time}</dd>\
<dt>Status sertifikat saat ini</dt><dd>{status}</dd>\
<dt>Nomor seri sertifikat</dt><dd><code>{serial}</code></dd>\
<dt>SHA-256 berkas bertanda tangan</dt><dd><code>{sha}</code></dd>\
<dt>Nomor dokumen</dt><dd><code>{id}</code></dd></dl></section>",
        label = if d.seal {
            "Segel elektronik"
        } else {
            "Penanda tangan"
        },
        signer = esc(&d.signer),
        time = esc(&when(d.signed_at)),
        status = status_html(&d.status),
        serial = esc(&d.serial),
        sha = esc(&d.sha256),
        id = esc(&d.id),
    )
}

fn form_html(action: &str) -> String {
    format!(
        "<section><h2>Periksa berkas PDF</h2>\
<p>Unggah berkas PDF yang Anda terima untuk memeriksa tanda tangannya dan mencocokkannya dengan \
dokumen yang terdaftar. Berkas hanya diperiksa, tidak disimpan (paling besar {mb} MB).</p>\
<form method=\"post\" action=\"{action}\" enctype=\"multipart/form-data\">\
<input type=\"file\" name=\"{FIELD}\" accept=\"application/pdf,.pdf\" required>\
<button type=\"submit\">Periksa</button></form></section>",
        mb = MAX_PDF / (1024 * 1024),
        action = esc(action),
    )
}

fn unknown_html(id: &str) -> String {
    format!(
        "<section><h2>Dokumen tidak terdaftar</h2>\
<p>Nomor dokumen <code>{}</code> tidak terdaftar di server ini. Dokumen ini tidak didaftarkan \
oleh penanda tangannya di Pemerintah Kabupaten Muara Enim, atau alamatnya salah ketik. \
Hal ini saja tidak berarti tanda tangannya palsu: Anda tetap dapat memeriksa berkasnya di bawah \
ini.</p></section>",
        esc(id)
    )
}

/// `GET /v/{id}`.
pub async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let normalized = normalized_hex(&id, 32);
    let found = match &normalized {
        Some(n) => registered(&state, n).await,
        None => Ok(None),
    };
    match found {
        Ok(Some(d)) => page(
            StatusCode::OK,
            "Dokumen terdaftar",
            &format!(
                "{}{}",
                registered_html(&d),
                form_html(&format!("/v/{}", d.id))
            ),
        ),
        Ok(None) => page(
            StatusCode::OK,
            "Dokumen tidak terdaftar",
            &format!("{}{}", unknown_html(&id), form_html("/v")),
        ),
        Err(e) => error_page(&e),
    }
}

/// An HTML page for a failure, with the API's status and Indonesian message.
pub fn error_page(e: &ApiError) -> Response {
    if let ApiError::Internal(detail) = e {
        tracing::error!(%detail, "internal error on a verification page");
    }
    let mut r = page(
        e.status(),
        "Tidak dapat diperiksa",
        &format!(
            "<section><h2>Tidak dapat diperiksa</h2><p class=\"bad\">{}</p>\
<p><a href=\"/v\">Kembali</a></p></section>",
            esc(&e.message(Lang::Id))
        ),
    );
    if let ApiError::TooManyRequests { retry_after_secs } = e {
        if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after_secs.to_string()) {
            r.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
        }
    }
    r
}

/// `POST /v/{id}`.
pub async fn check_for(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    match upload(&state, ip, Some(&id), form).await {
        Ok(r) => r,
        Err(e) => error_page(&e),
    }
}

/// `POST /v`.
pub async fn check_any(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    form: Result<Multipart, MultipartRejection>,
) -> Response {
    match upload(&state, ip, None, form).await {
        Ok(r) => r,
        Err(e) => error_page(&e),
    }
}

async fn read_pdf(form: Result<Multipart, MultipartRejection>) -> Result<Vec<u8>, ApiError> {
    let mut form = form.map_err(crate::applications::upload::rejection)?;
    let mut pdf = None;
    while let Some(mut field) = form.next_field().await.map_err(body_error)? {
        if field.name() != Some(FIELD) || pdf.is_some() {
            return Err(ApiError::Malformed(format!(
                "the form must hold one field {FIELD}"
            )));
        }
        let mut data = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(body_error)? {
            if data.len() + chunk.len() > MAX_PDF {
                return Err(ApiError::TooLarge {
                    part: FIELD.into(),
                    limit: MAX_PDF,
                });
            }
            data.extend_from_slice(&chunk);
        }
        pdf = Some(data);
    }
    let pdf = pdf.ok_or(ApiError::MissingField(FIELD))?;
    if !pdf.starts_with(b"%PDF-") {
        return Err(ApiError::WrongDocumentType {
            field: FIELD,
            expected: "PDF",
        });
    }
    Ok(pdf)
}

fn body_error(e: axum::extract::multipart::MultipartError) -> ApiError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::TooLarge {
            part: "body".into(),
            limit: MAX_BODY,
        }
    } else {
        ApiError::Malformed(e.body_text())
    }
}

async fn upload(
    state: &AppState,
    ip: std::net::IpAddr,
    id: Option<&str>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, ApiError> {
    state
        .verify_limiter()
        .acquire(ip, std::time::Instant::now())
        .map_err(|retry_after_secs| ApiError::TooManyRequests { retry_after_secs })?;
    let pdf = read_pdf(form).await?;
    let crl: Option<Vec<u8>> = sqlx::query_scalar("SELECT der FROM crl WHERE id = 1")
        .fetch_optional(state.db().pool())
        .await?;
    let ca = state.ca().certificate_der().to_vec();
    let checked = tokio::task::spawn_blocking(move || check(&pdf, &ca, crl.as_deref()))
        .await
        .map_err(ApiError::internal)?;
    let checked = match checked {
        Ok(c) => Some(c),
        Err(CheckError::Unreadable(_)) => None,
        Err(e @ CheckError::Memory(_)) => return Err(ApiError::internal(e)),
    };
    let id = id.and_then(|i| normalized_hex(i, 32));
    let doc = match &id {
        Some(i) => registered(state, i).await?,
        None => None,
    };
    let mut body = String::new();
    body.push_str(&verdict_html(checked.as_ref(), doc.as_ref(), id.as_deref()));
    if let Some(d) = &doc {
        body.push_str(&registered_html(d));
    }
    let action = doc
        .as_ref()
        .map_or("/v".to_owned(), |d| format!("/v/{}", d.id));
    body.push_str(&form_html(&action));
    Ok(page(StatusCode::OK, "Hasil pemeriksaan", &body))
}

fn yes_no(ok: bool, yes: &str, no: &str) -> String {
    if ok {
        format!("<span class=\"ok\">{}</span>", esc(yes))
    } else {
        format!("<span class=\"bad\">{}</span>", esc(no))
    }
}

fn check_html(c: &Check) -> String {
    let class = match c {
        Check::Passed => "ok",
        Check::Failed => "bad",
        Check::NotChecked => "warn",
    };
    format!("<span class=\"{class}\">{}</span>", esc(c.label(Lang::Id)))
}

fn indication_html(s: &SignatureReport) -> String {
    match s.conclusion.indication {
        Indication::TotalPassed => "<span class=\"badge ok\">SAH</span>".into(),
        Indication::TotalFailed => "<span class=\"badge bad\">TIDAK SAH</span>".into(),
        Indication::Indeterminate => {
            "<span class=\"badge warn\">TIDAK DAPAT DIPASTIKAN</span>".into()
        }
    }
}

fn signature_html(n: usize, s: &SignatureReport, doc_id: Option<&str>, id: Option<&str>) -> String {
    let mut out = format!(
        "<section><h2>Tanda tangan {n}: {verdict}</h2><dl>\
<dt>{label}</dt><dd>{signer}</dd>\
<dt>Waktu (menurut penanda tangan)</dt><dd>{time}</dd>",
        verdict = indication_html(s),
        label = s.signer_label(Lang::Id),
        signer = esc(s.signer.as_deref().unwrap_or("tidak diketahui")),
        time = esc(&s.claimed_time_shown().unwrap_or_else(|| "tidak ada".into())),
    );
    if let Some(ts) = s.timestamp_time.and_then(|t| i64::try_from(t).ok()) {
        out.push_str(&format!(
            "<dt>Waktu menurut penanda waktu</dt><dd>{}</dd>",
            esc(&display_date(ts))
        ));
    }
    out.push_str(&format!(
        "<dt>Cakupan</dt><dd>{}</dd>",
        esc(s.coverage_label(Lang::Id))
    ));
    if let Some(i) = id {
        out.push_str(&format!(
            "<dt>Nomor dokumen ini</dt><dd>{}</dd>",
            yes_no(
                doc_id == Some(i),
                "ada pada tanda tangan ini",
                "tidak ada pada tanda tangan ini"
            )
        ));
    } else if let Some(d) = doc_id {
        out.push_str(&format!(
            "<dt>Nomor dokumen</dt><dd><code>{}</code> (<a href=\"/v/{}\">lihat</a>)</dd>",
            esc(d),
            esc(d)
        ));
    }
    out.push_str("</dl><table><tr><th>Pemeriksaan</th><th>Hasil</th></tr>");
    for (name, c) in s.checks() {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(name.label(Lang::Id)),
            check_html(c)
        ));
    }
    out.push_str("</table>");
    if let Some(changes) = &s.changes {
        if !changes.permitted.is_empty() {
            out.push_str("<p>Perubahan yang diizinkan setelah ditandatangani:</p><ul>");
            for p in &changes.permitted {
                out.push_str(&format!("<li>{}</li>", esc(&p.label(Lang::Id))));
            }
            out.push_str("</ul>");
        }
    }
    if !s.findings.is_empty() {
        out.push_str("<p>Temuan:</p><ul>");
        for f in &s.findings {
            out.push_str(&format!("<li>{}</li>", esc(&f.message(Lang::Id))));
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>");
    out
}

/// One sentence for the whole file: the worst signature and, for a registered document,
/// whether the file is the registered one.
fn summary_html(c: &Checked, doc: Option<&Registered>) -> String {
    let sigs = &c.report.signatures;
    let differs = doc.is_some_and(|d| d.sha256 != c.sha256);
    if sigs.is_empty() {
        return yes_no(false, "", "Berkas ini tidak bertanda tangan elektronik.");
    }
    if sigs
        .iter()
        .any(|s| s.conclusion.indication == Indication::TotalFailed)
    {
        return yes_no(
            false,
            "",
            "Ada tanda tangan yang TIDAK SAH: jangan mengandalkan isi berkas ini.",
        );
    }
    if sigs
        .iter()
        .all(|s| s.conclusion.indication == Indication::TotalPassed)
    {
        return if differs {
            "<span class=\"warn\">Tanda tangannya sah, tetapi berkas ini bukan berkas yang \
didaftarkan dengan nomor dokumen ini.</span>"
                .into()
        } else {
            yes_no(
                true,
                "Semua tanda tangan sah dan dokumen tidak diubah sejak ditandatangani.",
                "",
            )
        };
    }
    "<span class=\"warn\">Keabsahan tanda tangan tidak dapat dipastikan; lihat rincian di \
bawah.</span>"
        .into()
}

fn verdict_html(checked: Option<&Checked>, doc: Option<&Registered>, id: Option<&str>) -> String {
    let Some(c) = checked else {
        return "<section><h2>Hasil pemeriksaan</h2><p class=\"bad\">Berkas ini bukan PDF yang \
dapat dibaca, sehingga tanda tangannya tidak dapat diperiksa.</p></section>"
            .into();
    };
    let mut out = format!(
        "<section><h2>Hasil pemeriksaan</h2><p>{}</p><dl>",
        summary_html(c, doc)
    );
    out.push_str(&format!(
        "<dt>SHA-256 berkas</dt><dd><code>{}</code></dd>",
        esc(&c.sha256)
    ));
    match (doc, id) {
        (Some(d), _) => out.push_str(&format!(
            "<dt>Sama dengan berkas terdaftar</dt><dd>{}</dd>",
            yes_no(
                d.sha256 == c.sha256,
                "YA — berkas ini sama persis dengan yang didaftarkan penanda tangan",
                "TIDAK — berkas ini berbeda dengan yang didaftarkan penanda tangan"
            )
        )),
        (None, Some(i)) => out.push_str(&format!(
            "<dt>Nomor dokumen</dt><dd><code>{}</code> tidak terdaftar di server ini</dd>",
            esc(i)
        )),
        (None, None) => {}
    }
    if let Some(i) = id {
        let carries = c.document_ids.iter().any(|d| d.as_deref() == Some(i));
        out.push_str(&format!(
            "<dt>Memuat nomor dokumen ini</dt><dd>{}</dd>",
            yes_no(carries, "YA", "TIDAK")
        ));
    }
    out.push_str(&format!(
        "<dt>Jumlah tanda tangan</dt><dd>{}</dd></dl></section>",
        c.report.signatures.len()
    ));
    if c.report.signatures.is_empty() {
        out.push_str(
            "<section><p class=\"bad\">Berkas ini tidak memuat tanda tangan elektronik.</p></section>",
        );
    }
    for (n, (s, d)) in c.report.signatures.iter().zip(&c.document_ids).enumerate() {
        out.push_str(&signature_html(n + 1, s, d.as_deref(), id));
    }
    out
}
