//! Predictor functions for Flate-encoded data (ISO 32000-1 §7.4.4.4): TIFF predictor 2 and
//! the PNG predictors (10 to 15, each row carrying its own filter type).

use crate::{Dict, PdfError};

/// Decoding parameters relevant to predictors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Predictor {
    kind: Kind,
    colors: usize,
    bits: usize,
    columns: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Tiff,
    Png,
}

fn param(parms: &Dict, key: &[u8], default: i64) -> Result<i64, PdfError> {
    match parms.get(key) {
        None | Some(crate::Object::Null) => Ok(default),
        Some(o) => o
            .as_int()
            .ok_or(PdfError::Invalid("DecodeParms entry is not an integer")),
    }
}

impl Predictor {
    /// The predictor described by `/DecodeParms`, or `None` for predictor 1 (none).
    pub(crate) fn from_parms(parms: Option<&Dict>) -> Result<Option<Predictor>, PdfError> {
        let Some(parms) = parms else {
            return Ok(None);
        };
        let kind = match param(parms, b"Predictor", 1)? {
            1 => return Ok(None),
            2 => Kind::Tiff,
            10..=15 => Kind::Png,
            _ => return Err(PdfError::Unsupported("unknown /Predictor value".into())),
        };
        let colors = param(parms, b"Colors", 1)?;
        let bits = param(parms, b"BitsPerComponent", 8)?;
        let columns = param(parms, b"Columns", 1)?;
        if !(1..=256).contains(&colors) {
            return Err(PdfError::Invalid("/Colors out of range"));
        }
        if ![1, 2, 4, 8, 16].contains(&bits) {
            return Err(PdfError::Invalid(
                "/BitsPerComponent must be 1, 2, 4, 8 or 16",
            ));
        }
        if !(1..=(1 << 24)).contains(&columns) {
            return Err(PdfError::Invalid("/Columns out of range"));
        }
        // The ranges above make these conversions lossless.
        Ok(Some(Predictor {
            kind,
            colors: colors as usize,
            bits: bits as usize,
            columns: columns as usize,
        }))
    }

    /// Bytes in one row of samples (without the PNG filter-type byte).
    fn row_bytes(&self) -> usize {
        // Bounded by 256 * 16 * 2^24 bits, which fits in usize on 64-bit targets.
        (self.colors * self.bits * self.columns).div_ceil(8)
    }

    /// Bytes per complete pixel, at least 1 (the PNG "bpp").
    fn pixel_bytes(&self) -> usize {
        (self.colors * self.bits).div_ceil(8).max(1)
    }

    /// Undoes the prediction, in place.
    pub(crate) fn decode(&self, data: Vec<u8>) -> Result<Vec<u8>, PdfError> {
        match self.kind {
            Kind::Png => self.decode_png(data),
            Kind::Tiff => self.decode_tiff(data),
        }
    }

    fn decode_png(&self, mut data: Vec<u8>) -> Result<Vec<u8>, PdfError> {
        let row = self.row_bytes();
        let stride = row + 1;
        if data.len() % stride != 0 {
            return Err(PdfError::Decode(
                "PNG predictor data is not a whole number of rows",
            ));
        }
        let rows = data.len() / stride;
        let bpp = self.pixel_bytes();
        // Row r's output goes to r * row, before its input at r * stride + 1: every byte is
        // read before it is overwritten, and the previous row's output stays intact.
        for r in 0..rows {
            let src = r * stride;
            let dst = r * row;
            let filter = data[src];
            for i in 0..row {
                let x = data[src + 1 + i];
                let a = if i >= bpp { data[dst + i - bpp] } else { 0 };
                let b = if r > 0 { data[dst - row + i] } else { 0 };
                let c = if r > 0 && i >= bpp {
                    data[dst - row + i - bpp]
                } else {
                    0
                };
                let pred = match filter {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => ((u16::from(a) + u16::from(b)) / 2) as u8,
                    4 => paeth(a, b, c),
                    _ => return Err(PdfError::Decode("unknown PNG filter type")),
                };
                data[dst + i] = x.wrapping_add(pred);
            }
        }
        data.truncate(rows * row);
        Ok(data)
    }

    fn decode_tiff(&self, mut data: Vec<u8>) -> Result<Vec<u8>, PdfError> {
        let row = self.row_bytes();
        if data.len() % row != 0 {
            return Err(PdfError::Decode(
                "TIFF predictor data is not a whole number of rows",
            ));
        }
        let samples = self.colors * self.columns;
        let mask: u32 = (1u32 << self.bits) - 1;
        for r in data.chunks_exact_mut(row) {
            for i in self.colors..samples {
                // Samples left of `i` are already decoded.
                let left = get_sample(r, i - self.colors, self.bits);
                let v = get_sample(r, i, self.bits).wrapping_add(left) & mask;
                set_sample(r, i, self.bits, v);
            }
        }
        Ok(data)
    }
}

fn get_sample(r: &[u8], i: usize, bits: usize) -> u32 {
    match bits {
        16 => u32::from(u16::from_be_bytes([r[2 * i], r[2 * i + 1]])),
        8 => u32::from(r[i]),
        _ => {
            let bit = i * bits;
            let byte = r[bit / 8];
            let shift = 8 - bits - (bit % 8);
            u32::from(byte >> shift) & ((1 << bits) - 1)
        }
    }
}

fn set_sample(r: &mut [u8], i: usize, bits: usize, v: u32) {
    match bits {
        16 => {
            let b = (v as u16).to_be_bytes();
            r[2 * i] = b[0];
            r[2 * i + 1] = b[1];
        }
        8 => r[i] = v as u8,
        _ => {
            let bit = i * bits;
            let shift = 8 - bits - (bit % 8);
            let m = (((1u32 << bits) - 1) << shift) as u8;
            r[bit / 8] = (r[bit / 8] & !m) | (((v << shift) as u8) & m);
        }
    }
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let pa = (p - i16::from(a)).abs();
    let pb = (p - i16::from(b)).abs();
    let pc = (p - i16::from(c)).abs();
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

#[cfg(test)]
#[path = "predictor_tests.rs"]
mod tests;
