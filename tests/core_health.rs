//! The health analysis on small hand-built boards: every part's figure worked out by hand
//! in the test, the items it names, team scopes, allocation, and the edge cases (nothing
//! on the board, zero effort, all local work). `now` is fixed, so every figure is exact.

mod core_support;

use alignment_board::core::health::{
    analyse, effort_ranks, expected_progress, pearson, suggested_share, Analysis, PartKind, Subject,
};
use alignment_board::core::model::{
    Board, DependencyState, Initiative, PriorityStatus, Review, ReviewKind, Risk, Severity, Status,
};
use core_support::*;

/// A board with two teams and nobody late for anything, to change one thing at a time:
/// teams `t-1` Core and `t-2` Apps, people `p-1` Ada and `p-2` Bo, no priorities yet.
fn base() -> Board {
    let mut board = empty_board();
    board.people = vec![
        person("p-1", "Ada", Some("t-1")),
        person("p-2", "Bo", Some("t-2")),
    ];
    board.teams = vec![
        team("t-1", "Core", Some("p-1")),
        team("t-2", "Apps", Some("p-2")),
    ];
    board
}

/// An active, owned, on-track initiative with `effort`, created yesterday (so not late
/// for a check-in) and without a due date.
fn work(id: &str, team: &str, priorities: &[&str], effort: u8) -> Initiative {
    let mut i = initiative(id, id, team, priorities);
    i.effort = effort;
    i.status = Status::OnTrack;
    i.owner_id = Some(if team == "t-1" { "p-1" } else { "p-2" }.into());
    i.created_at = ts("2026-11-22T09:00:00Z");
    i.updated_at = i.created_at;
    i
}

fn owned_priority(id: &str, rank: u32) -> alignment_board::core::model::Priority {
    let mut p = priority(id, &format!("Priority {id}"), rank);
    p.owner_id = Some("p-1".into());
    p
}

fn score(analysis: &Analysis, kind: PartKind) -> Option<u8> {
    analysis.board.part(kind).score
}

fn subjects(analysis: &Analysis, kind: PartKind) -> Vec<Subject> {
    analysis
        .board
        .part(kind)
        .findings
        .iter()
        .map(|f| f.subject.clone())
        .collect()
}

fn initiative_subject(id: &str) -> Subject {
    Subject::Initiative(id.into())
}

/// The worked example of docs/health.md.
fn documented_example() -> Board {
    let mut board = base();
    board.priorities = vec![owned_priority("P1", 1), owned_priority("P2", 2)];
    board.initiatives = vec![
        work("A", "t-1", &["P1"], 60),
        work("B", "t-1", &["P1", "P2"], 40),
        work("C", "t-2", &[], 30),
        work("D", "t-2", &["P2"], 50),
    ];
    board
}

#[test]
fn the_documented_worked_example_scores_96() {
    let a = analyse(&documented_example(), now());
    // aligned 60 + 40 + 50 = 150 of 180 → 0.833 → 83
    assert_eq!(score(&a, PartKind::Focus), Some(83));
    assert_eq!(score(&a, PartKind::Coverage), Some(100));
    // P1 gets 60 + 20 = 80, P2 gets 20 + 50 = 70: the order of the ranks, ρ = 1
    assert_eq!(score(&a, PartKind::RankFit), Some(100));
    assert_eq!(score(&a, PartKind::Accountability), Some(100));
    assert_eq!(score(&a, PartKind::Capacity), Some(100));
    assert_eq!(score(&a, PartKind::Rhythm), Some(100));
    assert_eq!(score(&a, PartKind::Dependencies), None);
    assert_eq!(score(&a, PartKind::HonestStatus), Some(100));
    // (20 × 83 + 15 × 100 + 10 × 100 × 3 + 15 × 100 + 10 × 100) ÷ 90 = 8660 ÷ 90 = 96.2
    assert_eq!(a.board.score, Some(96));
}

