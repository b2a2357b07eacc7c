//! How a person likes a board shown in this browser: kept beside the board under its own
//! name, never in the board or its snapshots, since another person (or another browser)
//! may like it otherwise.

use super::{BoardKey, Store, StoreError};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Display {
    /// Cards show their title, status and owner only.
    #[serde(default)]
    pub compact: bool,
}

/// The board's display settings in this store; the defaults when none are kept, or when
/// the text kept there is not ours to read.
pub fn display(store: &dyn Store, key: &BoardKey) -> Display {
    store
        .read(&key.display())
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Keeps the board's display settings.
pub fn set_display(store: &dyn Store, key: &BoardKey, display: Display) -> Result<(), StoreError> {
    let text = serde_json::to_string(&display).expect("display settings always serialise");
    store.write(&key.display(), &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::MemoryStore;

    #[test]
    fn display_settings_are_kept_per_board_and_default_when_unreadable() {
        let store = MemoryStore::new();
        let (one, two) = (BoardKey::new("one").unwrap(), BoardKey::new("two").unwrap());
        assert_eq!(display(&store, &one), Display::default());
        set_display(&store, &one, Display { compact: true }).unwrap();
        assert!(display(&store, &one).compact);
        assert!(!display(&store, &two).compact);
        assert_eq!(
            store.get("alignment-board:one:display").as_deref(),
            Some(r#"{"compact":true}"#)
        );
        store
            .write("alignment-board:two:display", "not json")
            .unwrap();
        assert_eq!(display(&store, &two), Display::default());
    }
}
