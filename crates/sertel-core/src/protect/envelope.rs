//! The recipient envelopes of `/Recipients` (ISO 32000-2 §7.6.5.2): each a CMS
//! `ContentInfo` of type `EnvelopedData` whose content, encrypted with AES-256-CBC under a
//! random envelope key, is the 20-byte seed followed by 4 permission bytes.

use aws_lc_rs::agreement::{self, UnparsedPublicKey};
use aws_lc_rs::cipher::{
    DecryptionContext, PaddedBlockDecryptingKey, PaddedBlockEncryptingKey, UnboundCipherKey,
    AES_128, AES_192, AES_256,
};
use aws_lc_rs::iv::FixedLength;
use aws_lc_rs::key_wrap::{KeyEncryptionKey, KeyWrap};
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use aws_lc_rs::rsa::{Pkcs1PrivateDecryptingKey, PrivateDecryptingKey};
use cms::cert::IssuerAndSerialNumber;
use cms::content_info::{CmsVersion, ContentInfo};
use cms::enveloped_data::{
    EncryptedContentInfo, EnvelopedData, KeyAgreeRecipientIdentifier, KeyAgreeRecipientInfo,
    KeyTransRecipientInfo, OriginatorIdentifierOrKey, RecipientIdentifier, RecipientInfo,
    RecipientInfos,
};
use der::asn1::{ObjectIdentifier, OctetString, SetOfVec};
use der::{Any, Decode, Encode};
use spki::AlgorithmIdentifierOwned;
use zeroize::Zeroizing;

use super::kdf::x963_kek;
use super::recipient::{named_curve, scheme_kdf_hash, Curve, KeyWrapAlg, Recipient};
use super::ProtectError;
use crate::key::{KeyAlgorithm, LocalKey};
use crate::signer::{OID_EC_PUBLIC_KEY, OID_RSA_ENCRYPTION};

/// id-envelopedData (RFC 5652 §6.1).
const OID_ENVELOPED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.3");
/// id-data (RFC 5652 §4).
const OID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
/// id-aes256-CBC (RFC 3565).
const OID_AES256_CBC: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.1.42");

/// Encrypts `content` (seed and permissions) for every recipient into one DER `ContentInfo`.
pub(crate) fn seal(recipients: &[Recipient], content: &[u8]) -> Result<Vec<u8>, ProtectError> {
    let rng = SystemRandom::new();
    let mut envelope_key = Zeroizing::new([0u8; 32]);
    rng.fill(&mut envelope_key[..])
        .map_err(|_| ProtectError::Crypto("random source"))?;
    let cipher = PaddedBlockEncryptingKey::cbc_pkcs7(
        UnboundCipherKey::new(&AES_256, &envelope_key[..])
            .map_err(|_| ProtectError::Crypto("envelope key"))?,
    )
    .map_err(|_| ProtectError::Crypto("envelope key"))?;
    let mut encrypted = content.to_vec();
    let context = cipher
        .encrypt(&mut encrypted)
        .map_err(|_| ProtectError::Crypto("envelope encryption"))?;
    let iv: &[u8] = (&context)
        .try_into()
        .map_err(|_| ProtectError::Crypto("envelope IV"))?;
    let infos = recipients
        .iter()
        .map(|r| r.recipient_info(&envelope_key[..]))
        .collect::<Result<Vec<_>, _>>()?;
    let any_kari = infos.iter().any(|i| matches!(i, RecipientInfo::Kari(_)));
    let encoding = |_| ProtectError::Crypto("CMS encoding");
    let data = EnvelopedData {
        version: if any_kari {
            CmsVersion::V2
        } else {
            CmsVersion::V0
        },
        originator_info: None,
        recip_infos: RecipientInfos(SetOfVec::try_from(infos).map_err(encoding)?),
        encrypted_content: EncryptedContentInfo {
            content_type: OID_DATA,
            content_enc_alg: AlgorithmIdentifierOwned {
                oid: OID_AES256_CBC,
                parameters: Some(
                    Any::encode_from(&OctetString::new(iv.to_vec()).map_err(encoding)?)
                        .map_err(encoding)?,
                ),
            },
            encrypted_content: Some(OctetString::new(encrypted).map_err(encoding)?),
        },
        unprotected_attrs: None,
    };
    ContentInfo {
        content_type: OID_ENVELOPED_DATA,
        content: Any::encode_from(&data).map_err(encoding)?,
    }
    .to_der()
    .map_err(encoding)
}

