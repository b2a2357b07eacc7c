//! Large boards made up deterministically, for tests and benchmarks: the same arguments
//! always give the same board, and the board is sound (every reference resolves, ranks are
//! distinct). Test and tooling code, never part of the app: test crates and the `generate`
//! example include this file with `#[path = "..."] mod generate_board;`, and not every one
//! uses every item.
#![allow(dead_code)]

use alignment_board::core::model::{
    Board, CheckIn, Dependency, DependencyState, Initiative, Person, Priority, PriorityStatus,
    Status, Team,
};
use alignment_board::core::time::{Date, Timestamp};

/// How big a generated board is.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub teams: usize,
    pub priorities: usize,
    pub initiatives: usize,
    pub check_ins: usize,
}

/// A small linear congruential generator: enough to vary a board, and reproducible.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below.max(1) as u64) as usize
    }
}

/// A board of the given size whose dates lie around `today`.
pub fn big_board(size: Size, today: Date) -> Board {
    let mut rng = Lcg(42);
    let start = today.add_days(-60).start();
    let mut board = Board::blank("b-big".into(), today);
    board.title = format!("Generated board ({} initiatives)", size.initiatives);
    board.teams = (1..=size.teams)
        .map(|n| Team {
            id: format!("t-{n}"),
            name: format!("Team {n}"),
            lead_id: Some(format!("p-{n}")),
        })
        .collect();
    let people = size.teams * 4;
    board.people = (1..=people)
        .map(|n| Person {
            id: format!("p-{n}"),
            name: format!("Person {n}"),
            team_id: Some(format!("t-{}", (n - 1) % size.teams.max(1) + 1)),
        })
        .collect();
    board.priorities = (1..=size.priorities)
        .map(|n| Priority {
            id: format!("pr-{n}"),
            title: format!("Priority {n}"),
            description: format!("What priority {n} changes for customers."),
            rank: n as u32,
            owner_id: Some(format!("p-{n}")),
            status: PriorityStatus::Active,
            success_measure: format!("Measure {n} reached"),
            created_at: start,
        })
        .collect();
    board.initiatives = (1..=size.initiatives)
        .map(|n| {
            let serves = rng.next(4);
            let priority_ids = (0..serves.min(2))
                .map(|k| {
                    format!(
                        "pr-{}",
                        (rng.next(size.priorities.max(1)) + k) % size.priorities.max(1) + 1
                    )
                })
                .filter(|_| size.priorities > 0)
                .fold(Vec::new(), |mut ids: Vec<String>, id| {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                    ids
                });
            let created = start.add_seconds(rng.next(30) as i64 * 86_400);
            Initiative {
                id: format!("i-{n}"),
                title: format!("Initiative {n}"),
                description: format!("Work item {n}, generated for measuring."),
                team_id: format!("t-{}", rng.next(size.teams.max(1)) + 1),
                owner_id: (rng.next(10) > 0).then(|| format!("p-{}", rng.next(people.max(1)) + 1)),
                priority_ids,
                effort: (5 + rng.next(6) * 5) as u8,
                status: [
                    Status::NotStarted,
                    Status::OnTrack,
                    Status::OnTrack,
                    Status::AtRisk,
                    Status::OffTrack,
                    Status::Done,
                ][rng.next(6)],
                progress: (rng.next(11) * 10) as u8,
                confidence: Some(rng.next(11) as u8),
                due: Some(today.add_days(rng.next(90) as i64 - 10)),
                created_at: created,
                updated_at: created,
                risks: Vec::new(),
            }
        })
        .collect();
    board.check_ins = (1..=size.check_ins)
        .map(|n| {
            let initiative = (n - 1) % size.initiatives.max(1) + 1;
            CheckIn {
                id: format!("c-{n}"),
                initiative_id: format!("i-{initiative}"),
                at: Timestamp::from_unix_seconds(
                    start.unix_seconds() + (rng.next(59 * 24) as i64) * 3600,
                ),
                status: Status::OnTrack,
                progress: (rng.next(11) * 10) as u8,
                confidence: Some(rng.next(11) as u8),
                note: format!("Check-in {n}"),
                author_id: None,
            }
        })
        .collect();
    board.dependencies = (1..=size.initiatives / 20)
        .map(|n| Dependency {
            id: format!("d-{n}"),
            from_initiative_id: format!("i-{}", n * 20),
            to_team_id: format!("t-{}", rng.next(size.teams.max(1)) + 1),
            to_initiative_id: None,
            need: format!("Need {n}"),
            due: Some(today.add_days(rng.next(30) as i64)),
            promised: None,
            state: DependencyState::Requested,
            requested_at: start,
            answered_at: None,
            answer_note: String::new(),
            delivered_at: None,
        })
        .collect();
    board
}

