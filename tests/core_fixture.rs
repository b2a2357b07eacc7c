#![cfg(not(target_arch = "wasm32"))]
//! The documented example snapshot (docs/snapshot-format.md, "Example"), kept as a fixture
//! and read by the real reader. `tests/schema.test.mjs` checks the same file against the JSON
//! Schema, so the documented example, the schema and the reader are held to agree.

use alignment_board::core::snapshot::{self, ReadError};

const FIXTURE: &str = include_str!("fixtures/snapshot-md-example.alignment.json");

fn read_fixture() -> snapshot::Loaded {
    match snapshot::read(FIXTURE) {
        Ok(loaded) => loaded,
        Err(ReadError::Invalid(problems)) => panic!(
            "the documented example is refused by the reader: {}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Err(other) => panic!("the documented example is refused by the reader: {other}"),
    }
}

#[test]
fn the_documented_example_is_accepted_with_every_entity() {
    let loaded = read_fixture();
    assert_eq!(loaded.migrated_from, None, "version 1 needs no migration");
    assert_eq!(
        loaded.exported_at.map(|t| t.to_string()).as_deref(),
        Some("2026-11-23T09:30:00Z")
    );

    let board = &loaded.board;
    assert_eq!(board.id, "b-1");
    assert_eq!(board.title, "Acme leadership board");
    assert_eq!(board.period.label, "Q4 2026");
    assert_eq!(
        board.period.start.map(|d| d.to_string()).as_deref(),
        Some("2026-10-01")
    );
    assert_eq!(
        board.period.end.map(|d| d.to_string()).as_deref(),
        Some("2026-12-31")
    );
    assert_eq!(
        (
            board.rhythm.check_in_days,
            board.rhythm.review_days,
            board.rhythm.planning_days
        ),
        (7, 28, 91)
    );

    assert_eq!(board.people.len(), 1, "people");
    assert_eq!(board.teams.len(), 2, "teams");
    assert_eq!(board.priorities.len(), 1, "priorities");
    assert_eq!(board.initiatives.len(), 1, "initiatives");
    assert_eq!(board.initiatives[0].risks.len(), 1, "risks");
    assert_eq!(board.check_ins.len(), 1, "check-ins");
    assert_eq!(board.dependencies.len(), 1, "dependencies");
    assert_eq!(board.decisions.len(), 1, "decisions");
    assert_eq!(board.reviews.len(), 1, "reviews");

    let initiative = &board.initiatives[0];
    assert_eq!(initiative.priority_ids, vec!["pr-1".to_string()]);
    assert_eq!(
        (
            initiative.effort,
            initiative.progress,
            initiative.confidence
        ),
        (40, 35, Some(7))
    );
    assert_eq!(board.reviews[0].score, Some(72));
}
