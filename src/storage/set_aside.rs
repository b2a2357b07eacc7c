//! Damaged text set aside: a saved board that could not be read is copied, with its parts,
//! under a name of its own, once; only the newest few copies are kept, and the person can
//! download or discard each.

use super::{hash, BoardKey, Store, StoreError};
use crate::core::time::Timestamp;

/// How many damaged copies of a board are kept: the newest, so a damaged board opened
/// again and again cannot fill the browser's storage.
pub const SET_ASIDE_COPIES: usize = 3;

/// A damaged text of a board, set aside when it could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// Where it is kept.
    pub name: String,
    /// When it was set aside.
    pub at: Timestamp,
    /// How many characters it takes, with its parts.
    pub size: usize,
}

/// The damaged copies of `key`'s board in the store, newest first.
pub fn set_asides(store: &dyn Store, key: &BoardKey) -> Vec<SetAside> {
    let prefix = key.set_asides();
    let keys = store.keys().unwrap_or_default();
    let mut copies: Vec<SetAside> = keys
        .iter()
        .filter_map(|name| {
            let rest = name.strip_prefix(&prefix)?;
            let (seconds, _hash) = rest.split_once('-')?;
            if rest.contains(':') {
                return None;
            }
            let at = Timestamp::from_unix_seconds(seconds.parse().ok()?);
            let parts = BoardKey::set_aside_part(name, "");
            let size = keys
                .iter()
                .filter(|k| *k == name || k.starts_with(&parts))
                .filter_map(|k| {
                    store
                        .read(k)
                        .ok()
                        .flatten()
                        .map(|text| k.len() + text.len())
                })
                .sum();
            Some(SetAside {
                name: name.clone(),
                at,
                size,
            })
        })
        .collect();
    copies.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.name.cmp(&a.name)));
    copies
}

/// Removes a damaged copy and its parts.
pub fn discard_set_aside(store: &dyn Store, name: &str) -> Result<(), StoreError> {
    let parts = BoardKey::set_aside_part(name, "");
    for old in store.keys()? {
        if old.starts_with(&parts) {
            store.remove(&old)?;
        }
    }
    store.remove(name)
}

/// Sets `raw`, the damaged text of `key`'s board, aside with its parts, once: a text set
/// aside already is not copied again. Only the newest `SET_ASIDE_COPIES` copies are kept.
/// Returns where the text is kept.
pub(super) fn set_aside(
    store: &dyn Store,
    key: &BoardKey,
    raw: &str,
    now: Timestamp,
) -> Result<String, StoreError> {
    let hash = hash::hash_long(raw.as_bytes());
    let same = format!("-{hash:016x}");
    let existing = set_asides(store, key);
    if let Some(copy) = existing.iter().find(|copy| copy.name.ends_with(&same)) {
        return Ok(copy.name.clone());
    }
    let copy = key.set_aside(now.unix_seconds(), hash);
    // The new copy is written before any older one goes, so a copy that does not fit never
    // costs the ones kept; only then are the oldest beyond the limit discarded.
    if let Err(error) = copy_aside(store, key, &copy, raw) {
        let _ = discard_set_aside(store, &copy);
        return Err(error);
    }
    for old in existing.iter().skip(SET_ASIDE_COPIES - 1) {
        let _ = discard_set_aside(store, &old.name);
    }
    Ok(copy)
}

/// Writes `raw` and the board's parts under the set-aside name `copy`. The parts go with
/// the head, so the copy can be opened as it was saved and the next save, which clears
/// parts its own head does not name, loses nothing.
fn copy_aside(store: &dyn Store, key: &BoardKey, copy: &str, raw: &str) -> Result<(), StoreError> {
    let parts = key.parts();
    for old in store.keys()? {
        if let Some(name) = old.strip_prefix(&parts) {
            if let Some(text) = store.read(&old)? {
                store.write(&BoardKey::set_aside_part(copy, name), &text)?;
            }
        }
    }
    store.write(copy, raw)
}
