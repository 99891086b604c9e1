//! The envelope shared by certificates and CRLs (RFC 5280 §4.1.1 and §5.1.1): the signed part,
//! the signature algorithm and the signature value, and checking that signature with an
//! issuer's key.

use std::ops::Range;

use der::asn1::AnyRef;
use der::{Decode, Header, Reader, SliceReader, Tag, Tagged};
use spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};

use crate::sigcheck::{self, SigCheckError};

/// A signed DER object split into its parts.
#[derive(Clone, Debug)]
pub(crate) struct Signed {
    /// Where the signed part (`tbsCertificate`, `tbsCertList`) lies in the whole encoding.
    pub tbs: Range<usize>,
    /// The outer `signatureAlgorithm`.
    pub algorithm: AlgorithmIdentifierOwned,
    /// The signature BIT STRING's content: the unused-bits count, then the bits. Kept as found
    /// so that a malformed signature makes a certificate invalid rather than unreadable.
    pub signature: Vec<u8>,
}

/// Splits `der` (`SEQUENCE { tbs, AlgorithmIdentifier, BIT STRING }`, nothing after it).
pub(crate) fn split_signed(der: &[u8]) -> der::Result<Signed> {
    match split_signed_with_tail(der)? {
        (signed, None) => Ok(signed),
        (_, Some(_)) => Err(Tag::Sequence.value_error()),
    }
}

/// Like [`split_signed`], but one more field may follow the signature (the `certs` of an OCSP
/// `BasicOCSPResponse`, RFC 6960 §4.2.1); returns where that field's encoding lies.
pub(crate) fn split_signed_with_tail(der: &[u8]) -> der::Result<(Signed, Option<Range<usize>>)> {
    let mut reader = SliceReader::new(der)?;
    let header = Header::decode(&mut reader)?;
    header.tag.assert_eq(Tag::Sequence)?;
    let start = usize::try_from(reader.position())?;
    let parts = reader.read_nested(header.length, |r| {
        let tbs = r.tlv_bytes()?;
        let algorithm = AlgorithmIdentifierOwned::decode(r)?;
        let bits = AnyRef::decode(r)?;
        bits.tag().assert_eq(Tag::BitString)?;
        let signature = bits.value().to_vec();
        let tail = if r.is_finished() {
            None
        } else {
            let at = start + usize::try_from(r.position())?;
            Some(at..at + r.tlv_bytes()?.len())
        };
        let signed = Signed {
            tbs: start..start + tbs.len(),
            algorithm,
            signature,
        };
        Ok((signed, tail))
    })?;
    reader.finish(parts)
}

/// Checks the signature of `der` (split as `signed`) with the key `issuer`.
pub(crate) fn verify_signed(
    der: &[u8],
    signed: &Signed,
    issuer: &SubjectPublicKeyInfoOwned,
) -> Result<(), SigCheckError> {
    let tbs = der
        .get(signed.tbs.clone())
        .ok_or(SigCheckError::MalformedParameters)?;
    match signed.signature.split_first() {
        Some((0, bits)) => super::verified::memoised(tbs, &signed.algorithm, bits, issuer, || {
            sigcheck::verify(issuer, &signed.algorithm, tbs, bits)
        }),
        // Not a whole number of bytes: no signature. An unsupported algorithm is still
        // reported as such (an empty signature gets through every check but the last).
        _ => sigcheck::verify(issuer, &signed.algorithm, tbs, &[])
            .and(Err(SigCheckError::BadSignature)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_trailing_bytes_and_other_types_are_refused() {
        assert!(split_signed(&[]).is_err());
        assert!(split_signed(&[0x30, 0x03, 0x02, 0x01, 0x00]).is_err());
        assert!(split_signed(&[0x04, 0x00]).is_err());
        // SEQUENCE { SEQUENCE {}, AlgorithmIdentifier { 1.2.3.4 }, BIT STRING '' }
        let ok = [
            0x30, 0x0c, 0x30, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x03, 0x01, 0x00,
        ];
        let parts = split_signed(&ok).expect("well formed");
        assert_eq!(parts.tbs, 2..4);
        assert_eq!(parts.signature, [0]);
        let mut trailing = ok.to_vec();
        trailing.push(0);
        assert!(split_signed(&trailing).is_err());
        let mut not_bits = ok;
        not_bits[11] = 0x04;
        assert!(split_signed(&not_bits).is_err());
    }

    #[test]
    fn one_field_may_follow_the_signature_when_asked() {
        // SEQUENCE { SEQUENCE {}, AlgorithmIdentifier { 1.2.3.4 }, BIT STRING '', [0] { NULL } }
        let with_tail = [
            0x30, 0x10, 0x30, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x03, 0x01, 0x00,
            0xa0, 0x02, 0x05, 0x00,
        ];
        let (parts, tail) = split_signed_with_tail(&with_tail).expect("well formed");
        assert_eq!(parts.tbs, 2..4);
        assert_eq!(tail, Some(14..18));
        assert!(split_signed(&with_tail).is_err());
        let mut two = with_tail.to_vec();
        two[1] += 2;
        two.extend([0x05, 0x00]);
        assert!(split_signed_with_tail(&two).is_err());
    }

    #[test]
    fn a_signature_with_unused_bits_never_verifies() {
        use crate::key::{KeyAlgorithm, LocalKey};
        use crate::signer::Signer;
        let key = LocalKey::generate(KeyAlgorithm::EcdsaP256).expect("key");
        let der = b"signed part".to_vec();
        let mut signed = Signed {
            tbs: 0..der.len(),
            algorithm: key.algorithm().algorithm_identifier(),
            signature: [vec![0], key.sign(&der).expect("sign")].concat(),
        };
        assert_eq!(verify_signed(&der, &signed, key.public_key()), Ok(()));
        signed.signature[0] = 1;
        let bad = verify_signed(&der, &signed, key.public_key());
        assert_eq!(bad, Err(SigCheckError::BadSignature));
        signed.algorithm.oid = der::asn1::ObjectIdentifier::new_unwrap("1.2.840.10040.4.3");
        let dsa = verify_signed(&der, &signed, key.public_key());
        assert!(matches!(dsa, Err(SigCheckError::UnsupportedAlgorithm(_))));
    }
}
