//! The operating rhythm in the core: what is due against `now` (boundaries included),
//! the next review and planning dates, what happened since a review, the diff of two
//! boards for every kind of change, and the check-in, review and new-period actions.

mod core_support;
#[path = "support/example.rs"]
mod example;
#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::action::{reduce, Action, Settings};
use alignment_board::core::diff::{diff, Change, Kind};
use alignment_board::core::model::{
    Board, DecisionKind, DependencyState, Initiative, Period, PriorityStatus, Review, ReviewKind,
    Risk, Severity, Status,
};
use alignment_board::core::rhythm::{
    changed_since, days_ago, due, last_review, last_round, since, CountedFrom, Happened,
};
use alignment_board::core::time::Date;
use core_support::*;
use std::rc::Rc;

fn review(id: &str, at: &str, kind: ReviewKind) -> Review {
    Review {
        id: id.into(),
        at: ts(at),
        kind,
        summary: String::new(),
        score: Some(70),
        team_id: None,
    }
}

// Due-ness

#[test]
fn days_ago_are_the_persons_calendar_days() {
    // 09:30 UTC on 23 November: any hour of the 16th is 7 days ago, last night yesterday.
    assert_eq!(days_ago(ts("2026-11-16T09:30:00Z"), utc_now()), 7);
    assert_eq!(days_ago(ts("2026-11-16T23:59:59Z"), utc_now()), 7);
    assert_eq!(days_ago(ts("2026-11-22T23:00:00Z"), utc_now()), 1);
    assert_eq!(days_ago(now(), utc_now()), 0);
    assert_eq!(days_ago(ts("2026-11-30T09:30:00Z"), utc_now()), -7);
    // The same instant in Honolulu is 23:30 on the 22nd: 11:00 UTC that day was today.
    let honolulu = alignment_board::core::time::Now::parse("2026-11-22T23:30:00-10:00").unwrap();
    assert_eq!(honolulu.at(), now());
    assert_eq!(days_ago(ts("2026-11-22T11:00:00Z"), utc_now()), 1);
    assert_eq!(days_ago(ts("2026-11-22T11:00:00Z"), honolulu), 0);
}

#[test]
fn an_initiative_is_due_one_day_after_the_interval_not_on_its_last_day() {
    let mut board = small_board();
    board.rhythm.check_in_days = 7;
    // i-1: checked in on the 16th, 7 days ago, late in the day → not due
    board.check_ins[0].at = ts("2026-11-16T23:30:00Z");
    // i-2: never checked in, created on the 15th, 8 days ago, late in the day → due, 1 day late
    board.initiatives[1].created_at = ts("2026-11-15T23:59:59Z");
    // i-3: never checked in, created at the first second of the 16th → 7 days → not due
    board.initiatives[2].created_at = ts("2026-11-16T00:00:00Z");
    let due = due(&board, utc_now());
    assert_eq!(due.items.len(), 1);
    assert_eq!(due.items[0].initiative, 1);
    assert_eq!(due.items[0].last_check_in, None);
    assert_eq!((due.items[0].days_since, due.items[0].days_late), (8, 1));
    assert_eq!(due.fresh, 2);
}

#[test]
fn work_planned_before_its_period_waits_from_the_period_start_not_from_when_it_was_written() {
    let mut board = weekly_without_check_ins(Period {
        label: "Next".into(),
        start: Some(date("2026-11-13")),
        end: Some(date("2027-02-12")),
        ..Period::default()
    });
    // Written down in October, the period began 10 days ago: 3 days late, not 50.
    board.initiatives[0].created_at = ts("2026-10-01T09:00:00Z");
    // Added after the period began: from the day it was added.
    board.initiatives[1].created_at = ts("2026-11-14T09:00:00Z");
    board.initiatives[2].created_at = ts("2026-11-20T09:00:00Z");
    let items = due(&board, utc_now()).items;
    let seen: Vec<_> = (items.iter())
        .map(|d| (d.initiative, d.days_since, d.days_late, d.from))
        .collect();
    assert_eq!(
        seen,
        vec![
            (0, 10, 3, CountedFrom::PeriodStart),
            (1, 9, 2, CountedFrom::Added)
        ]
    );
    // Health says the same, in its words.
    assert_eq!(
        first_rhythm_finding(&board),
        "No check-in since the period started 10 days ago (due every 7)"
    );
    // A period planned ahead that has not begun has nothing due yet.
    board.period.start = Some(date("2026-12-01"));
    board.initiatives[1].created_at = ts("2026-10-02T09:00:00Z");
    assert!(due(&board, utc_now()).items.is_empty());
}