#[test]
fn the_same_board_and_instant_give_the_same_analysis() {
    let board = alignment_board::core::example::example_board(now().date());
    assert_eq!(analyse(&board, now()), analyse(&board, now()));
}

#[test]
fn every_part_of_the_example_that_loses_points_names_its_items() {
    let board = alignment_board::core::example::example_board(now().date());
    let a = analyse(&board, now());
    let score = a.board.score.expect("the example has a score");
    assert!(
        score > 50 && score < 100,
        "the example shows drift: {score}"
    );
    for health in std::iter::once(&a.board).chain(a.teams.iter().map(|(_, h)| h)) {
        for part in &health.parts {
            if part.score.is_some_and(|s| s < 100) {
                assert!(
                    !part.findings.is_empty(),
                    "{:?} costs points but names nothing",
                    part.kind
                );
            }
        }
    }
}

// Focus

#[test]
fn focus_weighs_by_effort_not_by_initiatives() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)];
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 80),
        work("i-2", "t-1", &[], 10),
        work("i-3", "t-2", &[], 10),
    ];
    let a = analyse(&board, now());
    // 80 of 100 effort serves a priority, though only 1 of 3 initiatives does
    assert_eq!(score(&a, PartKind::Focus), Some(80));
    assert_eq!(
        a.board.part(PartKind::Focus).summary,
        "80 % of active effort serves an active priority; 20 % is local work (2 initiatives)."
    );
    assert_eq!(
        subjects(&a, PartKind::Focus),
        vec![initiative_subject("i-2"), initiative_subject("i-3")]
    );
}

#[test]
fn focus_lists_local_work_by_effort_and_counts_finished_priorities_as_local() {
    let mut board = base();
    let mut done = owned_priority("pr-2", 2);
    done.status = PriorityStatus::Achieved;
    board.priorities = vec![owned_priority("pr-1", 1), done];
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 50),
        work("i-2", "t-1", &["pr-2"], 10),
        work("i-3", "t-2", &[], 40),
    ];
    let a = analyse(&board, now());
    // 50 of 100 → 50; i-3 (40) before i-2 (10)
    assert_eq!(score(&a, PartKind::Focus), Some(50));
    let part = a.board.part(PartKind::Focus);
    assert_eq!(
        subjects(&a, PartKind::Focus),
        vec![initiative_subject("i-3"), initiative_subject("i-2")]
    );
    assert_eq!(part.findings[0].reason, "Local work, 40 % effort");
    assert_eq!(
        part.findings[1].reason,
        "Serves only finished priorities (“Priority pr-2”), 10 % effort"
    );
}

#[test]
fn focus_counts_initiatives_when_no_effort_is_recorded() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)];
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 0),
        work("i-2", "t-1", &["pr-1"], 0),
        work("i-3", "t-2", &[], 0),
    ];
    // 2 of 3 initiatives serve a priority → 67
    assert_eq!(score(&analyse(&board, now()), PartKind::Focus), Some(67));
}

#[test]
fn done_and_dropped_work_is_left_out() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)];
    let mut done = work("i-2", "t-1", &[], 90);
    done.status = Status::Done;
    let mut dropped = work("i-3", "t-1", &[], 90);
    dropped.status = Status::Dropped;
    board.initiatives = vec![work("i-1", "t-1", &["pr-1"], 20), done, dropped];
    let a = analyse(&board, now());
    assert_eq!(score(&a, PartKind::Focus), Some(100));
    assert_eq!(
        score(&a, PartKind::Capacity),
        Some(100),
        "only active effort loads a team"
    );
}

// Coverage

