#![cfg(not(target_arch = "wasm32"))]
//! The three-way merge of two tabs' edits to one board: what each side changed is kept,
//! entity by entity and field by field; what both changed differently is a conflict,
//! named; a merge that would break the board is a conflict of the whole board.

mod core_support;

use alignment_board::core::merge::merge;
use alignment_board::core::model::{Board, Status};
use core_support::{assert_sound, check_in, initiative, small_board};

fn edit(board: &Board, change: impl FnOnce(&mut Board)) -> Board {
    let mut next = board.clone();
    change(&mut next);
    next
}

fn titles(board: &Board) -> Vec<&str> {
    board.initiatives.iter().map(|i| i.title.as_str()).collect()
}

#[test]
fn nothing_changed_on_either_side_merges_to_the_same_board() {
    let base = small_board();
    let merged = merge(&base, &base.clone(), &base.clone());
    assert_eq!(merged.board, base);
    assert!(merged.conflicts.is_empty());
}

#[test]
fn one_side_s_changes_are_taken_whole() {
    let base = small_board();
    let changed = edit(&base, |b| {
        b.title = "Renamed".into();
        b.initiatives[0].status = Status::Done;
        b.initiatives.remove(2);
    });
    let merged = merge(&base, &changed, &base);
    assert_eq!(merged.board, changed, "only this tab changed");
    assert!(merged.conflicts.is_empty());
    let merged = merge(&base, &base, &changed);
    assert_eq!(merged.board, changed, "only the other tab changed");
    assert!(merged.conflicts.is_empty());
    // A slice's mark, too: this tab's stays when the other tab did not change it.
    let marked = edit(&base, |b| {
        b.slice = Some(alignment_board::core::model::Cut {
            team_ids: vec!["t-2".into()],
            cut_at: core_support::now(),
        })
    });
    let merged = merge(&base, &marked, &changed);
    assert_eq!(merged.board.slice, marked.slice);
    assert_eq!(merged.board.title, "Renamed");
}

#[test]
fn different_entities_changed_on_each_side_are_both_kept() {
    let base = small_board();
    let mine = edit(&base, |b| {
        b.initiatives[0].title = "Wizard v2".into();
        b.initiatives
            .push(initiative("i-mine", "Mine", "t-1", &["pr-2"]));
        b.check_ins.push(check_in("c-mine", "i-1", None));
        b.purpose = "Mine".into();
    });
    let theirs = edit(&base, |b| {
        b.initiatives[1].status = Status::OffTrack;
        b.initiatives.remove(2);
        b.initiatives
            .push(initiative("i-theirs", "Theirs", "t-2", &[]));
        b.check_ins.push(check_in("c-theirs", "i-2", None));
        b.title = "Theirs".into();
    });
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let board = &merged.board;
    assert_eq!(
        titles(board),
        ["Wizard v2", "Status page", "Theirs", "Mine"],
        "the other tab's order, then what only this tab added; Cleanup deleted there"
    );
    assert_eq!(board.initiatives[1].status, Status::OffTrack);
    assert_eq!(
        (board.title.as_str(), board.purpose.as_str()),
        ("Theirs", "Mine")
    );
    let check_ins: Vec<&str> = board.check_ins.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(check_ins, ["c-1", "c-theirs", "c-mine"]);
    assert_sound(board);
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = small_board();
    let both = edit(&base, |b| {
        b.initiatives[0].progress = 60;
        b.initiatives.remove(2);
    });
    let merged = merge(&base, &both, &both.clone());
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.board, both);
}

