//! A small non-cryptographic 128-bit digest (FNV-1a), used for the second `/ID` element of
//! an incremental update.

const OFFSET_BASIS: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// An incremental FNV-1a-128 hasher.
#[derive(Debug, Clone)]
pub(crate) struct Fnv128(u128);

impl Fnv128 {
    /// A fresh hasher.
    pub(crate) fn new() -> Self {
        Fnv128(OFFSET_BASIS)
    }

    /// Feeds bytes.
    pub(crate) fn update(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }

    /// The digest, big-endian.
    pub(crate) fn finish(&self) -> [u8; 16] {
        self.0.to_be_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vectors() {
        // FNV-1a-128 of the empty string is the offset basis; of "a" a published value.
        assert_eq!(Fnv128::new().finish(), OFFSET_BASIS.to_be_bytes());
        let mut h = Fnv128::new();
        h.update(b"a");
        assert_eq!(
            h.finish(),
            0xd228_cb69_6f1a_8caf_7891_2b70_4e4a_8964_u128.to_be_bytes()
        );
    }
}
