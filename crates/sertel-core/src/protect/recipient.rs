//! Recipients: the certificates a document is encrypted for, and the CMS `RecipientInfo`
//! that carries the envelope key to each (RFC 5652 §6.2): key transport with RSAES-PKCS1-v1_5
//! for RSA keys, ephemeral-static ECDH with the X9.63 KDF and AES key wrap for EC keys
//! (RFC 5753, `dhSinglePass-stdDH-sha*kdf-scheme`), as pyHanko and Adobe Acrobat do.

use aws_lc_rs::agreement::{self, UnparsedPublicKey, ECDH_P256, ECDH_P384};
use aws_lc_rs::digest;
use aws_lc_rs::key_wrap::{AesBlockCipher, KeyEncryptionKey, KeyWrap, AES_128, AES_256};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use aws_lc_rs::rsa::{Pkcs1PublicEncryptingKey, PublicEncryptingKey};
use cms::cert::IssuerAndSerialNumber;
use cms::content_info::CmsVersion;
use cms::enveloped_data::{
    KeyAgreeRecipientIdentifier, KeyAgreeRecipientInfo, KeyTransRecipientInfo,
    OriginatorIdentifierOrKey, OriginatorPublicKey, RecipientEncryptedKey, RecipientIdentifier,
    RecipientInfo,
};
use der::asn1::{BitString, ObjectIdentifier, OctetString};
use der::{Any, Encode};
use spki::AlgorithmIdentifierOwned;
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
use x509_cert::Certificate;

use super::kdf::x963_kek;
use super::ProtectError;
use crate::signer::{OID_EC_PUBLIC_KEY, OID_RSA_ENCRYPTION, OID_SECP256R1};

/// secp384r1 (RFC 5480).
pub(crate) const OID_SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");

/// The EC curves Sertel encrypts for, with the key-agreement parameters used for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Curve {
    /// NIST P-256: SHA-256 KDF, AES-128 key wrap (what pyHanko chooses too).
    P256,
    /// NIST P-384: SHA-384 KDF, AES-256 key wrap (pyHanko chooses AES-192, which aws-lc-rs
    /// does not offer for key wrap; both are valid under RFC 5753 and pyHanko reads either).
    P384,
}

impl Curve {
    pub(crate) fn from_oid(oid: ObjectIdentifier) -> Option<Curve> {
        if oid == OID_SECP256R1 {
            Some(Curve::P256)
        } else if oid == OID_SECP384R1 {
            Some(Curve::P384)
        } else {
            None
        }
    }

    pub(crate) fn oid(self) -> ObjectIdentifier {
        match self {
            Curve::P256 => OID_SECP256R1,
            Curve::P384 => OID_SECP384R1,
        }
    }

    pub(crate) fn agreement(self) -> &'static agreement::Algorithm {
        match self {
            Curve::P256 => &ECDH_P256,
            Curve::P384 => &ECDH_P384,
        }
    }

    /// `dhSinglePass-stdDH-sha256kdf-scheme` / `-sha384kdf-scheme` (SEC 1, RFC 5753).
    fn scheme(self) -> ObjectIdentifier {
        match self {
            Curve::P256 => ObjectIdentifier::new_unwrap("1.3.132.1.11.1"),
            Curve::P384 => ObjectIdentifier::new_unwrap("1.3.132.1.11.2"),
        }
    }

    fn kdf_hash(self) -> &'static digest::Algorithm {
        match self {
            Curve::P256 => &digest::SHA256,
            Curve::P384 => &digest::SHA384,
        }
    }

    fn wrap(self) -> KeyWrapAlg {
        match self {
            Curve::P256 => KeyWrapAlg::Aes128,
            Curve::P384 => KeyWrapAlg::Aes256,
        }
    }
}

/// The AES key-wrap algorithms (RFC 3394 as profiled by RFC 3565) Sertel uses and reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyWrapAlg {
    Aes128,
    Aes256,
}

impl KeyWrapAlg {
    pub(crate) fn from_oid(oid: ObjectIdentifier) -> Option<KeyWrapAlg> {
        match oid.to_string().as_str() {
            "2.16.840.1.101.3.4.1.5" => Some(KeyWrapAlg::Aes128),
            "2.16.840.1.101.3.4.1.45" => Some(KeyWrapAlg::Aes256),
            _ => None,
        }
    }

    fn oid(self) -> ObjectIdentifier {
        match self {
            KeyWrapAlg::Aes128 => ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.1.5"),
            KeyWrapAlg::Aes256 => ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.1.45"),
        }
    }

