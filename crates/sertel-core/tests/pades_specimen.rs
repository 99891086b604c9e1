//! The Indonesian signature specimen on real letters, judged by independent tools: pyHanko and
//! pdfsig accept the signatures, `qpdf --check` the structure, `pdffonts` shows the embedded
//! subset font, `pdftotext` extracts the name with its diacritics and the footer (and no
//! longer the marker), and `zbarimg` decodes the QR code from a `pdftoppm` rendering to the
//! verification URL with the document id.
//!
//! Letters: A4 portrait, A4 landscape and rotated by 270 degrees with a `$ttd$` marker in
//! place of the signature block; rotated by 90 degrees with the box at a page position; and a
//! letter whose MediaBox is not at the origin, with the marker split across `TJ` elements.
//! With `SERTEL_SCREENSHOT_DIR` set, the rendered pages are kept there as `specimen-*.png`.

use std::path::{Path, PathBuf};

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str};
use sertel_core::key::KeyAlgorithm;
use sertel_core::pades::specimen::footer::REGENCY_FOOTER;
use sertel_core::pades::{
    sign_file, write_preview, Appearance, PageChoice, Placement, SignError, SignOptions,
    SignedFile, Specimen, SpecimenError,
};
use test_support::judges::{
    pdffonts, pdfsig, pdftotext, pyhanko_validate, qpdf_check, qr_codes, render_page,
};
use test_support::letters::{sample_letter, LetterSpec, PageSize};
use test_support::pki::TestPki;

const SIGNING_TIME: i64 = 1_780_272_000;
const NAME: &str = "Dr. Ir. Ňoman Sëtiawan, S.T., M.Eng.";
const URL: &str = "https://tte.muaraenimkab.go.id/v/{id}";

/// A 96 × 96 logo with transparency: a green ring around a gold disc.
fn logo(dir: &Path) -> PathBuf {
    let n = 96u32;
    let mut px = Vec::with_capacity((n * n * 4) as usize);
    for y in 0..n {
        for x in 0..n {
            let (dx, dy) = (x as f64 - 47.5, y as f64 - 47.5);
            let r = (dx * dx + dy * dy).sqrt();
            let rgba = if r < 30.0 {
                [242, 190, 26, 255]
            } else if r < 46.0 {
                [13, 115, 56, 255]
            } else {
                [255, 255, 255, 0]
            };
            px.extend_from_slice(&rgba);
        }
    }
    let path = dir.join("logo.png");
    let file = std::fs::File::create(&path).expect("logo file");
    let mut e = png::Encoder::new(std::io::BufWriter::new(file), n, n);
    e.set_color(png::ColorType::Rgba);
    e.set_depth(png::BitDepth::Eight);
    let mut w = e.write_header().expect("png header");
    w.write_image_data(&px).expect("png data");
    path
}

fn specimen(placement: Placement, logo: Option<PathBuf>) -> Specimen {
    Specimen {
        placement,
        jabatan: Some(
            "Kepala Dinas Komunikasi, Informatika, Statistik dan Persandian Kabupaten Muara Enim"
                .into(),
        ),
        name_with_titles: Some(NAME.into()),
        pangkat: Some("Pembina Utama Muda (IV/c)".into()),
        nip: Some("197803122003121004".into()),
        logo,
        verify_url: URL.into(),
        issuer_footers: Vec::new(),
        default_footer: None,
    }
}

fn options(spec: Specimen) -> SignOptions {
    SignOptions {
        appearance: Appearance::Specimen(Box::new(spec)),
        signing_time: Some(SIGNING_TIME),
        reason: Some("Persetujuan naskah dinas".into()),
        ..SignOptions::default()
    }
}

fn sign(input: &Path, output: &Path, spec: Specimen) -> Result<SignedFile, SignError> {
    let e = TestPki::get().signer(KeyAlgorithm::EcdsaP256);
    sign_file(
        input,
        output,
        e.signer.as_ref(),
        &e.certificate,
        &e.chain,
        &options(spec),
    )
}

