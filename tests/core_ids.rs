#![cfg(not(target_arch = "wasm32"))]
//! New ids (`core::ids`): the form the app makes, unique over many draws, drawn again when
//! one is taken, and old counted ids still accepted beside them.

mod core_support;

use alignment_board::core::action::{reduce, Action};
use alignment_board::core::ids::{self, is_random, new_id, unused_on};
use alignment_board::core::model::CheckIn;
use alignment_board::core::snapshot;
use core_support::{bits, initiative, now, small_board};
use std::collections::HashSet;
use std::rc::Rc;

#[test]
fn ids_have_the_kind_prefix_and_thirteen_base_32_characters() {
    let mut random = bits(1);
    for prefix in ["i", "pr", "c", "t", "p", "d", "x", "v", "r", "b"] {
        let id = new_id(prefix, random());
        assert!(id.starts_with(&format!("{prefix}-")), "{id}");
        assert_eq!(id.len(), prefix.len() + 1 + 13, "{id}");
        assert!(is_random(&id), "{id}");
        assert!(
            id[prefix.len() + 1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()),
            "{id}"
        );
        for look_alike in ['i', 'l', 'o', 'u'] {
            assert!(!id[prefix.len() + 1..].contains(look_alike), "{id}");
        }
    }
}

#[test]
fn a_hundred_thousand_draws_are_all_different() {
    let mut random = bits(7);
    let drawn: HashSet<String> = (0..100_000).map(|_| new_id("i", random())).collect();
    assert_eq!(drawn.len(), 100_000);
}

#[test]
fn an_id_already_on_the_board_is_drawn_again() {
    let mut board = small_board();
    let mut first = bits(3);
    let taken = new_id("i", first());
    board
        .initiatives
        .push(initiative(&taken, "Already here", "t-1", &[]));
    assert!(board.holds_id(&taken));
    let id = unused_on(&board, "i", bits(3));
    assert_ne!(id, taken);
    assert!(is_random(&id));
    // Risks count too: their ids are unique on the board in the app's forms.
    let risk = new_id("r", bits(5)());
    board.initiatives[0]
        .risks
        .push(alignment_board::core::model::Risk {
            id: risk.clone(),
            text: "Late".into(),
            severity: Default::default(),
            open: true,
        });
    assert!(board.holds_id(&risk));
    assert_ne!(unused_on(&board, "r", bits(5)), risk);
}

#[test]
fn old_counted_ids_stay_valid_beside_random_ones() {
    let board = Rc::new(small_board());
    assert!(board.holds_id("i-1") && !ids::is_random("i-1"));
    let id = unused_on(&board, "i", bits(11));
    let added = reduce(
        &board,
        Action::AddInitiative(initiative(&id, "New", "t-1", &["pr-1"])),
        now(),
    )
    .unwrap();
    let checked = reduce(
        &added,
        Action::CheckIn(CheckIn {
            id: unused_on(&added, "c", bits(12)),
            ..core_support::check_in("c-x", &id, None)
        }),
        now(),
    )
    .unwrap();
    // The snapshot format holds both forms: ids are opaque strings.
    let text = snapshot::write_pretty(&checked, now());
    let read = snapshot::read(&text).unwrap().board;
    assert_eq!(read, *checked);
    assert!(read.initiative("i-1").is_some() && read.initiative(&id).is_some());
}
