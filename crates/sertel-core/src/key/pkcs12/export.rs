//! Writing a PKCS#12 backup in the form OpenSSL 3 writes by default.

use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::encrypted_data::EncryptedData;
use cms::enveloped_data::EncryptedContentInfo;
use der::asn1::{AnyRef, BmpString, OctetString, SetOfVec};
use der::{Any, Encode};
use pkcs12::cert_type::CertBag;
use pkcs12::digest_info::DigestInfo;
use pkcs12::mac_data::MacData;
use pkcs12::pbe_params::EncryptedPrivateKeyInfo;
use pkcs12::pfx::{Pfx, Version};
use pkcs12::safe_bag::SafeBag;
use sha1::{Digest, Sha1};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::{Attribute, Attributes};
use x509_cert::certificate::Certificate;

use super::mac::{self, MacDigest};
use super::password::P12Password;
use super::{oids, Pkcs12Error};
use crate::key::pbe::{pbes2_encrypt, Pbes2Kdf, MAX_ITERATIONS};
use crate::key::{LocalKey, Passphrase};
use crate::signer::Signer;

/// Cost settings of an export.
///
/// Defaults: PBKDF2-HMAC-SHA-256 with 600 000 iterations for the key bag and the certificate
/// safe (OWASP's 2023 figure for PBKDF2-SHA-256; OpenSSL's default of 2048 is far too cheap for a
/// file that is meant to be copied to a USB stick or mailed), and 1 200 000 iterations of the
/// PKCS#12 KDF for the HMAC-SHA-256 MAC. The MAC is a password check too, and one PKCS#12-KDF
/// iteration costs one SHA-256 block where a PBKDF2 iteration costs two, so the MAC gets twice
/// the count to be no cheaper to attack than the key. About 0.3 s in all on the reference
/// machine in a release build; importing such a file costs the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pkcs12ExportOptions {
    /// PBKDF2 iterations for the key bag and the certificate safe.
    pub pbkdf2_iterations: u32,
    /// PKCS#12-KDF iterations for the MAC key.
    pub mac_iterations: u32,
    /// friendlyName attribute for the key and its certificate (shown by Windows and browsers).
    pub friendly_name: Option<String>,
}

impl Default for Pkcs12ExportOptions {
    fn default() -> Self {
        Pkcs12ExportOptions {
            pbkdf2_iterations: 600_000,
            mac_iterations: 1_200_000,
            friendly_name: None,
        }
    }
}

fn internal(e: impl std::fmt::Display) -> Pkcs12Error {
    Pkcs12Error::Internal(e.to_string())
}

fn attributes(local_key_id: &[u8], name: Option<&str>) -> Result<Attributes, Pkcs12Error> {
    let mut attrs = Vec::new();
    if let Some(name) = name {
        let bmp = BmpString::from_utf8(name).map_err(|_| Pkcs12Error::PasswordNotEncodable)?;
        attrs.push(Attribute {
            oid: oids::FRIENDLY_NAME,
            values: SetOfVec::try_from(vec![Any::encode_from(&bmp).map_err(internal)?])
                .map_err(internal)?,
        });
    }
    let id = OctetString::new(local_key_id).map_err(internal)?;
    attrs.push(Attribute {
        oid: oids::LOCAL_KEY_ID,
        values: SetOfVec::try_from(vec![Any::encode_from(&id).map_err(internal)?])
            .map_err(internal)?,
    });
    SetOfVec::try_from(attrs).map_err(internal)
}

fn octets_any(bytes: &[u8]) -> Result<Any, Pkcs12Error> {
    Any::encode_from(&OctetString::new(bytes).map_err(internal)?).map_err(internal)
}

