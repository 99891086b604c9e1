//! Long-term validation: whether a signature can still be validated years from now with
//! nothing but the file and the trust anchors, and the PAdES baseline level it reaches
//! (ETSI EN 319 142-1):
//!
//! - B-B: a signature that verifies;
//! - B-T: plus a signature timestamp from a trusted authority, proving when it existed;
//! - B-LT: plus every certificate and revocation answer needed to validate the signer's path
//!   and the authority's path at that time, inside the file (CMS, `adbe-revocationInfoArchival`,
//!   DSS) — no download, no CRL given by the user;
//! - B-LTA: plus a later trusted document timestamp covering that material.
//!
//! This is the "LTV enabled" property readers ask of a signed letter. It is reported beside the
//! conclusion and never changes it: a signature whose material is incomplete is still valid
//! today when its path validates with what was fetched.

use serde::Serialize;
use time::OffsetDateTime;

use super::dss::Dss;
use super::evidence::Evidence;
use crate::i18n::Lang;
use crate::trust::{
    validate_path, CertPool, EndEntityUsage, PathCertificate, RevocationData, RevocationPolicy,
    RevocationStatus, TrustStore, ValidationOptions,
};

/// The PAdES baseline level a signature reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Level {
    /// Basic: the signature verifies.
    #[serde(rename = "B-B")]
    Basic,
    /// With a trusted signature timestamp.
    #[serde(rename = "B-T")]
    Timestamped,
    /// With the long-term validation material in the file.
    #[serde(rename = "B-LT")]
    LongTerm,
    /// With a trusted document timestamp over that material.
    #[serde(rename = "B-LTA")]
    LongTermArchive,
}

impl Level {
    /// The level's ETSI name.
    pub fn name(self) -> &'static str {
        match self {
            Level::Basic => "B-B",
            Level::Timestamped => "B-T",
            Level::LongTerm => "B-LT",
            Level::LongTermArchive => "B-LTA",
        }
    }

    /// The level's name and what it means for a reader, in `lang`.
    pub fn label(self, lang: Lang) -> String {
        let meaning = match self {
            Level::Basic => lang.pick("tanpa penanda waktu tepercaya", "no trusted timestamp"),
            Level::Timestamped => lang.pick(
                "bahan validasi jangka panjang tidak lengkap di dalam berkas",
                "long-term validation material incomplete in the file",
            ),
            Level::LongTerm => lang.pick(
                "dapat divalidasi luring (LTV)",
                "can be validated offline (LTV)",
            ),
            Level::LongTermArchive => lang.pick(
                "dapat divalidasi luring, diarsipkan dengan penanda waktu dokumen",
                "can be validated offline, archived by a document timestamp",
            ),
        };
        format!("{} \u{b7} {meaning}", self.name())
    }
}

/// The revocation information inside the file for one signature: its CMS, its archival
/// attribute and the document security store.
pub fn embedded_revocation(evidence: &Evidence, dss: &Dss) -> RevocationData {
    let mut data = RevocationData::new();
    for der in evidence.crls.iter().chain(&dss.crls) {
        let _ = data.crls.add_der(der);
    }
    for der in evidence.ocsp.iter().chain(&dss.ocsp) {
        let _ = data.ocsp.add_der(der);
    }
    data
}

/// Whether `cert`'s path validates at `time` with only `embedded` revocation information, a
/// status established for every certificate (hard fail: an unknown status is a gap).
pub fn validates_offline(
    cert: &PathCertificate,
    pool: &CertPool,
    embedded: &RevocationData,
    trust: &TrustStore,
    time: OffsetDateTime,
    usage: EndEntityUsage,
) -> bool {
    let mut options = ValidationOptions::at(time);
    options.revocation = RevocationPolicy::HardFail;
    options.end_entity_usage = usage;
    let outcome = validate_path(cert, pool, embedded, trust, &options);
    outcome.is_valid()
        && outcome
            .revocation
            .iter()
            .all(|s| *s == RevocationStatus::Good)
}

/// Raises B-LT signatures to B-LTA when a later document timestamp, itself passed, covers
/// them (it then covers the material the file held when it was applied).
pub fn mark_archived(signatures: &mut [super::SignatureReport]) {
    let archived_up_to = signatures
        .iter()
        .filter(|s| {
            s.sub_filter.as_deref() == Some("ETSI.RFC3161")
                && s.conclusion == super::Conclusion::PASSED
        })
        .map(|s| s.signed_length)
        .max();
    let Some(end) = archived_up_to else {
        return;
    };
    for s in signatures {
        if s.level == Some(Level::LongTerm) && s.signed_length < end {
            s.level = Some(Level::LongTermArchive);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::fields::SignedField;
    use crate::verify::{Conclusion, SignatureReport, SubIndication};

    fn report(sub_filter: &str, signed_length: u64, level: Option<Level>) -> SignatureReport {
        let mut value = sertel_pdf::Dict::new();
        value.set(
            "SubFilter",
            sertel_pdf::Object::Name(sertel_pdf::Name(sub_filter.as_bytes().to_vec())),
        );
        let field = SignedField {
            name: "Sig".into(),
            value,
        };
        let mut r = SignatureReport::new(&field);
        r.signed_length = signed_length;
        r.level = level;
        r.conclusion = Conclusion::PASSED;
        r
    }

    #[test]
    fn only_a_passed_later_document_timestamp_archives_long_term_signatures() {
        let lt = Some(Level::LongTerm);
        let mut sigs = vec![
            report("ETSI.CAdES.detached", 100, lt),
            report("ETSI.CAdES.detached", 300, Some(Level::Timestamped)),
            report("ETSI.RFC3161", 200, None),
            report("ETSI.CAdES.detached", 400, lt),
        ];
        mark_archived(&mut sigs);
        let levels: Vec<_> = sigs.iter().map(|s| s.level).collect();
        let lta = Some(Level::LongTermArchive);
        assert_eq!(levels, [lta, Some(Level::Timestamped), None, lt]);
        let mut failed = vec![
            report("ETSI.CAdES.detached", 100, lt),
            report("ETSI.RFC3161", 200, None),
        ];
        failed[1].conclusion = Conclusion::indeterminate(SubIndication::NoCertificateChainFound);
        mark_archived(&mut failed);
        assert_eq!(failed[0].level, lt);
    }
}
