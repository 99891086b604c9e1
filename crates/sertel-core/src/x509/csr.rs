//! PKCS#10 certificate requests: built from the owner's profile on the laptop, parsed and checked
//! (proof of possession) on the server.

use der::asn1::{BitString, SetOfVec};
use der::{Any, Decode, Encode};
use spki::SubjectPublicKeyInfoOwned;
use x509_cert::attr::Attribute;
use x509_cert::ext::Extension;
use x509_cert::name::Name;
use x509_cert::request::{CertReq, CertReqInfo, ExtensionReq, Version};

use super::certificate::signed_part;
use super::extensions::{key_usage, subject_alt_name_email, KeyUsages};
use super::{build_name, NameAttribute, X509Error, CSR_PEM_LABEL};
use crate::i18n::{Lang, Localized};
use crate::profile::{OwnerProfile, RegencyProfile};
use crate::sigcheck::{self, PublicKeyKind, SigCheckError};
use crate::signer::Signer;

/// The subject of the owner's certificate, in conventional order:
/// C, ST, L, O, OU (unit kerja), title (jabatan), CN (full name), serialNumber (NIP),
/// emailAddress. The NIK is never included.
pub fn owner_subject(owner: &OwnerProfile, regency: &RegencyProfile) -> Result<Name, X509Error> {
    let nip = owner.nip_digits();
    let email = owner.email.trim().to_ascii_lowercase();
    Ok(build_name(&[
        (NameAttribute::Country, &regency.country),
        (NameAttribute::State, &regency.state),
        (NameAttribute::Locality, &regency.locality),
        (NameAttribute::Organization, &regency.organization),
        (NameAttribute::OrganizationalUnit, &owner.unit),
        (NameAttribute::Title, &owner.title),
        (NameAttribute::CommonName, &owner.full_name),
        (NameAttribute::SerialNumber, &nip),
        (NameAttribute::EmailAddress, &email),
    ])?)
}

/// Builds and signs the owner's certificate request.
///
/// The profile is validated first (all problems reported at once in [`X509Error::Profile`]).
/// The request carries an extensionRequest with subjectAltName (the e-mail as rfc822Name) and
/// keyUsage digitalSignature + nonRepudiation (critical).
pub fn build_csr(
    owner: &OwnerProfile,
    regency: &RegencyProfile,
    signer: &dyn Signer,
) -> Result<CertReq, X509Error> {
    owner.validate(regency).map_err(X509Error::Profile)?;
    let subject = owner_subject(owner, regency)?;
    let email = owner.email.trim().to_ascii_lowercase();
    sign_request(subject, vec![subject_alt_name_email(&email)?], signer)
}

/// Signs a request for `subject` with `signer`'s key. The extensionRequest carries `extensions`
/// followed by keyUsage digitalSignature + nonRepudiation (critical); the signature is checked
/// before the request is returned.
pub(super) fn sign_request(
    subject: Name,
    mut extensions: Vec<Extension>,
    signer: &dyn Signer,
) -> Result<CertReq, X509Error> {
    extensions.push(key_usage(&[
        KeyUsages::DigitalSignature,
        KeyUsages::NonRepudiation,
    ])?);
    let attribute = Attribute::try_from(ExtensionReq(extensions))?;
    let info = CertReqInfo {
        version: Version::V1,
        subject,
        public_key: signer.public_key().clone(),
        attributes: SetOfVec::try_from(vec![attribute])?,
    };
    let info_der = info.to_der()?;
    let signature = signer.sign(&info_der)?;
    let algorithm = signer.algorithm().algorithm_identifier();
    sigcheck::verify(signer.public_key(), &algorithm, &info_der, &signature)
        .map_err(|_| X509Error::SelfCheckFailed)?;
    Ok(CertReq {
        info,
        algorithm,
        signature: BitString::from_bytes(&signature)?,
    })
}

/// Why a certificate request was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CsrError {
    /// The data is not a PKCS#10 request (bad PEM, bad DER, wrong PEM label).
    #[error("not a valid certificate request: {0}")]
    Malformed(String),
    /// The extensionRequest attribute is malformed.
    #[error("the extension request in the certificate request is malformed")]
    MalformedExtensions,
    /// The request's signature does not verify with the key it contains: the requester has not
    /// proved possession of the private key.
    #[error("proof of possession failed: {0}")]
    ProofOfPossession(SigCheckError),
}

