#![cfg(not(target_arch = "wasm32"))]
//! Undo and redo over whole boards (`history`), and where cards go on the grid under a
//! filter (`layout`).

mod core_support;

use alignment_board::core::action::{reduce, Action, Refused};
use alignment_board::core::diff::changed_initiative;
use alignment_board::core::history::{Blocked, History, LIMIT};
use alignment_board::core::layout::{Column, Filter, Layout, OwnerFilter, StatusFilter};
use alignment_board::core::model::{Board, PriorityStatus, Status};
use core_support::{empty_board, initiative, now, priority, small_board, team, ts};
use std::rc::Rc;

// ---------------------------------------------------------------------------------------
// History helpers

fn history() -> History {
    History::new(Rc::new(small_board()))
}

fn rename_person(id: &str, name: &str) -> Action {
    Action::UpdatePerson(core_support::person(id, name, None))
}

fn move_to_rank(id: &str, rank: u32) -> Action {
    Action::RankPriority {
        id: id.into(),
        rank,
    }
}

/// Applies an action that must change the board.
fn apply(history: &mut History, action: Action) {
    assert_eq!(history.apply(action, now()), Ok(true));
}

// ---------------------------------------------------------------------------------------
// History

#[test]
fn an_undone_step_names_the_one_initiative_it_changes_back() {
    let mut h = history();
    let start = h.board().clone();
    apply(
        &mut h,
        Action::MoveInitiative {
            id: "i-1".into(),
            from_priority: Some("pr-1".into()),
            to_priority: None,
            to_team: "t-2".into(),
        },
    );
    let moved = h.board().clone();
    assert_eq!(changed_initiative(&start, &moved), Some("i-1".into()));
    assert!(h.undo().unwrap());
    assert_eq!(changed_initiative(&moved, h.board()), Some("i-1".into()));
    // A deletion undone brings the card back: it is the one.
    apply(&mut h, Action::DeleteInitiative("i-2".into()));
    let deleted = h.board().clone();
    assert!(h.undo().unwrap());
    assert_eq!(changed_initiative(&deleted, h.board()), Some("i-2".into()));
    // An addition undone leaves nothing to focus; nor does a change to no initiative.
    assert_eq!(changed_initiative(h.board(), &deleted), None);
    apply(&mut h, rename_person("p-1", "Renamed"));
    assert_eq!(changed_initiative(&start, &start), None);
    let renamed = h.board().clone();
    assert!(h.undo().unwrap());
    assert_eq!(changed_initiative(&renamed, h.board()), None);
}

#[test]
fn a_new_history_shows_its_board_and_has_nothing_to_undo_or_redo() {
    let board = Rc::new(small_board());
    let mut history = History::new(board.clone());
    assert!(Rc::ptr_eq(history.board(), &board));
    assert_eq!(history.undo_description(), None);
    assert_eq!(history.redo_description(), None);
    assert!(!history.undo().unwrap());
    assert!(!history.redo().unwrap());
    assert!(Rc::ptr_eq(history.board(), &board));
}

#[test]
fn apply_changes_the_board() {
    let mut history = history();
    apply(&mut history, move_to_rank("pr-3", 1));
    assert_eq!(history.board().ranked_priorities()[0].id, "pr-3");
}

#[test]
fn undo_restores_the_exact_previous_board() {
    let mut history = history();
    let before = history.board().clone();
    apply(
        &mut history,
        Action::DeleteTeam {
            id: "t-1".into(),
            move_initiatives_to: None,
        },
    );
    assert_ne!(**history.board(), *before);
    assert!(history.undo().unwrap());
    assert!(
        Rc::ptr_eq(history.board(), &before),
        "the same board, not a copy"
    );
    assert_eq!(**history.board(), small_board());
}

#[test]
fn redo_restores_the_exact_undone_board() {
    let mut history = history();
    apply(&mut history, Action::DeleteInitiative("i-2".into()));
    let after = history.board().clone();
    history.undo().unwrap();
    assert!(history.redo().unwrap());
    assert!(Rc::ptr_eq(history.board(), &after));
    assert!(history.board().initiative("i-2").is_none());
}

