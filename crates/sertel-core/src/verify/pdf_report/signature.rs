//! The blocks about one signature: its conclusion, who signed and when, every check, the
//! certificate chain, and what was found.

use super::block::{Block, Field, Tone};
use crate::i18n::{Lang, Localized};
use crate::pades::text::display_date;
use crate::verify::{Check, Conclusion, SignatureReport};

/// The ETSI names of a conclusion: `TOTAL-FAILED / HASH_FAILURE`.
pub(super) fn headline(c: &Conclusion) -> String {
    match c.sub_indication {
        None => c.indication.etsi_name().to_owned(),
        Some(sub) => format!("{} / {}", c.indication.etsi_name(), sub.etsi_name()),
    }
}

/// The banner stating `c`.
pub(super) fn banner(c: &Conclusion, lang: Lang) -> Block {
    Block::Banner {
        tone: Tone::of(c.indication),
        headline: headline(c),
        detail: c.message(lang),
    }
}

/// Appends the blocks of signature `n` of `total` to `out`.
pub(super) fn blocks(s: &SignatureReport, n: usize, total: usize, l: Lang, out: &mut Vec<Block>) {
    let absent = |f: Field| f.value_in(Tone::Muted);
    let none = l.pick("tidak ada", "none");
    out.push(Block::SignatureHeading(format!(
        "{} {n} {} {total} \u{b7} {}",
        l.pick("Tanda tangan", "Signature"),
        l.pick("dari", "of"),
        s.field
    )));
    out.push(banner(&s.conclusion, l));
    let signer = s.signer_label(l);
    out.push(
        match &s.signer {
            Some(name) => Field::new(signer, name.as_str()).value_bold(),
            None => absent(Field::new(signer, l.pick("tidak diketahui", "unknown"))),
        }
        .into(),
    );
    let claimed = l.pick("Waktu tanda tangan (diklaim)", "Signing time (claimed)");
    out.push(
        match s.claimed_time_shown() {
            Some(t) => Field::new(claimed, t),
            None => absent(Field::new(claimed, none)),
        }
        .into(),
    );
    out.push(timestamp(s, l).into());
    for (name, check) in s.checks() {
        out.push(
            Field::new(name.label(l), check.label(l))
                .value_in(Tone::of_check(check))
                .into(),
        );
    }
    let chain = l.pick("Rantai sertifikat", "Certificate chain");
    out.push(if s.chain.is_empty() {
        absent(Field::new(chain, l.pick("tidak terbentuk", "not built"))).into()
    } else {
        let names: Vec<&str> = s.chain.iter().map(|c| c.name.as_str()).collect();
        Field::new(chain, names.join("\n")).into()
    });
    let at = l.pick("Waktu validasi", "Validation time");
    out.push(
        match s.validation_time {
            Some(t) => Field::new(at, display_date(t)),
            None => absent(Field::new(at, l.pick("tidak ada", "none"))),
        }
        .into(),
    );
    out.push(Field::new(l.pick("Cakupan", "Coverage"), s.coverage_label(l)).into());
    if let Some(level) = s.level {
        out.push(Field::new(l.pick("Tingkat PAdES", "PAdES level"), level.label(l)).into());
    }
    findings(s, l, out);
}

/// The timestamp's time, and its check when it failed.
fn timestamp(s: &SignatureReport, l: Lang) -> Field {
    let label = l.pick("Penanda waktu", "Timestamp");
    let time = s.timestamp_time.map(|t| display_date(t as i64));
    match (&s.timestamp, time) {
        (Check::Failed, t) => {
            let failed = Check::Failed.label(l);
            let shown = t.map_or_else(|| failed.to_owned(), |t| format!("{t} \u{b7} {failed}"));
            Field::new(label, shown).value_in(Tone::Failed)
        }
        (_, Some(t)) => Field::new(label, t),
        (_, None) => Field::new(label, l.pick("tidak ada", "none")).value_in(Tone::Muted),
    }
}

/// Every finding as a list item, or that there are none.
fn findings(s: &SignatureReport, l: Lang, out: &mut Vec<Block>) {
    let label = l.pick("Temuan", "Findings");
    if s.findings.is_empty() {
        out.push(
            Field::new(label, l.pick("tidak ada", "none"))
                .value_in(Tone::Muted)
                .into(),
        );
    }
    for (i, f) in s.findings.iter().enumerate() {
        let label = if i == 0 { label } else { "" };
        out.push(Field::new(label, f.message(l)).bulleted().into());
    }
}
