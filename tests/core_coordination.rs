//! Coordination in the core: every allowed and refused step of the dependency handshake,
//! the stuck and misaligned detections (boundaries included), the team matrix, what each
//! team is asked and waits on, the decision log's filters and revisit dates, stop
//! decisions that drop work in one undoable step, and the board-wide risk list.

mod core_support;

use alignment_board::core::action::{reduce, Action};
use alignment_board::core::coordination::{
    asked_of, decisions, delivered_by, flags, is_open, listed, matrix, open_risks, revisit_due,
    steps, transition, waiting_on, DecisionFilter, Flag, Step,
};
use alignment_board::core::history::History;
use alignment_board::core::model::{
    Board, Decision, DecisionKind, DependencyState, Risk, Severity, Status,
};
use alignment_board::core::rhythm::Happened;
use core_support::*;
use std::rc::Rc;

use DependencyState::{Accepted, Declined, Delivered, Requested};

// The handshake

#[test]
fn every_allowed_step_of_the_handshake() {
    assert_eq!(transition(Requested, Step::Accept), Ok(Accepted));
    assert_eq!(transition(Requested, Step::Decline), Ok(Declined));
    assert_eq!(transition(Accepted, Step::Decline), Ok(Declined));
    assert_eq!(transition(Accepted, Step::Deliver), Ok(Delivered));
    assert_eq!(transition(Declined, Step::Reopen), Ok(Requested));
    assert_eq!(transition(Delivered, Step::Reopen), Ok(Accepted));
}

#[test]
fn every_refused_step_says_why() {
    let refused = [
        (
            Requested,
            Step::Deliver,
            "a requested dependency cannot be marked delivered: it must be accepted first",
        ),
        (
            Requested,
            Step::Reopen,
            "a requested dependency cannot be reopened: only a declined or delivered one can",
        ),
        (
            Accepted,
            Step::Accept,
            "an accepted dependency cannot be accepted: only a requested one can",
        ),
        (
            Accepted,
            Step::Reopen,
            "an accepted dependency cannot be reopened: only a declined or delivered one can",
        ),
        (
            Declined,
            Step::Accept,
            "a declined dependency cannot be accepted: only a requested one can",
        ),
        (
            Declined,
            Step::Decline,
            "a declined dependency cannot be declined: only a requested or accepted one can",
        ),
        (
            Declined,
            Step::Deliver,
            "a declined dependency cannot be marked delivered: it must be accepted first",
        ),
        (
            Delivered,
            Step::Accept,
            "a delivered dependency cannot be accepted: only a requested one can",
        ),
        (
            Delivered,
            Step::Decline,
            "a delivered dependency cannot be declined: only a requested or accepted one can",
        ),
        (
            Delivered,
            Step::Deliver,
            "a delivered dependency cannot be marked delivered: it must be accepted first",
        ),
    ];
    for (from, step, message) in refused {
        assert_eq!(
            transition(from, step),
            Err(message.to_string()),
            "{from:?} {step:?}"
        );
    }
    // 6 allowed + 10 refused = all 16 pairs.
    let allowed: usize = [Requested, Accepted, Declined, Delivered]
        .iter()
        .map(|s| steps(*s).len())
        .sum();
    assert_eq!(allowed, 6);
    assert_eq!(steps(Requested), vec![Step::Accept, Step::Decline]);
    // The step that carries it forward comes first, where focus lands after the last step.
    assert_eq!(steps(Accepted), vec![Step::Deliver, Step::Decline]);
}

fn answer(board: &Rc<Board>, step: Step, note: &str) -> Result<Rc<Board>, String> {
    answer_for(board, step, note, None)
}

/// `d-1` answered with `step`, a note and the date promised, if any.
fn answer_for(
    board: &Rc<Board>,
    step: Step,
    note: &str,
    promised: Option<&str>,
) -> Result<Rc<Board>, String> {
    reduce(
        board,
        Action::AnswerDependency {
            id: "d-1".into(),
            step,
            note: note.into(),
            promised: promised.map(date),
        },
        now(),
    )
    .map_err(|r| r.to_string())
}

