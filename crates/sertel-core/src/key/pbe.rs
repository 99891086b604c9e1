//! Password-based encryption (PBES2, RFC 8018) shared by the key file and PKCS#12.
//!
//! The parameters are parsed with the `pkcs5` crate, but key derivation and decryption are done
//! here so every derived key and every plaintext sits in a buffer that is wiped after use.

use std::num::NonZeroU32;

use aws_lc_rs::pbkdf2;
use aws_lc_rs::rand::{SecureRandom, SystemRandom};
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockCipher, BlockDecryptMut, BlockEncryptMut, InnerIvInit};
use der::asn1::{ObjectIdentifier, OctetStringRef};
use der::{AnyRef, Decode, Encode, Sequence};
use pkcs5::pbes2::{self, Kdf, Pbkdf2Prf};
use spki::{AlgorithmIdentifierOwned, AlgorithmIdentifierRef};
use zeroize::Zeroizing;

/// Largest scrypt memory (128·r·N bytes) accepted when reading: 32 MiB, so that signing a large
/// PDF stays within its memory budget and a hostile file cannot exhaust memory.
pub(crate) const MAX_SCRYPT_MEMORY: u64 = 32 * 1024 * 1024;
/// Largest scrypt work factor N·r·p accepted when reading (about 4 s here).
const MAX_SCRYPT_WORK: u64 = 1 << 24;
/// Largest PBKDF2 or PKCS#12-KDF iteration count accepted when reading.
pub(crate) const MAX_ITERATIONS: u32 = 10_000_000;

/// Why password-based decryption failed.
#[derive(Debug)]
pub(crate) enum PbeError {
    /// The padding was wrong after decryption: the password is wrong (or the data corrupt).
    Decrypt,
    /// The scheme, KDF, PRF or cipher is not supported; the string names it.
    Unsupported(String),
    /// The parameters are malformed.
    Malformed,
    /// The KDF parameters ask for more memory or time than Sertel allows.
    TooExpensive(String),
    /// An internal failure (random source, encoder).
    Internal,
}

/// The key derivation used when encrypting.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Pbes2Kdf {
    /// scrypt with cost 2^log_n, block size r and parallelisation p.
    Scrypt { log_n: u8, r: u32, p: u32 },
    /// PBKDF2 with HMAC-SHA-256.
    Pbkdf2Sha256 { iterations: u32 },
}

#[derive(Sequence)]
struct Pbes2Outline<'a> {
    kdf: AlgorithmIdentifierRef<'a>,
    encryption: AlgorithmIdentifierRef<'a>,
}

/// `PBKDF2-params` (RFC 8018 A.2), parsed leniently: the PRF's parameters may be NULL or absent
/// (NSS omits them), and the PRF defaults to HMAC-SHA-1.
#[derive(Sequence)]
struct Pbkdf2ParamsRef<'a> {
    salt: OctetStringRef<'a>,
    iteration_count: u32,
    key_length: Option<u16>,
    prf: Option<AlgorithmIdentifierRef<'a>>,
}

