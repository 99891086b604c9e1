//! Signature wrapping (Mladenov et al., CCS 2019): the signature's value is left as it was,
//! but the bytes the `/ByteRange` excludes are made to hold more than that value — an
//! attacker's key and payload after it, a second `/Contents` — or the second signed range is
//! moved further back so that attacker bytes sit in the widened hole.

use super::usf::{fill, locate};
use super::{Bench, Case, Expect, Family};
use sertel_core::pades::Appearance;

const F: Family = Family::SignatureWrapping;

/// The length of the DER value at the start of `der` (tag, length and content).
fn der_len(der: &[u8]) -> usize {
    match der[1] {
        n if n < 0x80 => 2 + n as usize,
        0x81 => 3 + der[2] as usize,
        0x82 => 4 + u16::from_be_bytes([der[2], der[3]]) as usize,
        0x83 => 5 + ((der[2] as usize) << 16 | (der[3] as usize) << 8 | der[4] as usize),
        other => panic!("DER length form {other:#x}"),
    }
}

/// The hex text of the CMS in the hole `<…>`, without its zero padding.
fn cms_hex(hole: &[u8]) -> String {
    let inner = &hole[1..hole.len() - 1];
    let header: Vec<u8> = (0..5)
        .map(|i| {
            let pair = std::str::from_utf8(&inner[2 * i..2 * i + 2]).expect("hex");
            u8::from_str_radix(pair, 16).expect("hex")
        })
        .collect();
    let len = der_len(&header);
    String::from_utf8(inner[..2 * len].to_vec()).expect("hex")
}

/// The signature wrapping cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    let signed = b.signed("swa");
    let bytes = std::fs::read(&signed).expect("read");
    let at = locate(&bytes);
    let cms = cms_hex(&bytes[at.contents.clone()]);

    let payload = b.rewrite(&signed, "swa-payload-in-hole.pdf", |bytes| {
        let room = at.contents.len() - cms.len() - 2 - " /Wrapped ()".len();
        let text = format!("<{cms}> /Wrapped ({})", "x".repeat(room));
        fill(bytes, at.contents.clone(), &text);
    });
    out.push(b.case(
        "swa-payload-in-hole",
        F,
        payload,
        Expect::Fails(&["byte_range_not_contents"]),
    ));

    let second = b.rewrite(&signed, "swa-second-contents.pdf", |bytes| {
        let room = at.contents.len() - cms.len() - 2 - " /Contents <>".len();
        let text = format!("<{cms}> /Contents <{}>", "0".repeat(room - room % 2));
        fill(bytes, at.contents.clone(), &text);
    });
    out.push(b.case(
        "swa-second-contents",
        F,
        second,
        Expect::Fails(&["byte_range_not_contents", "unreadable"]),
    ));

    let moved = b.rewrite(&signed, "swa-range-moved.pdf", |bytes| {
        let [_, a, s2, c] = at.ranges;
        let inserted = b"\n99 0 obj\n(Nominal Rp 900.000.000)\nendobj\n<ff>";
        let mut whole = bytes[..s2 as usize].to_vec();
        whole.extend_from_slice(inserted);
        whole.extend_from_slice(&bytes[s2 as usize..]);
        let moved_to = s2 + inserted.len() as u64;
        fill(
            &mut whole,
            at.byte_range.clone(),
            &format!("0 {a} {moved_to} {c}"),
        );
        *bytes = whole;
    });
    out.push(b.case(
        "swa-range-moved",
        F,
        moved,
        Expect::Fails(&["byte_range_not_contents", "digest_mismatch", "unreadable"]),
    ));

    let twin = b.sign(&signed, "swa-countersigned.pdf", Appearance::Invisible);
    out.push(b.case("swa-countersigned", F, twin, Expect::Valid));
    out
}
