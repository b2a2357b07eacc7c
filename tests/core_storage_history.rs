#![cfg(not(target_arch = "wasm32"))]
//! Saving a board with a long check-in history (`storage::save` and `open`): the history
//! goes into parts named by their content, an edit writes the head only, and a damaged or
//! lost part is found and named. The boards are generated big enough to need parts.

#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::model::Board;
use alignment_board::core::time::{Date, Timestamp};
use alignment_board::storage::{
    board_print, change_display, kept_as_page_gave, open, open_known, save, BoardKey, FaultyStore,
    MemoryStore, Opened, Parts, Store, StoreError,
};
use generate_board::{big_board, Size};

/// The board's storage key in these tests.
fn k() -> BoardKey {
    BoardKey::new("k").unwrap()
}

const PARTS: &str = "alignment-board:k:part:";

fn now() -> Timestamp {
    Timestamp::parse("2026-11-24T10:00:00Z").unwrap()
}

#[test]
fn a_part_is_named_by_its_length_and_fnv_hash_as_earlier_versions_named_it() {
    let today = Date::parse("2026-11-24").unwrap();
    let size = Size {
        teams: 3,
        priorities: 2,
        initiatives: 20,
        check_ins: 2500,
    };
    let store = MemoryStore::new();
    save(
        &store,
        &k(),
        &big_board(size, today),
        now(),
        &mut Parts::default(),
    )
    .unwrap();
    let parts: Vec<String> = store
        .all_keys()
        .into_iter()
        .filter(|k| k.starts_with(PARTS))
        .collect();
    assert_eq!(parts.len(), 3);
    for key in parts {
        let text = store.get(&key).unwrap();
        let name = format!(
            "{:x}-{:x}",
            text.len(),
            alignment_board::core::hash::fnv1a(text.as_bytes())
        );
        // A board saved by an earlier version finds its parts under these names, so
        // the next save writes only what changed.
        assert_eq!(key, k().part(&name));
    }
}

fn with_history(check_ins: usize) -> Board {
    big_board(
        Size {
            teams: 3,
            priorities: 3,
            initiatives: 40,
            check_ins,
        },
        Date::parse("2026-11-24").unwrap(),
    )
}

fn parts(store: &FaultyStore) -> Vec<String> {
    let mut keys = store.all_keys();
    keys.retain(|k| k.starts_with(PARTS));
    keys
}

#[test]
fn an_edit_rewrites_the_head_only_and_old_parts_are_cleared() {
    let store = FaultyStore::new();
    let mut board = with_history(2_500);
    let mut known = Parts::default();
    let first = save(&store, &k(), &board, now(), &mut known)
        .unwrap()
        .written;
    assert_eq!(parts(&store).len(), 3);
    board.initiatives[0].title = "Renamed".into();
    let second = save(&store, &k(), &board, now(), &mut known)
        .unwrap()
        .written;
    assert_eq!(
        second,
        store.get(&k().head()).unwrap().len(),
        "only the head"
    );
    assert!(second * 3 < first, "{second} of {first}");
    // A save that knows nothing (another tab's, or after a reload) finds the parts in
    // the store and writes only the head too.
    let fresh = save(&store, &k(), &board, now(), &mut Parts::default())
        .unwrap()
        .written;
    assert_eq!(fresh, second);
    board.check_ins.truncate(1_200);
    save(&store, &k(), &board, now(), &mut known).unwrap();
    assert_eq!(parts(&store).len(), 2, "the parts no head names are gone");
    match open(&store, &k(), now()) {
        Opened::Board(loaded) => assert_eq!(loaded.board, board),
        other => panic!("expected the board, got {other:?}"),
    }
    // Opened, the board knows the parts it was read from, for its first save.
    let mut opened = Parts::default();
    let Opened::Board(loaded) = open_known(&store, &k(), now(), &mut opened) else {
        panic!("the board opens");
    };
    assert_eq!(opened.count(), 2);
    let mut board = loaded.board;
    board.initiatives[0].title = "Renamed again".into();
    let written = save(&store, &k(), &board, now(), &mut opened)
        .unwrap()
        .written;
    assert_eq!(
        written,
        store.get(&k().head()).unwrap().len(),
        "only the head"
    );
    match open(&store, &k(), now()) {
        Opened::Board(loaded) => assert_eq!(loaded.board, board),
        other => panic!("expected the board, got {other:?}"),
    }
}

#[test]
fn a_save_reports_the_board_size_and_whether_the_store_is_nearly_full() {
    let store = FaultyStore::new();
    let board = with_history(1_500);
    let saved = save(&store, &k(), &board, now(), &mut Parts::default()).unwrap();
    let held: usize = store
        .all_keys()
        .iter()
        .map(|k| k.len() + store.get(k).unwrap().len())
        .sum();
    assert_eq!(
        saved.size, held,
        "keys and values of the head and its parts"
    );
    assert!(!saved.nearly_full(None));
    assert!(!saved.nearly_full(Some(saved.size * 5 / 4 + 1)));
    assert!(saved.nearly_full(Some(saved.size * 5 / 4)), "80 % exactly");
    assert!(saved.nearly_full(Some(saved.size)));
}

