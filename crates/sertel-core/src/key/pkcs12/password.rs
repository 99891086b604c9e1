//! The two encodings of a PKCS#12 password.

use zeroize::Zeroizing;

use super::Pkcs12Error;

/// A password prepared for PKCS#12: UTF-8 for PBES2, and the BMPString form (UTF-16BE with two
/// zero bytes at the end) for the PKCS#12 KDF used by the MAC and the legacy ciphers.
pub(crate) struct P12Password {
    pub utf8: Zeroizing<Vec<u8>>,
    pub bmp: Zeroizing<Vec<u8>>,
}

impl P12Password {
    pub fn new(password: &str) -> Result<P12Password, Pkcs12Error> {
        let mut bmp = Zeroizing::new(Vec::with_capacity(password.len() * 2 + 2));
        for c in password.chars() {
            let mut units = [0u16; 2];
            let encoded = c.encode_utf16(&mut units);
            if encoded.len() != 1 {
                return Err(Pkcs12Error::PasswordNotEncodable);
            }
            bmp.extend_from_slice(&encoded[0].to_be_bytes());
        }
        bmp.extend_from_slice(&[0, 0]);
        Ok(P12Password {
            utf8: Zeroizing::new(password.as_bytes().to_vec()),
            bmp,
        })
    }

    /// OpenSSL also accepts files protected by an absent password, whose KDF input is empty
    /// rather than the two-byte terminator; used as a fallback when the password is empty.
    pub fn absent() -> P12Password {
        P12Password {
            utf8: Zeroizing::new(Vec::new()),
            bmp: Zeroizing::new(Vec::new()),
        }
    }
}
