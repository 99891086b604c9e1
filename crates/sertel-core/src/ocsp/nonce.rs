//! The OCSP nonce extension (RFC 8954): binds a response to one request, so that an old
//! response cannot be replayed.
//!
//! ```text
//! id-pkix-ocsp-nonce OBJECT IDENTIFIER ::= { id-pkix-ocsp 2 }
//! Nonce ::= OCTET STRING(SIZE(1..32))
//! ```
//!
//! The extension's `extnValue` holds the DER of the `Nonce` OCTET STRING.

use const_oid::db::rfc6960::ID_PKIX_OCSP_NONCE;
use der::asn1::OctetString;
use der::{Decode, Encode};
use x509_cert::ext::Extension;

/// The longest nonce RFC 8954 allows, and the length Sertel sends by default.
pub const MAX_NONCE_LEN: usize = 32;

/// Why the nonce of a set of extensions cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum NonceFault {
    /// The extension appears more than once, or its value is not an OCTET STRING.
    Malformed,
    /// Empty or longer than [`MAX_NONCE_LEN`] octets.
    BadLength(usize),
}

/// `len` random octets (1 to [`MAX_NONCE_LEN`]).
pub(crate) fn random_nonce(len: usize) -> Option<Vec<u8>> {
    if !(1..=MAX_NONCE_LEN).contains(&len) {
        return None;
    }
    let mut nonce = vec![0u8; len];
    aws_lc_rs::rand::fill(&mut nonce).ok()?;
    Some(nonce)
}

/// The nonce extension (not critical) carrying `nonce`.
pub(crate) fn nonce_extension(nonce: &[u8]) -> der::Result<Extension> {
    Ok(Extension {
        extn_id: ID_PKIX_OCSP_NONCE,
        critical: false,
        extn_value: OctetString::new(OctetString::new(nonce)?.to_der()?)?,
    })
}

/// The nonce among `extensions`, if there is one, whatever its length.
pub(crate) fn find_nonce(extensions: Option<&[Extension]>) -> Result<Option<Vec<u8>>, NonceFault> {
    let mut found = extensions
        .unwrap_or_default()
        .iter()
        .filter(|e| e.extn_id == ID_PKIX_OCSP_NONCE);
    let Some(ext) = found.next() else {
        return Ok(None);
    };
    if found.next().is_some() {
        return Err(NonceFault::Malformed);
    }
    let nonce = OctetString::from_der(ext.extn_value.as_bytes())
        .map_err(|_| NonceFault::Malformed)?
        .into_bytes();
    Ok(Some(nonce))
}

/// Checks the length RFC 8954 allows: 1 to [`MAX_NONCE_LEN`] octets.
pub(crate) fn check_nonce_len(nonce: &[u8]) -> Result<(), NonceFault> {
    match nonce.len() {
        1..=MAX_NONCE_LEN => Ok(()),
        n => Err(NonceFault::BadLength(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_round_trip_and_lengths_are_bounded() {
        assert!(random_nonce(0).is_none());
        assert!(random_nonce(33).is_none());
        let n = random_nonce(32).expect("randomness");
        let ext = nonce_extension(&n).expect("encode");
        assert_eq!(find_nonce(Some(std::slice::from_ref(&ext))), Ok(Some(n)));
        assert_eq!(find_nonce(None), Ok(None));
        assert_eq!(
            find_nonce(Some(&[ext.clone(), ext])),
            Err(NonceFault::Malformed)
        );
        let long = nonce_extension(&[7; 40]).expect("encode");
        assert_eq!(find_nonce(Some(&[long])), Ok(Some(vec![7; 40])));
        assert_eq!(check_nonce_len(&[7; 40]), Err(NonceFault::BadLength(40)));
        assert_eq!(check_nonce_len(&[]), Err(NonceFault::BadLength(0)));
        assert_eq!(check_nonce_len(&[7; 32]), Ok(()));
        let bare = Extension {
            extn_id: ID_PKIX_OCSP_NONCE,
            critical: false,
            extn_value: OctetString::new(vec![1, 2, 3]).expect("octets"),
        };
        assert_eq!(find_nonce(Some(&[bare])), Err(NonceFault::Malformed));
    }
}
