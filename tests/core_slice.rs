#![cfg(not(target_arch = "wasm32"))]
//! A team's slice of the board (`core::slice`): what it holds, that it is a normal
//! snapshot, and the team-of-teams round trip: slice, edit apart, merge back
//! (`core::combine`).

mod core_support;

use alignment_board::core::action::{reduce, Action};
use alignment_board::core::combine::{
    apply, plan, Choice, Choices, Incoming, ItemRef, Kind, Side, SinceCut, Verdict,
};
use alignment_board::core::coordination::Step;
use alignment_board::core::ids;
use alignment_board::core::model::{DependencyState, Status};
use alignment_board::core::slice::slice;
use alignment_board::core::snapshot;
use core_support::{assert_sound, bits, check_in, initiative, now, small_board, ts};
use std::rc::Rc;

// ---------------------------------------------------------------------------------------
// A team's slice and the way back

#[test]
fn a_slice_holds_the_team_its_work_every_active_priority_and_the_other_end_of_requests() {
    let board = core_support::full_board();
    let cut = slice(&board, &["t-2".into()]);
    assert_eq!(cut.id, board.id);
    assert_sound(&cut);
    // Platform's own initiative, and Product's i-1 that asks Platform for something.
    let initiatives: Vec<_> = cut.initiatives.iter().map(|i| i.id.as_str()).collect();
    assert!(initiatives.contains(&"i-2"));
    assert!(initiatives.contains(&"i-1"), "the asking initiative, named");
    assert!(cut.check_ins.iter().all(|c| c.initiative_id == "i-2"));
    assert!(cut.team("t-1").is_some(), "the asking team, named");
    assert_eq!(cut.teams, board.teams, "every team, to ask for something");
    for priority in board.priorities.iter().filter(|p| p.is_active()) {
        assert!(cut.priority(&priority.id).is_some(), "{}", priority.title);
    }
    assert!(cut.reviews.is_empty());
    // A normal version-1 snapshot: written and read back unchanged.
    let text = snapshot::write_pretty(&cut, now());
    assert!(text.contains("\"version\": 1"));
    assert_eq!(snapshot::read(&text).unwrap().board, cut);
    // Merged back unchanged, it changes nothing.
    let made = plan(&board, &[Incoming::board("platform.json", cut)]);
    assert!(made.files[0]
        .outcome
        .as_ref()
        .unwrap()
        .items
        .iter()
        .all(|i| i.verdict == Verdict::Same));
}

#[test]
fn a_slice_edited_apart_merges_back_with_its_edits_and_nothing_else() {
    let board = small_board();
    // Platform's slice, read from its exported file in another browser.
    let text = snapshot::write_pretty(&slice(&board, &["t-2".into()]), now());
    let mut team_board = Rc::new(snapshot::read(&text).unwrap().board);
    let later = ts("2026-11-24T09:00:00Z");
    let mut random = bits(21);
    let new_id = ids::unused_on(&team_board, "i", &mut random);
    let check_in_id = ids::unused_on(&team_board, "c", &mut random);
    let edits = vec![
        Action::AddInitiative(initiative(&new_id, "Incident drills", "t-2", &["pr-2"])),
        Action::CheckIn(alignment_board::core::model::CheckIn {
            id: check_in_id.clone(),
            at: later,
            status: Status::AtRisk,
            note: "Vendor late".into(),
            ..check_in("-", "i-2", Some("p-2"))
        }),
        Action::AnswerDependency {
            id: "d-1".into(),
            step: Step::Accept,
            note: "Yes".into(),
            promised: None,
        },
    ];
    for action in edits {
        team_board = reduce(&team_board, action, later).unwrap();
    }
    let mut status_page = team_board.initiative("i-2").unwrap().clone();
    status_page.progress = 55;
    team_board = reduce(&team_board, Action::UpdateInitiative(status_page), later).unwrap();
    let returned = snapshot::write_pretty(&team_board, later);
    let files = [Incoming::read("platform.alignment.json", &returned)];
    let made = plan(&board, &files);
    let applied = apply(&board, &made, &Choices::new()).unwrap();
    let after = &applied.board;
    assert_sound(after);
    // The edits are there.
    assert_eq!(after.initiative(&new_id).unwrap().title, "Incident drills");
    assert!(after.check_ins.iter().any(|c| c.id == check_in_id));
    let status_page = after.initiative("i-2").unwrap();
    assert_eq!(
        (status_page.status, status_page.progress),
        (Status::AtRisk, 55)
    );
    assert_eq!(after.dependencies[0].state, DependencyState::Accepted);
    // Nothing is duplicated.
    assert_eq!(after.initiatives.len(), board.initiatives.len() + 1);
    assert_eq!(after.check_ins.len(), board.check_ins.len() + 1);
    assert_eq!(after.dependencies.len(), board.dependencies.len());
    assert_eq!(after.teams, board.teams);
    assert_eq!(after.people, board.people);
    assert_eq!(after.priorities, board.priorities);
    assert_eq!(after.decisions, board.decisions);
    // Nothing outside the team changed.
    for initiative in board.initiatives.iter().filter(|i| i.team_id != "t-2") {
        assert_eq!(after.initiative(&initiative.id), Some(initiative));
    }
    assert_eq!(
        applied.description,
        "merge platform.alignment.json (2 new, 2 changed)"
    );
}