#[test]
fn undo_and_redo_walk_several_steps_in_order() {
    let mut history = history();
    let mut boards = vec![history.board().clone()];
    for (n, name) in ["Dana A", "Dana B", "Dana C"].into_iter().enumerate() {
        apply(&mut history, rename_person("p-1", name));
        boards.push(history.board().clone());
        assert_eq!(history.board().people[0].name, name, "step {n}");
    }
    for expected in boards[..3].iter().rev() {
        assert!(history.undo().unwrap());
        assert!(Rc::ptr_eq(history.board(), expected));
    }
    assert!(!history.undo().unwrap(), "nothing older than the start");
    for expected in &boards[1..] {
        assert!(history.redo().unwrap());
        assert!(Rc::ptr_eq(history.board(), expected));
    }
    assert!(
        !history.redo().unwrap(),
        "nothing newer than the last change"
    );
}

#[test]
fn a_new_action_after_undo_clears_redo() {
    let mut history = history();
    apply(&mut history, rename_person("p-1", "Dana A"));
    apply(&mut history, rename_person("p-1", "Dana B"));
    history.undo().unwrap();
    assert_eq!(history.redo_description(), Some("edit Dana B"));
    apply(&mut history, rename_person("p-2", "Samira"));
    assert_eq!(history.redo_description(), None);
    assert!(!history.redo().unwrap());
    assert_eq!(history.board().people[0].name, "Dana A");
    assert_eq!(history.board().people[1].name, "Samira");
}

#[test]
fn undo_and_redo_descriptions_name_the_change() {
    let mut history = history();
    apply(&mut history, move_to_rank("pr-2", 1));
    apply(&mut history, Action::DeleteInitiative("i-1".into()));
    assert_eq!(history.undo_description(), Some("delete “Wizard”"));
    assert_eq!(history.redo_description(), None);
    history.undo().unwrap();
    assert_eq!(
        history.undo_description(),
        Some("move “Reliability” to rank 1")
    );
    assert_eq!(history.redo_description(), Some("delete “Wizard”"));
    history.undo().unwrap();
    assert_eq!(history.undo_description(), None);
    assert_eq!(
        history.redo_description(),
        Some("move “Reliability” to rank 1")
    );
    history.redo().unwrap();
    assert_eq!(
        history.undo_description(),
        Some("move “Reliability” to rank 1")
    );
    assert_eq!(history.redo_description(), Some("delete “Wizard”"));
}

#[test]
fn descriptions_are_taken_from_the_board_before_the_change() {
    let mut history = history();
    apply(&mut history, Action::DeletePerson("p-2".into()));
    assert_eq!(history.undo_description(), Some("delete Sam"));
}

#[test]
fn a_board_a_form_already_made_is_kept_and_undone_like_any_change() {
    use alignment_board::core::action::reduce;
    let mut history = history();
    let from = history.board().clone();
    let action = rename_person("p-1", "Dana A");
    let made = reduce(&from, action.clone(), now()).unwrap();
    assert_eq!(
        history.apply_made(action.clone(), &from, made.clone(), now()),
        Ok(true)
    );
    assert!(Rc::ptr_eq(history.board(), &made), "the made board itself");
    assert_eq!(history.undo_description(), Some("edit Dana A"));
    history.undo().unwrap();
    assert!(Rc::ptr_eq(history.board(), &from));

    // Made from a board that is no longer the present one: the action is applied again.
    apply(&mut history, rename_person("p-2", "Sam B"));
    assert_eq!(
        history.apply_made(action, &from, made.clone(), now()),
        Ok(true)
    );
    assert!(!Rc::ptr_eq(history.board(), &made));
    assert_eq!(history.board().person("p-1").unwrap().name, "Dana A");
    assert_eq!(history.board().person("p-2").unwrap().name, "Sam B");
}

#[test]
fn a_refused_action_is_not_recorded() {
    let mut history = history();
    apply(&mut history, rename_person("p-1", "Dana A"));
    let board = history.board().clone();
    assert_eq!(
        history.apply(Action::DeletePriority("pr-9".into()), now()),
        Err(Refused(
            "nothing with the id \"pr-9\" is on the board".into()
        ))
    );
    assert!(Rc::ptr_eq(history.board(), &board));
    assert_eq!(history.undo_description(), Some("edit Dana A"));
    history.undo().unwrap();
    assert!(
        !history.undo().unwrap(),
        "only the one real change was recorded"
    );
}

