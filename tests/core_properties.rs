#![cfg(not(target_arch = "wasm32"))]
//! Properties of the core over generated sound boards: whatever the board and whatever is
//! done to it, nothing is lost. A board is written and read back unchanged (as an export
//! and in the store's layout, also when the store reuses the parts of earlier saves);
//! every action the board accepts keeps every invariant, one it refuses changes nothing;
//! and undo gives back exactly the board from before each change, also after another tab
//! saved the board: then it takes back only this tab's change.
//!
//! Boards are grown from the blank board, the example board or a generated big board by a
//! random sequence of actions aimed at real ids (with a few ghosts, blank names, duplicate
//! ids and out-of-range numbers, so refusals are exercised too). Each property runs 64
//! cases, a few seconds in a debug build; for a longer search set `PROPTEST_CASES`:
//!
//! ```text
//! PROPTEST_CASES=5000 cargo test --release --test core_properties
//! ```
//!
//! A failure prints the smallest base board and action sequence found to break it.

mod core_support;
#[path = "support/example.rs"]
mod example;
#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::action::{reduce, Action, Settings};
use alignment_board::core::coordination::Step;
use alignment_board::core::history::{History, LIMIT};
use alignment_board::core::ids;
use alignment_board::core::layout::{Filter, Layout, OwnerFilter, StatusFilter};
use alignment_board::core::list::List;
use alignment_board::core::model::{
    Board, CheckIn, Decision, DecisionKind, Dependency, DependencyState, Id, Initiative, Period,
    Person, Priority, PriorityStatus, Review, ReviewKind, Rhythm, Risk, Severity, Status, Team,
};
use alignment_board::core::snapshot::{self, Parts};
use alignment_board::core::time::{Date, Timestamp};
use alignment_board::core::validate;
use core_support::{date, now};
use example::example_board;
use generate_board::{big_board, Size};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use std::collections::BTreeMap;
use std::rc::Rc;

// ---------------------------------------------------------------------------------------
// Configuration

fn today() -> Date {
    date("2026-11-23")
}

/// When the `step`th action of a sequence happens: an hour apart.
fn at(step: usize) -> Timestamp {
    now().add_seconds(step as i64 * 3600)
}

// ---------------------------------------------------------------------------------------
// Base boards

/// The board a sequence of actions starts from.
#[derive(Clone, Debug)]
enum Base {
    Blank,
    Example,
    Big(Size),
}

impl Base {
    fn board(&self) -> Board {
        match self {
            Base::Blank => Board::blank("b-blank".into(), today()),
            Base::Example => example_board(today()),
            Base::Big(size) => big_board(*size, today()),
        }
    }
}

fn base() -> impl Strategy<Value = Base> {
    // A generated board has four people per team and gives priority n the owner p-n, so
    // it has at most four priorities per team; check-ins need an initiative to name.
    let small = (1..5usize, 0..5usize, 1..40usize, 0..80usize);
    // More than one part of check-in history (`snapshot::PART_ROWS` rows each).
    let long_history = (1..4usize, 0..5usize, 1..50usize, 900..2600usize);
    let big = |(teams, priorities, initiatives, check_ins)| {
        Base::Big(Size {
            teams,
            priorities,
            initiatives,
            check_ins,
        })
    };
    prop_oneof![
        1 => Just(Base::Blank),
        3 => Just(Base::Example),
        4 => small.prop_map(big),
        1 => long_history.prop_map(big),
    ]
}

// ---------------------------------------------------------------------------------------
// Actions

/// Which action a seed becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    UpdateSettings,
    AddPerson,
    UpdatePerson,
    DeletePerson,
    AddTeam,
    UpdateTeam,
    DeleteTeam,
    AddPriority,
    UpdatePriority,
    DeletePriority,
    RankPriority,
    AddInitiative,
    UpdateInitiative,
    DeleteInitiative,
    MoveInitiative,
    CheckIn,
    RecordReview,
    StartPeriod,
    AskDependency,
    UpdateDependency,
    AnswerDependency,
    DeleteDependency,
    RecordDecision,
    UpdateDecision,
    DeleteDecision,
    ReplaceBoard,
}

const KINDS: [Kind; 26] = [
    Kind::UpdateSettings,
    Kind::AddPerson,
    Kind::UpdatePerson,
    Kind::DeletePerson,
    Kind::AddTeam,
    Kind::UpdateTeam,
    Kind::DeleteTeam,
    Kind::AddPriority,
    Kind::UpdatePriority,
    Kind::DeletePriority,
    Kind::RankPriority,
    Kind::AddInitiative,
    Kind::UpdateInitiative,
    Kind::DeleteInitiative,
    Kind::MoveInitiative,
    Kind::CheckIn,
    Kind::RecordReview,
    Kind::StartPeriod,
    Kind::AskDependency,
    Kind::UpdateDependency,
    Kind::AnswerDependency,
    Kind::DeleteDependency,
    Kind::RecordDecision,
    Kind::UpdateDecision,
    Kind::DeleteDecision,
    Kind::ReplaceBoard,
];

