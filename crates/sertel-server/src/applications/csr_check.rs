//! Checking a submitted CSR: proof of possession, allowed key, subject equal to the one the
//! certificate's holder gives (the owner's registered profile, or the seal's agency).

use der::Encode;
use sertel_core::profile::{OwnerProfile, RegencyProfile};
use sertel_core::sigcheck::{EcCurve, PublicKeyKind};
use sertel_core::x509::{verify_csr, VerifiedCsr};

use super::holder::Holder;

use crate::ApiError;

/// RSA moduli accepted, in bits.
pub const RSA_BITS: std::ops::RangeInclusive<u32> = 2048..=4096;

/// The key's name as stored (`rsa-3072`, `p-256`), or why it is refused.
pub fn allowed_key(kind: PublicKeyKind) -> Result<String, ApiError> {
    match kind {
        PublicKeyKind::Rsa { bits } if RSA_BITS.contains(&bits) => Ok(format!("rsa-{bits}")),
        PublicKeyKind::Rsa { bits } => Err(ApiError::KeyNotAllowed(format!("RSA-{bits}"))),
        PublicKeyKind::Ec(EcCurve::P256) => Ok("p-256".into()),
        PublicKeyKind::Ec(c) => Err(ApiError::KeyNotAllowed(format!("{c:?}"))),
        other => Err(ApiError::KeyNotAllowed(format!("{other:?}"))),
    }
}

/// A CSR that passed every check, with its DER and key name.
#[derive(Debug)]
pub struct CheckedCsr {
    /// The parsed request.
    pub csr: VerifiedCsr,
    /// The request, DER.
    pub der: Vec<u8>,
    /// `rsa-2048`, `rsa-3072`, `rsa-4096` or `p-256`.
    pub key_kind: String,
}

/// Runs every check on `data` (PEM or DER) for a certificate held by `holder`; `profile` is
/// the applying owner's.
pub fn check_csr(
    data: &[u8],
    holder: &Holder,
    profile: &OwnerProfile,
    regency: &RegencyProfile,
) -> Result<CheckedCsr, ApiError> {
    let csr = verify_csr(data).map_err(ApiError::Csr)?;
    let key_kind = allowed_key(csr.key_kind)?;
    if !holder.subject_matches(profile, regency, &csr.subject)? {
        return Err(ApiError::SubjectMismatch);
    }
    let der = csr.request.to_der().map_err(ApiError::internal)?;
    Ok(CheckedCsr { csr, der, key_kind })
}