#[test]
fn answering_and_delivering_record_when_and_what_the_providing_team_said() {
    let board = Rc::new(small_board());
    let accepted = answer(&board, Step::Accept, "Next sprint").unwrap();
    let d = &accepted.dependencies[0];
    assert_eq!(
        (d.state, d.answered_at, d.answer_note.as_str()),
        (Accepted, Some(now()), "Next sprint")
    );
    assert_eq!(d.delivered_at, None);
    let later = now().add_seconds(3 * 86_400);
    let delivered = reduce(
        &accepted,
        Action::AnswerDependency {
            id: "d-1".into(),
            step: Step::Deliver,
            note: String::new(),
            promised: None,
        },
        later,
    )
    .unwrap();
    assert_eq!(delivered.dependencies[0].state, Delivered);
    assert_eq!(delivered.dependencies[0].delivered_at, Some(later));
    assert_eq!(
        delivered.dependencies[0].answered_at,
        Some(now()),
        "delivering keeps when it was answered"
    );
    // An edit of the request (its need, its date) keeps when it was delivered.
    let mut edited = delivered.dependencies[0].clone();
    edited.need = "The whole API".into();
    edited.delivered_at = None;
    let edited = reduce(&delivered, Action::UpdateDependency(edited), now()).unwrap();
    assert_eq!(edited.dependencies[0].delivered_at, Some(later));
    assert_eq!(
        delivered.dependencies[0].answer_note, "Next sprint",
        "delivering keeps the answer"
    );
    let reopened = answer(&delivered, Step::Reopen, "").unwrap();
    assert_eq!(reopened.dependencies[0].state, Accepted);
    assert_eq!(reopened.dependencies[0].answered_at, Some(now()));
    assert_eq!(
        reopened.dependencies[0].delivered_at, None,
        "a delivery reopened is not delivered"
    );

    let declined = answer(&board, Step::Decline, "No capacity").unwrap();
    assert_eq!(declined.dependencies[0].answer_note, "No capacity");
    let asked_again = answer(&declined, Step::Reopen, "").unwrap();
    let d = &asked_again.dependencies[0];
    assert_eq!(
        (d.state, d.answered_at, d.answer_note.as_str()),
        (Requested, None, "")
    );

    assert_eq!(
        answer(&board, Step::Deliver, "").unwrap_err(),
        "a requested dependency cannot be marked delivered: it must be accepted first"
    );
}

#[test]
fn a_request_accepted_for_another_date_keeps_the_date_asked_and_is_late_from_the_promise() {
    let mut board = small_board();
    board.dependencies[0].due = Some(date("2026-11-20"));
    let board = Rc::new(board);
    let answer = |board: &Rc<Board>, step, note: &str, promised: Option<&str>| {
        answer_for(board, step, note, promised).unwrap()
    };
    let agreed = answer(&board, Step::Accept, "", Some("2026-12-15"));
    let d = &agreed.dependencies[0];
    assert_eq!(
        (d.due, d.promised),
        (Some(date("2026-11-20")), Some(date("2026-12-15"))),
        "what the asking team needed stays beside what was promised"
    );
    assert!(
        flags(&agreed, d, utc_now()).is_empty(),
        "not late by the date promised"
    );
    let as_asked = answer(&board, Step::Accept, "", Some("2026-11-20"));
    assert_eq!(
        as_asked.dependencies[0].promised, None,
        "the date asked is no promise of its own"
    );
    assert!(matches!(
        flags(&as_asked, &as_asked.dependencies[0], utc_now())[..],
        [Flag::Late { .. }]
    ));
    // Only accepting promises a date.
    let declined = answer(&board, Step::Decline, "", Some("2026-12-15"));
    assert_eq!(declined.dependencies[0].promised, None);
    // A delivery reopened takes the date it can now deliver by, and what is still missing.
    let delivered = answer(&as_asked, Step::Deliver, "", None);
    let reopened = answer(
        &delivered,
        Step::Reopen,
        "The export is missing",
        Some("2026-12-01"),
    );
    let d = &reopened.dependencies[0];
    assert_eq!((d.state, d.promised), (Accepted, Some(date("2026-12-01"))));
    assert_eq!(d.answer_note, "The export is missing");
    // Asked again after a refusal, the old promise goes with the old answer.
    let mut refused = (*agreed).clone();
    refused.dependencies[0].state = Declined;
    let again = answer(&Rc::new(refused), Step::Reopen, "", None);
    assert_eq!(
        (again.dependencies[0].state, again.dependencies[0].promised),
        (Requested, None)
    );
}