/// A changed copy of `board`, as after a quarter's work: about one initiative in ten with a
/// new status and progress, one in fifty renamed, one in a hundred moved to another team,
/// one in a hundred removed and as many added.
pub fn evolved(board: &Board) -> Board {
    let mut next = board.clone();
    let count = next.initiatives.len();
    for (i, initiative) in next.initiatives.iter_mut().enumerate() {
        if i % 10 == 3 {
            initiative.status = Status::AtRisk;
            initiative.progress = initiative.progress.saturating_add(10).min(100);
        }
        if i % 50 == 7 {
            initiative.title.push_str(" (renamed)");
        }
        if i % 100 == 11 && board.teams.len() > 1 {
            initiative.team_id = board.teams[(i / 100) % board.teams.len()].id.clone();
        }
    }
    let removed: Vec<String> = next
        .initiatives
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 100 == 50)
        .map(|(_, x)| x.id.clone())
        .collect();
    next.initiatives.retain(|x| !removed.contains(&x.id));
    next.check_ins
        .retain(|c| !removed.contains(&c.initiative_id));
    next.dependencies
        .retain(|d| !removed.contains(&d.from_initiative_id));
    for n in 0..removed.len() {
        let mut added = board.initiatives[n].clone();
        added.id = format!("i-{}", count + n + 1);
        added.title = format!("New initiative {n}");
        next.initiatives.push(added);
    }
    next
}

/// The merge benchmark's setting (issue 21): a leadership board of `teams` × `per_team`
/// initiatives with `check_ins_per_team` × `teams` check-ins, and each team's slice of it
/// as the team sends it back after a week's work: one initiative in ten with a new status
/// and progress, five new initiatives and fifty new check-ins. New ids are of the random
/// form, made from a fixed sequence.
pub fn team_snapshots(
    teams: usize,
    per_team: usize,
    check_ins_per_team: usize,
    today: Date,
) -> (Board, Vec<Board>) {
    use alignment_board::core::ids::{derived_bits, new_id};
    use alignment_board::core::slice::slice;
    let mut board = big_board(
        Size {
            teams,
            priorities: 12,
            initiatives: teams * per_team,
            check_ins: teams * check_ins_per_team,
        },
        today,
    );
    // Each team's initiatives are one in every `teams`, so every slice is the same size.
    for (n, initiative) in board.initiatives.iter_mut().enumerate() {
        initiative.team_id = format!("t-{}", n % teams.max(1) + 1);
    }
    let week = today.start();
    let slices = board
        .teams
        .iter()
        .enumerate()
        .map(|(t, team)| {
            let mut slice = slice(&board, std::slice::from_ref(&team.id));
            let fresh = |prefix: &str, n: usize| {
                new_id(
                    prefix,
                    derived_bits(&[prefix, &t.to_string(), &n.to_string()]),
                )
            };
            let own: Vec<usize> = (0..slice.initiatives.len())
                .filter(|&i| slice.initiatives[i].team_id == team.id)
                .collect();
            for (k, &i) in own.iter().enumerate().filter(|(k, _)| k % 10 == 3) {
                let initiative = &mut slice.initiatives[i];
                initiative.status = Status::AtRisk;
                initiative.progress = initiative.progress.saturating_add(10).min(100);
                initiative.updated_at = week.add_seconds(k as i64);
            }
            for n in 0..5 {
                let mut added = slice.initiatives[own[n % own.len().max(1)]].clone();
                added.id = fresh("i", n);
                added.title = format!("{} new work {n}", team.name);
                slice.initiatives.push(added);
            }
            for n in 0..50 {
                let on = slice.initiatives[own[n % own.len().max(1)]].id.clone();
                slice.check_ins.push(CheckIn {
                    id: fresh("c", n),
                    initiative_id: on,
                    at: week.add_seconds(n as i64 * 60),
                    status: Status::OnTrack,
                    progress: 50,
                    confidence: Some(7),
                    note: format!("Week {n}"),
                    author_id: None,
                });
            }
            slice
        })
        .collect();
    (board, slices)
}
