//! The signed attributes of a CMS signer exactly as they were encoded.
//!
//! The signature covers the encoding the signer produced (with the `[0] IMPLICIT` tag read as
//! `SET OF`). Decoding and re-encoding is not the same thing: the decoder sorts a `SET OF` that
//! arrived unsorted, and a signer that wrote its attributes in another order would then fail to
//! verify although nothing was forged. This module walks the DER to the first signer's
//! attributes and returns their bytes.

/// One tag-length-value: its tag byte, the offset of its value, and the value's length.
struct Tlv {
    tag: u8,
    value_start: usize,
    value_len: usize,
}

impl Tlv {
    fn end(&self) -> usize {
        self.value_start + self.value_len
    }
}

/// Reads the TLV at `at` in `buf`: single-byte tags and definite lengths of up to four bytes
/// only (anything else is not DER that Sertel reads, and `None` sends the caller back to the
/// decoded form).
fn tlv(buf: &[u8], at: usize) -> Option<Tlv> {
    let tag = *buf.get(at)?;
    if tag & 0x1f == 0x1f {
        return None;
    }
    let first = *buf.get(at + 1)?;
    let (value_len, header) = if first < 0x80 {
        (usize::from(first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let bytes = buf.get(at + 2..at + 2 + n)?;
        let len = bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, 2 + n)
    };
    let value_start = at + header;
    if value_start.checked_add(value_len)? > buf.len() {
        return None;
    }
    Some(Tlv {
        tag,
        value_start,
        value_len,
    })
}

/// The children of the constructed value of `parent`, in order.
fn children(buf: &[u8], parent: &Tlv) -> Option<Vec<(usize, Tlv)>> {
    let mut out = Vec::new();
    let mut at = parent.value_start;
    while at < parent.end() {
        let t = tlv(buf, at)?;
        if t.end() > parent.end() {
            return None;
        }
        let next = t.end();
        out.push((at, t));
        at = next;
    }
    Some(out)
}

/// The first signer's signed attributes in `content_info` (a DER `ContentInfo` holding
/// `SignedData`), retagged as `SET OF`; `None` if there are none or the walk fails.
pub fn raw_signed_attrs(content_info: &[u8]) -> Option<Vec<u8>> {
    const SEQUENCE: u8 = 0x30;
    const SET: u8 = 0x31;
    const CONTEXT_0: u8 = 0xa0;
    let ci = tlv(content_info, 0)?;
    if ci.tag != SEQUENCE {
        return None;
    }
    let explicit = children(content_info, &ci)?.into_iter().nth(1)?.1;
    if explicit.tag != CONTEXT_0 {
        return None;
    }
    let signed_data = children(content_info, &explicit)?.into_iter().next()?.1;
    if signed_data.tag != SEQUENCE {
        return None;
    }
    // version, digestAlgorithms, encapContentInfo, [0] certificates?, [1] crls?, signerInfos
    let signer_infos = children(content_info, &signed_data)?.into_iter().last()?.1;
    if signer_infos.tag != SET {
        return None;
    }
    let signer_info = children(content_info, &signer_infos)?.into_iter().next()?.1;
    if signer_info.tag != SEQUENCE {
        return None;
    }
    // version, sid, digestAlgorithm, [0] IMPLICIT signedAttrs?, ...
    let (start, attrs) = children(content_info, &signer_info)?.into_iter().nth(3)?;
    if attrs.tag != CONTEXT_0 {
        return None;
    }
    let mut raw = content_info.get(start..attrs.end())?.to_vec();
    raw[0] = SET;
    Some(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_lengths_are_refused_not_followed() {
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x85, 1, 1, 1, 1, 1],
            &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
            &[0x30, 0x80, 0x00, 0x00],
            &[0x30, 0x03, 0x02, 0x05, 0x00],
            &[0x1f, 0x01, 0x00],
        ] {
            assert_eq!(raw_signed_attrs(bad), None, "{bad:?}");
        }
    }
}
