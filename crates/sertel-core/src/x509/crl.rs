//! Issuing certificate revocation lists (RFC 5280 §5) with any [`Signer`].
//!
//! ```text
//! CertificateList  ::=  SEQUENCE  {
//!      tbsCertList          TBSCertList,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//! ```
//!
//! [`build_crl`] makes the complete v2 CRL an issuing CA publishes: cRLNumber,
//! authorityKeyIdentifier, thisUpdate/nextUpdate, one entry per revoked certificate with its
//! reasonCode. [`sign_crl`] is the lower step (sign a prepared `TBSCertList`), for callers that
//! need other contents. Both check the signature against the signer's own public key before
//! returning, as [`super::issue`] does for certificates.

use der::asn1::BitString;
use der::Encode;
use spki::SubjectPublicKeyInfoOwned;
use time::OffsetDateTime;
use x509_cert::crl::{CertificateList, RevokedCert, TbsCertList};
use x509_cert::ext::pkix::CrlReason;
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::Version;

use super::extensions::{authority_key_identifier, crl_number, crl_reason};
use super::{x509_time, X509Error};
use crate::sigcheck;
use crate::signer::Signer;

/// One revoked certificate, as listed in a CRL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevokedEntry {
    /// The certificate's serial number.
    pub serial: SerialNumber,
    /// When it was revoked (`revocationDate`).
    pub revoked_at: OffsetDateTime,
    /// Why. `Unspecified` is written as no reasonCode, as RFC 5280 §5.3.1 asks;
    /// `certificateHold` and `removeFromCRL` are refused (see [`build_crl`]).
    pub reason: CrlReason,
}

/// Everything in a CRL but the issuer's signature.
#[derive(Clone, Debug)]
pub struct CrlTemplate {
    /// The issuer's name (the CA certificate's subject).
    pub issuer: Name,
    /// The issuer's public key, for the authorityKeyIdentifier.
    pub issuer_key: SubjectPublicKeyInfoOwned,
    /// The cRLNumber: larger than that of every CRL this issuer published before.
    pub number: u64,
    /// thisUpdate (seconds precision).
    pub this_update: OffsetDateTime,
    /// nextUpdate: when the next CRL will be published at the latest.
    pub next_update: OffsetDateTime,
    /// The revoked certificates.
    pub entries: Vec<RevokedEntry>,
}

/// Builds and signs a v2 CRL from `template`.
///
/// Refuses (as caller misuse) a nextUpdate not after thisUpdate and the reasons
/// `certificateHold` and `removeFromCRL`: a certificate this issuer revokes is never valid again.
pub fn build_crl(
    template: &CrlTemplate,
    signer: &dyn Signer,
) -> Result<CertificateList, X509Error> {
    if template.next_update <= template.this_update {
        return Err(X509Error::InvalidValidity);
    }
    let mut revoked = Vec::with_capacity(template.entries.len());
    for entry in &template.entries {
        revoked.push(revoked_cert(entry)?);
    }
    let algorithm = signer.algorithm().algorithm_identifier();
    let tbs = TbsCertList {
        version: Version::V2,
        signature: algorithm,
        issuer: template.issuer.clone(),
        this_update: x509_time(template.this_update)?,
        next_update: Some(x509_time(template.next_update)?),
        revoked_certificates: (!revoked.is_empty()).then_some(revoked),
        crl_extensions: Some(vec![
            authority_key_identifier(&template.issuer_key)?,
            crl_number(template.number)?,
        ]),
    };
    sign_crl(tbs, signer)
}

fn revoked_cert(entry: &RevokedEntry) -> Result<RevokedCert, X509Error> {
    let extensions = match entry.reason {
        CrlReason::CertificateHold | CrlReason::RemoveFromCRL => {
            return Err(X509Error::InvalidExtensionValue(format!(
                "reasonCode {:?}: a revoked certificate never becomes valid again",
                entry.reason
            )))
        }
        CrlReason::Unspecified => None,
        reason => Some(vec![crl_reason(reason)?]),
    };
    Ok(RevokedCert {
        serial_number: entry.serial.clone(),
        revocation_date: x509_time(entry.revoked_at)?,
        crl_entry_extensions: extensions,
    })
}

/// Signs a prepared `TBSCertList` with `signer` and assembles the CRL. The `signature` field of
/// `tbs` is set to the signer's algorithm.
pub fn sign_crl(mut tbs: TbsCertList, signer: &dyn Signer) -> Result<CertificateList, X509Error> {
    let algorithm = signer.algorithm().algorithm_identifier();
    tbs.signature = algorithm.clone();
    let tbs_der = tbs.to_der()?;
    let signature = signer.sign(&tbs_der)?;
    sigcheck::verify(signer.public_key(), &algorithm, &tbs_der, &signature)
        .map_err(|_| X509Error::SelfCheckFailed)?;
    Ok(CertificateList {
        tbs_cert_list: tbs,
        signature_algorithm: algorithm,
        signature: BitString::from_bytes(&signature)?,
    })
}

/// Encodes a CRL as DER.
pub fn crl_to_der(crl: &CertificateList) -> Result<Vec<u8>, X509Error> {
    Ok(crl.to_der()?)
}