/// An action before it meets a board: the picks choose among the board's real ids when
/// the action is made (see `make`), so a sequence stays meaningful as the board changes
/// and shrinks to a short, readable one.
#[derive(Clone, Debug)]
struct Seed {
    kind: Kind,
    picks: [u16; 4],
    bits: u16,
    number: u8,
    text: String,
}

/// Names and notes: mostly plain words, some with anything at all in them, some with what
/// JSON must escape (quotes, backslashes, every control character) among other awkward
/// characters (line and paragraph separators, a byte-order mark, accents, emoji), a few
/// blank.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[A-Za-z][A-Za-z0-9 ]{0,11}",
        2 => "(?s).{1,12}",
        2 => r#"a[\x00-\x1F"\\/\x7F\x{2028}\x{2029}\x{FEFF}é🚀 ]{1,8}"#,
        1 => Just(String::new()),
        1 => Just(" \t".to_string()),
    ]
}

fn seed() -> impl Strategy<Value = Seed> {
    (
        proptest::sample::select(KINDS.to_vec()),
        any::<[u16; 4]>(),
        any::<u16>(),
        any::<u8>(),
        text(),
    )
        .prop_map(|(kind, picks, bits, number, text)| Seed {
            kind,
            picks,
            bits,
            number,
            text,
        })
}

fn seeds(most: usize) -> impl Strategy<Value = Vec<Seed>> {
    proptest::collection::vec(seed(), 0..most)
}

/// An id that is on no board.
const GHOST: &str = "ghost-1";

/// One of `items`, chosen by `at`; none for one pick in sixteen (and on an empty list).
fn pick<T>(items: &List<T>, at: u16) -> Option<&T> {
    match items.len() {
        0 => None,
        _ if at % 16 == 15 => None,
        len => Some(&items[usize::from(at) % len]),
    }
}

/// The id of one of `items`, or the ghost id.
fn existing<T>(items: &List<T>, at: u16, id: impl Fn(&T) -> &Id) -> Id {
    pick(items, at).map_or_else(|| GHOST.to_string(), |item| id(item).clone())
}

/// No id for one pick in four, else as `existing`.
fn optional<T>(items: &List<T>, at: u16, id: impl Fn(&T) -> &Id) -> Option<Id> {
    (at % 4 != 0).then(|| existing(items, at / 4, id))
}

/// An id for a new item: a fresh one, except now and then an empty one or one already in
/// the list (both must be refused).
fn fresh<T>(board: &Board, prefix: &str, items: &List<T>, at: u16, id: impl Fn(&T) -> &Id) -> Id {
    match (at % 16, items.iter().next()) {
        (13, _) => String::new(),
        (14, Some(first)) => id(first).clone(),
        _ => new_id(board, prefix),
    }
}

/// A new id in the form the app makes (`ids::new_id`), unused on `board`: the bits are
/// drawn from a fixed sequence, so a sequence of actions always makes the same ids.
fn new_id(board: &Board, prefix: &str) -> Id {
    let mut n = 0u64;
    ids::unused_on(board, prefix, || {
        n += 1;
        ids::derived_bits(&[prefix, &n.to_string()])
    })
}

/// The ids whose bit is set in `mask` (bit `i % 16` for the `i`th).
fn subset<T>(items: &List<T>, mask: u16, id: impl Fn(&T) -> &Id) -> Vec<Id> {
    items
        .iter()
        .enumerate()
        .filter(|(i, _)| mask >> (i % 16) & 1 == 1)
        .map(|(_, item)| id(item).clone())
        .collect()
}

fn confidence(choice: u16) -> Option<u8> {
    (choice % 3 != 0).then_some((choice % 12) as u8)
}

fn person_id(p: &Person) -> &Id {
    &p.id
}
fn team_id(t: &Team) -> &Id {
    &t.id
}
fn priority_id(p: &Priority) -> &Id {
    &p.id
}
fn initiative_id(i: &Initiative) -> &Id {
    &i.id
}
fn dependency_id(d: &Dependency) -> &Id {
    &d.id
}
fn decision_id(d: &Decision) -> &Id {
    &d.id
}