#[test]
fn a_refused_action_after_undo_keeps_redo() {
    let mut history = history();
    apply(&mut history, rename_person("p-1", "Dana A"));
    history.undo().unwrap();
    assert!(history
        .apply(Action::AddTeam(team("t-1", "Again", None)), now())
        .is_err());
    assert_eq!(history.redo_description(), Some("edit Dana A"));
}

#[test]
fn an_action_that_changes_nothing_is_not_recorded() {
    let mut history = history();
    let board = history.board().clone();
    assert_eq!(history.apply(move_to_rank("pr-2", 2), now()), Ok(false));
    assert!(Rc::ptr_eq(history.board(), &board));
    assert_eq!(history.undo_description(), None);
}

#[test]
fn an_action_that_changes_nothing_after_undo_keeps_redo() {
    let mut history = history();
    apply(&mut history, move_to_rank("pr-3", 1));
    history.undo().unwrap();
    assert_eq!(history.apply(move_to_rank("pr-2", 2), now()), Ok(false));
    assert_eq!(history.redo_description(), Some("move “Pricing” to rank 1"));
}

#[test]
fn history_keeps_at_most_the_limit_of_undo_steps_dropping_the_oldest() {
    let mut history = history();
    let extra = 5;
    let mut boards = vec![history.board().clone()];
    for n in 0..LIMIT + extra {
        apply(&mut history, rename_person("p-1", &format!("Dana {n}")));
        boards.push(history.board().clone());
    }
    let mut undone = 0;
    while history.undo().unwrap() {
        undone += 1;
    }
    assert_eq!(undone, LIMIT);
    assert!(Rc::ptr_eq(history.board(), &boards[extra]));
    assert_eq!(
        history.board().people[0].name,
        format!("Dana {}", extra - 1)
    );
}

#[test]
fn the_undo_limit_is_one_hundred_steps() {
    assert_eq!(LIMIT, 100);
}

// ---------------------------------------------------------------------------------------
// Layout helpers

/// The small board's layout as `(lane, column, initiative ids)` for every non-empty cell.
fn cells(board: &Board, layout: &Layout) -> Vec<(String, String, Vec<String>)> {
    let mut out = Vec::new();
    for (lane, team) in layout.lanes.iter().enumerate() {
        for (column, kind) in layout.columns.iter().enumerate() {
            let cards: Vec<String> = layout.cells[lane][column]
                .iter()
                .map(|&i| board.initiatives[i].id.clone())
                .collect();
            if !cards.is_empty() {
                let name = kind
                    .priority_id()
                    .cloned()
                    .unwrap_or_else(|| "local".into());
                out.push((team.clone(), name, cards));
            }
        }
    }
    out
}

fn cell(lane: &str, column: &str, cards: &[&str]) -> (String, String, Vec<String>) {
    (lane.into(), column.into(), core_support::ids(cards))
}

fn columns(list: &[&str]) -> Vec<Column> {
    list.iter()
        .map(|&c| match c {
            "local" => Column::Local,
            id => Column::Priority(id.into()),
        })
        .collect()
}

fn assert_shape(layout: &Layout) {
    assert_eq!(layout.cells.len(), layout.lanes.len(), "one row per lane");
    for row in &layout.cells {
        assert_eq!(row.len(), layout.columns.len(), "one cell per column");
    }
}

// ---------------------------------------------------------------------------------------
// Layout

#[test]
fn columns_are_the_ranked_active_priorities_then_local_work() {
    let layout = Layout::compute(&small_board(), &Filter::default());
    assert_eq!(layout.columns, columns(&["pr-1", "pr-2", "pr-3", "local"]));
    assert_eq!(layout.lanes, core_support::ids(&["t-1", "t-2"]));
    assert_shape(&layout);
}

#[test]
fn columns_follow_rank_not_board_order() {
    let mut board = small_board();
    board.priorities[0].rank = 3;
    board.priorities[2].rank = 1;
    let layout = Layout::compute(&board, &Filter::default());
    assert_eq!(layout.columns, columns(&["pr-3", "pr-2", "pr-1", "local"]));
}

