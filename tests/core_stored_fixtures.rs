#![cfg(not(target_arch = "wasm32"))]
//! Boards as the release of 2026-12-03 (commit a353472) left them in localStorage, and
//! files it exported, kept as fixtures (`tests/fixtures/stored`, `tests/fixtures/exported`).
//! Whatever the code beneath changes to, these must open as they did, and opening one must
//! not rewrite it: a person's saved board is theirs, not a cache to rebuild.

use alignment_board::core::snapshot;
use alignment_board::storage::{self, MemoryStore, Opened, Parts, Store};
use std::collections::BTreeMap;

/// The store as a fixture holds it: every key and its text.
fn fixture(name: &str) -> BTreeMap<String, String> {
    let path = format!(
        "{}/tests/fixtures/stored/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn store_of(entries: &BTreeMap<String, String>) -> MemoryStore {
    let store = MemoryStore::new();
    for (key, text) in entries {
        store.write(key, text).unwrap();
    }
    store
}

fn contents(store: &MemoryStore) -> BTreeMap<String, String> {
    store
        .all_keys()
        .into_iter()
        .map(|key| {
            let text = store.get(&key).unwrap();
            (key, text)
        })
        .collect()
}

/// A moment after every fixture was saved.
fn later() -> alignment_board::core::time::Timestamp {
    alignment_board::core::time::Timestamp::parse("2026-12-04T08:00:00Z").unwrap()
}

/// The example board as the exported fixture holds it.
fn exported_example() -> snapshot::Loaded {
    let text = include_str!("fixtures/exported/example-2026-12-03.alignment.json");
    snapshot::read(text).expect("the exported example file reads")
}

/// Opens `key` from the fixture `name`, checks that opening wrote nothing, and that saving
/// the board again at the moment it was saved writes its head alone, byte for byte as it
/// was: no part of the history is renamed or rewritten.
fn open_unchanged(name: &str, key: &str) -> snapshot::Loaded {
    let entries = fixture(name);
    let store = store_of(&entries);
    let loaded = match storage::open(&store, key, later()) {
        Opened::Board(loaded) => *loaded,
        other => panic!("{name}: expected a board, found {other:?}"),
    };
    assert_eq!(
        contents(&store),
        entries,
        "{name}: opening wrote to the store"
    );

    let saved_at = loaded
        .exported_at
        .expect("a stored head names when it was saved");
    let saved = storage::save(&store, key, &loaded.board, saved_at, &mut Parts::default())
        .expect("the board saves again");
    let head = store.get(key).unwrap();
    assert_eq!(head, entries[key], "{name}: the head is written as before");
    assert_eq!(
        saved.written,
        head.len(),
        "{name}: only the head is written"
    );
    for (k, text) in &entries {
        if k != key && !k.ends_with(".revision") {
            assert_eq!(store.get(k).as_ref(), Some(text), "{name}: {k} kept");
        }
    }
    loaded
}

#[test]
fn the_example_board_saved_under_the_default_key_opens_as_it_was_saved() {
    let loaded = open_unchanged("example", "alignment-board");
    assert_eq!(loaded.board, exported_example().board);
}

#[test]
fn a_big_board_with_its_history_in_parts_opens_with_every_check_in() {
    let loaded = open_unchanged("big", "leadership");
    let board = &loaded.board;
    assert_eq!(board.initiatives.len(), 300);
    assert_eq!(board.check_ins.len(), 2_600);
    assert_eq!(board.teams.len(), 6);
    assert_eq!(board.initiatives[0].title, "Edited once");
    assert_eq!(
        storage::revision_count(&fixture("big")["leadership.revision"]),
        2
    );
}

#[test]
fn a_migrated_board_opens_and_keeps_the_original_it_was_migrated_from() {
    let loaded = open_unchanged("migrated", "migrated");
    assert_eq!(loaded.migrated_from, None, "saved since in this version");
    let example = exported_example().board;
    assert_eq!(loaded.board.initiatives.len(), example.initiatives.len());
    // Version 0 named one priority an initiative served: the first of today's list.
    for (migrated, today) in loaded
        .board
        .initiatives
        .iter()
        .zip(example.initiatives.iter())
    {
        assert_eq!(
            migrated.priority_ids,
            today
                .priority_ids
                .iter()
                .take(1)
                .cloned()
                .collect::<Vec<_>>()
        );
    }
    let original = &fixture("migrated")["migrated.version-0"];
    assert!(original.contains("\"version\":0"));
    // The original is still a readable version-0 snapshot.
    assert_eq!(snapshot::read(original).unwrap().migrated_from, Some(0));
}

#[test]
fn a_board_started_over_after_damage_opens_and_leaves_the_damaged_text_aside() {
    let loaded = open_unchanged("damaged", "team-a");
    assert_eq!(loaded.board, exported_example().board);
    let entries = fixture("damaged");
    let (key, text) = entries
        .iter()
        .find(|(k, _)| k.starts_with("team-a.unreadable-"))
        .expect("the fixture holds the damaged text set aside");
    assert!(
        snapshot::read(text).is_err(),
        "{key} holds the damaged text"
    );
}

#[test]
fn a_board_kept_as_a_plain_snapshot_opens_without_being_rewritten() {
    let entries = fixture("plain-snapshot");
    let store = store_of(&entries);
    let loaded = match storage::open(&store, "plain", later()) {
        Opened::Board(loaded) => *loaded,
        other => panic!("expected a board, found {other:?}"),
    };
    assert_eq!(contents(&store), entries, "opening wrote to the store");
    assert_eq!(loaded.board, exported_example().board);
}

#[test]
fn files_exported_today_import_unchanged() {
    let file = exported_example();
    assert_eq!(file.migrated_from, None);
    assert_eq!(file.board.title, "Fieldnote leadership board");
    assert_eq!(
        file.exported_at.map(|t| t.to_string()).as_deref(),
        Some("2026-12-03T10:40:00Z")
    );
    let picture = snapshot::read(include_str!(
        "fixtures/exported/example-2026-12-03.alignment.svg"
    ))
    .expect("the exported picture reads");
    assert_eq!(picture.board, file.board);
    // Written again, the file is the same text: a re-export of an unchanged board changes nothing.
    assert_eq!(
        snapshot::write_pretty(&file.board, file.exported_at.unwrap()),
        include_str!("fixtures/exported/example-2026-12-03.alignment.json")
    );
}
