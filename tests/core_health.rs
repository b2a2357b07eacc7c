//! The health analysis on small hand-built boards: every part's figure worked out by hand
//! in the test, its summary and exactly the items it names, team scopes, the combined
//! score, allocation, and the edge cases (nothing on the board, zero effort, all local
//! work, no teams). `now` is fixed at 2026-11-23T09:30:00Z, so every figure is exact.

mod core_support;
#[path = "support/example.rs"]
mod example;

use alignment_board::core::health::{
    analyse, analyse_board, effort_ranks, expected_progress, flag_words, pearson, suggested_share,
    Analysis, Part, PartKind, Subject,
};
use alignment_board::core::list::List;
use alignment_board::core::model::{
    Board, DependencyState, Initiative, Priority, PriorityStatus, Review, ReviewKind, Risk,
    Severity, Status,
};
use alignment_board::core::time::Now;
use core_support::*;

/// A board with two teams and nobody late for anything, to change one thing at a time:
/// teams `t-1` Core and `t-2` Apps, people `p-1` Ada (Core) and `p-2` Bo (Apps), no
/// priorities yet, no period start (so no review punctuality).
fn base() -> Board {
    let mut board = empty_board();
    board.people = vec![
        person("p-1", "Ada", Some("t-1")),
        person("p-2", "Bo", Some("t-2")),
    ]
    .into();
    board.teams = vec![
        team("t-1", "Core", Some("p-1")),
        team("t-2", "Apps", Some("p-2")),
    ]
    .into();
    board
}

/// An active, on-track initiative with `effort`, owned by its team's lead (Ada for Core,
/// Bo for Apps), created yesterday (so not late for a check-in), without a due date.
fn work(id: &str, team: &str, priorities: &[&str], effort: u8) -> Initiative {
    let mut i = initiative(id, id, team, priorities);
    i.effort = effort;
    i.status = Status::OnTrack;
    i.owner_id = Some(if team == "t-1" { "p-1" } else { "p-2" }.into());
    i.created_at = ts("2026-11-22T09:00:00Z");
    i.updated_at = i.created_at;
    i
}

/// An active priority titled "Priority {id}", owned by Ada.
fn owned_priority(id: &str, rank: u32) -> Priority {
    let mut p = priority(id, &format!("Priority {id}"), rank);
    p.owner_id = Some("p-1".into());
    p
}

/// `count` owned active priorities `pr-1` … `pr-{count}`, ranked in that order.
fn ranked_priorities(count: u32) -> List<Priority> {
    (1..=count)
        .map(|r| owned_priority(&format!("pr-{r}"), r))
        .collect()
}

fn review(id: &str, kind: ReviewKind, at: &str) -> Review {
    Review {
        id: id.into(),
        at: ts(at),
        kind,
        summary: String::new(),
        score: None,
        team_id: None,
    }
}

fn risk(id: &str, text: &str, severity: Severity, open: bool) -> Risk {
    Risk {
        id: id.into(),
        text: text.into(),
        severity,
        open,
    }
}

fn part(analysis: &Analysis, kind: PartKind) -> &Part {
    analysis.board.part(kind)
}

fn score(analysis: &Analysis, kind: PartKind) -> Option<u8> {
    part(analysis, kind).score
}

fn summary(analysis: &Analysis, kind: PartKind) -> &str {
    &part(analysis, kind).summary
}

fn subjects_of(part: &Part) -> Vec<Subject> {
    part.findings.iter().map(|f| f.subject.clone()).collect()
}

fn subjects(analysis: &Analysis, kind: PartKind) -> Vec<Subject> {
    subjects_of(part(analysis, kind))
}

fn reasons(analysis: &Analysis, kind: PartKind) -> Vec<&str> {
    part(analysis, kind)
        .findings
        .iter()
        .map(|f| f.reason.as_str())
        .collect()
}

fn team_part<'a>(analysis: &'a Analysis, team: &str, kind: PartKind) -> &'a Part {
    analysis
        .team(team)
        .unwrap_or_else(|| panic!("no team {team}"))
        .part(kind)
}

fn initiative_subject(id: &str) -> Subject {
    Subject::Initiative(id.into())
}

fn priority_subject(id: &str) -> Subject {
    Subject::Priority(id.into())
}

fn close(actual: f64, expected: f64) -> bool {
    (actual - expected).abs() < 1e-9
}

/// The worked example of docs/health.md.
fn documented_example() -> Board {
    let mut board = base();
    board.priorities = vec![owned_priority("P1", 1), owned_priority("P2", 2)].into();
    board.initiatives = vec![
        work("A", "t-1", &["P1"], 60),
        work("B", "t-1", &["P1", "P2"], 40),
        work("C", "t-2", &[], 30),
        work("D", "t-2", &["P2"], 50),
    ]
    .into();
    board
}

// The documented example and the example board

#[test]
fn the_documented_worked_example_scores_96() {
    let a = analyse(&documented_example(), utc_now());
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
    let board = example::example_board(now().utc_date());
    let first = analyse(&board, utc_now());
    assert_eq!(first, analyse(&board, utc_now()));
    assert_eq!(first, analyse(&board.clone(), utc_now()));
    assert_eq!(first.now, utc_now());
}

#[test]
fn every_part_of_the_example_that_loses_points_names_its_items() {
    let board = example::example_board(now().utc_date());
    let a = analyse(&board, utc_now());
    let score = a.board.score.expect("the example has a score");
    assert!(
        score > 50 && score < 100,
        "the example shows drift: {score}"
    );
    assert_eq!(a.teams.len(), board.teams.len());
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
fn focus_counts_effort_not_initiatives() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)].into();
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 80),
        work("i-2", "t-1", &[], 10),
        work("i-3", "t-2", &[], 10),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // 80 of 100 effort serves a priority, though only 1 of 3 initiatives does
    assert_eq!(score(&a, PartKind::Focus), Some(80));
    assert_eq!(
        summary(&a, PartKind::Focus),
        "80 % of active effort serves an active priority; 20 % is local work (2 initiatives)."
    );
    // equal efforts keep board order
    assert_eq!(
        subjects(&a, PartKind::Focus),
        vec![initiative_subject("i-2"), initiative_subject("i-3")]
    );
}

#[test]
fn focus_lists_local_work_by_effort_and_counts_achieved_priorities_as_local() {
    let mut board = base();
    let mut done = owned_priority("pr-2", 2);
    done.status = PriorityStatus::Achieved;
    board.priorities = vec![owned_priority("pr-1", 1), done].into();
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 50),
        work("i-2", "t-1", &["pr-2"], 10),
        work("i-3", "t-2", &[], 40),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // 50 of 100 → 50; i-3 (40) before i-2 (10)
    assert_eq!(score(&a, PartKind::Focus), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Focus),
        vec![initiative_subject("i-3"), initiative_subject("i-2")]
    );
    assert_eq!(
        reasons(&a, PartKind::Focus),
        vec![
            "Local work, 40 % effort",
            "Serves only finished priorities (“Priority pr-2”), 10 % effort"
        ]
    );
}

#[test]
fn work_serving_a_dropped_priority_is_local_unless_it_also_serves_an_active_one() {
    let mut board = base();
    let mut dropped = owned_priority("pr-2", 2);
    dropped.status = PriorityStatus::Dropped;
    board.priorities = vec![owned_priority("pr-1", 1), dropped].into();
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-2"], 30),
        work("i-2", "t-2", &["pr-2", "pr-1"], 70),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // i-2 still serves pr-1: aligned 70 of 100 → 70
    assert_eq!(score(&a, PartKind::Focus), Some(70));
    assert_eq!(
        summary(&a, PartKind::Focus),
        "70 % of active effort serves an active priority; 30 % is local work (1 initiative)."
    );
    assert_eq!(
        reasons(&a, PartKind::Focus),
        vec!["Serves only finished priorities (“Priority pr-2”), 30 % effort"]
    );
    // The dropped priority gets no column: i-2's whole 70 goes to pr-1.
    assert_eq!(a.allocation.priorities, vec!["pr-1".to_string()]);
    assert_eq!(a.allocation.column_effort, vec![70.0, 30.0]);
}

#[test]
fn focus_counts_initiatives_when_no_effort_is_recorded() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)].into();
    board.initiatives = vec![work("i-1", "t-1", &["pr-1"], 0), work("i-2", "t-2", &[], 0)].into();
    let a = analyse(&board, utc_now());
    // 1 of 2 initiatives serves a priority → 50
    assert_eq!(score(&a, PartKind::Focus), Some(50));
    assert_eq!(
        summary(&a, PartKind::Focus),
        "No effort is recorded; 1 of 2 active initiatives serves an active priority."
    );
    assert_eq!(reasons(&a, PartKind::Focus), vec!["Local work, 0 % effort"]);
    assert_eq!(
        subjects(&a, PartKind::Focus),
        vec![initiative_subject("i-2")]
    );
}

#[test]
fn focus_rounds_an_exact_half_up() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)].into();
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 23),
        work("i-2", "t-2", &[], 17),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // 23 of 40 = 57.5 % → 58 (in floating point 23 ÷ 40 × 100 is a hair below 57.5)
    assert_eq!(score(&a, PartKind::Focus), Some(58));
    assert_eq!(
        summary(&a, PartKind::Focus),
        "58 % of active effort serves an active priority; 42 % is local work (1 initiative)."
    );
}