#[test]
fn every_card_sits_in_its_team_lane_and_priority_column() {
    let board = small_board();
    let layout = Layout::compute(&board, &Filter::default());
    assert_eq!(
        cells(&board, &layout),
        vec![
            cell("t-1", "pr-1", &["i-1"]),
            cell("t-1", "local", &["i-3"]),
            cell("t-2", "pr-1", &["i-2"]),
            cell("t-2", "pr-2", &["i-2"]),
        ]
    );
    assert_eq!(layout.shown, 3);
}

#[test]
fn an_initiative_serving_two_priorities_appears_in_both_columns_and_counts_once() {
    let board = small_board();
    let layout = Layout::compute(&board, &Filter::default());
    let lane = layout.lanes.iter().position(|t| t == "t-2").unwrap();
    let i2 = board
        .initiatives
        .iter()
        .position(|i| i.id == "i-2")
        .unwrap();
    let holding: Vec<&Column> = layout
        .columns
        .iter()
        .enumerate()
        .filter(|(c, _)| layout.cells[lane][*c].contains(&i2))
        .map(|(_, column)| column)
        .collect();
    assert_eq!(
        holding,
        [
            &Column::Priority("pr-1".into()),
            &Column::Priority("pr-2".into())
        ]
    );
    assert_eq!(layout.shown, 3, "i-2 is one of three cards shown");
}

#[test]
fn cards_in_a_cell_keep_board_order() {
    let mut board = small_board();
    board
        .initiatives
        .push(initiative("i-4", "Docs", "t-1", &["pr-1"]));
    let (first, fourth) = (board.initiatives[0].clone(), board.initiatives[3].clone());
    (board.initiatives[0], board.initiatives[3]) = (fourth, first);
    let layout = Layout::compute(&board, &Filter::default());
    assert_eq!(
        cells(&board, &layout)[0],
        cell("t-1", "pr-1", &["i-4", "i-1"])
    );
}

#[test]
fn team_filter_shows_only_that_lane() {
    let board = small_board();
    let filter = Filter {
        team: Some("t-2".into()),
        ..Filter::default()
    };
    let layout = Layout::compute(&board, &filter);
    assert_eq!(layout.lanes, core_support::ids(&["t-2"]));
    assert_eq!(
        layout.columns,
        columns(&["pr-1", "pr-2", "pr-3", "local"]),
        "every active priority keeps its column"
    );
    assert_eq!(
        cells(&board, &layout),
        vec![cell("t-2", "pr-1", &["i-2"]), cell("t-2", "pr-2", &["i-2"])]
    );
    assert_eq!(layout.shown, 1);
    assert_shape(&layout);
}

#[test]
fn owner_filter_shows_only_that_persons_cards() {
    let board = small_board();
    let filter = Filter {
        owner: OwnerFilter::Person("p-2".into()),
        ..Filter::default()
    };
    let layout = Layout::compute(&board, &filter);
    assert_eq!(layout.lanes.len(), 2, "every lane stays");
    assert_eq!(cells(&board, &layout), vec![cell("t-1", "local", &["i-3"])]);
    assert_eq!(layout.shown, 1);
}

#[test]
fn owner_filter_nobody_shows_only_unowned_cards() {
    let board = small_board();
    let filter = Filter {
        owner: OwnerFilter::Nobody,
        ..Filter::default()
    };
    let layout = Layout::compute(&board, &filter);
    assert_eq!(
        cells(&board, &layout),
        vec![cell("t-2", "pr-1", &["i-2"]), cell("t-2", "pr-2", &["i-2"])]
    );
    assert_eq!(layout.shown, 1);
}

#[test]
fn status_filter_shows_only_cards_with_that_status() {
    let board = small_board();
    let filter = Filter {
        status: StatusFilter::Is(Status::AtRisk),
        ..Filter::default()
    };
    let layout = Layout::compute(&board, &filter);
    assert_eq!(cells(&board, &layout), vec![cell("t-1", "local", &["i-3"])]);
    assert_eq!(layout.shown, 1);
}