    pub(crate) fn kek_len(self) -> usize {
        match self {
            KeyWrapAlg::Aes128 => 16,
            KeyWrapAlg::Aes256 => 32,
        }
    }

    pub(crate) fn cipher(self) -> &'static AesBlockCipher {
        match self {
            KeyWrapAlg::Aes128 => &AES_128,
            KeyWrapAlg::Aes256 => &AES_256,
        }
    }

    /// The algorithm identifier, parameters absent (RFC 3565 §2.3.2).
    fn identifier(self) -> AlgorithmIdentifierOwned {
        AlgorithmIdentifierOwned {
            oid: self.oid(),
            parameters: None,
        }
    }
}

#[derive(Clone, Debug)]
enum RecipientKey {
    Rsa { spki_der: Vec<u8> },
    Ec { curve: Curve, point: Vec<u8> },
}

/// A certificate a document is encrypted for, checked to hold a usable key.
#[derive(Clone, Debug)]
pub struct Recipient {
    id: IssuerAndSerialNumber,
    subject: String,
    key: RecipientKey,
}

impl Recipient {
    /// Reads the recipient's key from its certificate.
    ///
    /// RSA keys and EC keys on P-256 and P-384 are accepted; anything else is
    /// [`ProtectError::UnsupportedRecipientKey`]. Unless `ignore_key_usage`, a certificate
    /// with a keyUsage extension must allow keyEncipherment (RSA) or keyAgreement (EC), else
    /// [`ProtectError::KeyUsage`].
    pub fn from_certificate(
        cert: &Certificate,
        ignore_key_usage: bool,
    ) -> Result<Recipient, ProtectError> {
        let tbs = &cert.tbs_certificate;
        let subject = tbs.subject.to_string();
        let spki = &tbs.subject_public_key_info;
        let unsupported = |algorithm: String| ProtectError::UnsupportedRecipientKey {
            subject: subject.clone(),
            algorithm,
        };
        let (key, needed, bit) = if spki.algorithm.oid == OID_RSA_ENCRYPTION {
            let spki_der = spki
                .to_der()
                .map_err(|_| unsupported("RSA (unreadable)".into()))?;
            (
                RecipientKey::Rsa { spki_der },
                "keyEncipherment",
                KeyUsages::KeyEncipherment,
            )
        } else if spki.algorithm.oid == OID_EC_PUBLIC_KEY {
            let curve_oid = named_curve(&spki.algorithm)
                .ok_or_else(|| unsupported("EC (no named curve)".into()))?;
            let curve =
                Curve::from_oid(curve_oid).ok_or_else(|| unsupported(format!("EC {curve_oid}")))?;
            let point = spki
                .subject_public_key
                .as_bytes()
                .ok_or_else(|| unsupported("EC (bad point)".into()))?
                .to_vec();
            (
                RecipientKey::Ec { curve, point },
                "keyAgreement",
                KeyUsages::KeyAgreement,
            )
        } else {
            return Err(unsupported(spki.algorithm.oid.to_string()));
        };
        if !ignore_key_usage {
            if let Ok(Some((_, ku))) = tbs.get::<KeyUsage>() {
                if !ku.0.contains(bit) {
                    return Err(ProtectError::KeyUsage { subject, needed });
                }
            }
        }
        Ok(Recipient {
            id: IssuerAndSerialNumber {
                issuer: tbs.issuer.clone(),
                serial_number: tbs.serial_number.clone(),
            },
            subject,
            key,
        })
    }

    /// The certificate's subject, for messages.
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// The `RecipientInfo` carrying `envelope_key` to this recipient.
    pub(crate) fn recipient_info(
        &self,
        envelope_key: &[u8],
    ) -> Result<RecipientInfo, ProtectError> {
        match &self.key {
            RecipientKey::Rsa { spki_der } => self.key_transport(spki_der, envelope_key),
            RecipientKey::Ec { curve, point } => self.key_agreement(*curve, point, envelope_key),
        }
    }

    fn key_transport(
        &self,
        spki_der: &[u8],
        envelope_key: &[u8],
    ) -> Result<RecipientInfo, ProtectError> {
        let public = PublicEncryptingKey::from_der(spki_der)
            .map_err(|_| ProtectError::Crypto("RSA public key import"))?;
        let key = Pkcs1PublicEncryptingKey::new(public)
            .map_err(|_| ProtectError::Crypto("RSA public key import"))?;
        let mut out = vec![0u8; key.ciphertext_size()];
        let n = key
            .encrypt(envelope_key, &mut out)
            .map_err(|_| ProtectError::Crypto("RSA encryption"))?
            .len();
        out.truncate(n);
        Ok(RecipientInfo::Ktri(KeyTransRecipientInfo {
            version: CmsVersion::V0,
            rid: RecipientIdentifier::IssuerAndSerialNumber(self.id.clone()),
            key_enc_alg: AlgorithmIdentifierOwned {
                oid: OID_RSA_ENCRYPTION,
                parameters: Some(Any::null()),
            },
            enc_key: OctetString::new(out).map_err(|_| ProtectError::Crypto("encoding"))?,
        }))
    }

