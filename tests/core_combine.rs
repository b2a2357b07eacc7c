#![cfg(not(target_arch = "wasm32"))]
//! Merging snapshot files into a board (`core::combine`):
//! one test per matching and conflict rule, the refusals and the undo step. The slice and
//! the round trip through it are in `core_slice.rs`.

mod core_support;

use alignment_board::core::action::{reduce, Action};
use alignment_board::core::combine::{
    apply, plan, replan, Choice, Choices, FileMerge, Incoming, Item, Kind, Matched, MergePlan,
    Side, Verdict,
};
use alignment_board::core::coordination::Step;
use alignment_board::core::history::History;
use alignment_board::core::ids::is_random;
use alignment_board::core::model::{Board, DependencyState, Review, ReviewKind, Status};
use alignment_board::core::snapshot;
use core_support::{
    assert_sound, check_in, empty_board, initiative, now, person, priority, small_board, team, ts,
};
use std::rc::Rc;

/// A board made elsewhere: its own id, and ids spelled like this board's (`t-1`, `i-1`…)
/// that mean other things.
fn foreign() -> Board {
    let mut board = empty_board();
    board.id = "b-elsewhere".into();
    board.teams = vec![team("t-1", "Sales", None), team("t-2", "platform ", None)].into();
    board.people = vec![person("p-1", "Ana", Some("t-1"))].into();
    board.priorities = vec![
        priority("pr-1", "  win the  MID-market", 1),
        priority("pr-2", "reliability", 2),
    ]
    .into();
    board.initiatives = vec![
        initiative("i-1", "Partner deals", "t-1", &["pr-1"]),
        initiative("i-2", "Status page", "t-2", &["pr-2"]),
    ]
    .into();
    board.check_ins = vec![check_in("c-1", "i-1", Some("p-1"))].into();
    assert_sound(&board);
    board
}

fn file(name: &str, board: &Board) -> Incoming {
    Incoming::board(name, board.clone())
}

fn merged(plan: &MergePlan, at: usize) -> &FileMerge {
    plan.files[at].outcome.as_ref().expect("the file merges")
}

fn item<'a>(plan: &'a MergePlan, at: usize, kind: Kind, id: &str) -> &'a Item {
    merged(plan, at)
        .of(kind)
        .find(|item| item.id == id)
        .unwrap_or_else(|| panic!("no {} {id} in file {at}", kind.label()))
}

fn merge(board: &Board, files: &[Incoming], choices: &Choices) -> Board {
    let made = plan(board, files);
    let applied = apply(board, &made, choices).expect("the choices fit the plan");
    assert_sound(&applied.board);
    (*applied.board).clone()
}

// ---------------------------------------------------------------------------------------
// Matching

#[test]
fn merging_the_board_with_itself_finds_everything_the_same() {
    let board = small_board();
    let made = plan(&board, &[file("same.alignment.json", &board)]);
    let file = merged(&made, 0);
    assert!(file.family);
    assert!(file
        .items
        .iter()
        .all(|i| i.verdict == Verdict::Same && i.matched == Matched::ById));
    assert_eq!(file.counts().same, file.items.len());
    let applied = apply(&board, &made, &Choices::new()).unwrap();
    assert_eq!(*applied.board, board);
    assert!(
        applied.board.check_ins.same(&board.check_ins),
        "shared, not copied"
    );
    assert_eq!(
        applied.description,
        "merge same.alignment.json (nothing new)"
    );
}