#[test]
fn the_unfinished_filter_leaves_out_done_and_dropped_work() {
    let mut board = small_board();
    board.initiatives[0].status = Status::Done;
    board.initiatives[1].status = Status::Dropped;
    let filter = Filter {
        status: StatusFilter::Unfinished,
        ..Filter::default()
    };
    let unfinished: Vec<&str> = board
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .map(|i| i.id.as_str())
        .collect();
    assert!(!unfinished.is_empty() && unfinished.len() < board.initiatives.len());
    let layout = Layout::compute(&board, &filter);
    let shown: Vec<&str> = layout
        .cells
        .iter()
        .flatten()
        .flatten()
        .map(|&i| board.initiatives[i].id.as_str())
        .collect();
    assert_eq!(layout.shown, unfinished.len());
    assert!(shown.iter().all(|id| unfinished.contains(id)), "{shown:?}");
    assert!(filter.is_active());
}

#[test]
fn filters_combine() {
    let board = small_board();
    let filter = Filter {
        team: Some("t-1".into()),
        owner: OwnerFilter::Person("p-1".into()),
        status: StatusFilter::Is(Status::OnTrack),
        attention: false,
        earlier: false,
    };
    let layout = Layout::compute(&board, &filter);
    assert_eq!(cells(&board, &layout), vec![cell("t-1", "pr-1", &["i-1"])]);
    let none = Filter {
        status: StatusFilter::Is(Status::AtRisk),
        ..filter
    };
    assert_eq!(Layout::compute(&board, &none).shown, 0);
}

#[test]
fn a_filter_matching_nothing_keeps_the_grid_but_empties_every_cell() {
    let board = small_board();
    let filter = Filter {
        status: StatusFilter::Is(Status::Done),
        ..Filter::default()
    };
    let layout = Layout::compute(&board, &filter);
    assert_eq!(layout.shown, 0);
    assert_eq!(layout.columns, columns(&["pr-1", "pr-2", "pr-3", "local"]));
    assert_eq!(layout.lanes.len(), 2);
    assert_shape(&layout);
    assert!(layout.cells.iter().flatten().all(Vec::is_empty));
}

#[test]
fn a_filter_on_an_unknown_team_shows_no_lanes() {
    let filter = Filter {
        team: Some("t-9".into()),
        ..Filter::default()
    };
    let layout = Layout::compute(&small_board(), &filter);
    assert!(layout.lanes.is_empty());
    assert!(layout.cells.is_empty());
    assert_eq!(layout.shown, 0);
}

#[test]
fn an_empty_board_has_only_the_local_work_column_and_no_lanes() {
    let layout = Layout::compute(&empty_board(), &Filter::default());
    assert_eq!(layout.columns, vec![Column::Local]);
    assert!(layout.lanes.is_empty());
    assert!(layout.cells.is_empty());
    assert_eq!(layout.shown, 0);
}

#[test]
fn teams_without_work_still_get_an_empty_lane() {
    let mut board = empty_board();
    board.teams = vec![team("t-1", "Product", None), team("t-2", "Platform", None)].into();
    board.priorities = vec![priority("pr-1", "Grow", 1)].into();
    let layout = Layout::compute(&board, &Filter::default());
    assert_eq!(layout.lanes, core_support::ids(&["t-1", "t-2"]));
    assert_eq!(layout.columns, columns(&["pr-1", "local"]));
    assert_eq!(layout.cells, vec![vec![Vec::<usize>::new(); 2]; 2]);
}

#[test]
fn an_inactive_priority_without_cards_has_no_column() {
    let mut board = small_board();
    board.priorities[2].status = PriorityStatus::Achieved;
    let layout = Layout::compute(&board, &Filter::default());
    assert_eq!(layout.columns, columns(&["pr-1", "pr-2", "local"]));
}

#[test]
fn an_inactive_priority_that_still_has_cards_gets_a_column_before_local_work() {
    let mut board = small_board();
    board.priorities[0].status = PriorityStatus::Dropped;
    let layout = Layout::compute(&board, &Filter::default());
    assert_eq!(layout.columns, columns(&["pr-2", "pr-3", "pr-1", "local"]));
    assert_eq!(
        cells(&board, &layout),
        vec![
            cell("t-1", "pr-1", &["i-1"]),
            cell("t-1", "local", &["i-3"]),
            cell("t-2", "pr-2", &["i-2"]),
            cell("t-2", "pr-1", &["i-2"]),
        ]
    );
}