#[test]
fn work_carried_over_by_a_new_period_has_waited_since_it_was_added() {
    // The board started a period that begins in a week: what it carried over had never been
    // checked in, and the new period does not make it look on time.
    let mut board = weekly_without_check_ins(Period {
        label: "Next".into(),
        start: Some(date("2026-11-30")),
        end: Some(date("2027-02-28")),
        started_at: Some(ts("2026-11-20T10:00:00Z")),
    });
    // Carried: 53 days.
    board.initiatives[0].created_at = ts("2026-10-01T09:00:00Z");
    // Written down for the new period in the days before it was started (not yet due for a
    // check-in then), or after: planned ahead.
    board.initiatives[1].created_at = ts("2026-11-14T09:00:00Z");
    board.initiatives[2].created_at = ts("2026-11-22T09:00:00Z");
    let items = due(&board, utc_now()).items;
    let seen: Vec<_> = (items.iter())
        .map(|d| (d.initiative, d.days_since, d.from))
        .collect();
    assert_eq!(seen, vec![(0, 53, CountedFrom::Added)]);
    assert_eq!(
        first_rhythm_finding(&board),
        "No check-in since it was created 53 days ago (due every 7)"
    );
}

/// The small board with weekly check-ins and none made yet, in `period`.
fn weekly_without_check_ins(period: Period) -> Board {
    let mut board = small_board();
    board.rhythm.check_in_days = 7;
    board.check_ins.clear();
    board.period = period;
    board
}

/// The first finding of Health's rhythm part on `board`, now.
fn first_rhythm_finding(board: &Board) -> String {
    let analysis = alignment_board::core::health::analyse_board(board, utc_now());
    let rhythm = (analysis.board.parts.iter())
        .find(|p| p.kind == alignment_board::core::health::PartKind::Rhythm)
        .unwrap();
    rhythm.findings[0].reason.clone()
}

#[test]
fn due_items_come_longest_waiting_first_and_finished_work_is_never_due() {
    let mut board = small_board();
    board.check_ins[0].at = ts("2026-11-01T09:30:00Z"); // i-1: 22 days
    board.initiatives[1].created_at = ts("2026-10-01T09:30:00Z"); // i-2: 53 days
    board.initiatives[2].status = Status::Done;
    let due = due(&board, utc_now());
    let order: Vec<usize> = due.items.iter().map(|d| d.initiative).collect();
    assert_eq!(order, vec![1, 0]);
    assert_eq!(due.items[1].last_check_in, Some(ts("2026-11-01T09:30:00Z")));
    assert_eq!(due.fresh, 0);
}

#[test]
fn what_is_due_of_some_teams_leaves_the_others_work_out_and_counts_theirs_alone() {
    let mut board = small_board();
    board.check_ins[0].at = ts("2026-11-01T09:30:00Z"); // i-1, Product: due
    board.initiatives[1].created_at = ts("2026-10-01T09:30:00Z"); // i-2, Platform: due
    board.initiatives[2].created_at = ts("2026-11-20T09:30:00Z"); // i-3, Product: not due
    let all = due(&board, utc_now());
    assert_eq!((all.items.len(), all.fresh), (2, 1));
    let platform = all.clone().of_teams(&board, &["t-2"]);
    let order: Vec<usize> = platform.items.iter().map(|d| d.initiative).collect();
    assert_eq!((order, platform.fresh), (vec![1], 0));
    let product = all.clone().of_teams(&board, &["t-1"]);
    let order: Vec<usize> = product.items.iter().map(|d| d.initiative).collect();
    assert_eq!((order, product.fresh), (vec![0], 1));
    assert_eq!(
        product.next_review, all.next_review,
        "the review dates stay the board's"
    );
    assert_eq!(all.clone().of_teams(&board, &["t-1", "t-2"]), all);
}

#[test]
fn the_latest_check_in_wins_whatever_the_order_of_the_list() {
    let mut board = small_board();
    let mut newer = check_in("c-2", "i-1", None);
    newer.at = ts("2026-11-22T09:30:00Z");
    board.check_ins[0].at = ts("2026-10-01T09:30:00Z");
    board.check_ins.insert(0, newer);
    let due = due(&board, utc_now());
    assert!(due.items.iter().all(|d| d.initiative != 0));
}

