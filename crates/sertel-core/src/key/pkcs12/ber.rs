//! BER to DER, for PKCS#12 files written by NSS (Firefox, Thunderbird `pk12util`), Java and
//! Windows, which use indefinite lengths and constructed OCTET STRINGs.
//!
//! The conversion joins constructed OCTET STRINGs into one primitive OCTET STRING, rewrites
//! lengths in minimal definite form, and leaves the *contents* of OCTET STRINGs untouched: they
//! are converted in their turn when parsed, and the MAC is computed over them as received. The
//! one IMPLICIT OCTET STRING in PKCS#12, `EncryptedContentInfo.encryptedContent [0]`, is
//! recognised by its place (third element after an OID and an AlgorithmIdentifier). DER input
//! comes out unchanged. Elements of SET OF are not re-sorted.

use super::Pkcs12Error;

const MAX_DEPTH: usize = 48;

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, Pkcs12Error> {
        let b = *self.data.get(self.pos).ok_or(Pkcs12Error::Truncated)?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Pkcs12Error> {
        let end = self.pos.checked_add(n).ok_or(Pkcs12Error::Truncated)?;
        let s = self.data.get(self.pos..end).ok_or(Pkcs12Error::Truncated)?;
        self.pos = end;
        Ok(s)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.data.len()
    }

    fn at_eoc(&self) -> bool {
        self.data.get(self.pos..self.pos + 2) == Some(&[0, 0])
    }

    /// Identifier octets (as a slice) and whether the element is constructed.
    fn tag(&mut self) -> Result<(&'a [u8], bool), Pkcs12Error> {
        let start = self.pos;
        let first = self.byte()?;
        if first & 0x1f == 0x1f {
            while self.byte()? & 0x80 != 0 {}
        }
        Ok((&self.data[start..self.pos], first & 0x20 != 0))
    }

    /// The length, `None` for the indefinite form.
    fn length(&mut self) -> Result<Option<usize>, Pkcs12Error> {
        let first = self.byte()?;
        if first < 0x80 {
            return Ok(Some(usize::from(first)));
        }
        if first == 0x80 {
            return Ok(None);
        }
        let n = usize::from(first & 0x7f);
        if n > 4 {
            return Err(Pkcs12Error::Malformed("length too large".into()));
        }
        let mut len = 0usize;
        for _ in 0..n {
            len = (len << 8) | usize::from(self.byte()?);
        }
        Ok(Some(len))
    }
}

fn push_len(out: &mut Vec<u8>, len: usize) {
    if len < 0x80 {
        out.push(len as u8);
        return;
    }
    let bytes = len.to_be_bytes();
    let skip = bytes.iter().take_while(|b| **b == 0).count();
    out.push(0x80 | (bytes.len() - skip) as u8);
    out.extend_from_slice(&bytes[skip..]);
}

/// Runs `each` on every child of a constructed element whose length is `len`.
fn children<'a>(
    r: &mut Reader<'a>,
    len: Option<usize>,
    mut each: impl FnMut(&mut Reader<'a>) -> Result<(), Pkcs12Error>,
) -> Result<(), Pkcs12Error> {
    match len {
        Some(n) => {
            let mut sub = Reader {
                data: r.take(n)?,
                pos: 0,
            };
            while !sub.at_end() {
                each(&mut sub)?;
            }
        }
        None => loop {
            if r.at_eoc() {
                r.pos += 2;
                break;
            }
            if r.at_end() {
                return Err(Pkcs12Error::Truncated);
            }
            each(r)?;
        },
    }
    Ok(())
}

