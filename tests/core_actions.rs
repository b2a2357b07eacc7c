#![cfg(not(target_arch = "wasm32"))]
//! Every `Action` through `action::reduce`: what it changes, what it cascades to, what it
//! refuses and with which words. Each successful action must leave a sound board.

mod core_support;

use alignment_board::core::action::{reduce, Action, Refused, Settings};
use alignment_board::core::model::{
    Board, CheckIn, Period, PriorityStatus, Review, ReviewKind, Rhythm, Risk, Severity, Status,
};
use core_support::{
    assert_sound, check_in, created, date, empty_board, full_board, ids, initiative, now, person,
    priority, small_board, team, ts,
};
use std::rc::Rc;

// ---------------------------------------------------------------------------------------
// Helpers

/// Applies `action` to `board`, expecting success and a sound result.
fn applied(board: &Board, action: Action) -> Board {
    let before = Rc::new(board.clone());
    match reduce(&before, action, now()) {
        Ok(after) => {
            assert_sound(&after);
            (*after).clone()
        }
        Err(Refused(reason)) => panic!("the action should apply, but was refused: {reason}"),
    }
}

/// Applies `action` to `board`, expecting a refusal; returns its message.
fn refused(board: &Board, action: Action) -> String {
    match reduce(&Rc::new(board.clone()), action, now()) {
        Ok(after) => panic!("the action should be refused, but gave {after:?}"),
        Err(Refused(reason)) => reason,
    }
}

/// Whether `action` leaves `board` as it is, returning the very same `Rc`.
fn is_no_op(board: &Board, action: Action) -> bool {
    let before = Rc::new(board.clone());
    let after = reduce(&before, action, now()).expect("a no-op is not a refusal");
    Rc::ptr_eq(&before, &after)
}

/// `(id, rank)` of every priority, in board order.
fn ranks(board: &Board) -> Vec<(&str, u32)> {
    board
        .priorities
        .iter()
        .map(|p| (p.id.as_str(), p.rank))
        .collect()
}

/// Active priority ids, most important first.
fn ranked(board: &Board) -> Vec<&str> {
    board
        .ranked_priorities()
        .into_iter()
        .map(|p| p.id.as_str())
        .collect()
}

fn priority_ids_of<'b>(board: &'b Board, initiative: &str) -> Vec<&'b str> {
    board
        .initiative(initiative)
        .expect("the initiative is on the board")
        .priority_ids
        .iter()
        .map(String::as_str)
        .collect()
}

fn move_card(id: &str, from: Option<&str>, to: Option<&str>, team: &str) -> Action {
    Action::MoveInitiative {
        id: id.into(),
        from_priority: from.map(Into::into),
        to_priority: to.map(Into::into),
        to_team: team.into(),
    }
}

// ---------------------------------------------------------------------------------------
// ReplaceBoard and UpdateSettings

#[test]
fn replace_board_swaps_in_a_sound_board() {
    let mut replacement = empty_board();
    replacement.id = "b-2".into();
    replacement.teams = vec![team("t-7", "Sales", None)].into();
    let after = applied(
        &small_board(),
        Action::ReplaceBoard(Rc::new(replacement.clone())),
    );
    assert_eq!(after, replacement);
}

#[test]
fn replace_board_with_an_equal_board_changes_nothing() {
    assert!(is_no_op(
        &small_board(),
        Action::ReplaceBoard(Rc::new(small_board()))
    ));
}

#[test]
fn replace_board_refuses_an_unsound_board_with_its_first_problem() {
    let mut broken = small_board();
    broken.initiatives[0].team_id = "t-9".into();
    broken.initiatives[1].effort = 120;
    assert_eq!(
        refused(&small_board(), Action::ReplaceBoard(Rc::new(broken))),
        "board.initiatives[0].teamId: no team \"t-9\""
    );
}

#[test]
fn a_board_saved_in_another_tab_is_taken_as_it_is_once_checked() {
    let before = Rc::new(small_board());
    let mut saved = small_board();
    saved.teams[0].name = "Renamed in the other tab".into();
    let saved = Rc::new(saved);
    let after = reduce(&before, Action::TakeSaved(saved.clone()), now()).unwrap();
    assert!(
        Rc::ptr_eq(&after, &saved),
        "the very board the saver holds, so it writes nothing back"
    );
    let mut broken = small_board();
    broken.initiatives[0].team_id = "t-9".into();
    assert_eq!(
        refused(&before, Action::TakeSaved(Rc::new(broken))),
        "board.initiatives[0].teamId: no team \"t-9\""
    );
}

fn settings() -> Settings {
    Settings {
        title: "Q1 board".into(),
        purpose: "Grow".into(),
        period: Period {
            label: "Q1 2027".into(),
            start: Some(date("2027-01-01")),
            end: Some(date("2027-03-31")),
            started_at: None,
        },
        rhythm: Rhythm {
            check_in_days: 14,
            review_days: 42,
            planning_days: 84,
        },
    }
}

#[test]
fn update_settings_changes_title_purpose_period_and_rhythm_only() {
    let before = small_board();
    let after = applied(&before, Action::UpdateSettings(settings()));
    let mut expected = before.clone();
    expected.title = "Q1 board".into();
    expected.purpose = "Grow".into();
    expected.period = settings().period;
    expected.rhythm = settings().rhythm;
    assert_eq!(after, expected);
}

#[test]
fn update_settings_with_the_current_settings_changes_nothing() {
    let board = small_board();
    let same = Settings {
        title: board.title.clone(),
        purpose: board.purpose.clone(),
        period: board.period.clone(),
        rhythm: board.rhythm,
    };
    assert!(is_no_op(&board, Action::UpdateSettings(same)));
}

#[test]
fn update_settings_refuses_a_zero_day_rhythm() {
    let mut zero = settings();
    zero.rhythm.planning_days = 0;
    assert_eq!(
        refused(&small_board(), Action::UpdateSettings(zero)),
        "board.rhythm.planningDays: must be at least 1 day"
    );
}

#[test]
fn update_settings_refuses_a_period_that_ends_before_it_starts() {
    let mut backwards = settings();
    backwards.period.end = Some(date("2026-12-31"));
    assert_eq!(
        refused(&small_board(), Action::UpdateSettings(backwards)),
        "board.period.end: 2026-12-31 is before the start 2027-01-01"
    );
}

// ---------------------------------------------------------------------------------------
// People

#[test]
fn add_person_appends_them() {
    let after = applied(
        &small_board(),
        Action::AddPerson(person("p-3", "Ana", Some("t-2"))),
    );
    assert_eq!(after.people.len(), 3);
    assert_eq!(after.people[2], person("p-3", "Ana", Some("t-2")));
}