#[test]
fn a_request_starts_unanswered_and_goes_to_another_team() {
    let board = Rc::new(small_board());
    let mut request = dependency("d-2", "i-3", "t-2", None);
    request.need = "A test environment".into();
    let next = reduce(&board, Action::AskDependency(request.clone()), now()).unwrap();
    assert_eq!(next.dependencies.len(), 2);

    let mut answered = request.clone();
    answered.state = Accepted;
    assert!(reduce(&board, Action::AskDependency(answered), now()).is_err());
    let mut own_team = request.clone();
    own_team.to_team_id = "t-1".into(); // i-3 belongs to t-1
    assert_eq!(
        reduce(&board, Action::AskDependency(own_team), now())
            .unwrap_err()
            .to_string(),
        "a team does not ask itself: pick another team"
    );
    let mut stray = request;
    stray.from_initiative_id = "i-99".into();
    assert!(reduce(&board, Action::AskDependency(stray), now()).is_err());
}

#[test]
fn editing_a_request_keeps_its_place_in_the_handshake() {
    let board = answer(&Rc::new(small_board()), Step::Accept, "Yes").unwrap();
    let mut edited = board.dependencies[0].clone();
    edited.need = "Two APIs".into();
    edited.state = Requested; // ignored: the state moves by answers only
    edited.answered_at = None;
    let next = reduce(&board, Action::UpdateDependency(edited), now()).unwrap();
    let d = &next.dependencies[0];
    assert_eq!(
        (d.need.as_str(), d.state, d.answer_note.as_str()),
        ("Two APIs", Accepted, "Yes")
    );
    let gone = reduce(&next, Action::DeleteDependency("d-1".into()), now()).unwrap();
    assert!(gone.dependencies.is_empty());
}

#[test]
fn an_unanswered_request_may_go_to_another_team_and_an_answered_one_stays() {
    let mut board = small_board();
    board.teams.push(team("t-3", "Data", None));
    let board = Rc::new(board);
    let mut moved = board.dependencies[0].clone();
    moved.to_team_id = "t-3".into();
    moved.from_initiative_id = "i-3".into(); // ignored: who asks stays
    let next = reduce(&board, Action::UpdateDependency(moved.clone()), now()).unwrap();
    let d = &next.dependencies[0];
    assert_eq!(
        (d.to_team_id.as_str(), d.from_initiative_id.as_str()),
        ("t-3", "i-1")
    );
    // Asked anew of Data: unanswered since now, naming none of Platform's work.
    assert_eq!(
        (d.requested_at, d.to_initiative_id.as_deref()),
        (now(), None)
    );
    assert!(
        board.dependencies[0].requested_at != now()
            && board.dependencies[0].to_initiative_id.is_some()
    );
    // What is asked, or by when, of the same team keeps when it was asked.
    let mut reworded = board.dependencies[0].clone();
    reworded.need = "Two APIs".into();
    let next = reduce(&board, Action::UpdateDependency(reworded), now()).unwrap();
    assert_eq!(
        next.dependencies[0].requested_at,
        board.dependencies[0].requested_at
    );
    let mut own = moved.clone();
    own.to_team_id = "t-1".into(); // i-1 is Product's
    assert_eq!(
        reduce(&board, Action::UpdateDependency(own), now())
            .unwrap_err()
            .to_string(),
        "a team does not ask itself: pick another team"
    );
    let mut nowhere = moved.clone();
    nowhere.to_team_id = "t-9".into();
    assert!(reduce(&board, Action::UpdateDependency(nowhere), now()).is_err());

    let accepted = answer(&board, Step::Accept, "Yes").unwrap();
    assert_eq!(
        reduce(&accepted, Action::UpdateDependency(moved), now()).unwrap_err().to_string(),
        "the request was answered by the team it asked: to ask another team, delete it and ask anew"
    );
}

