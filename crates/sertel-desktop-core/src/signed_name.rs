//! Where a signed copy goes: next to the original as `NAME-signed.pdf`, or `NAME-signed-2.pdf`
//! and so on when that name is taken. An existing file is replaced only when the owner asks
//! for it ([`signed_copy_path`] with `replace`).

use std::path::{Path, PathBuf};

/// Where the signed copy of `input` goes: `NAME-signed.pdf` when `replace` is set (an earlier
/// signed copy there is replaced), else the first free name ([`signed_output_path`]).
pub fn signed_copy_path(input: &Path, replace: bool) -> PathBuf {
    if replace {
        input.with_file_name(format!("{}-signed.pdf", stem(input)))
    } else {
        signed_output_path(input)
    }
}

fn stem(input: &Path) -> String {
    input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dokumen".into())
}

/// The first free name for the signed copy of `input`.
pub fn signed_output_path(input: &Path) -> PathBuf {
    let stem = stem(input);
    (1u32..)
        .map(|n| {
            let name = if n == 1 {
                format!("{stem}-signed.pdf")
            } else {
                format!("{stem}-signed-{n}.pdf")
            };
            input.with_file_name(name)
        })
        .find(|p| p.symlink_metadata().is_err())
        .unwrap_or_else(|| input.with_file_name(format!("{stem}-signed.pdf")))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn taken_names_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("surat.pdf");
        assert_eq!(
            signed_output_path(&input),
            dir.path().join("surat-signed.pdf")
        );
        std::fs::write(dir.path().join("surat-signed.pdf"), b"x").unwrap();
        assert_eq!(
            signed_output_path(&input),
            dir.path().join("surat-signed-2.pdf")
        );
        assert_eq!(
            signed_copy_path(&input, true),
            dir.path().join("surat-signed.pdf")
        );
    }
}
