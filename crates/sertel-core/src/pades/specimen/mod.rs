//! The Indonesian signature specimen (the visible signature of a signed letter).
//!
//! ```text
//! ┌──────────────────────────────────────────────────────────┐
//! │ [logo]  Ditandatangani secara elektronik oleh:           │
//! │         KEPALA DINAS … (jabatan, bold, wrapped)          │
//! │ ┌────┐  Dr. Ir. Ňoman Sëtiawan, S.T., M.Eng. (bold)      │
//! │ │ QR │  Pembina Utama Muda (IV/c)                        │
//! │ └────┘  NIP 19780312 200312 1 004                        │
//! │──────────────────────────────────────────────────────────│
//! │ Dokumen ini telah ditandatangani secara elektronik …     │
//! └──────────────────────────────────────────────────────────┘
//! ```
//!
//! The QR code carries the public verification URL of this very document: a fresh random
//! 128-bit document id ([`docid`]) put into the configured URL template. The id is also
//! recorded in the signature dictionary (`/SertelDocumentId`) and returned with the signing
//! result, for the app to register with the server. Text is set in an embedded subset of
//! DejaVu Sans ([`font`]); the box reads upright on rotated pages ([`geometry`]); it is placed
//! by page and position or where a marker text stands ([`marker`]).

pub mod docid;
pub mod draw;
pub mod error;
pub mod font;
pub mod footer;
pub mod geometry;
pub mod layout;
pub mod locate;
pub mod logo;
pub mod marker;
pub mod options;
pub mod paraf;
pub mod qr;

use const_oid::db::rfc4519::{ORGANIZATION_NAME, SERIAL_NUMBER};
use sertel_pdf::{Dict, Document, IncrementalUpdate, Name, ObjRef, Object, Stream};
use x509_cert::Certificate;

pub use error::SpecimenError;
pub use options::{
    PageChoice, Placement, Specimen, DEFAULT_MARKER, DEFAULT_SEAL_MARKER, DEFAULT_SIZE,
};
pub use paraf::{Paraf, DEFAULT_PARAF_MARKER};

use super::placement::Placed;
use crate::certinfo::{common_name, name_attribute};
use layout::BlockText;
use locate::{locate, BoxSizes};

/// The specimen's smallest and default box, in points.
pub const SIZES: BoxSizes = BoxSizes {
    min: (120.0, 60.0),
    default: DEFAULT_SIZE,
};

/// Whose mark the specimen is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Variant {
    /// An official's signature: "Ditandatangani secara elektronik oleh:", jabatan, name,
    /// pangkat/golongan and NIP.
    #[default]
    Signature,
    /// An agency's electronic seal: "Disegel secara elektronik oleh:", the agency's name (the
    /// certificate's common name, or the name given) and its organisation (the certificate's
    /// O); no NIP or pangkat.
    Seal,
}

/// A number for a content stream: at most two decimals, no trailing zeros.
pub(crate) fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// "NIP 19780312 200312 1 004" from an 18-digit NIP (other text is kept, with "NIP " in front).
pub fn display_nip(nip: &str) -> String {
    let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
    let digits = digits
        .strip_prefix("NIP")
        .or_else(|| digits.strip_prefix("nip"))
        .unwrap_or(&digits)
        .trim_start_matches([':', '.'])
        .to_string();
    if digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit()) {
        format!(
            "NIP {} {} {} {}",
            &digits[..8],
            &digits[8..14],
            &digits[14..15],
            &digits[15..]
        )
    } else {
        format!("NIP {}", nip.trim().trim_start_matches("NIP").trim())
    }
}

