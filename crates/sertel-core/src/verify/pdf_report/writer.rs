//! The PDF file: the laid-out pages with a running footer ("Halaman 1 dari 3"), the two
//! standard fonts, compressed content streams and the document information.

use std::io::Write;

use aws_lc_rs::digest::{Context, SHA256};
use flate2::write::ZlibEncoder;
use flate2::Compression;
use pdf_writer::{Content, Date, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::page::{Font, Mark, Page, Rgb, HEIGHT, MARGIN, TEXT_WIDTH, WIDTH};
use super::ReportOptions;
use crate::pades::text::{win_ansi, WIB};

const CATALOG: Ref = Ref::new(1);
const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
/// The fonts take the ids after this one, the pages and their contents the rest.
const FIRST_FONT: i32 = 4;
/// Footer text.
const FOOTER_SIZE: f32 = 7.5;
const FOOTER_INK: Rgb = Rgb(0.4, 0.43, 0.48);

/// What the document says about itself.
pub(super) struct Meta<'a> {
    /// The title, also in the footer.
    pub title: &'a str,
    /// Application and version, the `/Producer`.
    pub producer: &'a str,
}

/// What a document says about itself besides its pages.
pub(crate) struct DocumentInfo<'a> {
    /// The language tag of the catalog (`id-ID`, `en-US`).
    pub lang: &'a str,
    /// The title (`/Title`, shown by viewers).
    pub title: &'a str,
    /// Application and version (`/Creator`, `/Producer`).
    pub producer: &'a str,
    /// `/CreationDate`.
    pub created: Date,
    /// `/ModDate`, when the document states one.
    pub modified: Option<Date>,
    /// Bytes mixed into the file identifier after the page contents.
    pub id_salt: &'a [u8],
}