/// A letter of two pages whose MediaBox starts at (-40, -60) and whose CropBox is smaller
/// still, in Times-Roman without /Widths; page 2 carries `$ttd$` split across `TJ` elements
/// with text after it on the same line, plus `extra` more markers.
fn marker_letter(extra: usize) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let (catalog, tree, font) = (Ref::new(1), Ref::new(2), Ref::new(3));
    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree).kids([Ref::new(10), Ref::new(12)]).count(2);
    pdf.type1_font(font)
        .base_font(Name(b"Times-Roman"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    for (i, id) in [10, 12].into_iter().enumerate() {
        let mut c = Content::new();
        c.begin_text();
        c.set_font(Name(b"F1"), 16.0);
        c.next_line(40.0, 740.0);
        c.show(Str(b"PEMERINTAH KABUPATEN MUARA ENIM"));
        c.end_text();
        c.begin_text();
        c.set_font(Name(b"F1"), 11.0);
        c.next_line(40.0, 690.0);
        for line in [
            "Dengan hormat, bersama ini kami sampaikan undangan sosialisasi tanda tangan",
            "elektronik bagi seluruh pejabat di lingkungan Pemerintah Kabupaten Muara Enim.",
            "Atas perhatian Saudara, kami ucapkan terima kasih.",
        ] {
            c.show(Str(line.as_bytes()));
            c.next_line(0.0, -15.0);
        }
        c.end_text();
        if i == 1 {
            c.begin_text();
            c.set_font(Name(b"F1"), 11.0);
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, 290.0, 600.0]);
            c.show(Str(b"Kepala Dinas Kominfo SP,"));
            c.set_text_matrix([1.0, 0.0, 0.0, 1.0, 290.0, 570.0]);
            let mut tj = c.show_positioned();
            let mut items = tj.items();
            items.show(Str(b"$t"));
            items.adjust(-12.0);
            items.show(Str(b"td"));
            items.show(Str(b"$ (tanda tangan)"));
            items.finish();
            tj.finish();
            c.end_text();
            for k in 0..extra {
                c.begin_text();
                c.set_font(Name(b"F1"), 11.0);
                c.next_line(40.0, 300.0 - 20.0 * k as f32);
                c.show(Str(b"$ttd$"));
                c.end_text();
            }
            c.begin_text();
            c.set_font(Name(b"F1"), 10.0);
            c.next_line(40.0, 120.0);
            c.show(Str(b"Tembusan: Bupati Muara Enim (sebagai laporan)"));
            c.end_text();
        }
        let contents = Ref::new(id + 1);
        let mut page = pdf.page(Ref::new(id));
        page.parent(tree)
            .media_box(Rect::new(-40.0, -60.0, 555.28, 781.89))
            .crop_box(Rect::new(-30.0, -50.0, 545.0, 770.0))
            .contents(contents);
        page.resources().fonts().pair(Name(b"F1"), font);
        page.finish();
        pdf.stream(contents, &c.finish());
    }
    pdf.finish()
}