// Stuck and misaligned

/// i-1 (Product, serves pr-1) asks Platform (t-2) for something; Platform's i-2 serves pr-1.
fn asking_board() -> Board {
    let mut board = small_board();
    board.rhythm.check_in_days = 7;
    board
}

#[test]
fn coordination_lists_a_request_until_it_is_delivered() {
    let mut board = asking_board();
    let id = board.dependencies[0].id.clone();
    let asked = board.dependencies[0].to_team_id.clone();
    assert!(board.teams.len() >= 2);
    for state in [Requested, Accepted, Declined] {
        board.dependencies[0].state = state;
        assert!(listed(&board, &id), "{state:?}");
        assert_eq!(
            asked_of(&board, &asked).len(),
            1,
            "the list it is in: {state:?}"
        );
    }
    board.dependencies[0].state = Delivered;
    assert!(!listed(&board, &id), "delivered");
    assert!(asked_of(&board, &asked).is_empty());
    assert!(!listed(&board, "no-such-request"));

    // Work done or dropped needs nothing more: its request is open nowhere.
    for finished in [Status::Done, Status::Dropped] {
        let mut board = board.clone();
        board.dependencies[0].state = Accepted;
        board.initiatives[0].status = finished;
        assert!(!is_open(&board, &board.dependencies[0]), "{finished:?}");
        assert!(!listed(&board, &id));
        assert!(asked_of(&board, &asked).is_empty());
        assert!(waiting_on(&board, "t-1").is_empty());
        let cells = matrix(&board, utc_now()).cells;
        assert_eq!((cells[0][1].dependencies.len(), cells[0][1].open), (1, 0));
    }

    board.dependencies[0].state = Requested;
    let mut one_team = board.clone();
    one_team.teams.retain(|t| t.id == asked);
    assert!(
        !listed(&one_team, &id),
        "Coordination needs two teams to list anything"
    );
    board.dependencies[0].to_team_id = "gone".into();
    assert!(
        !listed(&board, &id),
        "asked of a team no longer on the board"
    );
}

#[test]
fn a_request_is_stuck_one_day_after_the_check_in_interval() {
    let mut board = asking_board();
    board.dependencies[0].requested_at = ts("2026-11-16T09:30:00Z"); // 7 days
    assert!(flags(&board, &board.dependencies[0], utc_now()).is_empty());
    board.dependencies[0].requested_at = ts("2026-11-15T09:30:00Z"); // 8 days
    assert_eq!(
        flags(&board, &board.dependencies[0], utc_now()),
        vec![Flag::Unanswered { days: 8 }]
    );
}

#[test]
fn declined_requests_are_stuck_while_the_asking_work_is_active() {
    let mut board = asking_board();
    board.dependencies[0].state = Declined;
    assert_eq!(
        flags(&board, &board.dependencies[0], utc_now()),
        vec![Flag::DeclinedButCounted]
    );
    board.initiatives[0].status = Status::Dropped;
    assert!(
        flags(&board, &board.dependencies[0], utc_now()).is_empty(),
        "finished work counts on nothing"
    );
}

#[test]
fn an_accepted_request_is_late_the_day_after_it_was_due() {
    let mut board = asking_board();
    board.dependencies[0].state = Accepted;
    board.dependencies[0].due = Some(date("2026-11-23")); // today
    assert!(flags(&board, &board.dependencies[0], utc_now()).is_empty());
    board.dependencies[0].due = Some(date("2026-11-22"));
    assert_eq!(
        flags(&board, &board.dependencies[0], utc_now()),
        vec![Flag::Late {
            due: date("2026-11-22")
        }]
    );
    board.dependencies[0].state = Delivered;
    assert!(flags(&board, &board.dependencies[0], utc_now()).is_empty());
}

