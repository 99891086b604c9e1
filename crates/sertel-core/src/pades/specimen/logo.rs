//! The logo at the top of the specimen: a PNG (decoded; an alpha channel becomes a soft mask)
//! or a JPEG (embedded as it is, `DCTDecode`), written as an image XObject.

use std::io::Cursor;

use sertel_pdf::{Dict, IncrementalUpdate, Name, ObjRef, Object, Stream};

use super::error::SpecimenError;
use super::font::deflate;

/// The largest logo side accepted, in pixels (a logo is printed a few centimetres wide).
const MAX_SIDE: u32 = 4096;

/// A logo ready to embed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    width: u32,
    height: u32,
    pixels: Pixels,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Pixels {
    /// JPEG data as in the file, with its number of colour components (1 or 3).
    Jpeg { components: u8, data: Vec<u8> },
    /// 8-bit samples, 1 (gray) or 3 (RGB) per pixel, and an optional 8-bit alpha plane.
    Decoded {
        components: u8,
        samples: Vec<u8>,
        alpha: Option<Vec<u8>>,
    },
}

impl Logo {
    /// Reads a PNG or JPEG image from `bytes`.
    ///
    /// # Errors
    /// [`SpecimenError::LogoFormat`] if it is neither, is malformed, has an unsupported colour
    /// model (CMYK JPEG) or is larger than 4096 pixels on a side.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, SpecimenError> {
        let logo = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            png_logo(bytes)?
        } else if bytes.starts_with(&[0xff, 0xd8]) {
            jpeg_logo(bytes)?
        } else {
            return Err(SpecimenError::LogoFormat("neither PNG nor JPEG".into()));
        };
        if logo.width == 0 || logo.height == 0 || logo.width.max(logo.height) > MAX_SIDE {
            return Err(SpecimenError::LogoFormat(format!(
                "{} × {} pixels (at most {MAX_SIDE} on a side)",
                logo.width, logo.height
            )));
        }
        Ok(logo)
    }

    /// Reads the logo file at `path`.
    ///
    /// # Errors
    /// [`SpecimenError::LogoUnreadable`] or as [`Logo::from_bytes`].
    pub fn from_file(path: &std::path::Path) -> Result<Self, SpecimenError> {
        let bytes = std::fs::read(path).map_err(|source| SpecimenError::LogoUnreadable {
            path: path.into(),
            source,
        })?;
        Logo::from_bytes(&bytes)
    }

    /// Width over height.
    pub fn aspect(&self) -> f64 {
        f64::from(self.width) / f64::from(self.height)
    }

    /// Writes the image XObject (and its soft mask) into `upd`.
    pub fn write(&self, upd: &mut IncrementalUpdate) -> ObjRef {
        let mut d = Dict::default();
        d.set(b"Type", Object::Name(Name::from("XObject")));
        d.set(b"Subtype", Object::Name(Name::from("Image")));
        d.set(b"Width", Object::Integer(i64::from(self.width)));
        d.set(b"Height", Object::Integer(i64::from(self.height)));
        d.set(b"BitsPerComponent", Object::Integer(8));
        let space =
            |c: u8| Object::Name(Name::from(if c == 1 { "DeviceGray" } else { "DeviceRGB" }));
        let data = match &self.pixels {
            Pixels::Jpeg { components, data } => {
                d.set(b"ColorSpace", space(*components));
                d.set(b"Filter", Object::Name(Name::from("DCTDecode")));
                data.clone()
            }
            Pixels::Decoded {
                components,
                samples,
                alpha,
            } => {
                d.set(b"ColorSpace", space(*components));
                d.set(b"Filter", Object::Name(Name::from("FlateDecode")));
                if let Some(alpha) = alpha {
                    let mut m = Dict::default();
                    m.set(b"Type", Object::Name(Name::from("XObject")));
                    m.set(b"Subtype", Object::Name(Name::from("Image")));
                    m.set(b"Width", Object::Integer(i64::from(self.width)));
                    m.set(b"Height", Object::Integer(i64::from(self.height)));
                    m.set(b"BitsPerComponent", Object::Integer(8));
                    m.set(b"ColorSpace", Object::Name(Name::from("DeviceGray")));
                    m.set(b"Filter", Object::Name(Name::from("FlateDecode")));
                    let mask = upd.allocate();
                    upd.put(mask, Object::Stream(Stream::new(m, deflate(alpha))));
                    d.set(b"SMask", Object::Reference(mask));
                }
                deflate(samples)
            }
        };
        let r = upd.allocate();
        upd.put(r, Object::Stream(Stream::new(d, data)));
        r
    }
}

