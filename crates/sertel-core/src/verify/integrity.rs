//! The byte-range checks: the signature must cover the whole revision it signed except exactly
//! its own `/Contents` hex string, which must hold the same bytes the dictionary declares.

use std::fs::File;
use std::os::unix::fs::FileExt;

use sertel_pdf::Object;

use super::fields::SignedField;
use super::report::{Check, Finding, SignatureReport};

/// The largest `/Contents` accepted (hex text), to bound memory on hostile files.
pub const MAX_CONTENTS_HEX: u64 = 2 * 1024 * 1024;

/// What the byte-range check hands to the CMS check.
#[derive(Clone, Debug)]
pub struct SignedRanges {
    /// `[start1, len1, start2, len2]`.
    pub ranges: [u64; 4],
    /// The CMS bytes, trailing zero padding included.
    pub contents: Vec<u8>,
}

fn fail(report: &mut SignatureReport, f: Finding) -> Option<SignedRanges> {
    report.integrity = Check::Failed;
    report.findings.push(f);
    None
}

/// Checks `/ByteRange` and `/Contents` of `field` against the file; `revision_ends` are the
/// offsets where the file's revisions end.
pub fn check(
    file: &File,
    file_len: u64,
    revision_ends: &[u64],
    field: &SignedField,
    report: &mut SignatureReport,
) -> Option<SignedRanges> {
    let ints: Option<Vec<i64>> = match field.value.get(b"ByteRange") {
        Some(Object::Array(a)) => a.iter().map(|o| o.as_int()).collect(),
        _ => None,
    };
    let Some(ints) = ints.filter(|v| v.len() == 4 && v[0] == 0 && v.iter().all(|x| *x >= 0)) else {
        return fail(report, Finding::ByteRangeMalformed);
    };
    report.byte_range = ints.clone();
    let r: Vec<u64> = ints.iter().map(|x| *x as u64).collect();
    let (len1, start2, len2) = (r[1], r[2], r[3]);
    let Some(end) = start2.checked_add(len2) else {
        return fail(report, Finding::ByteRangeOutOfFile);
    };
    if start2 <= len1 || end > file_len {
        return fail(report, Finding::ByteRangeOutOfFile);
    }
    report.signed_length = end;
    report.covers_whole_file = end == file_len;
    if !report.covers_whole_file && !revision_ends.contains(&end) {
        return fail(report, Finding::CoverageMidRevision);
    }
    let hole = start2 - len1;
    if !(2..=MAX_CONTENTS_HEX + 2).contains(&hole) || hole % 2 != 0 {
        return fail(report, Finding::ByteRangeNotContents);
    }
    let mut text = vec![0u8; hole as usize];
    if file.read_exact_at(&mut text, len1).is_err() {
        return fail(report, Finding::ByteRangeOutOfFile);
    }
    if text.first() != Some(&b'<') || text.last() != Some(&b'>') {
        return fail(report, Finding::ByteRangeNotContents);
    }
    let Ok(contents) = hex::decode(&text[1..text.len() - 1]) else {
        return fail(report, Finding::ByteRangeNotContents);
    };
    match field.value.get(b"Contents") {
        Some(Object::String(s)) if s.bytes == contents => {}
        Some(Object::String(_)) => return fail(report, Finding::ByteRangeNotContents),
        _ => return fail(report, Finding::ContentsMalformed),
    }
    Some(SignedRanges {
        ranges: [0, len1, start2, len2],
        contents,
    })
}
