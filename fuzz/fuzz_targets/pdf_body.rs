//! Treats the input as the body of a PDF: finds every `N G obj` header in it, appends a
//! correct cross-reference table (or stream, chosen by the first byte) pointing at them and a
//! trailer with `/Root 1 0 R`, then walks the document like `pdf_reader`. This gets mutated
//! objects past the cross-reference barrier, so object parsing, streams, object streams,
//! predictors and the page tree are fuzzed directly.
#![no_main]

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;
use sertel_pdf::{Document, Limits, Object};

/// Offsets of `N G obj` headers (at the start of the data or after an end-of-line).
fn headers(data: &[u8]) -> BTreeMap<u32, (usize, u16)> {
    let mut out = BTreeMap::new();
    let mut i = 0;
    while i < data.len() {
        if i == 0 || data[i - 1] == b'\n' || data[i - 1] == b'\r' {
            let rest = &data[i..data.len().min(i + 24)];
            let text = String::from_utf8_lossy(rest);
            let mut parts = text.split(' ');
            if let (Some(n), Some(g), Some(kw)) = (parts.next(), parts.next(), parts.next()) {
                if kw.starts_with("obj") {
                    if let (Ok(n), Ok(g)) = (n.parse::<u32>(), g.parse::<u16>()) {
                        if n > 0 && n < 10_000 {
                            out.entry(n).or_insert((i, g));
                        }
                    }
                }
            }
        }
        i += 1;
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let base = pdf.len();
    pdf.extend_from_slice(body);
    pdf.push(b'\n');
    let objs = headers(body);
    let size = objs.keys().next_back().map_or(1, |n| n + 1);
    let at = pdf.len();
    if mode % 2 == 0 {
        let mut t = format!("xref\n0 {size}\n0000000000 65535 f\r\n");
        for n in 1..size {
            match objs.get(&n) {
                Some((off, g)) => t.push_str(&format!("{:010} {g:05} n\r\n", base + off)),
                None => t.push_str("0000000000 00000 f\r\n"),
            }
        }
        t.push_str(&format!(
            "trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{at}\n%%EOF\n"
        ));
        pdf.extend_from_slice(t.as_bytes());
    } else {
        let mut rows = Vec::new();
        for n in 0..=size {
            let (t, f2, f3) = match objs.get(&n) {
                Some((off, g)) => (1u8, (base + off) as u32, *g),
                None if n == size => (1u8, at as u32, 0),
                None => (0u8, 0u32, if n == 0 { 65535 } else { 0 }),
            };
            rows.push(t);
            rows.extend_from_slice(&f2.to_be_bytes());
            rows.extend_from_slice(&f3.to_be_bytes());
        }
        pdf.extend_from_slice(
            format!(
                "{size} 0 obj\n<< /Type /XRef /Size {} /W [1 4 2] /Root 1 0 R /Length {} >>\nstream\n",
                size + 1,
                rows.len()
            )
            .as_bytes(),
        );
        pdf.extend_from_slice(&rows);
        pdf.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
    }
    let Ok(doc) = Document::open(pdf, Limits::strict()) else {
        return;
    };
    if let Ok(pages) = doc.pages() {
        for p in pages {
            let _ = doc.inherited(p, b"MediaBox");
            let _ = doc.inherited(p, b"Resources");
        }
    }
    for r in doc.objects() {
        match doc.get(r) {
            Ok(Object::Stream(s)) => {
                let _ = doc.stream_decoded(&s);
            }
            Ok(o) => {
                let _ = doc.resolve(&o);
            }
            Err(_) => {}
        }
    }
});
