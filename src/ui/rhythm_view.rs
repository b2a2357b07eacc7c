//! The rhythm view: what is due for a check-in (by team and owner), the next review and
//! planning dates, what happened since the last review, a comparison with any snapshot
//! file, and the guided review that steps through the due work from the keyboard.

use super::check_in::CheckInEditor;
use super::clock::{local_now, now};
use super::dates::{full_stop, short_date, short_day};
use super::dom::active_element;
use super::fields::team_chips;
use super::files::ImportButton;
use super::focus::use_successor_focus;
use super::page_query::{team_of_view, KeptTeam, TeamShown};
use super::state::{use_board, use_day, BoardContext, DialogKind, Msg};
use super::subject_link::subject_link;
use crate::core::action::Action;
use crate::core::days::relative;
use crate::core::diff::{diff, Change, Diff, Kind};
use crate::core::health::{Analysis, Subject};
use crate::core::model::{Board, CheckIn, Id, Review, ReviewKind, Status, Team};
use crate::core::rhythm::{due, last_review, last_round, since, CountedFrom, Happened};
use crate::core::snapshot;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

mod due;
mod review;
mod summary;
use due::{due_list, review_queue, DUE_ROWS};
pub use review::KeptReview;
use review::{at_summary, review_step, step_words, Mode, ModeHandle, Outcome, Run};
use summary::review_summary;

#[derive(Properties, PartialEq)]
pub struct RhythmViewProps {
    pub board: Rc<Board>,
    pub analysis: Rc<Analysis>,
    pub on_reveal: Callback<Subject>,
    pub on_error: Callback<String>,
    /// The guided review, kept while another view is shown.
    pub review: KeptReview,
    /// The team whose rhythm the view showed last, kept by the app while another view
    /// shows (or the team the board is filtered to).
    #[prop_or_default]
    pub kept: KeptTeam,
    /// On the board's own page, where the team whose figures are shown is told, for the
    /// page's address (`?of=`): a reload or a copied address shows them.
    #[prop_or_default]
    pub address: Option<TeamShown>,
}