#[test]
fn an_inactive_priority_whose_cards_are_all_filtered_out_has_no_column() {
    let mut board = small_board();
    board.priorities[0].status = PriorityStatus::Dropped;
    let filter = Filter {
        owner: OwnerFilter::Person("p-2".into()),
        ..Filter::default()
    };
    let layout = Layout::compute(&board, &filter);
    assert_eq!(layout.columns, columns(&["pr-2", "pr-3", "local"]));
}

#[test]
fn work_an_earlier_period_finished_is_left_out_unless_asked_for() {
    let mut board = small_board();
    // Onboarding was achieved last period, with Wizard done for it.
    board.priorities[0].status = PriorityStatus::Achieved;
    board.initiatives[0].status = Status::Done;
    board.initiatives[1].priority_ids = vec!["pr-2".into()];
    board.period.started_at = Some(board.initiatives[0].updated_at);
    let layout = Layout::compute(&board, &Filter::default());
    assert_eq!(
        layout.columns,
        columns(&["pr-2", "pr-3", "local"]),
        "no column for it either"
    );
    assert_eq!(layout.shown, 2);
    assert!(
        !layout.filtered,
        "leaving the earlier period's work out is no filter the person set"
    );
    // Flagged: what needs attention among what the other filters let through.
    let flagged = Layout::compute_flagged(&board, &Filter::default(), &|id| id != "i-2");
    assert_eq!(
        flagged.flagged, 1,
        "the earlier period's Wizard is left out"
    );
    let team = Filter {
        team: Some("t-2".into()),
        ..Filter::default()
    };
    let theirs = Layout::compute_flagged(&board, &team, &|_| true);
    assert_eq!(theirs.flagged, 1, "Platform's Status page alone");
    let attention = Filter {
        attention: true,
        ..team
    };
    let only = Layout::compute_flagged(&board, &attention, &|_| true);
    assert_eq!((only.flagged, only.shown), (1, 1));
    let asked = Filter {
        earlier: true,
        ..Filter::default()
    };
    assert!(
        asked.is_active(),
        "asked for, it is a filter Clear filters takes back"
    );
    let layout = Layout::compute(&board, &asked);
    assert_eq!(layout.columns, columns(&["pr-2", "pr-3", "pr-1", "local"]));
    assert_eq!(layout.shown, 3);
    assert!(layout.filtered);
    // Taken up again it is this period's: the layout changes.
    let mut reopened = board.clone();
    reopened.initiatives[0].status = Status::OnTrack;
    reopened.initiatives[0].updated_at = ts("2026-12-01T09:00:00Z");
    assert!(!Layout::same_for(&board, &reopened, &Filter::default()));
    assert!(Layout::same_for(&board, &reopened, &asked));
}

#[test]
fn a_filter_is_active_when_anything_is_set() {
    assert!(!Filter::default().is_active());
    let cases = [
        Filter {
            team: Some("t-1".into()),
            ..Filter::default()
        },
        Filter {
            owner: OwnerFilter::Nobody,
            ..Filter::default()
        },
        Filter {
            owner: OwnerFilter::Person("p-1".into()),
            ..Filter::default()
        },
        Filter {
            status: StatusFilter::Is(Status::NotStarted),
            ..Filter::default()
        },
    ];
    for filter in cases {
        assert!(filter.is_active(), "{filter:?}");
    }
}

#[test]
fn a_column_knows_its_priority() {
    assert_eq!(
        Column::Priority("pr-1".into())
            .priority_id()
            .map(String::as_str),
        Some("pr-1")
    );
    assert_eq!(Column::Local.priority_id(), None);
}

#[test]
fn the_attention_filter_keeps_only_flagged_initiatives() {
    let board = small_board();
    let filter = Filter {
        attention: true,
        ..Filter::default()
    };
    let flagged = |id: &str| id == "i-1";
    let layout = Layout::compute_flagged(&board, &filter, &flagged);
    assert_eq!(layout.shown, 1);
    assert_eq!(cells(&board, &layout), vec![cell("t-1", "pr-1", &["i-1"])]);
    assert!(filter.is_active());
    // Without the analysis nothing is flagged, so nothing passes.
    assert_eq!(Layout::compute(&board, &filter).shown, 0);
    // Off, the flags change nothing but their count.
    let all = Layout::compute_flagged(&board, &Filter::default(), &flagged);
    assert_eq!(all.flagged, 1);
    assert_eq!(
        Layout { flagged: 0, ..all },
        Layout::compute(&board, &Filter::default())
    );
}

