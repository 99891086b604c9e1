//! The closing legend: what the three ETSI indications mean, how to match the report to a
//! file, and (when it happened) that some characters could not be shown.

use super::block::{Block, Field, Tone};
use crate::i18n::Lang;
use crate::verify::Indication;

/// What `indication` means for the person holding the document.
fn meaning(indication: Indication, l: Lang) -> &'static str {
    match indication {
        Indication::TotalPassed => l.pick(
            "Semua pemeriksaan lulus: dokumen utuh sejak ditandatangani, tanda tangan asli, dan \
             sertifikat penanda tangan tervalidasi sampai sertifikat akar yang dipercaya.",
            "Every check passed: the document is intact since it was signed, the signature is \
             genuine, and the signer's certificate validated up to a trusted root certificate.",
        ),
        Indication::TotalFailed => l.pick(
            "Sebuah pemeriksaan gagal: dokumen diubah, tanda tangan tidak asli, atau sertifikat \
             sudah dicabut atau kedaluwarsa pada waktu penandatanganan yang terbukti. Dokumen \
             jangan diterima sebagai sah.",
            "A check failed: the document was altered, the signature is not genuine, or the \
             certificate was revoked or expired at the proven signing time. Do not accept the \
             document as valid.",
        ),
        Indication::Indeterminate => l.pick(
            "Belum dapat dipastikan: ada yang kurang atau tidak didukung, misalnya rantai ke \
             sertifikat akar yang dipercaya atau status pencabutan. Dokumen belum tentu palsu; \
             lengkapi yang disebut dalam temuan lalu validasi ulang.",
            "Could not be decided: something is missing or unsupported, for instance a chain \
             to a trusted root certificate or the revocation status. The document is not \
             necessarily false; supply what the findings name and validate again.",
        ),
    }
}

/// Appends the legend to `out`; `unshowable` adds the note on characters printed as `?`.
pub(super) fn blocks(l: Lang, unshowable: bool, out: &mut Vec<Block>) {
    out.push(Block::Section(l.pick("Keterangan", "Legend").into()));
    for indication in [
        Indication::TotalPassed,
        Indication::TotalFailed,
        Indication::Indeterminate,
    ] {
        out.push(
            Field::new(indication.etsi_name(), meaning(indication, l))
                .label_stressed(Tone::of(indication))
                .into(),
        );
    }
    out.push(Block::Note {
        text: l
            .pick(
                "Waktu dalam WIB (UTC+7). Cocokkan SHA-256 di atas dengan berkas yang Anda \
                 terima (misalnya dengan sha256sum) untuk memastikan laporan ini tentang berkas \
                 itu. Laporan ini sendiri tidak ditandatangani.",
                "Times are in WIB (UTC+7). Compare the SHA-256 above with the file you received \
                 (for instance with sha256sum) to be sure this report is about that file. The \
                 report itself is not signed.",
            )
            .into(),
        tone: Tone::Muted,
    });
    if unshowable {
        out.push(Block::Note {
            text: l
                .pick(
                    "Tanda ? menggantikan huruf yang tidak dapat ditampilkan huruf cetak laporan \
                     ini; keluaran JSON validasi memuat teks aslinya.",
                    "A ? stands for a character this report's typeface cannot show; the JSON \
                     output of the validation holds the exact text.",
                )
                .into(),
            tone: Tone::Muted,
        });
    }
}
