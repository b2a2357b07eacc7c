//! Small builders shared by the native core tests (`tests/core_*.rs`). Each test file
//! includes this module with `mod core_support;`, so not every helper is used by every
//! file.
#![allow(dead_code)]

use alignment_board::core::model::{
    Board, CheckIn, Decision, DecisionKind, Dependency, DependencyState, Initiative, Period,
    Person, Priority, PriorityStatus, Review, ReviewKind, Rhythm, Risk, Severity, Status, Team,
};
use alignment_board::core::time::{Date, Now, Timestamp};
use alignment_board::core::validate;

/// SplitMix64: reproducible random bits, standing in for the browser's when a test makes
/// new ids.
pub fn bits(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed;
    move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// 64 cases per property, or `PROPTEST_CASES` when it is set. A failure prints its
/// minimal input; nothing is written next to the sources.
#[cfg(not(target_arch = "wasm32"))]
pub fn proptest_config() -> proptest::prelude::ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(64);
    proptest::prelude::ProptestConfig {
        cases,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    }
}

/// A timestamp from its RFC 3339 text; panics on a typo in the test itself.
pub fn ts(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap_or_else(|| panic!("bad timestamp in test: {text}"))
}

/// A date from `YYYY-MM-DD`; panics on a typo in the test itself.
pub fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("bad date in test: {text}"))
}

/// The instant the tests pretend it is.
pub fn now() -> Timestamp {
    ts("2026-11-23T09:30:00Z")
}

/// `now()` for a person whose clock shows UTC: local days are UTC days.
pub fn utc_now() -> Now {
    Now::utc(now())
}

/// When every hand-built entity was created.
pub fn created() -> Timestamp {
    ts("2026-10-01T08:00:00Z")
}

pub fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

pub fn person(id: &str, name: &str, team_id: Option<&str>) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        team_id: team_id.map(Into::into),
    }
}

pub fn team(id: &str, name: &str, lead_id: Option<&str>) -> Team {
    Team {
        id: id.into(),
        name: name.into(),
        lead_id: lead_id.map(Into::into),
    }
}

/// An active priority with the given rank and no owner.
pub fn priority(id: &str, title: &str, rank: u32) -> Priority {
    Priority {
        id: id.into(),
        title: title.into(),
        description: String::new(),
        rank,
        owner_id: None,
        status: PriorityStatus::Active,
        success_measure: String::new(),
        created_at: created(),
    }
}

/// A not-started initiative of `team_id`, with no owner, serving `priority_ids`.
pub fn initiative(id: &str, title: &str, team_id: &str, priority_ids: &[&str]) -> Initiative {
    Initiative {
        id: id.into(),
        title: title.into(),
        description: String::new(),
        team_id: team_id.into(),
        owner_id: None,
        priority_ids: ids(priority_ids),
        effort: 10,
        status: Status::NotStarted,
        progress: 0,
        confidence: None,
        due: None,
        created_at: created(),
        updated_at: created(),
        risks: Vec::new(),
    }
}

pub fn check_in(id: &str, initiative_id: &str, author_id: Option<&str>) -> CheckIn {
    CheckIn {
        id: id.into(),
        initiative_id: initiative_id.into(),
        at: ts("2026-11-20T16:00:00Z"),
        status: Status::OnTrack,
        progress: 30,
        confidence: Some(6),
        note: "steady".into(),
        author_id: author_id.map(Into::into),
    }
}

pub fn dependency(
    id: &str,
    from_initiative_id: &str,
    to_team_id: &str,
    to_initiative_id: Option<&str>,
) -> Dependency {
    Dependency {
        id: id.into(),
        from_initiative_id: from_initiative_id.into(),
        to_team_id: to_team_id.into(),
        to_initiative_id: to_initiative_id.map(Into::into),
        need: "an API".into(),
        due: None,
        promised: None,
        state: DependencyState::Requested,
        requested_at: ts("2026-11-03T10:00:00Z"),
        answered_at: None,
        answer_note: String::new(),
        delivered_at: None,
    }
}