#[test]
fn coverage_weighs_uncovered_priorities_by_rank() {
    let mut board = base();
    board.priorities = (1..=4)
        .map(|r| owned_priority(&format!("pr-{r}"), r))
        .collect();
    board.initiatives = vec![work("i-1", "t-1", &["pr-2", "pr-3"], 10)];
    let a = analyse(&board, now());
    // weights 4, 3, 2, 1 (total 10); pr-1 (4) and pr-4 (1) uncovered → 1 − 5/10 → 50
    assert_eq!(score(&a, PartKind::Coverage), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Coverage),
        vec![
            Subject::Priority("pr-1".into()),
            Subject::Priority("pr-4".into())
        ]
    );
    assert_eq!(
        a.board.part(PartKind::Coverage).findings[0].reason,
        "Rank 1: no active initiative serves it"
    );
    assert_eq!(
        a.board.part(PartKind::Coverage).summary,
        "2 of 4 active priorities have active work behind them."
    );
}

#[test]
fn coverage_ignores_finished_work() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1), owned_priority("pr-2", 2)];
    let mut done = work("i-2", "t-1", &["pr-1"], 10);
    done.status = Status::Done;
    board.initiatives = vec![done, work("i-1", "t-1", &["pr-2"], 10)];
    // weights 2 and 1; pr-1 (2) has only done work → 1 − 2/3 → 33
    assert_eq!(score(&analyse(&board, now()), PartKind::Coverage), Some(33));
}

// Rank fit

#[test]
fn rank_fit_is_100_when_effort_follows_the_ranking_and_0_when_reversed() {
    let mut board = base();
    board.priorities = (1..=3)
        .map(|r| owned_priority(&format!("pr-{r}"), r))
        .collect();
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 50),
        work("i-2", "t-1", &["pr-2"], 30),
        work("i-3", "t-2", &["pr-3"], 10),
    ];
    let a = analyse(&board, now());
    assert_eq!(score(&a, PartKind::RankFit), Some(100));
    assert!(subjects(&a, PartKind::RankFit).is_empty());

    board.initiatives[0].effort = 10;
    board.initiatives[2].effort = 50;
    let a = analyse(&board, now());
    // effort ranks 3, 2, 1 against 1, 2, 3: ρ = −1 → 0
    assert_eq!(score(&a, PartKind::RankFit), Some(0));
    assert_eq!(
        a.board.part(PartKind::RankFit).summary,
        "Effort runs against the ranking (rank correlation −1.00)."
    );
    // pr-1 and pr-3 are two places out, pr-2 is where it belongs
    assert_eq!(
        subjects(&a, PartKind::RankFit),
        vec![
            Subject::Priority("pr-1".into()),
            Subject::Priority("pr-3".into())
        ]
    );
    // pr-1 gets 10 of 90 = 11 %; rank 1 of 3 suggests 3/6 = 50 %
    assert_eq!(
        a.board.part(PartKind::RankFit).findings[0].reason,
        "Rank 1, but 3rd by effort: 11 % of the effort on priorities, less than the 50 % its rank suggests"
    );
}

#[test]
fn rank_fit_gives_50_when_every_priority_gets_the_same() {
    let mut board = base();
    board.priorities = (1..=3)
        .map(|r| owned_priority(&format!("pr-{r}"), r))
        .collect();
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 20),
        work("i-2", "t-1", &["pr-2"], 20),
        work("i-3", "t-2", &["pr-3"], 20),
    ];
    let a = analyse(&board, now());
    assert_eq!(score(&a, PartKind::RankFit), Some(50));
    // all tie at mean rank 2: ranks 1 and 3 are out of place, rank 2 is not
    let part = a.board.part(PartKind::RankFit);
    assert_eq!(part.findings.len(), 2);
    assert!(
        part.findings[0].reason.contains("joint 1st by effort"),
        "{}",
        part.findings[0].reason
    );
}

#[test]
fn rank_fit_does_not_apply_without_two_priorities_or_effort_on_them() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)];
    board.initiatives = vec![work("i-1", "t-1", &["pr-1"], 20)];
    assert_eq!(score(&analyse(&board, now()), PartKind::RankFit), None);
    board.priorities.push(owned_priority("pr-2", 2));
    board.initiatives[0].priority_ids.clear();
    assert_eq!(score(&analyse(&board, now()), PartKind::RankFit), None);
}

