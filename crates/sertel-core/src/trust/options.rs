//! What a path validation is asked: at what time, how strictly revocation counts, what the
//! end-entity key must be good for, and how much work it may do.

use time::OffsetDateTime;

use crate::ocsp::OcspTiming;

/// What to conclude when a certificate's revocation status cannot be established (no CRL or
/// OCSP response in scope, out of date, or unusable).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RevocationPolicy {
    /// The path is indeterminate.
    #[default]
    HardFail,
    /// The path may still be valid; each unknown status becomes a warning.
    SoftFail,
}

/// What the end-entity certificate's key must be allowed to do (RFC 5280 §4.2.1.3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EndEntityUsage {
    /// Not checked here.
    #[default]
    Any,
    /// Signing documents: if keyUsage is present it must allow digitalSignature or
    /// nonRepudiation.
    Signing,
}

/// Bounds on the work one validation may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// The most certificates in a path below the trust anchor, end entity included.
    pub max_path_len: usize,
    /// The most candidate paths validated before giving up.
    pub max_paths: usize,
    /// The most issuer candidates examined while building paths.
    pub max_search_steps: usize,
    /// How deep validations of CRL issuers' (and delegated OCSP responders') own paths may
    /// nest.
    pub max_crl_issuer_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_path_len: 8,
            max_paths: 8,
            max_search_steps: 256,
            max_crl_issuer_depth: 2,
        }
    }
}

/// The inputs of a path validation besides the certificates and CRLs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ValidationOptions {
    /// The time at which the path must be valid: now, or the proven time of a signature.
    pub time: OffsetDateTime,
    /// How an unknown revocation status counts.
    pub revocation: RevocationPolicy,
    /// What the end-entity key must be allowed to do.
    pub end_entity_usage: EndEntityUsage,
    /// Whether the trust anchor certificate must itself be within its validity period.
    pub check_anchor_validity: bool,
    /// Work bounds.
    pub limits: Limits,
    /// How current an OCSP response must be at the validation time.
    pub ocsp_timing: OcspTiming,
}

impl ValidationOptions {
    /// Validation at `time` with the defaults: hard-fail revocation, no end-entity key usage
    /// check, anchor validity checked, default limits.
    pub fn at(time: OffsetDateTime) -> ValidationOptions {
        ValidationOptions {
            time,
            revocation: RevocationPolicy::default(),
            end_entity_usage: EndEntityUsage::default(),
            check_anchor_validity: true,
            limits: Limits::default(),
            ocsp_timing: OcspTiming::default(),
        }
    }
}
