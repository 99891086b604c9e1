//! The parts of a letter: letterhead (kop surat), particulars, paragraphs, numbered points,
//! signature block and copies (tembusan), each set onto a [`Flow`].

use super::layout::{wrap, Align, Flow, Mark};
use super::metrics::Face;
use super::spec::LetterSpec;
use super::wording as w;

/// First-line indent of paragraphs, and the indent of numbered points.
pub(crate) const INDENT: f32 = 36.0;

/// How densely a letter is set and how much of the wording it carries.
pub(crate) struct Style {
    /// Body text size.
    pub(crate) size: f32,
    /// Line pitch.
    pub(crate) leading: f32,
    /// Height left blank above the signer's name, for the signature.
    pub(crate) signature_space: f32,
    /// Carries the meeting agenda, the numbered points and the copies.
    pub(crate) full: bool,
}

pub(crate) fn letterhead(flow: &mut Flow) {
    let top = flow.y;
    let emblem = 62.0;
    flow.mark(Mark::Emblem {
        x: flow.left,
        y: flow.y - emblem,
        w: emblem * 0.82,
        h: emblem,
    });
    let offset = emblem;
    let room = flow.column() - offset;
    let fit = |text: &str, face: Face, size: f32| size.min(room * size / face.width(text, size));
    flow.line(
        w::GOVERNMENT,
        Face::HelveticaBold,
        15.0,
        19.0,
        Align::CenterFrom(offset),
    );
    let size = fit(w::OFFICE, Face::HelveticaBold, 13.0);
    flow.line(
        w::OFFICE,
        Face::HelveticaBold,
        size,
        size + 5.0,
        Align::CenterFrom(offset),
    );
    for line in w::ADDRESS {
        let size = fit(line, Face::Helvetica, 8.5);
        flow.line(
            line,
            Face::Helvetica,
            size,
            size + 3.5,
            Align::CenterFrom(offset),
        );
    }
    flow.y = flow.y.min(top - emblem) - 6.0;
    let (x1, x2) = (flow.left, flow.right);
    flow.mark(Mark::Rule {
        x1,
        x2,
        y: flow.y,
        width: 2.4,
    });
    flow.mark(Mark::Rule {
        x1,
        x2,
        y: flow.y - 3.6,
        width: 0.8,
    });
    flow.y -= 16.0;
}

pub(crate) fn particulars(flow: &mut Flow, st: &Style, spec: &LetterSpec) {
    flow.line(
        &spec.place_date,
        Face::Times,
        st.size,
        st.leading,
        Align::Right,
    );
    flow.skip(4.0);
    labelled(flow, st, 0.0, 62.0, w::NOMOR, &spec.number);
    labelled(flow, st, 0.0, 62.0, w::SIFAT.0, w::SIFAT.1);
    labelled(flow, st, 0.0, 62.0, w::LAMPIRAN.0, w::LAMPIRAN.1);
    labelled(flow, st, 0.0, 62.0, w::HAL, &spec.title);
    flow.skip(14.0);
    let yth = "Yth. ";
    let hang = Face::Times.width(yth, st.size);
    let to = wrap(
        &spec.addressee,
        Face::Times,
        st.size,
        flow.column() * 0.6,
        0.0,
    );
    for (i, line) in to.iter().enumerate() {
        if i == 0 {
            flow.line(
                &format!("{yth}{line}"),
                Face::Times,
                st.size,
                st.leading,
                Align::Left(0.0),
            );
        } else {
            flow.line(line, Face::Times, st.size, st.leading, Align::Left(hang));
        }
    }
    flow.line("di", Face::Times, st.size, st.leading, Align::Left(0.0));
    flow.line(
        "Muara Enim",
        Face::Times,
        st.size,
        st.leading,
        Align::Left(hang + 18.0),
    );
    flow.skip(14.0);
}

