//! Decrypting encrypted documents (ISO 32000-2 §7.6): the `/V 5` scheme, whose crypt filters
//! use AES-256 in CBC mode (`/CFM /AESV3`) directly with the file key.
//!
//! Finding the file key is the security handler's business (for the public-key handler: the
//! recipient's private key opens a CMS envelope holding a seed); this module takes the key as
//! given and decrypts strings and streams with it.

use aws_lc_rs::cipher::{DecryptionContext, PaddedBlockDecryptingKey, UnboundCipherKey, AES_256};
use aws_lc_rs::iv::FixedLength;

use crate::{Dict, Name, ObjRef, Object, PdfError};

/// AES block (and IV) size in bytes.
const BLOCK: usize = 16;

/// A 256-bit file encryption key. Overwritten with zeros when dropped; `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct FileKey([u8; 32]);

impl FileKey {
    /// Wraps 32 key bytes.
    pub fn new(bytes: [u8; 32]) -> Self {
        FileKey(bytes)
    }

    /// The key from a slice, if it is exactly 32 bytes long.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        <[u8; 32]>::try_from(bytes).ok().map(FileKey)
    }

    /// The key bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl Drop for FileKey {
    fn drop(&mut self) {
        self.0 = [0; 32];
        core::hint::black_box(&mut self.0);
    }
}

impl core::fmt::Debug for FileKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("FileKey(..)")
    }
}

/// A document's encryption dictionary (the trailer's `/Encrypt`), as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct EncryptDict {
    reference: Option<ObjRef>,
    dict: Dict,
}

impl EncryptDict {
    pub(crate) fn new(reference: Option<ObjRef>, dict: Dict) -> Self {
        EncryptDict { reference, dict }
    }

    /// The object the trailer's `/Encrypt` refers to (`None` when it is a direct dictionary).
    /// Its strings are never encrypted.
    pub fn reference(&self) -> Option<ObjRef> {
        self.reference
    }

    /// The whole dictionary.
    pub fn dict(&self) -> &Dict {
        &self.dict
    }

    /// `/Filter`: the security handler (`/Standard`, `/Adobe.PubSec`, …).
    pub fn filter(&self) -> Option<&Name> {
        self.dict.get_name(b"Filter")
    }

    /// `/SubFilter` (for the public-key handler: `/adbe.pkcs7.s3`, `s4` or `s5`).
    pub fn sub_filter(&self) -> Option<&Name> {
        self.dict.get_name(b"SubFilter")
    }

    /// `/V`: the algorithm version (5 for AES-256).
    pub fn version(&self) -> Option<i64> {
        self.dict.get_int(b"V")
    }

    /// The crypt filter dictionary `/StmF` names in `/CF` (the one that applies to streams by
    /// default), if both are present and direct.
    pub fn default_crypt_filter(&self) -> Option<&Dict> {
        let name = self.dict.get_name(b"StmF")?;
        self.dict.get_dict(b"CF")?.get_dict(name.as_bytes())
    }

    /// `/EncryptMetadata` of the dictionary, else of the default crypt filter; `true` when
    /// neither has it.
    pub fn encrypt_metadata(&self) -> bool {
        self.dict
            .get(b"EncryptMetadata")
            .and_then(Object::as_bool)
            .or_else(|| {
                self.default_crypt_filter()
                    .and_then(|cf| cf.get(b"EncryptMetadata"))
                    .and_then(Object::as_bool)
            })
            .unwrap_or(true)
    }

    /// Checks that the document uses the `/V 5` scheme with `/AESV3` (or `/Identity`) crypt
    /// filters for strings and streams, and says which of the two are encrypted.
    pub(crate) fn scheme(&self) -> Result<(bool, bool), PdfError> {
        match self.version() {
            Some(5) => {}
            Some(v) => {
                return Err(PdfError::UnsupportedEncryption(format!(
                    "algorithm version /V {v} (only /V 5, AES-256, is supported)"
                )))
            }
            None => {
                return Err(PdfError::UnsupportedEncryption(
                    "encryption dictionary without /V".into(),
                ))
            }
        }
        let strings = self.filter_encrypts(b"StrF")?;
        let streams = self.filter_encrypts(b"StmF")?;
        Ok((strings, streams))
    }

    /// Whether the crypt filter `key` (`/StrF` or `/StmF`) names encrypts: `false` for
    /// `/Identity` (also the default), `true` for an `/AESV3` filter in `/CF`.
    fn filter_encrypts(&self, key: &[u8]) -> Result<bool, PdfError> {
        let name = match self.dict.get(key) {
            None | Some(Object::Null) => return Ok(false),
            Some(Object::Name(n)) => n,
            Some(_) => {
                return Err(PdfError::UnsupportedEncryption(format!(
                    "/{} is not a name",
                    key.escape_ascii()
                )))
            }
        };
        if name.as_bytes() == b"Identity" {
            return Ok(false);
        }
        let cf = self
            .dict
            .get_dict(b"CF")
            .and_then(|cf| cf.get_dict(name.as_bytes()))
            .ok_or_else(|| {
                PdfError::UnsupportedEncryption(format!(
                    "crypt filter {name} is not a direct dictionary in /CF"
                ))
            })?;
        match cf.get_name(b"CFM") {
            Some(m) if m.as_bytes() == b"AESV3" => Ok(true),
            Some(m) => Err(PdfError::UnsupportedEncryption(format!(
                "crypt filter method {m} (only /AESV3 is supported)"
            ))),
            None => Err(PdfError::UnsupportedEncryption(format!(
                "crypt filter {name} has no /CFM"
            ))),
        }
    }
}