#[test]
fn a_slice_is_named_after_the_board_and_its_teams() {
    let mut board = small_board();
    board.title = "Acme: Q4 plan".into();
    let teams: Vec<String> = board.teams.iter().map(|t| t.id.clone()).collect();
    let names: Vec<String> = board.teams.iter().map(|t| t.name.clone()).collect();
    let name = alignment_board::core::slice::file_name(
        &board,
        &teams[..1],
        core_support::date("2026-10-05"),
    );
    assert_eq!(
        name,
        format!(
            "acme-q4-plan-{}-slice-2026-10-05.alignment.json",
            snapshot::slug(&names[0])
        )
    );
    let both =
        alignment_board::core::slice::file_name(&board, &teams, core_support::date("2026-10-05"));
    assert!(both.contains(&snapshot::slug(&names.join(" "))), "{both}");
}

#[test]
fn an_exported_slice_is_titled_after_its_teams_and_merges_back_unchanged() {
    let board = core_support::full_board();
    let at = core_support::ts("2026-10-05T09:00:00Z");
    let cut = alignment_board::core::slice::export(&board, &["t-2".into(), "t-9".into()], at);
    let platform = board.team("t-2").unwrap().name.clone();
    assert_eq!(cut.title, format!("{}: {platform}", board.title));
    let marked = cut
        .slice
        .as_ref()
        .expect("an exported slice says it is one");
    assert_eq!(
        marked.team_ids,
        vec!["t-2".to_string()],
        "the board's teams only"
    );
    assert_eq!(marked.cut_at, at);
    assert_eq!(cut.id, board.id);
    let made = plan(&board, &[Incoming::board("platform.alignment.json", cut)]);
    let applied = apply(&board, &made, &Choices::new()).unwrap();
    assert_eq!(*applied.board, board, "the title stays the board's");
}

#[test]
fn a_decision_in_a_slice_comes_with_the_work_it_stopped_and_merges_back_unchanged() {
    // A decision naming Platform (t-2) stopped Product's Cleanup (i-3), local work that no
    // request of Platform's touches.
    let mut board = core_support::small_board();
    let mut stop = core_support::decision("x-9", None, &[], &["t-2"]);
    stop.initiative_ids = vec!["i-3".into()];
    board.decisions.push(stop);
    assert_sound(&board);
    for team in ["t-1", "t-2"] {
        // Product's slice holds it as it stopped its work; Platform's as it names the
        // team, with the other team's work it stopped.
        let cut = slice(&board, &[team.into()]);
        assert_sound(&cut);
        let kept = cut.decisions.iter().find(|d| d.id == "x-9").expect(team);
        assert_eq!(kept.initiative_ids, vec!["i-3".to_string()]);
        assert!(
            cut.initiative("i-3").is_some(),
            "{team}: with the work it stopped"
        );
        let made = plan(&board, &[Incoming::board("slice.alignment.json", cut)]);
        let applied = apply(&board, &made, &Choices::new()).unwrap();
        assert_eq!(
            *applied.board, board,
            "{team}: back unchanged, nothing changes"
        );
    }
}