#[test]
fn add_person_refuses_a_used_id() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddPerson(person("p-1", "Ana", None))
        ),
        "board.people[2].id: the id \"p-1\" is used twice"
    );
}

#[test]
fn add_person_refuses_an_unknown_team() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddPerson(person("p-3", "Ana", Some("t-9")))
        ),
        "board.people[2].teamId: no team \"t-9\""
    );
}

#[test]
fn add_person_refuses_a_blank_name() {
    assert_eq!(
        refused(&small_board(), Action::AddPerson(person("p-3", "  ", None))),
        "board.people[2].name: must not be empty"
    );
}

#[test]
fn update_person_replaces_them_in_place() {
    let after = applied(
        &small_board(),
        Action::UpdatePerson(person("p-2", "Samira", Some("t-1"))),
    );
    assert_eq!(after.people[1], person("p-2", "Samira", Some("t-1")));
    assert_eq!(after.people.len(), 2);
}

#[test]
fn update_person_refuses_an_unknown_id() {
    assert_eq!(
        refused(
            &small_board(),
            Action::UpdatePerson(person("p-9", "Ghost", None))
        ),
        "nothing with the id \"p-9\" is on the board"
    );
}

#[test]
fn delete_person_leaves_what_they_owned_led_or_wrote_without_them() {
    let after = applied(&small_board(), Action::DeletePerson("p-1".into()));
    assert_eq!(after.people, vec![person("p-2", "Sam", Some("t-2"))]);
    assert_eq!(after.teams[0].lead_id, None, "team lead");
    assert_eq!(after.priorities[0].owner_id, None, "priority owner");
    assert_eq!(after.initiatives[0].owner_id, None, "initiative owner");
    assert_eq!(after.check_ins[0].author_id, None, "check-in author");
    assert_eq!(after.decisions[0].owner_id, None, "decision owner");
    // Nothing else is lost: the work and its history stay.
    assert_eq!(after.initiatives.len(), 3);
    assert_eq!(after.check_ins.len(), 1);
    assert_eq!(after.initiatives[2].owner_id.as_deref(), Some("p-2"));
}

#[test]
fn delete_person_refuses_an_unknown_id() {
    assert_eq!(
        refused(&small_board(), Action::DeletePerson("p-9".into())),
        "nothing with the id \"p-9\" is on the board"
    );
}

// ---------------------------------------------------------------------------------------
// Teams

#[test]
fn add_team_appends_it() {
    let after = applied(
        &small_board(),
        Action::AddTeam(team("t-3", "Sales", Some("p-2"))),
    );
    assert_eq!(after.teams[2], team("t-3", "Sales", Some("p-2")));
}

#[test]
fn a_lead_of_no_team_joins_the_team_they_lead_and_a_lead_of_another_stays() {
    let mut board = small_board();
    board.people.push(person("p-3", "Rosa", None));
    // Rosa belongs to no team: leading Sales, she is in it.
    let after = applied(&board, Action::AddTeam(team("t-3", "Sales", Some("p-3"))));
    assert_eq!(after.people[2].team_id.as_deref(), Some("t-3"));
    // Sam is Platform's: leading Sales too, he stays Platform's.
    let after = applied(
        &after,
        Action::UpdateTeam(team("t-3", "Sales", Some("p-2"))),
    );
    assert_eq!(after.people[1].team_id.as_deref(), Some("t-2"));
    assert_eq!(after.people[2].team_id.as_deref(), Some("t-3"));
    // A lead of no team chosen in an edit joins the same way, in the same step.
    let mut edited = board.clone();
    edited.people.push(person("p-4", "Lee", None));
    let after = applied(
        &edited,
        Action::UpdateTeam(team("t-2", "Platform", Some("p-4"))),
    );
    assert_eq!(after.people[3].team_id.as_deref(), Some("t-2"));
    // A lead kept in no team on purpose stays there when the team is edited otherwise.
    let mut apart = after.clone();
    apart.people[3].team_id = None;
    let renamed = applied(
        &apart,
        Action::UpdateTeam(team("t-2", "Infra", Some("p-4"))),
    );
    assert_eq!(renamed.people[3].team_id, None);
}

#[test]
fn add_team_refuses_an_unknown_lead() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddTeam(team("t-3", "Sales", Some("p-9")))
        ),
        "board.teams[2].leadId: no person \"p-9\""
    );
}

#[test]
fn update_team_renames_it_and_changes_its_lead() {
    let after = applied(
        &small_board(),
        Action::UpdateTeam(team("t-2", "Infrastructure", Some("p-2"))),
    );
    assert_eq!(after.teams[1], team("t-2", "Infrastructure", Some("p-2")));
}

#[test]
fn update_team_refuses_a_blank_name() {
    assert_eq!(
        refused(&small_board(), Action::UpdateTeam(team("t-2", "", None))),
        "board.teams[1].name: must not be empty"
    );
}

#[test]
fn update_team_refuses_an_unknown_id() {
    assert_eq!(
        refused(&small_board(), Action::UpdateTeam(team("t-9", "X", None))),
        "nothing with the id \"t-9\" is on the board"
    );
}

#[test]
fn delete_team_can_move_its_initiatives_to_another_team() {
    let after = applied(
        &small_board(),
        Action::DeleteTeam {
            id: "t-1".into(),
            move_initiatives_to: Some("t-2".into()),
        },
    );
    assert_eq!(after.teams, vec![team("t-2", "Platform", None)]);
    assert_eq!(after.initiatives.len(), 3, "no initiative is lost");
    for id in ["i-1", "i-3"] {
        let moved = after.initiative(id).unwrap();
        assert_eq!(moved.team_id, "t-2", "{id}");
        assert_eq!(moved.updated_at, now(), "{id} is marked as changed");
    }
    assert_eq!(
        after.initiative("i-2").unwrap().updated_at,
        created(),
        "initiatives of other teams are untouched"
    );
    assert_eq!(after.check_ins.len(), 1, "check-ins of moved work stay");
    assert_eq!(after.dependencies.len(), 1, "d-1 asks t-2, which stays");
    assert_eq!(
        after.person("p-1").unwrap().team_id,
        None,
        "members lose the team"
    );
    assert_eq!(after.decisions[0].team_ids, ids(&["t-2"]));
}

#[test]
fn delete_team_without_a_destination_deletes_its_initiatives_with_their_check_ins_and_requests() {
    let after = applied(
        &small_board(),
        Action::DeleteTeam {
            id: "t-1".into(),
            move_initiatives_to: None,
        },
    );
    let left: Vec<&str> = after.initiatives.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(left, ["i-2"]);
    assert!(after.check_ins.is_empty(), "c-1 was on i-1");
    assert!(after.dependencies.is_empty(), "d-1 was asked by i-1");
    assert_eq!(after.person("p-1").unwrap().team_id, None);
    assert_eq!(after.decisions[0].team_ids, ids(&["t-2"]));
}