/// The action `seed` stands for on `board` at `now`.
fn make(board: &Board, seed: &Seed, now: Timestamp) -> Action {
    let [a, b, c, d] = seed.picks;
    let (bits, n) = (seed.bits, seed.number);
    let text = seed.text.clone();
    let day = |k: u16| today().add_days(i64::from(k % 200) - 100);
    let people = &board.people;
    let teams = &board.teams;
    let priorities = &board.priorities;
    let initiatives = &board.initiatives;
    let dependencies = &board.dependencies;
    let decisions = &board.decisions;
    match seed.kind {
        Kind::UpdateSettings => {
            let start = day(a);
            // One end in sixteen comes before the start.
            let back = if b % 16 == 15 { 200 } else { 0 };
            Action::UpdateSettings(Settings {
                title: text.clone(),
                purpose: format!("{text}\n{text}"),
                period: Period {
                    label: text,
                    start: (bits & 1 == 0).then_some(start),
                    end: (bits & 2 == 0).then(|| start.add_days(i64::from(b % 120) - back)),
                    started_at: None,
                },
                rhythm: Rhythm {
                    check_in_days: u16::from(n) % 15,
                    review_days: c % 100 + 1,
                    planning_days: d.max(1),
                },
            })
        }
        Kind::AddPerson => Action::AddPerson(Person {
            id: fresh(board, "p", people, a, person_id),
            name: text,
            team_id: optional(teams, b, team_id),
        }),
        Kind::UpdatePerson => {
            let mut person = pick(people, a).cloned().unwrap_or(Person {
                id: GHOST.into(),
                name: "Ghost".into(),
                team_id: None,
            });
            if bits & 1 == 1 {
                person.name = text;
            }
            if bits & 2 == 2 {
                person.team_id = optional(teams, b, team_id);
            }
            Action::UpdatePerson(person)
        }
        Kind::DeletePerson => Action::DeletePerson(existing(people, a, person_id)),
        Kind::AddTeam => Action::AddTeam(Team {
            id: fresh(board, "t", teams, a, team_id),
            name: text,
            lead_id: optional(people, b, person_id),
        }),
        Kind::UpdateTeam => {
            let mut team = pick(teams, a).cloned().unwrap_or(Team {
                id: GHOST.into(),
                name: "Ghost".into(),
                lead_id: None,
            });
            if bits & 1 == 1 {
                team.name = text;
            }
            if bits & 2 == 2 {
                team.lead_id = optional(people, b, person_id);
            }
            Action::UpdateTeam(team)
        }
        Kind::DeleteTeam => Action::DeleteTeam {
            id: existing(teams, a, team_id),
            // Sometimes the team being deleted itself: refused when it has initiatives.
            move_initiatives_to: (bits & 1 == 1).then(|| existing(teams, b, team_id)),
        },
        Kind::AddPriority => Action::AddPriority(Priority {
            id: fresh(board, "pr", priorities, a, priority_id),
            title: text.clone(),
            description: format!("About {text}"),
            rank: u32::from(n) % (priorities.len() as u32 + 3),
            owner_id: optional(people, b, person_id),
            status: match bits % 4 {
                0 => PriorityStatus::ALL[usize::from(bits / 4) % 3],
                _ => PriorityStatus::Active,
            },
            success_measure: text,
            created_at: now,
        }),
        Kind::UpdatePriority => {
            let mut priority = pick(priorities, a).cloned().unwrap_or(Priority {
                id: GHOST.into(),
                title: "Ghost".into(),
                description: String::new(),
                rank: 1,
                owner_id: None,
                status: PriorityStatus::Active,
                success_measure: String::new(),
                created_at: now,
            });
            if bits & 1 == 1 {
                priority.title = text;
            }
            if bits & 2 == 2 {
                priority.status = PriorityStatus::ALL[usize::from(n) % 3];
            }
            if bits & 4 == 4 {
                priority.rank = u32::from(n) % (priorities.len() as u32 + 2);
            }
            if bits & 8 == 8 {
                priority.owner_id = optional(people, b, person_id);
            }
            Action::UpdatePriority(priority)
        }
        Kind::DeletePriority => Action::DeletePriority(existing(priorities, a, priority_id)),
        Kind::RankPriority => Action::RankPriority {
            id: existing(priorities, a, priority_id),
            rank: u32::from(n) % (priorities.len() as u32 + 3),
        },
        Kind::AddInitiative => Action::AddInitiative(Initiative {
            id: fresh(board, "i", initiatives, a, initiative_id),
            title: text.clone(),
            description: format!("{text}\n"),
            team_id: existing(teams, b, team_id),
            owner_id: optional(people, c, person_id),
            priority_ids: subset(priorities, d, priority_id),
            effort: n % 111,
            status: Status::ALL[usize::from(bits) % 6],
            progress: ((bits >> 3) % 105) as u8,
            confidence: confidence(bits >> 7),
            due: (bits & 0x1000 == 0).then(|| day(a)),
            created_at: now,
            updated_at: now,
            risks: match bits & 0x2000 {
                0 => Vec::new(),
                _ => vec![Risk {
                    id: new_id(board, "r"),
                    text: format!("Risk of {text}"),
                    severity: Severity::ALL[usize::from(n) % 3],
                    open: n % 2 == 0,
                }],
            },
        }),
        Kind::UpdateInitiative => {
            let Some(old) = pick(initiatives, a) else {
                return Action::UpdateInitiative(Initiative {
                    id: GHOST.into(),
                    title: "Ghost".into(),
                    description: String::new(),
                    team_id: existing(teams, b, team_id),
                    owner_id: None,
                    priority_ids: Vec::new(),
                    effort: 0,
                    status: Status::NotStarted,
                    progress: 0,
                    confidence: None,
                    due: None,
                    created_at: now,
                    updated_at: now,
                    risks: Vec::new(),
                });
            };
            let mut initiative = old.clone();
            if bits & 1 != 0 {
                initiative.title = text.clone();
            }
            if bits & 2 != 0 {
                initiative.status = Status::ALL[usize::from(n) % 6];
            }
            if bits & 4 != 0 {
                initiative.progress = n % 105;
            }
            if bits & 8 != 0 {
                initiative.effort = n % 111;
            }
            if bits & 16 != 0 {
                initiative.team_id = existing(teams, b, team_id);
            }
            if bits & 32 != 0 {
                initiative.priority_ids = subset(priorities, d, priority_id);
            }
            if bits & 64 != 0 {
                if initiative.risks.is_empty() || n % 2 == 0 {
                    let id = match initiative.risks.first() {
                        // Now and then a risk id the initiative already has.
                        Some(first) if n % 8 == 0 => first.id.clone(),
                        _ => new_id(board, "r"),
                    };
                    initiative.risks.push(Risk {
                        id,
                        text: text.clone(),
                        severity: Severity::ALL[usize::from(c) % 3],
                        open: c % 2 == 0,
                    });
                } else {
                    initiative.risks.remove(0);
                }
            }
            if bits & 128 != 0 {
                initiative.confidence = confidence(c);
            }
            if bits & 256 != 0 {
                initiative.owner_id = optional(people, c, person_id);
            }
            if bits & 512 != 0 {
                initiative.due = (c % 3 != 0).then(|| day(c));
            }
            Action::UpdateInitiative(initiative)
        }
        Kind::DeleteInitiative => Action::DeleteInitiative(existing(initiatives, a, initiative_id)),
        Kind::MoveInitiative => {
            let initiative = pick(initiatives, a);
            let links = initiative.map_or(&[][..], |i| &i.priority_ids[..]);
            Action::MoveInitiative {
                id: initiative.map_or_else(|| GHOST.to_string(), |i| i.id.clone()),
                from_priority: links.get(usize::from(b) % (links.len() + 1)).cloned(),
                to_priority: optional(priorities, c, priority_id),
                to_team: existing(teams, d, team_id),
            }
        }
        Kind::CheckIn => Action::CheckIn(CheckIn {
            id: fresh(board, "c", &board.check_ins, a, |c| &c.id),
            initiative_id: existing(initiatives, b, initiative_id),
            at: now,
            status: Status::ALL[usize::from(bits) % 6],
            progress: n % 105,
            confidence: confidence(c),
            note: text,
            author_id: optional(people, d, person_id),
        }),
        Kind::RecordReview => Action::RecordReview(Review {
            id: fresh(board, "v", &board.reviews, a, |r| &r.id),
            at: now,
            kind: ReviewKind::ALL[usize::from(bits) % 3],
            summary: text,
            score: (bits & 4 == 0).then_some(n % 110),
            team_id: optional(teams, c, team_id),
        }),
        Kind::StartPeriod => {
            let start = today().add_days(i64::from(a % 60));
            let mut statuses: Vec<(Id, PriorityStatus)> = priorities
                .iter()
                .filter(|p| p.is_active())
                .enumerate()
                .map(|(i, p)| {
                    let status = PriorityStatus::ALL[usize::from(bits >> ((i % 8) * 2)) % 3];
                    (p.id.clone(), status)
                })
                .collect();
            if b % 16 == 15 {
                statuses.push((GHOST.into(), PriorityStatus::Achieved));
            }
            Action::StartPeriod {
                period: Period {
                    label: text.clone(),
                    start: Some(start),
                    end: Some(start.add_days(90)),
                    started_at: None,
                },
                priorities: statuses,
                carry_initiatives: subset(initiatives, c, initiative_id),
                carried_due: (bits & 8 == 0).then(|| start.add_days(90)),
                review: Review {
                    id: fresh(board, "v", &board.reviews, d, |r| &r.id),
                    at: now,
                    kind: ReviewKind::Planning,
                    summary: text,
                    score: Some(n % 101),
                    team_id: None,
                },
            }
        }
        Kind::AskDependency => Action::AskDependency(Dependency {
            id: fresh(board, "d", dependencies, a, dependency_id),
            from_initiative_id: existing(initiatives, b, initiative_id),
            to_team_id: existing(teams, c, team_id),
            to_initiative_id: optional(initiatives, d, initiative_id),
            need: text,
            due: (bits & 1 == 0).then(|| day(a)),
            promised: None,
            // A request that does not start as a request must be refused.
            state: match bits % 16 {
                15 => DependencyState::Accepted,
                _ => DependencyState::Requested,
            },
            requested_at: now,
            answered_at: (bits % 32 == 14).then_some(now),
            answer_note: String::new(),
            // Apart from the other two refusals, so that it is refused for itself.
            delivered_at: (bits % 64 == 45).then_some(now),
        }),
        Kind::UpdateDependency => {
            let Some(old) = pick(dependencies, a) else {
                return Action::UpdateDependency(Dependency {
                    id: GHOST.into(),
                    from_initiative_id: existing(initiatives, b, initiative_id),
                    to_team_id: existing(teams, c, team_id),
                    to_initiative_id: None,
                    need: "Ghost".into(),
                    due: None,
                    promised: None,
                    state: DependencyState::Requested,
                    requested_at: now,
                    answered_at: None,
                    answer_note: String::new(),
                    delivered_at: None,
                });
            };
            let mut dependency = old.clone();
            if bits & 1 != 0 {
                dependency.need = text.clone();
            }
            if bits & 2 != 0 {
                dependency.due = (c % 3 != 0).then(|| day(c));
            }
            if bits & 4 != 0 {
                dependency.to_initiative_id = optional(initiatives, d, initiative_id);
            }
            // What only `AnswerDependency` may change: the update must keep the old values.
            if bits & 8 != 0 {
                dependency.state = DependencyState::ALL[usize::from(n) % 4];
                dependency.answered_at = Some(now);
                dependency.answer_note = text;
                dependency.delivered_at = Some(now);
            }
            Action::UpdateDependency(dependency)
        }
        Kind::AnswerDependency => Action::AnswerDependency {
            id: existing(dependencies, a, dependency_id),
            step: Step::ALL[usize::from(bits) % 4],
            note: text,
            promised: (bits & 2 == 0).then(|| day(b)),
        },
        Kind::DeleteDependency => {
            Action::DeleteDependency(existing(dependencies, a, dependency_id))
        }
        Kind::RecordDecision => {
            let kind = DecisionKind::ALL[usize::from(bits) % 4];
            Action::RecordDecision {
                decision: Decision {
                    id: fresh(board, "x", decisions, a, decision_id),
                    title: text.clone(),
                    rationale: format!("Because {text}"),
                    kind,
                    decided_at: now,
                    owner_id: optional(people, b, person_id),
                    priority_ids: subset(priorities, c, priority_id),
                    team_ids: subset(teams, d, team_id),
                    revisit_on: (bits & 8 == 0).then(|| day(a)),
                    initiative_ids: Vec::new(),
                },
                drop_initiatives: match kind {
                    DecisionKind::Stop => subset(initiatives, d, initiative_id),
                    _ => Vec::new(),
                },
            }
        }
        Kind::UpdateDecision => {
            let mut decision = pick(decisions, a).cloned().unwrap_or(Decision {
                id: GHOST.into(),
                title: "Ghost".into(),
                rationale: String::new(),
                kind: DecisionKind::Defer,
                decided_at: now,
                owner_id: None,
                priority_ids: Vec::new(),
                team_ids: Vec::new(),
                revisit_on: None,
                initiative_ids: Vec::new(),
            });
            if bits & 1 != 0 {
                decision.title = text;
            }
            if bits & 2 != 0 {
                decision.priority_ids = subset(priorities, c, priority_id);
            }
            if bits & 4 != 0 {
                decision.team_ids = subset(teams, d, team_id);
            }
            if bits & 8 != 0 {
                decision.owner_id = optional(people, b, person_id);
            }
            if bits & 16 != 0 {
                decision.kind = DecisionKind::ALL[usize::from(n) % 4];
            }
            Action::UpdateDecision(decision)
        }
        Kind::DeleteDecision => Action::DeleteDecision(existing(decisions, a, decision_id)),
        Kind::ReplaceBoard => Action::ReplaceBoard(Rc::new(match bits % 4 {
            0 => example_board(today()),
            1 => Board::blank("b-replaced".into(), today()),
            2 => big_board(
                Size {
                    teams: 2,
                    priorities: 3,
                    initiatives: 12,
                    check_ins: 20,
                },
                today(),
            ),
            // A board that breaks an invariant: must be refused.
            _ => {
                let mut broken = board.clone();
                broken.people.push(Person {
                    id: new_id(board, "p"),
                    name: "   ".into(),
                    team_id: None,
                });
                broken
            }
        })),
    }
}

