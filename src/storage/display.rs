//! How a person likes a board shown in this browser: kept beside the board under its own
//! name, never in the board or its snapshots, since another person (or another browser)
//! may like it otherwise.

use super::{open, BoardKey, Opened, ReadOnlyStore, Store, StoreError};
use crate::core::model::Board;
use crate::core::{hash, snapshot, time::Timestamp};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Display {
    /// Cards show their title, status and owner only.
    #[serde(default)]
    pub compact: bool,
    /// The person who last checked in from this browser: the next check-in's author, until
    /// they say otherwise (the board knows its people, not who is at the keyboard).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checks_in_as: Option<crate::core::model::Id>,
    /// The page's snapshot (`page_print`) the board kept here started from, or that the
    /// person last took or declined: a page whose snapshot has changed since offers it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_snapshot: Option<String>,
    /// The board that snapshot gave (`board_print`), while the board kept here started from
    /// it or was taken from it. Kept unchanged since, it takes the page's next snapshot
    /// without asking: its reader has nothing of their own to lose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_board: Option<String>,
}

/// What tells one snapshot a page gives from another: a hash of its text without the
/// spaces and line breaks between its values, so that a page that only indents it
/// otherwise (a wiki's editor, a person pasting it again) gives the same snapshot.
pub fn page_print(text: &str) -> String {
    let mut compact = Vec::with_capacity(text.len());
    let (mut in_text, mut escaped) = (false, false);
    for &byte in text.as_bytes() {
        if in_text {
            in_text = escaped || byte != b'"';
            escaped = !escaped && byte == b'\\';
        } else if byte.is_ascii_whitespace() {
            continue;
        } else {
            in_text = byte == b'"';
        }
        compact.push(byte);
    }
    format!("{:016x}", crate::core::hash::hash_long(&compact))
}

/// What tells one board from another, whatever text it was read from: a hash of its
/// snapshot written compactly at a fixed time.
pub fn board_print(board: &Board) -> String {
    let text = snapshot::write_compact(board, Timestamp::from_unix_seconds(0));
    format!("{:016x}", hash::hash_long(text.as_bytes()))
}

/// Whether the board kept under `key` is still the one its page gave (`Display::
/// page_board`): nothing was changed here since it started from the page's snapshot or
/// took it. Reads the board, so it is asked only when the page's snapshot has changed.
pub fn kept_as_page_gave(store: &dyn Store, key: &BoardKey, now: Timestamp) -> bool {
    let Some(print) = display(store, key).page_board else {
        return false;
    };
    match open(&ReadOnlyStore(store), key, now) {
        Opened::Board(loaded) => board_print(&loaded.board) == print,
        _ => false,
    }
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

/// Changes one of the board's display settings, keeping the others. Only a preference: a
/// store that refuses it costs nothing else, so a refusal is not reported.
pub fn change_display(store: &dyn Store, key: &BoardKey, change: impl FnOnce(&mut Display)) {
    let mut kept = display(store, key);
    change(&mut kept);
    let _ = set_display(store, key, kept);
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
        set_display(
            &store,
            &one,
            Display {
                compact: true,
                ..Display::default()
            },
        )
        .unwrap();
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

    #[test]
    fn one_setting_changes_and_the_others_stay() {
        let store = MemoryStore::new();
        let key = BoardKey::new("one").unwrap();
        change_display(&store, &key, |d| d.compact = true);
        change_display(&store, &key, |d| d.checks_in_as = Some("p-2".into()));
        assert_eq!(
            store.get("alignment-board:one:display").as_deref(),
            Some(r#"{"compact":true,"checksInAs":"p-2"}"#)
        );
        change_display(&store, &key, |d| d.compact = false);
        assert_eq!(display(&store, &key).checks_in_as.as_deref(), Some("p-2"));
    }

    #[test]
    fn a_page_s_snapshot_indented_otherwise_is_the_same_snapshot() {
        let one = r#"{"board": {"title": "Q1 plan", "note": "a \" b  c"}}"#;
        let indented = "{\n  \"board\": {\n    \"title\": \"Q1 plan\",\n    \"note\": \"a \\\" b  c\"\n  }\n}\n";
        assert_eq!(page_print(one), page_print(indented));
        // Spaces inside a text are the text's own.
        let respaced = r#"{"board": {"title": "Q1  plan", "note": "a \" b  c"}}"#;
        assert_ne!(page_print(one), page_print(respaced));
        let other = r#"{"board": {"title": "Q1 plan", "note": "a \" b c"}}"#;
        assert_ne!(page_print(one), page_print(other));
    }
}
