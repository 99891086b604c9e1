//! The signature slot of an update: the original file copied into a temporary output with the
//! update appended, its `/ByteRange` filled in, the signed ranges hashed on the way, and —
//! once the CMS (or, for a document timestamp, the token) is known — the hole filled and the
//! file moved to its final name. Signatures and document timestamps share it.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

use aws_lc_rs::digest;
use sertel_pdf::{Document, Limits, ObjRef, PdfError, Written};
use tempfile::NamedTempFile;

use super::copy::Progress;
use super::error::SignError;
use super::placeholder::{self, Holes};

/// A temporary output holding the original bytes and the update, waiting for its `/Contents`.
#[derive(Debug)]
pub struct Slot {
    temp: NamedTempFile,
    contents_offset: u64,
    capacity: usize,
    byte_range: [u64; 4],
    digest: Vec<u8>,
}

/// Opens `input` for an update that will be written to `output`: refuses an existing output
/// unless `overwrite`, and an encrypted input (its objects could not be updated).
pub fn open_input(
    input: &Path,
    output: &Path,
    overwrite: bool,
) -> Result<(File, Document), SignError> {
    if !overwrite && output.exists() {
        return Err(SignError::OutputExists {
            path: output.into(),
        });
    }
    let file = File::open(input).map_err(SignError::io(input))?;
    let doc = Document::open(
        file.try_clone().map_err(SignError::io(input))?,
        Limits::default(),
    )
    .map_err(|source| SignError::Pdf {
        path: input.into(),
        source,
    })?;
    if doc.is_encrypted() {
        return Err(SignError::Encrypted { path: input.into() });
    }
    Ok((file, doc))
}

/// What the slot is written from.
pub struct SlotSource<'a> {
    /// The input file, open for reading.
    pub file: &'a File,
    /// Its path (for messages).
    pub path: &'a Path,
    /// Its length: the update goes right after.
    pub len: u64,
}

/// Writes `source` and `written` (an update whose object `sig_ref` holds the placeholders for
/// a hole of `capacity` bytes) into a temporary file beside `output`, hashing the signed ranges
/// with SHA-256.
pub fn write_slot(
    source: &SlotSource<'_>,
    written: Written,
    sig_ref: ObjRef,
    capacity: usize,
    output: &Path,
    progress: Progress<'_>,
) -> Result<Slot, SignError> {
    let unsupported = |what: &str| SignError::Pdf {
        path: source.path.into(),
        source: PdfError::Unsupported(what.into()),
    };
    let mut update = written.bytes;
    let sig_span = written
        .objects
        .iter()
        .find(|(r, _)| *r == sig_ref)
        .map(|(_, span)| span.clone())
        .ok_or_else(|| unsupported("signature object not written"))?;
    let Holes {
        byte_range,
        contents,
    } = placeholder::locate(&update, sig_span, capacity)
        .ok_or_else(|| unsupported("signature placeholders not found"))?;
    let orig_len = source.len;
    let total = orig_len + update.len() as u64;
    let ranges = [
        0,
        orig_len + contents.start as u64,
        orig_len + contents.end as u64,
        total - (orig_len + contents.end as u64),
    ];
    let text = placeholder::byte_range_text(ranges).ok_or(SignError::TooLarge {
        path: source.path.into(),
    })?;
    update[byte_range].copy_from_slice(&text);

    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut temp = NamedTempFile::new_in(dir).map_err(SignError::io(dir))?;
    let mut ctx = digest::Context::new(&digest::SHA256);
    super::copy::copy_hashing(
        source.file,
        orig_len,
        temp.as_file_mut(),
        &mut ctx,
        progress,
    )
    .map_err(SignError::io(source.path))?;
    ctx.update(&update[..contents.start]);
    ctx.update(&update[contents.end..]);
    temp.as_file_mut()
        .write_all(&update)
        .map_err(SignError::io(temp.path()))?;
    Ok(Slot {
        temp,
        contents_offset: orig_len + contents.start as u64 + 1,
        capacity,
        byte_range: ranges,
        digest: ctx.finish().as_ref().to_vec(),
    })
}

impl Slot {
    /// SHA-256 of the signed byte ranges.
    pub fn digest(&self) -> &[u8] {
        &self.digest
    }

    /// The `/ByteRange` the slot's signature covers.
    pub fn byte_range(&self) -> [u64; 4] {
        self.byte_range
    }

    /// Puts `contents` into the hole, syncs the file and moves it to `output` (replacing a file
    /// there only when `overwrite`). Returns the file's size.
    pub fn fill(self, contents: &[u8], output: &Path, overwrite: bool) -> Result<u64, SignError> {
        let hex = placeholder::contents_hex(contents, self.capacity).ok_or(
            SignError::ContentsTooSmall {
                needed: contents.len(),
                capacity: self.capacity,
            },
        )?;
        let file = self.temp.as_file();
        file.write_all_at(&hex, self.contents_offset)
            .map_err(SignError::io(self.temp.path()))?;
        file.sync_all().map_err(SignError::io(self.temp.path()))?;
        let size = file
            .metadata()
            .map_err(SignError::io(self.temp.path()))?
            .len();
        persist(self.temp, output, overwrite)?;
        Ok(size)
    }
}

/// Moves a finished temporary file to `output` and syncs the folder.
pub fn persist(temp: NamedTempFile, output: &Path, overwrite: bool) -> Result<(), SignError> {
    let persisted = if overwrite {
        temp.persist(output).map_err(|e| e.error)
    } else {
        temp.persist_noclobber(output).map_err(|e| e.error)
    };
    match persisted {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(SignError::OutputExists {
                path: output.into(),
            });
        }
        Err(e) => {
            return Err(SignError::Io {
                path: PathBuf::from(output),
                source: e,
            })
        }
    }
    if let Some(dir) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}
