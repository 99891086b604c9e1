//! `SignedData` assembly (RFC 5652 §5) once the signature value is known.

use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use const_oid::ObjectIdentifier;
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Encode};
use x509_cert::attr::Attribute;
use x509_cert::Certificate;

use super::oids::{ID_DATA, ID_SIGNED_DATA};
use crate::signer::SignatureAlgorithm;

/// Everything a one-signer `SignedData` is made of.
#[derive(Clone, Debug)]
pub struct SignedDataParts<'a> {
    /// `eContentType`: `id-data` for a detached PDF signature, `id-ct-TSTInfo` for a token.
    pub content_type: ObjectIdentifier,
    /// The encapsulated content, or `None` for a detached signature.
    pub content: Option<&'a [u8]>,
    /// The signer's certificate.
    pub signer_certificate: &'a Certificate,
    /// Further certificates to carry (the issuing chain), in any order.
    pub chain: &'a [Certificate],
    /// The signature scheme the signer used.
    pub algorithm: SignatureAlgorithm,
    /// The signed attributes, exactly as signed.
    pub signed_attributes: SetOfVec<Attribute>,
    /// The signature value over the signed attributes.
    pub signature: &'a [u8],
    /// Unsigned attributes (such as the signature timestamp token).
    pub unsigned_attributes: Vec<Attribute>,
}

impl SignedDataParts<'_> {
    /// Encodes the `ContentInfo { id-signedData, SignedData }` DER.
    pub fn assemble(self) -> der::Result<Vec<u8>> {
        let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: self.signer_certificate.tbs_certificate.issuer.clone(),
            serial_number: self
                .signer_certificate
                .tbs_certificate
                .serial_number
                .clone(),
        });
        let unsigned_attrs = if self.unsigned_attributes.is_empty() {
            None
        } else {
            let mut set = SetOfVec::new();
            for a in self.unsigned_attributes {
                set.insert(a)?;
            }
            Some(set)
        };
        let signer_info = SignerInfo {
            version: CmsVersion::V1,
            sid,
            digest_alg: self.algorithm.digest_algorithm_identifier(),
            signed_attrs: Some(self.signed_attributes),
            signature_algorithm: self.algorithm.algorithm_identifier(),
            signature: OctetString::new(self.signature)?,
            unsigned_attrs,
        };
        let mut certificates = SetOfVec::new();
        certificates.insert(CertificateChoices::Certificate(
            self.signer_certificate.clone(),
        ))?;
        for c in self.chain {
            if c != self.signer_certificate {
                certificates.insert(CertificateChoices::Certificate(c.clone()))?;
            }
        }
        let mut digest_algorithms = SetOfVec::new();
        digest_algorithms.insert(self.algorithm.digest_algorithm_identifier())?;
        let econtent = match self.content {
            Some(bytes) => Some(Any::encode_from(&OctetString::new(bytes)?)?),
            None => None,
        };
        // RFC 5652 §5.1: version 3 when eContentType is not id-data, else 1.
        let version = if self.content_type == ID_DATA {
            CmsVersion::V1
        } else {
            CmsVersion::V3
        };
        let mut signer_infos = SetOfVec::new();
        signer_infos.insert(signer_info)?;
        let signed_data = SignedData {
            version,
            digest_algorithms,
            encap_content_info: EncapsulatedContentInfo {
                econtent_type: self.content_type,
                econtent,
            },
            certificates: Some(CertificateSet(certificates)),
            crls: None,
            signer_infos: SignerInfos(signer_infos),
        };
        ContentInfo {
            content_type: ID_SIGNED_DATA,
            content: Any::encode_from(&signed_data)?,
        }
        .to_der()
    }
}