#[test]
fn another_boards_entities_match_by_name_with_case_and_spacing_ignored() {
    let board = small_board();
    let made = plan(&board, &[file("sales.alignment.json", &foreign())]);
    assert!(!merged(&made, 0).family);
    // "platform " is this board's Platform; "reliability" its Reliability.
    let platform = item(&made, 0, Kind::Team, "t-2");
    assert_eq!(
        (
            platform.matched,
            &platform.verdict,
            platform.target.as_str()
        ),
        (Matched::ByName, &Verdict::Same, "t-2")
    );
    let reliability = item(&made, 0, Kind::Priority, "pr-2");
    assert_eq!(reliability.matched, Matched::ByName);
    assert_eq!(reliability.target, "pr-2");
    // Status page is Platform's on both boards: the same initiative.
    let status_page = item(&made, 0, Kind::Initiative, "i-2");
    assert_eq!(status_page.matched, Matched::ByName);
    assert_eq!(status_page.target, "i-2");
    let after = merge(
        &board,
        &[file("sales.alignment.json", &foreign())],
        &Choices::new(),
    );
    assert_eq!(after.teams.len(), 3, "Sales is new, Platform is not");
    let platform = after.team("t-2").unwrap();
    assert_eq!(platform.name, "Platform", "the board's spelling stays");
}

#[test]
fn another_boards_colliding_ids_are_renamed_with_every_reference() {
    let board = small_board();
    // Sales's check-in round names Sales by the file's id, which is Product's on this board.
    let mut theirs = foreign();
    theirs.reviews = vec![Review {
        id: "v-1".into(),
        at: ts("2026-11-20T17:00:00Z"),
        kind: ReviewKind::CheckIn,
        summary: "Sales's check-in round".into(),
        score: None,
        team_id: Some("t-1".into()),
    }]
    .into();
    let after = merge(
        &board,
        &[file("sales.alignment.json", &theirs)],
        &Choices::new(),
    );
    // The board's own t-1, i-1, p-1 and c-1 are untouched.
    for id in ["t-1", "i-1", "p-1"] {
        assert_eq!(after.holds_id(id), board.holds_id(id));
    }
    assert_eq!(after.team("t-1"), board.team("t-1"));
    assert_eq!(after.initiative("i-1"), board.initiative("i-1"));
    // Sales (foreign t-1) came in under a new id, with its initiative, person and
    // check-in following it.
    let sales = after.teams.iter().find(|t| t.name == "Sales").unwrap();
    assert!(
        is_random(&sales.id) && sales.id.starts_with("t-"),
        "{}",
        sales.id
    );
    let deals = after
        .initiatives
        .iter()
        .find(|i| i.title == "Partner deals")
        .unwrap();
    assert_eq!(deals.team_id, sales.id);
    assert!(is_random(&deals.id));
    let ana = after.people.iter().find(|p| p.name == "Ana").unwrap();
    assert_eq!(ana.team_id.as_ref(), Some(&sales.id));
    let mid_market = after
        .priorities
        .iter()
        .find(|p| p.title.trim() == "win the  MID-market")
        .unwrap();
    assert_eq!(deals.priority_ids, vec![mid_market.id.clone()]);
    let check_in = after
        .check_ins
        .iter()
        .find(|c| c.initiative_id == deals.id)
        .expect("the check-in follows its initiative");
    assert_eq!(check_in.author_id.as_ref(), Some(&ana.id));
    assert_eq!(after.check_ins.len(), 2);
    let round = after
        .reviews
        .iter()
        .find(|r| r.summary == "Sales's check-in round")
        .expect("the round comes with its board");
    assert_eq!(
        round.team_id.as_ref(),
        Some(&sales.id),
        "the round is Sales's"
    );
    // The preview says which were renamed.
    let made = plan(&board, &[file("sales.alignment.json", &foreign())]);
    assert_eq!(
        item(&made, 0, Kind::Team, "t-1").verdict,
        Verdict::New { renamed: true }
    );
}