/// The owner's private key, ready to open envelopes.
pub(crate) enum OpeningKey {
    Rsa(Pkcs1PrivateDecryptingKey),
    Ec(agreement::PrivateKey, Curve),
}

impl OpeningKey {
    /// The decryption form of a key from the key store.
    pub(crate) fn from_local(key: &LocalKey) -> Result<OpeningKey, ProtectError> {
        let der = key
            .to_pkcs8_der()
            .map_err(|_| ProtectError::Crypto("private key export"))?;
        match key.key_algorithm() {
            KeyAlgorithm::EcdsaP256 => {
                let k = agreement::PrivateKey::from_private_key_der(Curve::P256.agreement(), &der)
                    .map_err(|_| ProtectError::Crypto("EC private key import"))?;
                Ok(OpeningKey::Ec(k, Curve::P256))
            }
            _ => {
                let k = PrivateDecryptingKey::from_pkcs8(&der)
                    .map_err(|_| ProtectError::Crypto("RSA private key import"))?;
                let k = Pkcs1PrivateDecryptingKey::new(k)
                    .map_err(|_| ProtectError::Crypto("RSA private key import"))?;
                Ok(OpeningKey::Rsa(k))
            }
        }
    }
}

/// What opening one envelope found.
pub(crate) enum Opened {
    /// The decrypted content (seed, then permissions if present).
    Content(Zeroizing<Vec<u8>>),
    /// No recipient in this envelope is the key (or the certificate, when one was given).
    NotForUs,
    /// A recipient for this key uses an algorithm Sertel does not read.
    Unsupported(String),
}

/// Opens one `/Recipients` entry with `key`. With `id`, only recipient infos naming that
/// issuer and serial number are tried; without, every recipient info of the key's type is.
pub(crate) fn open(
    blob: &[u8],
    key: &OpeningKey,
    id: Option<&IssuerAndSerialNumber>,
) -> Result<Opened, ProtectError> {
    let bad = ProtectError::MalformedRecipients;
    let ci = ContentInfo::from_der(blob).map_err(|_| bad("not a CMS ContentInfo"))?;
    if ci.content_type != OID_ENVELOPED_DATA {
        return Err(bad("not CMS EnvelopedData"));
    }
    let ed: EnvelopedData = ci
        .content
        .decode_as()
        .map_err(|_| bad("invalid EnvelopedData"))?;
    let mut unsupported = None;
    for ri in ed.recip_infos.0.iter() {
        let candidate = match (ri, key) {
            (RecipientInfo::Ktri(k), OpeningKey::Rsa(rsa)) => transport(k, rsa, id),
            (RecipientInfo::Kari(k), OpeningKey::Ec(ec, curve)) => agree(k, ec, *curve, id),
            _ => Candidate::Skip,
        };
        let envelope_key = match candidate {
            Candidate::Key(k) => k,
            Candidate::Skip => continue,
            Candidate::Unsupported(what) => {
                unsupported = Some(what);
                continue;
            }
        };
        match decrypt_content(&ed.encrypted_content, &envelope_key) {
            Ok(content) if content.len() >= 20 => return Ok(Opened::Content(content)),
            Ok(_) | Err(Fail::Wrong) => continue,
            Err(Fail::Unsupported(what)) => return Ok(Opened::Unsupported(what)),
        }
    }
    Ok(match unsupported {
        Some(what) => Opened::Unsupported(what),
        None => Opened::NotForUs,
    })
}

enum Candidate {
    Key(Zeroizing<Vec<u8>>),
    Skip,
    Unsupported(String),
}

fn transport(
    k: &KeyTransRecipientInfo,
    rsa: &Pkcs1PrivateDecryptingKey,
    id: Option<&IssuerAndSerialNumber>,
) -> Candidate {
    if let (Some(id), RecipientIdentifier::IssuerAndSerialNumber(rid)) = (id, &k.rid) {
        if rid != id {
            return Candidate::Skip;
        }
    }
    if k.key_enc_alg.oid != OID_RSA_ENCRYPTION {
        return Candidate::Unsupported(format!(
            "RSA key transport {} (only RSAES-PKCS1-v1_5 is read)",
            k.key_enc_alg.oid
        ));
    }
    let mut out = Zeroizing::new(vec![0u8; rsa.min_output_size()]);
    match rsa.decrypt(k.enc_key.as_bytes(), &mut out) {
        Ok(plain) => {
            let n = plain.len();
            out.truncate(n);
            Candidate::Key(out)
        }
        Err(_) => Candidate::Skip,
    }
}

