//! The revocation information a path validation may use: CRLs and OCSP responses, from a
//! PDF's document security store, fetched online, or supplied.

use super::crl::CrlSet;
use crate::ocsp::OcspResponseSet;

/// CRLs and OCSP responses for [`super::validate_path`]. A certificate's status is good if a
/// usable CRL or a usable OCSP response says so, revoked if either says it was revoked at or
/// before the validation time, unknown otherwise.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct RevocationData {
    /// The CRLs.
    pub crls: CrlSet,
    /// The OCSP responses.
    pub ocsp: OcspResponseSet,
}

impl RevocationData {
    /// No revocation information at all.
    pub fn new() -> RevocationData {
        RevocationData::default()
    }

    /// CRLs only.
    pub fn from_crls(crls: CrlSet) -> RevocationData {
        RevocationData {
            crls,
            ocsp: OcspResponseSet::new(),
        }
    }

    /// OCSP responses only.
    pub fn from_ocsp(ocsp: OcspResponseSet) -> RevocationData {
        RevocationData {
            crls: CrlSet::new(),
            ocsp,
        }
    }
}

impl From<CrlSet> for RevocationData {
    fn from(crls: CrlSet) -> Self {
        RevocationData::from_crls(crls)
    }
}

impl From<OcspResponseSet> for RevocationData {
    fn from(ocsp: OcspResponseSet) -> Self {
        RevocationData::from_ocsp(ocsp)
    }
}
