//! The electronic seal's subject and certificate request: the organisation profile (CN = the
//! Perangkat Daerah, O/L/ST/C of the regency; no NIP, no person's e-mail address).

use x509_cert::name::Name;
use x509_cert::request::CertReq;

use super::csr::sign_request;
use super::extensions::subject_alt_name_email;
use super::{build_name, NameAttribute, X509Error};
use crate::profile::{RegencyProfile, SealProfile};
use crate::signer::Signer;

/// The subject of an electronic seal's certificate, in conventional order: C, ST, L, O (the
/// regency's organisation), CN (the agency's name).
pub fn seal_subject(seal: &SealProfile, regency: &RegencyProfile) -> Result<Name, X509Error> {
    Ok(build_name(&[
        (NameAttribute::Country, &regency.country),
        (NameAttribute::State, &regency.state),
        (NameAttribute::Locality, &regency.locality),
        (NameAttribute::Organization, &regency.organization),
        (NameAttribute::CommonName, seal.agency_name()),
    ])?)
}

/// Builds and signs the certificate request of an electronic seal.
///
/// The profile is validated first (all problems at once in [`X509Error::Profile`]). The
/// extensionRequest carries subjectAltName with the agency's e-mail address when one is given,
/// and keyUsage digitalSignature + nonRepudiation (critical).
pub fn build_seal_csr(
    seal: &SealProfile,
    regency: &RegencyProfile,
    signer: &dyn Signer,
) -> Result<CertReq, X509Error> {
    seal.validate(regency).map_err(X509Error::Profile)?;
    let subject = seal_subject(seal, regency)?;
    let extensions = match seal.email_normalised() {
        Some(email) => vec![subject_alt_name_email(&email)?],
        None => Vec::new(),
    };
    sign_request(subject, extensions, signer)
}