#[test]
fn done_and_dropped_work_is_left_out() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)].into();
    let mut done = work("i-2", "t-1", &[], 90);
    done.status = Status::Done;
    let mut dropped = work("i-3", "t-1", &[], 90);
    dropped.status = Status::Dropped;
    board.initiatives = vec![work("i-1", "t-1", &["pr-1"], 20), done, dropped].into();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Focus), Some(100));
    assert!(subjects(&a, PartKind::Focus).is_empty());
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
    board.priorities = ranked_priorities(4);
    board.initiatives = vec![work("i-1", "t-1", &["pr-2", "pr-3"], 10)].into();
    let a = analyse(&board, utc_now());
    // weights 4, 3, 2, 1 (total 10); pr-1 (4) and pr-4 (1) uncovered → 1 − 5/10 → 50
    assert_eq!(score(&a, PartKind::Coverage), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Coverage),
        vec![priority_subject("pr-1"), priority_subject("pr-4")]
    );
    assert_eq!(
        reasons(&a, PartKind::Coverage),
        vec![
            "Rank 1: no active initiative serves it",
            "Rank 4: no active initiative serves it"
        ]
    );
    assert_eq!(
        summary(&a, PartKind::Coverage),
        "2 of 4 active priorities have active work behind them."
    );
}

#[test]
fn leaving_the_top_priority_uncovered_costs_more_than_leaving_the_last() {
    let mut board = base();
    board.priorities = ranked_priorities(5);
    board.initiatives = ["pr-2", "pr-3", "pr-4", "pr-5"]
        .iter()
        .enumerate()
        .map(|(n, p)| work(&format!("i-{n}"), "t-1", &[p], 10))
        .collect();
    let a = analyse(&board, utc_now());
    // weights 5, 4, 3, 2, 1 (total 15); pr-1 uncovered → 1 − 5/15 = 0.667 → 67
    assert_eq!(score(&a, PartKind::Coverage), Some(67));
    assert_eq!(
        summary(&a, PartKind::Coverage),
        "4 of 5 active priorities have active work behind them."
    );

    board.initiatives[0].priority_ids = vec!["pr-1".into()];
    let a = analyse(&board, utc_now());
    // pr-2 is now uncovered instead: 1 − 4/15 = 0.733 → 73
    assert_eq!(score(&a, PartKind::Coverage), Some(73));
    assert_eq!(
        subjects(&a, PartKind::Coverage),
        vec![priority_subject("pr-2")]
    );
}

#[test]
fn coverage_ignores_finished_work() {
    let mut board = base();
    board.priorities = ranked_priorities(2);
    let mut done = work("i-2", "t-1", &["pr-1"], 10);
    done.status = Status::Done;
    board.initiatives = vec![done, work("i-1", "t-1", &["pr-2"], 10)].into();
    let a = analyse(&board, utc_now());
    // weights 2 and 1; pr-1 (2) has only done work → 1 − 2/3 → 33
    assert_eq!(score(&a, PartKind::Coverage), Some(33));
    assert_eq!(
        summary(&a, PartKind::Coverage),
        "1 of 2 active priorities has active work behind it."
    );
}

#[test]
fn coverage_leaves_finished_priorities_out() {
    let mut board = base();
    let mut achieved = owned_priority("pr-2", 2);
    achieved.status = PriorityStatus::Achieved;
    let mut dropped = owned_priority("pr-3", 3);
    dropped.status = PriorityStatus::Dropped;
    board.priorities = vec![owned_priority("pr-1", 1), achieved, dropped].into();
    board.initiatives = vec![work("i-1", "t-1", &["pr-1"], 10)].into();
    let a = analyse(&board, utc_now());
    // only pr-1 is measured, and it is served → 100
    assert_eq!(score(&a, PartKind::Coverage), Some(100));
    assert!(subjects(&a, PartKind::Coverage).is_empty());
    assert_eq!(
        summary(&a, PartKind::Coverage),
        "1 of 1 active priority has active work behind it."
    );
}

// Rank fit

#[test]
fn rank_fit_is_100_when_effort_follows_the_ranking_and_0_when_reversed() {
    let mut board = base();
    board.priorities = ranked_priorities(3);
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 50),
        work("i-2", "t-1", &["pr-2"], 30),
        work("i-3", "t-2", &["pr-3"], 10),
    ]
    .into();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::RankFit), Some(100));
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Effort follows the ranking (rank correlation 1.00)."
    );
    assert!(subjects(&a, PartKind::RankFit).is_empty());

    board.initiatives[0].effort = 10;
    board.initiatives[2].effort = 50;
    let a = analyse(&board, utc_now());
    // effort ranks 3, 2, 1 against 1, 2, 3: ρ = −1 → (1 − 1) ÷ 2 → 0
    assert_eq!(score(&a, PartKind::RankFit), Some(0));
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Effort runs against the ranking (rank correlation −1.00)."
    );
    // pr-1 and pr-3 are two places out, pr-2 is where it belongs
    assert_eq!(
        subjects(&a, PartKind::RankFit),
        vec![priority_subject("pr-1"), priority_subject("pr-3")]
    );
    // pr-1 gets 10 of 90 = 11 %, rank 1 of 3 suggests 3/6 = 50 %;
    // pr-3 gets 50 of 90 = 56 %, rank 3 of 3 suggests 1/6 = 17 %
    assert_eq!(
        reasons(&a, PartKind::RankFit),
        vec![
            "Rank 1, but 3rd by effort: 11 % of the effort on priorities, less than the 50 % its rank suggests",
            "Rank 3, but 1st by effort: 56 % of the effort on priorities, more than the 17 % its rank suggests"
        ]
    );
}

#[test]
fn rank_fit_gives_50_when_every_priority_gets_the_same() {
    let mut board = base();
    board.priorities = ranked_priorities(3);
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 20),
        work("i-2", "t-1", &["pr-2"], 20),
        work("i-3", "t-2", &["pr-3"], 20),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // all tie at mean rank 2: ρ = 0 → 50
    assert_eq!(score(&a, PartKind::RankFit), Some(50));
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Effort is unrelated to the ranking (rank correlation 0.00)."
    );
    // ranks 1 and 3 are a place from mean rank 2, rank 2 is not; each gets 33 %
    assert_eq!(
        reasons(&a, PartKind::RankFit),
        vec![
            "Rank 1, joint 1st by effort: 33 % of the effort on priorities, less than the 50 % its rank suggests",
            "Rank 3, but joint 1st by effort: 33 % of the effort on priorities, more than the 17 % its rank suggests"
        ]
    );
}

#[test]
fn rank_fit_shares_the_mean_rank_between_tied_efforts() {
    let mut board = base();
    board.priorities = ranked_priorities(4);
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 40),
        work("i-2", "t-1", &["pr-2"], 20),
        work("i-3", "t-2", &["pr-3"], 20),
        work("i-4", "t-2", &["pr-4"], 10),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // effort ranks 1, 2.5, 2.5, 4 against 1, 2, 3, 4 (both centred on 2.5):
    // Σdx·dy = 2.25 + 0 + 0 + 2.25 = 4.5, Σdx² = 5, Σdy² = 4.5
    // ρ = 4.5 ÷ √22.5 = 0.949 → (1 + 0.949) ÷ 2 = 0.974 → 97
    assert_eq!(score(&a, PartKind::RankFit), Some(97));
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Effort follows the ranking (rank correlation 0.95)."
    );
    // pr-2 and pr-3 are each half a place out; 20 of 90 = 22 %, against 3/10 and 2/10
    assert_eq!(
        reasons(&a, PartKind::RankFit),
        vec![
            "Rank 2, joint 2nd by effort: 22 % of the effort on priorities, less than the 30 % its rank suggests",
            "Rank 3, but joint 2nd by effort: 22 % of the effort on priorities, more than the 20 % its rank suggests"
        ]
    );
    assert_eq!(
        subjects(&a, PartKind::RankFit),
        vec![priority_subject("pr-2"), priority_subject("pr-3")]
    );
}

#[test]
fn rank_fit_names_the_farthest_displaced_priority_first_and_grades_its_verdict() {
    let mut board = base();
    board.priorities = ranked_priorities(3);
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 50),
        work("i-2", "t-1", &["pr-2"], 10),
        work("i-3", "t-2", &["pr-3"], 30),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // effort ranks 1, 3, 2: Σdx·dy = 1 + 0 + 0 = 1 over √(2 × 2) → ρ = 0.5 → 75
    assert_eq!(score(&a, PartKind::RankFit), Some(75));
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Effort loosely follows the ranking (rank correlation 0.50)."
    );
    // 10 of 90 = 11 % against 2/6 = 33 %; 30 of 90 = 33 % against 1/6 = 17 %
    assert_eq!(
        reasons(&a, PartKind::RankFit),
        vec![
            "Rank 2, but 3rd by effort: 11 % of the effort on priorities, less than the 33 % its rank suggests",
            "Rank 3, but 2nd by effort: 33 % of the effort on priorities, more than the 17 % its rank suggests"
        ]
    );

    board.initiatives[0].effort = 30;
    board.initiatives[2].effort = 50;
    let a = analyse(&board, utc_now());
    // effort ranks 2, 3, 1: Σdx·dy = 0 + 0 − 1 = −1 → ρ = −0.5 → 25
    assert_eq!(score(&a, PartKind::RankFit), Some(25));
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Effort runs against the ranking (rank correlation −0.50)."
    );
    // pr-3 is two places out, pr-1 and pr-2 one each (kept in rank order)
    assert_eq!(
        subjects(&a, PartKind::RankFit),
        vec![
            priority_subject("pr-3"),
            priority_subject("pr-1"),
            priority_subject("pr-2")
        ]
    );
}

