//! A page's content interpreted as far as text goes: the graphics state (`q`/`Q`/`cm`), the
//! text state and matrices, and every character code shown by `Tj`, `TJ`, `'` and `"`, with
//! its position in page space and where its bytes are in the content.

use std::collections::HashMap;
use std::rc::Rc;

use sertel_pdf::{ContentOp, Dict, Document, Object, PdfError};

use super::fonts::TextFont;

/// Nesting of `q` beyond this is refused (real content stays far below).
const MAX_STATE_DEPTH: usize = 256;
/// Distinct fonts loaded for one page at most.
const MAX_FONTS: usize = 256;

type Matrix = [f64; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b` (row-vector convention: a point is transformed by `a`, then by `b`).
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// One character code shown on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// Index of the showing operation.
    pub op: usize,
    /// Index of the string within a `TJ` array (0 for the other operators).
    pub element: usize,
    /// Offset of the code's bytes within that string.
    pub start: usize,
    /// Length of the code in bytes.
    pub len: usize,
    /// The text it stands for.
    pub text: String,
    /// Its advance before horizontal scaling: width × size + Tc (+ Tw for a space).
    pub advance: f64,
    /// The font size in effect.
    pub size: f64,
    /// Baseline start, top left (about cap height) and baseline end, in page space.
    pub corners: [(f64, f64); 3],
}

#[derive(Clone)]
struct TextState {
    font: Option<Rc<TextFont>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    text: TextState,
}

fn nums(operands: &[Object]) -> Option<Vec<f64>> {
    operands
        .iter()
        .map(|o| o.as_number().filter(|v| v.is_finite()))
        .collect()
}

struct Walker<'a> {
    doc: &'a Document,
    fonts: &'a Dict,
    cache: HashMap<Vec<u8>, Rc<TextFont>>,
    state: State,
    stack: Vec<State>,
    tm: Matrix,
    tlm: Matrix,
    shown: Vec<Shown>,
}

impl Walker<'_> {
    fn font(&mut self, name: &[u8]) -> Result<Option<Rc<TextFont>>, PdfError> {
        if let Some(f) = self.cache.get(name) {
            return Ok(Some(f.clone()));
        }
        if self.cache.len() >= MAX_FONTS {
            return Ok(None);
        }
        let Some(obj) = self.fonts.get(name) else {
            return Ok(None);
        };
        let Some(d) = self.doc.resolve(obj)?.into_dict() else {
            return Ok(None);
        };
        let f = Rc::new(TextFont::load(self.doc, &d)?);
        self.cache.insert(name.to_vec(), f.clone());
        Ok(Some(f))
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &self.tlm);
        self.tm = self.tlm;
    }

    fn show(&mut self, op: usize, element: usize, bytes: &[u8]) {
        let t = &self.state.text;
        let Some(font) = t.font.clone() else {
            return;
        };
        for code in font.codes(bytes) {
            let advance = code.width / 1000.0 * t.size
                + t.char_spacing
                + if code.is_space { t.word_spacing } else { 0.0 };
            let m = mul(&self.tm, &self.state.ctm);
            let tx = advance * t.scale;
            let corners = [
                apply(&m, 0.0, t.rise),
                apply(&m, 0.0, t.rise + t.size * 0.75),
                apply(&m, tx, t.rise),
            ];
            self.shown.push(Shown {
                op,
                element,
                start: code.start,
                len: code.len,
                text: code.text,
                advance,
                size: t.size,
                corners,
            });
            self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
        }
    }

    fn kern(&mut self, n: f64) {
        let t = &self.state.text;
        let tx = -n / 1000.0 * t.size * t.scale;
        self.tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &self.tm);
    }

    fn run(&mut self, i: usize, op: &ContentOp) -> Result<(), PdfError> {
        let o = &op.operands;
        let n = nums(o);
        let t = &mut self.state.text;
        match (op.operator.as_slice(), n.as_deref()) {
            (b"q", _) => {
                if self.stack.len() >= MAX_STATE_DEPTH {
                    return Err(PdfError::Unsupported(
                        "graphics state nested too deeply".into(),
                    ));
                }
                self.stack.push(self.state.clone());
            }
            (b"Q", _) => {
                if let Some(s) = self.stack.pop() {
                    self.state = s;
                }
            }
            (b"cm", Some(&[a, b, c, d, e, f])) => {
                self.state.ctm = mul(&[a, b, c, d, e, f], &self.state.ctm);
            }
            (b"BT", _) => {
                self.tm = IDENTITY;
                self.tlm = IDENTITY;
            }
            (b"Tc", Some(&[v])) => t.char_spacing = v,
            (b"Tw", Some(&[v])) => t.word_spacing = v,
            (b"Tz", Some(&[v])) => t.scale = v / 100.0,
            (b"TL", Some(&[v])) => t.leading = v,
            (b"Ts", Some(&[v])) => t.rise = v,
            (b"Tf", _) => {
                if let [Object::Name(name), size] = o.as_slice() {
                    let size = size.as_number().filter(|v| v.is_finite()).unwrap_or(0.0);
                    let font = self.font(name.as_bytes())?;
                    self.state.text.font = font;
                    self.state.text.size = size;
                }
            }
            (b"Td", Some(&[x, y])) => self.next_line(x, y),
            (b"TD", Some(&[x, y])) => {
                t.leading = -y;
                self.next_line(x, y);
            }
            (b"Tm", Some(&[a, b, c, d, e, f])) => {
                self.tlm = [a, b, c, d, e, f];
                self.tm = self.tlm;
            }
            (b"T*", _) => {
                let l = t.leading;
                self.next_line(0.0, -l);
            }
            (b"Tj", _) => {
                if let [Object::String(s)] = o.as_slice() {
                    self.show(i, 0, &s.bytes);
                }
            }
            (b"'", _) => {
                if let [Object::String(s)] = o.as_slice() {
                    let l = t.leading;
                    self.next_line(0.0, -l);
                    self.show(i, 0, &s.bytes);
                }
            }
            (b"\"", _) => {
                if let [aw, ac, Object::String(s)] = o.as_slice() {
                    t.word_spacing = aw.as_number().unwrap_or(0.0);
                    t.char_spacing = ac.as_number().unwrap_or(0.0);
                    let l = t.leading;
                    self.next_line(0.0, -l);
                    self.show(i, 0, &s.bytes);
                }
            }
            (b"TJ", _) => {
                if let [Object::Array(items)] = o.as_slice() {
                    for (k, item) in items.iter().enumerate() {
                        match item {
                            Object::String(s) => self.show(i, k, &s.bytes),
                            other => {
                                if let Some(v) = other.as_number().filter(|v| v.is_finite()) {
                                    self.kern(v);
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// Every code shown by `ops`, whose fonts are named in `fonts` (the page's `/Font`
/// resources). Text inside form XObjects is not visited.
pub fn shown_text(doc: &Document, fonts: &Dict, ops: &[ContentOp]) -> Result<Vec<Shown>, PdfError> {
    let mut w = Walker {
        doc,
        fonts,
        cache: HashMap::new(),
        state: State {
            ctm: IDENTITY,
            text: TextState {
                font: None,
                size: 0.0,
                char_spacing: 0.0,
                word_spacing: 0.0,
                scale: 1.0,
                leading: 0.0,
                rise: 0.0,
            },
        },
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        shown: Vec::new(),
    };
    for (i, op) in ops.iter().enumerate() {
        w.run(i, op)?;
    }
    Ok(w.shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        // Translate then scale: the point (1, 1) goes to (2, 2) and then to (4, 6).
        let m = mul(
            &[1.0, 0.0, 0.0, 1.0, 1.0, 1.0],
            &[2.0, 0.0, 0.0, 3.0, 0.0, 0.0],
        );
        assert_eq!(apply(&m, 1.0, 1.0), (4.0, 6.0));
    }
}