#[function_component]
pub fn RhythmView(props: &RhythmViewProps) -> Html {
    let context = use_board();
    let board = &props.board;
    let mode = ModeHandle::new(&props.review, use_force_update());
    let current = mode.get();
    // Back from another view, the review goes on where it was, and says so; focus stays on
    // the view's tab the person chose, until the review moves on.
    let resumed_at = use_state(|| match &current {
        Mode::Review(run) => Some(run.position),
        _ => None,
    });
    {
        let words = match &current {
            Mode::Review(run) => step_words(board, run),
            Mode::Summary(run) => Some(at_summary(board, run)),
            Mode::Overview => None,
        };
        let dispatch = context.dispatch.clone();
        use_effect_with((), move |()| {
            if let Some(words) = words {
                dispatch.dispatch(Msg::Say(format!("Guided review resumed. {words}")));
            }
        });
    }
    // Entering the summary moves focus to its heading, so the keyboard carries on from
    // there; leaving the review (recorded, or closed) moves it to the view's heading when
    // the button used went with the review.
    let root = use_node_ref();
    {
        let root = root.clone();
        // The stage, and in a review the step it is at.
        let (stage, step) = match &current {
            Mode::Overview => (0, 0),
            Mode::Review(run) if mode.ending() => (3, run.position),
            Mode::Review(run) => (1, run.position),
            Mode::Summary(_) => (2, 0),
        };
        let last = use_mut_ref(|| (stage, step));
        use_effect_with((stage, step), move |&(stage, step)| {
            let (from, at) = last.replace((stage, step));
            let Some(root) = root.cast::<web_sys::Element>() else {
                return;
            };
            let lost = || {
                active_element(&root)
                    .is_none_or(|a| a.tag_name() == "BODY" || a.class_list().contains("ab-app"))
            };
            // End review asking first: on its first answer, Keep reviewing; kept on the same
            // step, back on End review (a step moved on to puts focus in its own form).
            let asked = match (from, stage) {
                (3, 3) => None,
                (_, 3) => Some(".ab-review__confirm button"),
                (3, 1) if at == step => Some("[data-end-review]"),
                _ => None,
            };
            if let Some(button) = asked.and_then(|s| root.query_selector(s).ok().flatten()) {
                if let Ok(button) = button.dyn_into::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
                return;
            }
            if (stage == 2 && from != 2) || (stage == 0 && from != 0 && lost()) {
                if let Some(heading) = root
                    .query_selector("h2")
                    .ok()
                    .flatten()
                    .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = heading.focus();
                }
            }
        });
    }
    // A question End review asked goes with the view: back, the review shows its step.
    {
        let mode = mode.clone();
        use_effect_with((), move |()| move || mode.forget_question());
    }
    let compared = use_state(|| None::<(String, Rc<Board>)>);
    // One team's rhythm, for its lead: what is due, its figures and the guided review.
    let scope = use_state(|| match &current {
        // Back to a team's round: the team's rhythm, as it was left.
        Mode::Review(run) | Mode::Summary(run) => run.team.as_ref().map(|(id, _)| id.clone()),
        Mode::Overview => props
            .address
            .as_ref()
            .and_then(|_| team_of_view(board, "rhythm"))
            .or_else(|| props.kept.get(board)),
    });
    {
        let root = root.clone(); // The team shown, in sight in its row of chips.
        use_effect_with((*scope).clone(), move |_| {
            crate::ui::fields::reveal_pressed_chips(&root)
        });
    }
    // A team deleted meanwhile, or the only one left: the whole board's rhythm.
    let scope_team = (*scope)
        .as_deref()
        .and_then(|id| board.team(id))
        .filter(|_| board.teams.len() > 1);
    // The team shown goes into the page's address, with the view's entry (`TeamShown`).
    {
        let (address, shown) = (props.address.clone(), scope_team.map(|t| t.id.clone()));
        let kept = props.kept.clone();
        use_effect_with(shown, move |shown| {
            kept.keep(shown.clone());
            if let Some(address) = address {
                address.show(shown.as_ref(), "rhythm");
            }
        });
    }
    let choose_team = {
        let scope = scope.clone();
        Callback::from(move |team: Option<Id>| scope.set(team))
    };
    let now = local_now();
    let today = use_day();
    // A team's slice is due for its own teams' work: the others' it holds only to show.
    let teams = match scope_team {
        Some(team) => Some(vec![team.id.as_str()]),
        None => board.own_teams(),
    };
    let due_now = match &teams {
        Some(teams) => due(board, now).of_teams(board, teams),
        None => due(board, now),
    };

    let on_compare = {
        let (compared, on_error) = (compared.clone(), props.on_error.clone());
        Callback::from(
            move |(name, text): (String, String)| match snapshot::read(&text) {
                Ok(loaded) => compared.set(Some((name, Rc::new(loaded.board)))),
                Err(error) => on_error.emit(format!("{name} cannot be compared: {error}")),
            },
        )
    };
    let record_now = {
        let (dispatch, board, score) = (
            context.dispatch.clone(),
            board.clone(),
            props.analysis.board.score,
        );
        Callback::from(move |_| {
            let summary =
                "Nothing was due: all active work was checked in on, or added, within the rhythm.";
            summary::record_review(
                &dispatch,
                &board,
                score,
                summary.to_string(),
                (ReviewKind::Review, None),
            );
        })
    };
    let start_review = {
        let (mode, board, dispatch) = (mode.clone(), board.clone(), context.dispatch.clone());
        let queue: Vec<Id> = review_queue(&board, &due_now.items);
        // A slice of one team reviews that team's work: its round, as on the whole board.
        let team = scope_team
            .or_else(|| slice_team(&board))
            .map(|t| (t.id.clone(), t.name.clone()));
        let score_before = props.analysis.board.score;
        Callback::from(move |_| {
            if queue.is_empty() {
                return;
            }
            let run = Run {
                start: board.clone(),
                queue: queue.clone(),
                position: 0,
                outcome: vec![Outcome::Pending; queue.len()],
                saved: vec![None; queue.len()],
                team: team.clone(),
                score_before,
            };
            // Focus goes to the first step's form: this says where the review starts.
            if let Some(words) = step_words(&board, &run) {
                let what = run
                    .team
                    .as_ref()
                    .map_or("Guided review".to_string(), |(_, team)| {
                        format!("{team}'s check-in round")
                    });
                dispatch.dispatch(Msg::Say(format!("{what} started. {words}")));
            }
            mode.set(Mode::Review(run))
        })
    };

    // Checked in, an initiative leaves what is due, and its Check in button with it: focus
    // then goes to the button now in its place.
    let note_check_in = use_successor_focus(&root, DUE_ROWS, "button[data-check-in]", None);
    let on_check_in = use_callback(
        (context.on_dialog.clone(), note_check_in),
        |id: Id, (on_dialog, note_check_in)| {
            note_check_in.emit(());
            on_dialog.emit(Some(DialogKind::CheckIn(id)))
        },
    );

    match current {
        Mode::Review(run) => {
            let autofocus = *resumed_at != Some(run.position);
            return html! { <div ref={root}>{ review_step(props, &context, &mode, run, autofocus) }</div> };
        }
        Mode::Summary(run) => {
            return html! { <div ref={root}>{ review_summary(props, &context, &mode, run) }</div> }
        }
        Mode::Overview => {}
    }

    let active = due_now.items.len() + due_now.fresh;
    // A team's slice holds no reviews: they are the whole board's, dated there.
    let reviews_elsewhere = board.slice.is_some() && last_review(board).is_none();
    let next_review = match due_now.next_review {
        _ if reviews_elsewhere => "kept on the whole board".to_string(),
        Some(d) => format!("{} ({})", short_date(d), relative(d, today)),
        None => "no date yet".to_string(),
    };
    let last_review = match last_review(board) {
        _ if reviews_elsewhere => "kept on the whole board".to_string(),
        Some(at) => format!("{} ({})", short_day(at), relative(now.day_of(at), today)),
        None => "none yet".to_string(),
    };
    // A team's own check-in rounds: the whole board's reviews are not the team's.
    let last_round = scope_team.map(|team| match last_round(board, &team.id) {
        _ if reviews_elsewhere => "kept on the whole board".to_string(),
        Some(at) => format!("{} ({})", short_day(at), relative(now.day_of(at), today)),
        None => "none yet".to_string(),
    });
    let next_planning = match due_now.next_planning {
        _ if reviews_elsewhere => "kept on the whole board".to_string(),
        Some(d) => format!("{} ({})", short_date(d), relative(d, today)),
        None => "no date yet".to_string(),
    };

    html! {
        <section class="ab-rhythm" aria-labelledby="ab-rhythm-title" ref={root}>
            <div class="ab-rhythm__head">
                <div>
                    <h2 id="ab-rhythm-title" tabindex="-1">{ "Operating rhythm" }</h2>
                    <p class="ab-allocation__lede">
                        { format!("Check-ins every {} days, reviews every {} days, planning every {} days.",
                            board.rhythm.check_in_days, board.rhythm.review_days, board.rhythm.planning_days) }
                    </p>
                </div>
                if !context.read_only {
                    <div class="ab-toolbar__group">
                        // A slice holds part of the board: its reviews and its planning are
                        // the whole board's.
                        if due_now.items.is_empty() && scope_team.is_none() && board.slice.is_none() {
                            // Nothing to step through: the review is recorded as it stands, so
                            // that "since the last review" has its starting point.
                            <button type="button" class="ab-button ab-button--primary" onclick={record_now}>{ "Record review" }</button>
                        } else if !due_now.items.is_empty() {
                            <button type="button" class="ab-button ab-button--primary" onclick={start_review}>
                                { scope_team.or_else(|| slice_team(board)).map_or("Start guided review".to_string(), |team| format!("Start guided review of {}", team.name)) }
                            </button>
                        }
                        if board.slice.is_none() {
                            <button type="button" class="ab-button"
                                    onclick={context.on_dialog.reform(|_| Some(DialogKind::NewPeriod))}>{ "Start next period…" }</button>
                        }
                    </div>
                }
            </div>
            if board.teams.len() > 1 {
                { team_chips(board, "Show the rhythm of", "All teams", &scope_team.map(|t| t.id.clone()), &choose_team) }
            }
            <dl class="ab-facts">
                <div><dt>{ "Due for a check-in" }</dt><dd>{ format!("{} of {active} active initiatives", due_now.items.len()) }</dd></div>
                <div><dt>{ "Next review" }</dt><dd>{ next_review }</dd></div>
                <div><dt>{ "Next planning" }</dt><dd>{ next_planning }</dd></div>
                <div><dt>{ "Last review" }</dt><dd>{ last_review }</dd></div>
                if let Some(last_round) = last_round {
                    <div><dt>{ "Last check-in round" }</dt><dd>{ last_round }</dd></div>
                }
            </dl>

            <h3 class="ab-health__heading">
                { scope_team.map_or("What is due".to_string(), |team| format!("What is due in {}", team.name)) }
            </h3>
            { due_list(props, &context, &due_now.items, &on_check_in, scope_team.map(|t| (t.name.as_str(), due_now.fresh > 0))) }

            <h3 class="ab-health__heading">
                { scope_team.map_or("Since the last review".to_string(), |team| format!("Since the last review, in {}", team.name)) }
            </h3>
            { since_list(props, scope_team) }

            <h3 class="ab-health__heading">{ "Compare with a snapshot" }</h3>
            <p class="ab-allocation__lede">{ "Choose an exported snapshot (last quarter's, another team's copy) to see what differs from this board." }</p>
            <ImportButton class="ab-button" label="Choose a snapshot to compare…" on_import={on_compare} on_error={props.on_error.clone()} />
            if let Some((name, other)) = &*compared {
                <section class="ab-compare" aria-label={format!("Compared with {name}")}>
                    <h4>{ format!("This board compared with {name}") }</h4>
                    { diff_list(&diff(other, board), "h5", "No differences: the two boards hold the same priorities, initiatives, teams, people, dependencies and decisions.") }
                </section>
            }
        </section>
    }
}