#[test]
fn an_entity_both_sides_changed_differently_is_a_named_conflict_and_this_tab_s_is_kept() {
    let base = small_board();
    let mine = edit(&base, |b| {
        b.initiatives[0].progress = 70;
        b.teams[1].name = "Platform team".into();
    });
    let theirs = edit(&base, |b| {
        b.initiatives[0].progress = 20;
        b.rhythm.check_in_days = 14;
    });
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts, ["initiative “Wizard”"]);
    assert_eq!(merged.board.initiatives[0].progress, 70);
    assert_eq!(merged.board.teams[1].name, "Platform team");
    assert_eq!(
        merged.board.rhythm.check_in_days, 14,
        "the rest still merges"
    );

    let theirs = edit(&base, |b| b.title = "Theirs".into());
    let mine = edit(&base, |b| b.title = "Mine".into());
    assert_eq!(
        merge(&base, &mine, &theirs).conflicts,
        ["the board’s title"]
    );
}

#[test]
fn an_entity_changed_on_one_side_and_deleted_on_the_other_is_a_conflict() {
    let base = small_board();
    let changed = edit(&base, |b| b.initiatives[2].title = "Cleanup, sooner".into());
    let deleted = edit(&base, |b| {
        b.initiatives.remove(2);
    });
    let merged = merge(&base, &changed, &deleted);
    assert_eq!(merged.conflicts, ["initiative “Cleanup, sooner”"]);
    assert!(titles(&merged.board).contains(&"Cleanup, sooner"), "kept");
    let merged = merge(&base, &deleted, &changed);
    assert_eq!(merged.conflicts, ["initiative “Cleanup, sooner”"]);
    assert!(!titles(&merged.board)
        .iter()
        .any(|t| t.starts_with("Cleanup")));
}

#[test]
fn the_same_new_id_added_differently_on_both_sides_is_a_conflict() {
    let base = small_board();
    let mine = edit(&base, |b| {
        b.initiatives.push(initiative("i-9", "A", "t-1", &[]))
    });
    let theirs = edit(&base, |b| {
        b.initiatives.push(initiative("i-9", "B", "t-1", &[]))
    });
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts, ["initiative “A”"]);
    assert_eq!(merged.board.initiatives.len(), 4, "once, not twice");
}

#[test]
fn changes_that_do_not_fit_together_are_a_conflict_of_the_whole_board() {
    let base = small_board();
    // This tab adds work to Platform; the other deletes Platform and what it owned.
    let mine = edit(&base, |b| {
        b.initiatives.push(initiative("i-9", "New", "t-2", &[]))
    });
    let theirs = edit(&base, |b| {
        b.teams.remove(1);
        b.initiatives.retain(|i| i.team_id != "t-2");
        b.dependencies.clear();
        b.people[1].team_id = None;
        b.decisions[0].team_ids.retain(|t| t != "t-2");
    });
    assert_sound(&theirs);
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    assert!(
        merged.conflicts[0].contains("do not fit together"),
        "{:?}",
        merged.conflicts
    );
    assert_eq!(
        merged.board, mine,
        "this tab's board, whole, if the person keeps it"
    );
}

#[test]
fn a_conflict_that_breaks_the_board_is_the_whole_board_s() {
    let base = small_board();
    // This tab swaps the first two ranks; the other renames the first priority, whose rank
    // this tab changed: taken from the other tab, the renamed one's rank would be shared.
    let mine = edit(&base, |b| {
        b.priorities
            .update_where(|p| p.id == "pr-1", |p| p.title = "Renamed".into())
    });
    let theirs = edit(&base, |b| {
        b.priorities
            .update_where(|p| p.id == "pr-1", |p| p.rank = 2);
        b.priorities
            .update_where(|p| p.id == "pr-2", |p| p.rank = 1);
    });
    let merged = merge(&base, &mine, &theirs);
    // Either choice keeps one board whole: the conflict says so, and names no one thing.
    assert_eq!(
        merged.conflicts,
        ["the board as a whole: the changes do not fit together"]
    );
    assert!(merged.whole);
    assert_eq!(merged.board, mine);
}

