//! Keeping a signed letter valid over time: validation data (a DSS), an updated /Info,
//! further signatures in both cross-reference flavours. And the attack that hides in such
//! upkeep: a certificate of the DSS rewritten in place.

use sertel_core::pades::Appearance;
use sertel_pdf::{Dict, Object, Stream};

use super::build::text;
use super::{Bench, Case, Expect, Family};
use crate::pki::TestPki;

const F: Family = Family::Upkeep;

/// The upkeep cases.
pub fn cases(b: &Bench) -> Vec<Case> {
    let mut out = Vec::new();
    let signed = b.signed("upkeep");
    let dss = b.update(&signed, "upkeep-dss.pdf", |doc, upd| {
        let cert = upd.allocate();
        upd.put(
            cert,
            Object::Stream(Stream::new(
                Dict::new(),
                TestPki::get().intermediate.der.clone(),
            )),
        );
        let certs = upd.allocate();
        upd.put(certs, Object::Array(vec![Object::Reference(cert)]));
        let (r, mut catalog) = doc.catalog().expect("catalog");
        catalog.set(
            "DSS",
            Object::Dictionary(Dict::from_pairs([("Certs", Object::Reference(certs))])),
        );
        upd.put(r, Object::Dictionary(catalog));
    });
    out.push(b.case("upkeep-dss", F, dss.clone(), Expect::Valid));
    let path = b.update(&dss, "upkeep-dss-certificate-rewritten.pdf", |doc, upd| {
        let (_, catalog) = doc.catalog().expect("catalog");
        let dss = match catalog.get(b"DSS").map(|d| doc.resolve(d)) {
            Some(Ok(Object::Dictionary(d))) => d,
            other => panic!("DSS {other:?}"),
        };
        let cert = match dss.get(b"Certs").map(|c| doc.resolve(c)) {
            Some(Ok(Object::Array(a))) => match a.first() {
                Some(Object::Reference(r)) => *r,
                other => panic!("certificate {other:?}"),
            },
            other => panic!("Certs {other:?}"),
        };
        upd.put(
            cert,
            Object::Stream(Stream::new(Dict::new(), TestPki::get().root.der.clone())),
        );
    });
    out.push(b.case(
        "upkeep-dss-certificate-rewritten",
        F,
        path,
        Expect::Fails(&["object_changed"]),
    ));
    let path = b.update(&signed, "upkeep-info.pdf", |doc, upd| {
        let info = doc.trailer().get_ref(b"Info").expect("letters have /Info");
        upd.put(
            info,
            Object::Dictionary(Dict::from_pairs([("Title", text("Undangan (arsip)"))])),
        );
    });
    out.push(b.case("upkeep-info", F, path, Expect::Valid));
    let path = b.sign(&dss, "upkeep-dss-countersigned.pdf", Appearance::Invisible);
    out.push(b.case("upkeep-dss-countersigned", F, path, Expect::Valid));

    let letter = b.letter_with_object_streams("upkeep-objstm-unsigned.pdf");
    let once = b.sign(&letter, "upkeep-objstm.pdf", Appearance::Invisible);
    let path = b.sign(
        &once,
        "upkeep-objstm-countersigned.pdf",
        Appearance::Visible {
            page: 2,
            x: 320.0,
            y: 60.0,
            width: 200.0,
            height: 50.0,
        },
    );
    out.push(b.case("upkeep-objstm-countersigned", F, path, Expect::Valid));
    out
}