#[test]
fn delete_team_removes_the_dependencies_asked_of_it() {
    // d-1 asks t-2 (for i-2); deleting t-2 even while keeping its work drops the request.
    let after = applied(
        &small_board(),
        Action::DeleteTeam {
            id: "t-2".into(),
            move_initiatives_to: Some("t-1".into()),
        },
    );
    assert!(after.dependencies.is_empty());
    assert_eq!(after.initiative("i-2").unwrap().team_id, "t-1");
    assert_eq!(after.person("p-2").unwrap().team_id, None);
}

#[test]
fn delete_team_keeps_its_check_in_rounds_as_rounds_of_no_team() {
    let mut board = small_board();
    board.reviews = vec![
        Review {
            id: "v-1".into(),
            at: ts("2026-11-20T17:00:00Z"),
            kind: ReviewKind::CheckIn,
            summary: "Platform's check-in round".into(),
            score: None,
            team_id: Some("t-2".into()),
        },
        Review {
            id: "v-2".into(),
            at: ts("2026-11-21T17:00:00Z"),
            kind: ReviewKind::CheckIn,
            summary: "Product's check-in round".into(),
            score: None,
            team_id: Some("t-1".into()),
        },
    ]
    .into();
    let after = applied(
        &board,
        Action::DeleteTeam {
            id: "t-2".into(),
            move_initiatives_to: Some("t-1".into()),
        },
    );
    assert_eq!(after.reviews.len(), 2, "the history keeps the round");
    assert_eq!(after.reviews[0].team_id, None);
    assert_eq!(after.reviews[1].team_id.as_deref(), Some("t-1"));
    // A round naming a team the board does not have is refused, with its place named.
    let mut ghost = board.clone();
    ghost
        .reviews
        .update_where(|r| r.id == "v-1", |r| r.team_id = Some("t-9".into()));
    let problems = alignment_board::core::validate::problems(&ghost);
    assert!(
        problems.iter().any(|p| p.path == "board.reviews[0].teamId"),
        "{problems:?}"
    );
}

#[test]
fn delete_team_clears_the_dependencies_pointing_at_its_deleted_initiatives() {
    let mut board = small_board();
    board
        .dependencies
        .push(core_support::dependency("d-2", "i-3", "t-2", None));
    board.dependencies[0].to_team_id = "t-1".into();
    board.dependencies[0].from_initiative_id = "i-3".into();
    // d-1 now: from i-3 (t-1) to t-1 for i-2 (t-2). Delete t-2 with its work.
    let after = applied(
        &board,
        Action::DeleteTeam {
            id: "t-2".into(),
            move_initiatives_to: None,
        },
    );
    assert_eq!(after.dependencies.len(), 1, "d-2 asked t-2 and goes");
    assert_eq!(after.dependencies[0].id, "d-1");
    assert_eq!(after.dependencies[0].to_initiative_id, None, "i-2 is gone");
}

#[test]
fn delete_team_refuses_to_move_initiatives_to_an_unknown_team() {
    let board = small_board();
    let message = refused(
        &board,
        Action::DeleteTeam {
            id: "t-1".into(),
            move_initiatives_to: Some("t-9".into()),
        },
    );
    assert_eq!(message, "board.initiatives[0].teamId: no team \"t-9\"");
}

#[test]
fn delete_team_refuses_to_move_initiatives_to_the_team_being_deleted() {
    assert_eq!(
        refused(
            &small_board(),
            Action::DeleteTeam {
                id: "t-1".into(),
                move_initiatives_to: Some("t-1".into()),
            }
        ),
        "board.initiatives[0].teamId: no team \"t-1\""
    );
}

#[test]
fn delete_team_refuses_an_unknown_id() {
    assert_eq!(
        refused(
            &small_board(),
            Action::DeleteTeam {
                id: "t-9".into(),
                move_initiatives_to: None,
            }
        ),
        "nothing with the id \"t-9\" is on the board"
    );
}

// ---------------------------------------------------------------------------------------
// Priorities

#[test]
fn add_priority_at_rank_one_moves_the_others_down() {
    let after = applied(
        &small_board(),
        Action::AddPriority(priority("pr-4", "Growth", 1)),
    );
    assert_eq!(ranked(&after), ["pr-4", "pr-1", "pr-2", "pr-3"]);
    assert_eq!(
        ranks(&after),
        [("pr-1", 2), ("pr-2", 3), ("pr-3", 4), ("pr-4", 1)]
    );
}

#[test]
fn add_priority_in_the_middle_keeps_ranks_distinct() {
    let after = applied(
        &small_board(),
        Action::AddPriority(priority("pr-4", "Growth", 2)),
    );
    assert_eq!(ranked(&after), ["pr-1", "pr-4", "pr-2", "pr-3"]);
    assert_eq!(
        ranks(&after),
        [("pr-1", 1), ("pr-2", 3), ("pr-3", 4), ("pr-4", 2)]
    );
}

#[test]
fn add_priority_beyond_the_last_rank_goes_last_without_a_gap() {
    let after = applied(
        &small_board(),
        Action::AddPriority(priority("pr-4", "Growth", 99)),
    );
    assert_eq!(after.priority("pr-4").unwrap().rank, 4);
}

#[test]
fn add_priority_at_rank_zero_becomes_rank_one() {
    let after = applied(
        &small_board(),
        Action::AddPriority(priority("pr-4", "Growth", 0)),
    );
    assert_eq!(after.priority("pr-4").unwrap().rank, 1);
    assert_eq!(ranked(&after)[0], "pr-4");
}

#[test]
fn add_priority_stamps_its_creation_time() {
    let mut new = priority("pr-4", "Growth", 4);
    new.created_at = created();
    let after = applied(&small_board(), Action::AddPriority(new));
    assert_eq!(after.priority("pr-4").unwrap().created_at, now());
}

#[test]
fn add_inactive_priority_leaves_the_active_ranks_alone() {
    let mut achieved = priority("pr-4", "Shipped", 1);
    achieved.status = PriorityStatus::Achieved;
    let after = applied(&small_board(), Action::AddPriority(achieved));
    assert_eq!(ranked(&after), ["pr-1", "pr-2", "pr-3"]);
    assert_eq!(after.priority("pr-4").unwrap().rank, 1);
}

#[test]
fn add_priority_refuses_a_blank_title() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddPriority(priority("pr-4", " ", 1))
        ),
        "board.priorities[3].title: must not be empty"
    );
}

#[test]
fn add_priority_refuses_a_used_id() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddPriority(priority("pr-2", "Growth", 1))
        ),
        "board.priorities[3].id: the id \"pr-2\" is used twice"
    );
}