// ---------------------------------------------------------------------------------------
// History around another tab's saves

/// The board another tab saved: this tab's `board` with Sam renamed.
fn other_tab_renames_sam(board: &Board, name: &str) -> Rc<Board> {
    let mut theirs = board.clone();
    theirs
        .people
        .update_where(|p| p.id == "p-2", |p| p.name = name.into());
    Rc::new(theirs)
}

#[test]
fn undo_after_another_tab_s_save_takes_back_this_tab_s_step_and_keeps_the_other_s() {
    let mut history = history();
    apply(&mut history, rename_person("p-1", "Dana A"));
    apply(&mut history, move_to_rank("pr-3", 1));
    let theirs = other_tab_renames_sam(history.board(), "Samira");
    history.take(theirs.clone());
    assert!(Rc::ptr_eq(history.board(), &theirs), "taken as it is");
    assert_eq!(history.undo_description(), Some("move “Pricing” to rank 1"));
    assert_eq!(history.undo(), Ok(true));
    let board = history.board().clone();
    assert_eq!(
        board.ranked_priorities()[0].id,
        "pr-1",
        "the move taken back"
    );
    assert_eq!(board.people[0].name, "Dana A", "the step before stays");
    assert_eq!(
        board.people[1].name, "Samira",
        "the other tab's change stays"
    );
    assert_eq!(history.undo(), Ok(true));
    assert_eq!(history.board().people[0].name, "Dana");
    assert_eq!(history.board().people[1].name, "Samira");
    assert_eq!(history.undo(), Ok(false), "nothing older");
    // Redo makes the steps again on the board as it is now.
    assert_eq!(history.redo(), Ok(true));
    assert_eq!(history.redo(), Ok(true));
    assert_eq!(history.board().ranked_priorities()[0].id, "pr-3");
    assert_eq!(history.board().people[0].name, "Dana A");
    assert_eq!(history.board().people[1].name, "Samira");
    assert_eq!(history.redo(), Ok(false));
}

#[test]
fn undo_of_what_another_tab_changed_since_is_refused_and_changes_nothing() {
    let mut history = history();
    apply(&mut history, rename_person("p-2", "Sam B"));
    let theirs = other_tab_renames_sam(history.board(), "Samira");
    history.take(theirs.clone());
    let blocked = history
        .undo()
        .expect_err("Sam was renamed again in the other tab");
    assert_eq!(blocked, Blocked::Changed(vec!["person “Samira”".into()]));
    assert_eq!(
        blocked.to_string(),
        "Another tab has since changed person “Samira”; change it by hand if it should be"
    );
    assert!(
        Rc::ptr_eq(history.board(), &theirs),
        "the board is left as it is"
    );
    assert_eq!(
        history.undo_description(),
        Some("edit Sam B"),
        "the step stays"
    );
    assert_eq!(history.redo_description(), None);
    // Set back as it was, the step can be undone again.
    history.take(other_tab_renames_sam(history.board(), "Sam B"));
    assert_eq!(history.undo(), Ok(true));
    assert_eq!(history.board().people[1].name, "Sam");
}

#[test]
fn a_step_made_again_that_would_break_the_board_is_refused() {
    let mut history = history();
    apply(
        &mut history,
        Action::AddInitiative(initiative("i-9", "New", "t-2", &[])),
    );
    assert_eq!(history.undo(), Ok(true));
    // The other tab then deletes Platform, the team the undone work was added to.
    let delete_platform = Action::DeleteTeam {
        id: "t-2".into(),
        move_initiatives_to: Some("t-1".into()),
    };
    let theirs = reduce(history.board(), delete_platform, now()).unwrap();
    history.take(theirs.clone());
    let blocked = history.redo().expect_err("the work's team is gone");
    assert_eq!(blocked, Blocked::Unfitting);
    assert!(Rc::ptr_eq(history.board(), &theirs));
    assert_eq!(
        history.redo_description(),
        Some("add “New”"),
        "the step stays"
    );
    // Taking back a step whose undoing clashes with what the other tab changed: the two
    // priorities would share a rank.
    let mut history = self::history();
    apply(&mut history, move_to_rank("pr-2", 1));
    let mut theirs = (**history.board()).clone();
    theirs
        .priorities
        .update_where(|p| p.id == "pr-1", |p| p.title = "Renamed".into());
    history.take(Rc::new(theirs));
    assert_eq!(history.undo(), Err(Blocked::Unfitting));
}

