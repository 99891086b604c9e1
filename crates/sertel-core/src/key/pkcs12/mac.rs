//! The PKCS#12 integrity MAC: HMAC keyed by the PKCS#12 KDF (RFC 7292 Appendix B).

use aws_lc_rs::hmac;
use der::asn1::ObjectIdentifier;
use pkcs12::kdf::{derive_key, Pkcs12KeyType};
use pkcs12::mac_data::MacData;
use zeroize::Zeroizing;

use super::password::P12Password;
use super::{oids, Pkcs12Error};
use crate::key::pbe::MAX_ITERATIONS;

/// The digest of a PKCS#12 MAC and its KDF.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MacDigest {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl MacDigest {
    pub fn from_oid(oid: ObjectIdentifier) -> Option<MacDigest> {
        match oid {
            o if o == oids::SHA1 => Some(MacDigest::Sha1),
            o if o == oids::SHA256 => Some(MacDigest::Sha256),
            o if o == oids::SHA384 => Some(MacDigest::Sha384),
            o if o == oids::SHA512 => Some(MacDigest::Sha512),
            _ => None,
        }
    }

    fn hmac(self) -> hmac::Algorithm {
        match self {
            MacDigest::Sha1 => hmac::HMAC_SHA1_FOR_LEGACY_USE_ONLY,
            MacDigest::Sha256 => hmac::HMAC_SHA256,
            MacDigest::Sha384 => hmac::HMAC_SHA384,
            MacDigest::Sha512 => hmac::HMAC_SHA512,
        }
    }
}

/// The PKCS#12 KDF with the given digest; `pass` is the BMPString form of the password.
pub(crate) fn kdf(
    digest: MacDigest,
    pass: &[u8],
    salt: &[u8],
    id: Pkcs12KeyType,
    iterations: i32,
    len: usize,
) -> Zeroizing<Vec<u8>> {
    Zeroizing::new(match digest {
        MacDigest::Sha1 => derive_key::<sha1::Sha1>(pass, salt, id, iterations, len),
        MacDigest::Sha256 => derive_key::<sha2::Sha256>(pass, salt, id, iterations, len),
        MacDigest::Sha384 => derive_key::<sha2::Sha384>(pass, salt, id, iterations, len),
        MacDigest::Sha512 => derive_key::<sha2::Sha512>(pass, salt, id, iterations, len),
    })
}

fn mac_key(digest: MacDigest, pass: &[u8], salt: &[u8], iterations: i32) -> hmac::Key {
    let alg = digest.hmac();
    let len = alg.digest_algorithm().output_len();
    let key = kdf(digest, pass, salt, Pkcs12KeyType::Mac, iterations, len);
    hmac::Key::new(alg, &key)
}

/// Computes the MAC of `data`.
pub(crate) fn compute(
    digest: MacDigest,
    password: &P12Password,
    salt: &[u8],
    iterations: i32,
    data: &[u8],
) -> Vec<u8> {
    hmac::sign(&mac_key(digest, &password.bmp, salt, iterations), data)
        .as_ref()
        .to_vec()
}

/// Verifies the file's MAC with each candidate password form in turn; returns the index of the
/// one that matched, or [`Pkcs12Error::WrongPassword`].
pub(crate) fn verify(
    mac_data: &MacData,
    data: &[u8],
    candidates: &[&P12Password],
) -> Result<usize, Pkcs12Error> {
    let alg = &mac_data.mac.algorithm;
    let digest = MacDigest::from_oid(alg.oid)
        .ok_or_else(|| Pkcs12Error::Unsupported(format!("MAC digest {}", alg.oid)))?;
    let iterations = mac_data.iterations;
    if iterations < 1 {
        return Err(Pkcs12Error::Malformed("MAC iteration count below 1".into()));
    }
    if iterations as u32 > MAX_ITERATIONS {
        return Err(Pkcs12Error::TooExpensive(format!(
            "MAC with {iterations} iterations"
        )));
    }
    let salt = mac_data.mac_salt.as_bytes();
    let tag = mac_data.mac.digest.as_bytes();
    for (i, password) in candidates.iter().enumerate() {
        let key = mac_key(digest, &password.bmp, salt, iterations);
        if hmac::verify(&key, data, tag).is_ok() {
            return Ok(i);
        }
    }
    Err(Pkcs12Error::WrongPassword)
}
