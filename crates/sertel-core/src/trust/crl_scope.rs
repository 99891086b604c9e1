//! Whether a CRL covers a certificate at one of its distribution points, and for which
//! revocation reasons (RFC 5280 §6.3.3 (b)–(d)).

use x509_cert::ext::pkix::crl::dp::DistributionPoint;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};

use super::cert::PathCertificate;
use super::crl::Crl;
use super::name::CanonName;

/// Every reason of `ReasonFlags` (bits 1 to 8; bit 0 is `unused`).
pub(crate) const ALL_REASONS: u16 = 0x1fe;

/// A distribution point name, with directory names in canonical form.
#[derive(PartialEq, Eq)]
enum DpName {
    Directory(CanonName),
    Other(GeneralName),
}

fn general(name: &GeneralName) -> DpName {
    match name {
        GeneralName::DirectoryName(n) => DpName::Directory(CanonName::new(n)),
        other => DpName::Other(other.clone()),
    }
}

/// The names a distribution point name stands for; a name relative to the CRL issuer is
/// appended to `base`.
fn expand(name: &DistributionPointName, base: &CanonName) -> Vec<DpName> {
    match name {
        DistributionPointName::FullName(names) => names.iter().map(general).collect(),
        DistributionPointName::NameRelativeToCRLIssuer(rdn) => {
            vec![DpName::Directory(base.with_rdn(rdn))]
        }
    }
}

fn directory_names(names: &[GeneralName]) -> Vec<CanonName> {
    names
        .iter()
        .filter_map(|n| match n {
            GeneralName::DirectoryName(d) => Some(CanonName::new(d)),
            _ => None,
        })
        .collect()
}

/// The certificate's distribution points, or the one implied when it has none: the CRL of its
/// issuer, all reasons.
pub(crate) fn distribution_points(cert: &PathCertificate) -> Vec<DistributionPoint> {
    cert.extensions()
        .ok()
        .and_then(|e| e.crl_distribution_points.clone())
        .filter(|dps| !dps.is_empty())
        .unwrap_or_else(|| {
            vec![DistributionPoint {
                distribution_point: None,
                reasons: None,
                crl_issuer: None,
            }]
        })
}

/// The reasons for which `crl` covers `cert` at distribution point `dp`, or `None` if it
/// does not cover it there.
pub(crate) fn crl_scope(cert: &PathCertificate, dp: &DistributionPoint, crl: &Crl) -> Option<u16> {
    let indirect = crl.idp.as_ref().is_some_and(|idp| idp.indirect_crl);
    let crl_issuers = dp.crl_issuer.as_deref().map(directory_names);
    match &crl_issuers {
        Some(names) if !(indirect && names.contains(&crl.issuer_canon)) => return None,
        None if crl.issuer_canon != *cert.issuer_canon() => return None,
        _ => {}
    }
    if let Some(idp) = &crl.idp {
        if let Some(idp_name) = &idp.distribution_point {
            let idp_names = expand(idp_name, &crl.issuer_canon);
            let dp_names = match (&dp.distribution_point, &dp.crl_issuer) {
                (Some(name), _) => {
                    let base = crl_issuers
                        .as_ref()
                        .and_then(|n| n.first())
                        .unwrap_or(cert.issuer_canon());
                    expand(name, base)
                }
                (None, Some(names)) => names.iter().map(general).collect(),
                (None, None) => return None,
            };
            if !idp_names.iter().any(|n| dp_names.contains(n)) {
                return None;
            }
        }
        let is_ca = cert.is_ca();
        if (idp.only_contains_user_certs && is_ca)
            || (idp.only_contains_ca_certs && !is_ca)
            || idp.only_contains_attribute_certs
        {
            return None;
        }
    }
    let idp_reasons = crl
        .idp
        .as_ref()
        .and_then(|idp| idp.only_some_reasons)
        .map_or(ALL_REASONS, |r| r.bits());
    let dp_reasons = dp.reasons.map_or(ALL_REASONS, |r| r.bits());
    Some(idp_reasons & dp_reasons & ALL_REASONS)
}
