//! Random bits for new ids, read in one place: the core never reads randomness itself
//! (`core::ids`). They come from the browser's `crypto.getRandomValues`, through the
//! `getrandom` crate.

use crate::core::ids;
use crate::core::model::{Board, Id};

/// 64 random bits. Should the browser refuse (no `crypto`, which every browser the board
/// runs in has), `Math.random` and the clock stand in: an id then is merely very likely,
/// not certain, to be unique, and a collision on the board is still drawn again.
pub fn random_bits() -> u64 {
    let mut bytes = [0u8; 8];
    match getrandom::getrandom(&mut bytes) {
        Ok(()) => u64::from_le_bytes(bytes),
        Err(_) => {
            let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
            let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
            ((high << 32) | low) ^ (js_sys::Date::now() as u64)
        }
    }
}

/// A new id with `prefix` (`"i"` → `i-4k9x2m…`) that nothing on `board` has.
pub fn fresh(board: &Board, prefix: &str) -> Id {
    ids::unused_on(board, prefix, random_bits)
}

/// A new id with `prefix` that nothing on `board` has and `taken` does not know either
/// (the risks of a form not yet saved).
pub fn fresh_besides(board: &Board, prefix: &str, taken: impl Fn(&str) -> bool) -> Id {
    ids::unused_id(prefix, random_bits, |id| board.holds_id(id) || taken(id))
}

/// A new board's id.
pub fn fresh_board() -> Id {
    ids::new_id("b", random_bits())
}
