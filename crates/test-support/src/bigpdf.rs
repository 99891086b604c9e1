//! A very large but valid one-page PDF, streamed to disk without holding it in memory.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Image width in pixels (one byte each, DeviceGray).
const WIDTH: u64 = 4096;
/// Bytes written per call when streaming the image.
const CHUNK_ROWS: u64 = 64;

/// Counts bytes written, so object offsets can go into the cross-reference table.
struct Counting<W> {
    inner: W,
    written: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Writes to `path` a valid one-page A4 PDF of about `approx_bytes` bytes (at least a few
/// kilobytes) and returns its exact size. The bulk is one uncompressed 8-bit grey image
/// (4096 pixels wide, a diagonal gradient) drawn over the whole page, written in chunks
/// so memory use stays flat however large the file; the cross-reference table is classic.
pub fn write_big_pdf(path: &Path, approx_bytes: u64) -> io::Result<u64> {
    let height = (approx_bytes / WIDTH).max(1);
    let data_len = WIDTH * height;
    let mut out = Counting {
        inner: BufWriter::with_capacity(1 << 20, File::create(path)?),
        written: 0,
    };
    let mut offsets = Vec::new();
    out.write_all(b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")?;

    offsets.push(out.written);
    out.write_all(b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")?;
    offsets.push(out.written);
    out.write_all(b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n")?;
    offsets.push(out.written);
    out.write_all(
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n",
    )?;
    let content = b"q 595 0 0 842 0 0 cm /Im1 Do Q\n";
    offsets.push(out.written);
    write!(out, "4 0 obj\n<< /Length {} >>\nstream\n", content.len())?;
    out.write_all(content)?;
    out.write_all(b"endstream\nendobj\n")?;

    offsets.push(out.written);
    write!(
        out,
        "5 0 obj\n<< /Type /XObject /Subtype /Image /Width {WIDTH} /Height {height} \
         /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {data_len} >>\nstream\n"
    )?;
    image_data(&mut out, height)?;
    out.write_all(b"\nendstream\nendobj\n")?;

    let xref = out.written;
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1)?;
    for offset in &offsets {
        writeln!(out, "{offset:010} 00000 n ")?;
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        offsets.len() + 1
    )?;
    out.flush()?;
    Ok(out.written)
}

/// Streams `height` rows of a diagonal gradient, [`CHUNK_ROWS`] rows per write.
fn image_data(out: &mut impl Write, height: u64) -> io::Result<()> {
    // Row y is the window starting at y % 256 of a repeating 0..=255 ramp.
    let ramp: Vec<u8> = (0..WIDTH + 256).map(|i| (i % 256) as u8).collect();
    let mut chunk = Vec::with_capacity((WIDTH * CHUNK_ROWS) as usize);
    let mut y = 0;
    while y < height {
        chunk.clear();
        for row in y..height.min(y + CHUNK_ROWS) {
            let start = (row % 256) as usize;
            chunk.extend_from_slice(&ramp[start..start + WIDTH as usize]);
        }
        out.write_all(&chunk)?;
        y += CHUNK_ROWS;
    }
    Ok(())
}