fn png_logo(bytes: &[u8]) -> Result<Logo, SpecimenError> {
    let bad = |e: png::DecodingError| SpecimenError::LogoFormat(format!("PNG: {e}"));
    let mut decoder = png::Decoder::new_with_limits(
        Cursor::new(bytes),
        png::Limits {
            bytes: 4 * (MAX_SIDE as usize) * (MAX_SIDE as usize),
        },
    );
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(bad)?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| SpecimenError::LogoFormat("PNG too large".into()))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(bad)?;
    buf.truncate(info.buffer_size());
    let (components, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (1, false),
        png::ColorType::GrayscaleAlpha => (1, true),
        png::ColorType::Rgb => (3, false),
        png::ColorType::Rgba => (3, true),
        png::ColorType::Indexed => {
            return Err(SpecimenError::LogoFormat("PNG palette not expanded".into()))
        }
    };
    let (samples, alpha) = if has_alpha {
        let stride = components + 1;
        let mut samples = Vec::with_capacity(buf.len());
        let mut alpha = Vec::with_capacity(buf.len() / stride);
        for px in buf.chunks_exact(stride) {
            samples.extend_from_slice(&px[..components]);
            alpha.push(px[components]);
        }
        let alpha = (alpha.iter().any(|a| *a != 255)).then_some(alpha);
        (samples, alpha)
    } else {
        (buf, None)
    };
    Ok(Logo {
        width: info.width,
        height: info.height,
        pixels: Pixels::Decoded {
            components: components as u8,
            samples,
            alpha,
        },
    })
}

/// Reads the frame header (SOFn) of a JPEG for its size and number of components.
fn jpeg_logo(bytes: &[u8]) -> Result<Logo, SpecimenError> {
    let bad = |why: &str| SpecimenError::LogoFormat(format!("JPEG: {why}"));
    let mut i = 2;
    loop {
        while bytes.get(i) == Some(&0xff) && bytes.get(i + 1) == Some(&0xff) {
            i += 1;
        }
        if bytes.get(i) != Some(&0xff) {
            return Err(bad("no frame header"));
        }
        let marker = *bytes.get(i + 1).ok_or_else(|| bad("truncated"))?;
        let len = usize::from(u16::from_be_bytes([
            *bytes.get(i + 2).ok_or_else(|| bad("truncated"))?,
            *bytes.get(i + 3).ok_or_else(|| bad("truncated"))?,
        ]));
        if len < 2 {
            return Err(bad("bad segment length"));
        }
        let is_sof = matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
        if is_sof {
            let seg = bytes
                .get(i + 4..i + 2 + len)
                .ok_or_else(|| bad("truncated"))?;
            if seg.len() < 6 {
                return Err(bad("short frame header"));
            }
            let height = u32::from(u16::from_be_bytes([seg[1], seg[2]]));
            let width = u32::from(u16::from_be_bytes([seg[3], seg[4]]));
            let components = seg[5];
            if seg[0] != 8 || !matches!(components, 1 | 3) {
                return Err(bad("only 8-bit gray or colour (YCbCr/RGB) images"));
            }
            return Ok(Logo {
                width,
                height,
                pixels: Pixels::Jpeg {
                    components,
                    data: bytes.to_vec(),
                },
            });
        }
        if marker == 0xd9 || marker == 0xda {
            return Err(bad("no frame header before the image data"));
        }
        i += 2 + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(color: png::ColorType, px: &[u8], w: u32, h: u32) -> Vec<u8> {
        let mut out = Vec::new();
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(color);
        e.set_depth(png::BitDepth::Eight);
        let mut wr = e.write_header().expect("header");
        wr.write_image_data(px).expect("data");
        drop(wr);
        out
    }

    #[test]
    fn png_alpha_becomes_a_soft_mask() {
        let bytes = png(
            png::ColorType::Rgba,
            &[255, 0, 0, 128, 0, 255, 0, 255],
            2,
            1,
        );
        let logo = Logo::from_bytes(&bytes).expect("decodes");
        assert_eq!(
            logo.pixels,
            Pixels::Decoded {
                components: 3,
                samples: vec![255, 0, 0, 0, 255, 0],
                alpha: Some(vec![128, 255]),
            }
        );
        let opaque = png(png::ColorType::Grayscale, &[7, 9], 1, 2);
        let logo = Logo::from_bytes(&opaque).expect("decodes");
        assert_eq!(logo.aspect(), 0.5);
        assert!(matches!(
            logo.pixels,
            Pixels::Decoded {
                alpha: None,
                components: 1,
                ..
            }
        ));
    }

    #[test]
    fn jpeg_header_gives_size_and_components() {
        // SOI, an APP0 segment, SOF0 (8 bit, 30 × 20, 3 components), then EOI.
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend_from_slice(&[0xff, 0xc0, 0x00, 0x11, 8, 0, 20, 0, 30, 3]);
        jpeg.extend_from_slice(&[1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
        let logo = Logo::from_bytes(&jpeg).expect("parses");
        assert_eq!((logo.width, logo.height), (30, 20));
        assert!(matches!(logo.pixels, Pixels::Jpeg { components: 3, .. }));
    }

    #[test]
    fn other_and_broken_images_are_refused() {
        assert!(Logo::from_bytes(b"GIF89a").is_err());
        assert!(Logo::from_bytes(&[0xff, 0xd8, 0xff]).is_err());
        assert!(Logo::from_bytes(b"\x89PNG\r\n\x1a\nbroken").is_err());
        let huge = png(png::ColorType::Grayscale, &vec![0; 5000], 5000, 1);
        assert!(Logo::from_bytes(&huge).is_err());
    }
}