// ---------------------------------------------------------------------------------------
// Checks

/// A copy that shares no list with `board`. Boards share their lists with the boards they
/// were made from, and lists compare equal at once when shared; comparing against a deep
/// copy finds a change made through a shared list as well.
fn deep_copy(board: &Board) -> Board {
    fn copy<T: Clone>(list: &List<T>) -> List<T> {
        list.iter().cloned().collect()
    }
    Board {
        people: copy(&board.people),
        teams: copy(&board.teams),
        priorities: copy(&board.priorities),
        initiatives: copy(&board.initiatives),
        check_ins: copy(&board.check_ins),
        dependencies: copy(&board.dependencies),
        decisions: copy(&board.decisions),
        reviews: copy(&board.reviews),
        ..board.clone()
    }
}

fn problems_of(board: &Board) -> String {
    validate::problems(board)
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The base board after every accepted action of `seeds`, refused ones skipped.
fn grow(base: &Base, seeds: &[Seed]) -> Rc<Board> {
    let mut board = Rc::new(base.board());
    for (step, seed) in seeds.iter().enumerate() {
        let action = make(&board, seed, at(step));
        if let Ok(next) = reduce(&board, action, at(step)) {
            board = next;
        }
    }
    board
}

/// A board's own fields and each item of its lists by kind and id, as JSON (decisions
/// without the work they name: a merge drops work that is gone from them, as a deletion
/// does).
fn entities(board: &Board) -> BTreeMap<String, serde_json::Value> {
    let serde_json::Value::Object(fields) = serde_json::to_value(board).unwrap() else {
        panic!("a board is an object");
    };
    let mut out = BTreeMap::new();
    for (name, value) in fields {
        match value {
            serde_json::Value::Array(items) => {
                for mut item in items {
                    if name == "decisions" {
                        item.as_object_mut().unwrap().remove("initiativeIds");
                    }
                    out.insert(format!("{name}/{}", item["id"]), item);
                }
            }
            value => {
                out.insert(name, value);
            }
        }
    }
    out
}

fn keys(maps: &[&BTreeMap<String, serde_json::Value>]) -> std::collections::BTreeSet<String> {
    maps.iter().flat_map(|m| m.keys().cloned()).collect()
}

/// The store as a map from part name to text: only the parts of the latest save.
/// The filters a person can set on `board`: none, each status, no owner, its first person,
/// its first team, and only the flagged.
fn filters(board: &Board) -> Vec<Filter> {
    let mut filters = vec![
        Filter::default(),
        Filter {
            owner: OwnerFilter::Nobody,
            ..Filter::default()
        },
        Filter {
            attention: true,
            ..Filter::default()
        },
        Filter {
            status: StatusFilter::Unfinished,
            ..Filter::default()
        },
        Filter {
            earlier: true,
            ..Filter::default()
        },
    ];
    filters.extend(Status::ALL.iter().map(|&status| Filter {
        status: StatusFilter::Is(status),
        ..Filter::default()
    }));
    filters.extend(board.people.first().map(|p| Filter {
        owner: OwnerFilter::Person(p.id.clone()),
        ..Filter::default()
    }));
    filters.extend(board.teams.first().map(|t| Filter {
        team: Some(t.id.clone()),
        ..Filter::default()
    }));
    filters
}

/// The board's layout, with every other initiative (by id) flagged as needing attention.
fn laid_out(board: &Board, filter: &Filter) -> Layout {
    Layout::compute_flagged(board, filter, &|id| id.len() % 2 == 0)
}

fn parts_of(stored: &snapshot::Stored) -> BTreeMap<String, String> {
    stored
        .parts
        .iter()
        .map(|(name, text)| (name.clone(), text.to_string()))
        .collect()
}

fn read_back_stored(stored: &snapshot::Stored) -> Result<snapshot::Loaded, snapshot::ReadError> {
    let parts = parts_of(stored);
    snapshot::read_stored(&stored.head, &|name| parts.get(name).cloned())
}

// ---------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(core_support::proptest_config())]

    /// After every action the board accepts, the whole board is sound (the reducer checks
    /// only what a change touched); a refused action and one that changes nothing leave
    /// the board, and the undo history, exactly as they were.
    #[test]
    fn every_accepted_action_keeps_the_board_sound(base in base(), seeds in seeds(40)) {
        let start = base.board();
        prop_assert!(validate::problems(&start).is_empty(), "base: {}", problems_of(&start));
        let mut history = History::new(Rc::new(start));
        for (step, seed) in seeds.iter().enumerate() {
            let action = make(history.board(), seed, at(step));
            let before = history.clone();
            let copy = deep_copy(history.board());
            match history.apply(action.clone(), at(step)) {
                Ok(true) => {
                    let board = history.board();
                    prop_assert!(
                        validate::problems(board).is_empty(),
                        "step {step}: {action:?} was accepted but left: {}",
                        problems_of(board)
                    );
                    prop_assert_ne!(&**board, &copy, "step {}: accepted as a change", step);
                    prop_assert!(history.undo_description().is_some());
                }
                Ok(false) => {
                    prop_assert!(Rc::ptr_eq(history.board(), before.board()));
                    prop_assert_eq!(&**history.board(), &copy, "step {}: {:?}", step, action);
                    prop_assert_eq!(&history, &before);
                }
                Err(refused) => {
                    prop_assert!(!refused.0.trim().is_empty(), "step {step}: a refusal says why");
                    prop_assert!(Rc::ptr_eq(history.board(), before.board()));
                    prop_assert_eq!(&**history.board(), &copy, "step {}: {:?}", step, action);
                    prop_assert_eq!(&history, &before);
                }
            }
        }
    }

    /// Undo after an accepted action gives back exactly the board before it, and redo the
    /// board after it; undoing everything returns to the start.
    #[test]
    fn undo_restores_the_board_from_before_each_change(base in base(), seeds in seeds(40)) {
        let start = base.board();
        let start_copy = deep_copy(&start);
        let mut history = History::new(Rc::new(start));
        let mut changes = 0;
        for (step, seed) in seeds.iter().enumerate() {
            let action = make(history.board(), seed, at(step));
            let before = deep_copy(history.board());
            if history.apply(action.clone(), at(step)) != Ok(true) {
                continue;
            }
            changes += 1;
            let after = deep_copy(history.board());
            prop_assert!(history.undo().unwrap());
            prop_assert_eq!(&**history.board(), &before, "undo of step {}: {:?}", step, action);
            prop_assert!(history.redo().unwrap());
            prop_assert_eq!(&**history.board(), &after, "redo of step {}: {:?}", step, action);
        }
        let mut undone = 0;
        while history.undo().unwrap() {
            undone += 1;
        }
        prop_assert_eq!(undone, changes.min(LIMIT));
        if changes <= LIMIT {
            prop_assert_eq!(&**history.board(), &start_copy);
        }
    }

    /// Another tab saves the board after this tab's change: undo then takes back only this
    /// tab's change, keeping what the other tab changed and what neither did; redo makes it
    /// again the same way; a refusal leaves the board as it is.
    #[test]
    fn undo_after_another_tab_s_save_keeps_the_other_tab_s_work(
        base in base(),
        grown in seeds(20),
        mine in seeds(8),
        theirs in seeds(4),
    ) {
        let start = grow(&base, &grown);
        let mut history = History::new(start);
        let before = mine.iter().enumerate().find_map(|(step, seed)| {
            let before = history.board().clone();
            let action = make(&before, seed, at(100 + step));
            (history.apply(action, at(100 + step)) == Ok(true)).then_some(before)
        });
        // No change of this tab's to take back: nothing to check.
        let Some(before) = before else {
            return Ok(());
        };
        let after = history.board().clone();
        let mut other = after.clone();
        for (step, seed) in theirs.iter().enumerate() {
            let action = make(&other, seed, at(200 + step));
            if let Ok(next) = reduce(&other, action, at(200 + step)) {
                other = next;
            }
        }
        // As this tab reads it from the store: shares nothing.
        let taken = Rc::new(deep_copy(&other));
        history.take(taken.clone());
        let (b0, b1, b2) = (entities(&before), entities(&after), entities(&other));
        match history.undo() {
            // Another tab that replaced the board leaves no step of this tab's to take back.
            Ok(false) => prop_assert_ne!(&other.id, &after.id),
            Ok(true) => {
                let board = history.board();
                prop_assert!(validate::problems(board).is_empty(), "{}", problems_of(board));
                let undone = entities(board);
                for key in keys(&[&b0, &b1, &b2, &undone]) {
                    let expected = match b2.get(&key) != b1.get(&key) {
                        true => b2.get(&key),
                        false => b0.get(&key),
                    };
                    prop_assert_eq!(undone.get(&key), expected, "undone: {}", key);
                }
                // Made again, it may not fit what the other tab did (it deleted what the
                // step added): then nothing changes.
                let undone_board = history.board().clone();
                match history.redo() {
                    Ok(done) => {
                        prop_assert!(done);
                        let board = history.board();
                        prop_assert!(validate::problems(board).is_empty(), "{}", problems_of(board));
                        // What only one side changed is as that side left it. (What the step
                        // made and the other tab undid, the step makes again.)
                        let redone = entities(board);
                        for key in keys(&[&b0, &b1, &b2, &redone]) {
                            let (step, other) = (b0.get(&key) != b1.get(&key), b2.get(&key) != b1.get(&key));
                            let expected = match (step, other) {
                                (true, false) | (false, false) => b1.get(&key),
                                (false, true) => b2.get(&key),
                                (true, true) => continue,
                            };
                            prop_assert_eq!(redone.get(&key), expected, "redone: {}", key);
                        }
                    }
                    Err(_) => prop_assert!(Rc::ptr_eq(history.board(), &undone_board)),
                }
            }
            Err(_) => prop_assert!(Rc::ptr_eq(history.board(), &taken), "a refusal changes nothing"),
        }
    }

    /// Where `Layout::same_for` says an accepted action keeps the board's layout, the board
    /// after it is laid out exactly as the one before, under each filter a person can set.
    #[test]
    fn an_edit_said_to_keep_the_layout_keeps_it(base in base(), seeds in seeds(40)) {
        let mut history = History::new(Rc::new(base.board()));
        for (step, seed) in seeds.iter().enumerate() {
            let before = history.board().clone();
            let action = make(&before, seed, at(step));
            if history.apply(action.clone(), at(step)) != Ok(true) {
                continue;
            }
            let after = history.board();
            for filter in filters(&before) {
                if Layout::same_for(&before, after, &filter) {
                    prop_assert_eq!(
                        laid_out(&before, &filter),
                        laid_out(after, &filter),
                        "step {}: {:?} under {:?}", step, action, filter
                    );
                }
            }
        }
    }

    /// A snapshot reads back as the very board it was written from, compact and indented.
    #[test]
    fn a_snapshot_reads_back_as_the_board_it_was_written_from(
        base in base(),
        seeds in seeds(40),
    ) {
        let board = grow(&base, &seeds);
        let exported = at(seeds.len());
        for text in [
            snapshot::write_compact(&board, exported),
            snapshot::write_pretty(&board, exported),
        ] {
            let loaded = snapshot::read(&text);
            prop_assert!(loaded.is_ok(), "refused: {}", loaded.unwrap_err());
            let loaded = loaded.unwrap();
            prop_assert_eq!(&loaded.board, &*board);
            prop_assert_eq!(loaded.exported_at, Some(exported));
            prop_assert_eq!(loaded.migrated_from, None);
        }
    }

    /// The store's layout reads back as the board after every save, also when a save
    /// reuses the parts of check-in history written by the saves before it, or (every
    /// other step, as when the board is opened again) the parts it was read from.
    #[test]
    fn the_stored_layout_reads_back_as_the_board_after_every_save(
        base in base(),
        seeds in seeds(24),
    ) {
        let mut known = Parts::default();
        let mut board = Rc::new(base.board());
        let stored = snapshot::write_stored(&board, at(0), &mut known);
        let loaded = read_back_stored(&stored);
        prop_assert!(loaded.is_ok(), "base refused: {}", loaded.unwrap_err());
        prop_assert_eq!(&loaded.unwrap().board, &*board);
        for (step, seed) in seeds.iter().enumerate() {
            let action = make(&board, seed, at(step));
            let Ok(next) = reduce(&board, action.clone(), at(step)) else {
                continue;
            };
            board = next;
            let saved = at(step + 1);
            let stored = snapshot::write_stored(&board, saved, &mut known);
            let fresh = snapshot::write_stored(&board, saved, &mut Parts::default());
            prop_assert_eq!(&stored.head, &fresh.head, "after step {}: {:?}", step, action);
            let loaded = read_back_stored(&stored);
            prop_assert!(
                loaded.is_ok(),
                "after step {step}: {action:?}: refused: {}",
                loaded.unwrap_err()
            );
            let loaded = loaded.unwrap();
            prop_assert_eq!(&loaded.board, &*board, "after step {}: {:?}", step, action);
            prop_assert_eq!(loaded.exported_at, Some(saved));
            if step % 2 == 1 {
                // Opened again: the board read back goes on with the parts it came from.
                let parts = parts_of(&stored);
                let (opened, read) =
                    snapshot::read_stored_known(&stored.head, &|name| parts.get(name).cloned())
                        .unwrap();
                board = Rc::new(opened.board);
                known = read;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The generator itself

/// The properties say little if the generated actions are nearly all refused, or never
/// refused: over a fixed sample, every kind of action is accepted at least once, most
/// actions are accepted, and some are refused.
#[test]
fn the_generated_actions_are_mostly_accepted_and_sometimes_refused() {
    let mut runner = TestRunner::deterministic();
    let strategy = (base(), seeds(40));
    let mut accepted: BTreeMap<Kind, usize> = BTreeMap::new();
    let (mut total, mut refused) = (0usize, 0usize);
    for _ in 0..150 {
        let (base, seeds) = strategy
            .new_tree(&mut runner)
            .expect("the strategy generates")
            .current();
        let mut board = Rc::new(base.board());
        for (step, seed) in seeds.iter().enumerate() {
            total += 1;
            match reduce(&board, make(&board, seed, at(step)), at(step)) {
                Ok(next) => {
                    *accepted.entry(seed.kind).or_default() += 1;
                    board = next;
                }
                Err(_) => refused += 1,
            }
        }
    }
    let never: Vec<&Kind> = KINDS.iter().filter(|k| !accepted.contains_key(k)).collect();
    assert!(never.is_empty(), "never accepted: {never:?}");
    let taken: usize = accepted.values().sum();
    assert!(
        taken * 2 > total,
        "only {taken} of {total} generated actions were accepted"
    );
    assert!(refused * 20 > total, "only {refused} of {total} refused");
}

/// A status changed from a card's menu keeps the layout unless a status filter is on; a
/// move to another team does not keep it.
#[test]
fn a_status_change_keeps_the_layout_and_a_move_does_not() {
    let start = Rc::new(example_board(today()));
    let card = start.initiatives[0].clone();
    let mut changed = card.clone();
    changed.status = if card.status == Status::AtRisk {
        Status::OnTrack
    } else {
        Status::AtRisk
    };
    let after = reduce(&start, Action::UpdateInitiative(changed.clone()), at(1)).unwrap();
    assert!(Layout::same_for(&start, &after, &Filter::default()));
    let by_status = Filter {
        status: StatusFilter::Is(changed.status),
        ..Filter::default()
    };
    assert!(!Layout::same_for(&start, &after, &by_status));
    assert_ne!(laid_out(&start, &by_status), laid_out(&after, &by_status));
    let other_team = start
        .teams
        .iter()
        .find(|t| t.id != card.team_id)
        .unwrap()
        .id
        .clone();
    let moved = reduce(
        &start,
        Action::MoveInitiative {
            id: card.id.clone(),
            from_priority: card.priority_ids.first().cloned(),
            to_priority: card.priority_ids.first().cloned(),
            to_team: other_team,
        },
        at(2),
    )
    .unwrap();
    assert!(!Layout::same_for(&start, &moved, &Filter::default()));
    assert_ne!(
        laid_out(&start, &Filter::default()),
        laid_out(&moved, &Filter::default())
    );
}