#[test]
fn priorities_with_the_same_effort_tie_however_the_effort_was_summed() {
    let mut board = base();
    board.priorities = ranked_priorities(4);
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1", "pr-3", "pr-4"], 1), // ⅓ to each
        work("i-2", "t-1", &["pr-1"], 2),                 // pr-1: ⅓ + 2 = 7/3
        work("i-3", "t-2", &["pr-2", "pr-3", "pr-4"], 4), // 4/3 to each
        work("i-4", "t-2", &["pr-2"], 1),                 // pr-2: 4/3 + 1 = 7/3
    ]
    .into();
    let a = analyse(&board, utc_now());
    let efforts = &a.allocation.column_effort;
    // In floating point the two sevens-thirds differ in the last bit.
    assert_ne!(efforts[0], efforts[1]);
    assert!(close(efforts[0], efforts[1]));
    // effort ranks 1.5, 1.5, 3.5, 3.5 against 1, 2, 3, 4:
    // Σdx·dy = 1.5 + 0.5 + 0.5 + 1.5 = 4, Σdx² = 5, Σdy² = 4 → ρ = 4 ÷ √20 = 0.894 → 95
    assert_eq!(score(&a, PartKind::RankFit), Some(95));
    let reasons = reasons(&a, PartKind::RankFit);
    assert_eq!(reasons.len(), 4);
    assert!(reasons[0].starts_with("Rank 1, joint 1st by effort"));
    assert!(reasons[1].starts_with("Rank 2, but joint 1st by effort"));
    assert!(reasons[2].starts_with("Rank 3, joint 3rd by effort"));
    assert!(reasons[3].starts_with("Rank 4, but joint 3rd by effort"));
}

#[test]
fn rank_fit_does_not_apply_without_two_active_priorities_or_effort_on_them() {
    let mut board = base();
    let mut achieved = owned_priority("pr-2", 2);
    achieved.status = PriorityStatus::Achieved;
    board.priorities = vec![owned_priority("pr-1", 1), achieved].into();
    board.initiatives = vec![work("i-1", "t-1", &["pr-1", "pr-2"], 20)].into();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::RankFit), None);
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Needs two or more active priorities."
    );

    board.priorities[1].status = PriorityStatus::Active;
    board.initiatives[0].priority_ids.clear();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::RankFit), None);
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "No effort is spent on the active priorities."
    );
    assert!(part(&a, PartKind::RankFit).findings.is_empty());
}

#[test]
fn effort_ranks_share_ties_and_pearson_is_zero_without_variation() {
    assert_eq!(
        effort_ranks(&[10.0, 30.0, 30.0, 5.0]),
        vec![3.0, 1.5, 1.5, 4.0]
    );
    // ⅓ + 2 and 4/3 + 1 are both 7/3, whatever the last bit says
    assert_eq!(
        effort_ranks(&[1.0 / 3.0 + 2.0, 4.0 / 3.0 + 1.0, 1.0]),
        vec![1.5, 1.5, 3.0]
    );
    assert_eq!(pearson(&[1.0, 2.0, 3.0], &[2.0, 2.0, 2.0]), 0.0);
    // dx = (−1, 0, 1), dy = (−1, 1, 0): 1 ÷ √(2 × 2) = 0.5
    assert!(close(pearson(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0]), 0.5));
}

#[test]
fn suggested_shares_fall_linearly_with_rank_and_add_up_to_one() {
    // 5 priorities: 5/15, 4/15, 3/15, 2/15, 1/15
    let shares: Vec<f64> = (0..5).map(|k| suggested_share(k, 5)).collect();
    for (k, share) in shares.iter().enumerate() {
        assert!(close(*share, (5 - k) as f64 / 15.0), "{k}: {share}");
    }
    assert!(close(shares.iter().sum(), 1.0));
    assert!(close(suggested_share(0, 1), 1.0));
    assert!(close(suggested_share(1, 2), 1.0 / 3.0));
}

// Accountability

#[test]
fn accountability_counts_unowned_items_and_load_over_the_limit() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1), priority("pr-2", "Unowned", 2)].into();
    let mut unowned = work("i-1", "t-1", &["pr-1"], 5);
    unowned.owner_id = None;
    board.initiatives = vec![unowned].into();
    for n in 2..=6 {
        board
            .initiatives
            .push(work(&format!("i-{n}"), "t-2", &["pr-2"], 5));
    }
    let a = analyse(&board, utc_now());
    // items: 2 priorities + 6 initiatives = 8; problems: pr-2 and i-1 unowned, Bo owns 5
    // (2 over the limit of 3) → 4 → 1 − 4/8 → 50
    assert_eq!(score(&a, PartKind::Accountability), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Accountability),
        vec![
            priority_subject("pr-2"),
            initiative_subject("i-1"),
            Subject::Person("p-2".into())
        ]
    );
    assert_eq!(
        reasons(&a, PartKind::Accountability),
        vec![
            "Rank 2: priority without an owner",
            "No owner",
            "Bo owns 5 active initiatives (more than 3)"
        ]
    );
    assert_eq!(
        summary(&a, PartKind::Accountability),
        "2 of 8 active priorities and initiatives have no owner; 1 person owns more than 3 active initiatives."
    );
}

#[test]
fn an_owner_at_the_limit_is_not_overloaded() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)].into();
    board.initiatives = (1..=3)
        .map(|n| work(&format!("i-{n}"), "t-1", &["pr-1"], 5))
        .collect();
    let mut finished = work("i-4", "t-1", &["pr-1"], 5);
    finished.status = Status::Done;
    board.initiatives.push(finished);
    let a = analyse(&board, utc_now());
    // Ada owns 3 active initiatives (her done one does not count): at the limit, not over
    assert_eq!(score(&a, PartKind::Accountability), Some(100));
    assert!(subjects(&a, PartKind::Accountability).is_empty());
    assert_eq!(
        summary(&a, PartKind::Accountability),
        "0 of 4 active priorities and initiatives have no owner; nobody owns more than 3 active initiatives."
    );
}

#[test]
fn overloaded_owners_are_listed_by_load_then_by_id() {
    let mut board = base();
    board.people.push(person("p-3", "Cy", Some("t-1")));
    let owned_by_cy: Vec<Initiative> = (1..=4)
        .map(|n| {
            let mut i = work(&format!("c-{n}"), "t-1", &[], 5);
            i.owner_id = Some("p-3".into());
            i
        })
        .collect();
    board.initiatives.extend(owned_by_cy);
    board
        .initiatives
        .extend((1..=4).map(|n| work(&format!("a-{n}"), "t-1", &[], 5)));
    board
        .initiatives
        .extend((1..=5).map(|n| work(&format!("b-{n}"), "t-2", &[], 5)));
    let a = analyse(&board, utc_now());
    // 13 items, all owned; over the limit: Bo 5 − 3 = 2, Ada 1, Cy 1 → 4 → 1 − 4/13 → 69
    assert_eq!(score(&a, PartKind::Accountability), Some(69));
    // Bo first (most), then Ada and Cy (4 each) by id, though Cy's work comes first
    assert_eq!(
        subjects(&a, PartKind::Accountability),
        vec![
            Subject::Person("p-2".into()),
            Subject::Person("p-1".into()),
            Subject::Person("p-3".into())
        ]
    );
    assert_eq!(
        summary(&a, PartKind::Accountability),
        "0 of 13 active priorities and initiatives have no owner; 3 people own more than 3 active initiatives."
    );
}

#[test]
fn a_team_counts_its_own_work_but_its_owners_load_on_the_whole_board() {
    let mut board = base();
    board.priorities = vec![priority("pr-1", "Unowned", 1)].into();
    for n in 1..=2 {
        let mut i = work(&format!("i-{n}"), "t-1", &["pr-1"], 5);
        i.owner_id = Some("p-2".into());
        board.initiatives.push(i);
    }
    board
        .initiatives
        .extend((3..=5).map(|n| work(&format!("i-{n}"), "t-2", &["pr-1"], 5)));
    let a = analyse(&board, utc_now());
    // Board: 1 priority + 5 initiatives = 6 items; pr-1 unowned + Bo's 5 − 3 = 2 → 3
    // → 1 − 3/6 → 50
    assert_eq!(score(&a, PartKind::Accountability), Some(50));
    assert_eq!(
        summary(&a, PartKind::Accountability),
        "1 of 6 active priorities and initiatives has no owner; 1 person owns more than 3 active initiatives."
    );

    // Core: its 2 initiatives, no priorities; Bo's excess of 2 counts in full → 1 − 2/2 → 0
    let core = team_part(&a, "t-1", PartKind::Accountability);
    assert_eq!(core.score, Some(0));
    assert_eq!(subjects_of(core), vec![Subject::Person("p-2".into())]);
    assert_eq!(
        core.summary,
        "0 of 2 active priorities and initiatives have no owner; 1 person owns more than 3 active initiatives."
    );
    // Apps: 3 initiatives, the same excess of 2 → 1 − 2/3 → 33
    assert_eq!(
        team_part(&a, "t-2", PartKind::Accountability).score,
        Some(33)
    );
}

#[test]
fn problems_never_take_accountability_below_zero() {
    let mut board = base();
    board.initiatives = (1..=6)
        .map(|n| work(&format!("i-{n}"), "t-2", &[], 5))
        .collect();
    board.initiatives[0].team_id = "t-1".into();
    let a = analyse(&board, utc_now());
    // Bo owns 6 (3 over). Core holds 1 of them: problems min(3, 1 item) → 0, not −200
    assert_eq!(
        team_part(&a, "t-1", PartKind::Accountability).score,
        Some(0)
    );
    // Board: 6 items, 3 over → 50
    assert_eq!(score(&a, PartKind::Accountability), Some(50));
}

// Capacity

