//! Starting the next period: its label and dates, what becomes of each active priority
//! (carried over, achieved or dropped) and which unfinished initiatives carry over. Work
//! left behind is marked dropped, never deleted, so the history stays.

use super::form::{count, use_form, FormProps, Problems};
use crate::core::action::Action;
use crate::core::health::analyse_board;
use crate::core::limits;
use crate::core::model::{quarter_of, Id, Initiative, Period, PriorityStatus, Review, ReviewKind};
use crate::ui::clock::local_now;
use crate::ui::dates::dated;
use crate::ui::dialog::Modal;
use crate::ui::fields::{parse_date, set_to, use_field_id, SelectField, TextField};
use yew::prelude::*;

const CARRY: &str = "carry";
const ACHIEVED: &str = "achieved";
const DROPPED: &str = "dropped";

#[function_component]
pub fn NewPeriodForm(fields: &FormProps) -> Html {
    let props = &use_form(fields);
    let board = &props.board;
    // The quarter after the current period (or after today's quarter).
    let (start, end) = {
        let after = board
            .period
            .end
            .unwrap_or_else(|| quarter_of(local_now().today()).1)
            .add_days(1);
        quarter_of(after)
    };
    let label = use_state(|| format!("Q{} {}", (start.month() - 1) / 3 + 1, start.year()));
    let start_text = use_state(|| start.to_string());
    let end_text = use_state(|| end.to_string());
    let ranked = board.ranked_priorities();
    let choices = use_state(|| {
        ranked
            .iter()
            .map(|p| (p.id.clone(), CARRY.to_string()))
            .collect::<Vec<(Id, String)>>()
    });
    let unfinished: Vec<_> = board
        .initiatives
        .iter()
        .filter(|i| i.status.is_active())
        .collect();
    let carried = use_state(|| unfinished.iter().map(|i| i.id.clone()).collect::<Vec<Id>>());
    // Carried work due before the period starts is overdue on its first day: moving its due
    // date is offered, not done unasked, since the moved date would hide that it slipped.
    let move_due = use_state(|| false);
    let late_id = use_field_id();
    let error = use_state(Problems::default);

    let on_submit = {
        let (label, start_text, end_text, choices, carried, move_due, error, props) = (
            label.clone(),
            start_text.clone(),
            end_text.clone(),
            choices.clone(),
            carried.clone(),
            move_due.clone(),
            error.clone(),
            props.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let mut problems = Problems::default();
            if label.trim().is_empty() {
                problems.insert("label", "Give the period a name, like Q1 2027".into());
            }
            let start = parse_date(&start_text, "A start date like 2027-01-01")
                .map_err(|why| problems.insert("start", why))
                .ok();
            let end = match parse_date(&end_text, "An end date like 2027-03-31") {
                Err(why) => {
                    problems.insert("end", why);
                    None
                }
                Ok(end) if start.is_some_and(|start| end < start) => {
                    problems.insert("end", "The end comes after the start".into());
                    None
                }
                Ok(end) => Some(end),
            };
            let (Some(start), Some(end), true) = (start, end, problems.is_empty()) else {
                return error.set(problems);
            };
            let priorities = choices
                .iter()
                .map(|(id, choice)| {
                    let status = match choice.as_str() {
                        ACHIEVED => PriorityStatus::Achieved,
                        DROPPED => PriorityStatus::Dropped,
                        _ => PriorityStatus::Active,
                    };
                    (id.clone(), status)
                })
                .collect();
            let now = local_now();
            let at = now.at();
            let review = Review {
                id: crate::ui::ids::fresh(&props.board, "v"),
                at,
                kind: ReviewKind::Planning,
                summary: format!("Started {}", label.trim()),
                score: analyse_board(&props.board, now).board.score,
                team_id: None,
            };
            let action = Action::StartPeriod {
                period: Period {
                    label: label.trim().to_string(),
                    start: Some(start),
                    end: Some(end),
                    started_at: None,
                },
                priorities,
                carry_initiatives: (*carried).clone(),
                carried_due: move_due.then_some(end),
                review,
            };
            error.set(Problems::from_result(props.submit(action, None)));
        })
    };

    let priority_rows = ranked.iter().map(|p| {
        let value = choices
            .iter()
            .find(|(id, _)| *id == p.id)
            .map_or(CARRY.to_string(), |(_, c)| c.clone());
        let on_change = {
            let (choices, id) = (choices.clone(), p.id.clone());
            Callback::from(move |value: String| {
                let mut next = (*choices).clone();
                if let Some(slot) = next.iter_mut().find(|(x, _)| *x == id) {
                    slot.1 = value;
                }
                choices.set(next);
            })
        };
        let options: Vec<(AttrValue, AttrValue)> = vec![
            (CARRY.into(), "Carry over".into()),
            (ACHIEVED.into(), "Achieved".into()),
            (DROPPED.into(), "Dropped".into()),
        ];
        html! {
            <SelectField compact=true label={format!("#{} {}", p.rank, p.title)} {value} {options} {on_change} />
        }
    });
    // Looked up once per row and per team: a set, for a board of thousands.
    let carrying: std::collections::HashSet<&Id> = carried.iter().collect();
    let initiative_row = |i: &Initiative| {
        let checked = carrying.contains(&i.id);
        let on_change = {
            let (carried, id) = (carried.clone(), i.id.clone());
            Callback::from(move |_: Event| {
                let mut next = (*carried).clone();
                if let Some(at) = next.iter().position(|x| *x == id) {
                    next.remove(at);
                } else {
                    next.push(id.clone());
                }
                carried.set(next);
            })
        };
        html! {
            <label class="ab-check">
                <input type="checkbox" {checked} onchange={on_change} />
                { format!("{} ({} %, {})", i.title, i.progress, i.status.label()) }
            </label>
        }
    };
    // Team by team in lane order, so a lead finds their team's work in one place.
    let team_groups = board.teams.iter().filter_map(|team| {
        let work: Vec<&Initiative> = unfinished
            .iter()
            .copied()
            .filter(|i| i.team_id == team.id)
            .collect();
        let carried_here = work.iter().filter(|i| carrying.contains(&i.id)).count();
        (!work.is_empty()).then(|| html! {
            <fieldset class="ab-form__team">
                <legend>{ format!("{} ({carried_here} of {} carried)", team.name, work.len()) }</legend>
                { for work.into_iter().map(initiative_row) }
            </fieldset>
        })
    });
    let carry_all = {
        let carried = carried.clone();
        let all: Vec<Id> = unfinished.iter().map(|i| i.id.clone()).collect();
        Callback::from(move |_: MouseEvent| carried.set(all.clone()))
    };
    let carry_none = {
        let carried = carried.clone();
        Callback::from(move |_: MouseEvent| carried.set(Vec::new()))
    };
    let dropped = unfinished.len() - carried.len();
    // Carried work due before the start (as typed, or as offered while the field is unclear).
    let starts = parse_date(&start_text, "").unwrap_or(start);
    let late: Vec<&Initiative> = unfinished
        .iter()
        .copied()
        .filter(|i| carrying.contains(&i.id) && i.due.is_some_and(|due| due < starts))
        .collect();
    let late_check = (!late.is_empty()).then(|| {
        let to = parse_date(&end_text, "").map_or_else(
            |_| "the new period's last day".to_string(),
            |end| format!("{}, the new period's last day", dated(end)),
        );
        let what = match late.len() {
            1 => "1 carried initiative's due date".to_string(),
            n => format!("{n} carried initiatives' due dates"),
        };
        let toggle = {
            let move_due = move_due.clone();
            Callback::from(move |_: Event| move_due.set(!*move_due))
        };
        // A few by name; a long list would bury the form's last lines.
        const NAMED: usize = 5;
        let mut names = late
            .iter()
            .take(if late.len() > NAMED + 1 { NAMED } else { late.len() })
            .map(|i| format!("{} (due {})", i.title, i.due.map(dated).unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(", ");
        if late.len() > NAMED + 1 {
            names.push_str(&format!(" and {} more", late.len() - NAMED));
        }
        let then = if *move_due {
            format!("Due before the period starts: {names}.")
        } else {
            format!("Due before the period starts, so overdue on its first day until given a new date: {names}.")
        };
        html! {
            <>
                <label class="ab-check">
                    <input type="checkbox" checked={*move_due} onchange={toggle} aria-describedby={late_id.clone()} />
                    { format!("Move {what} to {to}") }
                </label>
                <p class="ab-field__hint" id={late_id.clone()}>{ then }</p>
            </>
        }
    });
    // Carried work whose every active priority ends now serves none in the new period: it
    // counts as local work there, which the person should know before they start it.
    // A priority the dialog has no choice for (another tab added it) carries over.
    let active = |id: &Id| ranked.iter().any(|p| p.id == *id);
    let goes_on = |id: &Id| {
        active(id)
            && choices
                .iter()
                .find(|(p, _)| p == id)
                .is_none_or(|(_, choice)| choice == CARRY)
    };
    let stranded: Vec<&str> = unfinished
        .iter()
        .filter(|i| carrying.contains(&i.id))
        .filter(|i| i.priority_ids.iter().any(active))
        .filter(|i| !i.priority_ids.iter().any(goes_on))
        .map(|i| i.title.as_str())
        .collect();
    let stranded_text = match stranded.len() {
        0 => String::new(),
        n => {
            let them = if n == 1 { "it" } else { "them" };
            format!(
                "{} carried over would serve no priority of the new period and count as local work: {}. Carry over a priority {}, give {them} a priority once the period starts, or leave {them} behind.",
                count(n, "initiative", "initiatives"),
                stranded.join(", "),
                if n == 1 { "it serves" } else { "they serve" },
            )
        }
    };

    html! {
        <Modal title="Start the next period" on_close={props.close()} wide=true ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                <div class="ab-form__fields">
                    <div class="ab-form__row">
                        <TextField label="Period" limit={limits::NAME} value={(*label).clone()} on_change={set_to(&label)} required=true error={error.field("label")} />
                        <TextField label="Starts" kind="date" value={(*start_text).clone()} on_change={set_to(&start_text)} error={error.field("start")} />
                        <TextField label="Ends" kind="date" value={(*end_text).clone()} on_change={set_to(&end_text)} error={error.field("end")} />
                    </div>
                    <fieldset class="ab-form__group">
                        <legend>{ "Priorities" }</legend>
                        if ranked.is_empty() { <p class="ab-field__hint">{ "No active priorities." }</p> }
                        { for priority_rows }
                    </fieldset>
                    <fieldset class="ab-form__group">
                        <legend>{ "Unfinished initiatives to carry over" }</legend>
                        if unfinished.is_empty() {
                            <p class="ab-field__hint">{ "No unfinished initiatives." }</p>
                        } else {
                            <div class="ab-form__quick">
                                <button type="button" class="ab-button ab-button--small" onclick={carry_all}>{ "Carry all" }</button>
                                <button type="button" class="ab-button ab-button--small" onclick={carry_none}>{ "Carry none" }</button>
                            </div>
                        }
                        { for team_groups }
                        if !unfinished.is_empty() {
                            <p class="ab-field__hint">{ match dropped {
                                0 => "Every unfinished initiative carries over.".to_string(),
                                1 => "1 initiative not carried over will be marked dropped; its check-ins stay as history.".to_string(),
                                _ => format!("{} not carried over will be marked dropped; their check-ins stay as history.",
                                    count(dropped, "initiative", "initiatives")),
                            } }</p>
                        }
                        { for late_check }
                        // Always there, so that a screen reader hears the warning as it comes.
                        <p class="ab-field__hint ab-field__hint--warn" role="status">{ stranded_text }</p>
                    </fieldset>
                </div>
                { error.general() }
                <p class="ab-field__hint">{ "A planning entry with today's alignment score is recorded. Undo takes it all back." }</p>
                <div class="ab-dialog__actions">
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ "Cancel" }</button>
                    <button type="submit" class="ab-button ab-button--primary">{ format!("Start {}", label.trim()) }</button>
                </div>
            </form>
        </Modal>
    }
}
