#![cfg(not(target_arch = "wasm32"))]
//! The person's day, not UTC's. At 06:00Z on 4 December it is still 3 December in Honolulu
//! (UTC−10); at 17:00Z on 3 December it is already 4 December in Kiritimati (UTC+14). Due
//! and overdue, revisit dates, the next review, expected progress, a new board's period,
//! the wording of due dates and the date in an export's name all follow the local day.

mod core_support;

use alignment_board::core::coordination::{decisions, flags, DecisionFilter, Flag};
use alignment_board::core::days;
use alignment_board::core::health::{analyse, expected_progress};
use alignment_board::core::model::{Board, DependencyState, Review, ReviewKind};
use alignment_board::core::picture::svg;
use alignment_board::core::rhythm::due;
use alignment_board::core::snapshot::{self, file_name};
use alignment_board::core::time::Now;
use core_support::*;

/// 20:00 on 3 December in Honolulu.
fn honolulu() -> Now {
    Now::new(ts("2026-12-04T06:00:00Z"), -600).unwrap()
}

/// 07:00 on 4 December in Kiritimati.
fn kiritimati() -> Now {
    Now::new(ts("2026-12-03T17:00:00Z"), 14 * 60).unwrap()
}

#[test]
fn today_is_the_local_calendar_day_on_either_side_of_utc() {
    assert_eq!(honolulu().today(), date("2026-12-03"));
    assert_eq!(Now::utc(honolulu().at()).today(), date("2026-12-04"));
    assert_eq!(kiritimati().today(), date("2026-12-04"));
    assert_eq!(Now::utc(kiritimati().at()).today(), date("2026-12-03"));
    // A stored timestamp falls on the person's day too, and their day starts at their
    // midnight.
    assert_eq!(
        honolulu().day_of(ts("2026-12-01T09:00:00Z")),
        date("2026-11-30")
    );
    assert_eq!(
        kiritimati().day_of(ts("2026-12-01T11:00:00Z")),
        date("2026-12-02")
    );
    assert_eq!(
        honolulu().start_of(date("2026-12-03")),
        ts("2026-12-03T10:00:00Z")
    );
    assert_eq!(
        kiritimati().start_of(date("2026-12-04")),
        ts("2026-12-03T10:00:00Z")
    );
}

#[test]
fn now_reads_and_writes_the_persons_offset() {
    assert_eq!(Now::parse("2026-12-03T20:00:00-10:00"), Some(honolulu()));
    assert_eq!(honolulu().to_string(), "2026-12-03T20:00:00-10:00");
    assert_eq!(kiritimati().to_string(), "2026-12-04T07:00:00+14:00");
    assert_eq!(utc_now().to_string(), "2026-11-23T09:30:00Z");
    assert_eq!(honolulu().offset_minutes(), -600);
    assert_eq!(Now::new(now(), 24 * 60), None, "a day is no offset");
}

/// Small board's i-1 has been promised something from Platform by `due`.
fn promised_by(due: &str) -> Board {
    let mut board = small_board();
    board.rhythm.check_in_days = 7;
    board.dependencies[0].state = DependencyState::Accepted;
    board.dependencies[0].due = Some(date(due));
    board
}

#[test]
fn a_promise_is_late_only_once_the_local_due_day_has_passed() {
    let late = |board: &Board, now: Now| {
        flags(board, &board.dependencies[0], now)
            .iter()
            .any(|f| matches!(f, Flag::Late { .. }))
    };
    // Due 3 December: in Honolulu it is still that day, in UTC already the next.
    let board = promised_by("2026-12-03");
    assert!(!late(&board, honolulu()));
    assert!(late(&board, Now::utc(honolulu().at())));
    // In Kiritimati 3 December is over, though UTC is still on it.
    assert!(late(&board, kiritimati()));
    assert!(!late(&board, Now::utc(kiritimati().at())));
    // And the health analysis agrees.
    let findings = |now: Now| {
        analyse(&board, now)
            .board
            .parts
            .iter()
            .flat_map(|p| &p.findings)
            .filter(|f| f.reason.contains("1 day overdue, not delivered"))
            .count()
    };
    assert_eq!(findings(honolulu()), 0);
    assert_eq!(findings(kiritimati()), 1);
}

#[test]
fn a_revisit_is_due_on_the_local_day() {
    let mut board = small_board();
    board.decisions[0].revisit_on = Some(date("2026-12-04"));
    let due = DecisionFilter {
        revisit_due: true,
        ..Default::default()
    };
    assert!(decisions(&board, &due, honolulu().today()).is_empty());
    assert_eq!(decisions(&board, &due, kiritimati().today()), vec![0]);
}

#[test]
fn the_next_review_counts_from_the_local_day_of_the_last() {
    let mut board = small_board();
    board.rhythm.review_days = 14;
    // 09:00Z on 1 December is 23:00 on 30 November in Honolulu.
    board.reviews = vec![Review {
        id: "v-1".into(),
        at: ts("2026-12-01T09:00:00Z"),
        kind: ReviewKind::Review,
        summary: String::new(),
        score: None,
        team_id: None,
    }]
    .into();
    assert_eq!(
        due(&board, honolulu()).next_review,
        Some(date("2026-12-14"))
    );
    assert_eq!(
        due(&board, Now::utc(honolulu().at())).next_review,
        Some(date("2026-12-15"))
    );
}