/// Appends the octets of an OCTET STRING's content (primitive, or constructed of chunks).
fn octets(r: &mut Reader<'_>, out: &mut Vec<u8>, depth: usize) -> Result<(), Pkcs12Error> {
    if depth > MAX_DEPTH {
        return Err(Pkcs12Error::Malformed("nested too deeply".into()));
    }
    let len = r.length()?;
    children(r, len, |sub| {
        let (tag, constructed) = sub.tag()?;
        match (tag, constructed) {
            ([0x04], false) => {
                let len = sub
                    .length()?
                    .ok_or(Pkcs12Error::Malformed("indefinite primitive".into()))?;
                out.extend_from_slice(sub.take(len)?);
                Ok(())
            }
            ([0x24], true) => octets(sub, out, depth + 1),
            _ => Err(Pkcs12Error::Malformed("bad OCTET STRING chunk".into())),
        }
    })
}

fn element(
    r: &mut Reader<'_>,
    out: &mut Vec<u8>,
    depth: usize,
    implicit_octets: bool,
) -> Result<(), Pkcs12Error> {
    if depth > MAX_DEPTH {
        return Err(Pkcs12Error::Malformed("nested too deeply".into()));
    }
    let (tag, constructed) = r.tag()?;
    if !constructed {
        let len = r
            .length()?
            .ok_or(Pkcs12Error::Malformed("indefinite primitive".into()))?;
        let content = r.take(len)?;
        out.extend_from_slice(tag);
        push_len(out, len);
        out.extend_from_slice(content);
        return Ok(());
    }
    if tag == [0x24] || implicit_octets {
        let mut body = Vec::new();
        octets(r, &mut body, depth + 1)?;
        out.push(if implicit_octets {
            tag[0] & !0x20
        } else {
            0x04
        });
        push_len(out, body.len());
        out.extend_from_slice(&body);
        return Ok(());
    }
    let len = r.length()?;
    let mut body = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    children(r, len, |sub| {
        let next = sub.data.get(sub.pos).copied().unwrap_or(0);
        // EncryptedContentInfo: OID, AlgorithmIdentifier, [0] IMPLICIT OCTET STRING.
        let implicit = next == 0xa0 && kinds == [0x06, 0x30] && tag == [0x30];
        kinds.push(next);
        element(sub, &mut body, depth + 1, implicit)
    })?;
    out.extend_from_slice(tag);
    push_len(out, body.len());
    out.extend_from_slice(&body);
    Ok(())
}

/// Converts one BER element (the whole input) to DER.
pub(crate) fn to_der(input: &[u8]) -> Result<Vec<u8>, Pkcs12Error> {
    let mut r = Reader {
        data: input,
        pos: 0,
    };
    let mut out = Vec::with_capacity(input.len());
    element(&mut r, &mut out, 0, false)?;
    if !r.at_end() {
        return Err(Pkcs12Error::Malformed("trailing data".into()));
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn der_is_unchanged_and_ber_is_normalised() {
        let der = [0x30, 0x06, 0x04, 0x01, 0xaa, 0x02, 0x01, 0x05];
        assert_eq!(to_der(&der).unwrap(), der);
        // Indefinite SEQUENCE holding a constructed OCTET STRING in two chunks.
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x01, 0xaa, 0x04, 0x01, 0xbb, 0x00, 0x00, 0x00, 0x00,
        ];
        assert_eq!(to_der(&ber).unwrap(), [0x30, 0x04, 0x04, 0x02, 0xaa, 0xbb]);
        // Non-minimal length.
        assert_eq!(
            to_der(&[0x04, 0x81, 0x01, 0x07]).unwrap(),
            [0x04, 0x01, 0x07]
        );
        // EncryptedContentInfo with a constructed [0] IMPLICIT OCTET STRING.
        let eci = [
            0x30, 0x80, 0x06, 0x01, 0x2a, 0x30, 0x00, 0xa0, 0x80, 0x04, 0x01, 0x11, 0x04, 0x01,
            0x22, 0x00, 0x00, 0x00, 0x00,
        ];
        assert_eq!(
            to_der(&eci).unwrap(),
            [0x30, 0x09, 0x06, 0x01, 0x2a, 0x30, 0x00, 0x80, 0x02, 0x11, 0x22]
        );
        assert!(matches!(
            to_der(&[0x30, 0x80, 0x04, 0x01]),
            Err(Pkcs12Error::Truncated)
        ));
    }
}