fn agree(
    k: &KeyAgreeRecipientInfo,
    ec: &agreement::PrivateKey,
    curve: Curve,
    id: Option<&IssuerAndSerialNumber>,
) -> Candidate {
    let OriginatorIdentifierOrKey::OriginatorKey(orig) = &k.originator else {
        return Candidate::Unsupported("key agreement without the originator's key".into());
    };
    if orig.algorithm.oid != OID_EC_PUBLIC_KEY
        || named_curve(&orig.algorithm).and_then(Curve::from_oid) != Some(curve)
    {
        return Candidate::Skip;
    }
    let Some(hash) = scheme_kdf_hash(k.key_enc_alg.oid) else {
        return Candidate::Unsupported(format!("key agreement scheme {}", k.key_enc_alg.oid));
    };
    let Some(wrap_id) = k
        .key_enc_alg
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<AlgorithmIdentifierOwned>().ok())
    else {
        return Candidate::Unsupported("key agreement without a key-wrap algorithm".into());
    };
    let Some(wrap) = KeyWrapAlg::from_oid(wrap_id.oid) else {
        return Candidate::Unsupported(format!("key wrap {}", wrap_id.oid));
    };
    let Some(point) = orig.public_key.as_bytes() else {
        return Candidate::Skip;
    };
    let ukm = k.ukm.as_ref().map(|u| u.as_bytes());
    for rek in &k.recipient_enc_keys {
        if let (Some(id), KeyAgreeRecipientIdentifier::IssuerAndSerialNumber(rid)) = (id, &rek.rid)
        {
            if rid != id {
                continue;
            }
        }
        let kek = agreement::agree(
            ec,
            UnparsedPublicKey::new(curve.agreement(), point),
            ProtectError::Crypto("ECDH"),
            |z| x963_kek(hash, z, &wrap_id, ukm, wrap.kek_len()),
        );
        let Ok(kek) = kek.map(Zeroizing::new) else {
            continue;
        };
        let Ok(kek) = KeyEncryptionKey::new(wrap.cipher(), &kek) else {
            continue;
        };
        let wrapped = rek.enc_key.as_bytes();
        let mut out = Zeroizing::new(vec![0u8; wrapped.len()]);
        if let Ok(plain) = kek.unwrap(wrapped, &mut out) {
            let n = plain.len();
            out.truncate(n);
            return Candidate::Key(out);
        }
    }
    Candidate::Skip
}

enum Fail {
    Wrong,
    Unsupported(String),
}

fn decrypt_content(eci: &EncryptedContentInfo, key: &[u8]) -> Result<Zeroizing<Vec<u8>>, Fail> {
    let alg = match eci.content_enc_alg.oid.to_string().as_str() {
        "2.16.840.1.101.3.4.1.2" => &AES_128,
        "2.16.840.1.101.3.4.1.22" => &AES_192,
        "2.16.840.1.101.3.4.1.42" => &AES_256,
        other => {
            return Err(Fail::Unsupported(format!(
                "envelope cipher {other} (only AES-CBC is read)"
            )))
        }
    };
    let iv = eci
        .content_enc_alg
        .parameters
        .as_ref()
        .and_then(|p| p.decode_as::<OctetString>().ok())
        .and_then(|o| <[u8; 16]>::try_from(o.as_bytes()).ok())
        .ok_or(Fail::Wrong)?;
    let cipher = UnboundCipherKey::new(alg, key)
        .and_then(PaddedBlockDecryptingKey::cbc_pkcs7)
        .map_err(|_| Fail::Wrong)?;
    let data = eci.encrypted_content.as_ref().ok_or(Fail::Wrong)?;
    let mut buf = Zeroizing::new(data.as_bytes().to_vec());
    let n = cipher
        .decrypt(&mut buf, DecryptionContext::Iv128(FixedLength::from(iv)))
        .map_err(|_| Fail::Wrong)?
        .len();
    buf.truncate(n);
    Ok(buf)
}