#[test]
fn a_damaged_stored_board_is_set_aside_with_its_parts() {
    let store = FaultyStore::new();
    let board = with_history(1_500);
    save(&store, &k(), &board, now(), &mut Parts::default()).unwrap();
    let first_part = parts(&store)[0].clone();
    let part_text = store.get(&first_part).unwrap();
    store.write(&first_part, "[[").unwrap();
    let Opened::Corrupt {
        error, backup_key, ..
    } = open(&store, &k(), now())
    else {
        panic!("expected corrupt")
    };
    assert!(error.to_string().contains("is damaged"), "{error}");
    let backup_key = backup_key.unwrap();
    // Mending the copied part by hand brings the whole board back from the backup.
    let name = &first_part[PARTS.len()..];
    store
        .write(&BoardKey::set_aside_part(&backup_key, name), &part_text)
        .unwrap();
    save(
        &store,
        &k(),
        &board_after_start_over(),
        now(),
        &mut Parts::default(),
    )
    .unwrap();
    let head = store.get(&backup_key).unwrap();
    let part = |name: &str| store.get(&BoardKey::set_aside_part(&backup_key, name));
    let loaded =
        alignment_board::core::snapshot::read_stored(&head, &part).expect("the mended copy reads");
    assert_eq!(loaded.board, board);
}

#[test]
fn a_write_that_does_not_stick_is_a_failed_save_and_a_retry_writes_it() {
    let store = FaultyStore::new();
    let mut known = Parts::default();
    let board = with_history(1_500);
    save(&store, &k(), &board, now(), &mut known).unwrap();
    let mut edited = board.clone();
    edited.initiatives[0].title = "Renamed".into();
    store.set_forgetful(true);
    let error = save(&store, &k(), &edited, now(), &mut known).unwrap_err();
    assert_eq!(error, StoreError::NotKept);
    assert!(error.to_string().contains("reading it back"), "{error}");
    store.set_forgetful(false);
    save(&store, &k(), &edited, now(), &mut known).unwrap();
    match open(&store, &k(), now()) {
        Opened::Board(loaded) => assert_eq!(loaded.board, edited),
        other => panic!("expected the edited board, got {other:?}"),
    }
    // A part that did not stick is found too, and written by the next save.
    let mut longer = edited.clone();
    longer.check_ins = with_history(2_500).check_ins;
    store.set_forgetful(true);
    assert_eq!(
        save(&store, &k(), &longer, now(), &mut known),
        Err(StoreError::NotKept)
    );
    store.set_forgetful(false);
    save(&store, &k(), &longer, now(), &mut known).unwrap();
    match open(&store, &k(), now()) {
        Opened::Board(loaded) => assert_eq!(loaded.board, longer),
        other => panic!("expected the longer board, got {other:?}"),
    }
}

fn board_after_start_over() -> Board {
    Board::blank("b-1".into(), Date::parse("2026-11-24").unwrap())
}

#[test]
fn a_board_kept_as_its_page_gave_it_is_known_from_one_changed_here() {
    let store = MemoryStore::new();
    let page_board = with_history(2_500);
    save(&store, &k(), &page_board, now(), &mut Parts::default()).unwrap();
    assert!(
        !kept_as_page_gave(&store, &k(), now()),
        "a board kept before pages were followed is not known to be the page's"
    );
    change_display(&store, &k(), |display| {
        display.page_board = Some(board_print(&page_board))
    });
    // Read back from its parts, the board prints as the page's board it was saved from.
    assert!(kept_as_page_gave(&store, &k(), now()));
    // Saved again later, unchanged (another time, another tab's save): still the page's.
    let later = Timestamp::parse("2026-11-30T08:00:00Z").unwrap();
    save(&store, &k(), &page_board, later, &mut Parts::default()).unwrap();
    assert!(kept_as_page_gave(&store, &k(), later));
    // One change made here, even to the history alone, and it is the reader's own.
    let mut changed = page_board.clone();
    changed.check_ins.truncate(2_499);
    save(&store, &k(), &changed, now(), &mut Parts::default()).unwrap();
    assert!(!kept_as_page_gave(&store, &k(), now()));
    let mut renamed = page_board.clone();
    renamed.initiatives[7].title.push('!');
    save(&store, &k(), &renamed, now(), &mut Parts::default()).unwrap();
    assert!(!kept_as_page_gave(&store, &k(), now()));
    // Changed back as it was, it is the page's again.
    save(&store, &k(), &page_board, now(), &mut Parts::default()).unwrap();
    assert!(kept_as_page_gave(&store, &k(), now()));
    assert!(!kept_as_page_gave(
        &store,
        &BoardKey::new("other").unwrap(),
        now()
    ));
}