pub fn decision(
    id: &str,
    owner_id: Option<&str>,
    priority_ids: &[&str],
    team_ids: &[&str],
) -> Decision {
    Decision {
        id: id.into(),
        title: format!("Decision {id}"),
        rationale: String::new(),
        kind: DecisionKind::Commit,
        decided_at: ts("2026-11-10T15:00:00Z"),
        owner_id: owner_id.map(Into::into),
        priority_ids: ids(priority_ids),
        team_ids: ids(team_ids),
        revisit_on: None,
        initiative_ids: Vec::new(),
    }
}

/// A board with nothing on it but its id and title.
pub fn empty_board() -> Board {
    Board {
        id: "b-1".into(),
        title: "Test board".into(),
        purpose: String::new(),
        period: Period::default(),
        rhythm: Rhythm::default(),
        people: Default::default(),
        teams: Default::default(),
        priorities: Default::default(),
        initiatives: Default::default(),
        check_ins: Default::default(),
        dependencies: Default::default(),
        decisions: Default::default(),
        reviews: Default::default(),
        slice: None,
    }
}

/// A small, sound board most action, history and layout tests start from:
///
/// - people: `p-1` Dana (Product, leads it), `p-2` Sam (Platform)
/// - teams: `t-1` Product, `t-2` Platform
/// - priorities, active, by rank: `pr-1` Onboarding (1, owner p-1), `pr-2` Reliability (2),
///   `pr-3` Pricing (3)
/// - initiatives: `i-1` Wizard (t-1, pr-1, owner p-1), `i-2` Status page (t-2, pr-1 and
///   pr-2, no owner), `i-3` Cleanup (t-1, local work, owner p-2)
/// - check-in `c-1` on i-1 by p-1; dependency `d-1` from i-1 to t-2 on i-2; decision `x-1`
///   by p-1 naming pr-1 and pr-2 and teams t-1 and t-2
pub fn small_board() -> Board {
    let mut board = empty_board();
    board.people = vec![
        person("p-1", "Dana", Some("t-1")),
        person("p-2", "Sam", Some("t-2")),
    ]
    .into();
    board.teams = vec![
        team("t-1", "Product", Some("p-1")),
        team("t-2", "Platform", None),
    ]
    .into();
    let mut onboarding = priority("pr-1", "Onboarding", 1);
    onboarding.owner_id = Some("p-1".into());
    board.priorities = vec![
        onboarding,
        priority("pr-2", "Reliability", 2),
        priority("pr-3", "Pricing", 3),
    ]
    .into();
    let mut wizard = initiative("i-1", "Wizard", "t-1", &["pr-1"]);
    wizard.owner_id = Some("p-1".into());
    wizard.status = Status::OnTrack;
    let status_page = initiative("i-2", "Status page", "t-2", &["pr-1", "pr-2"]);
    let mut cleanup = initiative("i-3", "Cleanup", "t-1", &[]);
    cleanup.owner_id = Some("p-2".into());
    cleanup.status = Status::AtRisk;
    board.initiatives = vec![wizard, status_page, cleanup].into();
    board.check_ins = vec![check_in("c-1", "i-1", Some("p-1"))].into();
    board.dependencies = vec![dependency("d-1", "i-1", "t-2", Some("i-2"))].into();
    board.decisions = vec![decision(
        "x-1",
        Some("p-1"),
        &["pr-1", "pr-2"],
        &["t-1", "t-2"],
    )]
    .into();
    assert_sound(&board);
    board
}