#[test]
fn two_files_that_bring_the_same_priority_make_one() {
    let board = small_board();
    let mut other = foreign();
    other.id = "b-third".into();
    let after = merge(
        &board,
        &[
            file("a.alignment.json", &foreign()),
            file("b.alignment.json", &other),
        ],
        &Choices::new(),
    );
    let mid_market = after
        .priorities
        .iter()
        .filter(|p| p.title.to_lowercase().contains("mid-market"))
        .count();
    assert_eq!(mid_market, 1);
    let made = plan(
        &board,
        &[
            file("a.alignment.json", &foreign()),
            file("b.alignment.json", &other),
        ],
    );
    assert_eq!(
        item(&made, 1, Kind::Priority, "pr-1").matched,
        Matched::ByName,
        "the second file matches what the first brought"
    );
}

#[test]
fn initiatives_match_by_title_only_within_their_team() {
    let mut board = small_board();
    board.initiatives[1].title = "Onboarding".into(); // Platform's
    let mut other = foreign();
    other.initiatives[0].title = "ONBOARDING".into(); // Sales'
    let after = merge(
        &board,
        &[file("sales.alignment.json", &other)],
        &Choices::new(),
    );
    assert_eq!(
        after
            .initiatives
            .iter()
            .filter(|i| i.title.eq_ignore_ascii_case("onboarding"))
            .count(),
        2
    );
}

#[test]
fn a_file_of_the_same_family_matches_by_id_whatever_the_names() {
    let board = small_board();
    let mut copy = board.clone();
    copy.teams[0].name = "Product & Design".into();
    let made = plan(&board, &[file("copy.alignment.json", &copy)]);
    let product = item(&made, 0, Kind::Team, "t-1");
    assert_eq!(product.matched, Matched::ById);
    assert!(
        matches!(&product.verdict, Verdict::Conflict(d) if d.fields[0].name == "name"
        && d.fields[0].board == "Product" && d.fields[0].file == "Product & Design"
        && d.default == Side::Board)
    );
}

#[test]
fn the_person_can_undo_a_match_or_match_by_hand() {
    let board = small_board();
    let mut other = foreign();
    other.teams[0].name = "Product team".into();
    let made = plan(&board, &[file("sales.alignment.json", &other)]);
    assert_eq!(item(&made, 0, Kind::Team, "t-1").matched, Matched::No);
    // Sales' "Product team" is this board's Product; "platform " is not Platform.
    let choices = Choices::new()
        .with(Choice::MatchTo(
            item(&made, 0, Kind::Team, "t-1").reference(0),
            "t-1".into(),
        ))
        .with(Choice::Unmatch(
            item(&made, 0, Kind::Team, "t-2").reference(0),
        ));
    let again = replan(&board, &made, &choices).unwrap();
    let product = item(&again, 0, Kind::Team, "t-1");
    assert_eq!(product.matched, Matched::ByHand);
    assert_eq!(product.target, "t-1");
    assert!(
        matches!(product.verdict, Verdict::Conflict(_)),
        "the names differ"
    );
    let platform = item(&again, 0, Kind::Team, "t-2");
    assert_eq!(platform.matched, Matched::Undone);
    assert_eq!(platform.verdict, Verdict::New { renamed: true });
    let after = merge(&board, &[file("sales.alignment.json", &other)], &choices);
    assert_eq!(
        after.teams.len(),
        3,
        "Product matched, a second Platform added"
    );
    let deals = after
        .initiatives
        .iter()
        .find(|i| i.title == "Partner deals")
        .unwrap();
    assert_eq!(
        deals.team_id, "t-1",
        "follows the team it was matched to by hand"
    );
}

#[test]
fn choices_that_name_nothing_are_refused() {
    let board = small_board();
    let made = plan(&board, &[file("sales.alignment.json", &foreign())]);
    let item = item(&made, 0, Kind::Team, "t-1").reference(0);
    let to_nothing = Choices::new().with(Choice::MatchTo(item.clone(), "t-404".into()));
    assert!(apply(&board, &made, &to_nothing).is_err());
    let no_file = Choices::new().with(Choice::Unmatch(alignment_board::core::combine::ItemRef {
        file: 3,
        ..item
    }));
    assert!(apply(&board, &made, &no_file).is_err());
}