#[test]
fn a_step_that_replaced_the_board_is_not_taken_back_once_another_tab_changed_it() {
    let mut history = history();
    let mut imported = small_board();
    imported.id = "imported".into();
    apply(&mut history, Action::ReplaceBoard(Rc::new(imported)));
    let theirs = other_tab_renames_sam(history.board(), "Samira");
    history.take(theirs.clone());
    let blocked = history.undo().expect_err("the import replaced the board");
    assert_eq!(blocked, Blocked::Replaced);
    assert_eq!(
        blocked.to_string(),
        "It replaced the whole board, and another tab has changed that board since"
    );
    assert!(Rc::ptr_eq(history.board(), &theirs));
}

#[test]
fn undo_and_redo_around_saves_of_another_tab_between_them_keep_its_work() {
    let mut history = history();
    apply(&mut history, rename_person("p-1", "Dana A"));
    apply(&mut history, move_to_rank("pr-3", 1));
    history.take(other_tab_renames_sam(history.board(), "Sam 1"));
    assert_eq!(history.undo(), Ok(true));
    history.take(other_tab_renames_sam(history.board(), "Sam 2"));
    assert_eq!(history.undo(), Ok(true));
    history.take(other_tab_renames_sam(history.board(), "Sam 3"));
    assert_eq!(history.redo(), Ok(true));
    history.take(other_tab_renames_sam(history.board(), "Sam 4"));
    assert_eq!(history.redo(), Ok(true));
    let board = history.board();
    assert_eq!(
        (board.people[0].name.as_str(), board.people[1].name.as_str()),
        ("Dana A", "Sam 4")
    );
    assert_eq!(board.ranked_priorities()[0].id, "pr-3");
    // A redo refused: the other tab renamed the person the undone step renames.
    assert_eq!(history.undo(), Ok(true));
    assert_eq!(history.undo(), Ok(true));
    let mut theirs = (**history.board()).clone();
    theirs
        .people
        .update_where(|p| p.id == "p-1", |p| p.name = "Dana C".into());
    history.take(Rc::new(theirs));
    assert_eq!(
        history.redo(),
        Err(Blocked::Changed(vec!["person “Dana C”".into()]))
    );
}

#[test]
fn a_board_read_apart_shares_what_it_has_in_common_with_this_tab_s() {
    let mine = small_board();
    // Another tab's save, read from storage: equal items, none shared.
    let mut theirs: Board = serde_json::from_str(&serde_json::to_string(&mine).unwrap()).unwrap();
    theirs
        .people
        .update_where(|p| p.id == "p-2", |p| p.name = "Samira".into());
    let shared = theirs.sharing(&mine);
    assert_eq!(shared, theirs);
    assert!(
        shared.initiatives.same(&mine.initiatives),
        "an equal list is shared whole"
    );
    assert!(
        std::ptr::eq(&shared.people[0], &mine.people[0]),
        "Dana is shared"
    );
    assert!(
        !std::ptr::eq(&shared.people[1], &mine.people[1]),
        "Samira is theirs"
    );
}

#[test]
fn a_board_of_another_id_taken_from_another_tab_leaves_nothing_to_undo_or_redo() {
    let mut history = history();
    apply(&mut history, rename_person("p-1", "Dana A"));
    apply(&mut history, rename_person("p-1", "Dana B"));
    assert_eq!(history.undo(), Ok(true));
    let mut imported = small_board();
    imported.id = "another-board".into();
    history.take(Rc::new(imported));
    assert_eq!(history.undo_description(), None);
    assert_eq!(history.redo_description(), None);
    assert_eq!(history.undo(), Ok(false));
}
