//! The kinds and the Indonesian and English messages of [`ApiError`].

use sertel_core::i18n::{Lang, Localized};

use super::ApiError;

impl Localized for ApiError {
    fn kind(&self) -> &'static str {
        use ApiError as E;
        match self {
            E::Malformed(_) => "malformed_request",
            E::UnsupportedMediaType { .. } => "unsupported_media_type",
            E::TooLarge { .. } => "too_large",
            E::MissingField(_) => "missing_field",
            E::WrongDocumentType { .. } => "wrong_document_type",
            E::Csr(e) => e.kind(),
            E::KeyNotAllowed(_) => "csr_key_not_allowed",
            E::SubjectMismatch => "csr_subject_mismatch",
            E::SealAgencyNotOwn => "seal_agency_not_own_unit",
            E::Profile(_) => "invalid_profile",
            E::InvalidField { .. } => "invalid_field",
            E::ConsentRequired => "consent_required",
            E::IdempotencyKeyRequired => "idempotency_key_required",
            E::IdempotencyKeyReused => "idempotency_key_reused",
            E::Unauthenticated => "unauthenticated",
            E::InvalidCredentials => "invalid_credentials",
            E::Forbidden => "forbidden",
            E::NotFound => "not_found",
            E::AlreadyRegistered(_) => "already_registered",
            E::ApplicationOpen => "application_open",
            E::InvalidTransition { .. } => "invalid_transition",
            E::RevocationReason(_) => "revocation_reason_not_allowed",
            E::RevocationPending => "revocation_pending",
            E::CertificateExpired => "certificate_expired",
            E::ReissueNeedsLostKey => "reissue_needs_lost_key",
            E::CertificateRefused(p) => p.kind(),
            E::DocumentIdTaken => "document_id_taken",
            E::RateLimited { .. } => "rate_limited",
            E::TooManyRequests { .. } => "too_many_requests",
            E::Unavailable => "unavailable",
            E::Internal(_) => "internal",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use ApiError as E;
        let pick = |id: String, en: String| lang.pick(id, en);
        match self {
            E::Malformed(d) => pick(
                format!("Permintaan tidak dapat dibaca: {d}."),
                format!("The request cannot be read: {d}."),
            ),
            E::UnsupportedMediaType { expected } => pick(
                format!("Jenis isi permintaan tidak didukung; gunakan {expected}."),
                format!("Unsupported content type; use {expected}."),
            ),
            E::TooLarge { part, limit } => pick(
                format!("{part} terlalu besar (paling besar {limit} bita)."),
                format!("{part} is too large (at most {limit} bytes)."),
            ),
            E::MissingField(f) => pick(
                format!("Isian {f} wajib ada."),
                format!("The field {f} is required."),
            ),
            E::WrongDocumentType { field, expected } => pick(
                format!("Berkas {field} harus berupa {expected}."),
                format!("The file {field} must be {expected}."),
            ),
            E::Csr(e) => e.message(lang),
            E::KeyNotAllowed(k) => pick(
                format!("Kunci {k} tidak diizinkan; gunakan RSA minimal 2048 bit atau P-256."),
                format!("A {k} key is not allowed; use RSA of at least 2048 bits or P-256."),
            ),
            E::SubjectMismatch => pick(
                "Identitas dalam permintaan sertifikat (CSR) tidak sama dengan profil pemilik \
                 atau dengan segel elektronik yang dimohon."
                    .into(),
                "The identity in the certificate request (CSR) differs from the owner's profile \
                 or from the electronic seal applied for."
                    .into(),
            ),
            E::SealAgencyNotOwn => pick(
                "Segel elektronik hanya dapat dimohonkan untuk Perangkat Daerah tempat pemohon \
                 bertugas (unit kerja pada profil pemohon)."
                    .into(),
                "An electronic seal can only be applied for on behalf of the applicant's own \
                 agency (the unit in the applicant's profile)."
                    .into(),
            ),
            E::Profile(errors) => {
                let list: Vec<String> = errors.iter().map(|e| e.message(lang)).collect();
                pick(
                    format!("Data profil tidak valid: {}", list.join(" ")),
                    format!("The profile is invalid: {}", list.join(" ")),
                )
            }
            E::InvalidField { field, reason } => pick(
                format!("Isian {field} tidak valid."),
                format!("The field {field} is invalid: {reason}."),
            ),
            E::ConsentRequired => pick(
                "Persetujuan atas kewajiban (Pasal 19) dan larangan (Pasal 20) versi terbaru \
                 wajib diberikan."
                    .into(),
                "Consent to the current obligations (Pasal 19) and prohibitions (Pasal 20) is \
                 required."
                    .into(),
            ),
            E::IdempotencyKeyRequired => pick(
                "Header Idempotency-Key (8–128 karakter huruf, angka, '-' atau '_') wajib ada."
                    .into(),
                "The Idempotency-Key header (8–128 letters, digits, '-' or '_') is required."
                    .into(),
            ),
            E::IdempotencyKeyReused => pick(
                "Idempotency-Key ini sudah dipakai untuk permintaan yang berbeda.".into(),
                "This Idempotency-Key was already used for a different request.".into(),
            ),
            E::Unauthenticated => pick(
                "Silakan masuk terlebih dahulu.".into(),
                "Please sign in first.".into(),
            ),
            E::InvalidCredentials => pick(
                "Alamat e-mail atau kata sandi salah.".into(),
                "Wrong e-mail address or password.".into(),
            ),
            E::Forbidden => pick(
                "Peran Anda tidak berwenang melakukan ini.".into(),
                "Your role is not allowed to do this.".into(),
            ),
            E::NotFound => pick("Data tidak ditemukan.".into(), "Not found.".into()),
            E::AlreadyRegistered(what) => pick(
                format!("{what} sudah terdaftar."),
                format!("This {what} is already registered."),
            ),
            E::ApplicationOpen => pick(
                "Anda masih memiliki permohonan yang sedang diproses atau sertifikat yang \
                 berlaku."
                    .into(),
                "You already have an application in progress or a valid certificate.".into(),
            ),
            E::InvalidTransition { state } => pick(
                format!("Tindakan ini tidak dapat dilakukan pada status permohonan '{state}'."),
                format!("This action is not possible while the application is '{state}'."),
            ),
            E::RevocationReason(r) => pick(
                format!(
                    "Alasan pencabutan '{r}' tidak dapat digunakan. Pilih unspecified, \
                     key_compromise, affiliation_changed, superseded, cessation_of_operation \
                     atau (khusus verifikator) privilege_withdrawn. Penangguhan \
                     (certificate_hold) tidak tersedia: sertifikat yang dicabut tidak dapat \
                     digunakan kembali."
                ),
                format!(
                    "The revocation reason '{r}' cannot be used. Choose unspecified, \
                     key_compromise, affiliation_changed, superseded, cessation_of_operation or \
                     (verifiers only) privilege_withdrawn. Suspension (certificate_hold) is not \
                     offered: a revoked certificate can never be used again."
                ),
            ),
            E::RevocationPending => pick(
                "Permohonan pencabutan sertifikat ini sudah diajukan dan sedang menunggu \
                 verifikator."
                    .into(),
                "A revocation request for this certificate is already waiting for a verifier."
                    .into(),
            ),
            E::DocumentIdTaken => pick(
                "Nomor dokumen ini sudah terdaftar untuk berkas, waktu atau sertifikat lain."
                    .into(),
                "This document id is already registered for another file, time or certificate."
                    .into(),
            ),
            E::CertificateExpired => pick(
                "Masa berlaku sertifikat sudah berakhir; perpanjangan hanya dapat diajukan \
                 sebelum masa berlaku berakhir. Ajukan permohonan baru."
                    .into(),
                "The certificate has expired; renewal is only possible before expiry. Submit a \
                 new application."
                    .into(),
            ),
            E::ReissueNeedsLostKey => pick(
                "Penerbitan kembali hanya untuk sertifikat yang dicabut karena kunci hilang; \
                 setelah pencabutan lain, ajukan permohonan baru."
                    .into(),
                "Re-issue is only for a certificate revoked after a lost key; after another \
                 revocation, submit a new application."
                    .into(),
            ),
            E::CertificateRefused(p) => p.message(lang),
            E::TooManyRequests { retry_after_secs } => pick(
                format!(
                    "Terlalu banyak permintaan dari alamat Anda; coba lagi dalam \
                     {retry_after_secs} detik."
                ),
                format!(
                    "Too many requests from your address; try again in {retry_after_secs} \
                     seconds."
                ),
            ),
            E::RateLimited { retry_after_secs } => pick(
                format!("Terlalu banyak percobaan; coba lagi dalam {retry_after_secs} detik."),
                format!("Too many attempts; try again in {retry_after_secs} seconds."),
            ),
            E::Unavailable => pick(
                "Basis data server tidak dapat dihubungi; silakan coba lagi nanti.".into(),
                "The server's database cannot be reached; please try again later.".into(),
            ),
            E::Internal(_) => pick(
                "Terjadi kesalahan di server; silakan coba lagi nanti.".into(),
                "Something went wrong on the server; please try again later.".into(),
            ),
        }
    }
}