#[test]
fn a_slice_sent_back_asks_about_what_both_sides_changed_and_about_other_teams_work() {
    let mut board = Rc::new(small_board());
    let before = ts("2026-11-20T09:00:00Z");
    for (id, title) in [("i-4", "Runbooks"), ("i-5", "Alerting")] {
        let work = initiative(id, title, "t-2", &["pr-2"]);
        board = reduce(&board, Action::AddInitiative(work), before).unwrap();
    }
    // Platform's slice, cut on Monday, kept in another browser.
    let cut_at = ts("2026-11-23T09:00:00Z");
    let cut = alignment_board::core::slice::export(&board, &["t-2".into()], cut_at);
    let text = snapshot::write_pretty(&cut, cut_at);
    let read = snapshot::read(&text).unwrap().board;
    assert_eq!(read.slice, cut.slice, "the mark travels in the file");
    let stored = snapshot::write_stored(&read, cut_at, &mut snapshot::Parts::default());
    let parts: std::collections::HashMap<String, String> = stored
        .parts
        .iter()
        .map(|(name, text)| (name.clone(), text.to_string()))
        .collect();
    let kept = snapshot::read_stored(&stored.head, &|name| parts.get(name).cloned()).unwrap();
    assert_eq!(kept.board.slice, cut.slice, "and in the team's saved board");
    // On Tuesday the team changes its Status page and Runbooks, and Product's Wizard,
    // which the slice holds only as the other end of a request.
    let mut team_board = Rc::new(read);
    let tuesday = ts("2026-11-24T09:00:00Z");
    for (id, progress) in [("i-2", 70), ("i-4", 40), ("i-1", 99)] {
        let mut work = team_board.initiative(id).unwrap().clone();
        work.progress = progress;
        // Runbooks' status too, a field a merge otherwise asks about whenever it differs.
        if id == "i-4" {
            work.status = Status::AtRisk;
        }
        team_board = reduce(&team_board, Action::UpdateInitiative(work), tuesday).unwrap();
    }
    let returned = snapshot::write_pretty(&team_board, tuesday);
    // On Wednesday, before the file comes back, the board changes the Status page too, and
    // Alerting, which the team left alone.
    let wednesday = ts("2026-11-25T09:00:00Z");
    for (id, progress) in [("i-2", 65), ("i-5", 20)] {
        let mut work = board.initiative(id).unwrap().clone();
        work.progress = progress;
        board = reduce(&board, Action::UpdateInitiative(work), wednesday).unwrap();
    }
    let files = [Incoming::read("platform.alignment.json", &returned)];
    let made = plan(&board, &files);
    let merge = made.files[0].outcome.as_ref().unwrap();
    let verdict = |id: &str| {
        merge
            .of(Kind::Initiative)
            .find(|item| item.id == id)
            .map(|item| item.verdict.clone())
            .unwrap()
    };
    // Changed on both sides since the cut: the person decides, though only progress
    // differs; the newer side (the board's) is the default.
    let Verdict::Conflict(both) = verdict("i-2") else {
        panic!("both changed the Status page: {:?}", verdict("i-2"))
    };
    assert_eq!(
        (both.since_cut, both.default),
        (Some(SinceCut::Both), Side::Board)
    );
    // Another team's work changed in the slice: asked about, the board's by default.
    let Verdict::Conflict(other) = verdict("i-1") else {
        panic!("the slice changed Product's Wizard: {:?}", verdict("i-1"))
    };
    assert_eq!(
        (other.since_cut, other.default),
        (Some(SinceCut::OtherTeam), Side::Board)
    );
    // The team's own change, the board's untouched since the cut: taken without asking,
    // its status too.
    let Verdict::Changed(own) = verdict("i-4") else {
        panic!("the team changed Runbooks: {:?}", verdict("i-4"))
    };
    assert_eq!((own.since_cut, own.default), (None, Side::File));
    assert!(own.fields.iter().any(|f| f.name == "status" && f.decisive));
    // The slice holds Alerting as it was cut: the board's change since is not a difference.
    assert_eq!(verdict("i-5"), Verdict::Same);
    let progress = |board: &alignment_board::core::model::Board, id: &str| {
        board.initiative(id).unwrap().progress
    };
    let by_default = apply(&board, &made, &Choices::new()).unwrap();
    let after = &by_default.board;
    assert_sound(after);
    assert_eq!(after.initiative("i-4").unwrap().status, Status::AtRisk);
    assert_eq!(
        [
            progress(after, "i-2"),
            progress(after, "i-4"),
            progress(after, "i-1"),
            progress(after, "i-5")
        ],
        [65, 40, board.initiative("i-1").unwrap().progress, 20]
    );
    // Picking the file's side takes the team's values.
    let mut choices = Choices::new();
    for id in ["i-2", "i-1"] {
        choices.add(Choice::Pick(
            ItemRef {
                file: 0,
                kind: Kind::Initiative,
                id: id.into(),
            },
            Side::File,
        ));
    }
    let picked = apply(&board, &made, &choices).unwrap();
    assert_eq!(
        [
            progress(&picked.board, "i-2"),
            progress(&picked.board, "i-1")
        ],
        [70, 99]
    );
}

