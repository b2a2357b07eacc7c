//! Asking another team for something, answering such a request, and recording a decision
//! (a `stop` decision can drop the work it stops in the same step).

use super::form::{as_it_was, use_delete_question, use_form, FormProps, Problems};
use crate::core::action::Action;
use crate::core::coordination::Step;
use crate::core::model::{Board, Decision, DecisionKind, Dependency, DependencyState, Id};
use crate::core::time::Date;
use crate::ui::clock::now;
use crate::ui::dates::short_date;
use crate::ui::dialog::Modal;
use crate::ui::fields::{
    optional_id, parse_optional_date, people_options, set_to, SelectField, TextField,
};
use crate::ui::state::{use_day, Msg};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AskProps {
    pub form: FormProps,
    /// Whether `form.id` is a request to edit, not the initiative that asks.
    pub editing: bool,
}

/// "Ask another team": `id` is the asking initiative; or, `editing`, a request: the asking
/// team's form to change what it asks, by when, and (while unanswered) of whom, or to delete
/// the request.
#[function_component]
pub fn AskForm(ask: &AskProps) -> Html {
    let props = &use_form(&ask.form);
    let board = &props.board;
    // The request as the form opened on it: were another tab to delete it meanwhile, Save
    // is refused with the core's reason, not taken for a new request.
    let existing = (*use_state(|| {
        props
            .id
            .as_deref()
            .filter(|_| ask.editing)
            .and_then(|id| board.dependencies.find(id))
            .cloned()
    }))
    .clone();
    let asking = match (&existing, ask.editing) {
        (Some(request), _) => Some(request.from_initiative_id.as_str()),
        (None, true) => None,
        (None, false) => props.id.as_deref(),
    }
    .and_then(|id| board.initiative(id))
    .cloned();
    let team = use_state(|| match &existing {
        Some(request) => request.to_team_id.clone(),
        None => board
            .teams
            .iter()
            .find(|t| asking.as_ref().is_some_and(|a| a.team_id != t.id))
            .map(|t| t.id.clone())
            .unwrap_or_default(),
    });
    let was = |get: fn(&Dependency) -> String| as_it_was(&existing, get);
    let need = use_state(was(|d| d.need.clone()));
    let due = use_state(was(|d| {
        d.due.map(|due| due.to_string()).unwrap_or_default()
    }));
    let error = use_state(Problems::default);
    let question = use_delete_question();
    let confirming = question.confirming.clone();
    let Some(asking) = asking else {
        return Html::default();
    };
    let asked_name = |id: &str| board.team(id).map_or("?".to_string(), |t| t.name.clone());

    if let (true, Some(request)) = (*confirming, &existing) {
        let on_delete = {
            let (props, id) = (props.clone(), request.id.clone());
            Callback::from(move |_| {
                let _ = props.submit(Action::DeleteDependency(id.clone()), None);
            })
        };
        return question.ask(
            "Delete this request?".into(),
            html! {
                <>
                    <p>{ format!("“{}” is no longer asked of {}, nor counted in Health or Coordination. Undo brings it back.", request.need, asked_name(&request.to_team_id)) }</p>
                </>
            },
            "Delete request",
            on_delete,
        );
    }

    // Another team may be asked until the asked one has answered.
    let answered = existing
        .as_ref()
        .filter(|d| d.state != DependencyState::Requested);
    let teams: Vec<(AttrValue, AttrValue)> = board
        .teams
        .iter()
        .filter(|t| t.id != asking.team_id)
        .map(|t| (t.id.clone().into(), t.name.clone().into()))
        .collect();
    let on_submit = {
        let (team, need, due, error, props, from) = (
            team.clone(),
            need.clone(),
            due.clone(),
            error.clone(),
            props.clone(),
            asking.id.clone(),
        );
        let existing = existing.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if need.trim().is_empty() {
                error.set(Problems::at("need", "Say what is needed"));
                return;
            }
            let due_date = match parse_optional_date(&due, "A due date like 2026-12-15, or none") {
                Ok(date) => date,
                Err(why) => return error.set(Problems::at("due", why)),
            };
            let action = match &existing {
                Some(request) => Action::UpdateDependency(Dependency {
                    to_team_id: (*team).clone(),
                    need: need.trim().to_string(),
                    due: due_date,
                    ..request.clone()
                }),
                None => Action::AskDependency(Dependency {
                    id: crate::ui::ids::fresh(&props.board, "d"),
                    from_initiative_id: from.clone(),
                    to_team_id: (*team).clone(),
                    to_initiative_id: None,
                    need: need.trim().to_string(),
                    due: due_date,
                    promised: None,
                    state: DependencyState::Requested,
                    requested_at: now(),
                    answered_at: None,
                    answer_note: String::new(),
                    delivered_at: None,
                }),
            };
            error.set(Problems::from_result(props.submit(action, None)));
        })
    };
    let title = match &existing {
        Some(request) => format!("Edit request: {}", request.need),
        None => format!("Ask another team: {}", asking.title),
    };
    html! {
        <Modal {title} on_close={props.close()} ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                if existing.is_some() {
                    <p>{ format!("Asked for “{}”.", asking.title) }</p>
                }
                <div class="ab-form__fields">
                    if let Some(request) = answered {
                        <p class="ab-field__hint">{ format!("Asked of {}, which has {} it: to ask another team, delete this request and ask anew.", asked_name(&request.to_team_id), request.state.key()) }</p>
                    } else if teams.is_empty() {
                        <p class="ab-field__hint">{ "There is no other team to ask. Add one first." }</p>
                    } else {
                        <SelectField label="Ask" value={(*team).clone()} options={teams} on_change={set_to(&team)} />
                    }
                    <TextField label="What is needed" value={(*need).clone()} on_change={set_to(&need)} required=true
                               hint="One thing the other team can say yes or no to" error={error.field("need")} />
                    <TextField label="Needed by" kind="date" value={(*due).clone()} on_change={set_to(&due)} error={error.field("due")}
                               hint={existing.is_some().then_some("A date agreed anew with the asked team goes here")} />
                </div>
                { error.general() }
                <div class="ab-dialog__actions">
                    if existing.is_some() { { question.button() } }
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ "Cancel" }</button>
                    <button type="submit" class="ab-button ab-button--primary">{ if existing.is_some() { "Save" } else { "Send request" } }</button>
                </div>
            </form>
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
pub struct AnswerProps {
    pub form: FormProps,
    pub step: Step,
}