#[test]
fn update_priority_edits_it_and_keeps_its_creation_time() {
    let mut edited = priority("pr-2", "Uptime", 2);
    edited.description = "Four nines".into();
    edited.owner_id = Some("p-2".into());
    edited.created_at = now();
    let after = applied(&small_board(), Action::UpdatePriority(edited));
    let pr2 = after.priority("pr-2").unwrap();
    assert_eq!(pr2.title, "Uptime");
    assert_eq!(pr2.description, "Four nines");
    assert_eq!(pr2.owner_id.as_deref(), Some("p-2"));
    assert_eq!(pr2.created_at, created(), "creation time cannot be edited");
}

#[test]
fn update_priority_with_a_new_rank_reranks_the_others() {
    let after = applied(
        &small_board(),
        Action::UpdatePriority(priority("pr-3", "Pricing", 1)),
    );
    assert_eq!(ranks(&after), [("pr-1", 2), ("pr-2", 3), ("pr-3", 1)]);
}

#[test]
fn update_priority_to_achieved_closes_the_gap_in_the_active_ranks() {
    let mut done = small_board().priorities[0].clone();
    done.status = PriorityStatus::Achieved;
    let after = applied(&small_board(), Action::UpdatePriority(done));
    assert_eq!(ranked(&after), ["pr-2", "pr-3"]);
    assert_eq!(ranks(&after), [("pr-1", 1), ("pr-2", 1), ("pr-3", 2)]);
}

#[test]
fn reactivating_a_priority_puts_it_back_at_its_rank() {
    let mut board = small_board();
    let mut done = board.priorities[0].clone();
    done.status = PriorityStatus::Dropped;
    board = applied(&board, Action::UpdatePriority(done.clone()));
    done.status = PriorityStatus::Active;
    let after = applied(&board, Action::UpdatePriority(done));
    assert_eq!(ranked(&after), ["pr-1", "pr-2", "pr-3"]);
    assert_eq!(ranks(&after), [("pr-1", 1), ("pr-2", 2), ("pr-3", 3)]);
}

#[test]
fn update_priority_without_changes_changes_nothing() {
    let board = small_board();
    assert!(is_no_op(
        &board,
        Action::UpdatePriority(board.priorities[1].clone())
    ));
}

#[test]
fn update_priority_refuses_an_unknown_owner() {
    let mut edited = small_board().priorities[1].clone();
    edited.owner_id = Some("p-9".into());
    assert_eq!(
        refused(&small_board(), Action::UpdatePriority(edited)),
        "board.priorities[1].ownerId: no person \"p-9\""
    );
}

#[test]
fn update_priority_refuses_an_unknown_id() {
    assert_eq!(
        refused(
            &small_board(),
            Action::UpdatePriority(priority("pr-9", "Ghost", 1))
        ),
        "nothing with the id \"pr-9\" is on the board"
    );
}

#[test]
fn delete_priority_turns_work_that_served_only_it_into_local_work() {
    let after = applied(&small_board(), Action::DeletePriority("pr-1".into()));
    assert!(after.priority("pr-1").is_none());
    let wizard = after.initiative("i-1").unwrap();
    assert!(wizard.is_local());
    assert_eq!(wizard.updated_at, now());
}

#[test]
fn delete_priority_keeps_the_other_priorities_of_work_that_served_several() {
    let after = applied(&small_board(), Action::DeletePriority("pr-1".into()));
    let status_page = after.initiative("i-2").unwrap();
    assert_eq!(status_page.priority_ids, ids(&["pr-2"]));
    assert_eq!(status_page.updated_at, now());
    assert_eq!(
        after.initiative("i-3").unwrap().updated_at,
        created(),
        "work that did not serve it is untouched"
    );
}

#[test]
fn delete_priority_removes_it_from_decisions() {
    let after = applied(&small_board(), Action::DeletePriority("pr-1".into()));
    assert_eq!(after.decisions[0].priority_ids, ids(&["pr-2"]));
    assert_eq!(after.decisions.len(), 1, "the decision itself stays");
}

#[test]
fn delete_priority_closes_the_gap_in_the_ranks() {
    let after = applied(&small_board(), Action::DeletePriority("pr-1".into()));
    assert_eq!(ranks(&after), [("pr-2", 1), ("pr-3", 2)]);
}

#[test]
fn delete_priority_refuses_an_unknown_id() {
    assert_eq!(
        refused(&small_board(), Action::DeletePriority("pr-9".into())),
        "nothing with the id \"pr-9\" is on the board"
    );
}

fn rank(id: &str, rank: u32) -> Action {
    Action::RankPriority {
        id: id.into(),
        rank,
    }
}

#[test]
fn rank_priority_down_puts_it_after_the_ones_it_passes() {
    let after = applied(&small_board(), rank("pr-1", 3));
    assert_eq!(ranked(&after), ["pr-2", "pr-3", "pr-1"]);
    assert_eq!(ranks(&after), [("pr-1", 3), ("pr-2", 1), ("pr-3", 2)]);
}

#[test]
fn rank_priority_up_moves_the_others_down() {
    let after = applied(&small_board(), rank("pr-3", 1));
    assert_eq!(ranked(&after), ["pr-3", "pr-1", "pr-2"]);
}

#[test]
fn rank_priority_clamps_to_the_first_and_last_place() {
    assert_eq!(
        ranked(&applied(&small_board(), rank("pr-2", 0))),
        ["pr-2", "pr-1", "pr-3"]
    );
    let after = applied(&small_board(), rank("pr-2", 50));
    assert_eq!(ranked(&after), ["pr-1", "pr-3", "pr-2"]);
    assert_eq!(after.priority("pr-2").unwrap().rank, 3);
}

#[test]
fn rank_priority_to_its_own_rank_changes_nothing() {
    assert!(is_no_op(&small_board(), rank("pr-2", 2)));
}

#[test]
fn rank_priority_keeps_active_ranks_one_to_n_through_any_sequence_of_moves() {
    let mut board = small_board();
    let mut extra = priority("pr-4", "Old goal", 2);
    extra.status = PriorityStatus::Achieved;
    board.priorities.push(extra);
    for step in 0..30u32 {
        let id = ["pr-1", "pr-2", "pr-3"][(step % 3) as usize];
        board = applied(&board, rank(id, step * 7 % 5));
        let mut active: Vec<u32> = board
            .priorities
            .iter()
            .filter(|p| p.is_active())
            .map(|p| p.rank)
            .collect();
        active.sort_unstable();
        assert_eq!(active, [1, 2, 3], "after step {step}");
        assert_eq!(
            board.priority("pr-4").unwrap().rank,
            2,
            "inactive ranks stay"
        );
    }
}