#[test]
fn effort_ranks_share_ties_and_pearson_is_zero_without_variation() {
    assert_eq!(
        effort_ranks(&[10.0, 30.0, 30.0, 5.0]),
        vec![3.0, 1.5, 1.5, 4.0]
    );
    assert_eq!(pearson(&[1.0, 2.0, 3.0], &[2.0, 2.0, 2.0]), 0.0);
    assert!((pearson(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0]) - 0.5).abs() < 1e-9);
    // 5 priorities: 5/15, 4/15, 3/15, 2/15, 1/15
    assert!((suggested_share(0, 5) - 1.0 / 3.0).abs() < 1e-9);
    assert!((suggested_share(4, 5) - 1.0 / 15.0).abs() < 1e-9);
}

// Accountability

#[test]
fn accountability_counts_unowned_items_and_load_over_the_limit() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1), priority("pr-2", "Unowned", 2)];
    let mut unowned = work("i-1", "t-1", &["pr-1"], 5);
    unowned.owner_id = None;
    board.initiatives = vec![unowned];
    for n in 2..=6 {
        board
            .initiatives
            .push(work(&format!("i-{n}"), "t-2", &["pr-2"], 5));
    }
    let a = analyse(&board, now());
    // items: 2 priorities + 6 initiatives = 8; problems: pr-2 and i-1 unowned, Bo owns 5
    // (2 over the limit of 3) → 4 → 1 − 4/8 → 50
    assert_eq!(score(&a, PartKind::Accountability), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Accountability),
        vec![
            Subject::Priority("pr-2".into()),
            initiative_subject("i-1"),
            Subject::Person("p-2".into())
        ]
    );
    let part = a.board.part(PartKind::Accountability);
    assert_eq!(
        part.findings[2].reason,
        "Bo owns 5 active initiatives (more than 3)"
    );
    assert_eq!(
        part.summary,
        "2 of 8 active items have no owner; 1 person owns more than 3 active initiatives."
    );
}

#[test]
fn an_owner_at_the_limit_is_not_overloaded() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)];
    board.initiatives = (1..=3)
        .map(|n| work(&format!("i-{n}"), "t-1", &["pr-1"], 5))
        .collect();
    let a = analyse(&board, now());
    assert_eq!(score(&a, PartKind::Accountability), Some(100));
    assert!(a
        .board
        .part(PartKind::Accountability)
        .summary
        .contains("nobody owns"));
}

// Capacity

#[test]
fn capacity_loses_a_point_per_percent_over_and_averages_teams() {
    let mut board = base();
    board.initiatives = vec![
        work("i-1", "t-1", &[], 80),
        work("i-2", "t-1", &[], 55),
        work("i-3", "t-2", &[], 100),
    ];
    let a = analyse(&board, now());
    // Core at 135 % → 65, Apps at 100 % → 100; mean 82.5 → 83
    assert_eq!(score(&a, PartKind::Capacity), Some(83));
    assert_eq!(
        subjects(&a, PartKind::Capacity),
        vec![Subject::Team("t-1".into())]
    );
    assert_eq!(
        a.board.part(PartKind::Capacity).findings[0].reason,
        "Core has committed 135 % of its capacity"
    );
    assert_eq!(
        a.board.part(PartKind::Capacity).summary,
        "1 of 2 teams is over capacity."
    );
    assert_eq!(
        a.team("t-1").unwrap().part(PartKind::Capacity).score,
        Some(65)
    );
    assert_eq!(
        a.team("t-2").unwrap().part(PartKind::Capacity).score,
        Some(100)
    );
}

#[test]
fn a_team_at_double_capacity_scores_zero() {
    let mut board = base();
    board.initiatives = vec![
        work("i-1", "t-1", &[], 100),
        work("i-2", "t-1", &[], 100),
        work("i-3", "t-1", &[], 50),
    ];
    assert_eq!(
        analyse(&board, now())
            .team("t-1")
            .unwrap()
            .part(PartKind::Capacity)
            .score,
        Some(0)
    );
}

