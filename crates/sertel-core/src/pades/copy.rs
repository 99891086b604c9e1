//! Copying the original PDF into the output while hashing it, without loading it whole.
//!
//! The copy runs in the kernel (`copy_file_range` through `std::io::copy`) on one thread while
//! this thread reads the same bytes from the page cache and hashes them, so a large file costs
//! about one SHA-256 pass. For a large input the copying thread then starts flushing the copy
//! to disk ([`EARLY_FLUSH`]) while the hash is still being computed, so that the `fsync` which
//! ends signing has almost nothing left to write. A small input (a letter) is copied on the
//! calling thread from the very reads that feed the hash ([`INLINE_COPY`]).

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::os::unix::fs::FileExt;

use aws_lc_rs::digest;

const CHUNK: usize = 1 << 20;

/// Inputs at least this large are flushed to disk (`fdatasync`) by the copying thread as soon as
/// the copy is done, overlapping the disk writes with the rest of the hashing. Below it the
/// extra flush would cost more (one more journal commit) than it saves.
pub const EARLY_FLUSH: u64 = 16 << 20;

/// Inputs up to this size are copied on the calling thread, writing each chunk it has just read
/// and hashed: for them a second thread costs more to start (and, on a busy machine, to get a
/// core) than the copy takes.
pub const INLINE_COPY: u64 = 4 << 20;

/// Called with the number of bytes hashed so far, after each chunk.
pub type Progress<'a> = &'a (dyn Fn(u64) + Sync);

/// Hashes `src[start..start + len]` into `ctx` in fixed-size chunks.
pub fn hash_range(src: &File, start: u64, len: u64, ctx: &mut digest::Context) -> io::Result<()> {
    hash_range_reporting(src, start, len, ctx, &|_| {})
}

/// [`hash_range`], reporting progress after each chunk.
pub fn hash_range_reporting(
    src: &File,
    start: u64,
    len: u64,
    ctx: &mut digest::Context,
    progress: Progress<'_>,
) -> io::Result<()> {
    hash_chunks(src, start, len, ctx, progress, |_| Ok(()))
}

/// Reads `src[start..start + len]` in fixed-size chunks, feeding each to `ctx` and then to
/// `sink`, and reporting the bytes done after each.
fn hash_chunks(
    src: &File,
    start: u64,
    len: u64,
    ctx: &mut digest::Context,
    progress: Progress<'_>,
    mut sink: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    let mut buf = vec![0u8; CHUNK.min(usize::try_from(len).unwrap_or(CHUNK)).max(1)];
    let mut pos = start;
    let end = start + len;
    while pos < end {
        let want = usize::try_from((end - pos).min(buf.len() as u64)).unwrap_or(buf.len());
        let n = src.read_at(&mut buf[..want], pos)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "input shrank while signing",
            ));
        }
        ctx.update(&buf[..n]);
        sink(&buf[..n])?;
        pos += n as u64;
        progress(pos - start);
    }
    Ok(())
}

/// Writes `src[..len]` to the start of `dst` and feeds the same bytes to `ctx`, reporting the
/// bytes hashed so far. `dst` is left positioned at `len`. Up to [`INLINE_COPY`] bytes the copy
/// is made on this thread; from [`EARLY_FLUSH`] bytes on, it is also flushed to disk before
/// returning (the caller still syncs the finished file).
pub fn copy_hashing(
    src: &File,
    len: u64,
    dst: &mut File,
    ctx: &mut digest::Context,
    progress: Progress<'_>,
) -> io::Result<()> {
    if len <= INLINE_COPY {
        dst.seek(SeekFrom::Start(0))?;
        return hash_chunks(src, 0, len, ctx, progress, |chunk| dst.write_all(chunk));
    }
    let mut reader = src.try_clone()?;
    reader.seek(SeekFrom::Start(0))?;
    dst.seek(SeekFrom::Start(0))?;
    let mut writer = dst.try_clone()?;
    std::thread::scope(|scope| {
        let copier = scope.spawn(move || {
            let copied = io::copy(&mut reader.take(len), &mut writer)?;
            if copied >= EARLY_FLUSH {
                writer.sync_data()?;
            }
            Ok::<u64, io::Error>(copied)
        });
        let hashed = hash_range_reporting(src, 0, len, ctx, progress);
        let copied = copier
            .join()
            .map_err(|_| io::Error::other("copy thread failed"))?;
        hashed?;
        if copied? != len {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "input shrank while signing",
            ));
        }
        Ok(())
    })?;
    dst.seek(SeekFrom::Start(len))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_and_check(len: usize) {
        let mut src = tempfile::tempfile().unwrap();
        let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
        src.write_all(&data).unwrap();
        let mut dst = tempfile::tempfile().unwrap();
        let mut ctx = digest::Context::new(&digest::SHA256);
        let done = std::sync::atomic::AtomicU64::new(0);
        let progress = |n: u64| done.store(n, std::sync::atomic::Ordering::Relaxed);
        copy_hashing(&src, len as u64, &mut dst, &mut ctx, &progress).unwrap();
        assert_eq!(dst.stream_position().unwrap(), len as u64, "{len}");
        assert_eq!(done.into_inner(), len as u64, "{len}");
        assert_eq!(
            ctx.finish().as_ref(),
            digest::digest(&digest::SHA256, &data).as_ref(),
            "{len}"
        );
        let mut back = Vec::new();
        dst.seek(SeekFrom::Start(0)).unwrap();
        dst.read_to_end(&mut back).unwrap();
        assert!(back == data, "{len}");
    }

    #[test]
    fn copies_and_hashes_the_same_bytes() {
        // On this thread (a letter, a few chunks, the limit), on a second thread, and on a
        // second thread with the early flush.
        for len in [
            0,
            7 * 1024,
            3 * CHUNK + 17,
            INLINE_COPY as usize,
            INLINE_COPY as usize + 1,
            EARLY_FLUSH as usize + 5,
        ] {
            copy_and_check(len);
        }
    }

    #[test]
    fn a_short_input_is_an_error() {
        let mut src = tempfile::tempfile().unwrap();
        src.write_all(&[7u8; 100]).unwrap();
        let mut dst = tempfile::tempfile().unwrap();
        let mut ctx = digest::Context::new(&digest::SHA256);
        let err = copy_hashing(&src, 200, &mut dst, &mut ctx, &|_| {}).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
    }
}
