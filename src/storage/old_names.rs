//! Boards saved before the prefix: found under their old names and moved to their new ones
//! once, with nothing lost.

use super::{hash, keys, BoardKey, Store, StoreError};

/// Whether `text`, found under a key's old name, is the board's own: boards were saved as
/// a snapshot or a stored head, which both name the format in their first characters. A
/// text another program keeps under the same name is left where it is.
pub(super) fn looks_like_a_board(text: &str) -> bool {
    let start: String = text.chars().take(200).collect();
    start.trim_start().starts_with('{') && start.contains("\"alignment-board")
}

/// Moves what a board kept under its old names (before the prefix) to its new ones, one
/// text at a time, the head last: a tab closed in between leaves the head under its old
/// name, and the next opening moves the rest. Returns the head, or `None` when the key
/// holds no board under its old name either.
pub(super) fn move_old_names(
    store: &dyn Store,
    key: &BoardKey,
) -> Result<Option<String>, StoreError> {
    let Some(head) = store.read(key.as_str())? else {
        return Ok(None);
    };
    if !looks_like_a_board(&head) {
        return Ok(None);
    }
    let mut moves: Vec<(String, String)> = Vec::new();
    for old in store.keys()? {
        if old == key.as_str() {
            continue;
        }
        let hash_of = || {
            // A damaged copy is named by its own text's hash, as new ones are.
            let copy = old.split(".part.").next().unwrap_or(&old);
            let text = store.read(copy).ok().flatten().unwrap_or_default();
            hash::hash_long(text.as_bytes())
        };
        if let Some(new) = keys::moved_name(key, &old, hash_of) {
            moves.push((old, new));
        }
    }
    // The copies kept beside the board (originals, damaged texts) move as room allows: one
    // that does not fit stays where it was, and the board moves all the same.
    let (extra, mut board): (Vec<_>, Vec<_>) = moves.into_iter().partition(|(old, _)| {
        let rest = &old[key.as_str().len()..];
        rest.starts_with(".version-") || rest.starts_with(".unreadable-")
    });
    for (old, new) in extra {
        if move_text(store, &old, &new).is_err() {
            let _ = store.remove(&new);
        }
    }
    // The board's parts before the head that names them, the revision before the head.
    board.sort_by_key(|(old, _)| !old.contains(".part."));
    board.push((key.as_str().to_string(), key.head()));
    let mut done: Vec<(String, String)> = Vec::new();
    for (old, new) in board {
        if let Err(error) = move_text(store, &old, &new) {
            // Put back what was moved, as far as the store has room: whatever stays under
            // its new name is still found there (`open` looks under both).
            let _ = store.remove(&new);
            for (old, new) in done.into_iter().rev() {
                let _ = move_text(store, &new, &old);
            }
            return Err(error);
        }
        done.push((old, new));
    }
    Ok(Some(head))
}

/// Moves one text from `old` to `new`: written and read back, then removed from `old`.
fn move_text(store: &dyn Store, old: &str, new: &str) -> Result<(), StoreError> {
    match store.read(old)? {
        Some(text) => {
            store.write_kept(new, &text)?;
            store.remove(old)
        }
        None => Ok(()),
    }
}

/// Whether `key` holds no board, under its name or the name an earlier version used
/// (what `open` would find `Empty`). A store that cannot be read holds nothing to show.
pub fn holds_nothing(store: &dyn Store, key: &BoardKey) -> bool {
    let holds = |name: &str| store.read(name).ok().flatten();
    holds(&key.head()).is_none()
        && holds(key.as_str()).is_none_or(|text| !looks_like_a_board(&text))
}
