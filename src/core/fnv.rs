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