#[test]
fn capacity_loses_a_point_per_percent_over_and_averages_teams() {
    let mut board = base();
    board.initiatives = vec![
        work("i-1", "t-1", &[], 80),
        work("i-2", "t-1", &[], 55),
        work("i-3", "t-2", &[], 100),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // Core at 135 % → 200 − 135 = 65, Apps at 100 % → 100; mean 82.5 → 83
    assert_eq!(score(&a, PartKind::Capacity), Some(83));
    assert_eq!(
        subjects(&a, PartKind::Capacity),
        vec![Subject::Team("t-1".into())]
    );
    assert_eq!(
        reasons(&a, PartKind::Capacity),
        vec!["Core has committed 135 % of its capacity"]
    );
    assert_eq!(
        summary(&a, PartKind::Capacity),
        "1 of 2 teams is over capacity."
    );
    let core = team_part(&a, "t-1", PartKind::Capacity);
    assert_eq!(core.score, Some(65));
    assert_eq!(core.summary, "135 % of capacity committed.");
    assert_eq!(subjects_of(core), vec![Subject::Team("t-1".into())]);
    let apps = team_part(&a, "t-2", PartKind::Capacity);
    assert_eq!(apps.score, Some(100));
    assert_eq!(apps.summary, "100 % of capacity committed.");
    assert!(apps.findings.is_empty());
}

#[test]
fn capacity_lists_the_most_over_committed_team_first() {
    let mut board = base();
    board.initiatives = vec![
        work("i-1", "t-1", &[], 100),
        work("i-2", "t-1", &[], 20),
        work("i-3", "t-2", &[], 100),
        work("i-4", "t-2", &[], 50),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // Core 120 % → 80, Apps 150 % → 50; mean 65
    assert_eq!(score(&a, PartKind::Capacity), Some(65));
    assert_eq!(
        subjects(&a, PartKind::Capacity),
        vec![Subject::Team("t-2".into()), Subject::Team("t-1".into())]
    );
    assert_eq!(
        summary(&a, PartKind::Capacity),
        "2 of 2 teams are over capacity."
    );
}

#[test]
fn a_team_at_double_capacity_or_more_scores_zero() {
    let mut board = base();
    board.initiatives = vec![
        work("i-1", "t-1", &[], 100),
        work("i-2", "t-1", &[], 100),
        work("i-3", "t-1", &[], 50),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // Core at 250 % → 200 − 250 < 0 → 0; Apps idle → 100; mean 50
    assert_eq!(team_part(&a, "t-1", PartKind::Capacity).score, Some(0));
    assert_eq!(score(&a, PartKind::Capacity), Some(50));
    board.initiatives.truncate(board.initiatives.len() - 1);
    // exactly 200 % → 0
    let a = analyse(&board, utc_now());
    assert_eq!(team_part(&a, "t-1", PartKind::Capacity).score, Some(0));
}

// Rhythm

#[test]
fn exactly_check_in_days_is_on_time_and_one_more_day_is_late() {
    let mut board = base();
    board.rhythm.check_in_days = 7;
    let mut on_time = work("i-1", "t-1", &[], 10);
    on_time.created_at = ts("2026-11-16T09:30:00Z"); // exactly 7 days before now
    let mut late = work("i-2", "t-1", &[], 10);
    late.created_at = ts("2026-11-15T09:30:00Z"); // 8 days
    let mut checked = work("i-3", "t-2", &[], 10);
    checked.created_at = ts("2026-10-01T00:00:00Z"); // old, but checked in recently
    board.initiatives = vec![on_time, late, checked].into();
    let mut recent = check_in("c-1", "i-3", None);
    recent.at = ts("2026-11-20T09:30:00Z");
    let mut old = check_in("c-0", "i-3", None);
    old.at = ts("2026-10-02T09:30:00Z");
    board.check_ins = vec![recent, old].into();
    let a = analyse(&board, utc_now());
    // 1 of 3 late, no review and no period start → freshness alone: 1 − 1/3 → 67
    assert_eq!(score(&a, PartKind::Rhythm), Some(67));
    assert_eq!(
        subjects(&a, PartKind::Rhythm),
        vec![initiative_subject("i-2")]
    );
    assert_eq!(
        reasons(&a, PartKind::Rhythm),
        vec!["No check-in since it was created 8 days ago (due every 7)"]
    );
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "1 of 3 active initiatives is late for a check-in."
    );
}

#[test]
fn a_team_s_slice_counts_its_own_teams_check_ins_and_no_review_it_does_not_hold() {
    let mut board = base();
    board.rhythm.check_in_days = 7;
    board.period.start = Some(date("2026-10-01"));
    let mut own = work("i-1", "t-1", &[], 10);
    own.created_at = ts("2026-10-05T09:30:00Z"); // 49 days without a check-in: late
    let mut other = work("i-2", "t-2", &[], 10);
    other.created_at = ts("2026-10-05T09:30:00Z"); // another team's: its check-ins stay home
    board.initiatives = vec![own, other].into();
    let whole = analyse(&board, utc_now());
    assert_eq!(
        subjects(&whole, PartKind::Rhythm),
        vec![
            alignment_board::core::health::Subject::Board,
            initiative_subject("i-1"),
            initiative_subject("i-2")
        ]
    );
    board.slice = Some(alignment_board::core::model::Cut {
        team_ids: vec!["t-1".into()],
        cut_at: ts("2026-11-20T09:00:00Z"),
    });
    let slice = analyse(&board, utc_now());
    assert_eq!(
        subjects(&slice, PartKind::Rhythm),
        vec![initiative_subject("i-1")]
    );
    assert_eq!(
        summary(&slice, PartKind::Rhythm),
        "1 of 1 active initiative is late for a check-in."
    );
    // The other team's rhythm is not measured here, and says where it is.
    assert_eq!(
        team_part(&slice, "t-2", PartKind::Rhythm).summary,
        "Its check-ins are kept on the whole board."
    );
    // A check-in round is no review: the slice still holds none to be late from.
    board.reviews = vec![review("v-1", ReviewKind::CheckIn, "2026-10-06T09:00:00Z")].into();
    let slice = analyse(&board, utc_now());
    assert_eq!(
        subjects(&slice, PartKind::Rhythm),
        vec![initiative_subject("i-1")]
    );
}

#[test]
fn the_latest_check_in_restarts_the_clock_in_the_persons_calendar_days() {
    let mut board = base();
    let old = |id: &str| {
        let mut i = work(id, "t-1", &[], 10);
        i.created_at = ts("2026-09-01T00:00:00Z");
        i
    };
    let mut never = work("i-4", "t-2", &[], 10);
    never.created_at = ts("2026-11-10T09:30:00Z"); // 13 days, never checked in
    board.initiatives = vec![old("i-1"), old("i-2"), old("i-3"), never].into();
    let at = |id: &str, initiative: &str, when: &str| {
        let mut c = check_in(id, initiative, None);
        c.at = ts(when);
        c
    };
    board.check_ins = vec![
        at("c-1", "i-1", "2026-11-16T23:59:00Z"), // the 16th, 7 days ago: on time
        at("c-2", "i-2", "2026-11-16T00:00:00Z"), // the 16th too, 7 days ago: on time
        at("c-3", "i-3", "2026-11-15T23:59:59Z"), // the 15th, 8 days ago: late
    ]
    .into();
    // In Honolulu (UTC−10) it is 23:30 on the 22nd, and c-3 was on the 15th at 13:59:
    // 7 days ago, on time. i-4 was added at 23:30 on the 9th there: 13 days ago.
    let honolulu = alignment_board::core::time::Now::parse("2026-11-22T23:30:00-10:00").unwrap();
    assert_eq!(honolulu.at(), now());
    let there = analyse(&board, honolulu);
    assert_eq!(score(&there, PartKind::Rhythm), Some(75));
    assert_eq!(
        subjects(&there, PartKind::Rhythm),
        vec![initiative_subject("i-4")]
    );
    let a = analyse(&board, utc_now());
    // 2 of 4 late → 50; the longest waiting first
    assert_eq!(score(&a, PartKind::Rhythm), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Rhythm),
        vec![initiative_subject("i-4"), initiative_subject("i-3")]
    );
    assert_eq!(
        reasons(&a, PartKind::Rhythm),
        vec![
            "No check-in since it was created 13 days ago (due every 7)",
            "Last check-in 8 days ago (due every 7)"
        ]
    );
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "2 of 4 active initiatives are late for a check-in."
    );
}

#[test]
fn the_latest_check_in_counts_whatever_the_order_they_were_recorded_in() {
    let mut board = base();
    let mut i = work("i-1", "t-1", &[], 10);
    i.created_at = ts("2026-09-01T00:00:00Z");
    board.initiatives = vec![i].into();
    let mut newest = check_in("c-2", "i-1", None);
    newest.at = ts("2026-11-22T09:30:00Z");
    let mut oldest = check_in("c-1", "i-1", None);
    oldest.at = ts("2026-09-10T09:30:00Z");
    board.check_ins = vec![newest, oldest].into();
    assert_eq!(
        score(&analyse(&board, utc_now()), PartKind::Rhythm),
        Some(100)
    );
}

#[test]
fn rhythm_adds_review_punctuality_on_the_board_only() {
    let mut board = base();
    board.rhythm.review_days = 28;
    let mut i = work("i-1", "t-1", &[], 10);
    i.created_at = ts("2026-11-01T09:30:00Z"); // 22 days: late
    board.initiatives = vec![i, work("i-2", "t-1", &[], 10)].into();
    board.reviews = vec![review("v-1", ReviewKind::Review, "2026-10-12T09:30:00Z")].into();
    let a = analyse(&board, utc_now());
    // freshness 1 − 1/2 = 0.5; the review was 42 days ago, 14 late → 1 − 14/28 = 0.5
    // → 0.8 × 0.5 + 0.2 × 0.5 → 50
    assert_eq!(score(&a, PartKind::Rhythm), Some(50));
    assert_eq!(
        subjects(&a, PartKind::Rhythm),
        vec![Subject::Board, initiative_subject("i-1")]
    );
    assert_eq!(
        reasons(&a, PartKind::Rhythm)[0],
        "Last review 42 days ago: 14 days late (due every 28 days)"
    );
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "1 of 2 active initiatives is late for a check-in; last review 42 days ago, 14 days late."
    );
    // The team sees its freshness alone: 1 of 2 late → 50, and no review finding
    let core = team_part(&a, "t-1", PartKind::Rhythm);
    assert_eq!(core.score, Some(50));
    assert_eq!(subjects_of(core), vec![initiative_subject("i-1")]);
    assert_eq!(
        core.summary,
        "1 of 2 active initiatives is late for a check-in."
    );

    // A check-in round is not a review; with none, the period's start counts, or the day
    // the board's first initiative was added when that is later (a board started mid-period).
    board.reviews[0].kind = ReviewKind::CheckIn;
    board.period.start = Some(date("2026-10-01"));
    let a = analyse(&board, utc_now());
    // The first initiative was added 22 days ago: on time → 0.8 × 0.5 + 0.2 × 1 → 60
    assert_eq!(score(&a, PartKind::Rhythm), Some(60));
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "1 of 2 active initiatives is late for a check-in; no review since the first initiative was added 22 days ago."
    );
    board.initiatives[0].created_at = ts("2026-09-20T09:30:00Z");
    let a = analyse(&board, utc_now());
    // 53 days since the period started: 25 late → 1 − 25/28 = 0.107 → 0.4 + 0.021 → 42
    assert_eq!(score(&a, PartKind::Rhythm), Some(42));
    assert_eq!(
        reasons(&a, PartKind::Rhythm)[0],
        "No review since the period started 53 days ago: 25 days late (due every 28 days)"
    );
}