// ---------------------------------------------------------------------------------------
// Differences and conflicts

/// This board and a copy of it (the same family) whose initiative i-1 is `edited`.
fn edited(change: impl FnOnce(&mut alignment_board::core::model::Initiative)) -> (Board, Board) {
    let board = small_board();
    let mut copy = board.clone();
    change(&mut copy.initiatives[0]);
    (board, copy)
}

#[test]
fn a_decisive_difference_is_a_conflict_and_the_newer_side_is_the_default() {
    let (board, copy) = edited(|i| {
        i.owner_id = Some("p-2".into());
        i.updated_at = ts("2026-11-22T10:00:00Z");
    });
    let made = plan(&board, &[file("copy.json", &copy)]);
    let Verdict::Conflict(difference) = &item(&made, 0, Kind::Initiative, "i-1").verdict else {
        panic!("a conflict");
    };
    assert_eq!(
        difference.fields.len(),
        2,
        "the owner, and when it last changed"
    );
    let owner = &difference.fields[0];
    assert_eq!((owner.name, owner.decisive), ("owner", true));
    assert_eq!((owner.board.as_str(), owner.file.as_str()), ("Dana", "Sam"));
    assert_eq!(difference.default, Side::File, "the file's is newer");
    assert_eq!(difference.chosen, Side::File);
    let after = merge(&board, &[file("copy.json", &copy)], &Choices::new());
    assert_eq!(
        after.initiative("i-1").unwrap().owner_id.as_deref(),
        Some("p-2")
    );
    // The person keeps the board's.
    let keep = Choices::new().with(Choice::Pick(
        item(&made, 0, Kind::Initiative, "i-1").reference(0),
        Side::Board,
    ));
    let kept = merge(&board, &[file("copy.json", &copy)], &keep);
    assert_eq!(kept, board);
    assert_eq!(
        merged(&replan(&board, &made, &keep).unwrap(), 0)
            .counts()
            .taken,
        0
    );
}

#[test]
fn an_older_file_loses_by_default() {
    let (mut board, copy) = edited(|i| i.status = Status::Done);
    board.initiatives[0].updated_at = ts("2026-11-22T10:00:00Z");
    let made = plan(&board, &[file("old.json", &copy)]);
    let Verdict::Conflict(difference) = &item(&made, 0, Kind::Initiative, "i-1").verdict else {
        panic!("a conflict");
    };
    assert_eq!(difference.default, Side::Board);
    assert_eq!(
        merge(&board, &[file("old.json", &copy)], &Choices::new()),
        board
    );
}

#[test]
fn a_difference_in_details_is_a_change_taken_without_asking() {
    let (board, copy) = edited(|i| {
        i.progress = 70;
        i.description = "Now with a tour".into();
        i.updated_at = ts("2026-11-22T10:00:00Z");
    });
    let made = plan(&board, &[file("copy.json", &copy)]);
    let Verdict::Changed(difference) = &item(&made, 0, Kind::Initiative, "i-1").verdict else {
        panic!("a change");
    };
    let names: Vec<_> = difference.fields.iter().map(|f| f.name).collect();
    assert_eq!(names, ["description", "progress", "last changed"]);
    assert_eq!(difference.chosen, Side::File);
    let after = merge(&board, &[file("copy.json", &copy)], &Choices::new());
    assert_eq!(after.initiative("i-1").unwrap().progress, 70);
    assert_eq!(
        merged(&made, 0).counts(),
        alignment_board::core::combine::Counts {
            new: 0,
            same: merged(&made, 0).items.len() - 1,
            changed: 1,
            conflicts: 0,
            taken: 1
        }
    );
}

#[test]
fn a_later_time_of_the_last_change_alone_is_a_change_in_details() {
    let (board, copy) = edited(|i| i.updated_at = ts("2026-11-22T10:00:00Z"));
    let made = plan(&board, &[file("copy.json", &copy)]);
    let Verdict::Changed(difference) = &item(&made, 0, Kind::Initiative, "i-1").verdict else {
        panic!("a change");
    };
    assert_eq!(difference.fields[0].name, "last changed");
    assert_eq!(difference.default, Side::File);
}