/// Writes `key`, its `certificate` and the `chain` (issuer first) as a PKCS#12 file (DER)
/// protected by `password`.
///
/// Layout, as OpenSSL 3 writes it: an encrypted-data safe (PBES2, PBKDF2-HMAC-SHA-256,
/// AES-256-CBC) holding the certificate bags, a data safe holding the PBES2-shrouded key bag,
/// localKeyId (SHA-1 of the certificate) on the key and its certificate, and an HMAC-SHA-256 MAC.
pub fn export_pkcs12(
    key: &LocalKey,
    certificate: &Certificate,
    chain: &[Certificate],
    password: &Passphrase,
    options: &Pkcs12ExportOptions,
) -> Result<Vec<u8>, Pkcs12Error> {
    if password.is_empty() {
        return Err(Pkcs12Error::EmptyPassword);
    }
    if &certificate.tbs_certificate.subject_public_key_info != key.public_key() {
        return Err(Pkcs12Error::CertificateKeyMismatch);
    }
    let too_many = |n: u32| n == 0 || n > MAX_ITERATIONS;
    if too_many(options.pbkdf2_iterations) || too_many(options.mac_iterations) {
        return Err(Pkcs12Error::TooExpensive("export iteration counts".into()));
    }
    let pw = P12Password::new(password.expose())?;
    let kdf = Pbes2Kdf::Pbkdf2Sha256 {
        iterations: options.pbkdf2_iterations,
    };
    let cert_der = certificate.to_der().map_err(internal)?;
    let local_key_id = Sha1::digest(&cert_der).to_vec();
    let name = options.friendly_name.as_deref();

    // Certificates, in an encrypted-data safe.
    let mut cert_bags = Vec::with_capacity(chain.len() + 1);
    for (i, der) in std::iter::once(Ok(cert_der.clone()))
        .chain(chain.iter().map(Encode::to_der))
        .enumerate()
    {
        let bag = CertBag {
            cert_id: pkcs12::PKCS_12_X509_CERT_OID,
            cert_value: OctetString::new(der.map_err(internal)?).map_err(internal)?,
        };
        cert_bags.push(SafeBag {
            bag_id: pkcs12::PKCS_12_CERT_BAG_OID,
            bag_value: bag.to_der().map_err(internal)?,
            bag_attributes: if i == 0 {
                Some(attributes(&local_key_id, name)?)
            } else {
                None
            },
        });
    }
    let certs_plain = cert_bags.to_der().map_err(internal)?;
    let (certs_alg, certs_ct) = pbes2_encrypt(kdf, &pw.utf8, &certs_plain)?;
    let encrypted = EncryptedData {
        version: CmsVersion::V0,
        enc_content_info: EncryptedContentInfo {
            content_type: oids::DATA,
            content_enc_alg: certs_alg,
            encrypted_content: Some(OctetString::new(certs_ct).map_err(internal)?),
        },
        unprotected_attrs: None,
    };
    let certs_ci = ContentInfo {
        content_type: oids::ENCRYPTED_DATA,
        content: Any::encode_from(&encrypted).map_err(internal)?,
    };

    // The key, shrouded, in a data safe.
    let key_plain = key.to_pkcs8_der()?;
    let (key_alg, key_ct) = pbes2_encrypt(kdf, &pw.utf8, &key_plain)?;
    let epki = EncryptedPrivateKeyInfo {
        encryption_algorithm: key_alg,
        encrypted_data: OctetString::new(key_ct).map_err(internal)?,
    };
    let key_bag = SafeBag {
        bag_id: pkcs12::PKCS_12_PKCS8_KEY_BAG_OID,
        bag_value: epki.to_der().map_err(internal)?,
        bag_attributes: Some(attributes(&local_key_id, name)?),
    };
    let key_safe = vec![key_bag].to_der().map_err(internal)?;
    let key_ci = ContentInfo {
        content_type: oids::DATA,
        content: octets_any(&key_safe)?,
    };

    let auth_safe = vec![certs_ci, key_ci].to_der().map_err(internal)?;
    let mut salt = [0u8; 16];
    SystemRandom::new()
        .fill(&mut salt)
        .map_err(|_| internal("random source failed"))?;
    let iterations = i32::try_from(options.mac_iterations).map_err(internal)?;
    let tag = mac::compute(MacDigest::Sha256, &pw, &salt, iterations, &auth_safe);
    let pfx = Pfx {
        version: Version::V3,
        auth_safe: ContentInfo {
            content_type: oids::DATA,
            content: octets_any(&auth_safe)?,
        },
        mac_data: Some(MacData {
            mac: DigestInfo {
                algorithm: AlgorithmIdentifierOwned {
                    oid: oids::SHA256,
                    parameters: Some(Any::from(AnyRef::NULL)),
                },
                digest: OctetString::new(tag).map_err(internal)?,
            },
            mac_salt: OctetString::new(salt.to_vec()).map_err(internal)?,
            iterations,
        }),
    };
    pfx.to_der().map_err(internal)
}