#[test]
fn rank_priority_refuses_an_inactive_priority() {
    let mut board = small_board();
    board.priorities[2].status = PriorityStatus::Achieved;
    assert_eq!(
        refused(&board, rank("pr-3", 1)),
        "“Pricing” is not active, so it has no rank"
    );
}

#[test]
fn rank_priority_refuses_an_unknown_id() {
    assert_eq!(
        refused(&small_board(), rank("pr-9", 1)),
        "nothing with the id \"pr-9\" is on the board"
    );
}

// ---------------------------------------------------------------------------------------
// Initiatives

#[test]
fn add_initiative_appends_it_stamped_with_now() {
    let new = initiative("i-4", "Billing", "t-2", &["pr-3"]);
    let after = applied(&small_board(), Action::AddInitiative(new.clone()));
    let added = after.initiatives.last().unwrap();
    assert_eq!(added.id, "i-4");
    assert_eq!((added.created_at, added.updated_at), (now(), now()));
    assert_eq!(added.priority_ids, new.priority_ids);
}

#[test]
fn add_initiative_refuses_an_unknown_team() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddInitiative(initiative("i-4", "Billing", "t-9", &[]))
        ),
        "board.initiatives[3].teamId: no team \"t-9\""
    );
}

#[test]
fn add_initiative_refuses_an_unknown_priority() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddInitiative(initiative("i-4", "Billing", "t-1", &["pr-1", "pr-9"]))
        ),
        "board.initiatives[3].priorityIds[1]: no priority \"pr-9\""
    );
}

#[test]
fn add_initiative_refuses_a_repeated_priority_in_a_long_list() {
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.extend(["pr-1", "pr-2", "pr-3"]);
    }
    assert_eq!(
        refused(
            &small_board(),
            Action::AddInitiative(initiative("i-4", "Billing", "t-1", &ids))
        ),
        "board.initiatives[3].priorityIds[3]: \"pr-1\" is listed twice"
    );
}

#[test]
fn add_initiative_refuses_the_same_priority_twice() {
    assert_eq!(
        refused(
            &small_board(),
            Action::AddInitiative(initiative("i-4", "Billing", "t-1", &["pr-1", "pr-1"]))
        ),
        "board.initiatives[3].priorityIds[1]: \"pr-1\" is listed twice"
    );
}

#[test]
fn add_initiative_refuses_values_out_of_range() {
    let mut too_much = initiative("i-4", "Billing", "t-1", &[]);
    too_much.effort = 101;
    assert_eq!(
        refused(&small_board(), Action::AddInitiative(too_much)),
        "board.initiatives[3].effort: 101 is more than 100"
    );
    let mut too_sure = initiative("i-4", "Billing", "t-1", &[]);
    too_sure.confidence = Some(11);
    assert_eq!(
        refused(&small_board(), Action::AddInitiative(too_sure)),
        "board.initiatives[3].confidence: 11 is more than 10"
    );
}

#[test]
fn add_initiative_refuses_a_risk_id_used_twice() {
    let risk = |id: &str| Risk {
        id: id.into(),
        text: "Auth".into(),
        severity: Severity::High,
        open: true,
    };
    let mut risky = initiative("i-4", "Billing", "t-1", &[]);
    risky.risks = vec![risk("r-1"), risk("r-1")];
    assert_eq!(
        refused(&small_board(), Action::AddInitiative(risky)),
        "board.initiatives[3].risks[1].id: the id \"r-1\" is used twice"
    );
}

#[test]
fn update_initiative_replaces_it_and_stamps_the_update_time() {
    let mut edited = small_board().initiatives[0].clone();
    edited.status = Status::OffTrack;
    edited.progress = 55;
    edited.confidence = Some(3);
    edited.created_at = now();
    let after = applied(&small_board(), Action::UpdateInitiative(edited));
    let wizard = after.initiative("i-1").unwrap();
    assert_eq!(
        (wizard.status, wizard.progress, wizard.confidence),
        (Status::OffTrack, 55, Some(3))
    );
    assert_eq!(
        wizard.created_at,
        created(),
        "creation time cannot be edited"
    );
    assert_eq!(wizard.updated_at, now());
}

#[test]
fn update_initiative_without_changes_changes_nothing() {
    let board = small_board();
    assert!(is_no_op(
        &board,
        Action::UpdateInitiative(board.initiatives[2].clone())
    ));
}

#[test]
fn update_initiative_that_differs_only_in_its_times_changes_nothing() {
    // Updated at the time of the change: the board keeps its own creation time, and the
    // update would stamp the time it already has.
    let mut board = small_board();
    board.initiatives[2].updated_at = now();
    let mut stamped = board.initiatives[2].clone();
    stamped.created_at = now();
    stamped.updated_at = small_board().initiatives[2].updated_at;
    assert_ne!(stamped, board.initiatives[2]);
    assert!(is_no_op(&board, Action::UpdateInitiative(stamped)));
}

#[test]
fn update_initiative_refuses_an_unknown_owner() {
    let mut edited = small_board().initiatives[2].clone();
    edited.owner_id = Some("p-9".into());
    assert_eq!(
        refused(&small_board(), Action::UpdateInitiative(edited)),
        "board.initiatives[2].ownerId: no person \"p-9\""
    );
}

#[test]
fn update_initiative_refuses_an_unknown_id() {
    assert_eq!(
        refused(
            &small_board(),
            Action::UpdateInitiative(initiative("i-9", "Ghost", "t-1", &[]))
        ),
        "nothing with the id \"i-9\" is on the board"
    );
}

#[test]
fn delete_initiative_removes_its_check_ins_and_the_dependencies_it_asked_for() {
    let after = applied(&small_board(), Action::DeleteInitiative("i-1".into()));
    assert!(after.initiative("i-1").is_none());
    assert!(after.check_ins.is_empty());
    assert!(after.dependencies.is_empty());
    assert_eq!(after.initiatives.len(), 2);
}

#[test]
fn delete_initiative_keeps_dependencies_on_it_but_forgets_the_initiative() {
    let after = applied(&small_board(), Action::DeleteInitiative("i-2".into()));
    assert_eq!(after.dependencies.len(), 1, "the team is still asked");
    assert_eq!(after.dependencies[0].to_team_id, "t-2");
    assert_eq!(after.dependencies[0].to_initiative_id, None);
    assert_eq!(after.check_ins.len(), 1, "c-1 belongs to i-1");
}

#[test]
fn delete_initiative_refuses_an_unknown_id() {
    assert_eq!(
        refused(&small_board(), Action::DeleteInitiative("i-9".into())),
        "nothing with the id \"i-9\" is on the board"
    );
}

// ---------------------------------------------------------------------------------------
// Moving cards between priority columns and team lanes