/// A "label : value" row; the value wraps under itself.
pub(crate) fn labelled(
    flow: &mut Flow,
    st: &Style,
    indent: f32,
    label_width: f32,
    label: &str,
    value: &str,
) {
    let at = indent + label_width + 8.0;
    let lines = wrap(value, Face::Times, st.size, flow.column() - at - 40.0, 0.0);
    for (i, line) in lines.iter().enumerate() {
        flow.keep(st.leading);
        if i == 0 {
            flow.line(label, Face::Times, st.size, 0.0, Align::Left(indent));
            flow.line(
                ":",
                Face::Times,
                st.size,
                0.0,
                Align::Left(indent + label_width),
            );
        }
        flow.line(line, Face::Times, st.size, st.leading, Align::Left(at));
    }
}

/// A justified paragraph with an indented first line.
pub(crate) fn paragraph(flow: &mut Flow, st: &Style, text: &str) {
    let lines = wrap(text, Face::Times, st.size, flow.column(), INDENT);
    justified(flow, st, &lines, INDENT, 0.0);
    flow.skip(6.0);
}

/// A numbered point with a hanging indent.
pub(crate) fn numbered(flow: &mut Flow, st: &Style, n: usize, text: &str) {
    let lines = wrap(text, Face::Times, st.size, flow.column() - INDENT, 0.0);
    flow.keep(st.leading * 2.0);
    let number = format!("{n}.");
    let at = INDENT - 5.0 - Face::Times.width(&number, st.size);
    flow.line(&number, Face::Times, st.size, 0.0, Align::Left(at));
    justified(flow, st, &lines, INDENT, INDENT);
    flow.skip(2.0);
}

/// Sets `lines` justified, the first at `first` and the rest at `rest`; the last line is
/// set ragged.
pub(crate) fn justified(flow: &mut Flow, st: &Style, lines: &[String], first: f32, rest: f32) {
    for (i, line) in lines.iter().enumerate() {
        let indent = if i == 0 { first } else { rest };
        let align = if i + 1 == lines.len() {
            Align::Left(indent)
        } else {
            Align::Justify(indent)
        };
        flow.line(line, Face::Times, st.size, st.leading, align);
    }
}

pub(crate) fn signature_block(flow: &mut Flow, st: &Style, spec: &LetterSpec) {
    let offset = flow.column() * 0.45;
    let position = wrap(
        &spec.signer_position,
        Face::Times,
        st.size,
        flow.column() - offset,
        0.0,
    );
    flow.skip(10.0);
    flow.keep(st.leading * (position.len() as f32 + 3.0) + st.signature_space);
    for line in &position {
        flow.line(line, Face::Times, st.size, st.leading, Align::Left(offset));
    }
    flow.y -= st.signature_space;
    let name_width = Face::TimesBold.width(&spec.signer_name, st.size);
    let x1 = flow.left + offset;
    flow.line(
        &spec.signer_name,
        Face::TimesBold,
        st.size,
        st.leading,
        Align::Left(offset),
    );
    let y = flow.y + st.leading - st.size - 2.0;
    flow.mark(Mark::Rule {
        x1,
        x2: x1 + name_width,
        y,
        width: 0.7,
    });
    flow.line(
        &spec.signer_rank,
        Face::Times,
        st.size,
        st.leading,
        Align::Left(offset),
    );
    flow.line(
        &spec.signer_nip,
        Face::Times,
        st.size,
        st.leading,
        Align::Left(offset),
    );
}

pub(crate) fn copies(flow: &mut Flow) {
    let (size, leading) = (10.5, 14.0);
    flow.skip(16.0);
    flow.keep(leading * (w::TEMBUSAN.len() as f32 + 1.0));
    flow.line("Tembusan:", Face::Times, size, leading, Align::Left(0.0));
    for (i, copy) in w::TEMBUSAN.iter().enumerate() {
        flow.line(
            &format!("{}.", i + 1),
            Face::Times,
            size,
            0.0,
            Align::Left(0.0),
        );
        flow.line(copy, Face::Times, size, leading, Align::Left(14.0));
    }
}
