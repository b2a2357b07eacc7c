#![cfg(not(target_arch = "wasm32"))]
//! The example board and its file (`examples/example.alignment.json`), which the web page
//! loads for "Start from example": the builder makes a sound board that shows what the
//! board is for, the file is the board it builds, and moved to any day the file is the
//! board built for that day. After a change to tests/support/example.rs, write the file
//! again with `UPDATE_EXAMPLE=1 cargo test --test core_example_file`.

#[path = "support/example.rs"]
mod example;

use alignment_board::core::health::analyse_board;
use alignment_board::core::model::{Board, DecisionKind, DependencyState, Severity, Status};
use alignment_board::core::redate::brought_to;
use alignment_board::core::snapshot;
use alignment_board::core::time::{Date, Now, Timestamp};
use alignment_board::core::validate;
use example::example_board;

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/example.alignment.json"
);

/// The day the file is written at, as its `exportedAt`; the app moves its dates from there
/// to the day it is opened.
fn written() -> Date {
    Date::new(2026, 11, 24).unwrap()
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

fn board() -> Board {
    example_board(written())
}

#[test]
fn the_example_is_a_sound_board_on_any_day() {
    for (y, m, d) in [(2026, 11, 24), (2027, 1, 1), (2028, 2, 29), (2026, 12, 31)] {
        let board = example_board(Date::new(y, m, d).unwrap());
        assert_eq!(validate::problems(&board), Vec::new(), "{y}-{m}-{d}");
    }
}

#[test]
fn the_example_has_the_size_of_a_real_company_board() {
    let board = board();
    assert_eq!(board.teams.len(), 6);
    assert_eq!(board.ranked_priorities().len(), 5);
    assert!((30..=40).contains(&board.initiatives.len()));
    assert!(
        (40..=100).contains(&board.check_ins.len()),
        "{}",
        board.check_ins.len()
    );
    assert!(board.people.len() >= 14);
    assert_eq!(board.decisions.len(), 5);
}

#[test]
fn the_example_shows_what_a_leader_should_notice() {
    let board = board();
    let local = board.initiatives.iter().filter(|i| i.is_local()).count();
    assert!((5..=7).contains(&local), "local work: {local}");
    assert!(
        board
            .initiatives
            .iter()
            .filter(|i| i.priority_ids.len() > 1)
            .count()
            >= 3
    );
    assert!(board.initiatives.iter().any(|i| i.owner_id.is_none()));
    assert!(board.teams.iter().any(|t| board.team_effort(&t.id) > 100));
    assert!(board.initiatives.iter().any(|i| i.status == Status::OnTrack
        && i.risks
            .iter()
            .any(|r| r.open && r.severity == Severity::High)));
    for state in [
        DependencyState::Requested,
        DependencyState::Accepted,
        DependencyState::Declined,
        DependencyState::Delivered,
    ] {
        assert!(
            board.dependencies.iter().any(|d| d.state == state),
            "{state:?}"
        );
    }
    for kind in [
        DecisionKind::Commit,
        DecisionKind::Stop,
        DecisionKind::Change,
        DecisionKind::Defer,
    ] {
        assert!(board.decisions.iter().any(|d| d.kind == kind), "{kind:?}");
    }
}

/// Health's chart draws the scores recorded with the reviews, then the score now: a
/// history that jumps to today's score would look like a fault in the board.
#[test]
fn the_scores_recorded_with_its_reviews_lead_to_the_score_it_has() {
    let board = board();
    let now = Now::utc(written().start().add_seconds(9 * 3600));
    let score = analyse_board(&board, now).board.score.unwrap();
    let mut recorded: Vec<(Timestamp, u8)> = board
        .reviews
        .iter()
        .map(|r| (r.at, r.score.unwrap()))
        .collect();
    recorded.sort_by_key(|&(at, _)| at);
    let scores: Vec<u8> = recorded.iter().map(|&(_, s)| s).chain([score]).collect();
    for step in scores.windows(2) {
        assert!(step[0].abs_diff(step[1]) <= 8, "{scores:?}");
    }
}

#[test]
fn every_latest_check_in_matches_its_initiative() {
    let board = board();
    for initiative in &board.initiatives {
        let latest = board
            .check_ins
            .iter()
            .filter(|c| c.initiative_id == initiative.id)
            .max_by_key(|c| c.at);
        if let Some(latest) = latest {
            assert_eq!(latest.status, initiative.status, "{}", initiative.id);
            assert_eq!(latest.progress, initiative.progress, "{}", initiative.id);
            assert_eq!(latest.at, initiative.updated_at, "{}", initiative.id);
            assert!(latest.at >= initiative.created_at, "{}", initiative.id);
        }
    }
}

#[test]
fn dependencies_never_point_at_their_own_team() {
    let board = board();
    for dependency in &board.dependencies {
        let from = board.initiative(&dependency.from_initiative_id).unwrap();
        assert_ne!(from.team_id, dependency.to_team_id, "{}", dependency.id);
        if let Some(to) = &dependency.to_initiative_id {
            assert_eq!(board.initiative(to).unwrap().team_id, dependency.to_team_id);
        }
    }
}

#[test]
fn each_lane_s_effort_is_the_sum_of_its_team_s_active_work() {
    let board = board();
    // Lanes in another order, and one of no team: each is counted by its id.
    let mut lanes: Vec<String> = board.teams.iter().rev().map(|t| t.id.clone()).collect();
    lanes.push("no-such-team".into());
    let efforts = board.team_efforts(&lanes);
    for (lane, effort) in lanes.iter().zip(&efforts) {
        let expected: u32 = board
            .initiatives
            .iter()
            .filter(|i| i.team_id == *lane && i.status.is_active())
            .map(|i| u32::from(i.effort))
            .sum();
        assert_eq!(*effort, expected, "lane {lane}");
    }
    assert!(efforts.iter().any(|e| *e > 0));
    assert_eq!(efforts.last(), Some(&0));
}
