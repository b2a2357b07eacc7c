//! localStorage behind the `Store` trait, in a real browser: round trips (texts of every
//! kind of character among them), a full quota reported as `Full`, and opening corrupt or
//! newer saved boards.
#![cfg(target_arch = "wasm32")]

#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::model::Board;
use alignment_board::core::time::{Date, Timestamp};
use alignment_board::storage::{self, BoardKey, LocalStore, Opened, Store, StoreError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn now() -> Timestamp {
    Timestamp::parse("2026-11-24T10:00:00Z").unwrap()
}

#[wasm_bindgen_test]
fn local_store_round_trips_a_board() {
    let key = &BoardKey::new("test-round-trip").unwrap();
    let board = Board::blank("b-1".into(), Date::parse("2026-11-24").unwrap());
    storage::save(
        &LocalStore,
        key,
        &board,
        now(),
        &mut storage::Parts::default(),
    )
    .unwrap();
    match storage::open(&LocalStore, key, now()) {
        Opened::Board(loaded) => assert_eq!(loaded.board, board),
        other => panic!("expected a board, got {other:?}"),
    }
    local().remove_item(&key.head()).unwrap();
    local().remove_item(&key.revision()).unwrap();
}

#[wasm_bindgen_test]
fn texts_come_back_from_local_storage_as_they_were_written() {
    let ascii = "x".repeat(5_000);
    for text in [
        String::new(),
        "plain ASCII, as a board is stored".to_string(),
        "ünïcode ✓ first, then ASCII".to_string(),
        format!("{ascii} and at the end: ü ✓ 𝄞 🚀"),
        "𝄞🚀".repeat(1_000),
        format!("é{ascii}é"),
    ] {
        LocalStore.write("test-texts", &text).unwrap();
        assert_eq!(
            LocalStore.read("test-texts").unwrap().as_deref(),
            Some(&*text)
        );
    }
    // A lone surrogate, which only JavaScript can write, reads as U+FFFD.
    let lone = js_sys::JsString::from_char_code(&[0x78, 0xD800, 0x79]);
    let set_item = js_sys::Reflect::get(&local(), &"setItem".into()).unwrap();
    js_sys::Function::from(set_item)
        .call2(&local(), &"test-texts".into(), &lone)
        .unwrap();
    assert_eq!(
        LocalStore.read("test-texts").unwrap().as_deref(),
        Some("x\u{FFFD}y")
    );
    local().remove_item("test-texts").unwrap();
    assert_eq!(LocalStore.read("test-texts").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_full_and_keeps_the_previous_text() {
    let key = "test-quota";
    LocalStore.write(key, "previous").unwrap();
    // Chromium allows about 5 million characters per origin: 6 million cannot fit.
    let huge = "x".repeat(6_000_000);
    assert_eq!(LocalStore.write(key, &huge), Err(StoreError::Full));
    assert_eq!(LocalStore.read(key).unwrap().as_deref(), Some("previous"));
    local().remove_item(key).unwrap();
}

#[wasm_bindgen_test]
fn a_corrupt_saved_board_is_backed_up_not_loaded() {
    let key = &BoardKey::new("test-corrupt").unwrap();
    let raw = r#"{"format":"alignment-board","version":1,"board":{"id":"b","title":"T","teams":[{"id":"t"#;
    LocalStore.write(&key.head(), raw).unwrap();
    let Opened::Corrupt { backup_key, .. } = storage::open(&LocalStore, key, now()) else {
        panic!("expected a corrupt board")
    };
    let backup_key = backup_key.expect("backed up");
    assert_eq!(LocalStore.read(&backup_key).unwrap().as_deref(), Some(raw));
    local().remove_item(&key.head()).unwrap();
    local().remove_item(&backup_key).unwrap();
}

#[wasm_bindgen_test]
fn a_board_from_a_newer_version_is_refused_and_left_alone() {
    let key = &BoardKey::new("test-newer").unwrap();
    let raw = r#"{"format":"alignment-board","version":2,"board":{"id":"b","title":"T"}}"#;
    LocalStore.write(&key.head(), raw).unwrap();
    let Opened::TooNew { error, .. } = storage::open(&LocalStore, key, now()) else {
        panic!("expected too new")
    };
    let message = error.to_string();
    assert!(
        message.contains("version 2") && message.contains("up to 1"),
        "{message}"
    );
    assert_eq!(LocalStore.read(&key.head()).unwrap().as_deref(), Some(raw));
    local().remove_item(&key.head()).unwrap();
}

#[wasm_bindgen_test]
fn a_board_with_a_long_history_is_kept_in_parts_and_tidied_as_it_changes() {
    use crate::generate_board::{big_board, Size};
    let key = &BoardKey::new("test-parts").unwrap();
    let mut board = big_board(
        Size {
            teams: 4,
            priorities: 3,
            initiatives: 60,
            check_ins: 2_500,
        },
        Date::parse("2026-11-24").unwrap(),
    );
    let parts = || {
        let mut keys: Vec<String> = LocalStore
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(&key.parts()))
            .collect();
        keys.sort();
        keys
    };
    let mut known = storage::Parts::default();
    storage::save(&LocalStore, key, &board, now(), &mut known).unwrap();
    assert_eq!(parts().len(), 3, "2,500 check-ins in parts of 1,000");
    let before = parts();

    board.initiatives[0].title = "Renamed".into();
    let written = storage::save(&LocalStore, key, &board, now(), &mut known)
        .unwrap()
        .written;
    assert_eq!(
        written,
        LocalStore.read(&key.head()).unwrap().unwrap().len(),
        "the head alone"
    );
    assert_eq!(parts(), before);

    board.check_ins.truncate(900);
    storage::save(&LocalStore, key, &board, now(), &mut known).unwrap();
    assert_eq!(parts().len(), 1, "parts no longer named are removed");
    match storage::open(&LocalStore, key, now()) {
        Opened::Board(loaded) => assert_eq!(loaded.board, board),
        other => panic!("expected the board, got {other:?}"),
    }
    for k in parts() {
        LocalStore.remove(&k).unwrap();
    }
    LocalStore.remove(&key.head()).unwrap();
    LocalStore.remove(&key.revision()).unwrap();
}

#[wasm_bindgen_test]
fn every_browser_s_name_and_code_for_a_full_store_is_recognised() {
    use wasm_bindgen::JsValue;
    let named = |name: &str| -> JsValue {
        web_sys::DomException::new_with_message_and_name("full", name)
            .unwrap()
            .into()
    };
    // Chromium, Safari and today's Firefox (code 22), older Firefox (code 1014).
    assert!(storage::is_quota_error(&named("QuotaExceededError")));
    assert!(storage::is_quota_error(&named(
        "NS_ERROR_DOM_QUOTA_REACHED"
    )));
    // Not "full": storage switched off, or something else went wrong.
    assert!(!storage::is_quota_error(&named("SecurityError")));
    assert!(!storage::is_quota_error(&named("InvalidStateError")));
    assert!(!storage::is_quota_error(&JsValue::from_str(
        "QuotaExceededError"
    )));
}

/// Mounts a board in a new element of the page, as a host page's script does.
fn mount_in_page(
    options: alignment_board::MountOptions,
) -> Result<alignment_board::BoardHandle, String> {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    alignment_board::mount_with(root, options)
}

fn stored_names(prefix: &str) -> Vec<String> {
    let mut names = LocalStore.keys().unwrap();
    names.retain(|name| name.contains(prefix));
    names
}

#[wasm_bindgen_test]
async fn a_snapshot_the_page_gives_is_checked_and_only_the_boards_own_form_is_stored() {
    use alignment_board::MountOptions;
    let text = r#"{"format":"alignment-board","version":1,"board":{"id":"b-1","title":"Given","teams":[{"id":"t-1","name":"A"}]}}"#;
    let options = |key: &str, read_only: bool, snapshot: &str| MountOptions {
        storage_key: key.into(),
        read_only,
        snapshot: Some(snapshot.into()),
        ..MountOptions::default()
    };

    // Any text: refused with the reader's message, and nothing is stored.
    let error = mount_in_page(options(
        "test-given-bad",
        false,
        "<script>not a board</script>",
    ))
    .err()
    .expect("refused");
    assert!(
        error.starts_with("the snapshot it was given cannot be read: "),
        "{error}"
    );
    assert!(stored_names("test-given-bad").is_empty());

    // A read-only board shows the snapshot and writes nothing.
    let mut handle = mount_in_page(options("test-given-ro", true, text)).expect("mounted");
    yew::scheduler::flush().await;
    assert_eq!(
        handle.snapshot().map(|s| s.contains("\"Given\"")),
        Some(true)
    );
    handle.destroy();
    assert!(
        stored_names("test-given-ro").is_empty(),
        "{:?}",
        stored_names("test-given-ro")
    );

    // A board that may be changed starts from it and keeps it in its own stored form.
    let key = BoardKey::new("test-given").unwrap();
    let mut handle = mount_in_page(options(key.as_str(), false, text)).expect("mounted");
    yew::scheduler::flush().await;
    let head = LocalStore.read(&key.head()).unwrap().expect("stored");
    assert!(
        head.starts_with(r#"{"format":"alignment-board-store""#),
        "{head}"
    );
    assert_ne!(head, text);
    handle.destroy();
    for name in stored_names("test-given") {
        LocalStore.remove(&name).unwrap();
    }
}

#[wasm_bindgen_test]
fn a_storage_key_outside_the_grammar_is_refused_before_anything_is_stored() {
    let before = LocalStore.keys().unwrap();
    for bad in ["k.part.x", "a board", "k:revision"] {
        let error = mount_in_page(alignment_board::MountOptions {
            storage_key: bad.into(),
            ..alignment_board::MountOptions::default()
        })
        .err()
        .expect("refused");
        assert!(error.contains("storage key"), "{error}");
    }
    assert_eq!(LocalStore.keys().unwrap(), before);
}
