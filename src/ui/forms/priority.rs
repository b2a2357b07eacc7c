//! Adding, editing and deleting a strategic priority. Deleting one that work serves says
//! what becomes of that work first.

use super::form::{count, use_delete_question, use_form, Form, FormProps, Problems};
use crate::core::action::Action;
use crate::core::model::{Priority, PriorityStatus};
use crate::ui::clock::now;
use crate::ui::dialog::Modal;
use crate::ui::fields::{optional_id, parse_whole, people_options, SelectField, TextField};
use yew::prelude::*;

#[derive(Clone, PartialEq)]
struct Draft {
    title: String,
    description: String,
    rank: String,
    owner_id: String,
    status: PriorityStatus,
    success_measure: String,
}

#[function_component]
pub fn PriorityForm(fields: &FormProps) -> Html {
    let props = &use_form(fields);
    let board = &props.board;
    let existing = props
        .id
        .as_deref()
        .and_then(|id| board.priority(id))
        .cloned();
    let active = board.ranked_priorities().len();
    let draft = use_state(|| match &existing {
        Some(p) => Draft {
            title: p.title.clone(),
            description: p.description.clone(),
            // A closed priority has no rank among the active ones: made active again, it
            // comes last unless placed.
            rank: if p.is_active() {
                p.rank
            } else {
                active as u32 + 1
            }
            .to_string(),
            owner_id: p.owner_id.clone().unwrap_or_default(),
            status: p.status,
            success_measure: p.success_measure.clone(),
        },
        None => Draft {
            title: String::new(),
            description: String::new(),
            rank: (active + 1).to_string(),
            owner_id: String::new(),
            status: PriorityStatus::Active,
            success_measure: String::new(),
        },
    });
    let error = use_state(Problems::default);
    let question = use_delete_question();
    let confirming = question.confirming.clone();
    let set = |update: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            update(&mut next, value);
            draft.set(next);
        })
    };

    if let (true, Some(priority)) = (*confirming, &existing) {
        let serving: Vec<_> = board
            .initiatives
            .iter()
            .filter(|i| i.priority_ids.contains(&priority.id))
            .collect();
        let only = serving.iter().filter(|i| i.priority_ids.len() == 1).count();
        let decisions = board
            .decisions
            .iter()
            .filter(|d| d.priority_ids.contains(&priority.id))
            .count();
        let on_delete = {
            let (props, id) = (props.clone(), priority.id.clone());
            Callback::from(move |_| {
                let _ = props.submit(Action::DeletePriority(id.clone()), None);
            })
        };
        return question.ask(
            format!("Delete priority “{}”?", priority.title),
            html! {
                <>
                    if serving.is_empty() {
                        <p>{ "No initiative serves it." }</p>
                    } else {
                        <p>{ format!("{} serve it. They will stop serving it", count(serving.len(), "initiative", "initiatives")) }
                           { if only > 0 { format!("; {} only served this priority and will become local work.", count(only, "of them", "of them")) } else { ".".into() } }</p>
                    }
                    if decisions > 0 { <p>{ format!("{} will no longer name it.", count(decisions, "decision", "decisions")) }</p> }
                    <p>{ "The priorities ranked below it move up. Undo brings it all back." }</p>
                </>
            },
            "Delete priority",
            on_delete,
        );
    }

    let on_submit = {
        let (draft, error, props, existing) = (
            draft.clone(),
            error.clone(),
            props.clone(),
            existing.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let d = &*draft;
            if d.title.trim().is_empty() {
                return error.set(Problems::at("title", "Give the priority a title"));
            }
            let rank = match parse_whole(&d.rank, 999) {
                // A closed priority shows no rank to refuse: it keeps the one it has.
                _ if d.status != PriorityStatus::Active => {
                    existing.as_ref().map_or(active as u32 + 1, |p| p.rank)
                }
                Ok(0) => return error.set(Problems::at("rank", "Ranks start at 1")),
                Ok(rank) => rank,
                Err(message) => return error.set(Problems::at("rank", message)),
            };
            let priority = Priority {
                id: existing
                    .as_ref()
                    .map(|p| p.id.clone())
                    .unwrap_or_else(|| crate::ui::ids::fresh(&props.board, "pr")),
                title: d.title.trim().to_string(),
                description: d.description.trim().to_string(),
                rank,
                owner_id: optional_id(&d.owner_id),
                status: d.status,
                success_measure: d.success_measure.trim().to_string(),
                created_at: existing.as_ref().map_or_else(now, |p| p.created_at),
            };
            let action = if existing.is_some() {
                Action::UpdatePriority(priority)
            } else {
                Action::AddPriority(priority)
            };
            error.set(Problems::from_result(props.submit(action, None)));
        })
    };
    let statuses: Vec<(AttrValue, AttrValue)> = vec![
        ("active".into(), "Active".into()),
        ("achieved".into(), "Achieved".into()),
        ("dropped".into(), "Dropped".into()),
    ];
    let title = if existing.is_some() {
        "Edit priority"
    } else {
        "Add priority"
    };
    // Closing a priority that unfinished work still serves: say what becomes of that work
    // before it is saved (it counts as local work unless it serves another active one).
    let closing = match (&existing, draft.status) {
        (Some(p), PriorityStatus::Achieved | PriorityStatus::Dropped) if p.is_active() => {
            let unfinished = (board.initiatives.iter())
                .filter(|i| i.status.is_active() && i.priority_ids.contains(&p.id))
                .count();
            (unfinished > 0).then(|| {
                format!(
                    "{} still {} it. Once it is {}, work that serves no other active priority counts as local work: move it on, or mark it done or dropped.",
                    count(unfinished, "unfinished initiative", "unfinished initiatives"),
                    if unfinished == 1 { "serves" } else { "serve" },
                    PriorityStatus::key(draft.status),
                )
            })
        }
        _ => None,
    };
    html! {
        <Modal title={if props.read_only { "Priority" } else { title }} on_close={props.close()} ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                <fieldset class="ab-form__fields" disabled={props.read_only}>
                    <TextField label="Title" required=true value={draft.title.clone()} on_change={set(|d, v| d.title = v)}
                               error={error.field("title")} />
                    <TextField label="Description" multiline=true value={draft.description.clone()} on_change={set(|d, v| d.description = v)} />
                    <TextField label="Success measure" value={draft.success_measure.clone()} on_change={set(|d, v| d.success_measure = v)}
                               hint="How you will know it is achieved, e.g. “Median onboarding time under 1 day”" />
                    <div class="ab-form__row">
                        // Only active priorities are ranked: a closed one shows none.
                        if draft.status == PriorityStatus::Active {
                            <TextField label="Rank" kind="number" min="1" value={draft.rank.clone()} on_change={set(|d, v| d.rank = v)}
                                       hint="1 is the most important; others move to make room" error={error.field("rank")} />
                        }
                        <SelectField label="Owner" value={draft.owner_id.clone()} options={people_options(board, "No owner")}
                                     on_change={set(|d, v| d.owner_id = v)} />
                        <SelectField label="Status" value={PriorityStatus::key(draft.status)} options={statuses}
                                     on_change={set(|d, v| d.status = match v.as_str() {
                                         "achieved" => PriorityStatus::Achieved,
                                         "dropped" => PriorityStatus::Dropped,
                                         _ => PriorityStatus::Active,
                                     })} />
                    </div>
                    <div class="ab-live" role="status">
                        if let Some(closing) = closing { <p class="ab-field__hint ab-field__hint--warn">{ closing }</p> }
                    </div>
                </fieldset>
                { error.general() }
                <div class="ab-dialog__actions">
                    if existing.is_some() && !props.read_only {
                        { question.button() }
                    }
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ if props.read_only { "Close" } else { "Cancel" } }</button>
                    if !props.read_only {
                        <button type="submit" class="ab-button ab-button--primary">{ if existing.is_some() { "Save" } else { "Add priority" } }</button>
                    }
                </div>
            </form>
            if let Some(priority) = &existing {
                { decisions(props, &priority.id) }
            }
        </Modal>
    }
}

/// The decisions that name the priority: its page lists them.
fn decisions(props: &Form, id: &str) -> Html {
    crate::ui::coordination_view::priority_decisions(&props.board, id)
}