// Rhythm

#[test]
fn exactly_check_in_days_is_on_time_and_one_more_day_is_late() {
    let mut board = base();
    board.rhythm.check_in_days = 7;
    let mut on_time = work("i-1", "t-1", &[], 10);
    on_time.created_at = ts("2026-11-16T09:30:00Z"); // 7 days before now
    let mut late = work("i-2", "t-1", &[], 10);
    late.created_at = ts("2026-11-15T09:30:00Z"); // 8 days
    let mut checked = work("i-3", "t-2", &[], 10);
    checked.created_at = ts("2026-10-01T00:00:00Z");
    board.initiatives = vec![on_time, late, checked];
    let mut recent = check_in("c-1", "i-3", None);
    recent.at = ts("2026-11-20T09:30:00Z");
    let mut old = check_in("c-0", "i-3", None);
    old.at = ts("2026-10-02T09:30:00Z");
    board.check_ins = vec![recent, old];
    let a = analyse(&board, now());
    // 1 of 3 late, no review and no period start → freshness alone: 1 − 1/3 → 67
    assert_eq!(score(&a, PartKind::Rhythm), Some(67));
    assert_eq!(
        subjects(&a, PartKind::Rhythm),
        vec![initiative_subject("i-2")]
    );
    assert_eq!(
        a.board.part(PartKind::Rhythm).findings[0].reason,
        "No check-in since it was created 8 days ago (due every 7)"
    );
}

#[test]
fn the_latest_check_in_counts_whatever_the_order_they_were_recorded_in() {
    let mut board = base();
    let mut i = work("i-1", "t-1", &[], 10);
    i.created_at = ts("2026-09-01T00:00:00Z");
    board.initiatives = vec![i];
    let mut newest = check_in("c-2", "i-1", None);
    newest.at = ts("2026-11-22T09:30:00Z");
    let mut oldest = check_in("c-1", "i-1", None);
    oldest.at = ts("2026-09-10T09:30:00Z");
    board.check_ins = vec![newest, oldest];
    assert_eq!(score(&analyse(&board, now()), PartKind::Rhythm), Some(100));
}

#[test]
fn rhythm_adds_review_punctuality_on_the_board_only() {
    let mut board = base();
    board.rhythm.review_days = 28;
    let mut i = work("i-1", "t-1", &[], 10);
    i.created_at = ts("2026-11-01T09:30:00Z"); // 22 days: late
    board.initiatives = vec![i, work("i-2", "t-1", &[], 10)];
    board.reviews = vec![Review {
        id: "v-1".into(),
        at: ts("2026-10-12T09:30:00Z"), // 42 days ago: 14 days late
        kind: ReviewKind::Review,
        summary: String::new(),
        score: Some(70),
    }];
    let a = analyse(&board, now());
    // freshness 1/2, punctuality 1 − 14/28 = 0.5 → 0.8 × 0.5 + 0.2 × 0.5 → 50
    assert_eq!(score(&a, PartKind::Rhythm), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Rhythm),
        vec![Subject::Board, initiative_subject("i-1")]
    );
    assert_eq!(
        a.board.part(PartKind::Rhythm).findings[0].reason,
        "Last review 42 days ago: 14 days late (due every 28 days)"
    );
    // The team sees its freshness alone: 1 of 2 late → 50
    assert_eq!(
        a.team("t-1").unwrap().part(PartKind::Rhythm).score,
        Some(50)
    );

    // A check-in round is not a review; with none, the period start counts.
    board.reviews[0].kind = ReviewKind::CheckIn;
    board.period.start = Some(date("2026-10-01"));
    let a = analyse(&board, now());
    // 53 days since the period started: 25 late → 1 − 25/28 = 0.107 → 0.4 + 0.021 → 42
    assert_eq!(score(&a, PartKind::Rhythm), Some(42));
}