#[test]
fn a_review_exactly_review_days_ago_is_on_time_and_one_day_more_is_late() {
    let mut board = base();
    board.rhythm.review_days = 28;
    board.initiatives = vec![work("i-1", "t-1", &[], 10), work("i-2", "t-2", &[], 10)].into();
    board.reviews = vec![review("v-1", ReviewKind::Review, "2026-10-26T09:30:00Z")].into();
    let a = analyse(&board, utc_now());
    // 28 days: on time → 0.8 × 1 + 0.2 × 1 → 100
    assert_eq!(score(&a, PartKind::Rhythm), Some(100));
    assert!(subjects(&a, PartKind::Rhythm).is_empty());
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "0 of 2 active initiatives are late for a check-in; last review 28 days ago."
    );

    board.reviews[0].at = ts("2026-10-25T09:30:00Z");
    let a = analyse(&board, utc_now());
    // 29 days: 1 late → 1 − 1/28 = 0.964 → 0.8 + 0.193 = 0.993 → 99
    assert_eq!(score(&a, PartKind::Rhythm), Some(99));
    assert_eq!(subjects(&a, PartKind::Rhythm), vec![Subject::Board]);
    assert_eq!(
        reasons(&a, PartKind::Rhythm),
        vec!["Last review 29 days ago: 1 day late (due every 28 days)"]
    );
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "0 of 2 active initiatives are late for a check-in; last review 29 days ago, 1 day late."
    );
}

#[test]
fn a_planning_session_counts_as_a_review_and_a_check_in_round_does_not() {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 10)].into();
    board.reviews = vec![
        review("v-2", ReviewKind::CheckIn, "2026-11-22T09:30:00Z"),
        review("v-1", ReviewKind::Review, "2026-10-01T09:30:00Z"),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // the review 53 days ago counts: 25 late → 1 − 25/28 = 0.107 → 0.8 + 0.021 → 82
    assert_eq!(score(&a, PartKind::Rhythm), Some(82));

    board
        .reviews
        .push(review("v-3", ReviewKind::Planning, "2026-11-13T09:30:00Z"));
    let a = analyse(&board, utc_now());
    // planning 10 days ago → on time → 100
    assert_eq!(score(&a, PartKind::Rhythm), Some(100));
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "0 of 1 active initiative are late for a check-in; last review 10 days ago."
    );
}

#[test]
fn review_punctuality_bottoms_out_at_zero() {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 10)].into();
    board.reviews = vec![review("v-1", ReviewKind::Review, "2026-08-15T09:30:00Z")].into();
    let a = analyse(&board, utc_now());
    // 100 days ago, 72 late: 1 − 72/28 < 0 → 0; 0.8 × 1 + 0.2 × 0 → 80
    assert_eq!(score(&a, PartKind::Rhythm), Some(80));
    assert_eq!(
        reasons(&a, PartKind::Rhythm),
        vec!["Last review 100 days ago: 72 days late (due every 28 days)"]
    );
}

#[test]
fn a_period_that_has_not_started_gives_no_review_punctuality() {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 10), work("i-2", "t-2", &[], 10)].into();
    board.period.start = Some(date("2026-12-01"));
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Rhythm), Some(100));
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "0 of 2 active initiatives are late for a check-in."
    );

    // A period starting today is measured from today's midnight: 0 days, on time.
    board.period.start = Some(date("2026-11-23"));
    let a = analyse(&board, utc_now());
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "0 of 2 active initiatives are late for a check-in; no review since the period started today."
    );
}

#[test]
fn a_board_with_no_initiative_yet_has_no_review_due_and_no_score() {
    // A board just started: its period began weeks ago, and there is nothing to review.
    let mut board = empty_board();
    board.period.start = Some(date("2026-10-01"));
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Rhythm), None);
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "No active initiatives to check in."
    );
    assert!(reasons(&a, PartKind::Rhythm).is_empty());
    assert_eq!(a.board.score, None, "no part applies: no score");
}

#[test]
fn rhythm_without_active_work_is_review_punctuality_alone() {
    let mut board = base();
    let mut finished = work("i-1", "t-1", &[], 10);
    finished.status = Status::Done;
    finished.created_at = ts("2026-09-01T09:30:00Z");
    board.initiatives = vec![finished].into();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Rhythm), None);
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "No active initiatives to check in."
    );

    board.period.start = Some(date("2026-10-01"));
    let a = analyse(&board, utc_now());
    // 53 days since the period started, 25 late → 1 − 25/28 = 0.107 → 11
    assert_eq!(score(&a, PartKind::Rhythm), Some(11));
    assert_eq!(
        summary(&a, PartKind::Rhythm),
        "No active initiatives to check in; no review since the period started 53 days ago, 25 days late."
    );
    assert_eq!(subjects(&a, PartKind::Rhythm), vec![Subject::Board]);
    // Teams have no review rhythm, and no work to check in.
    assert_eq!(team_part(&a, "t-1", PartKind::Rhythm).score, None);
}

// Dependencies

fn board_with_dependencies() -> Board {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 10), work("i-2", "t-2", &[], 10)].into();
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
    board.dependencies = vec![fresh, waiting, declined, late, delivered].into();
    board
}

#[test]
fn stuck_dependencies_are_unanswered_declined_or_late() {
    let a = analyse(&board_with_dependencies(), utc_now());
    // d-2, d-3 and d-4 stuck; d-1 (7 days) and d-5 (delivered, though past due) are not
    // → 3 of 5 → 1 − 3/5 → 40
    assert_eq!(score(&a, PartKind::Dependencies), Some(40));
    assert_eq!(
        subjects(&a, PartKind::Dependencies),
        vec![
            Subject::Dependency("d-2".into()),
            Subject::Dependency("d-3".into()),
            Subject::Dependency("d-4".into())
        ]
    );
    assert_eq!(
        reasons(&a, PartKind::Dependencies),
        vec![
            "Asked of Apps 8 days ago for “an API”, still unanswered",
            "Core declined “an API”, but “i-2” still counts on it",
            "Apps accepted “an API”, 1 day overdue, not delivered"
        ]
    );
    assert_eq!(
        summary(&a, PartKind::Dependencies),
        "3 of 5 dependencies need attention."
    );
}

#[test]
fn the_wait_for_an_answer_is_the_check_in_interval() {
    let mut board = board_with_dependencies();
    board.rhythm.check_in_days = 8;
    let a = analyse(&board, utc_now());
    // d-2 has waited 8 days, no longer more than the interval: 2 of 5 → 60
    assert_eq!(score(&a, PartKind::Dependencies), Some(60));
    assert_eq!(
        subjects(&a, PartKind::Dependencies),
        vec![
            Subject::Dependency("d-3".into()),
            Subject::Dependency("d-4".into())
        ]
    );
}

#[test]
fn an_accepted_dependency_is_stuck_only_once_its_due_date_has_passed() {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 10)].into();
    let accepted = |id: &str, due: Option<&str>| {
        let mut d = dependency(id, "i-1", "t-2", None);
        d.state = DependencyState::Accepted;
        d.due = due.map(date);
        d
    };
    board.dependencies = vec![
        accepted("d-1", Some("2026-11-23")), // due today: not yet late
        accepted("d-2", Some("2026-11-22")), // due yesterday: late
        accepted("d-3", None),               // no due date: never late
    ]
    .into();
    let a = analyse(&board, utc_now());
    // 1 of 3 → 67
    assert_eq!(score(&a, PartKind::Dependencies), Some(67));
    assert_eq!(
        subjects(&a, PartKind::Dependencies),
        vec![Subject::Dependency("d-2".into())]
    );
    assert_eq!(
        summary(&a, PartKind::Dependencies),
        "1 of 3 dependencies needs attention."
    );
}

#[test]
fn dependencies_asked_by_finished_work_are_left_out() {
    let mut board = board_with_dependencies();
    let a = analyse(&board, utc_now());
    // Core asked d-1, d-2, d-4, d-5 and was asked d-3: all five; Apps likewise
    assert_eq!(team_part(&a, "t-1", PartKind::Dependencies).score, Some(40));
    // Once i-1 is done, only d-3 (declined, i-2 still active) is left: 0 of 1 healthy
    board.initiatives[0].status = Status::Done;
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Dependencies), Some(0));
    assert_eq!(
        summary(&a, PartKind::Dependencies),
        "1 of 1 dependency needs attention."
    );
    // A declined request of dropped work counts on nothing any more.
    board.initiatives[1].status = Status::Dropped;
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Dependencies), None);
    assert_eq!(
        summary(&a, PartKind::Dependencies),
        "No dependencies on active work."
    );
    // Nor does the part apply with no dependencies at all.
    board.initiatives[1].status = Status::OnTrack;
    board.dependencies.clear();
    assert_eq!(
        score(&analyse(&board, utc_now()), PartKind::Dependencies),
        None
    );
}

