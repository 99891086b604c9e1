//! Bounded zlib/Flate decompression.

use flate2::{Decompress, FlushDecompress, Status};

use crate::{Limit, Limits, PdfError};

/// Output above this size is subject to the decode-ratio check.
const RATIO_FREE_BYTES: u64 = 1 << 20;

/// Inflates zlib-wrapped Flate data (ISO 32000-1 §7.4.4). The input and the output together
/// may not exceed `limits.max_decoded_stream_bytes` (so a decode never holds more than that),
/// and beyond 1 MiB of output the output may not exceed `max_decode_ratio` times the input.
///
/// The zlib stream must be complete (end marker and checksum present); bytes after its end
/// (such as an end-of-line counted in `/Length`) are ignored.
pub(crate) fn inflate(input: &[u8], limits: &Limits) -> Result<Vec<u8>, PdfError> {
    let max = limits
        .max_decoded_stream_bytes
        .checked_sub(input.len() as u64)
        .ok_or(PdfError::LimitExceeded(Limit::DecodedStreamBytes))?;
    // Allocation stays at most one byte above the limit, so exceeding it is noticed.
    let cap_limit = usize::try_from(max.saturating_add(1)).unwrap_or(usize::MAX);
    let mut d = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity(
        input
            .len()
            .saturating_mul(4)
            .clamp(64, 1 << 20)
            .min(cap_limit),
    );
    loop {
        if out.len() == out.capacity() {
            let want = out.len().saturating_mul(2).max(64 << 10).min(cap_limit);
            if want <= out.len() {
                return Err(PdfError::LimitExceeded(Limit::DecodedStreamBytes));
            }
            out.reserve_exact(want - out.len());
        }
        let consumed = usize::try_from(d.total_in()).unwrap_or(usize::MAX);
        let rest = input.get(consumed..).unwrap_or(&[]);
        let before_in = d.total_in();
        let before_out = out.len();
        let status = d
            .decompress_vec(rest, &mut out, FlushDecompress::None)
            .map_err(|_| PdfError::Decode("corrupt Flate data"))?;
        let produced = out.len() as u64;
        if produced > max {
            return Err(PdfError::LimitExceeded(Limit::DecodedStreamBytes));
        }
        if produced > RATIO_FREE_BYTES
            && produced > limits.max_decode_ratio.saturating_mul(input.len() as u64)
        {
            return Err(PdfError::LimitExceeded(Limit::DecodeRatio));
        }
        match status {
            Status::StreamEnd => return Ok(out),
            Status::Ok | Status::BufError => {
                let progressed = d.total_in() != before_in || out.len() != before_out;
                if !progressed && out.len() < out.capacity() {
                    return Err(PdfError::Decode("truncated Flate data"));
                }
            }
        }
    }
}

/// Compresses `data` with zlib (used for cross-reference streams the writer produces).
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let ok = enc.write_all(data).is_ok();
    match enc.finish() {
        Ok(v) if ok => v,
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 251) as u8).collect();
        let z = deflate(&data);
        assert_eq!(inflate(&z, &Limits::default()).ok(), Some(data));
    }

    #[test]
    fn truncated_is_an_error() {
        let data = vec![7u8; 10_000];
        let z = deflate(&data);
        let cut = &z[..z.len() - 6];
        assert!(matches!(
            inflate(cut, &Limits::default()),
            Err(PdfError::Decode(_))
        ));
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(matches!(
            inflate(b"not zlib at all", &Limits::default()),
            Err(PdfError::Decode(_))
        ));
        assert!(matches!(
            inflate(b"", &Limits::default()),
            Err(PdfError::Decode(_))
        ));
    }

    #[test]
    fn trailing_bytes_are_ignored() {
        let mut z = deflate(b"hello");
        z.extend_from_slice(b"\r\n");
        assert_eq!(
            inflate(&z, &Limits::default()).ok(),
            Some(b"hello".to_vec())
        );
    }

    #[test]
    fn size_limit() {
        let data = vec![0u8; 3 << 20];
        let z = deflate(&data);
        let limits = Limits {
            max_decoded_stream_bytes: 2 << 20,
            ..Limits::default()
        };
        assert!(matches!(
            inflate(&z, &limits),
            Err(PdfError::LimitExceeded(Limit::DecodedStreamBytes))
        ));
        let exact = Limits {
            max_decoded_stream_bytes: (3 << 20) + z.len() as u64,
            max_decode_ratio: 1 << 20,
            ..Limits::default()
        };
        assert_eq!(inflate(&z, &exact).map(|v| v.len()).ok(), Some(3 << 20));
    }

    #[test]
    fn ratio_limit() {
        let data = vec![0u8; 8 << 20];
        let z = deflate(&data);
        assert!(z.len() * 1000 < data.len());
        assert!(matches!(
            inflate(&z, &Limits::default()),
            Err(PdfError::LimitExceeded(Limit::DecodeRatio))
        ));
    }
}