impl Localized for crate::applications::national::CertificateProblem {
    fn kind(&self) -> &'static str {
        use crate::applications::national::CertificateProblem as P;
        match self {
            P::Unreadable => "certificate_unreadable",
            P::KeyMismatch => "certificate_key_mismatch",
            P::SubjectMismatch => "certificate_subject_mismatch",
            P::CaCertificate => "certificate_is_ca",
            P::NotValidNow => "certificate_not_valid_now",
            P::SerialTaken => "certificate_serial_taken",
        }
    }

    fn message(&self, lang: Lang) -> String {
        use crate::applications::national::CertificateProblem as P;
        let (id, en) = match self {
            P::Unreadable => (
                "Berkas bukan sertifikat X.509 (DER atau PEM) yang dapat dibaca.",
                "The file is not a readable X.509 certificate (DER or PEM).",
            ),
            P::KeyMismatch => (
                "Kunci publik sertifikat tidak sama dengan kunci dalam permintaan sertifikat \
                 (CSR) permohonan ini.",
                "The certificate's public key is not the one in this application's certificate \
                 request (CSR).",
            ),
            P::SubjectMismatch => (
                "Identitas (subject) sertifikat tidak sesuai dengan profil pemilik.",
                "The certificate's subject does not match the owner's profile.",
            ),
            P::CaCertificate => (
                "Sertifikat CA tidak dapat dijadikan sertifikat pemilik.",
                "A CA certificate cannot be an owner's certificate.",
            ),
            P::NotValidNow => (
                "Sertifikat tidak berlaku saat ini (sudah kedaluwarsa atau belum berlaku).",
                "The certificate is not valid now (expired or not yet valid).",
            ),
            P::SerialTaken => (
                "Nomor seri sertifikat ini sudah tercatat untuk permohonan lain.",
                "A certificate with this serial number is already recorded for another \
                 application.",
            ),
        };
        lang.pick(id.to_owned(), en.to_owned())
    }
}