// Dependencies

fn board_with_dependencies() -> Board {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 10), work("i-2", "t-2", &[], 10)];
    let mut fresh = dependency("d-1", "i-1", "t-2", None);
    fresh.requested_at = ts("2026-11-16T09:30:00Z"); // 7 days: not yet stuck
    let mut waiting = dependency("d-2", "i-1", "t-2", None);
    waiting.requested_at = ts("2026-11-15T09:30:00Z"); // 8 days: stuck
    let mut declined = dependency("d-3", "i-2", "t-1", None);
    declined.state = DependencyState::Declined;
    declined.answered_at = Some(ts("2026-11-20T09:30:00Z"));
    let mut late = dependency("d-4", "i-1", "t-2", None);
    late.state = DependencyState::Accepted;
    late.due = Some(date("2026-11-22"));
    late.answered_at = Some(ts("2026-11-10T09:30:00Z"));
    let mut delivered = dependency("d-5", "i-1", "t-2", None);
    delivered.state = DependencyState::Delivered;
    delivered.due = Some(date("2026-11-01"));
    board.dependencies = vec![fresh, waiting, declined, late, delivered];
    board
}

#[test]
fn stuck_dependencies_are_unanswered_declined_or_late() {
    let a = analyse(&board_with_dependencies(), now());
    // 3 of 5 stuck → 40
    assert_eq!(score(&a, PartKind::Dependencies), Some(40));
    assert_eq!(
        subjects(&a, PartKind::Dependencies),
        vec![
            Subject::Dependency("d-2".into()),
            Subject::Dependency("d-3".into()),
            Subject::Dependency("d-4".into())
        ]
    );
    let reasons: Vec<&str> = a
        .board
        .part(PartKind::Dependencies)
        .findings
        .iter()
        .map(|f| f.reason.as_str())
        .collect();
    assert_eq!(
        reasons[0],
        "Asked of Apps 8 days ago for “an API”, still unanswered"
    );
    assert_eq!(
        reasons[1],
        "Core declined “an API”, but “i-2” still counts on it"
    );
    assert_eq!(
        reasons[2],
        "Apps accepted “an API”, due 2026-11-22, not delivered"
    );
}

#[test]
fn dependencies_of_finished_work_and_team_scopes() {
    let mut board = board_with_dependencies();
    let a = analyse(&board, now());
    // Core asked d-1, d-2, d-4, d-5 and was asked d-3: all five; Apps likewise
    assert_eq!(
        a.team("t-1").unwrap().part(PartKind::Dependencies).score,
        Some(40)
    );
    // Once i-1 is done, only d-3 (declined, i-2 still active) is left: 0 of 1 healthy
    board.initiatives[0].status = Status::Done;
    let a = analyse(&board, now());
    assert_eq!(score(&a, PartKind::Dependencies), Some(0));
    assert_eq!(
        a.board.part(PartKind::Dependencies).summary,
        "1 of 1 dependency needs attention."
    );
    // With no dependencies at all the part does not apply.
    board.dependencies.clear();
    assert_eq!(score(&analyse(&board, now()), PartKind::Dependencies), None);
}

#[test]
fn a_dependency_finding_marks_the_asking_initiative_on_the_board() {
    let board = board_with_dependencies();
    let attention = analyse(&board, now()).attention(&board);
    let reasons = attention
        .get("i-1")
        .expect("i-1 asked for stuck dependencies");
    assert!(reasons
        .iter()
        .any(|r| r.starts_with("Dependencies: Asked of Apps")));
    assert!(attention
        .get("i-2")
        .unwrap()
        .iter()
        .any(|r| r.contains("declined")));
}

// Honest status