#[test]
fn a_priority_ranked_differently_keeps_the_boards_ranking_unless_picked() {
    let board = small_board();
    let mut copy = board.clone();
    copy.priorities[2].rank = 1; // Pricing first
    copy.priorities[0].rank = 2;
    copy.priorities[1].rank = 3;
    let made = plan(&board, &[file("ranks.json", &copy)]);
    let pricing = item(&made, 0, Kind::Priority, "pr-3");
    let Verdict::Conflict(difference) = &pricing.verdict else {
        panic!("a conflict");
    };
    assert_eq!(difference.fields[0].name, "rank");
    assert_eq!(difference.default, Side::Board);
    assert_eq!(
        merge(&board, &[file("ranks.json", &copy)], &Choices::new()),
        board
    );
    // Taking the file's rank for Pricing alone: it goes first, the others move down.
    let choices = Choices::new().with(Choice::Pick(pricing.reference(0), Side::File));
    let after = merge(&board, &[file("ranks.json", &copy)], &choices);
    let ranked: Vec<_> = after
        .ranked_priorities()
        .iter()
        .map(|p| (p.id.as_str(), p.rank))
        .collect();
    assert_eq!(ranked, [("pr-3", 1), ("pr-1", 2), ("pr-2", 3)]);
}

#[test]
fn a_new_priority_at_a_rank_the_board_uses_goes_after_the_boards() {
    let board = small_board();
    let mut other = empty_board();
    other.id = "b-other".into();
    other.priorities = vec![priority("pr-1", "Security", 2)].into();
    let after = merge(&board, &[file("other.json", &other)], &Choices::new());
    let ranked: Vec<_> = after
        .ranked_priorities()
        .iter()
        .map(|p| (p.title.as_str(), p.rank))
        .collect();
    assert_eq!(
        ranked,
        [
            ("Onboarding", 1),
            ("Reliability", 2),
            ("Security", 3),
            ("Pricing", 4)
        ]
    );
}

#[test]
fn a_dependency_answered_in_the_file_is_newer() {
    let board = Rc::new(small_board());
    let answered = reduce(
        &board,
        Action::AnswerDependency {
            id: "d-1".into(),
            step: Step::Accept,
            note: "Next sprint".into(),
            promised: None,
        },
        now(),
    )
    .unwrap();
    let made = plan(&board, &[file("answered.json", &answered)]);
    let Verdict::Conflict(difference) = &item(&made, 0, Kind::Dependency, "d-1").verdict else {
        panic!("the state differs");
    };
    assert_eq!(difference.default, Side::File);
    let after = merge(&board, &[file("answered.json", &answered)], &Choices::new());
    assert_eq!(after.dependencies[0].state, DependencyState::Accepted);
}

// ---------------------------------------------------------------------------------------
// History is united

#[test]
fn a_check_in_merged_twice_is_one_check_in() {
    let board = small_board();
    let other = foreign();
    let once = merge(&board, &[file("sales.json", &other)], &Choices::new());
    let twice = merge(&once, &[file("sales.json", &other)], &Choices::new());
    assert_eq!(twice, once);
    let both = merge(
        &board,
        &[file("sales.json", &other), file("sales.json", &other)],
        &Choices::new(),
    );
    assert_eq!(both, once);
}