/// `d-1` of `board` moved by `step` at `at`.
fn answered(
    board: &Rc<alignment_board::core::model::Board>,
    step: Step,
    at: &str,
) -> Rc<alignment_board::core::model::Board> {
    let action = Action::AnswerDependency {
        id: "d-1".into(),
        step,
        note: String::new(),
        promised: None,
    };
    reduce(board, action, ts(at)).unwrap()
}

#[test]
fn a_reopening_or_an_edit_in_a_slice_is_weighed_by_its_time_and_the_board_s_is_kept() {
    let board = Rc::new(small_board());
    let board = answered(&board, Step::Accept, "2026-11-19T09:00:00Z");
    let board = answered(&board, Step::Deliver, "2026-11-21T09:00:00Z");
    let cut =
        alignment_board::core::slice::export(&board, &["t-2".into()], ts("2026-11-23T09:00:00Z"));
    let verdict = |board: &Rc<alignment_board::core::model::Board>,
                   team: alignment_board::core::model::Board| {
        let made = plan(board, &[Incoming::board("platform.alignment.json", team)]);
        let merge = made.files[0].outcome.as_ref().unwrap();
        let item = merge.of(Kind::Dependency).next().unwrap();
        (item.verdict.clone(), made)
    };
    // The team reopens the delivery in its slice: a change of the slice's, newer than the
    // board's copy, shown and taken by default (it was lost as "the same" when a reopening
    // stamped no time).
    let reopened = answered(&Rc::new(cut.clone()), Step::Reopen, "2026-11-24T09:00:00Z");
    let (found, made) = verdict(&board, (*reopened).clone());
    let Verdict::Conflict(difference) = found else {
        panic!("shown: {found:?}");
    };
    assert_eq!(difference.default, Side::File);
    let merged = apply(&board, &made, &Choices::default()).unwrap().board;
    assert_eq!(merged.dependencies[0].state, DependencyState::Accepted);
    // The board reopens it after the cut, and the slice comes back as it was sent: the
    // board's reopening stays, without asking.
    let on_board = answered(&board, Step::Reopen, "2026-11-24T09:00:00Z");
    let (found, _) = verdict(&on_board, cut.clone());
    assert!(matches!(found, Verdict::Same), "{found:?}");
    // A change that stamps no time (the need edited in the slice) is shown by the usual
    // rules: both sides carry the same time, so neither is newer and the board's stays.
    let mut edited = cut.clone();
    edited.dependencies[0].need = "The whole API".into();
    let (found, _) = verdict(&board, edited);
    let Verdict::Conflict(difference) = found else {
        panic!("shown: {found:?}");
    };
    assert_eq!(difference.default, Side::Board);
}

