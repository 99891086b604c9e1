//! Writing the laid-out letter as a PDF: A4, the standard Helvetica fonts (Arial's metrics, the
//! usual face of Indonesian official letters) in WinAnsiEncoding, compressed content, and a
//! document title. The same form always gives the same bytes.

use aws_lc_rs::digest::{Context, SHA256};
use pdf_writer::{Date, Filter, Finish, Name, Pdf, Rect, Ref, TextStr};

use crate::verify::pdf_report::page::{Font, Page, HEIGHT, WIDTH};
use crate::verify::pdf_report::writer::{deflate, draw};

const CATALOG: Ref = Ref::new(1);
const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
const FIRST_FONT: i32 = 4;

/// The document title.
pub const DOCUMENT_TITLE: &str = "Surat Rekomendasi Permohonan Penerbitan Sertifikat Elektronik";

/// `pages` as a PDF dated `date`.
pub(super) fn write(pages: &[Page], date: time::Date) -> Vec<u8> {
    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    let page_base = FIRST_FONT + Font::ALL.len() as i32;
    let page_ids: Vec<Ref> = (0..pages.len())
        .map(|i| Ref::new(page_base + 2 * i as i32))
        .collect();
    let mut catalog = pdf.catalog(CATALOG);
    catalog.pages(PAGE_TREE);
    catalog.lang(TextStr("id-ID"));
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
    let pdf_date = Date::new(date.year().clamp(0, 9999) as u16)
        .month(u8::from(date.month()))
        .day(date.day());
    let producer = format!("Sertel {}", crate::VERSION);
    pdf.document_info(INFO)
        .title(TextStr(DOCUMENT_TITLE))
        .creator(TextStr(&producer))
        .producer(TextStr(&producer))
        .creation_date(pdf_date);
    let file_id = id.finish().as_ref()[..16].to_vec();
    pdf.set_file_id((file_id.clone(), file_id));
    pdf.finish()
}