/// What the block says for `spec` signed with `certificate`, as `variant`.
pub fn block_text(spec: &Specimen, certificate: &Certificate, variant: Variant) -> BlockText {
    let tbs = &certificate.tbs_certificate;
    let given = |o: &Option<String>| o.clone().filter(|s| !s.trim().is_empty());
    let name = given(&spec.name_with_titles)
        .or_else(|| common_name(certificate))
        .unwrap_or_default();
    let footer = footer::footer_text(
        &tbs.issuer,
        &spec.issuer_footers,
        spec.default_footer.as_deref(),
    );
    match variant {
        Variant::Signature => {
            let nip = given(&spec.nip).or_else(|| {
                name_attribute(&tbs.subject, SERIAL_NUMBER)
                    .filter(|s| s.chars().filter(char::is_ascii_digit).count() == 18)
            });
            BlockText {
                heading: layout::HEADING.into(),
                jabatan: given(&spec.jabatan),
                name,
                pangkat: given(&spec.pangkat),
                nip: nip.map(|n| display_nip(&n)),
                footer,
            }
        }
        Variant::Seal => BlockText {
            heading: layout::SEAL_HEADING.into(),
            jabatan: Some(name),
            name: name_attribute(&tbs.subject, ORGANIZATION_NAME).unwrap_or_default(),
            pangkat: None,
            nip: None,
            footer: footer::seal_wording(&footer),
        },
    }
}

/// Builds the specimen (as `variant`) for a signature on `doc`: places it, draws it into `upd`
/// (fonts, logo and QR code included) and, for a marker, prepares the page content without
/// it. The page content is only rewritten when `may_rewrite` (no earlier signature covers the
/// page); otherwise the opaque box covers the marker.
pub fn build(
    doc: &Document,
    pages: &[ObjRef],
    upd: &mut IncrementalUpdate,
    spec: &Specimen,
    certificate: &Certificate,
    may_rewrite: bool,
    variant: Variant,
) -> Result<Placed, SpecimenError> {
    let document_id = docid::new_document_id();
    let verify_url = docid::verify_url(&spec.verify_url, &document_id)?;
    let symbol = qr::QrSymbol::encode(&verify_url)?;
    let logo = spec
        .logo
        .as_deref()
        .map(logo::Logo::from_file)
        .transpose()?;
    let at = locate(doc, pages, &spec.placement, SIZES, may_rewrite)?;
    let text = block_text(spec, certificate, variant);
    let form = layout::form(
        upd,
        at.width,
        at.height,
        at.view.matrix(at.width, at.height),
        &text,
        &symbol,
        logo.as_ref(),
    )?;
    Ok(Placed {
        page_index: at.page_index,
        rect: at.view.rect_of(at.x, at.y, at.width, at.height),
        form,
        content: at.content,
        document_id: Some(document_id),
        verify_url: Some(verify_url),
    })
}

/// Points `page`'s `/Contents` at a new stream holding `content` (as already placed in `upd`,
/// or as in `doc`).
pub fn replace_content(
    doc: &Document,
    upd: &mut IncrementalUpdate,
    page: ObjRef,
    content: &[u8],
) -> Result<(), SpecimenError> {
    let mut dict = match upd.get(page.num) {
        Some(Object::Dictionary(d)) => d.clone(),
        _ => doc.get(page)?.into_dict().unwrap_or_default(),
    };
    let mut sd = Dict::default();
    sd.set(b"Filter", Object::Name(Name::from("FlateDecode")));
    let r = upd.allocate();
    upd.put(r, Object::Stream(Stream::new(sd, font::deflate(content))));
    dict.set(b"Contents", Object::Reference(r));
    upd.put(page, Object::Dictionary(dict));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nip_is_grouped() {
        assert_eq!(
            display_nip("197803122003121004"),
            "NIP 19780312 200312 1 004"
        );
        assert_eq!(
            display_nip("NIP 19780312 200312 1 004"),
            "NIP 19780312 200312 1 004"
        );
        assert_eq!(display_nip("12345"), "NIP 12345");
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(1.0), "1");
        assert_eq!(num(0.126), "0.13");
        assert_eq!(num(-0.001), "0");
    }
}