/// A board that uses every entity, every enum value and both forms of every optional
/// value (set and unset), for round trips.
pub fn full_board() -> Board {
    let mut board = small_board();
    board.title = "Acme leadership board".into();
    board.purpose = "Win the mid-market — “effortless” onboarding\nline two\t\u{1F680}".into();
    board.period = Period {
        label: "Q4 2026".into(),
        start: Some(date("2026-10-01")),
        end: Some(date("2026-12-31")),
        started_at: Some(ts("2026-09-28T10:00:00Z")),
    };
    board.rhythm = Rhythm {
        check_in_days: 14,
        review_days: 30,
        planning_days: 65_535,
    };
    board.people.push(person("p-3", "Tomás Álvarez", None));
    board.teams.push(team("t-3", "Field \"ops\"", Some("p-3")));

    let mut achieved = priority("pr-4", "Old goal", 1);
    achieved.status = PriorityStatus::Achieved;
    achieved.description = "shared rank with an active one is fine".into();
    achieved.success_measure = "Done by Q3".into();
    let mut dropped = priority("pr-5", "Abandoned goal", 7);
    dropped.status = PriorityStatus::Dropped;
    dropped.owner_id = Some("p-3".into());
    board.priorities.extend([achieved, dropped]);

    // Every initiative status, with confidence and due both set and unset.
    let statuses = Status::ALL;
    for (n, status) in statuses.into_iter().enumerate() {
        let id = format!("i-{}", n + 10);
        let mut item = initiative(&id, &format!("Work {n}"), "t-3", &["pr-4"]);
        item.status = status;
        item.effort = if n == 0 { 0 } else { 100 };
        item.progress = (n as u8) * 20;
        item.confidence = (n % 2 == 0).then_some(n as u8 * 2);
        item.due = (n % 2 == 1).then(|| date("2027-01-15"));
        item.updated_at = ts("2026-11-20T16:00:00Z");
        item.description = format!("description {n}");
        board.initiatives.push(item);
    }
    board.initiatives[0].risks = Severity::ALL
        .into_iter()
        .enumerate()
        .map(|(n, severity)| Risk {
            id: format!("r-{}", n + 1),
            text: format!("risk {n}"),
            severity,
            open: n != 1,
        })
        .collect();

    for (n, status) in statuses.into_iter().enumerate() {
        let mut entry = check_in(&format!("c-{}", n + 10), "i-10", None);
        entry.status = status;
        entry.confidence = (n % 2 == 1).then_some(10);
        entry.progress = 100;
        board.check_ins.push(entry);
    }

    for (n, state) in [
        DependencyState::Requested,
        DependencyState::Accepted,
        DependencyState::Declined,
        DependencyState::Delivered,
    ]
    .into_iter()
    .enumerate()
    {
        let mut need = dependency(&format!("d-{}", n + 10), "i-2", "t-1", None);
        need.state = state;
        need.due = (n % 2 == 0).then(|| date("2026-11-30"));
        need.answered_at = (n > 0).then(|| ts("2026-11-04T11:15:30Z"));
        board.dependencies.push(need);
    }

    for (n, kind) in [
        DecisionKind::Commit,
        DecisionKind::Stop,
        DecisionKind::Change,
        DecisionKind::Defer,
    ]
    .into_iter()
    .enumerate()
    {
        let mut choice = decision(&format!("x-{}", n + 10), None, &[], &["t-3"]);
        choice.kind = kind;
        choice.rationale = "because".into();
        choice.revisit_on = (n % 2 == 0).then(|| date("2027-01-15"));
        board.decisions.push(choice);
    }

    board.reviews = [
        ReviewKind::CheckIn,
        ReviewKind::Review,
        ReviewKind::Planning,
    ]
    .into_iter()
    .enumerate()
    .map(|(n, kind)| Review {
        id: format!("v-{}", n + 1),
        at: ts("2026-11-20T17:00:00Z").add_seconds(n as i64 * 86_400),
        kind,
        summary: format!("summary {n}"),
        score: (n != 1).then_some(n as u8 * 50),
        // The check-in round is Platform's.
        team_id: (kind == ReviewKind::CheckIn).then(|| "t-2".into()),
    })
    .collect();
    assert_sound(&board);
    board
}

/// Fails the test with every problem when the board breaks an invariant.
pub fn assert_sound(board: &Board) {
    let problems = validate::problems(board);
    assert!(
        problems.is_empty(),
        "the board should be sound, but: {}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    );
}