/// What changed since the board's last review: all of it, or the team's (`team`).
fn since_list(props: &RhythmViewProps, team: Option<&Team>) -> Html {
    let board = &props.board;
    let Some(at) = last_review(board) else {
        let why = match board.slice {
            Some(_) => "Reviews are kept on the whole board: this slice has none to count from.",
            None => "No review recorded yet: the first guided review sets the starting point.",
        };
        return html! { <p class="ab-empty-hint">{ why }</p> };
    };
    let mut happened = since(board, at);
    if let Some(team) = team {
        happened.retain(|h| h.concerns(board, &team.id));
    }
    if happened.is_empty() {
        let what = team.map_or("Nothing".to_string(), |t| {
            format!("Nothing of {}'s", t.name)
        });
        let day = short_day(at);
        return html! { <p class="ab-empty-hint">{ format!("{what} has changed since the review of {day}{}", full_stop(&day)) }</p> };
    }
    // One row per initiative (most recently changed first), summing up its changes; one
    // row per decision and dependency.
    struct Row {
        /// Unique in the list: the kind of thing, then its id.
        key: String,
        subject: Option<Subject>,
        name: String,
        parts: Vec<String>,
    }
    let mut rows: Vec<Row> = Vec::new();
    let mut row_of: Vec<Option<usize>> = vec![None; board.initiatives.len()];
    // Per initiative: check-ins counted, and the status and progress before the first.
    let mut tally: Vec<(usize, Option<Status>, Option<u8>)> =
        vec![(0, None, None); board.initiatives.len()];
    for h in &happened {
        if let Happened::CheckedIn {
            initiative,
            status_before,
            progress_before,
            ..
        } = h
        {
            let t = &mut tally[*initiative];
            if t.0 == 0 {
                t.1 = *status_before;
                t.2 = *progress_before;
            }
            t.0 += 1;
        }
    }
    for h in happened.iter().rev() {
        match h {
            Happened::Added { initiative }
            | Happened::Edited { initiative }
            | Happened::CheckedIn { initiative, .. } => {
                let i = &board.initiatives[*initiative];
                let at = *row_of[*initiative].get_or_insert_with(|| {
                    rows.push(Row {
                        key: format!("initiative {}", i.id),
                        subject: Some(Subject::Initiative(i.id.clone())),
                        name: i.title.clone(),
                        parts: Vec::new(),
                    });
                    rows.len() - 1
                });
                match h {
                    Happened::Added { .. } => rows[at].parts.push("added".into()),
                    Happened::Edited { .. } if tally[*initiative].0 > 0 => {
                        rows[at].parts.push("edited since its last check-in".into())
                    }
                    Happened::Edited { .. } => {
                        rows[at].parts.push("edited without a check-in".into())
                    }
                    _ => {}
                }
            }
            Happened::Decided { decision } => {
                let d = &board.decisions[*decision];
                rows.push(Row {
                    key: format!("decision {}", d.id),
                    subject: None,
                    name: d.title.clone(),
                    parts: vec![format!("decided {}", short_day(d.decided_at))],
                });
            }
            Happened::Dependency { dependency } => {
                let d = &board.dependencies[*dependency];
                rows.push(Row {
                    key: format!("dependency {}", d.id),
                    subject: Some(Subject::Dependency(d.id.clone())),
                    name: d.need.clone(),
                    parts: vec![super::dates::delivered_on(d, local_now()).map_or_else(
                        || format!("dependency {}", d.state.key()),
                        |on| format!("dependency {on}"),
                    )],
                });
            }
        }
    }
    for (i, at) in row_of.iter().enumerate() {
        let (Some(at), (count, status_before, progress_before)) = (at, tally[i]) else {
            continue;
        };
        // Where it stands now, on its card: an edit after its last check-in counts too.
        let (status, progress) = (
            Some(board.initiatives[i].status),
            Some(board.initiatives[i].progress),
        );
        if count == 0 {
            continue;
        }
        let mut part = crate::ui::forms::count(count, "check-in", "check-ins");
        match (status_before, status) {
            (Some(before), Some(after)) if before != after => {
                part.push_str(&format!(", {} → {}", before.label(), after.label()))
            }
            // Its first check-ins, or its progress come to 100 % with its status as it was:
            // where it stands now, its status with its progress (a card at 100 % is not Done
            // until it says so).
            (None, Some(after)) => part.push_str(&format!(", now {}", after.label())),
            (Some(_), Some(after))
                if progress == Some(100)
                    && progress_before != progress
                    && after != Status::Done =>
            {
                part.push_str(&format!(", still {}", after.label()))
            }
            _ => {}
        }
        match (progress_before, progress) {
            (Some(before), Some(after)) if before != after => {
                part.push_str(&format!(", {before} % → {after} %"))
            }
            (None, Some(after)) => part.push_str(&format!(", {after} %")),
            _ => {}
        }
        rows[*at].parts.insert(0, part);
    }
    let count = rows.len();
    let items = rows.into_iter().map(|row| {
        html! {
            <SinceRow key={row.key} subject={row.subject} name={row.name}
                reason={row.parts.join("; ")} on_reveal={props.on_reveal.clone()} />
        }
    });
    html! {
        <>
            <p class="ab-allocation__lede">{ format!("{} changed since the review of {}, the most recent first. Changed cards are marked on the board.",
                crate::ui::forms::count(count, "item", "items"), short_day(at)) }</p>
            <ul class="ab-findings ab-since" aria-label="Changes since the last review">{ for items }</ul>
        </>
    }
}

