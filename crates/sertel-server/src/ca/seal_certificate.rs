//! The electronic seal's certificate profile: the person's profile (validity, keyUsage
//! digitalSignature + nonRepudiation + keyEncipherment or keyAgreement, key identifiers, AIA,
//! CRL distribution point), with the agency's e-mail address in subjectAltName only when it has
//! one, and qcStatements with QcType `id-etsi-qct-eseal` (ETSI EN 319 412-5) so that validators
//! tell a seal from a person's signature.

use sertel_core::x509::qc_statements::qc_statements_eseal;
use sertel_core::x509::{Certificate, Name, X509Error};
use spki::SubjectPublicKeyInfoOwned;
use time::OffsetDateTime;

use super::owner_certificate::end_entity_certificate;
use super::{Ca, CertificateUrls};

/// Issues an agency's seal certificate for an approved request: subject and key from the
/// request (whose subject was checked against the seal's at submission), valid from `now` for
/// [`super::OWNER_VALIDITY_YEARS`].
pub fn seal_certificate(
    ca: &Ca,
    subject: &Name,
    public_key: &SubjectPublicKeyInfoOwned,
    email: Option<&str>,
    urls: &CertificateUrls,
    now: OffsetDateTime,
) -> Result<Certificate, X509Error> {
    let extra = vec![qc_statements_eseal()?];
    end_entity_certificate(ca, subject, public_key, email, extra, urls, now)
}
