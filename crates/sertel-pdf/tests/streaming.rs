//! The reader never reads a whole file: a 1 GiB document (sparse on disk) is opened, its
//! pages listed, its big stream located and an update prepared while reading only a few
//! kilobytes.

mod common;

use std::io::{Seek, SeekFrom, Write};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use sertel_pdf::{
    Document, IncrementalUpdate, Limits, ObjRef, Object, PdfError, Source, StreamData,
};

/// Counts the bytes read through it.
struct Counting<S> {
    inner: S,
    read: Arc<AtomicU64>,
}

impl<S: Source> Source for Counting<S> {
    fn len(&self) -> u64 {
        self.inner.len()
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read_at(offset, buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[test]
fn one_gibibyte_document_is_read_sparingly() -> Result<(), PdfError> {
    const BIG: u64 = 1 << 30;
    let dir = common::tempdir();
    let path = dir.join("big.pdf");
    let mut f = std::fs::File::create(&path)?;
    let mut offsets = Vec::new();
    let mut pos = 0u64;
    let put = |f: &mut std::fs::File, pos: &mut u64, bytes: &[u8]| -> std::io::Result<()> {
        f.write_all(bytes)?;
        *pos += bytes.len() as u64;
        Ok(())
    };
    put(&mut f, &mut pos, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")?;
    for body in [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    ] {
        offsets.push(pos);
        let n = offsets.len();
        put(
            &mut f,
            &mut pos,
            format!("{n} 0 obj\n{body}\nendobj\n").as_bytes(),
        )?;
    }
    offsets.push(pos);
    put(
        &mut f,
        &mut pos,
        format!("4 0 obj\n<< /Length {BIG} >>\nstream\n").as_bytes(),
    )?;
    // The stream data is a hole in the file: nothing is written or stored for it.
    let data_at = pos;
    f.seek(SeekFrom::Current(BIG as i64))?;
    pos += BIG;
    put(&mut f, &mut pos, b"\nendstream\nendobj\n")?;
    let xref_at = pos;
    let mut x = String::from("xref\n0 5\n0000000000 65535 f\r\n");
    for o in &offsets {
        x.push_str(&format!("{o:010} 00000 n\r\n"));
    }
    x.push_str(&format!(
        "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n"
    ));
    put(&mut f, &mut pos, x.as_bytes())?;
    drop(f);

    let read = Arc::new(AtomicU64::new(0));
    let src = Counting {
        inner: std::fs::File::open(&path)?,
        read: read.clone(),
    };
    let doc = Document::open(src, Limits::default())?;
    assert_eq!(doc.len(), pos);
    assert_eq!(doc.pages()?, vec![ObjRef::new(3, 0)]);
    let Object::Stream(s) = doc.get(ObjRef::new(4, 0))? else {
        panic!("not a stream")
    };
    assert_eq!(
        s.data,
        StreamData::InFile {
            offset: data_at,
            len: BIG
        }
    );
    // Reading it whole is refused by the default limits rather than attempted.
    assert!(doc.stream_raw(&s).is_err());
    let mut up = IncrementalUpdate::new(&doc)?;
    let (root, mut catalog) = doc.catalog()?;
    let n = up.allocate();
    catalog.set(b"Extra", Object::Reference(n));
    up.put(root, Object::Dictionary(catalog));
    up.put(n, Object::Integer(1));
    let w = up.finish()?;
    let total = read.load(Ordering::Relaxed);
    assert!(total < 64 << 10, "read {total} bytes of a {pos}-byte file");

    // Append and reopen.
    let mut f = std::fs::OpenOptions::new().append(true).open(&path)?;
    f.write_all(&w.bytes)?;
    drop(f);
    let doc = Document::open(std::fs::File::open(&path)?, Limits::default())?;
    assert_eq!(doc.revisions().len(), 2);
    assert_eq!(doc.revisions()[0].end, pos);
    assert_eq!(doc.get(n)?, Object::Integer(1));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
