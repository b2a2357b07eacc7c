#![cfg(not(target_arch = "wasm32"))]
//! Properties of merging snapshot files (`core::combine`) over generated boards and files:
//!
//! - merging a board with itself changes nothing;
//! - merging the same file twice (in one merge, or in two) equals merging it once;
//! - the result always passes validation, whatever the person chooses;
//! - the order the files are given in never changes the result, and without conflicts
//!   neither does the order they are merged in (their names): then the boards hold the
//!   same entities, listed perhaps in another order.
//!
//! Files are copies of the board edited apart (its family: matched by id), slices of it,
//! and boards made elsewhere whose names and ids overlap the board's (matched by name,
//! renamed where their ids collide). 64 cases per property, or `PROPTEST_CASES`.

mod core_support;
#[path = "support/generate_board.rs"]
mod generate_board;

use alignment_board::core::combine::{
    apply, plan, Choice, Choices, Incoming, Kind, MergePlan, Side, Verdict,
};
use alignment_board::core::ids::{derived_bits, new_id};
use alignment_board::core::model::{Board, CheckIn, DependencyState, Status};
use alignment_board::core::slice::slice;
use alignment_board::core::time::Timestamp;
use alignment_board::core::validate;
use core_support::{date, full_board, initiative, small_board};
use generate_board::{big_board, Size};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------
// Boards and files

/// The board files are merged into.
#[derive(Clone, Debug)]
enum Base {
    Small,
    Full,
    Big(usize, usize, usize),
}

fn base() -> impl Strategy<Value = Base> {
    prop_oneof![
        Just(Base::Small),
        Just(Base::Full),
        (1usize..5, 1usize..5, 0usize..30).prop_map(|(t, p, i)| Base::Big(t, p, i)),
    ]
}

fn board_of(base: &Base) -> Board {
    match base {
        Base::Small => small_board(),
        Base::Full => full_board(),
        Base::Big(teams, priorities, initiatives) => big_board(
            Size {
                teams: *teams,
                priorities: *priorities,
                initiatives: *initiatives,
                check_ins: initiatives * 3,
            },
            date("2026-11-23"),
        ),
    }
}

/// One change made to a copy of the board in another browser.
#[derive(Clone, Debug)]
struct Edit {
    what: u8,
    at: u16,
    value: u16,
}

fn edit(decisive: bool) -> impl Strategy<Value = Edit> {
    let kinds: u8 = if decisive { 9 } else { 3 };
    (0..kinds, any::<u16>(), any::<u16>()).prop_map(|(what, at, value)| Edit { what, at, value })
}

/// A file to merge.
#[derive(Clone, Debug)]
enum File {
    /// A copy of the board (its family), edited; `seed` makes its new ids.
    Copy { seed: u16, edits: Vec<Edit> },
    /// The slice of one team, edited.
    Slice {
        team: u16,
        seed: u16,
        edits: Vec<Edit>,
    },
    /// A board made elsewhere: names and ids like the board's, meaning other things.
    Elsewhere(Base),
}

fn file(decisive: bool) -> impl Strategy<Value = File> {
    prop_oneof![
        (any::<u16>(), prop::collection::vec(edit(decisive), 0..6))
            .prop_map(|(seed, edits)| File::Copy { seed, edits }),
        (
            any::<u16>(),
            any::<u16>(),
            prop::collection::vec(edit(decisive), 0..6)
        )
            .prop_map(|(team, seed, edits)| File::Slice { team, seed, edits }),
        base().prop_map(File::Elsewhere),
    ]
}

/// The time of the `n`th edit: after everything on the generated boards.
fn later(seed: u16, n: usize) -> Timestamp {
    Timestamp::from_unix_seconds(1_800_000_000 + i64::from(seed) * 1000 + n as i64)
}

