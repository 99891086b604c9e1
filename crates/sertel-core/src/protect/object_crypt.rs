//! Encrypting objects with the file key (ISO 32000-2 §7.6.3): every string, and every
//! stream's data, becomes a random 16-byte IV followed by AES-256-CBC ciphertext with PKCS#7
//! padding. (Decryption lives in `sertel_pdf`, which reads with the file key.)

use aws_lc_rs::cipher::{PaddedBlockEncryptingKey, UnboundCipherKey, AES_256};
use sertel_pdf::{is_signature_dict, Dict, FileKey, Object};

use super::ProtectError;

/// Encrypts strings and stream data under one file key, with a fresh random IV each time.
pub(crate) struct ObjectEncryptor {
    cipher: PaddedBlockEncryptingKey,
}

impl ObjectEncryptor {
    pub(crate) fn new(key: &FileKey) -> Result<Self, ProtectError> {
        let unbound = UnboundCipherKey::new(&AES_256, key.as_bytes())
            .map_err(|_| ProtectError::Crypto("file key"))?;
        let cipher = PaddedBlockEncryptingKey::cbc_pkcs7(unbound)
            .map_err(|_| ProtectError::Crypto("file key"))?;
        Ok(ObjectEncryptor { cipher })
    }

    /// IV ‖ AES-256-CBC(data) with PKCS#7 padding (an empty input gives IV and one block).
    pub(crate) fn encrypt(&self, data: &[u8]) -> Result<Vec<u8>, ProtectError> {
        let mut buf = data.to_vec();
        let context = self
            .cipher
            .encrypt(&mut buf)
            .map_err(|_| ProtectError::Crypto("AES encryption"))?;
        let iv: &[u8] = (&context)
            .try_into()
            .map_err(|_| ProtectError::Crypto("AES IV"))?;
        let mut out = Vec::with_capacity(iv.len() + buf.len());
        out.extend_from_slice(iv);
        out.extend_from_slice(&buf);
        Ok(out)
    }

    /// Encrypts every string inside `obj` (and inside a stream's dictionary), except the
    /// `/Contents` of signature dictionaries, which ISO 32000-2 §7.6.2 leaves in the clear.
    pub(crate) fn encrypt_strings(&self, obj: &mut Object) -> Result<(), ProtectError> {
        match obj {
            Object::String(s) => s.bytes = self.encrypt(&s.bytes)?,
            Object::Array(items) => {
                for item in items {
                    self.encrypt_strings(item)?;
                }
            }
            Object::Dictionary(d) => self.encrypt_dict(d)?,
            Object::Stream(s) => self.encrypt_dict(&mut s.dict)?,
            _ => {}
        }
        Ok(())
    }

    fn encrypt_dict(&self, d: &mut Dict) -> Result<(), ProtectError> {
        let keep_contents = is_signature_dict(d);
        for (k, v) in d.iter_mut() {
            if keep_contents && k.as_bytes() == b"Contents" {
                continue;
            }
            self.encrypt_strings(v)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sertel_pdf::PdfString;

    #[test]
    fn fresh_iv_each_time_and_whole_blocks() {
        let e = ObjectEncryptor::new(&FileKey::new([9; 32])).expect("key");
        let a = e.encrypt(b"Surat").expect("enc");
        let b = e.encrypt(b"Surat").expect("enc");
        assert_eq!(a.len(), 32);
        assert_ne!(a[..16], b[..16], "IVs must differ");
        assert_eq!(e.encrypt(b"").expect("enc").len(), 32);
        assert_eq!(e.encrypt(&[0; 16]).expect("enc").len(), 48);
    }

    #[test]
    fn signature_contents_stay_clear() {
        let e = ObjectEncryptor::new(&FileKey::new([9; 32])).expect("key");
        let mut sig = Object::Dictionary(Dict::from_pairs([
            (&b"Type"[..], Object::name(b"Sig")),
            (
                &b"Contents"[..],
                Object::String(PdfString::hex(vec![1, 2, 3])),
            ),
            (&b"Reason"[..], Object::string(b"Setuju".to_vec())),
        ]));
        e.encrypt_strings(&mut sig).expect("enc");
        let d = sig.as_dict().expect("dict");
        assert_eq!(
            d.get(b"Contents")
                .and_then(Object::as_string)
                .map(|s| s.bytes.len()),
            Some(3)
        );
        assert_eq!(
            d.get(b"Reason")
                .and_then(Object::as_string)
                .map(|s| s.bytes.len()),
            Some(32)
        );
    }
}
