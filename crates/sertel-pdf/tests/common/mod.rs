//! Building small PDFs byte by byte for tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Write;

use sertel_pdf::{Document, ObjRef, Object, PdfError, StreamData};

/// An xref entry recorded by the builder.
#[derive(Debug, Clone, Copy)]
pub enum Entry {
    /// At an offset with a generation.
    InFile(u64, u16),
    /// In object stream `stream` at `index`.
    Compressed(u32, u32),
    /// Free.
    Free(u32, u16),
}

/// Appends objects and cross-reference sections to a byte buffer, remembering offsets.
pub struct Builder {
    pub buf: Vec<u8>,
    pub entries: BTreeMap<u32, Entry>,
    /// Offset of the last xref section written.
    pub last_xref: Option<u64>,
}

pub fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).expect("in-memory write");
    e.finish().expect("in-memory write")
}

impl Builder {
    pub fn new() -> Self {
        Builder {
            buf: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(),
            entries: BTreeMap::new(),
            last_xref: None,
        }
    }

    pub fn pos(&self) -> u64 {
        self.buf.len() as u64
    }

    pub fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(bytes);
        self
    }

    /// `num gen obj\n<body>\nendobj\n`.
    pub fn obj(&mut self, num: u32, gen: u16, body: &str) -> &mut Self {
        self.obj_bytes(num, gen, body.as_bytes())
    }

    pub fn obj_bytes(&mut self, num: u32, gen: u16, body: &[u8]) -> &mut Self {
        self.entries.insert(num, Entry::InFile(self.pos(), gen));
        self.buf
            .extend_from_slice(format!("{num} {gen} obj\n").as_bytes());
        self.buf.extend_from_slice(body);
        self.buf.extend_from_slice(b"\nendobj\n");
        self
    }

    /// A stream object with `/Length` set (direct) and extra dictionary entries.
    pub fn stream(&mut self, num: u32, extra: &str, data: &[u8]) -> &mut Self {
        let mut body = format!("<< /Length {} {extra} >>\nstream\n", data.len()).into_bytes();
        body.extend_from_slice(data);
        body.extend_from_slice(b"\nendstream");
        self.obj_bytes(num, 0, &body)
    }

    /// An object stream holding `objects` (number, text), Flate-compressed.
    pub fn objstm(&mut self, num: u32, objects: &[(u32, &str)]) -> &mut Self {
        let mut header = String::new();
        let mut body = String::new();
        for (i, (n, text)) in objects.iter().enumerate() {
            header.push_str(&format!("{n} {} ", body.len()));
            body.push_str(text);
            body.push('\n');
            self.entries.insert(*n, Entry::Compressed(num, i as u32));
        }
        let first = header.len();
        let data = zlib(format!("{header}{body}").as_bytes());
        self.stream(
            num,
            &format!(
                "/Type /ObjStm /N {} /First {first} /Filter /FlateDecode",
                objects.len()
            ),
            &data,
        )
    }

    fn size(&self) -> u32 {
        self.entries.keys().next_back().map_or(1, |n| n + 1)
    }

    /// A classic table listing every recorded entry (object 0 free), then the trailer
    /// (with /Size) and `startxref`/`%%EOF`.
    pub fn xref_table(&mut self, trailer_extra: &str) -> u64 {
        let at = self.pos();
        let size = self.size();
        let mut s = format!("xref\n0 {size}\n0000000000 65535 f\r\n");
        for n in 1..size {
            let line = match self.entries.get(&n) {
                Some(Entry::InFile(o, g)) => format!("{o:010} {g:05} n\r\n"),
                Some(Entry::Free(next, g)) => format!("{next:010} {g:05} f\r\n"),
                _ => "0000000000 00000 f\r\n".to_string(),
            };
            s.push_str(&line);
        }
        let prev = self
            .last_xref
            .map(|p| format!(" /Prev {p}"))
            .unwrap_or_default();
        s.push_str(&format!(
            "trailer\n<< /Size {size}{prev} {trailer_extra} >>\nstartxref\n{at}\n%%EOF\n"
        ));
        self.buf.extend_from_slice(s.as_bytes());
        self.last_xref = Some(at);
        at
    }

    /// Writes only an update table for the given numbers (which must be recorded).
    pub fn update_table(&mut self, nums: &[u32], trailer_extra: &str) -> u64 {
        let at = self.pos();
        let size = self.size();
        let mut s = "xref\n".to_string();
        for &n in nums {
            let line = match self.entries.get(&n) {
                Some(Entry::InFile(o, g)) => format!("{o:010} {g:05} n\r\n"),
                Some(Entry::Free(next, g)) => format!("{next:010} {g:05} f\r\n"),
                _ => panic!("not recorded"),
            };
            s.push_str(&format!("{n} 1\n{line}"));
        }
        let prev = self
            .last_xref
            .map(|p| format!(" /Prev {p}"))
            .unwrap_or_default();
        s.push_str(&format!(
            "trailer\n<< /Size {size}{prev} {trailer_extra} >>\nstartxref\n{at}\n%%EOF\n"
        ));
        self.buf.extend_from_slice(s.as_bytes());
        self.last_xref = Some(at);
        at
    }

    /// A cross-reference stream object `num` listing every recorded entry and itself, with
    /// /W [1 4 2], Flate and PNG Up predictor when `predictor`, then `startxref`/`%%EOF`.
    pub fn xref_stream(&mut self, num: u32, trailer_extra: &str, predictor: bool) -> u64 {
        let at = self.pos();
        self.entries.insert(num, Entry::InFile(at, 0));
        let size = self.size();
        let mut rows: Vec<[u8; 7]> = Vec::new();
        for n in 0..size {
            let (t, f2, f3): (u8, u32, u16) = match self.entries.get(&n) {
                None if n == 0 => (0, 0, 65535),
                None => (0, 0, 0),
                Some(Entry::InFile(o, g)) => (1, *o as u32, *g),
                Some(Entry::Compressed(s, i)) => (2, *s, *i as u16),
                Some(Entry::Free(next, g)) => (0, *next, *g),
            };
            let mut r = [0u8; 7];
            r[0] = t;
            r[1..5].copy_from_slice(&f2.to_be_bytes());
            r[5..7].copy_from_slice(&f3.to_be_bytes());
            rows.push(r);
        }
        let mut raw = Vec::new();
        let mut prev_row = [0u8; 7];
        for r in &rows {
            if predictor {
                raw.push(2);
                for i in 0..7 {
                    raw.push(r[i].wrapping_sub(prev_row[i]));
                }
                prev_row = *r;
            } else {
                raw.extend_from_slice(r);
            }
        }
        let parms = if predictor {
            "/DecodeParms << /Predictor 12 /Columns 7 >>"
        } else {
            ""
        };
        let prev = self
            .last_xref
            .map(|p| format!(" /Prev {p}"))
            .unwrap_or_default();
        let data = zlib(&raw);
        let mut body = format!(
            "{num} 0 obj\n<< /Type /XRef /Size {size} /W [1 4 2] /Filter /FlateDecode {parms}{prev} /Length {} {trailer_extra} >>\nstream\n",
            data.len()
        )
        .into_bytes();
        body.extend_from_slice(&data);
        body.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{at}\n%%EOF\n").as_bytes());
        self.buf.extend_from_slice(&body);
        self.last_xref = Some(at);
        at
    }

    pub fn finish(&self) -> Vec<u8> {
        self.buf.clone()
    }
}