#[test]
fn next_review_and_planning_follow_the_latest_session_or_the_period() {
    let mut board = small_board();
    board.rhythm.review_days = 28;
    board.rhythm.planning_days = 91;
    board.period = Period {
        label: "Q4 2026".into(),
        start: Some(date("2026-10-01")),
        end: Some(date("2026-12-31")),
        started_at: None,
    };
    let d = due(&board, utc_now());
    assert_eq!(d.next_review, Some(date("2026-10-29")));
    assert_eq!(d.next_planning, Some(date("2027-01-01")));

    board.reviews = vec![
        review("v-1", "2026-11-10T09:00:00Z", ReviewKind::Review),
        review("v-2", "2026-11-20T09:00:00Z", ReviewKind::CheckIn),
        review("v-3", "2026-10-02T09:00:00Z", ReviewKind::Planning),
    ]
    .into();
    let d = due(&board, utc_now());
    assert_eq!(
        d.next_review,
        Some(date("2026-12-08")),
        "a check-in round is not a review"
    );
    assert_eq!(
        d.next_planning,
        Some(date("2027-01-01")),
        "91 days after Oct 2"
    );
    assert_eq!(last_review(&board), Some(ts("2026-11-10T09:00:00Z")));
    // A period that ends before the rhythm's next planning wants one as it ends.
    board.reviews[2].at = ts("2026-10-20T09:00:00Z");
    assert_eq!(
        due(&board, utc_now()).next_planning,
        Some(date("2027-01-01"))
    );
    board.reviews[2].at = ts("2026-09-01T09:00:00Z");
    assert_eq!(
        due(&board, utc_now()).next_planning,
        Some(date("2026-12-01"))
    );
    // A planning after the period ended (its dates not moved on) counts by the rhythm.
    board.reviews[2].at = ts("2027-01-05T09:00:00Z");
    assert_eq!(
        due(&board, utc_now()).next_planning,
        Some(date("2027-04-06"))
    );

    board.period = Period::default();
    board.reviews.clear();
    let d = due(&board, utc_now());
    assert_eq!((d.next_review, d.next_planning), (None, None));
}

#[test]
fn a_team_s_last_check_in_round_is_its_own_not_the_board_s_nor_another_team_s() {
    let mut board = small_board();
    let round = |id: &str, at: &str, team: Option<&str>| Review {
        team_id: team.map(Into::into),
        ..review(id, at, ReviewKind::CheckIn)
    };
    board.reviews = vec![
        round("v-1", "2026-11-10T09:00:00Z", Some("t-1")),
        round("v-2", "2026-11-12T09:00:00Z", Some("t-2")),
        round("v-3", "2026-11-14T09:00:00Z", None),
        review("v-4", "2026-11-16T09:00:00Z", ReviewKind::Review),
    ]
    .into();
    assert_eq!(last_round(&board, "t-1"), Some(ts("2026-11-10T09:00:00Z")));
    assert_eq!(last_round(&board, "t-2"), Some(ts("2026-11-12T09:00:00Z")));
    assert_eq!(last_round(&board, "t-3"), None);
    assert_eq!(
        last_review(&board),
        Some(ts("2026-11-16T09:00:00Z")),
        "a team's round is no review of the board"
    );
}

#[test]
fn a_board_started_in_the_middle_of_its_period_is_not_due_for_a_review_from_its_first_day() {
    let mut board = small_board();
    board.rhythm.review_days = 28;
    board.period = Period {
        label: "Q4 2026".into(),
        start: Some(date("2026-10-01")),
        end: Some(date("2026-12-31")),
        started_at: None,
    };
    board.reviews.clear();
    // Its first initiative was added on 20 November, the others a day later: the first
    // review falls 28 days after the first.
    assert!(board.initiatives.len() >= 2);
    for at in 0..board.initiatives.len() {
        board.initiatives[at].created_at = ts("2026-11-21T09:00:00Z");
    }
    board.initiatives[1].created_at = ts("2026-11-20T09:00:00Z");
    assert_eq!(due(&board, utc_now()).next_review, Some(date("2026-12-18")));
    // Nothing on it yet: no date.
    board.initiatives = Default::default();
    assert_eq!(due(&board, utc_now()).next_review, None);
}

// Since the last review

