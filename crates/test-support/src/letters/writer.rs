//! Serialises laid-out pages to PDF bytes with the standard-14 fonts, /Info and /ID.

use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use sha2::{Digest, Sha256};

use super::layout::Mark;
use super::metrics::{win_ansi, Face};
use super::spec::LetterSpec;

const CATALOG: Ref = Ref::new(1);
const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
/// Fonts take the four ids after this one, pages and their contents the rest.
const FIRST_FONT: i32 = 4;

/// Writes the letter's pages as a complete PDF with a classic cross-reference table.
pub(crate) fn write(spec: &LetterSpec, pages: &[Vec<Mark>]) -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    let page_base = FIRST_FONT + Face::ALL.len() as i32;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(page_base + 2 * i as i32))
        .collect();

    pdf.catalog(CATALOG).pages(PAGE_TREE);
    pdf.pages(PAGE_TREE)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    info(&mut pdf, spec);
    for (i, face) in Face::ALL.iter().enumerate() {
        pdf.type1_font(Ref::new(FIRST_FONT + i as i32))
            .base_font(Name(face.base_font()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }

    let (width, height) = spec.size.points();
    for (marks, &id) in pages.iter().zip(&page_ids) {
        let contents = Ref::new(id.get() + 1);
        let mut page = pdf.page(id);
        page.parent(PAGE_TREE)
            .media_box(Rect::new(0.0, 0.0, width, height))
            .contents(contents);
        if let Some(degrees) = spec.rotated {
            page.rotate(degrees);
        }
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        for (i, face) in Face::ALL.iter().enumerate() {
            fonts.pair(Name(face.resource_name()), Ref::new(FIRST_FONT + i as i32));
        }
        fonts.finish();
        resources.finish();
        page.finish();
        pdf.stream(contents, &draw(marks));
    }

    pdf.set_file_id(file_id(spec));
    pdf.finish()
}

fn info(pdf: &mut Pdf, spec: &LetterSpec) {
    let date = Date::new(2026)
        .month(11)
        .day(24)
        .hour(9)
        .minute(0)
        .second(0)
        .utc_offset_hour(7);
    let subject = format!("Naskah dinas Nomor {}", spec.number);
    pdf.document_info(INFO)
        .title(TextStr(&spec.title))
        .author(TextStr(
            "Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Muara Enim",
        ))
        .subject(TextStr(&subject))
        .creator(TextStr("Sertel sample letters"))
        .producer(TextStr("Sertel test-support"))
        .creation_date(date)
        .modified_date(date);
}

/// Both halves of /ID: the first 16 bytes of a SHA-256 over the spec, so equal specs give
/// equal files.
fn file_id(spec: &LetterSpec) -> (Vec<u8>, Vec<u8>) {
    let digest = Sha256::digest(format!("{spec:?}").as_bytes());
    let id = digest[..16].to_vec();
    (id.clone(), id)
}

fn draw(marks: &[Mark]) -> Vec<u8> {
    let mut content = Content::new();
    for mark in marks {
        match mark {
            Mark::Text {
                x,
                y,
                face,
                size,
                word_spacing,
                text,
            } => {
                content.begin_text();
                content.set_font(Name(face.resource_name()), *size);
                content.set_word_spacing(*word_spacing);
                content.next_line(*x, *y);
                content.show(Str(&win_ansi(text)));
                content.end_text();
            }
            Mark::Rule { x1, x2, y, width } => {
                content.set_line_width(*width);
                content.move_to(*x1, *y).line_to(*x2, *y).stroke();
            }
            Mark::Emblem { x, y, w, h } => emblem(&mut content, *x, *y, *w, *h),
        }
    }
    content.finish().to_vec()
}

/// Points of a five-pointed star on the unit circle, outer and inner alternating.
const STAR: [(f32, f32); 10] = [
    (0.0, 1.0),
    (-0.225, 0.309),
    (-0.951, 0.309),
    (-0.363, -0.118),
    (-0.588, -0.809),
    (0.0, -0.382),
    (0.588, -0.809),
    (0.363, -0.118),
    (0.951, 0.309),
    (0.225, 0.309),
];

/// A green shield with a gold star over two rivers meeting (Enim and Lematang).
fn emblem(c: &mut Content, x: f32, y: f32, w: f32, h: f32) {
    c.save_state();
    c.set_fill_rgb(0.05, 0.45, 0.22)
        .set_stroke_rgb(0.65, 0.5, 0.05);
    c.set_line_width(1.6);
    c.move_to(x, y + h)
        .line_to(x + w, y + h)
        .line_to(x + w, y + h * 0.42);
    c.cubic_to(
        x + w,
        y + h * 0.15,
        x + w * 0.6,
        y + h * 0.05,
        x + w / 2.0,
        y,
    );
    c.cubic_to(x + w * 0.4, y + h * 0.05, x, y + h * 0.15, x, y + h * 0.42);
    c.close_path().fill_nonzero_and_stroke();

    let (cx, cy, r) = (x + w / 2.0, y + h * 0.7, w * 0.2);
    c.set_fill_rgb(0.95, 0.78, 0.1);
    c.move_to(cx + STAR[0].0 * r, cy + STAR[0].1 * r);
    for (sx, sy) in &STAR[1..] {
        c.line_to(cx + sx * r, cy + sy * r);
    }
    c.close_path().fill_nonzero();

    c.set_stroke_rgb(0.55, 0.8, 1.0).set_line_width(2.2);
    let fork = (x + w / 2.0, y + h * 0.28);
    c.move_to(x + w * 0.18, y + h * 0.5).line_to(fork.0, fork.1);
    c.move_to(x + w * 0.82, y + h * 0.5).line_to(fork.0, fork.1);
    c.line_to(fork.0, y + h * 0.1).stroke();
    c.restore_state();
}
