//! Key derivation: the file key of the public-key security handler (ISO 32000-2 §7.6.5.3)
//! and the ANSI X9.63 KDF of ECDH key agreement in CMS (RFC 5753 §7.2).

use aws_lc_rs::digest::{self, Context};
use der::asn1::OctetString;
use der::{Encode, Sequence};
use sertel_pdf::FileKey;
use spki::AlgorithmIdentifierOwned;

use super::ProtectError;

/// The file key: SHA-256 over the 20-byte seed, every recipient blob of the default crypt
/// filter's `/Recipients` in order (the DER bytes as stored), and 4 bytes 0xFF when metadata
/// is left unencrypted.
pub(crate) fn file_key(seed: &[u8], recipients: &[Vec<u8>], encrypt_metadata: bool) -> FileKey {
    let mut ctx = Context::new(&digest::SHA256);
    ctx.update(seed);
    for r in recipients {
        ctx.update(r);
    }
    if !encrypt_metadata {
        ctx.update(&[0xFF; 4]);
    }
    let d = ctx.finish();
    let mut key = [0u8; 32];
    key.copy_from_slice(d.as_ref());
    FileKey::new(key)
}

/// `ECC-CMS-SharedInfo` (RFC 5753 §7.2):
///
/// ```text
/// ECC-CMS-SharedInfo ::= SEQUENCE {
///    keyInfo         AlgorithmIdentifier,
///    entityUInfo [0] EXPLICIT OCTET STRING OPTIONAL,
///    suppPubInfo [2] EXPLICIT OCTET STRING  }
/// ```
#[derive(Clone, Debug, Sequence)]
struct EccCmsSharedInfo {
    key_info: AlgorithmIdentifierOwned,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT", optional = "true")]
    entity_u_info: Option<OctetString>,
    #[asn1(context_specific = "2", tag_mode = "EXPLICIT")]
    supp_pub_info: OctetString,
}

/// The key-encryption key for a key-agreement recipient: X9.63 KDF with `hash` over the
/// shared secret `z` and the `ECC-CMS-SharedInfo` naming the key-wrap algorithm `wrap`,
/// the user keying material `ukm` and the KEK length.
pub(crate) fn x963_kek(
    hash: &'static digest::Algorithm,
    z: &[u8],
    wrap: &AlgorithmIdentifierOwned,
    ukm: Option<&[u8]>,
    kek_len: usize,
) -> Result<Vec<u8>, ProtectError> {
    let bits = u32::try_from(kek_len * 8).map_err(|_| ProtectError::Crypto("KEK length"))?;
    let info = EccCmsSharedInfo {
        key_info: wrap.clone(),
        entity_u_info: ukm
            .map(|u| OctetString::new(u.to_vec()))
            .transpose()
            .map_err(|_| ProtectError::MalformedRecipients("user keying material"))?,
        supp_pub_info: OctetString::new(bits.to_be_bytes().to_vec())
            .map_err(|_| ProtectError::Crypto("shared info"))?,
    }
    .to_der()
    .map_err(|_| ProtectError::MalformedRecipients("key agreement shared info"))?;
    let mut out = Vec::with_capacity(kek_len + hash.output_len());
    let mut counter: u32 = 1;
    while out.len() < kek_len {
        let mut ctx = Context::new(hash);
        ctx.update(z);
        ctx.update(&counter.to_be_bytes());
        ctx.update(&info);
        out.extend_from_slice(ctx.finish().as_ref());
        counter += 1;
    }
    out.truncate(kek_len);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use der::asn1::ObjectIdentifier;

    #[test]
    fn file_key_appends_ff_only_when_metadata_is_clear() {
        let seed = [1u8; 20];
        let r = vec![vec![2u8; 5], vec![3u8; 7]];
        let a = file_key(&seed, &r, true);
        let b = file_key(&seed, &r, false);
        assert_ne!(a, b);
        let mut ctx = Context::new(&digest::SHA256);
        for part in [&seed[..], &r[0], &r[1], &[0xFF; 4]] {
            ctx.update(part);
        }
        assert_eq!(&b.as_bytes()[..], ctx.finish().as_ref());
    }

    /// Shared info for aes128-wrap with a 16-byte UKM, checked against the bytes pyHanko's
    /// asn1crypto `ECCCMSSharedInfo` dumps for the same values.
    #[test]
    fn shared_info_encoding_matches_asn1crypto() {
        let wrap = AlgorithmIdentifierOwned {
            oid: ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.1.5"),
            parameters: None,
        };
        let info = EccCmsSharedInfo {
            key_info: wrap,
            entity_u_info: Some(OctetString::new(vec![0xAA; 16]).expect("octets")),
            supp_pub_info: OctetString::new(128u32.to_be_bytes().to_vec()).expect("octets"),
        };
        let der = info.to_der().expect("der");
        let expected = hex::decode(
            "3029300b0609608648016503040105a0120410aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa206040400000080",
        )
        .expect("hex");
        assert_eq!(der, expected, "found {}", hex::encode(&der));
    }
}
