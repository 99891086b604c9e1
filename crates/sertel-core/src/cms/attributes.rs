//! Signed attributes: what a CMS signer actually signs.
//!
//! PAdES baseline (ETSI EN 319 142-1 §5.3) requires content-type, message-digest and
//! signing-certificate-v2, and forbids signing-time: the claimed time lives in the PDF
//! signature dictionary's `/M`.

use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use x509_cert::attr::{Attribute, AttributeValue};
use x509_cert::Certificate;

use super::ess::SigningCertificateV2;
use super::oids::{ID_AA_SIGNING_CERTIFICATE_V2, ID_CONTENT_TYPE, ID_MESSAGE_DIGEST};
use const_oid::ObjectIdentifier;

/// Builds the signed attributes of one signer.
#[derive(Clone, Debug)]
pub struct SignedAttributesBuilder {
    attrs: Vec<Attribute>,
}

/// One attribute with a single value.
pub fn attribute(oid: ObjectIdentifier, value: impl Encode) -> der::Result<Attribute> {
    let value = AttributeValue::from_der(&value.to_der()?)?;
    let mut values = SetOfVec::new();
    values.insert(value)?;
    Ok(Attribute { oid, values })
}

impl SignedAttributesBuilder {
    /// The three attributes every Sertel signature carries: content type, the digest of the
    /// signed content, and the signer's certificate (ESS signing-certificate-v2).
    pub fn new(
        content_type: ObjectIdentifier,
        content_digest: &[u8],
        signer_certificate: &Certificate,
    ) -> der::Result<SignedAttributesBuilder> {
        let attrs = vec![
            attribute(ID_CONTENT_TYPE, content_type)?,
            attribute(ID_MESSAGE_DIGEST, OctetString::new(content_digest)?)?,
            attribute(
                ID_AA_SIGNING_CERTIFICATE_V2,
                SigningCertificateV2::for_certificate(signer_certificate)?,
            )?,
        ];
        Ok(SignedAttributesBuilder { attrs })
    }

    /// Adds another attribute (for instance a signature policy identifier).
    pub fn with(mut self, attr: Attribute) -> SignedAttributesBuilder {
        self.attrs.push(attr);
        self
    }

    /// The attributes as the DER `SET OF` sorted as DER requires.
    pub fn build(self) -> der::Result<SetOfVec<Attribute>> {
        let mut set = SetOfVec::new();
        for a in self.attrs {
            set.insert(a)?;
        }
        Ok(set)
    }
}

/// The exact bytes a signer signs: the DER encoding of the attributes with the universal
/// `SET OF` tag (RFC 5652 §5.4), not the `[0] IMPLICIT` tag they carry inside `SignerInfo`.
pub fn bytes_to_sign(attrs: &SetOfVec<Attribute>) -> der::Result<Vec<u8>> {
    attrs.to_der()
}

/// Wraps a DER value as an `Any`, for attribute values built elsewhere.
pub fn any_from_der(der_bytes: &[u8]) -> der::Result<Any> {
    Any::from_der(der_bytes)
}
