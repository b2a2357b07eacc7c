#![cfg(not(target_arch = "wasm32"))]
//! How long a board's texts may be (docs/snapshot-format.md, "Limits"): a snapshot from
//! outside holding a longer one is refused at the text's place; a board kept in the browser
//! opens whatever its texts.

mod core_support;

use alignment_board::core::limits::{ID, LONG, NAME, SHORT};
use alignment_board::core::slice;
use alignment_board::core::snapshot::{self, Parts, ReadError};
use core_support::{full_board, ts};
use serde_json::{json, Value};

/// Every text the limits hold: its JSON pointer in a snapshot of `full_board`, the path a
/// refusal names, and its limit.
const TEXTS: [(&str, &str, usize); 22] = [
    ("/board/id", "board.id", ID),
    ("/board/title", "board.title", SHORT),
    ("/board/purpose", "board.purpose", LONG),
    ("/board/period/label", "board.period.label", NAME),
    ("/board/people/0/id", "board.people[0].id", ID),
    ("/board/people/0/name", "board.people[0].name", NAME),
    ("/board/teams/0/id", "board.teams[0].id", ID),
    ("/board/teams/0/name", "board.teams[0].name", NAME),
    ("/board/priorities/0/id", "board.priorities[0].id", ID),
    (
        "/board/priorities/0/title",
        "board.priorities[0].title",
        SHORT,
    ),
    (
        "/board/priorities/0/description",
        "board.priorities[0].description",
        LONG,
    ),
    (
        "/board/priorities/0/successMeasure",
        "board.priorities[0].successMeasure",
        SHORT,
    ),
    (
        "/board/initiatives/0/title",
        "board.initiatives[0].title",
        SHORT,
    ),
    (
        "/board/initiatives/0/description",
        "board.initiatives[0].description",
        LONG,
    ),
    (
        "/board/initiatives/0/risks/0/text",
        "board.initiatives[0].risks[0].text",
        SHORT,
    ),
    ("/board/checkIns/0/note", "board.checkIns[0].note", LONG),
    (
        "/board/dependencies/0/need",
        "board.dependencies[0].need",
        SHORT,
    ),
    (
        "/board/dependencies/0/answerNote",
        "board.dependencies[0].answerNote",
        LONG,
    ),
    (
        "/board/decisions/0/title",
        "board.decisions[0].title",
        SHORT,
    ),
    (
        "/board/decisions/0/rationale",
        "board.decisions[0].rationale",
        LONG,
    ),
    ("/board/reviews/0/summary", "board.reviews[0].summary", LONG),
    ("/board/checkIns/0/id", "board.checkIns[0].id", ID),
];

fn snapshot_of_full_board() -> Value {
    let text = snapshot::write_compact(&full_board(), ts("2026-11-23T09:30:00Z"));
    serde_json::from_str(&text).expect("the writer writes JSON")
}

/// `count` characters of two bytes each: a limit counts characters, not bytes.
fn text_of(count: usize) -> String {
    "é".repeat(count)
}

fn read_with(pointer: &str, text: String) -> Result<snapshot::Loaded, ReadError> {
    let mut value = snapshot_of_full_board();
    *value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the full board")) = json!(text);
    snapshot::read(&value.to_string())
}

#[test]
fn every_text_of_its_limit_is_read() {
    for (pointer, _, limit) in TEXTS {
        if pointer.ends_with("/id") && pointer != "/board/id" {
            continue;
        }
        let read = read_with(pointer, text_of(limit));
        assert!(read.is_ok(), "{pointer} at {limit}: {:?}", read.err());
    }
}

#[test]
fn every_text_over_its_limit_is_refused_at_its_place() {
    for (pointer, path, limit) in TEXTS {
        let error = read_with(pointer, text_of(limit + 1)).expect_err(pointer);
        let ReadError::Invalid(problems) = &error else {
            panic!("{pointer}: {error}");
        };
        // A longer id leaves what referred to it dangling: that is said too.
        let expected = format!(
            "too long: {} characters, where at most {limit} are allowed",
            limit + 1
        );
        assert!(
            problems
                .iter()
                .any(|p| p.path == path && p.message.starts_with(&expected)),
            "{pointer}: {error}"
        );
    }
}

#[test]
fn a_title_of_a_megabyte_is_refused_in_a_message_of_a_line() {
    let error = read_with("/board/initiatives/0/title", "lorem ipsum ".repeat(90_000))
        .expect_err("a title of a megabyte");
    let said = error.to_string();
    assert!(said.starts_with(
        "board.initiatives[0].title: too long: 1080000 characters, where at most 500 are allowed (in “lorem ipsum"
    ), "{said}");
    assert!(said.len() < 200, "{said}");
}

#[test]
fn a_board_kept_in_the_browser_opens_with_a_text_over_a_limit() {
    // Kept before texts had limits, or by a later version with other limits: the board is
    // the person's own, and opens as it was kept.
    let mut board = full_board();
    board.initiatives[0].title = text_of(SHORT + 1);
    board.check_ins[0].note.clone_from(&text_of(LONG * 2));
    let stored = snapshot::write_stored(&board, ts("2026-11-23T09:30:00Z"), &mut Parts::default());
    let parts: std::collections::HashMap<String, String> = stored
        .parts
        .iter()
        .map(|(name, text)| (name.clone(), text.to_string()))
        .collect();
    let read = snapshot::read_stored(&stored.head, &|name| parts.get(name).cloned())
        .expect("the kept board opens");
    assert_eq!(read.board, board);
    // The same board from outside is refused, as the board says when it exports it.
    let file = snapshot::write_pretty(&board, ts("2026-11-23T09:30:00Z"));
    let refusal = snapshot::read(&file)
        .expect_err("over a title's limit")
        .to_string();
    assert_eq!(snapshot::refused_as_a_file(&board), Some(refusal.clone()));
    assert!(
        refusal.starts_with("board.initiatives[0].title: too long: 501 characters"),
        "{refusal}"
    );
    assert!(refusal.ends_with("(and 1 more problem)"), "{refusal}");
    assert_eq!(snapshot::refused_as_a_file(&full_board()), None);
}

#[test]
fn a_slice_for_many_teams_of_a_long_titled_board_is_a_file_boards_read() {
    // The slice's title is the board's and the teams' names: cut to a title's length.
    let mut board = full_board();
    board.title = "T".repeat(SHORT);
    let teams: Vec<String> = board.teams.iter().map(|t| t.id.clone()).collect();
    let cut = slice::export(&board, &teams, ts("2026-11-23T09:30:00Z"));
    assert_eq!(cut.title.chars().count(), SHORT);
    assert!(cut.title.ends_with('…'));
    let file = snapshot::write_pretty(&cut, ts("2026-11-23T09:30:00Z"));
    snapshot::read(&file).expect("the slice reads");
    // A title that fits is left whole.
    board.title = "Platform board".into();
    let cut = slice::export(&board, &teams[..1], ts("2026-11-23T09:30:00Z"));
    assert_eq!(
        cut.title,
        format!("Platform board: {}", board.teams[0].name)
    );
}

#[test]
fn the_teams_a_slice_was_cut_for_are_held_to_an_id_s_length() {
    let mut value = snapshot_of_full_board();
    value["board"]["slice"] =
        json!({ "cutAt": "2026-11-23T09:30:00Z", "teamIds": ["x".repeat(ID + 1)] });
    let error = snapshot::read(&value.to_string()).expect_err("an id of 201 characters");
    assert!(
        error
            .to_string()
            .starts_with("board.slice.teamIds[0]: too long: 201 characters"),
        "{error}"
    );
}
