//! Treats the input as a later revision of a signed letter: the letter (a page with a text, a
//! form with a text field and a check box, a comment, signed once, certified at level 2 or
//! approval-signed, chosen by the first byte) is made once per process; the input is appended
//! as the body of an incremental update with a correct cross-reference table chained to the
//! signed one (every `N G obj` header it holds, redefinitions of the letter's objects
//! included), and the file is verified whole. This drives the change analysis — roles, form
//! filling, annotations, appearances, hidden objects, locks — with hostile revisions: it must
//! never panic or hang, and a revision that redefines the page's content must never pass.
#![no_main]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use sertel_core::key::{KeyAlgorithm, LocalKey};
use sertel_core::pades::{sign_file, Certification, SignOptions};
use sertel_core::signer::Signer;
use sertel_core::verify::{verify_file, Check};
use sertel_core::x509::extensions as ext;
use sertel_core::x509::{build_name, issue, random_serial, CertificateTemplate, NameAttribute};

/// The unsigned letter: catalog 1, pages 2, page 3, content 4, font 5, form 6, text field 7,
/// check box 8 with appearances 9 and 10, a sticky note 11.
const LETTER: &str = "%PDF-1.7
1 0 obj << /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [7 0 R 8 0 R 11 0 R] >> endobj
4 0 obj << /Length 42 >> stream
BT /F1 12 Tf 72 770 Td (Surat Dinas) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
6 0 obj << /Fields [7 0 R 8 0 R] /DA (/Helv 0 Tf 0 g) >> endobj
7 0 obj << /Type /Annot /Subtype /Widget /FT /Tx /T (nomor) /Rect [72 700 272 720] /P 3 0 R >> endobj
8 0 obj << /Type /Annot /Subtype /Widget /FT /Btn /T (setuju) /Rect [72 650 92 670] /P 3 0 R /AS /Off /AP << /N << /Yes 9 0 R /Off 10 0 R >> >> >> endobj
9 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 20 20] /Length 8 >> stream
0 0 m S
endstream endobj
10 0 obj << /Type /XObject /Subtype /Form /BBox [0 0 20 20] /Length 0 >> stream

endstream endobj
11 0 obj << /Type /Annot /Subtype /Text /Rect [300 700 320 720] /Contents (catatan) /P 3 0 R >> endobj
";

/// The letter with a classic cross-reference table.
fn letter() -> Vec<u8> {
    let mut pdf = LETTER.as_bytes().to_vec();
    let mut offsets = Vec::new();
    for n in 1..=11 {
        let header = format!("\n{n} 0 obj");
        let at = LETTER.find(&header).expect("object") + 1;
        offsets.push(at);
    }
    let xref = pdf.len();
    let mut t = String::from("xref\n0 12\n0000000000 65535 f\r\n");
    for off in offsets {
        t.push_str(&format!("{off:010} 00000 n\r\n"));
    }
    t.push_str(&format!(
        "trailer\n<< /Size 12 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ));
    pdf.extend_from_slice(t.as_bytes());
    pdf
}

/// The two signed letters (approval, certified at level 2) and the signed revision's
/// `startxref` offset and size.
struct Signed {
    files: [(Vec<u8>, u64); 2],
    dir: PathBuf,
}

fn startxref(pdf: &[u8]) -> u64 {
    let tail = String::from_utf8_lossy(&pdf[pdf.len().saturating_sub(64)..]).into_owned();
    tail.split("startxref")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .expect("startxref")
}

fn signed() -> &'static Signed {
    static SIGNED: OnceLock<Signed> = OnceLock::new();
    SIGNED.get_or_init(|| {
        let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
        let name = build_name(&[(NameAttribute::CommonName, "Fuzz")]).expect("name");
        let cert = issue(
            &CertificateTemplate {
                serial: random_serial().expect("serial"),
                issuer: name.clone(),
                subject: name,
                not_before: time::macros::datetime!(2025-01-01 00:00:00 UTC),
                not_after: time::macros::datetime!(2045-01-01 00:00:00 UTC),
                subject_public_key: key.public_key().clone(),
                extensions: vec![ext::key_usage(&[
                    ext::KeyUsages::DigitalSignature,
                    ext::KeyUsages::NonRepudiation,
                ])
                .expect("ku")],
            },
            &key,
        )
        .expect("certificate");
        let dir = std::env::temp_dir().join(format!("sertel-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let input = dir.join("surat.pdf");
        std::fs::write(&input, letter()).expect("write");
        let sign = |certification, name: &str| {
            let out = dir.join(name);
            let opts = SignOptions {
                certification,
                overwrite: true,
                ..SignOptions::default()
            };
            sign_file(&input, &out, &key, &cert, &[], &opts).expect("sign");
            let bytes = std::fs::read(&out).expect("read");
            let xref = startxref(&bytes);
            (bytes, xref)
        };
        Signed {
            files: [
                sign(None, "approval.pdf"),
                sign(Some(Certification::FormFilling), "certified.pdf"),
            ],
            dir,
        }
    })
}

/// Offsets of `N G obj` headers (at the start of the data or after an end-of-line).
fn headers(data: &[u8]) -> BTreeMap<u32, (usize, u16)> {
    let mut out = BTreeMap::new();
    for i in 0..data.len() {
        if i != 0 && data[i - 1] != b'\n' && data[i - 1] != b'\r' {
            continue;
        }
        let rest = &data[i..data.len().min(i + 24)];
        let text = String::from_utf8_lossy(rest);
        let mut parts = text.split(' ');
        if let (Some(n), Some(g), Some(kw)) = (parts.next(), parts.next(), parts.next()) {
            if kw.starts_with("obj") {
                if let (Ok(n), Ok(g)) = (n.parse::<u32>(), g.parse::<u16>()) {
                    if n > 0 && n < 1_000 {
                        out.entry(n).or_insert((i, g));
                    }
                }
            }
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, body)) = data.split_first() else {
        return;
    };
    let s = signed();
    let (base, prev) = &s.files[usize::from(mode % 2)];
    let mut pdf = base.clone();
    pdf.push(b'\n');
    let start = pdf.len();
    pdf.extend_from_slice(body);
    pdf.push(b'\n');
    let objs = headers(body);
    if objs.is_empty() {
        return;
    }
    let size = objs.keys().next_back().map_or(1, |n| n + 1).max(40);
    let at = pdf.len();
    let mut t = String::from("xref\n");
    for (n, (off, g)) in &objs {
        t.push_str(&format!("{n} 1\n{:010} {g:05} n\r\n", start + off));
    }
    t.push_str(&format!(
        "trailer\n<< /Size {size} /Root 1 0 R /Prev {prev} >>\nstartxref\n{at}\n%%EOF\n"
    ));
    pdf.extend_from_slice(t.as_bytes());
    let path = s.dir.join(format!("case-{}.pdf", std::process::id()));
    if std::fs::write(&path, &pdf).is_err() {
        return;
    }
    let Ok(report) = verify_file(&path) else {
        return;
    };
    // Redefining the page's content stream is never a permitted change.
    let redefines_content = objs.contains_key(&4);
    if let Some(first) = report.signatures.first() {
        if redefines_content && !first.covers_whole_file {
            assert_ne!(
                first.modifications,
                Check::Passed,
                "a redefined content stream passed the change analysis"
            );
        }
    }
});