/// The decryption state of a [`crate::Document`] once a file key is set.
pub(crate) struct Crypt {
    pub(crate) key: FileKey,
    pub(crate) encrypt_ref: Option<ObjRef>,
    pub(crate) strings: bool,
    pub(crate) streams: bool,
    pub(crate) encrypt_metadata: bool,
}

impl Crypt {
    /// Whether a stream with dictionary `dict`, read from the file, is to be decrypted:
    /// streams are, except cross-reference streams, metadata streams when `/EncryptMetadata`
    /// is false, and streams whose own `/Crypt` filter is `/Identity`.
    pub(crate) fn decrypts_stream(&self, dict: &Dict) -> Result<bool, PdfError> {
        if !self.streams || dict.has_name(b"Type", b"XRef") {
            return Ok(false);
        }
        if !self.encrypt_metadata && dict.has_name(b"Type", b"Metadata") {
            return Ok(false);
        }
        let first_filter = match dict.get(b"Filter") {
            Some(Object::Name(n)) => Some(n),
            Some(Object::Array(a)) => a.first().and_then(Object::as_name),
            _ => None,
        };
        if first_filter.is_some_and(|n| n.as_bytes() == b"Crypt") {
            let parms = match dict.get(b"DecodeParms") {
                Some(Object::Dictionary(d)) => Some(d),
                Some(Object::Array(a)) => a.first().and_then(Object::as_dict),
                _ => None,
            };
            return match parms.and_then(|p| p.get_name(b"Name")) {
                None => Ok(false),
                Some(n) if n.as_bytes() == b"Identity" => Ok(false),
                Some(n) => Err(PdfError::UnsupportedEncryption(format!(
                    "stream-specific crypt filter {n}"
                ))),
            };
        }
        Ok(true)
    }
}

/// Decrypts `data`: a 16-byte IV, then AES-256-CBC ciphertext with PKCS#7 padding. Empty
/// data, and an IV alone, decrypt to nothing.
pub(crate) fn aes256_decrypt(key: &FileKey, data: &[u8]) -> Result<Vec<u8>, PdfError> {
    if data.len() <= BLOCK {
        if data.is_empty() || data.len() == BLOCK {
            return Ok(Vec::new());
        }
        return Err(PdfError::Decryption(
            "encrypted data shorter than one block",
        ));
    }
    if data.len() % BLOCK != 0 {
        return Err(PdfError::Decryption(
            "encrypted data is not a whole number of AES blocks",
        ));
    }
    let (iv, body) = data.split_at(BLOCK);
    let iv = <[u8; BLOCK]>::try_from(iv).map_err(|_| PdfError::Decryption("bad IV"))?;
    let unbound = UnboundCipherKey::new(&AES_256, key.as_bytes())
        .map_err(|_| PdfError::Decryption("bad key"))?;
    let cipher = PaddedBlockDecryptingKey::cbc_pkcs7(unbound)
        .map_err(|_| PdfError::Decryption("bad key"))?;
    let mut buf = body.to_vec();
    let plain = cipher
        .decrypt(
            &mut buf,
            DecryptionContext::Iv128(FixedLength::<16>::from(iv)),
        )
        .map_err(|_| PdfError::Decryption("wrong key or damaged data (bad padding)"))?;
    let n = plain.len();
    buf.truncate(n);
    Ok(buf)
}

/// Decrypts every string inside `obj` (and inside a stream's dictionary), except the
/// `/Contents` of signature and document timestamp dictionaries, which are never encrypted.
pub(crate) fn decrypt_strings(obj: &mut Object, key: &FileKey) -> Result<(), PdfError> {
    match obj {
        Object::String(s) => {
            s.bytes = aes256_decrypt(key, &s.bytes)?;
        }
        Object::Array(items) => {
            for item in items {
                decrypt_strings(item, key)?;
            }
        }
        Object::Dictionary(d) => decrypt_dict_strings(d, key)?,
        Object::Stream(s) => decrypt_dict_strings(&mut s.dict, key)?,
        _ => {}
    }
    Ok(())
}

/// Whether `dict` is a signature dictionary whose `/Contents` stays in the clear.
pub fn is_signature_dict(dict: &Dict) -> bool {
    dict.has_name(b"Type", b"Sig") || dict.has_name(b"Type", b"DocTimeStamp")
}

fn decrypt_dict_strings(d: &mut Dict, key: &FileKey) -> Result<(), PdfError> {
    let keep_contents = is_signature_dict(d);
    for (k, v) in d.iter_mut() {
        if keep_contents && k.as_bytes() == b"Contents" {
            continue;
        }
        decrypt_strings(v, key)?;
    }
    Ok(())
}
