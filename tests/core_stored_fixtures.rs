#![cfg(not(target_arch = "wasm32"))]
//! Boards as the release of 2026-12-03 (commit a353472) left them in localStorage, and
//! files it exported, kept as fixtures (`tests/fixtures/stored`, `tests/fixtures/exported`).
//! Whatever the code beneath changes to, these must open as they did. The first opening
//! moves every text of the board, unchanged, under the board's own prefix
//! (`alignment-board:<key>`); after that, opening writes nothing: a person's saved board
//! is theirs, not a cache to rebuild.

use alignment_board::core::snapshot;
use alignment_board::storage::{self, BoardKey, MemoryStore, Opened, Parts, Store};
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

/// Where a text the fixture keeps under its old name is kept after the move: the same
/// name, with the prefix, `:` for the old `.` and `:part:` for `.part.`; a damaged copy's
/// name gains the hash of its text.
fn moved(name: &str, key: &str) -> String {
    let rest = &name[key.len()..];
    let rest = rest.replacen(".part.", ":part:", 1);
    let rest = match rest.strip_prefix('.') {
        Some(rest) => format!(":{rest}"),
        None => rest,
    };
    format!("alignment-board:{key}{rest}")
}

/// Opens `key` from the fixture `name`, and checks that:
/// - the first opening moved every text of the board under its new name, unchanged, and
///   left nothing under the old names;
/// - a second opening writes nothing;
/// - saving the board again at the moment it was saved writes its head alone, byte for
///   byte as it was: no part of the history is renamed or rewritten.
fn open_unchanged(name: &str, key: &str) -> snapshot::Loaded {
    let entries = fixture(name);
    let store = store_of(&entries);
    let board_key = BoardKey::new(key).unwrap();
    let loaded = match storage::open(&store, &board_key, later()) {
        Opened::Board(loaded) => *loaded,
        other => panic!("{name}: expected a board, found {other:?}"),
    };
    let after = contents(&store);
    assert_eq!(
        after.len(),
        entries.len(),
        "{name}: as many texts as before"
    );
    for (old, text) in &entries {
        assert!(!after.contains_key(old), "{name}: {old} is still there");
        if old.contains(".unreadable-") {
            let copy = after
                .iter()
                .find(|(k, t)| k.contains(":unreadable-") && *t == text)
                .unwrap_or_else(|| panic!("{name}: {old} moved"));
            assert!(copy
                .0
                .starts_with(&format!("alignment-board:{key}:unreadable-")));
        } else {
            assert_eq!(
                after.get(&moved(old, key)),
                Some(text),
                "{name}: {old} moved unchanged"
            );
        }
    }
    let again = match storage::open(&store, &board_key, later()) {
        Opened::Board(loaded) => *loaded,
        other => panic!("{name}: expected the board again, found {other:?}"),
    };
    assert_eq!(again.board, loaded.board);
    assert_eq!(
        contents(&store),
        after,
        "{name}: opening again wrote to the store"
    );

    let saved_at = loaded
        .exported_at
        .expect("a stored head names when it was saved");
    let saved = storage::save(
        &store,
        &board_key,
        &loaded.board,
        saved_at,
        &mut Parts::default(),
    )
    .expect("the board saves again");
    let head = store.get(&board_key.head()).unwrap();
    assert_eq!(head, entries[key], "{name}: the head is written as before");
    assert_eq!(
        saved.written,
        head.len(),
        "{name}: only the head is written"
    );
    for (k, text) in &after {
        if !k.ends_with(":revision") {
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
fn a_text_another_program_keeps_under_a_boards_name_is_left_alone() {
    let store = MemoryStore::new();
    store.write("notes", "{\"mine\": true}").unwrap();
    store.write("notes.revision", "not the board's").unwrap();
    let key = BoardKey::new("notes").unwrap();
    assert!(storage::holds_nothing(&store, &key));
    assert!(matches!(
        storage::open(&store, &key, later()),
        Opened::Empty
    ));
    assert_eq!(store.all_keys(), ["notes", "notes.revision"]);
}

#[test]
fn a_board_that_cannot_move_for_want_of_room_stays_whole_where_it_was() {
    let entries = fixture("big");
    let used: usize = entries.iter().map(|(k, v)| k.len() + v.len()).sum();
    // Room for a few small texts more, not for the largest part twice.
    let store = storage::FaultyStore::with_capacity(used + 1_000);
    for (key, text) in &entries {
        store.write(key, text).unwrap();
    }
    let key = BoardKey::new("leadership").unwrap();
    match storage::open(&store, &key, later()) {
        Opened::NotMoved { error, board } => {
            assert_eq!(error, storage::StoreError::Full);
            assert_eq!(
                board
                    .expect("shown from its old names")
                    .board
                    .check_ins
                    .len(),
                2_600
            );
        }
        other => panic!("expected the board left where it was, found {other:?}"),
    }
    let now: BTreeMap<String, String> = store
        .all_keys()
        .into_iter()
        .map(|k| {
            let text = store.get(&k).unwrap();
            (k, text)
        })
        .collect();
    assert_eq!(now, entries, "every text back under its old name");
}

#[test]
fn a_board_kept_as_a_plain_snapshot_opens_without_being_rewritten() {
    let entries = fixture("plain-snapshot");
    let store = store_of(&entries);
    let key = BoardKey::new("plain").unwrap();
    let loaded = match storage::open(&store, &key, later()) {
        Opened::Board(loaded) => *loaded,
        other => panic!("expected a board, found {other:?}"),
    };
    let moved: BTreeMap<String, String> = [(key.head(), entries["plain"].clone())].into();
    assert_eq!(contents(&store), moved, "the text moved, unchanged");
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