/// Writes `pages` as a complete PDF: the two standard fonts, compressed content streams, the
/// document information and a file identifier derived from the contents.
pub(crate) fn write_document(pages: &[Page], doc: &DocumentInfo<'_>) -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    let page_base = FIRST_FONT + Font::ALL.len() as i32;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(page_base + 2 * i as i32))
        .collect();
    let mut catalog = pdf.catalog(CATALOG);
    catalog.pages(PAGE_TREE);
    catalog.lang(TextStr(doc.lang));
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();
    pdf.pages(PAGE_TREE)
        .kids(page_ids.iter().copied())
        .count(pages.len() as i32);
    for (i, font) in Font::ALL.iter().enumerate() {
        pdf.type1_font(Ref::new(FIRST_FONT + i as i32))
            .base_font(Name(font.base_font()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    let mut id = Context::new(&SHA256);
    for (marks, &page_id) in pages.iter().zip(&page_ids) {
        let contents = Ref::new(page_id.get() + 1);
        let mut page = pdf.page(page_id);
        page.parent(PAGE_TREE)
            .media_box(Rect::new(0.0, 0.0, WIDTH, HEIGHT))
            .contents(contents);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        for (i, font) in Font::ALL.iter().enumerate() {
            fonts.pair(Name(font.resource()), Ref::new(FIRST_FONT + i as i32));
        }
        fonts.finish();
        resources.finish();
        page.finish();
        let drawn = draw(marks);
        id.update(&drawn);
        let (data, deflated) = deflate(drawn);
        let mut stream = pdf.stream(contents, &data);
        if deflated {
            stream.filter(Filter::FlateDecode);
        }
        stream.finish();
    }
    let mut info = pdf.document_info(INFO);
    info.title(TextStr(doc.title))
        .creator(TextStr(doc.producer))
        .producer(TextStr(doc.producer))
        .creation_date(doc.created);
    if let Some(modified) = doc.modified {
        info.modified_date(modified);
    }
    info.finish();
    id.update(doc.id_salt);
    let digest = id.finish();
    let file_id = digest.as_ref()[..16].to_vec();
    pdf.set_file_id((file_id.clone(), file_id));
    pdf.finish()
}

/// Writes the report's `pages` as a complete PDF, each with its running footer.
pub(super) fn write(pages: &[Page], meta: &Meta<'_>, options: &ReportOptions) -> Vec<u8> {
    let total = pages.len();
    let pages: Vec<Page> = pages
        .iter()
        .enumerate()
        .map(|(n, marks)| {
            let mut all = marks.clone();
            all.extend(footer(meta, options, n + 1, total));
            all
        })
        .collect();
    let t = options.created.to_offset(WIB);
    let date = Date::new(t.year().clamp(0, 9999) as u16)
        .month(u8::from(t.month()))
        .day(t.day())
        .hour(t.hour())
        .minute(t.minute())
        .second(t.second())
        .utc_offset_hour(7)
        .utc_offset_minute(0);
    write_document(
        &pages,
        &DocumentInfo {
            lang: options.lang.pick("id-ID", "en-US"),
            title: meta.title,
            producer: meta.producer,
            created: date,
            modified: Some(date),
            id_salt: &options.created.unix_timestamp().to_be_bytes(),
        },
    )
}

/// The running footer of page `n` of `total`: a rule, the title on the left, the page number
/// on the right.
fn footer(meta: &Meta<'_>, options: &ReportOptions, n: usize, total: usize) -> Vec<Mark> {
    let number = win_ansi(&options.lang.pick(
        format!("Halaman {n} dari {total}"),
        format!("Page {n} of {total}"),
    ));
    let left = win_ansi(&format!("{} \u{b7} {}", meta.producer, meta.title));
    let right_x = MARGIN + TEXT_WIDTH - Font::Regular.width(&number, FOOTER_SIZE);
    vec![
        Mark::Rule {
            x1: MARGIN,
            x2: MARGIN + TEXT_WIDTH,
            y: 48.0,
            width: 0.5,
            color: Rgb(0.78, 0.8, 0.84),
        },
        Mark::Text {
            x: MARGIN,
            baseline: 36.0,
            font: Font::Regular,
            size: FOOTER_SIZE,
            color: FOOTER_INK,
            text: left,
        },
        Mark::Text {
            x: right_x,
            baseline: 36.0,
            font: Font::Regular,
            size: FOOTER_SIZE,
            color: FOOTER_INK,
            text: number,
        },
    ]
}

/// The content stream drawing `marks`.
pub(crate) fn draw(marks: &[Mark]) -> Vec<u8> {
    let mut content = Content::new();
    for mark in marks {
        match mark {
            Mark::Text {
                x,
                baseline,
                font,
                size,
                color: Rgb(r, g, b),
                text,
            } => {
                content.begin_text();
                content.set_fill_rgb(*r, *g, *b);
                content.set_font(Name(font.resource()), *size);
                content.next_line(*x, *baseline);
                content.show(Str(text));
                content.end_text();
            }
            Mark::Fill {
                x,
                y,
                width,
                height,
                color: Rgb(r, g, b),
            } => {
                content.set_fill_rgb(*r, *g, *b);
                content.rect(*x, *y, *width, *height).fill_nonzero();
            }
            Mark::Rule {
                x1,
                x2,
                y,
                width,
                color: Rgb(r, g, b),
            } => {
                content.set_stroke_rgb(*r, *g, *b);
                content.set_line_width(*width);
                content.move_to(*x1, *y).line_to(*x2, *y).stroke();
            }
        }
    }
    content.finish().to_vec()
}

/// `data` deflated, and whether it was (if compressing failed, it is returned as it was).
pub(crate) fn deflate(data: Vec<u8>) -> (Vec<u8>, bool) {
    let mut encoder = ZlibEncoder::new(Vec::new(), Compression::default());
    match encoder.write_all(&data).and_then(|()| encoder.finish()) {
        Ok(compressed) => (compressed, true),
        Err(_) => (data, false),
    }
}
