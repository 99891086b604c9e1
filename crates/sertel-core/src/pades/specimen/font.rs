//! The specimen's typeface: DejaVu Sans and DejaVu Sans Bold, bundled in `assets/fonts/`,
//! measured with ttf-parser and embedded as a subset (Type0 / CIDFontType2 / Identity-H) so
//! that names with any Latin diacritics render and extract the same in every reader.
//!
//! Text is encoded while the appearance is laid out: each character's glyph gets the next
//! glyph id of the subset (subsetter's [`GlyphRemapper`]), and that id is the CID written into
//! the content stream. [`EmbeddedFont::write`] then subsets the font to exactly those glyphs
//! and writes the font dictionaries, the `/W` widths and a ToUnicode CMap.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use sertel_pdf::{Dict, IncrementalUpdate, Name, ObjRef, Object, PdfString, Stream};
use sha2::{Digest, Sha256};
use subsetter::GlyphRemapper;
use ttf_parser::{Face, GlyphId};

use super::error::SpecimenError;

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// The two weights the specimen uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

impl Weight {
    fn data(self) -> &'static [u8] {
        match self {
            Weight::Regular => REGULAR,
            Weight::Bold => BOLD,
        }
    }

    fn postscript_name(self) -> &'static str {
        match self {
            Weight::Regular => "DejaVuSans",
            Weight::Bold => "DejaVuSans-Bold",
        }
    }
}

/// One weight of the bundled typeface, collecting the glyphs the appearance uses.
pub struct EmbeddedFont {
    weight: Weight,
    face: Face<'static>,
    remapper: GlyphRemapper,
    /// CID (the glyph's id in the subset) → (glyph id in the full font, the text it shows).
    used: BTreeMap<u16, (u16, String)>,
}

impl std::fmt::Debug for EmbeddedFont {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddedFont")
            .field("weight", &self.weight)
            .field("glyphs", &self.used.len())
            .finish()
    }
}

impl EmbeddedFont {
    /// The bundled font of `weight`.
    ///
    /// # Errors
    /// [`SpecimenError::Font`] if the bundled file cannot be parsed (a defect).
    pub fn new(weight: Weight) -> Result<Self, SpecimenError> {
        let face = Face::parse(weight.data(), 0)
            .map_err(|e| SpecimenError::Font(format!("{}: {e}", weight.postscript_name())))?;
        Ok(EmbeddedFont {
            weight,
            face,
            remapper: GlyphRemapper::new(),
            used: BTreeMap::new(),
        })
    }

    fn units(&self) -> f64 {
        f64::from(self.face.units_per_em().max(1))
    }

    /// The glyph for `c`: its own, else `?`'s, else `.notdef`.
    fn glyph(&self, c: char) -> GlyphId {
        self.face
            .glyph_index(c)
            .or_else(|| self.face.glyph_index('?'))
            .unwrap_or(GlyphId(0))
    }

    fn advance(&self, g: GlyphId) -> f64 {
        f64::from(self.face.glyph_hor_advance(g).unwrap_or(0)) / self.units()
    }

