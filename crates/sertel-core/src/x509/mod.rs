//! Building and checking X.509 objects with any [`crate::signer::Signer`]: distinguished names,
//! certificates (for the test PKI and the server's embedded CA), certificate revocation lists and
//! PKCS#10 requests.

mod certificate;
mod crl;
mod csr;
mod error;
pub mod extensions;
mod name;
mod pem;
pub mod qc_statements;
mod seal;

pub use certificate::{
    issue, random_serial, verify_certificate_signature, x509_time, CertificateTemplate,
};
pub use crl::{build_crl, crl_to_der, sign_crl, CrlTemplate, RevokedEntry};
pub use csr::{build_csr, owner_subject, verify_csr, CsrError, VerifiedCsr};
pub use error::X509Error;
pub use name::{build_name, NameAttribute, NameError};
pub use pem::{
    certificate_from_pem, certificate_to_der, certificate_to_pem, csr_to_der, csr_to_pem,
    CERTIFICATE_PEM_LABEL, CSR_PEM_LABEL,
};
pub use seal::{build_seal_csr, seal_subject};
pub use x509_cert::crl::CertificateList;
pub use x509_cert::ext::pkix::CrlReason;
pub use x509_cert::{certificate::Certificate, name::Name, request::CertReq};