/// The text in content order (`pdftotext -raw`), white space squeezed: the specimen's lines
/// stay together even beside sideways letter text.
fn raw_text(pdf: &Path) -> String {
    let run = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (scripts/setup.sh installs it)");
    assert!(run.status.success(), "pdftotext -raw failed");
    String::from_utf8_lossy(&run.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

struct Case {
    slug: &'static str,
    letter: Vec<u8>,
    placement: Placement,
    page: usize,
}

fn cases() -> Vec<Case> {
    // The e-signed form of the sample letter: `$ttd$` where the signature block goes
    // (jabatan, space, name, rank and NIP all come from the specimen).
    let letter = |size, rotated| {
        sample_letter(&LetterSpec {
            rotated,
            signer_position: "$ttd$".into(),
            signer_name: String::new(),
            signer_rank: String::new(),
            signer_nip: String::new(),
            ..LetterSpec::new(1, size)
        })
    };
    let at = |x, y| Placement::At {
        page: PageChoice::Last,
        x,
        y,
        width: 270.0,
        height: 125.0,
    };
    vec![
        Case {
            slug: "portrait",
            letter: letter(PageSize::A4Portrait, None),
            placement: Placement::default(),
            page: 1,
        },
        Case {
            slug: "landscape",
            letter: letter(PageSize::A4Landscape, None),
            placement: Placement::default(),
            page: 1,
        },
        Case {
            slug: "rotated-90",
            letter: letter(PageSize::A4Portrait, Some(90)),
            placement: Placement::default(),
            page: 1,
        },
        Case {
            slug: "rotated-90-at-position",
            letter: sample_letter(&LetterSpec {
                rotated: Some(90),
                ..LetterSpec::new(2, PageSize::F4)
            }),
            placement: at(560.0, 40.0),
            page: 2,
        },
        Case {
            slug: "rotated-180-first-page",
            letter: sample_letter(&LetterSpec {
                rotated: Some(180),
                ..LetterSpec::new(2, PageSize::Letter)
            }),
            placement: Placement::At {
                page: PageChoice::First,
                x: 300.0,
                y: 30.0,
                width: 280.0,
                height: 120.0,
            },
            page: 1,
        },
        Case {
            slug: "rotated-270",
            letter: letter(PageSize::A4Portrait, Some(270)),
            placement: Placement::default(),
            page: 1,
        },
        Case {
            slug: "marker",
            letter: marker_letter(0),
            placement: Placement::default(),
            page: 2,
        },
    ]
}

#[test]
fn specimen_letters_pass_every_judge() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pki = TestPki::get();
    pki.write_pem_files(dir.path()).expect("pem files");
    let root = dir.path().join("root.pem");
    let logo = logo(dir.path());
    let keep = std::env::var_os("SERTEL_SCREENSHOT_DIR").map(PathBuf::from);
    for case in cases() {
        let input = dir.path().join(format!("{}.pdf", case.slug));
        std::fs::write(&input, &case.letter).expect("write letter");
        let output = dir.path().join(format!("{}-signed.pdf", case.slug));
        let signed = sign(
            &input,
            &output,
            specimen(case.placement, Some(logo.clone())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", case.slug));
        let id = signed.document_id.clone().expect("a document id");
        let url = URL.replace("{id}", &id);
        assert_eq!(signed.verify_url.as_deref(), Some(url.as_str()));

        let q = qpdf_check(&output);
        assert!(q.ok && !q.warnings, "{}: qpdf: {}", case.slug, q.output);
        let p = pdfsig(&output);
        assert!(
            p.ok && p.signatures.len() == 1,
            "{}: pdfsig: {}",
            case.slug,
            p.output
        );
        let h = pyhanko_validate(&output, &root);
        assert!(h.ok, "{}: pyHanko: {}", case.slug, h.output);

        let fonts = pdffonts(&output).stdout;
        for face in ["DejaVuSans ", "DejaVuSans-Bold "] {
            let line = fonts
                .lines()
                .find(|l| l.contains(&format!("+{face}")))
                .unwrap_or_else(|| panic!("{}: no {face} subset:\n{fonts}", case.slug));
            assert!(
                line.contains("CID TrueType") && line.contains("Identity-H"),
                "{}: {line}",
                case.slug
            );
            let flags: Vec<&str> = line.split_whitespace().rev().take(5).collect();
            // …  emb sub uni  object ID: "yes yes yes <num> <gen>"
            assert_eq!(&flags[2..], ["yes", "yes", "yes"], "{}: {line}", case.slug);
        }

        let text = pdftotext(&output);
        assert!(
            text.contains(NAME),
            "{}: name not extracted:\n{}",
            case.slug,
            text.all()
        );
        assert!(text.contains("NIP 19780312 200312 1 004"), "{}", case.slug);
        let squeezed = raw_text(&output);
        let footer = REGENCY_FOOTER.replace("{issuer}", "Sertel Test Issuing CA");
        assert!(
            squeezed.contains(&footer),
            "{}: footer:\n{squeezed}",
            case.slug
        );
        assert!(
            !squeezed.contains("$ttd$") && !squeezed.contains("$t"),
            "{}: the marker is still there",
            case.slug
        );

        let png = render_page(&output, case.page, 150, &dir.path().join(case.slug));
        let (codes, run) = qr_codes(&png);
        assert_eq!(codes, vec![url.clone()], "{}: zbarimg: {run}", case.slug);
        if let Some(keep) = &keep {
            render_page(
                &output,
                case.page,
                100,
                &keep.join(format!("specimen-{}", case.slug)),
            );
        }
    }
}

#[test]
fn marker_text_after_the_marker_keeps_its_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("marker.pdf");
    std::fs::write(&input, marker_letter(0)).expect("write");
    let output = dir.path().join("marker-signed.pdf");
    sign(&input, &output, specimen(Placement::default(), None)).expect("signs");
    let bbox = |pdf: &Path| {
        let run = std::process::Command::new("pdftotext")
            .args(["-bbox", "-f", "2", "-l", "2"])
            .arg(pdf)
            .arg("-")
            .output()
            .expect("pdftotext");
        let html = String::from_utf8_lossy(&run.stdout).into_owned();
        html.lines()
            .find(|l| l.ends_with(">(tanda</word>"))
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("no '(tanda' word in {}:\n{html}", pdf.display()))
    };
    assert_eq!(
        bbox(&input),
        bbox(&output),
        "the rest of the marker line moved"
    );
}

#[test]
fn marker_errors_are_clear() {
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("plain.pdf");
    std::fs::write(&plain, sample_letter(&LetterSpec::default())).expect("write");
    let err = sign(
        &plain,
        &dir.path().join("a.pdf"),
        specimen(Placement::default(), None),
    )
    .expect_err("no marker");
    assert!(
        matches!(&err, SignError::Specimen(SpecimenError::MarkerNotFound(m)) if m == "$ttd$"),
        "{err}"
    );
    assert!(
        sertel_core::i18n::Localized::message(&err, sertel_core::i18n::Lang::Id)
            .contains("tidak ditemukan"),
        "{err}"
    );

    let twice = dir.path().join("twice.pdf");
    std::fs::write(&twice, marker_letter(2)).expect("write");
    let err = sign(
        &twice,
        &dir.path().join("b.pdf"),
        specimen(Placement::default(), None),
    )
    .expect_err("three markers");
    assert!(
        matches!(
            &err,
            SignError::Specimen(SpecimenError::MarkerAmbiguous { count: 3, .. })
        ),
        "{err}"
    );
    let first = Placement::Marker {
        text: "$ttd$".into(),
        first: true,
        size: None,
    };
    let out = dir.path().join("c.pdf");
    sign(&twice, &out, specimen(first, None)).expect("first occurrence");
    let squeezed = pdftotext(&out).all();
    assert_eq!(squeezed.matches("$ttd$").count(), 2, "{squeezed}");
}

#[test]
fn preview_looks_like_the_signed_letter() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = dir.path().join("marker.pdf");
    std::fs::write(&input, marker_letter(0)).expect("write");
    let e = TestPki::get().signer(KeyAlgorithm::EcdsaP256);
    let preview = dir.path().join("preview.pdf");
    let opts = options(specimen(Placement::default(), None));
    let p = write_preview(&input, &preview, &e.certificate, &opts).expect("preview");
    assert_eq!(p.page, 2);
    let q = qpdf_check(&preview);
    assert!(q.ok && !q.warnings, "qpdf: {}", q.output);
    assert!(
        pdfsig(&preview).signatures.is_empty(),
        "a preview is not signed"
    );
    let text = pdftotext(&preview);
    assert!(
        text.contains(NAME) && !text.all().contains("$ttd$"),
        "{}",
        text.all()
    );
    let png = render_page(&preview, 2, 150, &dir.path().join("preview"));
    let (codes, run) = qr_codes(&png);
    assert!(
        codes.len() == 1 && codes[0].starts_with("https://tte.muaraenimkab.go.id/v/"),
        "{run}"
    );
    let signed = dir.path().join("signed.pdf");
    sign(&input, &signed, specimen(Placement::default(), None)).expect("signs");
    let rect = |pdf: &Path| {
        let doc = sertel_pdf::Document::open(std::fs::read(pdf).expect("read"), Default::default())
            .expect("opens");
        let page = doc.pages().expect("pages")[1];
        let annots = doc
            .get(page)
            .expect("page")
            .into_dict()
            .and_then(|d| d.get(b"Annots").cloned())
            .expect("annots");
        let last = doc
            .resolve(&annots)
            .expect("annots")
            .into_array()
            .expect("array");
        let annot = doc.resolve(last.last().expect("one")).expect("annot");
        annot
            .as_dict()
            .and_then(|d| d.get(b"Rect").cloned())
            .expect("rect")
    };
    assert_eq!(
        rect(&preview),
        rect(&signed),
        "the preview box is the signed box"
    );
}
