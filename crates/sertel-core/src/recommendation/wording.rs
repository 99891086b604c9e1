//! The fixed wording of the template in the Lampiran of Perbup Muara Enim 2/2025.

use super::form::Uses;

/// The title, first line.
pub const TITLE: &str = "SURAT REKOMENDASI PERMOHONAN PENERBITAN SERTIFIKAT ELEKTRONIK";
/// The title, second line: the certification authority.
pub const AUTHORITY: &str = "BALAI BESAR SERTIFIKASI ELEKTRONIK (BSrE) \u{2013} BSSN RI";
/// Before the recommender's block.
pub const OPENING: &str = "Saya yang bertanda tangan di bawah ini :";
/// Between the two blocks.
pub const RECOMMENDS: &str = "dengan ini memberikan rekomendasi kepada:";
/// Before the system and uses.
pub const FOR_USE: &str = "Untuk melakukan pendaftaran sertifikat elektronik sekaligus menjadi \
                           pemegang sertifikat elektronik yang digunakan pada:";
/// The closing sentence.
pub const CLOSING: &str =
    "Demikian surat rekomendasi ini saya buat, agar dapat digunakan sebagaimana mestinya.";

/// Labels of the person blocks, in the template's order.
pub const FULL_NAME: &str = "Nama Lengkap";
/// NIP.
pub const NIP: &str = "NIP";
/// NIK.
pub const NIK: &str = "NIK e-KTP";
/// Rank.
pub const RANK: &str = "Pangkat/Golongan";
/// Position.
pub const TITLE_LABEL: &str = "Jabatan";
/// Government.
pub const AGENCY: &str = "Instansi";
/// Regency.
pub const REGENCY: &str = "Kabupaten";
/// Province.
pub const PROVINCE: &str = "Provinsi";
/// Work unit.
pub const UNIT: &str = "Unit Kerja";
/// E-mail.
pub const EMAIL: &str = "Email Individu";
/// Telephone.
pub const PHONE: &str = "No. Telp. (HP)";
/// The electronic system.
pub const SYSTEM: &str = "Sistem Elektronik";
/// The uses.
pub const USES: &str = "Kegunaan";

/// "Tanda Tangan Elektronik, pengamanan dokumen elektronik dan/atau pengamanan surat
/// elektronik." — or the part of it for the uses chosen.
pub fn uses_phrase(uses: Uses) -> String {
    let chosen: Vec<&str> = [
        (uses.signature, "Tanda Tangan Elektronik"),
        (uses.document_protection, "pengamanan dokumen elektronik"),
        (uses.email_protection, "pengamanan surat elektronik"),
    ]
    .into_iter()
    .filter_map(|(on, text)| on.then_some(text))
    .collect();
    match chosen.split_last() {
        None => String::new(),
        Some((last, [])) => format!("{last}."),
        Some((last, rest)) => format!("{} dan/atau {last}.", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_uses_give_the_template_sentence() {
        assert_eq!(
            uses_phrase(Uses::default()),
            "Tanda Tangan Elektronik, pengamanan dokumen elektronik dan/atau pengamanan surat \
             elektronik."
        );
        let only_sign = Uses {
            signature: true,
            document_protection: false,
            email_protection: false,
        };
        assert_eq!(uses_phrase(only_sign), "Tanda Tangan Elektronik.");
    }
}