/// Decrypts `ciphertext` under PBES2 with the given `PBES2-params`.
pub(crate) fn pbes2_decrypt(
    params: AnyRef<'_>,
    password: &[u8],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, PbeError> {
    let outline: Pbes2Outline<'_> = params.decode_as().map_err(|_| PbeError::Malformed)?;
    let cipher_oid = outline.encryption.oid;
    let key_len = match cipher_oid {
        o if o == pbes2::AES_128_CBC_OID => 16,
        o if o == pbes2::AES_192_CBC_OID => 24,
        o if o == pbes2::AES_256_CBC_OID => 32,
        o => return Err(PbeError::Unsupported(cipher_name(o))),
    };
    let kdf_params = outline.kdf.parameters.ok_or(PbeError::Malformed)?;
    let key = match outline.kdf.oid {
        o if o == pbes2::PBKDF2_OID => derive_pbkdf2(kdf_params, password, key_len)?,
        o if o == pbes2::SCRYPT_OID => {
            let sp = pbes2::ScryptParams::try_from(kdf_params).map_err(|_| PbeError::Malformed)?;
            derive(&Kdf::Scrypt(sp), password, key_len)?
        }
        o => return Err(PbeError::Unsupported(format!("KDF {o}"))),
    };
    let iv: OctetStringRef<'_> = outline
        .encryption
        .parameters
        .ok_or(PbeError::Malformed)?
        .decode_as()
        .map_err(|_| PbeError::Malformed)?;
    let iv = iv.as_bytes();
    if iv.len() != 16 {
        return Err(PbeError::Malformed);
    }
    match key_len {
        16 => cbc_decrypt(aes_key::<aes::Aes128>(&key)?, iv, ciphertext),
        24 => cbc_decrypt(aes_key::<aes::Aes192>(&key)?, iv, ciphertext),
        _ => cbc_decrypt(aes_key::<aes::Aes256>(&key)?, iv, ciphertext),
    }
}

fn derive_pbkdf2(
    params: AnyRef<'_>,
    password: &[u8],
    key_len: usize,
) -> Result<Zeroizing<Vec<u8>>, PbeError> {
    let p: Pbkdf2ParamsRef<'_> = params.decode_as().map_err(|_| PbeError::Malformed)?;
    if p.key_length.is_some_and(|l| usize::from(l) != key_len) {
        return Err(PbeError::Malformed);
    }
    let prf = match p.prf {
        None => Pbkdf2Prf::HmacWithSha1,
        Some(alg) => {
            if alg.parameters.is_some_and(|a| !a.is_null()) {
                return Err(PbeError::Malformed);
            }
            match alg.oid {
                o if o == Pbkdf2Prf::HmacWithSha1.oid() => Pbkdf2Prf::HmacWithSha1,
                o if o == Pbkdf2Prf::HmacWithSha256.oid() => Pbkdf2Prf::HmacWithSha256,
                o if o == Pbkdf2Prf::HmacWithSha384.oid() => Pbkdf2Prf::HmacWithSha384,
                o if o == Pbkdf2Prf::HmacWithSha512.oid() => Pbkdf2Prf::HmacWithSha512,
                o => return Err(PbeError::Unsupported(format!("PBKDF2 PRF {o}"))),
            }
        }
    };
    let params = pbes2::Pbkdf2Params {
        salt: p.salt.as_bytes(),
        iteration_count: p.iteration_count,
        key_length: None,
        prf,
    };
    derive(&Kdf::Pbkdf2(params), password, key_len)
}

/// Encrypts `plaintext` under PBES2 with AES-256-CBC, a fresh 16-byte salt and a fresh IV;
/// returns the `AlgorithmIdentifier` (id-PBES2 with its parameters) and the ciphertext.
pub(crate) fn pbes2_encrypt(
    kdf: Pbes2Kdf,
    password: &[u8],
    plaintext: &[u8],
) -> Result<(AlgorithmIdentifierOwned, Vec<u8>), PbeError> {
    let rng = SystemRandom::new();
    let mut salt = [0u8; 16];
    let mut iv = [0u8; 16];
    rng.fill(&mut salt).map_err(|_| PbeError::Internal)?;
    rng.fill(&mut iv).map_err(|_| PbeError::Internal)?;
    let params = match kdf {
        Pbes2Kdf::Scrypt { log_n, r, p } => {
            let sp = scrypt::Params::new(log_n, r, p, 32).map_err(|_| PbeError::Internal)?;
            pbes2::Parameters::scrypt_aes256cbc(sp, &salt, &iv)
        }
        Pbes2Kdf::Pbkdf2Sha256 { iterations } => {
            pbes2::Parameters::pbkdf2_sha256_aes256cbc(iterations, &salt, &iv)
        }
    }
    .map_err(|_| PbeError::Internal)?;
    let key = derive(&params.kdf, password, 32)?;
    let encryptor = cbc::Encryptor::<aes::Aes256>::inner_iv_slice_init(aes_key(&key)?, &iv)
        .map_err(|_| PbeError::Internal)?;
    let ciphertext = encryptor.encrypt_padded_vec_mut::<Pkcs7>(plaintext);
    let scheme = pkcs5::EncryptionScheme::Pbes2(params);
    let alg_der = scheme.to_der().map_err(|_| PbeError::Internal)?;
    let alg = AlgorithmIdentifierOwned::from_der(&alg_der).map_err(|_| PbeError::Internal)?;
    Ok((alg, ciphertext))
}

fn aes_key<C: cbc::cipher::KeyInit>(key: &[u8]) -> Result<C, PbeError> {
    C::new_from_slice(key).map_err(|_| PbeError::Internal)
}

fn derive(kdf: &Kdf<'_>, password: &[u8], key_len: usize) -> Result<Zeroizing<Vec<u8>>, PbeError> {
    let mut key = Zeroizing::new(vec![0u8; key_len]);
    match kdf {
        Kdf::Scrypt(sp) => {
            let n = sp.cost_parameter;
            let (r, p) = (u64::from(sp.block_size), u64::from(sp.parallelization));
            if !n.is_power_of_two() || n < 2 || r == 0 || p == 0 {
                return Err(PbeError::Malformed);
            }
            let memory = 128 * r * n;
            if memory > MAX_SCRYPT_MEMORY || n * r * p > MAX_SCRYPT_WORK {
                return Err(PbeError::TooExpensive(format!("scrypt N={n} r={r} p={p}")));
            }
            let params: scrypt::Params = sp.try_into().map_err(|_| PbeError::Malformed)?;
            scrypt::scrypt(password, sp.salt, &params, &mut key).map_err(|_| PbeError::Internal)?;
        }
        Kdf::Pbkdf2(pp) => {
            let alg = match pp.prf {
                Pbkdf2Prf::HmacWithSha1 => pbkdf2::PBKDF2_HMAC_SHA1,
                Pbkdf2Prf::HmacWithSha256 => pbkdf2::PBKDF2_HMAC_SHA256,
                Pbkdf2Prf::HmacWithSha384 => pbkdf2::PBKDF2_HMAC_SHA384,
                Pbkdf2Prf::HmacWithSha512 => pbkdf2::PBKDF2_HMAC_SHA512,
                other => return Err(PbeError::Unsupported(format!("PBKDF2 PRF {}", other.oid()))),
            };
            if pp.iteration_count > MAX_ITERATIONS {
                return Err(PbeError::TooExpensive(format!(
                    "PBKDF2 with {} iterations",
                    pp.iteration_count
                )));
            }
            let iterations = NonZeroU32::new(pp.iteration_count).ok_or(PbeError::Malformed)?;
            pbkdf2::derive(alg, iterations, pp.salt, password, &mut key);
        }
        _ => return Err(PbeError::Unsupported(format!("KDF {}", kdf.oid()))),
    }
    Ok(key)
}

/// CBC-decrypts with PKCS#7 padding into a buffer that is wiped on drop. A padding failure is
/// reported as [`PbeError::Decrypt`].
pub(crate) fn cbc_decrypt<C>(
    cipher: C,
    iv: &[u8],
    ciphertext: &[u8],
) -> Result<Zeroizing<Vec<u8>>, PbeError>
where
    C: BlockCipher + BlockDecryptMut,
{
    let decryptor =
        cbc::Decryptor::<C>::inner_iv_slice_init(cipher, iv).map_err(|_| PbeError::Malformed)?;
    let mut buf = Zeroizing::new(ciphertext.to_vec());
    let len = decryptor
        .decrypt_padded_mut::<Pkcs7>(&mut buf)
        .map_err(|_| PbeError::Decrypt)?
        .len();
    buf.truncate(len);
    Ok(buf)
}

fn cipher_name(oid: ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.2.840.113549.3.7" => "DES-EDE3-CBC".into(),
        "1.3.14.3.2.7" => "DES-CBC".into(),
        "1.2.840.113549.3.2" => "RC2-CBC".into(),
        "2.16.840.1.101.3.4.1.6" | "2.16.840.1.101.3.4.1.46" => "AES-GCM".into(),
        other => format!("cipher {other}"),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pbes2_round_trip_both_kdfs() {
        for kdf in [
            Pbes2Kdf::Scrypt {
                log_n: 10,
                r: 8,
                p: 1,
            },
            Pbes2Kdf::Pbkdf2Sha256 { iterations: 1000 },
        ] {
            let (alg, ct) = pbes2_encrypt(kdf, b"kata sandi", b"rahasia negara").unwrap();
            let params = AnyRef::from_der(&alg.parameters.as_ref().unwrap().to_der().unwrap())
                .unwrap()
                .to_der()
                .unwrap();
            let any = AnyRef::from_der(&params).unwrap();
            let pt = pbes2_decrypt(any, b"kata sandi", &ct).unwrap();
            assert_eq!(&pt[..], b"rahasia negara");
            let wrong = pbes2_decrypt(any, b"salah", &ct);
            assert!(!matches!(wrong, Ok(ref pt) if &pt[..] == b"rahasia negara"));
        }
    }
}
