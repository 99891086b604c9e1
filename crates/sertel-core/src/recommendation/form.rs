//! The recommendation letter's form: who recommends, who is recommended, for which electronic
//! system and which uses, where and when.

use serde::{Deserialize, Serialize};
use time::Date;

/// One person block of the letter (the recommender's or the applicant's).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    /// Nama lengkap, with academic titles if wanted.
    pub full_name: String,
    /// NIP, 18 digits.
    pub nip: String,
    /// NIK of the e-KTP, 16 digits, agreeing with the NIP.
    pub nik: String,
    /// Pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)".
    pub rank: String,
    /// Jabatan.
    pub title: String,
    /// Unit kerja.
    pub unit: String,
    /// Email individu on the regency's domain.
    pub email: String,
}

/// What the certificate will be used for (the letter's "Kegunaan"); the template names all
/// three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uses {
    /// Tanda Tangan Elektronik.
    pub signature: bool,
    /// Pengamanan dokumen elektronik.
    pub document_protection: bool,
    /// Pengamanan surat elektronik (e-mail).
    pub email_protection: bool,
}

impl Default for Uses {
    fn default() -> Self {
        Uses {
            signature: true,
            document_protection: true,
            email_protection: true,
        }
    }
}

/// The letterhead (kop naskah dinas) of the recommender's agency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letterhead {
    /// The agency, e.g. "Dinas Komunikasi, Informatika, Statistik dan Persandian".
    pub agency: String,
    /// Its address and contacts, one line, optional.
    #[serde(default)]
    pub address: Option<String>,
}

/// The whole form of the recommendation letter (Lampiran of Perbup Muara Enim 2/2025).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationForm {
    /// The letterhead.
    pub letterhead: Letterhead,
    /// The letter number; left as a blank to fill in by hand when `None`.
    #[serde(default)]
    pub number: Option<String>,
    /// Who recommends (and signs): the head of the applicant's agency or their superior.
    pub recommender: Official,
    /// Who is recommended: the future certificate owner.
    pub applicant: Official,
    /// The applicant's telephone (HP).
    pub applicant_phone: String,
    /// The electronic system the certificate is for (e.g. "SRIKANDI").
    pub electronic_system: String,
    /// The uses.
    pub uses: Uses,
    /// Where the letter is made, e.g. "Muara Enim".
    pub place: String,
    /// When; in JSON as `"YYYY-MM-DD"`.
    #[serde(with = "super::iso_date")]
    pub date: Date,
}