/// Accepting or declining a request, with a note for the asking team.
#[function_component]
pub fn AnswerForm(props: &AnswerProps) -> Html {
    let form = &use_form(&props.form);
    let note = use_state(String::new);
    let error = use_state(|| None::<String>);
    let found = form
        .id
        .as_deref()
        .and_then(|id| form.board.dependencies.iter().find(|d| d.id == id))
        .cloned();
    // Accepting, or reopening a delivery, the providing team says by when: the date it
    // promised or was asked for, or one it can keep.
    let due = use_state(|| {
        found
            .as_ref()
            .and_then(|d| d.promised.or(d.due))
            .map_or(String::new(), |d| d.to_string())
    });
    let due_error = use_state(|| None::<AttrValue>);
    let today = use_day();
    let Some(dependency) = found else {
        return Html::default();
    };
    let step = props.step;
    let dated = step == Step::Accept
        || (step == Step::Reopen && dependency.state == DependencyState::Delivered);
    let on_submit = {
        let (note, error, form, id) = (
            note.clone(),
            error.clone(),
            form.clone(),
            dependency.id.clone(),
        );
        let (due, due_error) = (due.clone(), due_error.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let promised = match dated {
                true => match parse_optional_date(&due, "A date like 2026-12-15") {
                    Ok(promised) => promised,
                    Err(why) => return due_error.set(Some(why.into())),
                },
                false => None,
            };
            due_error.set(None);
            let action = Action::AnswerDependency {
                id: id.clone(),
                step,
                note: note.trim().to_string(),
                promised,
            };
            if let Err(reason) = form.submit(action, None) {
                error.set(Some(reason));
            }
        })
    };
    let asking = form
        .board
        .initiative(&dependency.from_initiative_id)
        .map_or(String::new(), |i| i.title.clone());
    html! {
        <Modal title={format!("{}: {}", step.label(), dependency.need)} on_close={form.close()} ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                <p>{ format!("Asked for “{asking}”.") }</p>
                <div class="ab-form__fields">
                    if dated {
                        <TextField label="Deliver by" kind="date" value={(*due).clone()} on_change={set_to(&due)}
                                   error={(*due_error).clone()} hint={deliver_by_hint(dependency.due, &due, today)} />
                    }
                    <TextField label="Note for the asking team" multiline=true value={(*note).clone()} on_change={set_to(&note)}
                               hint={match step {
                                   Step::Decline => "Why not, or what would make it possible",
                                   Step::Reopen => "What is still missing",
                                   _ => "Anything they should know",
                               }} />
                </div>
                if let Some(message) = &*error { <p class="ab-dialog__error" role="alert">{ message }</p> }
                <div class="ab-dialog__actions">
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={form.close().reform(|_| ())}>{ "Cancel" }</button>
                    <button type="submit" class={if step == Step::Decline { "ab-button ab-button--danger" } else { "ab-button ab-button--primary" }}>
                        { step.label() }
                    </button>
                </div>
            </form>
        </Modal>
    }
}