#[test]
fn a_providing_team_with_no_work_on_the_same_priorities_is_misaligned() {
    let mut board = asking_board();
    board.dependencies[0].requested_at = now();
    assert!(
        flags(&board, &board.dependencies[0], utc_now()).is_empty(),
        "Platform's i-2 serves pr-1"
    );
    board.initiatives[1].status = Status::Done;
    assert_eq!(
        flags(&board, &board.dependencies[0], utc_now()),
        vec![Flag::Misaligned],
        "done work does not count"
    );
    board.initiatives[1].status = Status::OnTrack;
    board.initiatives[1].priority_ids = ids(&["pr-3"]);
    assert_eq!(
        flags(&board, &board.dependencies[0], utc_now()),
        vec![Flag::Misaligned]
    );
    assert!(!Flag::Misaligned.is_stuck());
    // Local work asking another team serves no priority, so it cannot be misaligned.
    board.initiatives[0].priority_ids.clear();
    assert!(flags(&board, &board.dependencies[0], utc_now()).is_empty());
}

#[test]
fn the_matrix_counts_who_asks_whom_and_what_is_stuck() {
    let mut board = asking_board();
    board.dependencies[0].state = Declined;
    let mut second = dependency("d-2", "i-2", "t-1", None);
    second.requested_at = now();
    let mut third = dependency("d-3", "i-3", "t-2", None);
    third.state = Delivered;
    board.dependencies.push(second);
    board.dependencies.push(third);
    let m = matrix(&board, utc_now());
    assert_eq!(m.teams, ids(&["t-1", "t-2"]));
    // Product asks Platform: d-1 (declined, stuck) and d-3 (delivered)
    let product_to_platform = &m.cells[0][1];
    assert_eq!(product_to_platform.dependencies, vec![0, 2]);
    assert_eq!(
        (product_to_platform.open, product_to_platform.stuck),
        (1, 1)
    );
    // Platform asks Product: d-2, fresh; i-2 serves pr-1 and pr-2, Product's i-1 serves pr-1
    let platform_to_product = &m.cells[1][0];
    assert_eq!(
        (
            platform_to_product.open,
            platform_to_product.stuck,
            platform_to_product.misaligned
        ),
        (1, 0, 0)
    );
    assert!(m.cells[0][0].dependencies.is_empty());

    assert_eq!(
        asked_of(&board, "t-2"),
        vec![0],
        "delivered requests are done"
    );
    assert_eq!(asked_of(&board, "t-1"), vec![1]);
    assert_eq!(waiting_on(&board, "t-1"), vec![0]);
    assert_eq!(waiting_on(&board, "t-2"), vec![1]);
}

#[test]
fn a_delivery_stays_within_reach_while_the_work_that_asked_for_it_goes_on() {
    let mut board = asking_board();
    let mut early = dependency("d-2", "i-3", "t-2", None);
    early.state = Delivered;
    early.requested_at = ts("2026-11-01T09:00:00Z");
    let mut later = dependency("d-3", "i-3", "t-2", None);
    later.state = Delivered;
    let mut elsewhere = dependency("d-4", "i-2", "t-1", None);
    elsewhere.state = Delivered;
    board.dependencies.push(later);
    board.dependencies.push(early);
    board.dependencies.push(elsewhere);
    assert!(board.initiative("i-3").unwrap().status.is_active());
    assert_eq!(delivered_by(&board, "t-2"), vec![2, 1], "oldest first");
    assert_eq!(asked_of(&board, "t-2"), vec![0], "delivered is not open");
    assert_eq!(steps(Delivered), vec![Step::Reopen]);
    board.initiatives[2].status = Status::Done;
    assert!(
        delivered_by(&board, "t-2").is_empty(),
        "finished work needs nothing more"
    );
}

// Decisions

fn decision_board() -> Board {
    let mut board = small_board();
    let mut stop = decision("x-2", Some("p-2"), &["pr-2"], &["t-2"]);
    stop.kind = DecisionKind::Stop;
    stop.decided_at = ts("2026-11-20T10:00:00Z");
    stop.revisit_on = Some(date("2026-11-23"));
    let mut defer = decision("x-3", None, &["pr-3"], &["t-1"]);
    defer.kind = DecisionKind::Defer;
    defer.decided_at = ts("2026-11-01T10:00:00Z");
    defer.revisit_on = Some(date("2026-11-24"));
    board.decisions.push(stop);
    board.decisions.push(defer);
    board
}