#[test]
fn a_team_answers_for_the_dependencies_asked_of_it() {
    let mut board = base();
    board.teams.push(team("t-3", "Ops", None));
    board.initiatives = vec![work("i-1", "t-1", &[], 10)].into();
    let mut waiting = dependency("d-1", "i-1", "t-2", None);
    waiting.requested_at = ts("2026-11-15T09:30:00Z"); // 8 days: stuck
    board.dependencies = vec![waiting].into();
    let a = analyse(&board, utc_now());
    // Core asked it, Apps was asked it: both see 1 of 1 stuck → 0
    for team in ["t-1", "t-2"] {
        let part = team_part(&a, team, PartKind::Dependencies);
        assert_eq!(part.score, Some(0), "{team}");
        assert_eq!(
            subjects_of(part),
            vec![Subject::Dependency("d-1".into())],
            "{team}"
        );
    }
    // Ops has nothing to do with it.
    let ops = team_part(&a, "t-3", PartKind::Dependencies);
    assert_eq!(ops.score, None);
    assert_eq!(ops.summary, "No dependencies on active work.");
}

#[test]
fn a_dependency_finding_marks_the_asking_initiative_on_the_board() {
    let board = board_with_dependencies();
    let attention = analyse(&board, utc_now()).attention(&board);
    let about_dependencies = |id: &str| -> Vec<String> {
        attention
            .get(id)
            .unwrap_or_else(|| panic!("{id} needs attention"))
            .iter()
            .filter(|r| r.starts_with("Dependencies: "))
            .cloned()
            .collect()
    };
    // d-2 and d-4 were asked by i-1, d-3 by i-2 (both are also local work, for Focus)
    assert_eq!(
        about_dependencies("i-1"),
        vec![
            "Dependencies: Asked of Apps 8 days ago for “an API”, still unanswered",
            "Dependencies: Apps accepted “an API”, 1 day overdue, not delivered"
        ]
    );
    assert_eq!(
        about_dependencies("i-2"),
        vec!["Dependencies: Core declined “an API”, but “i-2” still counts on it"]
    );
    assert_eq!(attention.len(), 2);
}

// Honest status

#[test]
fn the_straight_line_runs_from_creation_to_the_end_of_the_due_date() {
    let today = utc_now();
    let mut i = work("i-1", "t-1", &[], 10);
    i.created_at = ts("2026-11-01T12:00:00Z");
    i.due = Some(date("2026-11-30"));
    // 22 days since creation of 30 (1 to 30 November inclusive) → 73.3 %
    let expected = expected_progress(&i, today).unwrap();
    assert!(close(expected, 22.0 / 30.0 * 100.0), "{expected}");
    // past its due date: 100 %
    i.due = Some(date("2026-11-10"));
    assert_eq!(expected_progress(&i, today), Some(100.0));
    // due the day it was created: 0 % that day, 100 % the next
    i.created_at = ts("2026-11-23T08:00:00Z");
    i.due = Some(date("2026-11-23"));
    assert_eq!(expected_progress(&i, today), Some(0.0));
    assert_eq!(
        expected_progress(&i, Now::utc(ts("2026-11-24T09:30:00Z"))),
        Some(100.0),
        "a day after"
    );
    // created after today (a clock skew): never below 0 %
    i.created_at = ts("2026-11-25T08:00:00Z");
    i.due = Some(date("2026-12-25"));
    assert_eq!(expected_progress(&i, today), Some(0.0));
    i.due = None;
    assert_eq!(expected_progress(&i, today), None);
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
        risk("r-1", "Vendor may pull out", Severity::High, true),
        risk("r-2", "Closed", Severity::High, false),
    ];
    board.initiatives = vec![
        pace("i-1", Status::OnTrack, 24),  // 26 points behind: flagged
        pace("i-2", Status::OnTrack, 25),  // 25 points behind: within tolerance
        pace("i-3", Status::OffTrack, 76), // 26 points ahead: flagged
        pace("i-4", Status::AtRisk, 75),   // 25 points ahead: within tolerance
        risky,
    ]
    .into();
    let a = analyse(&board, utc_now());
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
    assert_eq!(
        reasons(&a, PartKind::HonestStatus),
        vec![
            "On track, but 24 % done where a steady pace to its due date in 19 days would be at 50 %",
            "Off track, yet 76 % done, ahead of a steady pace to its due date in 19 days (50 %)",
            "On track with an open high risk: Vendor may pull out"
        ]
    );
    assert_eq!(
        summary(&a, PartKind::HonestStatus),
        "3 of 5 active initiatives have a status their pace or risks contradict."
    );
}

#[test]
fn work_past_its_due_date_is_expected_to_be_done() {
    let mut board = base();
    let overdue = |id: &str, progress: u8| {
        let mut i = work(id, "t-1", &[], 5);
        i.created_at = ts("2026-11-01T09:00:00Z");
        i.due = Some(date("2026-11-20")); // 22 days elapsed of 20 → 100 %
        i.progress = progress;
        i
    };
    board.initiatives = vec![overdue("i-1", 74), overdue("i-2", 75)].into();
    let a = analyse(&board, utc_now());
    // 74 + 25 < 100 is flagged, 75 + 25 is not: 1 of 2 → 50
    assert_eq!(score(&a, PartKind::HonestStatus), Some(50));
    assert_eq!(
        reasons(&a, PartKind::HonestStatus),
        vec!["On track, but 74 % done and 3 days overdue"]
    );
    assert_eq!(
        summary(&a, PartKind::HonestStatus),
        "1 of 2 active initiatives has a status its pace or risks contradict."
    );
}

#[test]
fn only_on_track_work_is_held_to_its_pace_and_its_high_risks() {
    let mut board = base();
    let mut medium = work("i-1", "t-1", &[], 5);
    medium.risks = vec![risk("r-1", "Late vendor", Severity::Medium, true)];
    let mut at_risk = work("i-2", "t-1", &[], 5);
    at_risk.status = Status::AtRisk;
    at_risk.risks = vec![risk("r-2", "Key person leaving", Severity::High, true)];
    let mut not_started = work("i-3", "t-1", &[], 5);
    not_started.status = Status::NotStarted;
    not_started.created_at = ts("2026-11-01T09:00:00Z");
    not_started.due = Some(date("2026-11-25")); // 22 of 25 days → 88 %, at 0 %
    not_started.risks = vec![risk("r-3", "Budget", Severity::High, true)];
    let no_due_date = work("i-4", "t-2", &[], 5); // on track at 0 %, but no line to miss
    board.initiatives = vec![medium, at_risk, not_started, no_due_date].into();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::HonestStatus), Some(100));
    assert!(subjects(&a, PartKind::HonestStatus).is_empty());
    assert_eq!(
        summary(&a, PartKind::HonestStatus),
        "0 of 4 active initiatives have a status their pace or risks contradict."
    );
}

#[test]
fn several_reasons_flag_an_initiative_once() {
    let mut board = base();
    let mut i = work("i-1", "t-1", &[], 5);
    i.created_at = ts("2026-11-03T09:30:00Z"); // 20 of 40 days → 50 %
    i.due = Some(date("2026-12-12"));
    i.progress = 0;
    i.risks = vec![
        risk("r-1", "Vendor", Severity::High, true),
        risk("r-2", "Key person leaving", Severity::High, true),
    ];
    board.initiatives = vec![i, work("i-2", "t-1", &[], 5)].into();
    let a = analyse(&board, utc_now());
    // 1 of 2 flagged → 50
    assert_eq!(score(&a, PartKind::HonestStatus), Some(50));
    assert_eq!(
        reasons(&a, PartKind::HonestStatus),
        vec![
            "On track, but 0 % done where a steady pace to its due date in 19 days would be at 50 %; \
             On track with an open high risk: Vendor; \
             On track with an open high risk: Key person leaving"
        ]
    );
}

// The score, teams and ordering

#[test]
fn parts_that_do_not_apply_leave_the_weighting() {
    let mut board = base();
    board.initiatives = vec![work("i-1", "t-1", &[], 50)].into();
    let a = analyse(&board, utc_now());
    // No priorities: focus 0 (all local), coverage and rank fit n/a, dependencies n/a;
    // accountability 100, capacity 100, rhythm 100, honest 100.
    assert_eq!(score(&a, PartKind::Focus), Some(0));
    assert_eq!(
        subjects(&a, PartKind::Focus),
        vec![initiative_subject("i-1")]
    );
    assert_eq!(score(&a, PartKind::Coverage), None);
    assert_eq!(summary(&a, PartKind::Coverage), "No active priorities.");
    assert_eq!(score(&a, PartKind::RankFit), None);
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "Needs two or more active priorities."
    );
    assert_eq!(score(&a, PartKind::Dependencies), None);
    // (20 × 0 + 10 × 100 + 10 × 100 + 15 × 100 + 10 × 100) ÷ 65 = 4500 ÷ 65 = 69.2 → 69
    assert_eq!(a.board.score, Some(69));
    // parts that do not apply cost nothing
    assert_eq!(part(&a, PartKind::Coverage).points_lost(), 0.0);
    assert_eq!(a.board.cost(part(&a, PartKind::Coverage)), 0.0);
    // The parts that apply share the others' weight, and so their costs add up to what the
    // score lost: Focus's 20 of 65 take 30.8 points off, not 20.
    assert_eq!(a.board.weight_applying(), 65);
    assert!(close(
        a.board.cost(part(&a, PartKind::Focus)),
        2000.0 / 65.0
    ));
    let costs: f64 = a.board.parts.iter().map(|p| a.board.cost(p)).sum();
    assert!(close(costs, 100.0 - 4500.0 / 65.0), "{costs}");
}

#[test]
fn the_score_is_the_weighted_mean_of_the_rounded_part_scores() {
    let mut board = documented_example();
    board.initiatives[2].effort = 90; // C: Apps at 140 %
    let a = analyse(&board, utc_now());
    // Focus 150 of 240 = 62.5 → 63; capacity (100 + 60) ÷ 2 = 80; the rest 100, no deps
    assert_eq!(score(&a, PartKind::Focus), Some(63));
    assert_eq!(score(&a, PartKind::Capacity), Some(80));
    // (20 × 63 + 15 × 100 + 10 × 100 + 10 × 100 + 10 × 80 + 15 × 100 + 10 × 100) ÷ 90
    // = 8060 ÷ 90 = 89.6 → 90
    assert_eq!(a.board.score, Some(90));
}

