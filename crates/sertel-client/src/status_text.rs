//! Messages for error statuses that come without the server's own message (a proxy's page, an
//! empty body, a server of another version): what the status means for the user, in Indonesian
//! and English.

use crate::model::Bilingual;

/// The kind and message for `status` when the answer carried none.
pub(crate) fn fallback(status: u16) -> (String, Bilingual) {
    let (kind, id, en) = match status {
        400 => (
            "bad_request",
            "Permintaan ditolak server karena tidak sesuai format.",
            "The server refused the request as malformed.",
        ),
        401 => (
            "unauthorized",
            "Sesi masuk tidak berlaku lagi; silakan masuk kembali.",
            "The sign-in session is no longer valid; please sign in again.",
        ),
        403 => (
            "forbidden",
            "Akun ini tidak berwenang melakukan tindakan tersebut.",
            "This account is not allowed to do that.",
        ),
        404 => (
            "not_found",
            "Yang diminta tidak ditemukan di server; periksa alamat server di pengaturan.",
            "What was asked for is not on the server; check the server address in the settings.",
        ),
        408 | 504 => (
            "timeout",
            "Server terlalu lama menjawab; coba lagi nanti.",
            "The server took too long to answer; try again later.",
        ),
        409 => (
            "conflict",
            "Permintaan bertentangan dengan keadaan permohonan saat ini; muat ulang lalu coba lagi.",
            "The request conflicts with the application's current state; reload and try again.",
        ),
        413 => (
            "payload_too_large",
            "Berkas yang dikirim terlalu besar untuk server.",
            "The files sent are too large for the server.",
        ),
        415 => (
            "unsupported_media_type",
            "Jenis berkas tidak diterima server.",
            "The server does not accept this type of file.",
        ),
        422 => (
            "unprocessable",
            "Isian tidak dapat diterima server; periksa kembali data yang diisi.",
            "The server cannot accept the data as filled in; check it again.",
        ),
        429 => (
            "too_many_requests",
            "Terlalu banyak permintaan; tunggu sebentar lalu coba lagi.",
            "Too many requests; wait a moment and try again.",
        ),
        502 | 503 => (
            "service_unavailable",
            "Layanan server sedang tidak tersedia; coba lagi nanti.",
            "The server's service is not available at the moment; try again later.",
        ),
        500..=599 => (
            "server_failure",
            "Terjadi kesalahan di server; coba lagi nanti.",
            "The server failed; try again later.",
        ),
        _ => {
            return (
                format!("http_{status}"),
                Bilingual {
                    id: format!("Server menjawab dengan status HTTP {status}."),
                    en: format!("The server answered with HTTP status {status}."),
                },
            )
        }
    };
    let with_status = |text: &str| format!("{text} (HTTP {status})");
    (
        kind.to_owned(),
        Bilingual {
            id: with_status(id),
            en: with_status(en),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_statuses_have_their_own_words_in_both_languages() {
        let mut seen = std::collections::BTreeSet::new();
        for status in [400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500, 503] {
            let (kind, m) = fallback(status);
            assert!(!kind.starts_with("http_"), "{status}");
            assert!(m.id.ends_with(&format!("(HTTP {status})")), "{}", m.id);
            assert!(m.en.ends_with(&format!("(HTTP {status})")), "{}", m.en);
            assert_ne!(m.id, m.en);
            seen.insert(m.en);
        }
        assert_eq!(seen.len(), 12, "each status its own message");
        assert_eq!(
            fallback(413).1.id,
            "Berkas yang dikirim terlalu besar untuk server. (HTTP 413)"
        );
    }

    #[test]
    fn other_statuses_name_the_number() {
        let (kind, m) = fallback(418);
        assert_eq!(kind, "http_418");
        assert!(m.id.contains("418") && m.en.contains("418"));
    }
}