#[test]
fn a_merge_shares_the_items_of_the_boards_it_merges() {
    let base = small_board();
    let mine = edit(&base, |b| b.initiatives[0].progress = 70);
    let theirs = edit(&base, |b| b.initiatives[1].progress = 10);
    let merged = merge(&base, &mine, &theirs);
    assert!(merged.conflicts.is_empty() && !merged.whole);
    assert!(std::ptr::eq(
        &merged.board.initiatives[0],
        &mine.initiatives[0]
    ));
    assert!(std::ptr::eq(
        &merged.board.initiatives[1],
        &theirs.initiatives[1]
    ));
    assert!(std::ptr::eq(
        &merged.board.initiatives[2],
        &base.initiatives[2]
    ));
}

#[test]
fn a_board_replaced_on_one_side_is_a_conflict_of_the_whole_board() {
    let base = small_board();
    let mine = edit(&base, |b| b.initiatives[0].progress = 70);
    let replaced = edit(&base, |b| {
        b.id = "b-imported".into();
        b.title = "Imported".into();
    });
    let merged = merge(&base, &mine, &replaced);
    assert_eq!(merged.conflicts, ["the whole board: it was replaced"]);
    assert_eq!(merged.board, mine);
    let merged = merge(&base, &replaced, &mine);
    assert_eq!(merged.board, replaced, "this tab's replacement, whole");
}

#[test]
fn a_conflicting_merge_that_breaks_the_board_keeps_this_tab_s_board_whole() {
    let base = small_board();
    // Both rename Platform; this tab also adds work to it, the other deletes it after.
    let mine = edit(&base, |b| {
        b.teams[1].name = "Platform (mine)".into();
        b.initiatives.push(initiative("i-9", "New", "t-2", &[]));
    });
    let theirs = edit(&base, |b| b.teams[1].name = "Platform (theirs)".into());
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts, ["team “Platform (mine)”"]);
    assert_sound(&merged.board);
    let theirs = edit(&base, |b| {
        b.title = "Theirs".into();
        b.teams.remove(1);
        b.initiatives.retain(|i| i.team_id != "t-2");
        b.dependencies.clear();
        b.people[1].team_id = None;
        b.decisions[0].team_ids.retain(|t| t != "t-2");
    });
    // This tab adds work to Platform, which the other deletes; both rename the board.
    let mine = edit(&base, |b| {
        b.title = "Mine".into();
        b.initiatives.push(initiative("i-9", "New", "t-2", &[]));
    });
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.board, mine, "never a broken board");
}

#[test]
fn work_deleted_in_one_tab_while_the_other_edits_the_decision_that_stopped_it_merges() {
    // A stop decision that stopped i-3; this tab corrects its rationale and renames the
    // board, the other deletes i-3 and adds a team.
    let mut base = small_board();
    let mut stop = core_support::decision("x-9", None, &[], &["t-1"]);
    stop.kind = alignment_board::core::model::DecisionKind::Stop;
    stop.initiative_ids = vec!["i-3".into()];
    base.decisions.push(stop);
    assert_sound(&base);
    let mine = edit(&base, |b| {
        b.title = "Renamed here".into();
        b.decisions
            .update_where(|d| d.id == "x-9", |d| d.rationale = "Because".into());
    });
    let theirs = alignment_board::core::action::reduce(
        &std::rc::Rc::new(base.clone()),
        alignment_board::core::action::Action::DeleteInitiative("i-3".into()),
        core_support::now(),
    )
    .unwrap();
    let theirs = edit(&theirs, |b| {
        b.teams.push(core_support::team("t-3", "Data", None))
    });
    let merged = merge(&base, &mine, &theirs);
    assert_sound(&merged.board);
    assert_eq!(merged.board.title, "Renamed here");
    assert!(
        merged.board.initiative("i-3").is_none(),
        "the other tab's deletion"
    );
    assert!(merged.board.team("t-3").is_some(), "and its new team");
    let kept = merged
        .board
        .decisions
        .iter()
        .find(|d| d.id == "x-9")
        .unwrap();
    assert_eq!(
        (kept.rationale.as_str(), kept.initiative_ids.len()),
        ("Because", 0)
    );
    assert!(
        merged
            .conflicts
            .iter()
            .all(|c| !c.starts_with("the board as a whole")),
        "{:?}",
        merged.conflicts
    );
}