/// A two-page document: catalog 1, pages 2, page 3 and 4 (4 with its own MediaBox),
/// content stream 5 (Flate), info 6.
pub fn simple_objects(b: &mut Builder) {
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(
        2,
        0,
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 612 792] /Resources << >> >>",
    );
    b.obj(3, 0, "<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>");
    b.obj(
        4,
        0,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 200] /Rotate 90 >>",
    );
    let content = zlib(b"BT /F1 12 Tf (Hello) Tj ET");
    b.stream(5, "/Filter /FlateDecode", &content);
    b.obj(6, 0, "<< /Producer (sertel tests) >>");
}

/// The simple document with a classic table.
pub fn simple_table_pdf() -> Vec<u8> {
    let mut b = Builder::new();
    simple_objects(&mut b);
    b.xref_table("/Root 1 0 R /Info 6 0 R /ID [<0102030405060708090a0b0c0d0e0f10> <0102030405060708090a0b0c0d0e0f10>]");
    b.finish()
}

/// The simple document with a cross-reference stream (object 7).
pub fn simple_stream_pdf() -> Vec<u8> {
    let mut b = Builder::new();
    simple_objects(&mut b);
    b.xref_stream(7, "/Root 1 0 R /Info 6 0 R", true);
    b.finish()
}

/// Path to qpdf; panics with a clear message if it is missing.
pub fn qpdf() -> &'static str {
    let path = "qpdf";
    match std::process::Command::new(path).arg("--version").output() {
        Ok(o) if o.status.success() => path,
        _ => panic!(
            "qpdf is required for this test but was not found on PATH (install the `qpdf` package)"
        ),
    }
}

