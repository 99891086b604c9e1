//! The page tree: structure rules, indirect /Kids, depth.

mod common;

use common::Builder;
use sertel_pdf::{Document, Limits, ObjRef, PdfError};

fn open(bytes: Vec<u8>) -> Document {
    Document::open(bytes, Limits::default()).unwrap_or_else(|e| panic!("open failed: {e}"))
}

fn r(num: u32) -> ObjRef {
    ObjRef::new(num, 0)
}

#[test]
fn page_tree_rules() {
    let build = |pages: &str, page: &str| {
        let mut b = Builder::new();
        b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
        b.obj(2, 0, pages);
        b.obj(3, 0, page);
        b.xref_table("/Root 1 0 R");
        open(b.finish())
    };
    let good = build(
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R >>",
    );
    assert_eq!(good.pages().ok(), Some(vec![r(3)]));
    for (pages, page) in [
        (
            "<< /Type /Pages /Kids [3 0 R] >>",
            "<< /Type /Page /Parent 1 0 R >>",
        ),
        ("<< /Type /Pages /Kids [3 0 R] >>", "<< /Type /Page >>"),
        ("<< /Type /Pages /Kids [3 0 R] >>", "<< /Parent 2 0 R >>"),
        (
            "<< /Type /Pages /Kids [3 0 R 3 0 R] >>",
            "<< /Type /Page /Parent 2 0 R >>",
        ),
        (
            "<< /Type /Pages /Kids [2 0 R] >>",
            "<< /Type /Page /Parent 2 0 R >>",
        ),
        ("<< /Type /Pages /Kids [<< /Type /Page >>] >>", "null"),
        (
            "<< /Type /Pages /Kids 3 0 R >>",
            "<< /Type /Page /Parent 2 0 R >>",
        ),
        ("<< /Type /Pages >>", "null"),
        ("<< /Type /Page >>", "null"),
        ("<< /Type /Pages /Parent 2 0 R /Kids [] >>", "null"),
        ("<< /Type /Pages /Kids [3 0 R] >>", "[1 2]"),
        ("<< /Type /Pages /Kids [4 0 R] >>", "null"),
    ] {
        let doc = build(pages, page);
        assert!(doc.pages().is_err(), "{pages} / {page}");
    }
    // /Kids may be an indirect array.
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    b.obj(2, 0, "<< /Type /Pages /Kids 4 0 R /Count 1 >>");
    b.obj(3, 0, "<< /Type /Page /Parent 2 0 R >>");
    b.obj(4, 0, "[3 0 R]");
    b.xref_table("/Root 1 0 R");
    assert_eq!(open(b.finish()).pages().ok(), Some(vec![r(3)]));
}

#[test]
fn deep_but_legal_page_tree() -> Result<(), PdfError> {
    // A chain of 40 /Pages nodes with one page at the bottom.
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    for n in 2..42u32 {
        let parent = if n == 2 {
            String::new()
        } else {
            format!("/Parent {} 0 R", n - 1)
        };
        b.obj(
            n,
            0,
            &format!("<< /Type /Pages /Kids [{} 0 R] /Count 1 {parent} >>", n + 1),
        );
    }
    b.obj(42, 0, "<< /Type /Page /Parent 41 0 R >>");
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    assert_eq!(doc.pages()?, vec![r(42)]);
    let shallow = Document::open(
        {
            let mut b2 = Builder::new();
            b2.buf = b.buf.clone();
            b2.finish()
        },
        Limits {
            max_page_tree_depth: 10,
            ..Limits::default()
        },
    )?;
    assert!(matches!(
        shallow.pages(),
        Err(PdfError::LimitExceeded(sertel_pdf::Limit::PageTreeDepth))
    ));
    assert!(shallow.inherited(r(42), b"MediaBox").is_err());
    Ok(())
}

#[test]
fn flat_tree_with_many_pages_and_inherited_attributes() -> Result<(), PdfError> {
    // 20 000 pages under one /Pages node: looking up an inherited attribute for every page
    // must not re-parse the 20 000-element /Kids each time (which would exhaust the budget).
    let n = 20_000u32;
    let mut b = Builder::new();
    b.obj(1, 0, "<< /Type /Catalog /Pages 2 0 R >>");
    let kids: String = (0..n).map(|i| format!("{} 0 R ", i + 3)).collect();
    b.obj(
        2,
        0,
        &format!("<< /Type /Pages /Kids [{kids}] /Count {n} /MediaBox [0 0 10 10] >>"),
    );
    for i in 0..n {
        b.obj(i + 3, 0, "<< /Type /Page /Parent 2 0 R >>");
    }
    b.xref_table("/Root 1 0 R");
    let doc = open(b.finish());
    let pages = doc.pages()?;
    assert_eq!(pages.len(), n as usize);
    for p in pages {
        assert!(doc.inherited(p, b"MediaBox")?.is_some());
    }
    Ok(())
}