#[test]
fn move_initiative_to_another_priority_column() {
    let after = applied(
        &small_board(),
        move_card("i-1", Some("pr-1"), Some("pr-3"), "t-1"),
    );
    let wizard = after.initiative("i-1").unwrap();
    assert_eq!(wizard.priority_ids, ids(&["pr-3"]));
    assert_eq!(wizard.team_id, "t-1");
    assert_eq!(wizard.updated_at, now());
}

#[test]
fn move_initiative_to_another_team_lane() {
    let after = applied(
        &small_board(),
        move_card("i-1", Some("pr-1"), Some("pr-1"), "t-2"),
    );
    let wizard = after.initiative("i-1").unwrap();
    assert_eq!(wizard.team_id, "t-2");
    assert_eq!(wizard.priority_ids, ids(&["pr-1"]));
}

#[test]
fn move_initiative_to_another_column_and_lane_at_once() {
    let after = applied(&small_board(), move_card("i-3", None, Some("pr-2"), "t-2"));
    let cleanup = after.initiative("i-3").unwrap();
    assert_eq!(
        (cleanup.team_id.as_str(), priority_ids_of(&after, "i-3")),
        ("t-2", vec!["pr-2"])
    );
}

#[test]
fn move_of_a_card_serving_two_priorities_replaces_only_the_column_it_left() {
    let after = applied(
        &small_board(),
        move_card("i-2", Some("pr-1"), Some("pr-3"), "t-2"),
    );
    assert_eq!(priority_ids_of(&after, "i-2"), ["pr-3", "pr-2"]);
}

#[test]
fn move_into_a_column_the_card_already_serves_merges_the_two() {
    let after = applied(
        &small_board(),
        move_card("i-2", Some("pr-1"), Some("pr-2"), "t-2"),
    );
    assert_eq!(priority_ids_of(&after, "i-2"), ["pr-2"]);
}

#[test]
fn move_from_local_work_into_a_priority_column() {
    let after = applied(&small_board(), move_card("i-3", None, Some("pr-1"), "t-1"));
    assert_eq!(priority_ids_of(&after, "i-3"), ["pr-1"]);
    assert!(!after.initiative("i-3").unwrap().is_local());
}

#[test]
fn move_into_local_work_drops_every_priority() {
    let after = applied(&small_board(), move_card("i-2", Some("pr-2"), None, "t-2"));
    assert!(after.initiative("i-2").unwrap().is_local());
}

#[test]
fn move_from_a_column_the_card_is_not_in_adds_the_target_column() {
    let after = applied(
        &small_board(),
        move_card("i-1", Some("pr-2"), Some("pr-3"), "t-1"),
    );
    assert_eq!(priority_ids_of(&after, "i-1"), ["pr-1", "pr-3"]);
}

#[test]
fn move_into_the_cell_the_card_is_in_changes_nothing() {
    let board = small_board();
    assert!(is_no_op(
        &board,
        move_card("i-1", Some("pr-1"), Some("pr-1"), "t-1")
    ));
    assert!(is_no_op(&board, move_card("i-3", None, None, "t-1")));
}

#[test]
fn move_refuses_an_unknown_team_lane() {
    assert_eq!(
        refused(
            &small_board(),
            move_card("i-1", Some("pr-1"), Some("pr-1"), "t-9")
        ),
        "board.initiatives[0].teamId: no team \"t-9\""
    );
}

#[test]
fn move_refuses_an_unknown_priority_column() {
    assert_eq!(
        refused(
            &small_board(),
            move_card("i-1", Some("pr-1"), Some("pr-9"), "t-1")
        ),
        "board.initiatives[0].priorityIds[0]: no priority \"pr-9\""
    );
}

#[test]
fn move_refuses_an_unknown_initiative() {
    assert_eq!(
        refused(&small_board(), move_card("i-9", None, Some("pr-1"), "t-1")),
        "nothing with the id \"i-9\" is on the board"
    );
}

// ---------------------------------------------------------------------------------------
// Across actions

#[test]
fn a_refused_action_leaves_the_board_as_it_was() {
    let before = Rc::new(small_board());
    let result = reduce(&before, Action::DeletePerson("p-9".into()), now());
    assert!(result.is_err());
    assert_eq!(*before, small_board());
    assert_eq!(Rc::strong_count(&before), 1, "no copy of the board is kept");
}

#[test]
fn refused_displays_its_reason() {
    let reason = Refused("board.teams[1].name: must not be empty".into());
    assert_eq!(reason.to_string(), "board.teams[1].name: must not be empty");
}

#[test]
fn a_session_of_every_action_keeps_the_board_sound_at_every_step() {
    let mut wizard = small_board().initiatives[0].clone();
    wizard.progress = 80;
    let steps = vec![
        Action::UpdateSettings(settings()),
        Action::AddPerson(person("p-3", "Ana", None)),
        Action::UpdatePerson(person("p-3", "Ana Lima", Some("t-2"))),
        Action::AddTeam(team("t-3", "Sales", Some("p-3"))),
        Action::UpdateTeam(team("t-3", "Sales & Success", Some("p-3"))),
        Action::AddPriority(priority("pr-4", "Growth", 2)),
        Action::UpdatePriority(priority("pr-4", "Growth in EMEA", 1)),
        Action::RankPriority {
            id: "pr-1".into(),
            rank: 4,
        },
        Action::AddInitiative(initiative("i-4", "Partner deals", "t-3", &["pr-4"])),
        Action::UpdateInitiative(wizard),
        move_card("i-4", Some("pr-4"), Some("pr-2"), "t-2"),
        Action::DeleteInitiative("i-3".into()),
        Action::DeletePriority("pr-2".into()),
        Action::DeletePerson("p-1".into()),
        Action::DeleteTeam {
            id: "t-3".into(),
            move_initiatives_to: Some("t-1".into()),
        },
        Action::ReplaceBoard(Rc::new(small_board())),
    ];
    let mut board = Rc::new(small_board());
    for action in steps {
        let label = format!("{action:?}");
        board = reduce(&board, action, now()).unwrap_or_else(|r| panic!("{label}: {r}"));
        assert_sound(&board);
        let active: Vec<u32> = board.ranked_priorities().iter().map(|p| p.rank).collect();
        assert_eq!(
            active,
            (1..=active.len() as u32).collect::<Vec<_>>(),
            "active ranks after {label}"
        );
    }
    assert_eq!(*board, small_board());
}

// ---------------------------------------------------------------------------------------
// Descriptions

