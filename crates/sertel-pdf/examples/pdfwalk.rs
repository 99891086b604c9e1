//! Opens PDFs and walks their pages, objects and streams; prints a one-line summary each.
//!
//! `cargo run -p sertel-pdf --example pdfwalk -- FILE...`

use sertel_pdf::{Document, Limits, Object, PdfError};

fn walk(path: &str) -> Result<String, PdfError> {
    let file = std::fs::File::open(path)?;
    let doc = Document::open(file, Limits::default())?;
    let pages = doc
        .pages()
        .map(|p| p.len().to_string())
        .unwrap_or_else(|e| format!("ERR({e})"));
    let (mut ok, mut bad, mut streams, mut undecodable) = (0, 0, 0, 0);
    let mut first_err = String::new();
    for r in doc.objects() {
        match doc.get(r) {
            Ok(Object::Stream(s)) => {
                ok += 1;
                streams += 1;
                if let Err(e) = doc.stream_decoded(&s) {
                    undecodable += 1;
                    if first_err.is_empty() {
                        first_err = format!("stream {r}: {e}");
                    }
                }
            }
            Ok(_) => ok += 1,
            Err(e) => {
                bad += 1;
                if first_err.is_empty() {
                    first_err = format!("{r}: {e}");
                }
            }
        }
    }
    Ok(format!(
        "revs={} kinds={:?} pages={pages} objects ok={ok} bad={bad} streams={streams} undecodable={undecodable} enc={} {first_err}",
        doc.revisions().len(),
        doc.revisions().iter().map(|r| r.kind).collect::<Vec<_>>(),
        doc.is_encrypted()
    ))
}

fn main() {
    for path in std::env::args().skip(1) {
        match walk(&path) {
            Ok(s) => println!("OK   {path}: {s}"),
            Err(e) => println!("FAIL {path}: {e}"),
        }
    }
}
