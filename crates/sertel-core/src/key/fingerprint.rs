//! The fingerprint people use to tell two keys apart.

use aws_lc_rs::digest;

/// SHA-256 of a DER `SubjectPublicKeyInfo`, as upper-case hex pairs joined by colons
/// (`AB:CD:…`), the way certificate viewers print fingerprints.
pub fn public_key_fingerprint(spki_der: &[u8]) -> String {
    digest::digest(&digest::SHA256, spki_der)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_sha256_in_colon_separated_upper_case_hex() {
        let fp = public_key_fingerprint(b"abc");
        assert_eq!(fp.len(), 32 * 3 - 1);
        assert!(fp.starts_with("BA:78:16:BF:"), "{fp}");
    }
}
