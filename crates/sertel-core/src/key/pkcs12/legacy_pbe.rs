//! Decryption of PKCS#12 bags and safes: PBES2, and the legacy PKCS#12 PBE schemes
//! (RFC 7292 Appendix C) still written by `openssl pkcs12 -legacy` and older Windows.

use cbc::cipher::KeyInit;
use der::asn1::AnyRef;
use der::Any;
use pkcs12::kdf::Pkcs12KeyType;
use pkcs12::pbe_params::Pkcs12PbeParams;
use spki::AlgorithmIdentifierOwned;
use zeroize::Zeroizing;

use super::mac::{kdf, MacDigest};
use super::password::P12Password;
use super::Pkcs12Error;
use crate::key::pbe::{cbc_decrypt, pbes2_decrypt, PbeError, MAX_ITERATIONS};

/// Decrypts `ciphertext` with the scheme in `alg`.
pub(crate) fn decrypt(
    alg: &AlgorithmIdentifierOwned,
    password: &P12Password,
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, PbeError> {
    let params = alg.parameters.as_ref().ok_or(PbeError::Malformed)?;
    if alg.oid == pkcs5::pbes2::PBES2_OID {
        return pbes2_decrypt(AnyRef::from(params), &password.utf8, ciphertext);
    }
    let scheme = match alg.oid {
        o if o == pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC => Legacy::TripleDes3,
        o if o == pkcs12::PKCS_12_PBE_WITH_SHAAND2_KEY_TRIPLE_DES_CBC => Legacy::TripleDes2,
        o if o == pkcs12::PKCS_12_PBE_WITH_SHAAND128_BIT_RC2_CBC => Legacy::Rc2(128),
        o if o == pkcs12::PKCS_12_PBEWITH_SHAAND40_BIT_RC2_CBC => Legacy::Rc2(40),
        o if o == pkcs12::PKCS_12_PBE_WITH_SHAAND128_BIT_RC4
            || o == pkcs12::PKCS_12_PBE_WITH_SHAAND40_BIT_RC4 =>
        {
            return Err(PbeError::Unsupported("RC4 encryption".into()))
        }
        o => return Err(PbeError::Unsupported(format!("encryption scheme {o}"))),
    };
    let params: Pkcs12PbeParams = decode_any(params).ok_or(PbeError::Malformed)?;
    if params.iterations < 1 {
        return Err(PbeError::Malformed);
    }
    if params.iterations as u32 > MAX_ITERATIONS {
        return Err(PbeError::TooExpensive(format!(
            "{} iterations",
            params.iterations
        )));
    }
    let salt = params.salt.as_bytes();
    let (key_len, iv_len) = scheme.lengths();
    let derive = |id, len| {
        kdf(
            MacDigest::Sha1,
            &password.bmp,
            salt,
            id,
            params.iterations,
            len,
        )
    };
    let key = derive(Pkcs12KeyType::EncryptionKey, key_len);
    let iv = derive(Pkcs12KeyType::Iv, iv_len);
    let bad_key = |_| PbeError::Internal;
    match scheme {
        Legacy::TripleDes3 => cbc_decrypt(
            des::TdesEde3::new_from_slice(&key).map_err(bad_key)?,
            &iv,
            ciphertext,
        ),
        Legacy::TripleDes2 => cbc_decrypt(
            des::TdesEde2::new_from_slice(&key).map_err(bad_key)?,
            &iv,
            ciphertext,
        ),
        Legacy::Rc2(bits) => {
            cbc_decrypt(rc2::Rc2::new_with_eff_key_len(&key, bits), &iv, ciphertext)
        }
    }
}

#[derive(Clone, Copy)]
enum Legacy {
    TripleDes3,
    TripleDes2,
    Rc2(usize),
}

impl Legacy {
    fn lengths(self) -> (usize, usize) {
        match self {
            Legacy::TripleDes3 => (24, 8),
            Legacy::TripleDes2 => (16, 8),
            Legacy::Rc2(bits) => (bits / 8, 8),
        }
    }
}

/// Decodes the value held in `any` as `T`.
pub(crate) fn decode_any<T: for<'a> der::Decode<'a>>(any: &Any) -> Option<T> {
    T::from_der(&der::Encode::to_der(any).ok()?).ok()
}

impl From<PbeError> for Pkcs12Error {
    fn from(e: PbeError) -> Self {
        match e {
            PbeError::Decrypt => Pkcs12Error::WrongPassword,
            PbeError::Unsupported(w) => Pkcs12Error::Unsupported(w),
            PbeError::Malformed => Pkcs12Error::Malformed("invalid encryption parameters".into()),
            PbeError::TooExpensive(w) => Pkcs12Error::TooExpensive(w),
            PbeError::Internal => Pkcs12Error::Internal("encryption failed".into()),
        }
    }
}