#[test]
fn describe_names_what_each_action_does() {
    let board = small_board();
    let cases = [
        (
            Action::ReplaceBoard(Rc::new(empty_board())),
            "replace the board",
        ),
        (Action::UpdateSettings(settings()), "edit board settings"),
        (Action::AddPerson(person("p-3", "Ana", None)), "add Ana"),
        (
            Action::UpdatePerson(person("p-2", "Samira", None)),
            "edit Samira",
        ),
        (Action::DeletePerson("p-1".into()), "delete Dana"),
        (
            Action::AddTeam(team("t-3", "Sales", None)),
            "add team Sales",
        ),
        (
            Action::UpdateTeam(team("t-2", "Infra", None)),
            "edit team Infra",
        ),
        (
            Action::DeleteTeam {
                id: "t-1".into(),
                move_initiatives_to: None,
            },
            "delete team Product",
        ),
        (
            Action::AddPriority(priority("pr-4", "Growth", 1)),
            "add priority “Growth”",
        ),
        (
            Action::UpdatePriority(priority("pr-2", "Uptime", 2)),
            "edit priority “Uptime”",
        ),
        (
            Action::DeletePriority("pr-1".into()),
            "delete priority “Onboarding”",
        ),
        (rank("pr-2", 1), "move “Reliability” to rank 1"),
        (
            Action::AddInitiative(initiative("i-4", "Billing", "t-1", &[])),
            "add “Billing”",
        ),
        (
            Action::UpdateInitiative(initiative("i-1", "Setup wizard", "t-1", &[])),
            "edit “Setup wizard”",
        ),
        (Action::DeleteInitiative("i-1".into()), "delete “Wizard”"),
        (
            move_card("i-2", Some("pr-1"), None, "t-2"),
            "move “Status page”",
        ),
    ];
    for (action, text) in cases {
        assert_eq!(action.describe(&board), text, "{action:?}");
    }
}

#[test]
fn done_says_what_each_action_did_in_the_past_tense() {
    use alignment_board::core::coordination::Step;
    let board = small_board();
    let answer = |step| Action::AnswerDependency {
        id: "d-1".into(),
        step,
        note: String::new(),
        promised: None,
    };
    let need = &board.dependencies[0].need;
    let cases = [
        (
            Action::ReplaceBoard(Rc::new(empty_board())),
            "Replaced the board".to_string(),
        ),
        (
            Action::UpdateSettings(settings()),
            "Edited board settings".into(),
        ),
        (
            Action::AddPerson(person("p-3", "Ana", None)),
            "Added Ana".into(),
        ),
        (Action::DeletePerson("p-1".into()), "Deleted Dana".into()),
        (
            Action::AddTeam(team("t-3", "Sales", None)),
            "Added team Sales".into(),
        ),
        (rank("pr-2", 1), "Moved “Reliability” to rank 1".into()),
        (
            Action::DeleteInitiative("i-1".into()),
            "Deleted “Wizard”".into(),
        ),
        (answer(Step::Accept), format!("Accepted “{need}”")),
        (answer(Step::Decline), format!("Declined “{need}”")),
        (answer(Step::Deliver), format!("Marked “{need}” delivered")),
        (answer(Step::Reopen), format!("Reopened “{need}”")),
        (
            Action::Merge {
                board: Rc::new(board.clone()),
                description: "merge team-a.json".into(),
            },
            "Merged team-a.json".into(),
        ),
    ];
    for (action, text) in cases {
        assert_eq!(action.done(&board), text, "{action:?}");
    }
}

#[test]
fn an_undone_change_is_said_by_where_the_card_is_now_or_its_status() {
    use alignment_board::core::action::change_words;
    let before = small_board();
    // "Wizard" moved from #1 Onboarding in Product to local work in Platform: undone, it is
    // back in its first place.
    let moved = applied(&before, move_card("i-1", Some("pr-1"), None, "t-2"));
    assert_eq!(
        change_words(&moved, &before, "i-1").as_deref(),
        Some("“Wizard” is now in #1 Onboarding, Product")
    );
    assert_eq!(
        change_words(&before, &moved, "i-1").as_deref(),
        Some("“Wizard” is now in Local work, Platform")
    );
    // A card under two priorities is said by the one it came to, not its first.
    let moved = applied(&before, move_card("i-2", Some("pr-2"), Some("pr-3"), "t-2"));
    assert_eq!(
        change_words(&before, &moved, "i-2").as_deref(),
        Some("“Status page” is now in #3 Pricing, Platform")
    );
    let mut wizard = before.initiatives[0].clone();
    wizard.status = Status::OffTrack;
    let changed = applied(&before, Action::UpdateInitiative(wizard.clone()));
    assert_eq!(
        change_words(&changed, &before, "i-1").as_deref(),
        Some("“Wizard” is now On track")
    );
    // A change of neither (a new title) says nothing more.
    wizard.status = Status::OnTrack;
    wizard.title = "Setup wizard".into();
    let renamed = applied(&before, Action::UpdateInitiative(wizard));
    assert_eq!(change_words(&renamed, &before, "i-1"), None);
}

#[test]
fn closing_one_risk_is_named_as_such_and_any_other_edit_as_an_edit() {
    let mut board = small_board();
    let risk = |id: &str, text: &str| Risk {
        id: id.into(),
        text: text.into(),
        severity: Severity::High,
        open: true,
    };
    board.initiatives[0].risks = vec![risk("r-1", "Auth slips"), risk("r-2", "Hiring")];
    let title = board.initiatives[0].title.clone();
    let close = |ids: &[&str]| {
        let mut updated = board.initiatives[0].clone();
        for r in &mut updated.risks {
            if ids.contains(&r.id.as_str()) {
                r.open = false;
            }
        }
        updated
    };
    let one = Action::UpdateInitiative(close(&["r-1"]));
    assert_eq!(
        one.describe(&board),
        format!("close the risk “Auth slips” on “{title}”")
    );
    assert_eq!(
        one.done(&board),
        format!("Closed the risk “Auth slips” on “{title}”")
    );
    let both = Action::UpdateInitiative(close(&["r-1", "r-2"]));
    assert_eq!(both.describe(&board), format!("edit “{title}”"));
    let mut more = close(&["r-1"]);
    more.progress += 1;
    assert_eq!(
        Action::UpdateInitiative(more).describe(&board),
        format!("edit “{title}”")
    );
}

#[test]
fn describe_falls_back_to_the_id_of_something_not_on_the_board() {
    let board = small_board();
    assert_eq!(
        Action::DeletePerson("p-9".into()).describe(&board),
        "delete p-9"
    );
    assert_eq!(
        Action::DeleteTeam {
            id: "t-9".into(),
            move_initiatives_to: None
        }
        .describe(&board),
        "delete team t-9"
    );
    assert_eq!(
        Action::DeletePriority("pr-9".into()).describe(&board),
        "delete priority “pr-9”"
    );
    assert_eq!(rank("pr-9", 2).describe(&board), "move “pr-9” to rank 2");
    assert_eq!(
        Action::DeleteInitiative("i-9".into()).describe(&board),
        "delete “i-9”"
    );
    assert_eq!(
        move_card("i-9", None, None, "t-1").describe(&board),
        "move “i-9”"
    );
}

