//! Hashes whose values are kept in people's browsers: the names of stored check-in parts
//! (FNV-1a, from the `fnv` crate) and the revision of a saved head (`hash_long`). Boards
//! already saved find their parts and revisions by these values, so neither may change.
//! Neither resists crafted collisions: they name content, not secrets, and a file built
//! to collide only slows down or confuses its own import.

use fnv::FnvHasher;
use std::hash::Hasher;

/// FNV-1a's 64-bit offset basis and prime, which `hash_long` starts from and steps the
/// bytes past the last whole word with.
const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// The 64-bit FNV-1a hash of `bytes`: the second half of a stored part's name.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hasher = Fnv1a::default();
    hasher.write(bytes);
    hasher.finish()
}

/// 64-bit FNV-1a taken piece by piece: the pieces' hash is the hash of them joined.
#[derive(Default)]
pub struct Fnv1a(FnvHasher);

impl Fnv1a {
    #[inline]
    pub fn write(&mut self, bytes: &[u8]) {
        self.0.write(bytes);
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
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
    fn fnv1a_gives_the_published_values_parts_were_named_with() {
        // Test vectors of the FNV reference (64-bit FNV-1a), and a text hashed by the
        // hand-written FNV-1a that named parts before the crate did.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn fnv1a_taken_piece_by_piece_is_the_hash_of_the_whole() {
        let text = br#"[["c-1","i-1","2026-11-23T09:30:00Z","on-track",40]]"#;
        for cut in [0, 1, 7, text.len()] {
            let mut hasher = Fnv1a::default();
            hasher.write(&text[..cut]);
            hasher.write(&text[cut..]);
            assert_eq!(hasher.finish(), fnv1a(text));
        }
    }

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