#[test]
fn since_lists_what_the_board_recorded_after_a_moment_in_time_order() {
    let mut board = small_board();
    let review_at = ts("2026-11-15T00:00:00Z");
    // i-1: an earlier check-in and one after the review that flips its status
    let mut before = check_in("c-0", "i-1", None);
    before.at = ts("2026-11-10T00:00:00Z");
    before.status = Status::OnTrack;
    before.progress = 20;
    let mut after = check_in("c-1", "i-1", None);
    after.at = ts("2026-11-20T16:00:00Z");
    after.status = Status::AtRisk;
    after.progress = 25;
    board.check_ins = vec![after, before].into();
    // i-2 created after the review
    board.initiatives[1].created_at = ts("2026-11-16T00:00:00Z");
    board.initiatives[1].updated_at = ts("2026-11-16T00:00:00Z");
    // i-3 edited after the review without a check-in
    board.initiatives[2].updated_at = ts("2026-11-18T00:00:00Z");
    // the decision was taken before; the dependency answered after
    board.dependencies[0].state = DependencyState::Accepted;
    board.dependencies[0].answered_at = Some(ts("2026-11-17T00:00:00Z"));
    let happened = since(&board, review_at);
    assert_eq!(
        happened,
        vec![
            Happened::Added { initiative: 1 },
            Happened::Dependency { dependency: 0 },
            Happened::Edited { initiative: 2 },
            Happened::CheckedIn {
                initiative: 0,
                check_in: 0,
                status_before: Some(Status::OnTrack),
                progress_before: Some(20),
            },
        ]
    );
    assert!(since(&board, now()).is_empty());
    // A team's share: Product (t-1) has Wizard, Cleanup and the request it asked; Platform
    // (t-2) its new Status page and the request asked of it.
    let of = |team: &str| -> Vec<&Happened> {
        happened
            .iter()
            .filter(|h| h.concerns(&board, team))
            .collect()
    };
    assert_eq!(of("t-1"), vec![&happened[1], &happened[2], &happened[3]]);
    assert_eq!(of("t-2"), vec![&happened[0], &happened[1]]);
    assert!(of("t-9").is_empty());
    // i-1 stamped by its check-in a moment after it: no edit. Edited the next day (its
    // progress moved on its card, say): an edit after the check-in, listed last.
    board.initiatives[0].updated_at = ts("2026-11-20T16:00:20Z");
    assert!(!since(&board, review_at).contains(&Happened::Edited { initiative: 0 }));
    board.initiatives[0].updated_at = ts("2026-11-21T10:00:00Z");
    assert_eq!(
        since(&board, review_at).last(),
        Some(&Happened::Edited { initiative: 0 })
    );
}

#[test]
fn a_first_check_in_has_nothing_before_it_and_a_decision_since_is_listed() {
    let mut board = small_board();
    board.decisions[0].decided_at = ts("2026-11-21T00:00:00Z");
    let happened = since(&board, ts("2026-11-19T00:00:00Z"));
    assert_eq!(
        happened,
        vec![
            Happened::CheckedIn {
                initiative: 0,
                check_in: 0,
                status_before: None,
                progress_before: None,
            },
            Happened::Decided { decision: 0 },
        ]
    );
}

#[test]
fn a_review_looks_again_at_work_added_edited_or_whose_status_moved_not_at_every_check_in() {
    let mut board = small_board();
    let review_at = ts("2026-11-15T00:00:00Z");
    let at = |id: &str, initiative: &str, when: &str, status: Status| {
        let mut c = check_in(id, initiative, None);
        c.at = ts(when);
        c.status = status;
        c
    };
    // i-1, on track at the review: checked in twice since, on track again in the end (the
    // rhythm running as it should, not a change).
    // i-2, on track at the review: checked in since as at risk, and is now.
    // i-3, at risk at the review: two check-ins since, at risk in both (after one before).
    board.initiatives[1].status = Status::AtRisk;
    board.check_ins = vec![
        at("c-1", "i-1", "2026-11-10T09:00:00Z", Status::OnTrack),
        at("c-2", "i-1", "2026-11-17T09:00:00Z", Status::AtRisk),
        at("c-3", "i-1", "2026-11-21T09:00:00Z", Status::OnTrack),
        at("c-4", "i-2", "2026-11-12T09:00:00Z", Status::OnTrack),
        at("c-5", "i-2", "2026-11-19T09:00:00Z", Status::AtRisk),
        at("c-6", "i-3", "2026-11-12T09:00:00Z", Status::AtRisk),
        at("c-7", "i-3", "2026-11-19T09:00:00Z", Status::AtRisk),
        at("c-8", "i-3", "2026-11-22T09:00:00Z", Status::AtRisk),
    ]
    .into();
    assert_eq!(changed_since(&board, review_at), vec![1]);

    // Work added since, or edited since without a check-in, is looked at whatever its status.
    let mut added = initiative("i-4", "Pricing page", "t-2", &["pr-3"]);
    added.created_at = ts("2026-11-16T00:00:00Z");
    added.updated_at = added.created_at;
    board.initiatives.push(added);
    board.check_ins.retain(|c| c.initiative_id != "i-3");
    board.initiatives[2].updated_at = ts("2026-11-18T00:00:00Z");
    assert_eq!(changed_since(&board, review_at), vec![1, 2, 3]);

    // Work first checked in since the review is looked at when its status moved after that
    // first check-in: i-2, now at risk, first said on track; not when it first said at risk.
    board.check_ins.retain(|c| c.id != "c-4");
    board
        .check_ins
        .push(at("c-9", "i-2", "2026-11-16T09:00:00Z", Status::OnTrack));
    assert_eq!(changed_since(&board, review_at), vec![1, 2, 3]);
    board.check_ins.retain(|c| c.id != "c-9");
    assert_eq!(changed_since(&board, review_at), vec![2, 3]);
    assert!(changed_since(&board, now()).is_empty());

    // i-1, checked in since, then renamed a day after its latest check-in: an edit to look at.
    // The check-in's own stamp on it, a moment after the check-in, is not.
    board.initiatives[0].updated_at = ts("2026-11-21T09:00:30Z");
    assert_eq!(changed_since(&board, review_at), vec![2, 3]);
    board.initiatives[0].updated_at = ts("2026-11-22T10:00:00Z");
    assert_eq!(changed_since(&board, review_at), vec![0, 2, 3]);
}