#[test]
fn the_decision_log_filters_by_priority_team_kind_and_revisit() {
    let board = decision_board();
    let today = now().utc_date();
    let all = decisions(&board, &DecisionFilter::default(), today);
    // newest first: x-2 (Nov 20), x-1 (Nov 10), x-3 (Nov 1)
    assert_eq!(all, vec![1, 0, 2]);
    let by_priority = DecisionFilter {
        priority: Some("pr-2".into()),
        ..Default::default()
    };
    assert_eq!(decisions(&board, &by_priority, today), vec![1, 0]);
    let by_team = DecisionFilter {
        team: Some("t-1".into()),
        ..Default::default()
    };
    assert_eq!(decisions(&board, &by_team, today), vec![0, 2]);
    let by_kind = DecisionFilter {
        kind: Some(DecisionKind::Defer),
        ..Default::default()
    };
    assert_eq!(decisions(&board, &by_kind, today), vec![2]);
    let combined = DecisionFilter {
        priority: Some("pr-2".into()),
        team: Some("t-2".into()),
        kind: Some(DecisionKind::Commit),
        revisit_due: false,
    };
    assert_eq!(decisions(&board, &combined, today), vec![0]);
    let due = DecisionFilter {
        revisit_due: true,
        ..Default::default()
    };
    assert_eq!(
        decisions(&board, &due, today),
        vec![1],
        "due today, not tomorrow"
    );
}

#[test]
fn a_revisit_is_due_on_its_day() {
    let board = decision_board();
    assert!(revisit_due(&board.decisions[1], date("2026-11-23")));
    assert!(!revisit_due(&board.decisions[1], date("2026-11-22")));
    assert!(
        !revisit_due(&board.decisions[0], date("2030-01-01")),
        "no date, never due"
    );
}

#[test]
fn a_stop_decision_drops_the_work_it_stops_in_one_undoable_step() {
    let board = Rc::new(small_board());
    let mut history = History::new(board.clone());
    let mut stop = decision("x-9", Some("p-1"), &["pr-1"], &["t-2"]);
    stop.kind = DecisionKind::Stop;
    stop.title = "Stop the status page".into();
    history
        .apply(
            Action::RecordDecision {
                decision: stop.clone(),
                drop_initiatives: ids(&["i-2"]),
            },
            now(),
        )
        .unwrap();
    let after = history.board().clone();
    // The decision keeps the work it stopped.
    let recorded = Decision {
        initiative_ids: ids(&["i-2"]),
        ..stop.clone()
    };
    assert_eq!(after.decisions.iter().next_back(), Some(&recorded));
    assert_eq!(after.initiative("i-2").unwrap().status, Status::Dropped);
    assert_eq!(
        after.initiative("i-1").unwrap().status,
        Status::OnTrack,
        "only what it stops"
    );
    // Work already finished is not stopped by it, nor named.
    let mut done = (*board).clone();
    done.initiatives
        .update_where(|i| i.id == "i-1", |i| i.status = Status::Done);
    let both = Action::RecordDecision {
        decision: stop.clone(),
        drop_initiatives: ids(&["i-1", "i-2"]),
    };
    let with_done = reduce(&Rc::new(done), both, now()).unwrap();
    assert_eq!(
        with_done
            .decisions
            .iter()
            .next_back()
            .unwrap()
            .initiative_ids,
        ids(&["i-2"])
    );
    assert_eq!(with_done.initiative("i-1").unwrap().status, Status::Done);
    // Work deleted later leaves the decision, which stays.
    let deleted = reduce(&after, Action::DeleteInitiative("i-2".into()), now()).unwrap();
    let kept = deleted.decisions.iter().next_back().unwrap();
    assert_eq!((kept.id.as_str(), kept.initiative_ids.len()), ("x-9", 0));
    history.undo().unwrap();
    assert_eq!(
        **history.board(),
        *board,
        "undo takes the decision and the drop back together"
    );

    let bad = Action::RecordDecision {
        decision: stop,
        drop_initiatives: ids(&["i-99"]),
    };
    assert!(reduce(&board, bad, now()).is_err());
}