#[test]
fn a_delivery_sent_back_a_slice_of_a_slice_and_another_slice_s_board() {
    let mut board = Rc::new(small_board());
    let monday = ts("2026-11-23T09:00:00Z");
    let accept = Action::AnswerDependency {
        id: "d-1".into(),
        step: Step::Accept,
        note: String::new(),
        promised: None,
    };
    board = reduce(&board, accept, ts("2026-11-20T09:00:00Z")).unwrap();
    let export = alignment_board::core::slice::export;
    let cut = export(&board, &["t-2".into()], monday);
    // Platform delivers what Product asked of it: the delivery is stamped with its time.
    let deliver = Action::AnswerDependency {
        id: "d-1".into(),
        step: Step::Deliver,
        note: String::new(),
        promised: None,
    };
    let tuesday = ts("2026-11-24T09:00:00Z");
    let team_board = reduce(&Rc::new(cut), deliver, tuesday).unwrap();
    let files = [Incoming::board(
        "platform.alignment.json",
        (*team_board).clone(),
    )];
    let made = plan(&board, &files);
    let merge = made.files[0].outcome.as_ref().unwrap();
    // A new state is shown, and the slice's delivery, newer than the board's copy, is
    // what merging takes unless the person picks the board's.
    let delivered = merge.of(Kind::Dependency).next().unwrap();
    let Verdict::Conflict(difference) = &delivered.verdict else {
        panic!("shown, not taken silently: {:?}", delivered.verdict);
    };
    assert_eq!(difference.default, Side::File);
    let merged = apply(&board, &made, &Choices::default()).unwrap().board;
    let d = &merged.dependencies[0];
    assert_eq!(
        (d.state, d.delivered_at),
        (DependencyState::Delivered, Some(tuesday))
    );
    // A slice cut again from the team's board keeps the first cut's time and teams.
    let again = export(&team_board, &["t-1".into(), "t-2".into()], tuesday);
    let marked = again.slice.clone().unwrap();
    assert_eq!(
        (marked.cut_at, marked.team_ids),
        (monday, vec!["t-2".to_string()])
    );
    // On another slice's board, a file's cut says nothing: the board lacks what changed
    // before it, and the usual rules go.
    let mut other = (*board).clone();
    other.slice = Some(alignment_board::core::model::Cut {
        team_ids: vec!["t-1".into()],
        cut_at: ts("2026-11-25T09:00:00Z"),
    });
    let mut wizard = team_board.initiative("i-1").unwrap().clone();
    wizard.progress = 77;
    let changed = reduce(&team_board, Action::UpdateInitiative(wizard), tuesday).unwrap();
    let files = [Incoming::board(
        "platform.alignment.json",
        (*changed).clone(),
    )];
    let on_whole = plan(&board, &files);
    let on_other = plan(&other, &files);
    let verdict = |made: &alignment_board::core::combine::MergePlan| {
        let merge = made.files[0].outcome.as_ref().unwrap();
        merge
            .of(Kind::Initiative)
            .find(|i| i.id == "i-1")
            .unwrap()
            .verdict
            .clone()
    };
    let Verdict::Conflict(asked) = verdict(&on_whole) else {
        panic!("Product's work changed in Platform's slice is asked about")
    };
    assert_eq!(asked.since_cut, Some(SinceCut::OtherTeam));
    let Verdict::Changed(usual) = verdict(&on_other) else {
        panic!(
            "on another slice, the usual rules: {:?}",
            verdict(&on_other)
        )
    };
    assert_eq!((usual.since_cut, usual.default), (None, Side::File));
}
