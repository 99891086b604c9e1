//! DER and PEM forms of certificates and requests.

use der::pem::LineEnding;
use der::{Decode, Encode};
use x509_cert::certificate::Certificate;
use x509_cert::request::CertReq;

use super::X509Error;

/// PEM label of a certificate.
pub const CERTIFICATE_PEM_LABEL: &str = "CERTIFICATE";
/// PEM label of a PKCS#10 request.
pub const CSR_PEM_LABEL: &str = "CERTIFICATE REQUEST";

/// A certificate in DER.
pub fn certificate_to_der(cert: &Certificate) -> Result<Vec<u8>, X509Error> {
    Ok(cert.to_der()?)
}

/// A certificate in PEM (LF line endings).
pub fn certificate_to_pem(cert: &Certificate) -> Result<String, X509Error> {
    der::pem::encode_string(CERTIFICATE_PEM_LABEL, LineEnding::LF, &cert.to_der()?)
        .map_err(|e| X509Error::Internal(e.to_string()))
}

/// Reads one PEM certificate; `None` if the text is not a PEM certificate.
pub fn certificate_from_pem(pem: &str) -> Option<Certificate> {
    let (label, der) = der::pem::decode_vec(pem.trim().as_bytes()).ok()?;
    (label == CERTIFICATE_PEM_LABEL)
        .then(|| Certificate::from_der(&der).ok())
        .flatten()
}

/// A request in DER.
pub fn csr_to_der(csr: &CertReq) -> Result<Vec<u8>, X509Error> {
    Ok(csr.to_der()?)
}

/// A request in PEM (LF line endings).
pub fn csr_to_pem(csr: &CertReq) -> Result<String, X509Error> {
    der::pem::encode_string(CSR_PEM_LABEL, LineEnding::LF, &csr.to_der()?)
        .map_err(|e| X509Error::Internal(e.to_string()))
}