#[test]
fn another_boards_check_in_matches_by_initiative_time_and_note() {
    let mut board = small_board();
    board.initiatives[1].title = "Status page".into();
    board.check_ins.push(check_in("c-2", "i-2", None));
    let mut other = foreign();
    other.check_ins = vec![check_in("c-9", "i-2", None)].into();
    other.check_ins[0].note = "  Steady ".into();
    let made = plan(&board, &[file("sales.json", &other)]);
    let check_in = item(&made, 0, Kind::CheckIn, "c-9");
    assert_eq!(
        (check_in.matched, check_in.target.as_str()),
        (Matched::ByName, "c-2")
    );
    // The day is the person's: the preview writes `at` in their time zone and language.
    assert_eq!(
        (check_in.name.as_str(), check_in.at),
        ("Status page", Some(other.check_ins[0].at))
    );
}

// ---------------------------------------------------------------------------------------
// Refusals

#[test]
fn unreadable_files_are_refused_by_name_and_path_and_the_others_merge() {
    let board = small_board();
    let mut broken = snapshot::write_pretty(&foreign(), now());
    broken = broken.replace("\"teamId\": \"t-1\"", "\"teamId\": \"t-9\"");
    let newer = r#"{"format":"alignment-board","version":7,"board":{"id":"b","title":"x"}}"#;
    let files = [
        Incoming::read("notes.txt", "hello"),
        Incoming::read("future.alignment.json", newer),
        Incoming::read("broken.alignment.json", &broken),
        file("sales.alignment.json", &foreign()),
    ];
    let made = plan(&board, &files);
    let names: Vec<_> = made.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "broken.alignment.json",
            "future.alignment.json",
            "notes.txt",
            "sales.alignment.json"
        ],
        "in the order of their names"
    );
    let refusal = |at: usize| made.files[at].outcome.as_ref().unwrap_err();
    assert!(
        refusal(0).path.starts_with("board.people[0].teamId"),
        "{}",
        refusal(0)
    );
    assert!(refusal(1).message.contains("version 7"), "{}", refusal(1));
    assert!(
        refusal(2).message.contains("not valid JSON"),
        "{}",
        refusal(2)
    );
    assert!(made.files[3].outcome.is_ok());
    let applied = apply(&board, &made, &Choices::new()).unwrap();
    assert_eq!(applied.board.teams.len(), 3);
    assert!(applied
        .description
        .starts_with("merge sales.alignment.json ("));
}

// ---------------------------------------------------------------------------------------
// One undo step

#[test]
fn a_merge_is_one_undo_step_that_says_what_came_from_which_file() {
    let board = small_board();
    let (_, copy) = edited(|i| {
        i.progress = 70;
        i.updated_at = ts("2026-11-22T10:00:00Z");
    });
    let made = plan(
        &board,
        &[
            file("sales.alignment.json", &foreign()),
            file("copy.alignment.json", &copy),
        ],
    );
    let applied = apply(&board, &made, &Choices::new()).unwrap();
    assert_eq!(
        applied.description,
        "merge 2 files: copy.alignment.json (1 changed), sales.alignment.json (5 new)"
    );
    let mut history = History::new(Rc::new(board.clone()));
    let action = Action::Merge {
        board: applied.board.clone(),
        description: applied.description.clone(),
    };
    assert_eq!(action.describe(&board), applied.description);
    assert_eq!(history.apply(action, now()), Ok(true));
    assert_eq!(**history.board(), *applied.board);
    assert_eq!(
        history.undo_description(),
        Some(applied.description.as_str())
    );
    assert!(history.undo().unwrap());
    assert_eq!(**history.board(), board);
}

#[test]
fn a_merge_action_keeps_the_boards_id_and_its_invariants() {
    let board = Rc::new(small_board());
    let mut other = (*board).clone();
    other.id = "b-other".into();
    let refused = reduce(
        &board,
        Action::Merge {
            board: Rc::new(other),
            description: "merge".into(),
        },
        now(),
    );
    assert!(refused.is_err());
    let mut broken = (*board).clone();
    broken.initiatives[0].team_id = "t-9".into();
    let refused = reduce(
        &board,
        Action::Merge {
            board: Rc::new(broken),
            description: "merge".into(),
        },
        now(),
    );
    assert!(refused.unwrap_err().0.contains("teamId"));
}
