//! The ESS signing-certificate-v2 attribute (RFC 5035), which binds a signature to the exact
//! certificate of its signer so that another certificate with the same key cannot be swapped in.

use der::asn1::OctetString;
use der::{Encode, Sequence};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;
use x509_cert::Certificate;

/// ```text
/// SigningCertificateV2 ::= SEQUENCE {
///     certs        SEQUENCE OF ESSCertIDv2,
///     policies     SEQUENCE OF PolicyInformation OPTIONAL }
/// ```
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct SigningCertificateV2 {
    /// The signer's certificate first, optionally followed by others of its path.
    pub certs: Vec<EssCertIdV2>,
}

/// ```text
/// ESSCertIDv2 ::= SEQUENCE {
///     hashAlgorithm  AlgorithmIdentifier DEFAULT {algorithm id-sha256},
///     certHash       Hash,
///     issuerSerial   IssuerSerial OPTIONAL }
/// ```
/// `hash_algorithm` is `None` for SHA-256: DER omits a value equal to its DEFAULT.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct EssCertIdV2 {
    /// The hash algorithm, absent when it is SHA-256.
    #[asn1(optional = "true")]
    pub hash_algorithm: Option<AlgorithmIdentifierOwned>,
    /// Hash of the whole DER certificate.
    pub cert_hash: OctetString,
    /// Issuer and serial number of the certificate.
    #[asn1(optional = "true")]
    pub issuer_serial: Option<IssuerSerial>,
}

/// ```text
/// IssuerSerial ::= SEQUENCE {
///     issuer        GeneralNames,
///     serialNumber  CertificateSerialNumber }
/// ```
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
pub struct IssuerSerial {
    /// The issuer's name, as a directoryName.
    pub issuer: Vec<GeneralName>,
    /// The certificate's serial number.
    pub serial_number: SerialNumber,
}

impl SigningCertificateV2 {
    /// The attribute value naming `cert` by its SHA-256 hash, issuer and serial number.
    pub fn for_certificate(cert: &Certificate) -> der::Result<SigningCertificateV2> {
        let hash = Sha256::digest(cert.to_der()?);
        Ok(SigningCertificateV2 {
            certs: vec![EssCertIdV2 {
                hash_algorithm: None,
                cert_hash: OctetString::new(hash.to_vec())?,
                issuer_serial: Some(IssuerSerial {
                    issuer: vec![GeneralName::DirectoryName(
                        cert.tbs_certificate.issuer.clone(),
                    )],
                    serial_number: cert.tbs_certificate.serial_number.clone(),
                }),
            }],
        })
    }
}