#[test]
fn an_empty_board_has_no_score_and_nothing_to_show() {
    let a = analyse(&empty_board(), utc_now());
    assert_eq!(a.board.score, None);
    assert!(a
        .board
        .parts
        .iter()
        .all(|p| p.score.is_none() && p.findings.is_empty()));
    assert_eq!(
        a.board.parts.iter().map(|p| p.kind).collect::<Vec<_>>(),
        PartKind::ALL.to_vec()
    );
    assert!(a.teams.is_empty());
    assert_eq!(a.allocation.total_effort, 0.0);
    assert_eq!(a.allocation.cells.len(), 0);
    assert_eq!(a.allocation.column_effort, vec![0.0]);
    assert!(a.attention(&empty_board()).is_empty());
}

#[test]
fn a_board_of_priorities_without_work_scores_coverage_zero() {
    let mut board = base();
    board.priorities = ranked_priorities(2);
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Coverage), Some(0));
    assert_eq!(
        subjects(&a, PartKind::Coverage),
        vec![priority_subject("pr-1"), priority_subject("pr-2")]
    );
    assert_eq!(score(&a, PartKind::Focus), None);
    assert_eq!(summary(&a, PartKind::Focus), "No active initiatives.");
    assert_eq!(score(&a, PartKind::RankFit), None);
    assert_eq!(score(&a, PartKind::Rhythm), None);
    assert_eq!(score(&a, PartKind::HonestStatus), None);
    assert_eq!(
        summary(&a, PartKind::HonestStatus),
        "No active initiatives."
    );
    assert_eq!(
        score(&a, PartKind::Accountability),
        Some(100),
        "the two priorities are owned"
    );
    assert_eq!(score(&a, PartKind::Capacity), Some(100));
    // Without active work there is nothing under way to measure: the parts say what is
    // missing, and the board has no score (it scored 57 on its ownership and capacity).
    assert_eq!(a.board.score, None);
    // A team without work has only its capacity to show, and no score either.
    let core = a.team("t-1").unwrap();
    assert_eq!(core.score, None);
    assert_eq!(core.part(PartKind::Capacity).score, Some(100));
    assert_eq!(
        core.part(PartKind::Accountability).summary,
        "No active priorities or initiatives."
    );
    assert_eq!(
        core.part(PartKind::Capacity).summary,
        "0 % of capacity committed."
    );
}

#[test]
fn all_local_work_scores_focus_and_coverage_zero_and_has_no_rank_fit() {
    let mut board = base();
    board.priorities = ranked_priorities(2);
    board.initiatives = vec![work("i-1", "t-1", &[], 40), work("i-2", "t-2", &[], 60)].into();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Focus), Some(0));
    assert_eq!(
        summary(&a, PartKind::Focus),
        "0 % of active effort serves an active priority; 100 % is local work (2 initiatives)."
    );
    assert_eq!(
        subjects(&a, PartKind::Focus),
        vec![initiative_subject("i-2"), initiative_subject("i-1")]
    );
    assert_eq!(score(&a, PartKind::Coverage), Some(0));
    assert_eq!(score(&a, PartKind::RankFit), None);
    assert_eq!(
        summary(&a, PartKind::RankFit),
        "No effort is spent on the active priorities."
    );
    // (20 × 0 + 15 × 0 + 10 × 100 + 10 × 100 + 15 × 100 + 10 × 100) ÷ 80 = 56.25 → 56
    assert_eq!(a.board.score, Some(56));
    assert_eq!(a.allocation.column_effort, vec![0.0, 0.0, 100.0]);
}

#[test]
fn zero_effort_everywhere_counts_initiatives_and_leaves_rank_fit_out() {
    let mut board = base();
    board.priorities = ranked_priorities(2);
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 0),
        work("i-2", "t-2", &["pr-2"], 0),
        work("i-3", "t-1", &[], 0),
    ]
    .into();
    let a = analyse(&board, utc_now());
    // 2 of 3 initiatives serve a priority → 67
    assert_eq!(score(&a, PartKind::Focus), Some(67));
    assert_eq!(
        summary(&a, PartKind::Focus),
        "No effort is recorded; 2 of 3 active initiatives serve an active priority."
    );
    assert_eq!(score(&a, PartKind::Coverage), Some(100));
    assert_eq!(score(&a, PartKind::RankFit), None);
    assert_eq!(score(&a, PartKind::Capacity), Some(100));
    assert_eq!(
        summary(&a, PartKind::Capacity),
        "0 of 2 teams are over capacity."
    );
    // The allocation still places the work, with no effort.
    let al = &a.allocation;
    assert_eq!(al.total_effort, 0.0);
    assert_eq!(al.cells[0][0].initiatives, vec![0]);
    assert_eq!(al.cells[1][1].initiatives, vec![1]);
    assert_eq!(al.cells[0][2].initiatives, vec![2]);
    assert_eq!(al.priority_shares(), vec![0.0, 0.0]);
}

#[test]
fn a_board_without_teams_has_no_capacity_and_no_team_rows() {
    let mut board = empty_board();
    board.people = vec![person("p-1", "Ada", None)].into();
    board.priorities = vec![owned_priority("pr-1", 1)].into();
    let a = analyse(&board, utc_now());
    assert!(a.teams.is_empty());
    assert_eq!(score(&a, PartKind::Capacity), None);
    assert_eq!(summary(&a, PartKind::Capacity), "No teams.");
    // Coverage 0 (weight 15) and accountability 100 (weight 10) apply, but with no
    // active work there is no score.
    assert_eq!(score(&a, PartKind::Coverage), Some(0));
    assert_eq!(score(&a, PartKind::Accountability), Some(100));
    assert_eq!(a.board.score, None);
    assert_eq!(a.allocation.teams, Vec::<String>::new());
    assert!(a.allocation.cells.is_empty());
    assert_eq!(a.allocation.column_effort, vec![0.0, 0.0]);

    // Work naming a team that is not on the board must not break the analysis.
    board.initiatives = vec![work("i-1", "t-9", &["pr-1"], 30)].into();
    let a = analyse(&board, utc_now());
    assert_eq!(score(&a, PartKind::Capacity), None);
    // With work under way the board is scored again, capacity left out of the weighting.
    assert_eq!(a.board.score, Some(100));
    assert!(a.allocation.cells.is_empty());
    assert_eq!(a.allocation.total_effort, 0.0);
}

#[test]
fn teams_get_their_own_parts_and_scores() {
    let a = analyse(&documented_example(), utc_now());
    assert_eq!(
        a.teams
            .iter()
            .map(|(id, _)| id.as_str())
            .collect::<Vec<_>>(),
        vec!["t-1", "t-2"]
    );
    let core = a.team("t-1").unwrap();
    let apps = a.team("t-2").unwrap();
    for health in [core, apps] {
        assert_eq!(health.part(PartKind::Coverage).score, None);
        assert_eq!(
            health.part(PartKind::Coverage).summary,
            "Measured for the whole board only."
        );
        assert_eq!(health.part(PartKind::RankFit).score, None);
        assert_eq!(
            health.part(PartKind::RankFit).summary,
            "Measured for the whole board only."
        );
    }
    assert_eq!(core.part(PartKind::Focus).score, Some(100));
    // Apps: 50 of 80 effort serves a priority → 62.5 → 63
    assert_eq!(apps.part(PartKind::Focus).score, Some(63));
    assert_eq!(
        subjects_of(apps.part(PartKind::Focus)),
        vec![initiative_subject("C")]
    );
    // Apps: 2 initiatives, no priorities counted
    assert_eq!(
        apps.part(PartKind::Accountability).summary,
        "0 of 2 active priorities and initiatives have no owner; nobody owns more than 3 active initiatives."
    );
    // Apps: (20 × 63 + 10 × 100 + 10 × 100 + 15 × 100 + 10 × 100) ÷ 65 = 5760 ÷ 65 = 88.6
    assert_eq!(apps.score, Some(89));
    assert!(a.team("t-9").is_none());
}

#[test]
fn parts_are_ranked_by_the_points_they_cost() {
    let mut board = documented_example();
    board.initiatives[2].effort = 90; // Apps at 140 %: capacity (100 + 60) ÷ 2 → 80
    let a = analyse(&board, utc_now());
    let order: Vec<PartKind> = a.board.by_attention().iter().map(|p| p.kind).collect();
    // Focus 63 costs 20 × 37 / 100 = 7.4; capacity 80 costs 10 × 20 / 100 = 2; the rest
    // cost nothing or do not apply (dependencies) and keep the documentation order
    assert_eq!(
        order,
        vec![
            PartKind::Focus,
            PartKind::Capacity,
            PartKind::Coverage,
            PartKind::RankFit,
            PartKind::Accountability,
            PartKind::Rhythm,
            PartKind::Dependencies,
            PartKind::HonestStatus
        ]
    );
    assert!(close(part(&a, PartKind::Focus).points_lost(), 7.4));
    assert!(close(part(&a, PartKind::Capacity).points_lost(), 2.0));
    // As the view shows them, among the 90 of weight that apply (no dependencies).
    assert!(close(a.board.cost(part(&a, PartKind::Focus)), 740.0 / 90.0));
    assert!(close(
        a.board.cost(part(&a, PartKind::Capacity)),
        200.0 / 90.0
    ));
}