#[test]
fn an_edit_shares_every_list_it_does_not_change_with_the_board_before() {
    let before = Rc::new(full_board());
    let mut wizard = before.initiatives[0].clone();
    wizard.title = "Wizard, renamed".into();
    let after = reduce(&before, Action::UpdateInitiative(wizard), now()).unwrap();
    assert!(!after.initiatives.same(&before.initiatives));
    assert!(after.check_ins.same(&before.check_ins), "check-ins");
    assert!(after.people.same(&before.people), "people");
    assert!(
        after.dependencies.same(&before.dependencies),
        "dependencies"
    );
    assert!(after.decisions.same(&before.decisions), "decisions");
    assert_eq!(*before, full_board(), "the board before is untouched");
}

#[test]
fn checking_what_a_change_touched_finds_what_checking_everything_finds() {
    use alignment_board::core::validate::{problems, problems_since};
    let before = full_board();
    assert_sound(&before);
    type Change = Box<dyn Fn(&mut Board)>;
    let changes: Vec<(&str, Change)> = vec![
        (
            "a card's team is unknown",
            Box::new(|b| b.initiatives[0].team_id = "t-9".into()),
        ),
        (
            "a removed initiative still has check-ins and a dependency",
            Box::new(|b| {
                b.initiatives.remove(0);
            }),
        ),
        (
            "a renamed initiative id leaves its check-ins behind",
            Box::new(|b| b.initiatives[0].id = "i-new".into()),
        ),
        (
            "a new check-in repeats an id",
            Box::new(|b| {
                let again = b.check_ins[0].clone();
                b.check_ins.push(again);
            }),
        ),
        (
            "a removed person still owns a decision",
            Box::new(|b| {
                b.people.remove(0);
            }),
        ),
        (
            "a removed team is still asked",
            Box::new(|b| {
                b.teams.remove(1);
            }),
        ),
        (
            "a removed priority is still served and decided on",
            Box::new(|b| {
                b.priorities.remove(0);
            }),
        ),
        (
            "two active priorities share a rank",
            Box::new(|b| b.priorities[1].rank = 1),
        ),
        (
            "the rhythm has a zero",
            Box::new(|b| b.rhythm.check_in_days = 0),
        ),
        (
            "the last card's owner is unknown",
            Box::new(|b| {
                let last = b.initiatives.len() - 1;
                b.initiatives[last].owner_id = Some("p-9".into());
            }),
        ),
        (
            "the last check-in's progress is past 100",
            Box::new(|b| {
                let last = b.check_ins.len() - 1;
                b.check_ins[last].progress = 101;
            }),
        ),
        (
            "a decision is about an unknown team",
            Box::new(|b| b.decisions[0].team_ids.push("t-9".into())),
        ),
        (
            "a card's title is blanked and another's team goes",
            Box::new(|b| {
                b.initiatives[1].title = " ".into();
                b.teams.remove(1);
            }),
        ),
    ];
    for (what, change) in changes {
        let mut after = before.clone();
        change(&mut after);
        let everything = problems(&after);
        assert!(
            !everything.is_empty(),
            "{what}: the change breaks the board"
        );
        assert_eq!(problems_since(&before, &after), everything, "{what}");
    }
}

#[test]
fn checking_a_change_looks_again_only_at_the_items_it_changed() {
    use alignment_board::core::validate::problems_since;
    // A board not sound in a way no edit makes: a card with a blank title. An edit of
    // another card does not check it again, an edit of it does.
    let mut before = full_board();
    before.initiatives[0].title = String::new();
    let mut other = before.clone();
    other.initiatives[1].progress = 55;
    assert_eq!(problems_since(&before, &other), []);
    let mut same = before.clone();
    same.initiatives[0].progress = 55;
    assert_eq!(
        problems_since(&before, &same)
            .iter()
            .map(|p| p.path.as_str())
            .collect::<Vec<_>>(),
        ["board.initiatives[0].title"]
    );
}

#[test]
fn a_move_and_a_status_change_are_told_by_their_result_in_the_cards_words() {
    let board = small_board();
    let moved = move_card("i-1", Some("pr-1"), Some("pr-3"), "t-2");
    let after = applied(&board, moved.clone());
    assert_eq!(
        moved.outcome(&board, &after).as_deref(),
        Some("“Wizard” moved to #3 Pricing, Platform")
    );
    let to_local = move_card("i-1", Some("pr-1"), None, "t-1");
    let after = applied(&board, to_local.clone());
    assert_eq!(
        to_local.outcome(&board, &after).as_deref(),
        Some("“Wizard” moved to Local work, Product")
    );
    let mut updated = board.initiative("i-1").unwrap().clone();
    updated.status = Status::AtRisk;
    let status = Action::UpdateInitiative(updated.clone());
    let after = applied(&board, status.clone());
    assert_eq!(
        status.outcome(&board, &after).as_deref(),
        Some("“Wizard” is now At risk")
    );
    // Done fills the progress, as the card then shows it.
    let mut done = updated.clone();
    done.status = Status::Done;
    done.progress = Status::Done.progress_from(updated.progress);
    assert_ne!(updated.progress, 100);
    let finished = Action::UpdateInitiative(done);
    let after = applied(&board, finished.clone());
    assert_eq!(
        finished.outcome(&board, &after).as_deref(),
        Some("“Wizard” is now Done, 100 % done")
    );
    updated.status = board.initiative("i-1").unwrap().status;
    updated.title = "Renamed".into();
    let edit = Action::UpdateInitiative(updated);
    let after = applied(&board, edit.clone());
    assert_eq!(
        edit.outcome(&board, &after),
        None,
        "other edits keep their description"
    );
}

#[test]
fn a_board_s_last_change_is_the_latest_time_its_work_records() {
    let board = small_board();
    let latest = board.last_change().expect("the small board has work");
    assert!(board.check_ins.iter().all(|c| c.at <= latest));
    assert!(board.initiatives.iter().all(|i| i.updated_at <= latest));
    // A check-in a week later is the board's last change.
    let later = latest.add_seconds(7 * 86_400);
    let checked = reduce(
        &Rc::new(board.clone()),
        Action::CheckIn(CheckIn {
            at: later,
            ..check_in("c-9", "i-1", None)
        }),
        later,
    )
    .unwrap();
    assert_eq!(checked.last_change(), Some(later));
    assert_eq!(
        Board::blank("b".into(), date("2026-11-23")).last_change(),
        None
    );
}
