#![cfg(not(target_arch = "wasm32"))]
//! The example board's file (`examples/example.alignment.json`), which the web page loads
//! for "Start from example": it is the board `example_board` builds, and moved to any day it
//! is the board built for that day. After a change to src/core/example.rs, write the file
//! again with `UPDATE_EXAMPLE=1 cargo test --test core_example_file`.

use alignment_board::core::example::{example_board, FILE_DATE};
use alignment_board::core::redate::brought_to;
use alignment_board::core::snapshot;
use alignment_board::core::time::Date;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/example.alignment.json"
);

fn written() -> Date {
    let (y, m, d) = FILE_DATE;
    Date::new(y, m, d).unwrap()
}

#[test]
fn the_file_is_the_example_board_as_built() {
    let expected = snapshot::write_pretty(&example_board(written()), written().start());
    if std::env::var_os("UPDATE_EXAMPLE").is_some() {
        std::fs::write(FILE, &expected).unwrap();
    }
    let text = std::fs::read_to_string(FILE).expect("the example file is there");
    assert!(
        text == expected,
        "examples/example.alignment.json is not the example board: run \
         UPDATE_EXAMPLE=1 cargo test --test core_example_file"
    );
}

#[test]
fn the_file_moved_to_any_day_is_the_example_built_for_that_day() {
    let loaded = snapshot::read(&std::fs::read_to_string(FILE).unwrap()).unwrap();
    assert_eq!(loaded.exported_at.map(|at| at.utc_date()), Some(written()));
    for (y, m, d) in [
        (2026, 11, 24),
        (2026, 11, 25),
        (2026, 12, 31),
        (2027, 1, 1),
        (2027, 3, 31),
        (2028, 2, 29),
        (2025, 6, 1),
    ] {
        let today = Date::new(y, m, d).unwrap();
        assert!(
            brought_to(loaded.board.clone(), written(), today) == example_board(today),
            "{y}-{m}-{d}"
        );
    }
}