impl Localized for CsrError {
    fn kind(&self) -> &'static str {
        match self {
            CsrError::Malformed(_) => "csr_malformed",
            CsrError::MalformedExtensions => "csr_extensions_malformed",
            CsrError::ProofOfPossession(SigCheckError::BadSignature) => "csr_signature_invalid",
            CsrError::ProofOfPossession(_) => "csr_algorithm_unsupported",
        }
    }

    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CsrError::Malformed(d), Lang::Id) => {
                format!("Permintaan sertifikat (CSR) rusak: {d}.")
            }
            (CsrError::Malformed(d), Lang::En) => {
                format!("The certificate request (CSR) is malformed: {d}.")
            }
            (CsrError::MalformedExtensions, Lang::Id) => {
                "Bagian ekstensi dalam permintaan sertifikat rusak.".into()
            }
            (CsrError::MalformedExtensions, Lang::En) => {
                "The extensions in the certificate request are malformed.".into()
            }
            (CsrError::ProofOfPossession(e), Lang::Id) => format!(
                "Tanda tangan permintaan sertifikat tidak dapat dibuktikan dengan kuncinya \
                 sendiri: {}",
                e.message(Lang::Id)
            ),
            (CsrError::ProofOfPossession(e), Lang::En) => format!(
                "The certificate request's signature does not verify with its own key: {}",
                e.message(Lang::En)
            ),
        }
    }
}

/// A request whose signature verified with its own key.
#[derive(Clone, Debug)]
pub struct VerifiedCsr {
    /// The requested subject.
    pub subject: Name,
    /// The public key.
    pub public_key: SubjectPublicKeyInfoOwned,
    /// The key's algorithm, curve or size.
    pub key_kind: PublicKeyKind,
    /// The extensions requested (extensionRequest attribute), in order.
    pub requested_extensions: Vec<Extension>,
    /// The request as parsed.
    pub request: CertReq,
}

impl VerifiedCsr {
    /// The key size in bits (RSA modulus, or curve size).
    pub fn key_bits(&self) -> u32 {
        match self.key_kind {
            PublicKeyKind::Rsa { bits } => bits,
            PublicKeyKind::Ec(sigcheck::EcCurve::P256) => 256,
            PublicKeyKind::Ec(sigcheck::EcCurve::P384) => 384,
            PublicKeyKind::Ec(_) => 521,
            _ => 256,
        }
    }
}

const OID_EXTENSION_REQUEST: der::asn1::ObjectIdentifier =
    der::asn1::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.14");

/// Parses a request (PEM or DER) and checks its proof of possession: the signature over the
/// request info must verify with the public key inside, under a supported algorithm.
pub fn verify_csr(data: &[u8]) -> Result<VerifiedCsr, CsrError> {
    let trimmed = data.trim_ascii();
    let owned;
    let der: &[u8] = if trimmed.starts_with(b"-----BEGIN") {
        let (label, bytes) =
            der::pem::decode_vec(trimmed).map_err(|e| CsrError::Malformed(format!("PEM: {e}")))?;
        if label != CSR_PEM_LABEL && label != "NEW CERTIFICATE REQUEST" {
            return Err(CsrError::Malformed(format!(
                "unexpected PEM label {label:?}"
            )));
        }
        owned = bytes;
        &owned
    } else {
        // DER is binary: its last bytes may well be 0x20 or 0x0A (an ECDSA signature's).
        data
    };
    let request = CertReq::from_der(der).map_err(|e| CsrError::Malformed(e.to_string()))?;
    let info = signed_part(der).map_err(|e| CsrError::Malformed(e.to_string()))?;
    let signature = request
        .signature
        .as_bytes()
        .ok_or_else(|| CsrError::Malformed("signature has unused bits".into()))?;
    let key_kind =
        sigcheck::public_key_kind(&request.info.public_key).map_err(CsrError::ProofOfPossession)?;
    sigcheck::verify(
        &request.info.public_key,
        &request.algorithm,
        info,
        signature,
    )
    .map_err(CsrError::ProofOfPossession)?;
    let mut requested_extensions = Vec::new();
    for attr in request
        .info
        .attributes
        .iter()
        .filter(|a| a.oid == OID_EXTENSION_REQUEST)
    {
        for value in attr.values.iter() {
            let exts: Vec<Extension> = value_as(value).ok_or(CsrError::MalformedExtensions)?;
            requested_extensions.extend(exts);
        }
    }
    Ok(VerifiedCsr {
        subject: request.info.subject.clone(),
        public_key: request.info.public_key.clone(),
        key_kind,
        requested_extensions,
        request,
    })
}

fn value_as<T: for<'a> Decode<'a>>(value: &Any) -> Option<T> {
    T::from_der(&value.to_der().ok()?).ok()
}
