//! The plain visible appearance: a framed rectangle with the signer's name and the date.
//! (The full Indonesian specimen with logo and QR code is built elsewhere.)

use sertel_pdf::{Dict, Name, Object, Stream, StreamData};

use super::text::{helvetica_width, literal, win_ansi};

const HEADING: &str = "Ditandatangani secara elektronik oleh:";

fn font(base: &str) -> Object {
    let mut d = Dict::default();
    d.set(b"Type", Object::Name(Name::from("Font")));
    d.set(b"Subtype", Object::Name(Name::from("Type1")));
    d.set(b"BaseFont", Object::Name(Name::from(base)));
    d.set(b"Encoding", Object::Name(Name::from("WinAnsiEncoding")));
    Object::Dictionary(d)
}

fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The content stream text for a `width` × `height` box naming `signer` and `date`.
pub fn content(width: f64, height: f64, signer: &str, date: &str) -> Vec<u8> {
    let lines: [(&str, Vec<u8>); 3] = [
        ("F1", win_ansi(HEADING)),
        ("F2", win_ansi(signer)),
        ("F1", win_ansi(&format!("Tanggal: {date}"))),
    ];
    let pad = (height.min(width) * 0.08).clamp(2.0, 8.0);
    // Bold glyphs are a little wider than the regular widths used for fitting: allow 8 %.
    let widest = lines
        .iter()
        .map(|(f, t)| helvetica_width(t, 1.0) * if *f == "F2" { 1.08 } else { 1.0 })
        .fold(0.0_f64, f64::max);
    let by_width = if widest > 0.0 {
        (width - 2.0 * pad) / widest
    } else {
        12.0
    };
    let by_height = (height - 2.0 * pad) / (lines.len() as f64 * 1.25);
    let size = by_width.min(by_height).clamp(1.0, 14.0);
    let mut out = Vec::new();
    out.extend_from_slice(
        format!(
            "q 0.96 0.97 1 rg 0 0 {} {} re f Q\n",
            num(width),
            num(height)
        )
        .as_bytes(),
    );
    out.extend_from_slice(
        format!(
            "q 0.043 0.325 0.58 RG 1 w 0.5 0.5 {} {} re S Q\n",
            num(width - 1.0),
            num(height - 1.0)
        )
        .as_bytes(),
    );
    let block = lines.len() as f64 * size * 1.25;
    let mut y = (height + block) / 2.0 - size;
    out.extend_from_slice(b"BT 0.1 0.14 0.19 rg\n");
    for (font, text) in &lines {
        out.extend_from_slice(
            format!(
                "/{font} {} Tf 1 0 0 1 {} {} Tm ",
                num(size),
                num(pad),
                num(y)
            )
            .as_bytes(),
        );
        out.extend_from_slice(&literal(text));
        out.extend_from_slice(b" Tj\n");
        y -= size * 1.25;
    }
    out.extend_from_slice(b"ET\n");
    out
}

/// A form XObject of the given size holding `content`, with the two Helvetica fonts it uses.
pub fn form_xobject(width: f64, height: f64, content: Vec<u8>) -> Object {
    let mut fonts = Dict::default();
    fonts.set(b"F1", font("Helvetica"));
    fonts.set(b"F2", font("Helvetica-Bold"));
    let mut resources = Dict::default();
    resources.set(b"Font", Object::Dictionary(fonts));
    Object::Stream(Stream {
        dict: form_dictionary(width, height, resources),
        data: StreamData::InMemory(content),
    })
}

/// The dictionary of a `width` × `height` form XObject with `resources`.
pub fn form_dictionary(width: f64, height: f64, resources: Dict) -> Dict {
    let mut d = Dict::default();
    d.set(b"Type", Object::Name(Name::from("XObject")));
    d.set(b"Subtype", Object::Name(Name::from("Form")));
    d.set(
        b"BBox",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Real(width),
            Object::Real(height),
        ]),
    );
    d.set(b"Resources", Object::Dictionary(resources));
    d
}

/// An empty form XObject, the appearance of an invisible signature.
pub fn empty_xobject() -> Object {
    let mut d = Dict::default();
    d.set(b"Type", Object::Name(Name::from("XObject")));
    d.set(b"Subtype", Object::Name(Name::from("Form")));
    d.set(b"BBox", Object::Array(vec![Object::Integer(0); 4]));
    Object::Stream(Stream {
        dict: d,
        data: StreamData::InMemory(Vec::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_fits_the_box() {
        let c = String::from_utf8_lossy(&content(
            200.0,
            60.0,
            "Dr. Siti Aminah, S.Kom.",
            "24-11-2026 12:30 WIB",
        ))
        .to_string();
        assert!(c.contains("(Ditandatangani secara elektronik oleh:) Tj"));
        assert!(c.contains("(Dr. Siti Aminah, S.Kom.) Tj"));
        assert!(c.contains("(Tanggal: 24-11-2026 12:30 WIB) Tj"));
        let size: f64 = c
            .split("/F1 ")
            .nth(1)
            .and_then(|s| s.split(' ').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0);
        assert!(
            size > 3.0 && helvetica_width(HEADING.as_bytes(), size) <= 200.0,
            "size {size}"
        );
    }
}