// Diff

#[test]
fn the_same_board_has_no_differences() {
    let board = small_board();
    assert!(diff(&board, &board).is_empty());
    let example = example::example_board(now().utc_date());
    assert!(diff(&example, &example.clone()).is_empty());
}

#[test]
fn diff_names_added_removed_and_changed_items_of_every_kind() {
    let before = small_board();
    let mut after = before.clone();
    // priorities: pr-3 removed, pr-2 renamed and re-owned, pr-4 added
    after.priorities.retain(|p| p.id != "pr-3");
    after.priorities[1].title = "Uptime".into();
    after.priorities[1].owner_id = Some("p-2".into());
    after.priorities.push(priority("pr-4", "Partners", 3));
    // initiatives: i-1 moved to Platform and to pr-2, status and progress changed
    let wizard = &mut after.initiatives[0];
    wizard.team_id = "t-2".into();
    wizard.priority_ids = ids(&["pr-2"]);
    wizard.status = Status::OffTrack;
    wizard.progress = 45;
    wizard.risks.push(Risk {
        id: "r-1".into(),
        text: "Vendor".into(),
        severity: Severity::High,
        open: true,
    });
    // i-3 removed, i-4 added
    after.initiatives.retain(|i| i.id != "i-3");
    after
        .initiatives
        .push(initiative("i-4", "Billing", "t-1", &[]));
    // team lead, person team, dependency state, decision kind
    after.teams[1].lead_id = Some("p-2".into());
    after.people[1].team_id = None;
    after.dependencies[0].state = DependencyState::Declined;
    after.decisions[0].kind = DecisionKind::Stop;

    let d = diff(&before, &after);
    let summary: Vec<(Kind, &str, &str)> = d
        .items
        .iter()
        .map(|x| {
            let change = match &x.change {
                Change::Added => "added",
                Change::Removed => "removed",
                Change::Changed(_) => "changed",
            };
            (x.kind, x.id.as_str(), change)
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (Kind::Priority, "pr-2", "changed"),
            (Kind::Priority, "pr-4", "added"),
            (Kind::Priority, "pr-3", "removed"),
            (Kind::Initiative, "i-1", "changed"),
            (Kind::Initiative, "i-4", "added"),
            (Kind::Initiative, "i-3", "removed"),
            (Kind::Team, "t-2", "changed"),
            (Kind::Person, "p-2", "changed"),
            (Kind::Dependency, "d-1", "changed"),
            (Kind::Decision, "x-1", "changed"),
        ]
    );
    let renamed = &d.items[0];
    assert_eq!(renamed.name, "Uptime");
    let title = renamed.field("title").unwrap();
    assert_eq!(
        (title.before.as_str(), title.after.as_str()),
        ("Reliability", "Uptime")
    );
    let owner = renamed.field("owner").unwrap();
    assert_eq!(
        (owner.before.as_str(), owner.after.as_str()),
        ("none", "Sam")
    );

    let moved = &d.items[3];
    let names: Vec<&str> = match &moved.change {
        Change::Changed(fields) => fields.iter().map(|f| f.name).collect(),
        _ => unreachable!(),
    };
    assert_eq!(
        names,
        vec!["team", "priorities", "status", "progress", "open risks"]
    );
    assert_eq!(moved.field("team").unwrap().after, "Platform");
    assert_eq!(moved.field("priorities").unwrap().before, "Onboarding");
    assert_eq!(moved.field("priorities").unwrap().after, "Uptime");
    assert_eq!(moved.field("status").unwrap().after, "Off track");
    assert_eq!(moved.field("progress").unwrap().before, "0 %");
    assert_eq!(moved.field("open risks").unwrap().before, "none");
    assert_eq!(d.items[8].field("state").unwrap().after, "declined");
    assert_eq!(d.items[9].field("kind").unwrap().after, "stop");
    assert_eq!(d.items[7].field("team").unwrap().after, "none");
    assert_eq!(d.counts(Kind::Priority), (1, 1, 1));
    assert_eq!(d.counts(Kind::Initiative), (1, 1, 1));
}