    /// The width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f64) -> f64 {
        text.chars()
            .map(|c| self.advance(self.glyph(c)))
            .sum::<f64>()
            * size
    }

    /// The ascender (above the baseline) as a fraction of the font size.
    pub fn ascent(&self) -> f64 {
        f64::from(self.face.ascender()) / self.units()
    }

    /// The bytes that show `text` with this font (two-byte CIDs), noting the glyphs used.
    pub fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let g = self.glyph(c);
            let cid = self.remapper.remap(g.0);
            let shown = if self.face.glyph_index(c).is_some() {
                c.to_string()
            } else {
                "?".to_string()
            };
            self.used.entry(cid).or_insert((g.0, shown));
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }

    /// A six-letter subset tag derived from the glyphs used, so equal subsets share a name.
    fn tag(&self) -> String {
        let mut h = Sha256::new();
        h.update(self.weight.postscript_name());
        for (cid, (gid, _)) in &self.used {
            h.update(cid.to_be_bytes());
            h.update(gid.to_be_bytes());
        }
        h.finalize()
            .iter()
            .take(6)
            .map(|b| char::from(b'A' + b % 26))
            .collect()
    }

    /// Writes the subset font (font file, descriptor, CIDFont, ToUnicode and the Type0 font)
    /// into `upd` and returns the Type0 font's reference.
    ///
    /// # Errors
    /// [`SpecimenError::Font`] if subsetting fails (a defect).
    pub fn write(&self, upd: &mut IncrementalUpdate) -> Result<ObjRef, SpecimenError> {
        let subset = subsetter::subset(self.weight.data(), 0, &self.remapper)
            .map_err(|e| SpecimenError::Font(format!("{e:?}")))?;
        let base = format!("{}+{}", self.tag(), self.weight.postscript_name());
        let scale = 1000.0 / self.units();

        let mut file_dict = Dict::default();
        file_dict.set(b"Length1", Object::Integer(subset.len() as i64));
        file_dict.set(b"Filter", Object::Name(Name::from("FlateDecode")));
        let file_ref = upd.allocate();
        upd.put(
            file_ref,
            Object::Stream(Stream::new(file_dict, deflate(&subset))),
        );

        let bbox = self.face.global_bounding_box();
        let n = |v: i16| Object::Integer((f64::from(v) * scale).round() as i64);
        let mut descriptor = Dict::default();
        descriptor.set(b"Type", Object::Name(Name::from("FontDescriptor")));
        descriptor.set(b"FontName", Object::Name(Name::from(base.as_str())));
        descriptor.set(b"Flags", Object::Integer(32));
        descriptor.set(
            b"FontBBox",
            Object::Array(vec![
                n(bbox.x_min),
                n(bbox.y_min),
                n(bbox.x_max),
                n(bbox.y_max),
            ]),
        );
        descriptor.set(b"ItalicAngle", Object::Integer(0));
        descriptor.set(b"Ascent", n(self.face.ascender()));
        descriptor.set(b"Descent", n(self.face.descender()));
        descriptor.set(
            b"CapHeight",
            n(self.face.capital_height().unwrap_or(self.face.ascender())),
        );
        descriptor.set(
            b"StemV",
            Object::Integer(if self.weight == Weight::Bold { 140 } else { 80 }),
        );
        descriptor.set(b"FontFile2", Object::Reference(file_ref));
        let descriptor_ref = upd.allocate();
        upd.put(descriptor_ref, Object::Dictionary(descriptor));

        let mut widths = Vec::new();
        for (cid, (gid, _)) in &self.used {
            widths.push(Object::Integer(i64::from(*cid)));
            let w = self.advance(GlyphId(*gid)) * 1000.0;
            widths.push(Object::Array(vec![Object::Integer(w.round() as i64)]));
        }
        let mut system = Dict::default();
        system.set(b"Registry", Object::String(PdfString::literal("Adobe")));
        system.set(b"Ordering", Object::String(PdfString::literal("Identity")));
        system.set(b"Supplement", Object::Integer(0));
        let mut cid_font = Dict::default();
        cid_font.set(b"Type", Object::Name(Name::from("Font")));
        cid_font.set(b"Subtype", Object::Name(Name::from("CIDFontType2")));
        cid_font.set(b"BaseFont", Object::Name(Name::from(base.as_str())));
        cid_font.set(b"CIDSystemInfo", Object::Dictionary(system));
        cid_font.set(b"FontDescriptor", Object::Reference(descriptor_ref));
        cid_font.set(b"DW", Object::Integer(0));
        cid_font.set(b"W", Object::Array(widths));
        cid_font.set(b"CIDToGIDMap", Object::Name(Name::from("Identity")));
        let cid_ref = upd.allocate();
        upd.put(cid_ref, Object::Dictionary(cid_font));

        let to_unicode_ref = upd.allocate();
        upd.put(
            to_unicode_ref,
            Object::Stream(Stream::new(Dict::default(), self.to_unicode())),
        );

        let mut font = Dict::default();
        font.set(b"Type", Object::Name(Name::from("Font")));
        font.set(b"Subtype", Object::Name(Name::from("Type0")));
        font.set(b"BaseFont", Object::Name(Name::from(base.as_str())));
        font.set(b"Encoding", Object::Name(Name::from("Identity-H")));
        font.set(
            b"DescendantFonts",
            Object::Array(vec![Object::Reference(cid_ref)]),
        );
        font.set(b"ToUnicode", Object::Reference(to_unicode_ref));
        let font_ref = upd.allocate();
        upd.put(font_ref, Object::Dictionary(font));
        Ok(font_ref)
    }

    /// The ToUnicode CMap: every CID used, mapped to its text in UTF-16BE.
    fn to_unicode(&self) -> Vec<u8> {
        let mut s = String::from(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
             /CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
             1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        let entries: Vec<_> = self.used.iter().filter(|(cid, _)| **cid != 0).collect();
        for chunk in entries.chunks(100) {
            let _ = writeln!(s, "{} beginbfchar", chunk.len());
            for (cid, (_, text)) in chunk {
                let utf16: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
                let _ = writeln!(s, "<{cid:04X}> <{utf16}>");
            }
            s.push_str("endbfchar\n");
        }
        s.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        s.into_bytes()
    }
}

/// zlib-compresses `data` (FlateDecode).
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing into a Vec cannot fail.
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diacritics_have_their_own_glyphs() {
        let mut f = EmbeddedFont::new(Weight::Regular).expect("bundled font");
        let name = "Dr. Ir. Ňoman Sëtiawan, S.T., M.Eng.";
        let bytes = f.encode(name);
        assert_eq!(bytes.len(), name.chars().count() * 2);
        let cmap = String::from_utf8(f.to_unicode()).expect("ascii");
        assert!(cmap.contains("<0147>"), "Ň in the CMap: {cmap}");
        assert!(cmap.contains("<00EB>"), "ë in the CMap");
        assert!(!cmap.contains("<003F>"), "no fallback '?' used");
        let w = f.width(name, 10.0);
        assert!(w > 150.0 && w < 250.0, "width {w}");
    }

    #[test]
    fn unknown_characters_fall_back_to_question_mark() {
        let mut f = EmbeddedFont::new(Weight::Bold).expect("bundled font");
        f.encode("\u{10FFFD}");
        assert_eq!(f.used.values().next().map(|v| v.1.as_str()), Some("?"));
    }
}