    fn key_agreement(
        &self,
        curve: Curve,
        point: &[u8],
        envelope_key: &[u8],
    ) -> Result<RecipientInfo, ProtectError> {
        let ephemeral = agreement::PrivateKey::generate(curve.agreement())
            .map_err(|_| ProtectError::Crypto("ephemeral EC key"))?;
        let ephemeral_public = ephemeral
            .compute_public_key()
            .map_err(|_| ProtectError::Crypto("ephemeral EC key"))?;
        let mut ukm = [0u8; 16];
        SystemRandom::new()
            .fill(&mut ukm)
            .map_err(|_| ProtectError::Crypto("random source"))?;
        let wrap = curve.wrap();
        let wrap_id = wrap.identifier();
        let kek = agreement::agree(
            &ephemeral,
            UnparsedPublicKey::new(curve.agreement(), point),
            ProtectError::Crypto("ECDH with the recipient's key"),
            |z| x963_kek(curve.kdf_hash(), z, &wrap_id, Some(&ukm), wrap.kek_len()),
        )?;
        let wrapped = wrap_key(wrap, &kek, envelope_key)?;
        let originator = OriginatorPublicKey {
            algorithm: AlgorithmIdentifierOwned {
                oid: OID_EC_PUBLIC_KEY,
                parameters: Some(Any::from(curve.oid())),
            },
            public_key: BitString::from_bytes(ephemeral_public.as_ref())
                .map_err(|_| ProtectError::Crypto("encoding"))?,
        };
        let wrap_any = Any::encode_from(&wrap_id).map_err(|_| ProtectError::Crypto("encoding"))?;
        Ok(RecipientInfo::Kari(KeyAgreeRecipientInfo {
            version: CmsVersion::V3,
            originator: OriginatorIdentifierOrKey::OriginatorKey(originator),
            ukm: Some(
                OctetString::new(ukm.to_vec()).map_err(|_| ProtectError::Crypto("encoding"))?,
            ),
            key_enc_alg: AlgorithmIdentifierOwned {
                oid: curve.scheme(),
                parameters: Some(wrap_any),
            },
            recipient_enc_keys: vec![RecipientEncryptedKey {
                rid: KeyAgreeRecipientIdentifier::IssuerAndSerialNumber(self.id.clone()),
                enc_key: OctetString::new(wrapped).map_err(|_| ProtectError::Crypto("encoding"))?,
            }],
        }))
    }
}

/// The named-curve OID in the parameters of an `id-ecPublicKey` algorithm identifier.
pub(crate) fn named_curve(alg: &AlgorithmIdentifierOwned) -> Option<ObjectIdentifier> {
    alg.parameters
        .as_ref()?
        .decode_as::<ObjectIdentifier>()
        .ok()
}

/// The issuer and serial number identifying `cert` in a `RecipientInfo`.
pub(crate) fn issuer_and_serial(cert: &Certificate) -> IssuerAndSerialNumber {
    IssuerAndSerialNumber {
        issuer: cert.tbs_certificate.issuer.clone(),
        serial_number: cert.tbs_certificate.serial_number.clone(),
    }
}

/// The dhSinglePass-stdDH scheme's KDF hash, from its OID (`1.3.132.1.11.{0,1,2,3}`).
pub(crate) fn scheme_kdf_hash(oid: ObjectIdentifier) -> Option<&'static digest::Algorithm> {
    match oid.to_string().as_str() {
        "1.3.132.1.11.1" => Some(&digest::SHA256),
        "1.3.132.1.11.2" => Some(&digest::SHA384),
        "1.3.132.1.11.3" => Some(&digest::SHA512),
        _ => None,
    }
}

fn wrap_key(alg: KeyWrapAlg, kek: &[u8], key: &[u8]) -> Result<Vec<u8>, ProtectError> {
    let kek = KeyEncryptionKey::new(alg.cipher(), kek)
        .map_err(|_| ProtectError::Crypto("key-encryption key"))?;
    let mut out = vec![0u8; key.len() + 8];
    let n = kek
        .wrap(key, &mut out)
        .map_err(|_| ProtectError::Crypto("AES key wrap"))?
        .len();
    out.truncate(n);
    Ok(out)
}