#[test]
fn moving_work_to_local_and_back_reads_as_local_work() {
    let before = small_board();
    let mut after = before.clone();
    after.initiatives[0].priority_ids.clear();
    let d = diff(&before, &after);
    let field = d.items[0].field("priorities").unwrap();
    assert_eq!(
        (field.before.as_str(), field.after.as_str()),
        ("Onboarding", "local work")
    );
    let back = diff(&after, &before);
    assert_eq!(
        back.items[0].field("priorities").unwrap().after,
        "Onboarding"
    );
}

#[test]
fn diff_of_two_large_boards_matches_by_id_not_position() {
    let mut before = small_board();
    for n in 4..=400 {
        before.initiatives.push(initiative(
            &format!("i-{n}"),
            &format!("Work {n}"),
            "t-1",
            &["pr-1"],
        ));
    }
    let mut after = before.clone();
    after.initiatives = after.initiatives.iter().rev().cloned().collect();
    assert!(
        diff(&before, &after).is_empty(),
        "reordering changes nothing"
    );
    after.initiatives[10].progress = 50;
    let d = diff(&before, &after);
    assert_eq!(d.items.len(), 1);
    assert_eq!(d.items[0].id, after.initiatives[10].id);
}

// Actions

#[test]
fn a_check_in_is_kept_and_sets_the_initiatives_figures() {
    let board = Rc::new(small_board());
    let mut c = check_in("c-9", "i-2", Some("p-2"));
    c.at = now();
    c.status = Status::AtRisk;
    c.progress = 40;
    c.confidence = Some(4);
    let next = reduce(&board, Action::CheckIn(c.clone()), now()).unwrap();
    let i = next.initiative("i-2").unwrap();
    assert_eq!(
        (i.status, i.progress, i.confidence),
        (Status::AtRisk, 40, Some(4))
    );
    assert_eq!(i.updated_at, now());
    assert_eq!(next.check_ins.iter().next_back(), Some(&c));
    assert!(due(&next, utc_now())
        .items
        .iter()
        .all(|d| d.initiative != 1));

    let mut stray = c;
    stray.initiative_id = "i-99".into();
    assert!(reduce(&board, Action::CheckIn(stray), now()).is_err());
}

#[test]
fn a_check_in_saved_again_under_its_id_replaces_the_first_and_sets_the_figures_anew() {
    let board = Rc::new(small_board());
    let mut c = check_in("c-9", "i-2", Some("p-2"));
    c.at = now();
    c.progress = 40;
    let once = reduce(&board, Action::CheckIn(c.clone()), now()).unwrap();
    let mut again = c.clone();
    again.progress = 55;
    again.note = "Corrected in the review".into();
    let twice = reduce(&once, Action::CheckIn(again.clone()), now()).unwrap();
    assert_eq!(
        twice.check_ins.len(),
        once.check_ins.len(),
        "not said twice"
    );
    assert_eq!(
        twice
            .check_ins
            .iter()
            .filter(|x| x.id == "c-9")
            .collect::<Vec<_>>(),
        [&again]
    );
    assert_eq!(twice.initiative("i-2").unwrap().progress, 55);
    // The same id on another initiative is not a correction: it is refused as a repeated id.
    let mut elsewhere = again;
    elsewhere.initiative_id = "i-1".into();
    assert!(reduce(&twice, Action::CheckIn(elsewhere), now()).is_err());
}

#[test]
fn a_review_is_recorded() {
    let board = Rc::new(small_board());
    let r = review("v-1", "2026-11-23T09:30:00Z", ReviewKind::Review);
    let next = reduce(&board, Action::RecordReview(r.clone()), now()).unwrap();
    assert_eq!(next.reviews, vec![r]);
}

