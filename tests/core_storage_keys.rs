#![cfg(not(target_arch = "wasm32"))]
//! What a board keeps in the store stays its own: every name under the board's prefix,
//! no key reaching another board's texts or the origin's other data, and damaged texts
//! set aside once, the newest few kept.

use alignment_board::core::model::Board;
use alignment_board::core::time::{Date, Timestamp};
use alignment_board::storage::{
    self, discard_set_aside, open, save, set_asides, BoardKey, MemoryStore, Opened, Parts, Store,
    SET_ASIDE_COPIES,
};

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_unix_seconds(1_796_000_000 + seconds)
}

fn board(title: &str) -> Board {
    let mut board = Board::blank("b-1".into(), Date::parse("2026-11-24").unwrap());
    board.title = title.into();
    board
}

/// Writes a damaged head under `k` and opens it at `seconds`, which sets it aside.
fn open_damaged(store: &dyn Store, k: &BoardKey, seconds: i64) {
    store
        .write(
            &k.head(),
            &format!("{{\"format\":\"alignment-board\", broken {seconds}"),
        )
        .unwrap();
    assert!(matches!(
        open(store, k, at(seconds)),
        Opened::Corrupt { .. }
    ));
}

fn key(name: &str) -> BoardKey {
    BoardKey::new(name).unwrap()
}

#[test]
fn a_key_outside_the_grammar_is_refused_with_a_message_naming_it() {
    for bad in ["k.part.x", "k:revision", "a board", "", "ключ"] {
        let error = BoardKey::new(bad).unwrap_err().to_string();
        assert!(error.starts_with("the storage key"), "{bad}: {error}");
    }
    let long = "k".repeat(10_000);
    let error = BoardKey::new(&long).unwrap_err().to_string();
    assert!(error.len() < 200, "a long key is not echoed whole: {error}");
}

#[test]
fn everything_a_board_stores_is_under_its_prefix_and_the_origins_other_data_is_untouched() {
    let store = MemoryStore::new();
    // The origin's own data, named as a board's derived texts were once named.
    for (name, text) in [
        ("k.part.x", "theirs"),
        ("k.revision", "theirs"),
        ("other", "theirs"),
    ] {
        store.write(name, text).unwrap();
    }
    save(&store, &key("k"), &board("K"), at(0), &mut Parts::default()).unwrap();
    save(
        &store,
        &key("k_part_x"),
        &board("Other"),
        at(0),
        &mut Parts::default(),
    )
    .unwrap();
    save(
        &store,
        &key("k"),
        &board("K again"),
        at(1),
        &mut Parts::default(),
    )
    .unwrap();
    for name in store.all_keys() {
        let theirs = ["k.part.x", "k.revision", "other"].contains(&name.as_str());
        assert!(theirs || name.starts_with(storage::PREFIX), "{name}");
        if theirs {
            assert_eq!(
                store.get(&name).as_deref(),
                Some("theirs"),
                "{name} untouched"
            );
        }
    }
    match open(&store, &key("k_part_x"), at(2)) {
        Opened::Board(loaded) => assert_eq!(loaded.board.title, "Other"),
        other => panic!("expected the other board, found {other:?}"),
    }
}

#[test]
fn a_damaged_board_opened_again_and_again_is_set_aside_once() {
    let store = MemoryStore::new();
    let k = key("k");
    store
        .write(&k.head(), "{\"format\":\"alignment-board\", broken")
        .unwrap();
    let mut names = Vec::new();
    for seconds in 0..5 {
        match open(&store, &k, at(seconds)) {
            Opened::Corrupt { backup_key, .. } => names.push(backup_key.expect("set aside")),
            other => panic!("expected a damaged board, found {other:?}"),
        }
    }
    names.dedup();
    assert_eq!(names.len(), 1, "one copy: {names:?}");
    assert_eq!(set_asides(&store, &k).len(), 1);
}

#[test]
fn only_the_newest_few_damaged_copies_are_kept_and_each_can_be_discarded() {
    let store = MemoryStore::new();
    let k = key("k");
    for seconds in 0..6 {
        open_damaged(&store, &k, seconds);
    }
    let copies = set_asides(&store, &k);
    assert_eq!(copies.len(), SET_ASIDE_COPIES);
    let kept: Vec<String> = copies
        .iter()
        .map(|copy| store.get(&copy.name).unwrap())
        .collect();
    assert_eq!(
        kept,
        [5, 4, 3].map(|n| format!("{{\"format\":\"alignment-board\", broken {n}")),
        "the newest first"
    );
    assert_eq!(copies[0].at, at(5));
    discard_set_aside(&store, &copies[0].name).unwrap();
    assert_eq!(set_asides(&store, &k).len(), SET_ASIDE_COPIES - 1);
    assert_eq!(store.get(&copies[0].name), None);
}

#[test]
fn a_read_only_board_opens_from_the_old_names_and_writes_nothing() {
    let store = MemoryStore::new();
    let old = r#"{"format":"alignment-board","version":0,"board":{"id":"b-1","title":"Old"}}"#;
    store.write("k", old).unwrap();
    store.write("k.unreadable-5", "{ damaged").unwrap();
    let before = store.all_keys();
    match open(&storage::ReadOnlyStore(&store), &key("k"), at(0)) {
        Opened::Migrated {
            loaded,
            original_key,
        } => {
            assert_eq!(loaded.board.title, "Old");
            assert_eq!(original_key, None, "no original copied");
        }
        other => panic!("expected the board, found {other:?}"),
    }
    store
        .write("j", "{\"format\":\"alignment-board\", broken")
        .unwrap();
    let Opened::Corrupt { backup_key, .. } =
        open(&storage::ReadOnlyStore(&store), &key("j"), at(0))
    else {
        panic!("expected a damaged board")
    };
    assert_eq!(backup_key, None, "nothing set aside");
    let mut after = store.all_keys();
    after.retain(|name| name != "j");
    assert_eq!(after, before, "nothing moved, copied or set aside");
}

#[test]
fn a_damaged_copy_that_does_not_fit_costs_none_of_the_copies_kept() {
    let store = storage::FaultyStore::with_capacity(2_000);
    let k = key("k");
    for seconds in 0..3 {
        open_damaged(&store, &k, seconds);
    }
    assert_eq!(set_asides(&store, &k).len(), 3);
    let big = format!(
        "{{\"format\":\"alignment-board\", broken {}",
        "x".repeat(1_500)
    );
    store.write(&k.head(), &big).unwrap();
    let Opened::Corrupt { backup_key, .. } = open(&store, &k, at(9)) else {
        panic!("expected a damaged board")
    };
    assert_eq!(backup_key, None, "no room for it");
    assert_eq!(
        set_asides(&store, &k).len(),
        3,
        "the copies kept are all still there"
    );
    assert_eq!(
        store.get(&k.head()).as_deref(),
        Some(big.as_str()),
        "and the damaged text too"
    );
}
