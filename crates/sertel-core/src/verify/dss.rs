//! The document security store (`/DSS` in the catalog, ISO 32000-2 §12.8.4.3): certificates,
//! CRLs and OCSP responses added to a signed PDF for long-term validation.
//!
//! Only the store's flat `/Certs`, `/CRLs` and `/OCSPs` arrays are read; the per-signature
//! `/VRI` entries index the same streams, so nothing is missed. A store that cannot be read is
//! treated as absent: it can only ever add information, never make a signature valid by
//! itself.

use sertel_pdf::{Document, Object};

/// How many entries of each kind are read.
const MAX_ENTRIES: usize = 1_000;
/// The largest certificate, CRL or OCSP response taken from the store.
const MAX_ENTRY_BYTES: usize = 16 * 1024 * 1024;

/// The decoded contents of a document security store.
#[derive(Clone, Debug, Default)]
pub struct Dss {
    /// Certificates (DER).
    pub certificates: Vec<Vec<u8>>,
    /// CRLs (DER).
    pub crls: Vec<Vec<u8>>,
    /// OCSP responses (DER).
    pub ocsp: Vec<Vec<u8>>,
}

fn streams(doc: &Document, dss: &sertel_pdf::Dict, key: &[u8]) -> Vec<Vec<u8>> {
    let Some(Ok(Object::Array(items))) = dss.get(key).map(|o| doc.resolve(o)) else {
        return Vec::new();
    };
    items
        .iter()
        .take(MAX_ENTRIES)
        .filter_map(|item| match doc.resolve(item) {
            Ok(Object::Stream(s)) => doc.stream_decoded(&s).ok(),
            _ => None,
        })
        .filter(|bytes| bytes.len() <= MAX_ENTRY_BYTES)
        .collect()
}

impl Dss {
    /// Reads the store of `doc`'s newest revision; empty when there is none.
    pub fn read(doc: &Document) -> Dss {
        let Ok((_, catalog)) = doc.catalog() else {
            return Dss::default();
        };
        let Some(Ok(Object::Dictionary(dss))) = catalog.get(b"DSS").map(|o| doc.resolve(o)) else {
            return Dss::default();
        };
        Dss {
            certificates: streams(doc, &dss, b"Certs"),
            crls: streams(doc, &dss, b"CRLs"),
            ocsp: streams(doc, &dss, b"OCSPs"),
        }
    }
}