#[test]
fn the_straight_line_runs_from_creation_to_the_end_of_the_due_date() {
    let mut i = work("i-1", "t-1", &[], 10);
    i.created_at = ts("2026-11-01T12:00:00Z");
    i.due = Some(date("2026-11-30"));
    // 22 of 30 days → 73.3 %
    let expected = expected_progress(&i, now().date()).unwrap();
    assert!((expected - 22.0 / 30.0 * 100.0).abs() < 1e-9, "{expected}");
    i.due = Some(date("2026-11-10"));
    assert_eq!(expected_progress(&i, now().date()), Some(100.0));
    i.due = None;
    assert_eq!(expected_progress(&i, now().date()), None);
}

#[test]
fn honest_status_flags_optimism_pessimism_and_high_risks() {
    let mut board = base();
    let pace = |id: &str, status: Status, progress: u8| {
        let mut i = work(id, "t-1", &[], 5);
        i.created_at = ts("2026-11-03T09:30:00Z"); // 20 of 40 days → 50 %
        i.due = Some(date("2026-12-12"));
        i.status = status;
        i.progress = progress;
        i
    };
    let mut risky = pace("i-5", Status::OnTrack, 50);
    risky.risks = vec![
        Risk {
            id: "r-1".into(),
            text: "Vendor may pull out".into(),
            severity: Severity::High,
            open: true,
        },
        Risk {
            id: "r-2".into(),
            text: "Closed".into(),
            severity: Severity::High,
            open: false,
        },
    ];
    board.initiatives = vec![
        pace("i-1", Status::OnTrack, 24),  // 26 points behind: flagged
        pace("i-2", Status::OnTrack, 25),  // 25 points behind: within tolerance
        pace("i-3", Status::OffTrack, 76), // 26 points ahead: flagged
        pace("i-4", Status::AtRisk, 75),   // 25 points ahead: within tolerance
        risky,
    ];
    let a = analyse(&board, now());
    // 3 of 5 flagged → 40
    assert_eq!(score(&a, PartKind::HonestStatus), Some(40));
    assert_eq!(
        subjects(&a, PartKind::HonestStatus),
        vec![
            initiative_subject("i-1"),
            initiative_subject("i-3"),
            initiative_subject("i-5")
        ]
    );
    let reasons: Vec<&str> = a
        .board
        .part(PartKind::HonestStatus)
        .findings
        .iter()
        .map(|f| f.reason.as_str())
        .collect();
    assert_eq!(
        reasons[0],
        "On track, but 24 % done where a steady pace to 2026-12-12 would be at 50 %"
    );
    assert_eq!(
        reasons[1],
        "Off track, yet 76 % done, ahead of a steady pace to 2026-12-12 (50 %)"
    );
    assert_eq!(
        reasons[2],
        "On track with an open high risk: Vendor may pull out"
    );
}

#[test]
fn several_reasons_flag_an_initiative_once() {
    let mut board = base();
    let mut i = work("i-1", "t-1", &[], 5);
    i.created_at = ts("2026-11-03T09:30:00Z");
    i.due = Some(date("2026-12-12"));
    i.progress = 0;
    i.risks = vec![Risk {
        id: "r-1".into(),
        text: "Vendor".into(),
        severity: Severity::High,
        open: true,
    }];
    board.initiatives = vec![i, work("i-2", "t-1", &[], 5)];
    let a = analyse(&board, now());
    assert_eq!(score(&a, PartKind::HonestStatus), Some(50));
    let part = a.board.part(PartKind::HonestStatus);
    assert_eq!(part.findings.len(), 1);
    assert!(part.findings[0]
        .reason
        .contains("; On track with an open high risk"));
}

// The score, teams and ordering

#[test]
fn parts_that_do_not_apply_leave_the_weighting() {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 50)];
    let a = analyse(&board, now());
    // No priorities: focus 0 (all local), coverage and rank fit n/a, dependencies n/a;
    // accountability 100, capacity 100, rhythm 100, honest 100.
    assert_eq!(score(&a, PartKind::Focus), Some(0));
    assert_eq!(score(&a, PartKind::Coverage), None);
    assert_eq!(score(&a, PartKind::RankFit), None);
    // (20 × 0 + 10 × 100 + 10 × 100 + 15 × 100 + 10 × 100) ÷ 65 = 4500 ÷ 65 = 69.2 → 69
    assert_eq!(a.board.score, Some(69));
}

