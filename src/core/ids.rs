//! Ids for new entities that never collide across boards, tabs and browsers: the kind's
//! prefix, a dash and 13 characters of base 32 that carry 64 random bits (`i-4k9x2m…`).
//! Ids were once counted up from the highest on the board, so a team's slice edited in one
//! browser and the leadership board edited in another both made `i-35`, each meaning
//! something else. Ids already in boards and files (`i-12`) stay valid: an id is an opaque
//! string, and the snapshot format does not change.
//!
//! The core never reads randomness: whoever creates an entity hands in the random bits
//! (the browser shell takes them from `crypto.getRandomValues`, tests from a seed).

use super::hash::hash_long;
use super::model::{Board, Id};

/// Crockford's base 32 in lower case: digits and letters without `i`, `l`, `o` and `u`,
/// so an id read aloud or copied by hand has no look-alikes.
pub const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Characters after the prefix's dash: 13 × 5 bits hold all 64.
pub const LENGTH: usize = 13;

/// `prefix-` and the 64 bits of `random` in base 32, most significant first.
pub fn new_id(prefix: &str, random: u64) -> Id {
    let mut id = String::with_capacity(prefix.len() + 1 + LENGTH);
    id.push_str(prefix);
    id.push('-');
    for place in (0..LENGTH).rev() {
        let digit = (random >> (place * 5)) & 31;
        id.push(char::from(ALPHABET[digit as usize]));
    }
    id
}

/// Whether `id` has the form `new_id` gives (any prefix): the check the tests make, and a
/// way to tell a random id from an old counted one.
pub fn is_random(id: &str) -> bool {
    let Some((prefix, rest)) = id.rsplit_once('-') else {
        return false;
    };
    !prefix.is_empty()
        && rest.len() == LENGTH
        && rest.bytes().all(|b| ALPHABET.contains(&b))
        // 65 bits of characters for 64 bits of id: the first carries four.
        && ALPHABET.iter().position(|&b| b == rest.as_bytes()[0]) < Some(16)
}

/// A new id with `prefix` that `taken` does not know: drawn from `random`, and drawn again
/// in the (astronomically unlikely) case that it is already in use.
pub fn unused_id(
    prefix: &str,
    mut random: impl FnMut() -> u64,
    taken: impl Fn(&str) -> bool,
) -> Id {
    loop {
        let id = new_id(prefix, random());
        if !taken(&id) {
            return id;
        }
    }
}

/// A new id with `prefix` that no entity of `board` has.
pub fn unused_on(board: &Board, prefix: &str, random: impl FnMut() -> u64) -> Id {
    unused_id(prefix, random, |id| board.holds_id(id))
}

/// 64 bits that stand in for random ones where no randomness may be read but the same
/// input must always give the same id: a hash of `parts` (separated, so `["ab", "c"]` and
/// `["a", "bc"]` differ). The merge renames a file's colliding ids this way, so previewing
/// and applying a merge give the same ids.
pub fn derived_bits(parts: &[&str]) -> u64 {
    let mut bytes = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for part in parts {
        bytes.extend_from_slice(part.as_bytes());
        bytes.push(0);
    }
    hash_long(&bytes)
}

/// The kind prefix of an id (`i` of `i-12` or `i-4k9x…`); the whole id when it has no dash.
pub fn prefix(id: &str) -> &str {
    id.split_once('-').map_or(id, |(prefix, _)| prefix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_the_prefix_and_thirteen_characters_of_base_32() {
        assert_eq!(new_id("i", 0), "i-0000000000000");
        assert_eq!(new_id("pr", u64::MAX), "pr-fzzzzzzzzzzzz");
        assert_eq!(new_id("c", 31), "c-000000000000z");
        assert!(is_random(&new_id("x", 0x0123_4567_89ab_cdef)));
        assert!(!is_random("i-12"));
        assert!(!is_random("i-gzzzzzzzzzzzz"), "more than 64 bits");
        assert!(!is_random("i-000000000000u"), "u is not in the alphabet");
        assert!(!is_random("-0000000000000"));
    }

    #[test]
    fn different_bits_give_different_ids() {
        let ids: std::collections::HashSet<Id> =
            (0..64u32).map(|bit| new_id("i", 1u64 << bit)).collect();
        assert_eq!(ids.len(), 64);
    }

    #[test]
    fn a_taken_id_is_drawn_again() {
        let mut draws = [7u64, 7, 9].into_iter();
        let taken = new_id("t", 7);
        let id = unused_id("t", || draws.next().unwrap(), |id| id == taken);
        assert_eq!(id, new_id("t", 9));
    }

    #[test]
    fn derived_bits_depend_on_every_part_and_their_boundaries() {
        assert_eq!(derived_bits(&["b-1", "i-3"]), derived_bits(&["b-1", "i-3"]));
        assert_ne!(derived_bits(&["b-1", "i-3"]), derived_bits(&["b-1", "i-4"]));
        assert_ne!(derived_bits(&["ab", "c"]), derived_bits(&["a", "bc"]));
    }

    #[test]
    fn the_prefix_is_what_comes_before_the_first_dash() {
        assert_eq!(prefix("i-12"), "i");
        assert_eq!(prefix("pr-4k9x"), "pr");
        assert_eq!(prefix("odd"), "odd");
    }
}
