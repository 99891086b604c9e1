//! The terms an owner consents to before issuance (Pasal 7 ayat 1): the obligations of Pasal 19
//! and the prohibitions of Pasal 20 of Peraturan Bupati Muara Enim Nomor 2 Tahun 2025.
//!
//! The version names this exact text; an application records the version consented to. Change
//! the version whenever the text changes.

use axum::Json;
use serde_json::{json, Value};

/// The version of the consent text below.
pub const CONSENT_VERSION: &str = "perbup-muara-enim-2-2025/pasal-19-20/v1";

/// The text in Indonesian (the regulation's wording).
pub const CONSENT_TEXT_ID: &str = "\
Pasal 19. Pemilik Sertifikat Elektronik berkewajiban: a. memastikan semua informasi yang \
diberikan ke Dinas adalah benar; b. melindungi Sertifikat Elektronik agar tidak digunakan oleh \
orang lain; c. mengajukan permohonan pencabutan Sertifikat Elektronik, jika mengetahui atau \
mencurigai bahwa Sertifikat Elektronik yang dimiliki digunakan orang lain atau adanya kesalahan \
informasi atau kehilangan atau kebocoran Kunci Privat; d. melindungi kerahasiaan Kunci Privat, \
passphrase/password atau hal lain yang digunakan untuk mengaktifkan Kunci Privat; e. tidak \
mengubah, mengganggu atau melakukan reverse-engineering dan berusaha untuk membocorkan layanan \
keamanan yang disediakan Dinas; dan f. bertanggungjawab atas penggunaan, penyimpanan, \
perpanjangan dan pemusnahan Sertifikat Elektronik dan Kunci Privat. \
Pasal 20. Pemilik Sertifikat Elektronik dilarang: a. mengabaikan prinsip kehati-hatian guna \
menghindari penggunaan secara tidak sah terhadap data terkait Sertifikat Elektronik; b. \
melimpahkan penggunaan Sertifikat Elektronik kepada orang lain; atau c. menyampaikan dokumen \
yang tidak sesuai dengan aslinya dan/atau dokumen yang dengan sengaja dipalsukan.";

/// An English rendering, for reading only; the Indonesian text is the one that binds.
pub const CONSENT_TEXT_EN: &str = "\
Article 19. The certificate owner must: a. make sure all information given to the Dinas is \
true; b. protect the certificate from use by others; c. request revocation on knowing or \
suspecting that the certificate is used by someone else, that its information is wrong, or \
that the private key is lost or leaked; d. keep the private key, its passphrase or password, \
and anything else that activates it secret; e. not alter, disrupt, reverse-engineer or try to \
leak the security services the Dinas provides; and f. be responsible for the use, storage, \
renewal and destruction of the certificate and the private key. \
Article 20. The certificate owner must not: a. neglect due care against unauthorised use of \
the certificate's data; b. hand the use of the certificate over to anyone else; or c. submit \
documents that differ from their originals or that are deliberately forged.";

/// `GET /api/v1/consent`: the current text and its version.
pub async fn current_consent() -> Json<Value> {
    Json(json!({
        "version": CONSENT_VERSION,
        "text": {"id": CONSENT_TEXT_ID, "en": CONSENT_TEXT_EN},
    }))
}