/// `board` with `edits` made to it, each keeping it sound.
fn edited(mut board: Board, seed: u16, edits: &[Edit]) -> Board {
    for (n, e) in edits.iter().enumerate() {
        let at = usize::from(e.at);
        let stamp = later(seed, n);
        let fresh = |prefix: &str| {
            new_id(
                prefix,
                derived_bits(&[&seed.to_string(), &n.to_string(), prefix]),
            )
        };
        let count = board.initiatives.len();
        match e.what {
            0 if count > 0 => {
                let i = &mut board.initiatives[at % count];
                i.progress = (e.value % 101) as u8;
                i.updated_at = stamp;
            }
            1 if !board.teams.is_empty() => {
                let team = board.teams[at % board.teams.len()].id.clone();
                board.initiatives.push(initiative(
                    &fresh("i"),
                    &format!("New {}", e.value),
                    &team,
                    &[],
                ));
            }
            2 if count > 0 => {
                let on = board.initiatives[at % count].id.clone();
                board.check_ins.push(CheckIn {
                    id: fresh("c"),
                    initiative_id: on,
                    at: stamp,
                    status: Status::OnTrack,
                    progress: (e.value % 101) as u8,
                    confidence: None,
                    note: format!("Note {}", e.value),
                    author_id: None,
                });
            }
            3 if count > 0 => {
                let i = &mut board.initiatives[at % count];
                i.status = Status::ALL[usize::from(e.value) % 6];
                i.updated_at = stamp;
            }
            4 if count > 0 => {
                let owner = (!board.people.is_empty() && e.value % 3 != 0).then(|| {
                    board.people[usize::from(e.value) % board.people.len()]
                        .id
                        .clone()
                });
                let i = &mut board.initiatives[at % count];
                i.owner_id = owner;
                i.updated_at = stamp;
            }
            5 => {
                let active: Vec<usize> = (0..board.priorities.len())
                    .filter(|&p| board.priorities[p].is_active())
                    .collect();
                if active.len() > 1 {
                    let a = active[at % active.len()];
                    let b = active[usize::from(e.value) % active.len()];
                    let rank = board.priorities[a].rank;
                    board.priorities[a].rank = board.priorities[b].rank;
                    board.priorities[b].rank = rank;
                }
            }
            6 if !board.teams.is_empty() => {
                let len = board.teams.len();
                board.teams[at % len].name = format!("Team {}", e.value);
            }
            7 if !board.dependencies.is_empty() => {
                let len = board.dependencies.len();
                let d = &mut board.dependencies[at % len];
                d.state = DependencyState::Accepted;
                d.answered_at = Some(stamp);
            }
            8 if !board.people.is_empty() => {
                let len = board.people.len();
                board.people[at % len].name = format!("Person {}", e.value);
            }
            _ => {}
        }
    }
    assert!(
        validate::problems(&board).is_empty(),
        "the generator made an unsound file"
    );
    board
}

fn file_board(board: &Board, file: &File) -> Board {
    match file {
        File::Copy { seed, edits } => edited(board.clone(), *seed, edits),
        File::Slice { team, seed, edits } => {
            let teams: Vec<_> = board
                .teams
                .get(usize::from(*team) % board.teams.len().max(1))
                .map(|t| vec![t.id.clone()])
                .unwrap_or_default();
            // Half of them marked as an exported slice is, cut before every edit.
            let mut cut = slice(board, &teams);
            if seed % 2 == 0 {
                cut.slice = Some(alignment_board::core::model::Cut {
                    team_ids: teams,
                    cut_at: Timestamp::from_unix_seconds(1_799_999_000),
                });
            }
            edited(cut, *seed, edits)
        }
        File::Elsewhere(base) => {
            let mut other = board_of(base);
            other.id = "b-elsewhere".into();
            other
        }
    }
}

fn incoming(board: &Board, files: &[File]) -> Vec<Incoming> {
    files
        .iter()
        .enumerate()
        .map(|(n, f)| Incoming::board(format!("file-{n}.alignment.json"), file_board(board, f)))
        .collect()
}

fn merged(board: &Board, files: &[Incoming]) -> Board {
    (*apply(board, &plan(board, files), &Choices::new())
        .unwrap()
        .board)
        .clone()
}

fn has_conflicts(plan: &MergePlan) -> bool {
    plan.files.iter().any(|f| {
        f.outcome.as_ref().is_ok_and(|m| {
            m.items
                .iter()
                .any(|i| matches!(i.verdict, Verdict::Conflict(_)))
        })
    })
}

/// The board with every list sorted by id: what it holds, whatever the order.
fn sorted(board: &Board) -> Board {
    let mut board = board.clone();
    board.people.sort_by(|a, b| a.id.cmp(&b.id));
    board.teams.sort_by(|a, b| a.id.cmp(&b.id));
    board.priorities.sort_by(|a, b| a.id.cmp(&b.id));
    board.initiatives.sort_by(|a, b| a.id.cmp(&b.id));
    board.check_ins.sort_by(|a, b| a.id.cmp(&b.id));
    board.dependencies.sort_by(|a, b| a.id.cmp(&b.id));
    board.decisions.sort_by(|a, b| a.id.cmp(&b.id));
    board.reviews.sort_by(|a, b| a.id.cmp(&b.id));
    board
}