/// What the answer's date says under it: the date the asking team needs it by, kept as
/// asked whatever is promised, when that date has passed or the field holds another.
fn deliver_by_hint(asked: Option<Date>, typed: &str, today: Date) -> Option<AttrValue> {
    let asked = asked?;
    let said = format!(
        "Needed by {} ({})",
        short_date(asked),
        crate::core::days::due(asked, today)
    );
    let later = Date::parse(typed.trim())
        .and_then(|promised| crate::core::days::later_than_needed(promised, asked))
        .map_or(String::new(), |later| format!(" That is {later}."));
    match (asked < today, typed.trim() == asked.to_string()) {
        (true, true) => Some(format!("{said}: give the date you can deliver by.").into()),
        (_, false) => Some(format!("{said}: the asking team sees both dates.{later}").into()),
        (false, true) => None,
    }
}

/// Recording a decision: title, kind, rationale, owner, the priorities and teams it
/// affects, a revisit date; a stop decision lists the active work it can drop. With
/// `props.id`, the recorded decision, to correct or delete: when it was decided stays, and
/// work a stop dropped stays dropped (Undo takes that back).
#[function_component]
pub fn DecisionForm(fields: &FormProps) -> Html {
    let props = &use_form(fields);
    let board = &props.board;
    // The decision as the form opened on it: were another tab to delete it meanwhile, Save
    // is refused with the core's reason, not taken for a new decision.
    let existing = (*use_state(|| {
        props
            .id
            .as_deref()
            .and_then(|id| board.decisions.find(id))
            .cloned()
    }))
    .clone();
    let was = |get: fn(&Decision) -> String| as_it_was(&existing, get);
    let title = use_state(was(|d| d.title.clone()));
    let kind = use_state(|| {
        existing
            .as_ref()
            .map_or(DecisionKind::Commit, |d| d.kind)
            .key()
            .to_string()
    });
    let rationale = use_state(was(|d| d.rationale.clone()));
    let owner = use_state(was(|d| d.owner_id.clone().unwrap_or_default()));
    let revisit = use_state(was(|d| {
        d.revisit_on.map(|on| on.to_string()).unwrap_or_default()
    }));
    let priorities = use_state(|| {
        existing
            .as_ref()
            .map(|d| d.priority_ids.clone())
            .unwrap_or_default()
    });
    let teams = use_state(|| {
        existing
            .as_ref()
            .map(|d| d.team_ids.clone())
            .unwrap_or_default()
    });
    let drop = use_state(Vec::<Id>::new);
    let error = use_state(Problems::default);
    let question = use_delete_question();
    let confirming = question.confirming.clone();

    if let (true, Some(decision)) = (*confirming, &existing) {
        let on_delete = {
            let (props, id) = (props.clone(), decision.id.clone());
            Callback::from(move |_| {
                let _ = props.submit(Action::DeleteDecision(id.clone()), None);
            })
        };
        return question.ask(
            "Delete this decision?".into(),
            html! {
                <>
                    <p>{ format!("“{}” leaves the decision log. Undo brings it back.", decision.title) }</p>
                </>
            },
            "Delete decision",
            on_delete,
        );
    }

    let toggle = |state: &UseStateHandle<Vec<Id>>, id: Id| {
        let state = state.clone();
        Callback::from(move |_: Event| {
            let mut next = (*state).clone();
            match next.iter().position(|x| *x == id) {
                Some(at) => {
                    next.remove(at);
                }
                None => next.push(id.clone()),
            }
            state.set(next);
        })
    };
    // Only a decision being recorded drops work: an edit leaves the board's work as it is.
    let is_stop = *kind == DecisionKind::Stop.key() && existing.is_none();
    // What a stop can drop: active work on the chosen priorities or of the chosen teams.
    let stoppable: Vec<_> = board
        .initiatives
        .iter()
        .filter(|i| {
            i.status.is_active()
                && (i.priority_ids.iter().any(|p| priorities.contains(p))
                    || teams.contains(&i.team_id))
        })
        .collect();
    // Work ticked, then hidden by a priority or team unticked, is not stopped.
    let offered: Vec<Id> = stoppable.iter().map(|i| i.id.clone()).collect();
    let on_submit = {
        let (title, kind, rationale, owner, revisit, priorities, teams, drop, error, props) = (
            title.clone(),
            kind.clone(),
            rationale.clone(),
            owner.clone(),
            revisit.clone(),
            priorities.clone(),
            teams.clone(),
            drop.clone(),
            error.clone(),
            props.clone(),
        );
        let existing = existing.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if title.trim().is_empty() {
                error.set(Problems::at("title", "Give the decision a title"));
                return;
            }
            let revisit_on =
                match parse_optional_date(&revisit, "A revisit date like 2027-01-15, or none") {
                    Ok(date) => date,
                    Err(why) => return error.set(Problems::at("revisit", why)),
                };
            // A revisit before the decision was taken is a year or a month typed wrong: it
            // would show at once as a revisit overdue.
            let decided_at = existing.as_ref().map_or_else(now, |d| d.decided_at);
            let decided_on = crate::ui::clock::local_now().day_of(decided_at);
            if let Some(date) = revisit_on.filter(|date| *date < decided_on) {
                let when = short_date(decided_on);
                let date = short_date(date);
                return error.set(Problems::at(
                    "revisit",
                    format!(
                        "{date} is before the decision, taken on {when}: revisit it on a later day"
                    ),
                ));
            }
            let kind = DecisionKind::ALL
                .into_iter()
                .find(|k| k.key() == kind.as_str())
                .unwrap_or(DecisionKind::Commit);
            let decision = Decision {
                id: existing.as_ref().map_or_else(
                    || crate::ui::ids::fresh(&props.board, "x"),
                    |d| d.id.clone(),
                ),
                title: title.trim().to_string(),
                rationale: rationale.trim().to_string(),
                kind,
                decided_at,
                owner_id: optional_id(&owner),
                priority_ids: (*priorities).clone(),
                team_ids: (*teams).clone(),
                revisit_on,
                // What a stop stopped is the decision's record, which the core keeps.
                initiative_ids: Vec::new(),
            };
            let drop_initiatives = if kind == DecisionKind::Stop {
                drop.iter()
                    .filter(|id| offered.contains(id))
                    .cloned()
                    .collect()
            } else {
                Vec::new()
            };
            // A decision recorded leaves the board as it looks (the log is in Coordination):
            // the window's foot says it was recorded, and which work it stopped.
            let told = existing.is_none().then(|| {
                let stopped = drop_initiatives
                    .iter()
                    .filter_map(|id| props.board.initiative(id))
                    .map(|i| match props.board.team(&i.team_id) {
                        Some(team) => format!("“{}” ({})", i.title, team.name),
                        None => format!("“{}”", i.title),
                    })
                    .collect::<Vec<_>>();
                match stopped.len() {
                    0 => format!("Recorded “{}”.", decision.title),
                    _ => format!(
                        "Recorded “{}”; dropped {}.",
                        decision.title,
                        stopped.join(", ")
                    ),
                }
            });
            let action = if existing.is_some() {
                Action::UpdateDecision(decision)
            } else {
                Action::RecordDecision {
                    decision,
                    drop_initiatives,
                }
            };
            let submitted = props.submit(action, None);
            if let (Ok(()), Some(told)) = (&submitted, told) {
                props.dispatch.dispatch(Msg::Done(told));
            }
            error.set(Problems::from_result(submitted));
        })
    };
    let kinds: Vec<(AttrValue, AttrValue)> = DecisionKind::ALL
        .iter()
        .map(|k| (k.key().into(), k.label().into()))
        .collect();
    html! {
        <Modal title={if existing.is_some() { "Edit decision" } else { "Record a decision" }} on_close={props.close()} wide=true ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                <div class="ab-form__fields">
                    <TextField label="Decision" value={(*title).clone()} on_change={set_to(&title)} required=true error={error.field("title")} />
                    <div class="ab-form__row">
                        <SelectField label="Kind" value={(*kind).clone()} options={kinds} on_change={set_to(&kind)} />
                        <SelectField label="Owner" value={(*owner).clone()} options={people_options(board, "Nobody")} on_change={set_to(&owner)} />
                        <TextField label="Revisit on" kind="date" value={(*revisit).clone()} on_change={set_to(&revisit)} error={error.field("revisit")} />
                    </div>
                    <TextField label="Rationale" multiline=true value={(*rationale).clone()} on_change={set_to(&rationale)} />
                    <fieldset class="ab-form__group">
                        <legend>{ "Priorities it affects" }</legend>
                        { for board.ranked_priorities().into_iter().map(|p| html! {
                            <label class="ab-check">
                                <input type="checkbox" checked={priorities.contains(&p.id)} onchange={toggle(&priorities, p.id.clone())} />
                                { format!("#{} {}", p.rank, p.title) }
                            </label>
                        }) }
                    </fieldset>
                    <fieldset class="ab-form__group">
                        <legend>{ "Teams it affects" }</legend>
                        { for board.teams.iter().map(|t| html! {
                            <label class="ab-check">
                                <input type="checkbox" checked={teams.contains(&t.id)} onchange={toggle(&teams, t.id.clone())} />
                                { &t.name }
                            </label>
                        }) }
                    </fieldset>
                    if is_stop {
                        <fieldset class="ab-form__group">
                            <legend>{ "Work it stops (marked dropped)" }</legend>
                            if stoppable.is_empty() {
                                <p class="ab-field__hint">{ "Choose the priorities or teams it affects to list their active work." }</p>
                            }
                            // With its team: the same title can be two teams' work.
                            { for stoppable.iter().map(|i| html! {
                                <label class="ab-check">
                                    <input type="checkbox" checked={drop.contains(&i.id)} onchange={toggle(&drop, i.id.clone())} />
                                    <span>
                                        { &i.title }
                                        if let Some(team) = board.team(&i.team_id) {
                                            <span class="ab-check__aside">{ format!(" · {}", team.name) }</span>
                                        }
                                    </span>
                                </label>
                            }) }
                        </fieldset>
                    }
                    // What a recorded stop stopped is its record, shown, not chosen again.
                    if let Some(stopped) = existing.as_ref().map(|d| stopped_work(board, d)).filter(|s| !s.is_empty()) {
                        <p class="ab-field__hint">{ format!("It stopped {stopped} when it was recorded.") }</p>
                    }
                </div>
                { error.general() }
                <div class="ab-dialog__actions">
                    if existing.is_some() && !props.read_only {
                        { question.button() }
                    }
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ "Cancel" }</button>
                    <button type="submit" class="ab-button ab-button--primary">{ if existing.is_some() { "Save" } else { "Record decision" } }</button>
                </div>
            </form>
        </Modal>
    }
}

/// The work `decision` stopped, by title and team (`“Partner portal” (Growth)`), joined by
/// commas; empty when it stopped none still on the board.
fn stopped_work(board: &Board, decision: &Decision) -> String {
    (decision.stopped(board))
        .map(|i| match board.team(&i.team_id) {
            Some(team) => format!("“{}” ({})", i.title, team.name),
            None => format!("“{}”", i.title),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