#[test]
fn a_new_period_carries_over_what_was_chosen_and_keeps_history() {
    let mut start = small_board();
    start.check_ins[0].at = ts("2026-11-20T16:00:00Z");
    let board = Rc::new(start);
    let period = Period {
        label: "Q1 2027".into(),
        start: Some(date("2027-01-01")),
        end: Some(date("2027-03-31")),
        started_at: None,
    };
    let next = reduce(
        &board,
        Action::StartPeriod {
            period: period.clone(),
            priorities: vec![
                ("pr-1".into(), PriorityStatus::Achieved),
                ("pr-2".into(), PriorityStatus::Active),
                ("pr-3".into(), PriorityStatus::Active),
            ],
            carry_initiatives: ids(&["i-2"]),
            carried_due: None,
            review: review("v-1", "2026-11-23T09:30:00Z", ReviewKind::Planning),
        },
        now(),
    )
    .unwrap();
    assert_eq!(
        next.period,
        Period {
            started_at: Some(now()),
            ..period
        },
        "the period as given, and when the board started it"
    );
    let statuses: Vec<(&str, PriorityStatus, u32)> = next
        .priorities
        .iter()
        .map(|p| (p.id.as_str(), p.status, p.rank))
        .collect();
    // pr-1 achieved; pr-2 and pr-3 carried over and ranked 1 and 2
    assert_eq!(
        statuses[1..],
        [
            ("pr-2", PriorityStatus::Active, 1),
            ("pr-3", PriorityStatus::Active, 2)
        ]
    );
    assert_eq!(statuses[0].1, PriorityStatus::Achieved);
    let status = |id: &str| next.initiative(id).unwrap().status;
    assert_eq!(status("i-1"), Status::Dropped);
    assert_eq!(status("i-2"), Status::NotStarted, "carried over unchanged");
    assert_eq!(status("i-3"), Status::Dropped);
    assert_eq!(next.check_ins, board.check_ins, "history stays");
    assert_eq!(next.decisions, board.decisions);
    assert_eq!(next.reviews.len(), 1);
    assert_eq!(next.reviews[0].kind, ReviewKind::Planning);
}

/// Starts Q1 2027 (January to March) with every priority carried over, `carry` carried and
/// `carried_due` given to carried work due before it.
fn start_q1(carry: &[&str], carried_due: Option<&str>) -> Action {
    Action::StartPeriod {
        period: Period {
            label: "Q1 2027".into(),
            start: Some(date("2027-01-01")),
            end: Some(date("2027-03-31")),
            started_at: None,
        },
        priorities: Vec::new(),
        carry_initiatives: ids(carry),
        carried_due: carried_due.map(date),
        review: review("v-1", "2026-11-23T09:30:00Z", ReviewKind::Planning),
    }
}

#[test]
fn work_done_or_dropped_before_the_board_started_its_period_is_an_earlier_period_s() {
    let mut start = small_board();
    // Wizard done a week before; Status page carried; Cleanup left behind.
    start.initiatives.update_where(
        |i| i.id == "i-1",
        |i| {
            i.status = Status::Done;
            i.updated_at = ts("2026-11-16T12:00:00Z");
        },
    );
    let board = Rc::new(start);
    assert_eq!(
        board.earlier_count(),
        0,
        "a period set by hand has no earlier work"
    );
    let next = reduce(&board, start_q1(&["i-2"], None), now()).unwrap();
    let earlier = |board: &Board| -> Vec<bool> {
        board
            .initiatives
            .iter()
            .map(|i| board.is_earlier(i))
            .collect()
    };
    assert_eq!(
        earlier(&next),
        [true, false, true],
        "done before, dropped as it started; carried work is this period's"
    );
    assert_eq!(next.earlier_count(), 2);
    // The period's name and dates changed by hand keep when it was started.
    let settings = Settings {
        title: next.title.clone(),
        purpose: next.purpose.clone(),
        period: Period {
            label: "First quarter".into(),
            started_at: None,
            ..next.period.clone()
        },
        rhythm: next.rhythm,
    };
    let renamed = reduce(
        &next,
        Action::UpdateSettings(settings),
        ts("2026-11-24T09:00:00Z"),
    )
    .unwrap();
    assert_eq!(renamed.period.started_at, Some(now()));
    assert_eq!(earlier(&renamed), [true, false, true]);
    // Tidying the board up around it (its priority deleted, its team merged into another)
    // leaves earlier work earlier; work of this period is stamped as changed.
    let later = ts("2026-11-24T10:00:00Z");
    let tidied = reduce(&renamed, Action::DeletePriority("pr-1".into()), later).unwrap();
    let tidied = reduce(
        &tidied,
        Action::DeleteTeam {
            id: "t-1".into(),
            move_initiatives_to: Some("t-2".into()),
        },
        later,
    )
    .unwrap();
    assert_eq!(tidied.initiatives[0].priority_ids, Vec::<String>::new());
    assert_eq!(tidied.initiatives[2].team_id, "t-2");
    assert_eq!(earlier(&tidied), [true, false, true]);
    assert_eq!(
        tidied.initiatives[1].updated_at, later,
        "Status page lost a priority"
    );
    // Taken up again, earlier work is this period's.
    let mut wizard = renamed.initiative("i-1").unwrap().clone();
    wizard.status = Status::OnTrack;
    let reopened = reduce(
        &renamed,
        Action::UpdateInitiative(wizard),
        ts("2026-11-25T09:00:00Z"),
    )
    .unwrap();
    assert_eq!(earlier(&reopened), [false, false, true]);
}

