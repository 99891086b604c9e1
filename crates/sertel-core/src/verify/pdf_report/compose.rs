//! The report's content, top to bottom: title, when and by what it was made, a summary line
//! per file, then each file with its identity and signatures, then the legend.

use super::block::{Block, Field, Tone};
use super::input::ReportedFile;
use super::wrap::has_unshowable;
use super::{legend, signature, ReportOptions};
use crate::i18n::{Lang, Localized};
use crate::pades::text::display_date;
use crate::verify::{Conclusion, Indication};

/// The report's title in `lang`.
pub(super) fn title(lang: Lang) -> &'static str {
    lang.pick(
        "Laporan Validasi Tanda Tangan Elektronik",
        "Electronic Signature Validation Report",
    )
}

/// Every block of the report.
pub(super) fn document(
    files: &[ReportedFile<'_>],
    producer: &str,
    options: &ReportOptions,
) -> Vec<Block> {
    let l = options.lang;
    let signatures: usize = files
        .iter()
        .filter_map(|f| f.outcome.ok())
        .map(|r| r.signatures.len())
        .sum();
    let mut out = vec![
        Block::Title(title(l).into()),
        Field::new(
            l.pick("Dibuat", "Made"),
            display_date(options.created.unix_timestamp()),
        )
        .into(),
        Field::new(l.pick("Aplikasi", "Application"), producer).into(),
        Field::new(
            l.pick("Jumlah", "Contents"),
            l.pick(
                format!("{} berkas, {signatures} tanda tangan", files.len()),
                format!("{} files, {signatures} signatures", files.len()),
            ),
        )
        .into(),
        Block::Section(l.pick("Ringkasan", "Summary").into()),
    ];
    for (i, f) in files.iter().enumerate() {
        let c = conclusion(f);
        let mut line = format!("{}. {}", i + 1, file_name(f));
        if let Some(sub) = c.sub_indication {
            line.push_str(&format!(" ({})", sub.etsi_name()));
        }
        out.push(
            Field::new(c.indication.etsi_name(), line)
                .label_stressed(Tone::of(c.indication))
                .into(),
        );
    }
    for (i, f) in files.iter().enumerate() {
        file(f, i + 1, files.len(), l, &mut out);
    }
    let unshowable = out.iter().flat_map(Block::texts).any(has_unshowable);
    legend::blocks(l, unshowable, &mut out);
    out
}

/// A file's conclusion: its worst signature's, or INDETERMINATE when it could not be verified.
fn conclusion(f: &ReportedFile<'_>) -> Conclusion {
    match f.outcome {
        Ok(report) => report.conclusion(),
        Err(_) => Conclusion {
            indication: Indication::Indeterminate,
            sub_indication: None,
        },
    }
}

fn file_name(f: &ReportedFile<'_>) -> String {
    f.path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| f.path.display().to_string())
}

/// `n` bytes with the thousands grouped as `lang` writes them.
fn bytes(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let mut grouped = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(lang.pick('.', ','));
        }
        grouped.push(d);
    }
    lang.pick(format!("{grouped} byte"), format!("{grouped} bytes"))
}

/// Appends file `n` of `total`: its identity, then its signatures.
fn file(f: &ReportedFile<'_>, n: usize, total: usize, l: Lang, out: &mut Vec<Block>) {
    let name = file_name(f);
    out.push(Block::FileHeading(format!(
        "{} {n} {} {total}: {name}",
        l.pick("Berkas", "File"),
        l.pick("dari", "of")
    )));
    let shown = f.path.display().to_string();
    if shown != name {
        out.push(Field::new(l.pick("Lokasi", "Location"), shown).into());
    }
    let unknown = l.pick("tidak dapat dibaca", "could not be read");
    match (&f.identity, &f.outcome) {
        (Some(id), _) => {
            out.push(Field::new(l.pick("Ukuran", "Size"), bytes(id.size, l)).into());
            out.push(Field::new("SHA-256", id.sha256_hex()).into());
        }
        (None, Ok(report)) => {
            out.push(Field::new(l.pick("Ukuran", "Size"), bytes(report.size, l)).into());
            out.push(Field::new("SHA-256", unknown).value_in(Tone::Failed).into());
        }
        (None, Err(_)) => {
            out.push(Field::new("SHA-256", unknown).value_in(Tone::Failed).into());
        }
    }
    if let (true, Ok(report), Some(id)) = (f.changed_since_verified(), &f.outcome, &f.identity) {
        out.push(Block::Note {
            text: l.pick(
                format!(
                    "Berkas berubah setelah divalidasi ({} saat divalidasi, {} sekarang): \
                     SHA-256 di atas bukan milik berkas yang divalidasi.",
                    bytes(report.size, l),
                    bytes(id.size, l)
                ),
                format!(
                    "The file changed after it was validated ({} when validated, {} now): the \
                     SHA-256 above is not that of the validated file.",
                    bytes(report.size, l),
                    bytes(id.size, l)
                ),
            ),
            tone: Tone::Failed,
        });
    }
    match f.outcome {
        Err(error) => {
            let c = conclusion(f);
            out.push(Block::Banner {
                tone: Tone::of(c.indication),
                headline: signature::headline(&c),
                detail: format!(
                    "{}: {}",
                    l.pick(
                        "Berkas tidak dapat divalidasi",
                        "The file could not be validated"
                    ),
                    error.message(l)
                ),
            });
        }
        Ok(report) => {
            out.push(
                Field::new(
                    l.pick("Revisi dokumen", "Document revisions"),
                    report.revisions.to_string(),
                )
                .into(),
            );
            if report.signatures.is_empty() {
                out.push(signature::banner(&report.conclusion(), l));
            } else {
                let c = report.conclusion();
                out.push(
                    Field::new(
                        l.pick("Kesimpulan berkas", "File conclusion"),
                        signature::headline(&c),
                    )
                    .value_bold()
                    .value_in(Tone::of(c.indication))
                    .into(),
                );
            }
            let count = report.signatures.len();
            for (i, s) in report.signatures.iter().enumerate() {
                signature::blocks(s, i + 1, count, l, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_grouped_per_language() {
        assert_eq!(bytes(0, Lang::Id), "0 byte");
        assert_eq!(bytes(999, Lang::En), "999 bytes");
        assert_eq!(bytes(48_213, Lang::Id), "48.213 byte");
        assert_eq!(bytes(1_234_567, Lang::En), "1,234,567 bytes");
    }
}