/// Choices the person might make: for some items, undo the match, match by hand to some
/// entity of the board, or pick a side.
fn choose(board: &Board, plan: &MergePlan, wishes: &[(u16, u8, u16)]) -> Choices {
    let mut choices = Choices::new();
    for &(at, how, to) in wishes {
        let items: Vec<_> = plan
            .files
            .iter()
            .enumerate()
            .filter_map(|(n, f)| f.outcome.as_ref().ok().map(|m| (n, m)))
            .flat_map(|(n, m)| m.items.iter().map(move |i| (n, i)))
            .collect();
        if items.is_empty() {
            break;
        }
        let (file, item) = items[usize::from(at) % items.len()];
        let reference = item.reference(file);
        let ids: Vec<&String> = match item.kind {
            Kind::Team => board.teams.iter().map(|x| &x.id).collect(),
            Kind::Person => board.people.iter().map(|x| &x.id).collect(),
            Kind::Priority => board.priorities.iter().map(|x| &x.id).collect(),
            Kind::Initiative => board.initiatives.iter().map(|x| &x.id).collect(),
            Kind::CheckIn => board.check_ins.iter().map(|x| &x.id).collect(),
            Kind::Dependency => board.dependencies.iter().map(|x| &x.id).collect(),
            Kind::Decision => board.decisions.iter().map(|x| &x.id).collect(),
            Kind::Review => board.reviews.iter().map(|x| &x.id).collect(),
        };
        choices.add(match (how % 4, ids.is_empty()) {
            (0, _) => Choice::Unmatch(reference),
            (1, false) => Choice::MatchTo(reference, ids[usize::from(to) % ids.len()].clone()),
            (2, _) => Choice::Pick(reference, Side::File),
            _ => Choice::Pick(reference, Side::Board),
        });
    }
    choices
}

// ---------------------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(core_support::proptest_config())]

    #[test]
    fn merging_a_board_with_itself_changes_nothing(base in base()) {
        let board = board_of(&base);
        let made = plan(&board, &[Incoming::board("self.alignment.json", board.clone())]);
        prop_assert!(!has_conflicts(&made));
        prop_assert_eq!(merged(&board, &[Incoming::board("self.alignment.json", board.clone())]), board);
    }

    #[test]
    fn merging_a_file_twice_is_merging_it_once(base in base(), file in file(true)) {
        let board = board_of(&base);
        let files = incoming(&board, &[file]);
        let once = merged(&board, &files);
        prop_assert_eq!(&merged(&once, &files), &once, "merged again later");
        let twice = [files[0].clone(), files[0].clone()];
        prop_assert_eq!(&merged(&board, &twice), &once, "twice in one merge");
    }

    #[test]
    fn the_result_always_passes_validation(
        base in base(),
        files in prop::collection::vec(file(true), 1..4),
        wishes in prop::collection::vec((any::<u16>(), any::<u8>(), any::<u16>()), 0..6),
    ) {
        let board = board_of(&base);
        let files = incoming(&board, &files);
        let made = plan(&board, &files);
        for file in &made.files {
            prop_assert!(file.outcome.is_ok(), "sound files are merged: {:?}", file.outcome);
        }
        let choices = choose(&board, &made, &wishes);
        let applied = apply(&board, &made, &choices).unwrap();
        let problems = validate::problems(&applied.board);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert_eq!(&applied.board.id, &board.id);
    }

    #[test]
    fn the_order_of_the_files_does_not_change_the_result(
        base in base(),
        files in prop::collection::vec(file(false), 2..4),
    ) {
        let board = board_of(&base);
        let given = incoming(&board, &files);
        let once = merged(&board, &given);
        // Given in another order: the same board, exactly.
        let mut reversed = given.clone();
        reversed.reverse();
        prop_assert_eq!(&merged(&board, &reversed), &once);
        // Merged in another order (named the other way round): without conflicts, the
        // same entities. Boards made elsewhere are left out here: when two bring the same
        // new priority, the one merged first gives it its id.
        let family: Vec<Incoming> = given
            .iter()
            .filter(|f| f.read.as_ref().is_ok_and(|l| l.board.id == board.id))
            .cloned()
            .collect();
        let made = plan(&board, &family);
        if !has_conflicts(&made) {
            let count = family.len();
            let renamed: Vec<Incoming> = family
                .iter()
                .enumerate()
                .map(|(n, f)| Incoming { name: format!("file-{}.alignment.json", count - n), ..f.clone() })
                .collect();
            // A slice sent back is asked about what a file merged before it changed since its
            // cut: one order can have a conflict the other has not.
            if !has_conflicts(&plan(&board, &renamed)) {
                prop_assert_eq!(sorted(&merged(&board, &family)), sorted(&merged(&board, &renamed)));
            }
        }
    }
}