#[test]
fn an_empty_board_has_no_score_and_nothing_to_show() {
    let a = analyse(&empty_board(), now());
    assert_eq!(a.board.score, None);
    assert!(a
        .board
        .parts
        .iter()
        .all(|p| p.score.is_none() && p.findings.is_empty()));
    assert!(a.teams.is_empty());
    assert_eq!(a.allocation.total_effort, 0.0);
    assert_eq!(a.allocation.cells.len(), 0);
}

#[test]
fn a_board_of_priorities_without_work_scores_coverage_zero() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1), owned_priority("pr-2", 2)];
    let a = analyse(&board, now());
    assert_eq!(score(&a, PartKind::Coverage), Some(0));
    assert_eq!(score(&a, PartKind::Focus), None);
    assert_eq!(
        score(&a, PartKind::Accountability),
        Some(100),
        "the two priorities are owned"
    );
}

#[test]
fn teams_get_their_own_parts_and_scores() {
    let a = analyse(&documented_example(), now());
    let core = a.team("t-1").unwrap();
    let apps = a.team("t-2").unwrap();
    assert_eq!(core.part(PartKind::Coverage).score, None);
    assert_eq!(core.part(PartKind::RankFit).score, None);
    assert_eq!(core.part(PartKind::Focus).score, Some(100));
    // Apps: 50 of 80 effort serves a priority → 62.5 → 63
    assert_eq!(apps.part(PartKind::Focus).score, Some(63));
    // Apps: (20 × 63 + 10 × 100 + 10 × 100 + 15 × 100 + 10 × 100) ÷ 65 = 5760 ÷ 65 = 88.6
    assert_eq!(apps.score, Some(89));
    assert_eq!(
        a.teams
            .iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>(),
        vec!["t-1", "t-2"]
    );
}

#[test]
fn parts_are_ranked_by_the_points_they_cost() {
    let mut board = documented_example();
    board.initiatives[2].effort = 90; // Apps at 140 %: capacity 60 + 100 → 80
    let a = analyse(&board, now());
    let order: Vec<PartKind> = a.board.by_attention().iter().map(|p| p.kind).collect();
    // Focus: 150 of 240 → 63, costs 20 × 37 / 100 = 7.4; capacity costs 10 × 20 / 100 = 2
    assert_eq!(&order[..2], &[PartKind::Focus, PartKind::Capacity]);
    assert_eq!(a.board.part(PartKind::Focus).points_lost(), 7.4);
}

// Allocation

#[test]
fn allocation_splits_effort_over_served_priorities() {
    let a = analyse(&documented_example(), now());
    let al = &a.allocation;
    assert_eq!(al.priorities, vec!["P1".to_string(), "P2".to_string()]);
    assert_eq!(al.teams, vec!["t-1".to_string(), "t-2".to_string()]);
    let efforts: Vec<Vec<f64>> = al
        .cells
        .iter()
        .map(|row| row.iter().map(|c| c.effort).collect())
        .collect();
    // Core: A 60 + half of B on P1, half of B on P2; Apps: D on P2, C local
    assert_eq!(efforts, vec![vec![80.0, 20.0, 0.0], vec![0.0, 50.0, 30.0]]);
    assert_eq!(al.cells[0][0].initiatives, vec![0, 1]);
    assert_eq!(al.column_effort, vec![80.0, 70.0, 30.0]);
    assert_eq!(al.team_effort, vec![100.0, 80.0]);
    assert_eq!(al.total_effort, 180.0);
    assert_eq!(al.priority_effort(), 150.0);
    let shares = al.priority_shares();
    assert!((shares[0] - 80.0 / 150.0).abs() < 1e-9);
}