#[test]
fn parts_that_cost_the_same_keep_the_documentation_order() {
    let mut board = base();
    board.priorities = vec![priority("pr-1", "Unowned", 1)].into();
    let mut unowned = work("i-3", "t-1", &[], 50);
    unowned.owner_id = None;
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-1"], 100),
        work("i-2", "t-1", &["pr-1"], 50),
        unowned,
    ]
    .into();
    let a = analyse(&board, utc_now());
    // Focus: 150 of 200 → 75, costs 20 × 25 / 100 = 5
    assert_eq!(score(&a, PartKind::Focus), Some(75));
    // Accountability: pr-1 and i-3 unowned, 2 of 4 items → 50, costs 10 × 50 / 100 = 5
    assert_eq!(score(&a, PartKind::Accountability), Some(50));
    // Capacity: Core at 200 % → 0, Apps idle → 100; mean 50, costs 5
    assert_eq!(score(&a, PartKind::Capacity), Some(50));
    let order: Vec<PartKind> = a.board.by_attention().iter().map(|p| p.kind).collect();
    assert_eq!(
        &order[..3],
        &[
            PartKind::Focus,
            PartKind::Accountability,
            PartKind::Capacity
        ]
    );
    // (20 × 75 + 15 × 100 + 10 × 50 + 10 × 50 + 15 × 100 + 10 × 100) ÷ 80 = 6500 ÷ 80
    // = 81.25 → 81
    assert_eq!(a.board.score, Some(81));
}

#[test]
fn attention_gathers_an_initiatives_own_findings_in_part_order() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1), priority("pr-2", "Unowned", 2)].into();
    let mut neglected = work("i-1", "t-1", &[], 10);
    neglected.owner_id = None;
    neglected.created_at = ts("2026-11-01T09:30:00Z"); // 22 days without a check-in
    board.initiatives = vec![
        neglected,
        work("i-2", "t-1", &["pr-1"], 10),
        work("i-3", "t-2", &["pr-1"], 100),
        work("i-4", "t-2", &["pr-1"], 20), // Apps at 120 %: a team finding
    ]
    .into();
    let a = analyse(&board, utc_now());
    // pr-2 is uncovered and unowned, Apps is over capacity: findings about a priority
    // and a team, which mark no card
    assert_eq!(
        subjects(&a, PartKind::Coverage),
        vec![priority_subject("pr-2")]
    );
    assert_eq!(
        subjects(&a, PartKind::Capacity),
        vec![Subject::Team("t-2".into())]
    );
    let attention = a.attention(&board);
    assert_eq!(attention.len(), 1);
    assert_eq!(
        attention["i-1"],
        vec![
            "Focus: Local work, 10 % effort".to_string(),
            "Accountability: No owner".to_string(),
            "Rhythm: No check-in since it was created 22 days ago (due every 7)".to_string()
        ]
    );
}

#[test]
fn work_its_team_reports_off_track_needs_attention_before_its_findings() {
    let mut board = base();
    board.priorities = vec![owned_priority("pr-1", 1)].into();
    let mut off = work("i-1", "t-1", &[], 10); // also local work, for Focus
    off.status = Status::OffTrack;
    let mut risky = work("i-2", "t-1", &["pr-1"], 10);
    risky.status = Status::AtRisk;
    // At risk and a year past its date: overdue work needs attention whatever its status.
    let mut late = work("i-4", "t-2", &["pr-1"], 10);
    late.status = Status::AtRisk;
    late.due = Some(date("2025-11-23"));
    let mut done = work("i-5", "t-2", &["pr-1"], 10);
    done.status = Status::Done;
    done.due = Some(date("2025-11-23"));
    board.initiatives = vec![off, risky, work("i-3", "t-2", &["pr-1"], 10), late, done].into();
    let attention = analyse(&board, utc_now()).attention(&board);
    assert_eq!(
        attention["i-1"],
        vec![
            "Off track: reported by its team".to_string(),
            "Focus: Local work, 10 % effort".to_string()
        ]
    );
    assert_eq!(attention["i-4"][0], "Overdue: due 365 days ago");
    // at risk is the team's own early warning, not yet a call for help; done work is done
    assert_eq!(attention.len(), 2, "{attention:?}");
}

#[test]
fn a_card_says_what_is_wrong_with_the_work_not_which_part_of_health_found_it() {
    let said = |reason: &str| flag_words(reason).to_string();
    assert_eq!(said("Off track: reported by its team"), "Off track");
    assert_eq!(said("Overdue: due 365 days ago"), "Overdue");
    assert_eq!(said("Accountability: No owner"), "No owner");
    assert_eq!(
        said("Focus: Local work, 10 % effort"),
        "Serves no open priority"
    );
    assert_eq!(
        said("Rhythm: Last check-in 9 days ago (due every 7)"),
        "Check-in late"
    );
    assert_eq!(
        said("Dependencies: Asked of Apps 8 days ago for “an API”, still unanswered"),
        "Request stuck"
    );
    assert_eq!(
        said("Honest status: Not started, yet 40 % done"),
        "Status in question"
    );
    // Every part a finding can come from has words of its own, none of them its name.
    for kind in PartKind::ALL {
        assert_ne!(kind.on_card(), kind.label());
        assert_eq!(said(&format!("{}: anything", kind.label())), kind.on_card());
    }
}

// Allocation

#[test]
fn allocation_splits_effort_over_served_priorities() {
    let a = analyse(&documented_example(), utc_now());
    let al = &a.allocation;
    assert_eq!(al.priorities, vec!["P1".to_string(), "P2".to_string()]);
    assert_eq!(al.teams, vec!["t-1".to_string(), "t-2".to_string()]);
    let efforts: Vec<Vec<f64>> = al
        .cells
        .iter()
        .map(|row| row.iter().map(|c| c.effort).collect())
        .collect();
    // Core: A 60 + half of B's 40 on P1, the other half on P2; Apps: D on P2, C local
    assert_eq!(efforts, vec![vec![80.0, 20.0, 0.0], vec![0.0, 50.0, 30.0]]);
    assert_eq!(al.cells[0][0].initiatives, vec![0, 1]);
    assert_eq!(al.cells[0][1].initiatives, vec![1]);
    assert_eq!(al.cells[1][2].initiatives, vec![2]);
    assert_eq!(al.column_effort, vec![80.0, 70.0, 30.0]);
    assert_eq!(al.team_effort, vec![100.0, 80.0]);
    assert_eq!(al.total_effort, 180.0);
    assert_eq!(al.priority_effort(), 150.0);
    let shares = al.priority_shares();
    // 80 of 150 and 70 of 150
    assert!(close(shares[0], 80.0 / 150.0));
    assert!(close(shares[1], 70.0 / 150.0));
}

#[test]
fn allocation_columns_follow_rank_and_leave_out_finished_work_and_priorities() {
    let mut board = base();
    let mut achieved = owned_priority("pr-x", 1);
    achieved.status = PriorityStatus::Achieved;
    board.priorities = vec![
        owned_priority("pr-a", 2),
        owned_priority("pr-b", 1),
        owned_priority("pr-c", 3),
        achieved,
    ]
    .into();
    let mut done = work("i-4", "t-2", &["pr-c"], 50);
    done.status = Status::Done;
    board.initiatives = vec![
        work("i-1", "t-1", &["pr-a", "pr-b", "pr-c"], 30), // 10 to each
        work("i-2", "t-1", &["pr-x", "pr-b"], 40),         // all 40 to pr-b
        work("i-3", "t-2", &["pr-x"], 20),                 // local
        done,
    ]
    .into();
    let a = analyse(&board, utc_now());
    let al = &a.allocation;
    assert_eq!(
        al.priorities,
        vec!["pr-b".to_string(), "pr-a".to_string(), "pr-c".to_string()]
    );
    let efforts: Vec<Vec<f64>> = al
        .cells
        .iter()
        .map(|row| row.iter().map(|c| c.effort).collect())
        .collect();
    // Core: pr-b 10 + 40 = 50, pr-a 10, pr-c 10; Apps: 20 local, the done 50 nowhere
    assert_eq!(
        efforts,
        vec![vec![50.0, 10.0, 10.0, 0.0], vec![0.0, 0.0, 0.0, 20.0]]
    );
    assert_eq!(al.cells[0][0].initiatives, vec![0, 1]);
    assert_eq!(al.cells[1][3].initiatives, vec![2]);
    assert!(al.cells[1][2].initiatives.is_empty());
    assert_eq!(al.column_effort, vec![50.0, 10.0, 10.0, 20.0]);
    assert_eq!(al.team_effort, vec![70.0, 20.0]);
    assert_eq!(al.total_effort, 90.0);
    assert_eq!(al.priority_effort(), 70.0);
    let shares = al.priority_shares();
    // 50, 10 and 10 of 70
    assert!(close(shares[0], 5.0 / 7.0));
    assert!(close(shares[1], 1.0 / 7.0));
    assert!(close(shares[2], 1.0 / 7.0));
}

#[test]
fn the_board_wide_analysis_is_the_full_one_without_the_teams_rows() {
    let board = full_board();
    let full = analyse(&board, utc_now());
    let wide = analyse_board(&board, utc_now());
    assert!(wide.teams.is_empty());
    assert_eq!(wide.board, full.board);
    assert_eq!(wide.allocation, full.allocation);
    assert_eq!(wide.with_teams(&board), full, "the teams' rows added later");
}

#[test]
fn work_marked_not_started_yet_part_done_is_flagged_whatever_its_pace() {
    let mut board = base();
    let mut begun = work("i-1", "t-1", &[], 5);
    begun.status = Status::NotStarted;
    begun.progress = 10; // no due date: no pace to judge, but the two say different things
    let mut waiting = work("i-2", "t-1", &[], 5);
    waiting.status = Status::NotStarted;
    board.initiatives = vec![begun, waiting].into();
    let a = analyse(&board, utc_now());
    assert_eq!(
        subjects(&a, PartKind::HonestStatus),
        vec![initiative_subject("i-1")]
    );
    assert_eq!(
        reasons(&a, PartKind::HonestStatus),
        vec!["Not started, yet 10 % done"]
    );
    assert_eq!(score(&a, PartKind::HonestStatus), Some(50));
}