/// One change since the last review: what changed (a link to it on the board, when it is
/// there) and how.
#[derive(Properties, PartialEq)]
struct SinceRowProps {
    subject: Option<Subject>,
    name: AttrValue,
    reason: AttrValue,
    on_reveal: Callback<Subject>,
}

#[function_component]
fn SinceRow(props: &SinceRowProps) -> Html {
    html! {
        <li class="ab-finding">
            { subject_link(props.subject.clone(), &props.name, &props.on_reveal) }
            <span class="ab-finding__reason">{ &props.reason }</span>
        </li>
    }
}

/// The differences between two boards, by kind, as lists a person can scan, each under a
/// heading of `level` (one below the heading the list is under); `none` says there are
/// none, in the words of where the list is.
pub fn diff_list(d: &Diff, level: &'static str, none: &'static str) -> Html {
    if d.is_empty() {
        return html! { <p class="ab-empty-hint">{ none }</p> };
    }
    let groups = Kind::ALL.into_iter().filter_map(|kind| {
        let (added, removed, changed) = d.counts(kind);
        if added + removed + changed == 0 {
            return None;
        }
        let counts = format!("{added} added, {removed} removed, {changed} changed");
        let items = d.items.iter().filter(|x| x.kind == kind).map(|x| {
            let (class, word) = match x.change {
                Change::Added => ("ab-finding ab-diff--added", "added"),
                Change::Removed => ("ab-finding ab-diff--removed", "removed"),
                Change::Changed(_) => ("ab-finding ab-diff--changed", "changed"),
            };
            let fields = match &x.change {
                Change::Changed(fields) => fields
                    .iter()
                    .map(|f| format!("{}: {} → {}", f.name, f.before, f.after))
                    .collect::<Vec<_>>()
                    .join("; "),
                _ => String::new(),
            };
            html! {
                <li key={x.id.as_str()} class={class}>
                    <span class="ab-finding__name">{ &x.name }</span>
                    <span class="ab-finding__kind">{ word }</span>
                    <span class="ab-finding__reason">{ fields }</span>
                </li>
            }
        });
        Some(html! {
            <section key={plural_kind(kind)} class="ab-diff__group" aria-label={format!("{}: {counts}", plural_kind(kind))}>
                <@{level}>{ format!("{} · {counts}", capital(plural_kind(kind))) }</@>
                <ul class="ab-findings">{ for items }</ul>
            </section>
        })
    });
    html! { <div class="ab-diff">{ for groups }</div> }
}

fn plural_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Priority => "priorities",
        Kind::Initiative => "initiatives",
        Kind::Team => "teams",
        Kind::Person => "people",
        Kind::Dependency => "dependencies",
        Kind::Decision => "decisions",
    }
}

fn capital(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The team of a slice cut for one team: its guided review is that team's check-in round.
fn slice_team(board: &Board) -> Option<&Team> {
    match board.slice.as_ref()?.team_ids.as_slice() {
        [team] => board.team(team),
        _ => None,
    }
}