#[test]
fn expected_progress_counts_local_days() {
    let mut i = small_board().initiatives[0].clone();
    // Created at 09:00Z on 1 December (30 November in Honolulu), due 10 December.
    i.created_at = ts("2026-12-01T09:00:00Z");
    i.due = Some(date("2026-12-10"));
    // Honolulu: day 3 (30 Nov → 3 Dec) of 11; UTC: day 3 (1 → 4 Dec) of 10.
    let local = expected_progress(&i, honolulu()).unwrap();
    let utc = expected_progress(&i, Now::utc(honolulu().at())).unwrap();
    assert!((local - 3.0 / 11.0 * 100.0).abs() < 1e-9, "{local}");
    assert!((utc - 3.0 / 10.0 * 100.0).abs() < 1e-9, "{utc}");
}

#[test]
fn a_new_board_takes_the_local_quarter() {
    // 20:00 on 31 December in Honolulu is 06:00Z on 1 January.
    let evening = Now::parse("2026-12-31T20:00:00-10:00").unwrap();
    let board = Board::blank("b-1".into(), evening.today());
    assert_eq!(board.period.label, "Q4 2026");
    assert_eq!(board.period.start, Some(date("2026-10-01")));
    assert_eq!(board.period.end, Some(date("2026-12-31")));
    // 01:00 on 1 January in Kiritimati is 11:00Z on 31 December.
    let morning = Now::parse("2027-01-01T01:00:00+14:00").unwrap();
    let board = Board::blank("b-1".into(), morning.today());
    assert_eq!(board.period.label, "Q1 2027");
    assert_eq!(board.period.start, Some(date("2027-01-01")));
}

#[test]
fn due_dates_are_worded_in_local_days() {
    let due = date("2026-12-04");
    assert_eq!(days::due(due, honolulu().today()), "tomorrow");
    assert_eq!(days::due(due, kiritimati().today()), "today");
    assert_eq!(
        days::due(date("2026-12-01"), honolulu().today()),
        "2 days overdue"
    );
    assert_eq!(
        days::due(date("2026-12-01"), kiritimati().today()),
        "3 days overdue"
    );
    assert_eq!(
        days::due(date("2026-12-03"), kiritimati().today()),
        "1 day overdue"
    );
    assert_eq!(
        days::due(date("2026-12-07"), honolulu().today()),
        "in 4 days"
    );
    assert_eq!(
        days::relative(date("2026-12-03"), kiritimati().today()),
        "yesterday"
    );
    assert_eq!(
        days::relative(date("2026-11-30"), honolulu().today()),
        "3 days ago"
    );
    assert_eq!(
        days::relative(date("2026-12-05"), honolulu().today()),
        "in 2 days"
    );
    assert_eq!(
        days::relative(date("2026-12-03"), honolulu().today()),
        "today"
    );
    // Days since something happened, as the Rhythm view and the health analysis say them.
    assert_eq!(
        [0, 1, 2].map(days::ago),
        ["today", "yesterday", "2 days ago"].map(String::from)
    );
}

#[test]
fn an_export_is_named_and_dated_on_the_local_day() {
    let board = small_board();
    assert_eq!(
        file_name(&board, honolulu().today()),
        "test-board-2026-12-03.alignment.json"
    );
    assert_eq!(
        file_name(&board, kiritimati().today()),
        "test-board-2026-12-04.alignment.json"
    );
    // The picture says the local day; its snapshot keeps the instant, in UTC.
    let picture = svg(&board, honolulu());
    assert!(picture.contains("exported 2026-12-03"), "{picture}");
    let inside = snapshot::read(&picture).unwrap();
    assert_eq!(inside.exported_at, Some(ts("2026-12-04T06:00:00Z")));
}

#[test]
fn a_promise_past_the_date_needed_says_by_how_many_days() {
    let needed = date("2026-12-17");
    assert_eq!(
        days::later_than_needed(date("2026-12-21"), needed).as_deref(),
        Some("4 days later than needed")
    );
    assert_eq!(
        days::later_than_needed(date("2026-12-18"), needed).as_deref(),
        Some("1 day later than needed")
    );
    assert_eq!(days::later_than_needed(needed, needed), None);
    assert_eq!(days::later_than_needed(date("2026-12-10"), needed), None);
}

#[test]
fn a_delivery_is_late_by_the_person_s_days() {
    let needed = date("2026-12-03");
    // 05:00 UTC on 4 December: still the 3rd in Honolulu, in time; the 4th in Kiritimati.
    let delivered = ts("2026-12-04T05:00:00Z");
    assert_eq!(days::late(honolulu().day_of(delivered), needed), None);
    assert_eq!(
        days::late(kiritimati().day_of(delivered), needed).as_deref(),
        Some("1 day late")
    );
    assert_eq!(
        days::late(date("2026-12-06"), needed).as_deref(),
        Some("3 days late")
    );
}