#[test]
fn decisions_are_edited_and_deleted() {
    let board = Rc::new(decision_board());
    let mut edited = board.decisions[0].clone();
    edited.rationale = "Because".into();
    let next = reduce(&board, Action::UpdateDecision(edited), now()).unwrap();
    assert_eq!(next.decisions[0].rationale, "Because");
    let next = reduce(&next, Action::DeleteDecision("x-1".into()), now()).unwrap();
    assert_eq!(next.decisions.len(), 2);
    assert!(reduce(&next, Action::DeleteDecision("x-1".into()), now()).is_err());
}

// Risks

fn risk(id: &str, severity: Severity, open: bool) -> Risk {
    Risk {
        id: id.into(),
        text: format!("Risk {id}"),
        severity,
        open,
    }
}

#[test]
fn open_risks_come_by_severity_then_priority_rank() {
    let mut board = small_board();
    // i-1 serves pr-1 (rank 1); i-2 serves pr-1 and pr-2; i-3 is local work.
    board.initiatives[2].risks = vec![
        risk("r-1", Severity::High, true),
        risk("r-2", Severity::Low, true),
    ];
    board.initiatives[1].risks = vec![
        risk("r-3", Severity::Medium, true),
        risk("r-4", Severity::High, false),
    ];
    board.initiatives[0].risks = vec![
        risk("r-5", Severity::High, true),
        risk("r-6", Severity::Medium, true),
    ];
    let order: Vec<&str> = open_risks(&board)
        .into_iter()
        .map(|(i, r)| board.initiatives[i].risks[r].id.as_str())
        .collect();
    // high: r-5 (rank 1) before r-1 (local); medium: r-6 and r-3 both rank 1, board order;
    // low: r-2; the closed r-4 is left out.
    assert_eq!(order, vec!["r-5", "r-1", "r-6", "r-3", "r-2"]);
    // Work done or dropped has no risk left to run, though its risks still say open.
    board.initiatives[0].status = Status::Done;
    board.initiatives[2].status = Status::Dropped;
    let order: Vec<&str> = open_risks(&board)
        .into_iter()
        .map(|(i, r)| board.initiatives[i].risks[r].id.as_str())
        .collect();
    assert_eq!(order, vec!["r-3"]);
}

#[test]
fn a_stop_decision_keeps_what_it_stopped_through_edits_and_is_found_under_that_work_s_team() {
    let board = Rc::new(small_board());
    let mut stop = decision("x-9", None, &[], &[]);
    stop.kind = DecisionKind::Stop;
    let recorded = Action::RecordDecision {
        decision: stop.clone(),
        drop_initiatives: ids(&["i-2"]),
    };
    let board = reduce(&board, recorded, now()).unwrap();
    // Platform's work was stopped: the decision is Platform's too, though it names no team.
    let platform = DecisionFilter {
        team: Some("t-2".into()),
        ..DecisionFilter::default()
    };
    let found = decisions(&board, &platform, date("2026-11-23"));
    assert!(found.iter().any(|&d| board.decisions[d].id == "x-9"));
    // And among what happened since a review, under Platform.
    let since = alignment_board::core::rhythm::since(&board, ts("2026-01-01T00:00:00Z"));
    let decided = since
        .iter()
        .find(|h| matches!(h, Happened::Decided { decision } if board.decisions[*decision].id == "x-9"))
        .expect("decided since");
    assert!(decided.concerns(&board, "t-2"));
    assert!(!decided.concerns(&board, "t-1"), "not Product's");
    // An edit made from a form that knew nothing of it keeps the record.
    let mut edited = stop.clone();
    edited.title = "Stop the status page for now".into();
    let board = reduce(&board, Action::UpdateDecision(edited.clone()), now()).unwrap();
    let kept = board.decisions.iter().find(|d| d.id == "x-9").unwrap();
    assert_eq!(
        (kept.title.as_str(), kept.initiative_ids.clone()),
        ("Stop the status page for now", ids(&["i-2"]))
    );
    // Not a stop after all: it stopped nothing.
    edited.kind = DecisionKind::Commit;
    let board = reduce(&board, Action::UpdateDecision(edited), now()).unwrap();
    assert!(board
        .decisions
        .iter()
        .find(|d| d.id == "x-9")
        .unwrap()
        .initiative_ids
        .is_empty());
}