#[test]
fn a_new_period_moves_carried_work_due_before_it_to_the_date_given() {
    let mut start = small_board();
    let due = |board: &mut Board, id: &str, on: &str| {
        board
            .initiatives
            .update_where(|i| i.id == id, |i| i.due = Some(date(on)));
    };
    // Wizard and Status page carried, Cleanup left behind; Wizard due before the period
    // starts, Status page due inside it, Cleanup before it.
    due(&mut start, "i-1", "2026-12-15");
    due(&mut start, "i-2", "2027-02-01");
    due(&mut start, "i-3", "2026-12-01");
    let board = Rc::new(start);
    let start_period = |carried_due: Option<&str>| {
        reduce(&board, start_q1(&["i-1", "i-2"], carried_due), now()).unwrap()
    };
    let dues = |next: &Board| -> Vec<(Option<Date>, bool)> {
        let was = |i: &Initiative| board.initiative(&i.id).unwrap().updated_at == i.updated_at;
        next.initiatives.iter().map(|i| (i.due, was(i))).collect()
    };
    let moved = start_period(Some("2027-03-31"));
    assert_eq!(
        dues(&moved),
        [
            (Some(date("2027-03-31")), false),
            (Some(date("2027-02-01")), true),
            (Some(date("2026-12-01")), false),
        ],
        "only carried work due before the start moves; work left behind keeps its date as it is dropped"
    );
    assert_eq!(moved.initiative("i-3").unwrap().status, Status::Dropped);
    let kept = start_period(None);
    assert_eq!(
        kept.initiatives.iter().map(|i| i.due).collect::<Vec<_>>(),
        board.initiatives.iter().map(|i| i.due).collect::<Vec<_>>(),
        "without a date every due date stays"
    );
}

#[test]
fn every_new_action_can_be_undone_exactly() {
    use alignment_board::core::history::History;
    let board = Rc::new(small_board());
    let mut history = History::new(board.clone());
    let mut c = check_in("c-9", "i-1", None);
    c.at = now();
    history.apply(Action::CheckIn(c), now()).unwrap();
    history
        .apply(
            Action::RecordReview(review("v-1", "2026-11-23T09:30:00Z", ReviewKind::Review)),
            now(),
        )
        .unwrap();
    history.undo().unwrap();
    history.undo().unwrap();
    assert_eq!(**history.board(), *board);
}

#[test]
fn generated_boards_are_sound_reproducible_and_diff_as_expected() {
    use crate::generate_board::{big_board, evolved, Size};
    use alignment_board::core::validate::problems;
    let size = Size {
        teams: 40,
        priorities: 12,
        initiatives: 2000,
        check_ins: 20_000,
    };
    let board = big_board(size, now().utc_date());
    assert!(
        problems(&board).is_empty(),
        "{:?}",
        problems(&board).first()
    );
    assert_eq!(board, big_board(size, now().utc_date()));
    assert_eq!(board.initiatives.len(), 2000);
    assert_eq!(board.check_ins.len(), 20_000);
    let later = evolved(&board);
    assert!(
        problems(&later).is_empty(),
        "{:?}",
        problems(&later).first()
    );
    let d = diff(&board, &later);
    // 20 removed (every hundredth), 20 added, and the changed ones: every tenth's status
    // (200, less the removed: none of i % 10 == 3 is i % 100 == 50), plus renames and moves.
    let (added, removed, changed) = d.counts(Kind::Initiative);
    assert_eq!((added, removed), (20, 20));
    assert!((200..=260).contains(&changed), "{changed}");
}

#[test]
fn a_date_outside_the_period_is_said_to_be_before_or_after_it() {
    use std::cmp::Ordering::{Greater, Less};
    let mut period = alignment_board::core::model::Period {
        label: "Q1 2027".into(),
        start: Some(date("2027-01-01")),
        end: Some(date("2027-03-31")),
        started_at: None,
    };
    assert_eq!(period.outside(date("2026-12-31")), Some(Less));
    assert_eq!(period.outside(date("2027-01-01")), None);
    assert_eq!(period.outside(date("2027-03-31")), None);
    assert_eq!(period.outside(date("2027-04-01")), Some(Greater));
    period.end = None;
    assert_eq!(
        period.outside(date("2030-01-01")),
        None,
        "no last day, no after"
    );
    period.start = None;
    assert_eq!(period.outside(date("2000-01-01")), None);
}