/// Runs `qpdf --check` on bytes; returns (success, output).
pub fn qpdf_check(bytes: &[u8]) -> (bool, String) {
    let dir = tempdir();
    let path = dir.join("check.pdf");
    std::fs::write(&path, bytes).expect("write temp file");
    let out = std::process::Command::new(qpdf())
        .arg("--check")
        .arg(&path)
        .output()
        .expect("run qpdf");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    // Exit 0: fine; 3: warnings only. Treat warnings as failure too.
    (out.status.code() == Some(0), text)
}

/// A fresh temporary directory.
pub fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let d = std::env::temp_dir().join(format!(
        "sertel-pdf-test-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&d).expect("create temp dir");
    d
}

/// The pyHanko test corpus: `$SERTEL_PYHANKO_CORPUS` if set, else
/// `../../../shared/corpora/pyhanko/pdf` from this crate (the repository's checkout with
/// `shared/` beside it), else the same one directory further up (a worktree nested one level
/// deeper). Panics with a clear message if none exists: the corpus tests must not be skipped.
pub fn corpus_dir() -> std::path::PathBuf {
    if let Some(p) = std::env::var_os("SERTEL_PYHANKO_CORPUS") {
        return p.into();
    }
    let here = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = [
        here.join("../../../shared/corpora/pyhanko/pdf"),
        here.join("../../../../shared/corpora/pyhanko/pdf"),
    ];
    for c in &candidates {
        if c.is_dir() {
            return c.clone();
        }
    }
    panic!(
        "the pyHanko corpus was not found at {} (set SERTEL_PYHANKO_CORPUS to its folder)",
        candidates[0].display()
    );
}

/// Checks the document `simple_objects` builds.
pub fn check_simple(doc: &Document) -> Result<(), PdfError> {
    let (root, cat) = doc.catalog()?;
    assert_eq!(root, ObjRef::new(1, 0));
    assert_eq!(cat.get_ref(b"Pages"), Some(ObjRef::new(2, 0)));
    assert_eq!(doc.pages()?, vec![ObjRef::new(3, 0), ObjRef::new(4, 0)]);
    let mb = |p| doc.inherited(p, b"MediaBox");
    assert_eq!(
        mb(ObjRef::new(3, 0))?,
        Some(Object::Array(vec![
            0.into(),
            0.into(),
            612.into(),
            792.into()
        ]))
    );
    assert_eq!(
        mb(ObjRef::new(4, 0))?,
        Some(Object::Array(vec![
            0.into(),
            0.into(),
            100.into(),
            200.into()
        ]))
    );
    assert_eq!(
        doc.inherited(ObjRef::new(4, 0), b"Rotate")?,
        Some(Object::Integer(90))
    );
    assert_eq!(doc.inherited(ObjRef::new(3, 0), b"Rotate")?, None);
    assert!(doc.inherited(ObjRef::new(3, 0), b"Resources")?.is_some());
    let Object::Stream(s) = doc.get(ObjRef::new(5, 0))? else {
        panic!("object 5 is not a stream");
    };
    assert!(matches!(s.data, StreamData::InFile { .. }));
    assert_eq!(doc.stream_decoded(&s)?, b"BT /F1 12 Tf (Hello) Tj ET");
    assert_eq!(doc.stream_raw(&s)?, zlib(b"BT /F1 12 Tf (Hello) Tj ET"));
    let info = doc.resolve(&Object::Reference(ObjRef::new(6, 0)))?;
    assert_eq!(
        info.as_dict()
            .and_then(|d| d.get(b"Producer"))
            .and_then(Object::as_string)
            .map(|s| s.bytes.clone()),
        Some(b"sertel tests".to_vec())
    );
    assert!(!doc.is_encrypted());
    Ok(())
}
