//! FNV-1a, 64-bit: a small, fast hash for short texts. Ids in the validator's sets (where the
//! default SipHash was most of checking a big board) and stored parts' names use it. It
//! does not resist crafted collisions: a file built for them only slows its own import.

use std::hash::{BuildHasherDefault, Hasher};

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(OFFSET)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// For `HashSet`s and `HashMap`s keyed by short texts.
pub type BuildFnv = BuildHasherDefault<Fnv>;

/// The hash of `bytes`.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut fnv = Fnv::default();
    fnv.write(bytes);
    fnv.finish()
}

/// A hash of a long text (a stored part, a saved head), eight bytes at a step rather than
/// one: each word is mixed in by a multiply and a rotation, the few bytes left over by
/// FNV-1a's step, and the result is finished with SplitMix64's mix so every bit of the
/// input reaches every bit of the hash. Names content, not secrets: like `hash`, it does not
/// resist crafted collisions.
pub fn hash_long(bytes: &[u8]) -> u64 {
    const WORD: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = OFFSET ^ bytes.len() as u64;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0; 8];
        w.copy_from_slice(word);
        h = (h ^ u64::from_le_bytes(w))
            .wrapping_mul(WORD)
            .rotate_left(29);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(PRIME);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_hash_tells_apart_texts_that_differ_anywhere() {
        let text = "x".repeat(1000);
        let base = hash_long(text.as_bytes());
        let mut seen = std::collections::HashSet::new();
        seen.insert(base);
        for at in [0, 7, 8, 500, 993, 999] {
            let mut changed = text.clone().into_bytes();
            changed[at] = b'y';
            assert!(seen.insert(hash_long(&changed)), "a change at {at} is seen");
        }
        assert!(seen.insert(hash_long(&text.as_bytes()[..999])));
        assert!(seen.insert(hash_long(b"")));
        assert_eq!(
            hash_long(text.as_bytes()),
            base,
            "the same text, the same hash"
        );
    }
}
