//! The footer line of the specimen: that the document was signed electronically with a
//! certificate from the named issuer. The wording is configurable per issuing CA; the national
//! CA (BSrE, part of BSSN) gets its customary sentence by default, any other issuer the
//! regency's sentence naming it.

use const_oid::db::rfc4519::{CN, O};
use serde::{Deserialize, Serialize};
use x509_cert::name::Name;

use crate::certinfo::name_attribute;

/// The national CA's customary footer.
pub const BSRE_FOOTER: &str = "Dokumen ini telah ditandatangani secara elektronik menggunakan \
sertifikat elektronik yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN";

/// The regency's footer for any other issuer; `{issuer}` becomes the issuer's common name.
pub const REGENCY_FOOTER: &str = "Dokumen ini telah ditandatangani secara elektronik \
menggunakan sertifikat elektronik yang diterbitkan oleh {issuer}";

/// The footer wording for certificates of one issuing CA.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuerFooter {
    /// Matched, case-insensitively, as a part of the issuer's common name or organisation.
    pub issuer: String,
    /// The footer for that issuer; `{issuer}` becomes the issuer's common name.
    pub text: String,
}

/// Whether `issuer` names the national CA: BSrE or BSSN in its common name or organisation.
pub fn is_national_ca(issuer: &Name) -> bool {
    [CN, O]
        .into_iter()
        .filter_map(|oid| name_attribute(issuer, oid))
        .map(|v| v.to_lowercase())
        .any(|v| {
            v.contains("bsre")
                || v.contains("sertifikasi elektronik")
                || v.contains("bssn")
                || v.contains("badan siber dan sandi negara")
        })
}

/// The issuer's name as the footer shows it: its common name, else its organisation.
pub fn issuer_display(issuer: &Name) -> String {
    name_attribute(issuer, CN)
        .or_else(|| name_attribute(issuer, O))
        .unwrap_or_default()
}

/// The footer for a certificate issued by `issuer`: the first entry of `by_issuer` that
/// matches, else the national CA's wording for BSrE/BSSN, else `fallback` (or
/// [`REGENCY_FOOTER`]).
pub fn footer_text(issuer: &Name, by_issuer: &[IssuerFooter], fallback: Option<&str>) -> String {
    let cn = name_attribute(issuer, CN);
    let org = name_attribute(issuer, O);
    let display = issuer_display(issuer);
    let matches = |needle: &str| {
        let needle = needle.to_lowercase();
        !needle.is_empty()
            && [&cn, &org]
                .into_iter()
                .flatten()
                .any(|v| v.to_lowercase().contains(&needle))
    };
    let template = by_issuer
        .iter()
        .find(|f| matches(&f.issuer))
        .map(|f| f.text.as_str())
        .unwrap_or_else(|| {
            if is_national_ca(issuer) {
                BSRE_FOOTER
            } else {
                fallback.unwrap_or(REGENCY_FOOTER)
            }
        });
    template.replace("{issuer}", &display)
}

/// The footer of a seal: the same sentence with the seal's verb ("telah disegel secara
/// elektronik") where the wording says the document was signed; other wordings unchanged.
pub fn seal_wording(footer: &str) -> String {
    footer.replace(
        "telah ditandatangani secara elektronik",
        "telah disegel secara elektronik",
    )
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn name(s: &str) -> Name {
        Name::from_str(s).expect("name")
    }

    #[test]
    fn national_ca_gets_the_customary_wording() {
        let bsre = name("CN=OSD BSrE 2023,O=Badan Siber dan Sandi Negara,C=ID");
        assert_eq!(footer_text(&bsre, &[], None), BSRE_FOOTER);
        let ours = name("CN=Sertel Test Issuing CA,O=Sertel Test PKI,C=ID");
        assert_eq!(
            footer_text(&ours, &[], None),
            "Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat \
             elektronik yang diterbitkan oleh Sertel Test Issuing CA"
        );
    }

    #[test]
    fn configured_wording_wins() {
        let ours = name("CN=Sertel Test Issuing CA,O=Sertel Test PKI,C=ID");
        let custom = [IssuerFooter {
            issuer: "test pki".into(),
            text: "Ditandatangani dengan sertifikat dari {issuer}.".into(),
        }];
        assert_eq!(
            footer_text(&ours, &custom, None),
            "Ditandatangani dengan sertifikat dari Sertel Test Issuing CA."
        );
        assert_eq!(footer_text(&ours, &[], Some("Lain.")), "Lain.");
    }

    #[test]
    fn a_seal_is_sealed_not_signed() {
        let bsre = name("CN=OSD BSrE 2023,O=Badan Siber dan Sandi Negara,C=ID");
        assert_eq!(
            seal_wording(&footer_text(&bsre, &[], None)),
            "Dokumen ini telah disegel secara elektronik menggunakan sertifikat elektronik \
             yang diterbitkan oleh Balai Besar Sertifikasi Elektronik (BSrE), BSSN"
        );
        assert_eq!(seal_wording("Lain."), "Lain.");
    }
}
