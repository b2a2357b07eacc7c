//! Adding, editing and deleting an initiative: what it is, who owns it, which priorities
//! it serves, how much of its team it takes, how it is going, and its risks.

use super::form::{count, use_delete_question, use_form, Form, FormProps, Problems};
use crate::core::action::Action;
use crate::core::model::{Board, Initiative, Priority, Risk, Severity, Status};
use crate::ui::clock::now;
use crate::ui::dates::short_day;
use crate::ui::dialog::Modal;
use crate::ui::fields::{
    excerpt, optional_id, outside_period, parse_optional_date, parse_whole, people_choice,
    progress_on_status, SelectField, TextField, EXCERPT,
};
use crate::ui::state::DialogKind;
use draft::Draft;
use yew::prelude::*;

mod draft;

#[function_component]
pub fn InitiativeForm(fields: &FormProps) -> Html {
    let props = &use_form(fields);
    let board = &props.board;
    let existing = props
        .id
        .as_deref()
        .and_then(|id| board.initiative(id))
        .cloned();
    let draft = use_state(|| match &existing {
        Some(initiative) => Draft::of(initiative),
        None => Draft {
            title: String::new(),
            description: String::new(),
            team_id: (props.team.clone())
                .filter(|team| board.team(team).is_some())
                .or_else(|| board.teams.first().map(|t| t.id.clone()))
                .unwrap_or_default(),
            owner_id: String::new(),
            priority_ids: props.priority.iter().cloned().collect(),
            effort: "20".into(),
            status: Status::NotStarted,
            progress: "0".into(),
            confidence: String::new(),
            due: String::new(),
            risks: Vec::new(),
            progress_before_done: None,
        },
    });
    // The initiative changed while the form is open (another tab's save, a check-in): the
    // fields the person has not changed follow it.
    let opened = use_mut_ref(|| existing.as_ref().map(Draft::of));
    {
        let (draft, opened) = (draft.clone(), opened.clone());
        use_effect_with(existing.clone(), move |existing| {
            let now = existing.as_ref().map(Draft::of);
            let before = opened.replace(now.clone());
            if let (Some(before), Some(now)) = (before, now) {
                if before != now {
                    draft.set(draft.rebase(&before, &now));
                }
            }
        });
    }
    // Deleted while open (another tab, an undo): it says so, and can be added again.
    let gone = props.id.is_some() && existing.is_none();
    let errors = use_state(Problems::default);
    let onward_note = crate::ui::fields::use_field_id();
    let refusal = use_state(|| None::<String>);
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
    let title = if props.read_only {
        "Initiative".to_string()
    } else if gone {
        "Initiative deleted".to_string()
    } else if existing.is_some() {
        "Edit initiative".to_string()
    } else {
        "Add initiative".to_string()
    };

    if board.teams.is_empty() {
        return html! {
            <Modal title="Add initiative" on_close={props.close()}>
                <p>{ "Initiatives belong to a team. Add a team first." }</p>
                <div class="ab-dialog__actions">
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ "Cancel" }</button>
                    <button type="button" class="ab-button ab-button--primary"
                            onclick={props.on_dialog.reform(|_| Some(DialogKind::Team(None)))}>{ "Add team" }</button>
                </div>
            </Modal>
        };
    }

    if let (true, Some(initiative)) = (*confirming, &existing) {
        let check_ins = board
            .check_ins
            .iter()
            .filter(|c| c.initiative_id == initiative.id)
            .count();
        let dependencies = board
            .dependencies
            .iter()
            .filter(|d| d.from_initiative_id == initiative.id)
            .count();
        // A decision that stopped it stays, no longer naming it.
        let stopped_by = (board.decisions.iter())
            .filter(|d| d.initiative_ids.contains(&initiative.id))
            .count();
        let on_delete = {
            let (props, id) = (props.clone(), initiative.id.clone());
            Callback::from(move |_| {
                let _ = props.submit(Action::DeleteInitiative(id.clone()), None);
            })
        };
        return question.ask(
            format!("Delete “{}”?", initiative.title),
            html! {
                <>
                    <p>{ format!("This removes the initiative with {} and {}. Undo brings it back.",
                                 count(check_ins, "check-in", "check-ins"), count(dependencies, "dependency it asked for", "dependencies it asked for")) }</p>
                    if stopped_by > 0 {
                        <p>{ format!("{} that stopped it will no longer name it.", if stopped_by == 1 { "The decision" } else { "The decisions" }) }</p>
                    }
                </>
            },
            "Delete initiative",
            on_delete,
        );
    }

    // Saves the draft, then closes the form or opens the dialog `then`.
    let save = {
        let (draft, errors, refusal, props, existing) = (
            draft.clone(),
            errors.clone(),
            refusal.clone(),
            props.clone(),
            existing.clone(),
        );
        Callback::from(move |then: Option<DialogKind>| {
            let d = &*draft;
            let mut problems = Problems::default();
            if d.title.trim().is_empty() {
                problems.insert("title", "Give the initiative a title".to_string());
            }
            let effort = parse_whole(&d.effort, 100)
                .map_err(|e| problems.insert("effort", e))
                .ok();
            let progress = parse_whole(&d.progress, 100)
                .map_err(|e| problems.insert("progress", e))
                .ok();
            let due = parse_optional_date(&d.due, "A date like 2026-12-15").unwrap_or_else(|why| {
                problems.insert("due", why);
                None
            });
            errors.set(problems.clone());
            let (Some(effort), Some(progress), true) = (effort, progress, problems.is_empty())
            else {
                return;
            };
            let at = now();
            let initiative = Initiative {
                id: existing
                    .as_ref()
                    .map(|i| i.id.clone())
                    .unwrap_or_else(|| crate::ui::ids::fresh(&props.board, "i")),
                title: d.title.trim().to_string(),
                description: d.description.trim().to_string(),
                team_id: d.team_id.clone(),
                owner_id: optional_id(&d.owner_id),
                priority_ids: d.priority_ids.clone(),
                effort: effort as u8,
                status: d.status,
                progress: progress as u8,
                confidence: d.confidence.parse().ok(),
                due,
                created_at: existing.as_ref().map_or(at, |i| i.created_at),
                updated_at: existing.as_ref().map_or(at, |i| i.updated_at),
                risks: d
                    .risks
                    .iter()
                    .filter(|r| !r.text.trim().is_empty())
                    .cloned()
                    .collect(),
            };
            let action = if existing.is_some() {
                Action::UpdateInitiative(initiative)
            } else {
                Action::AddInitiative(initiative)
            };
            refusal.set(props.submit(action, then).err());
        })
    };
    let on_submit = save.reform(|event: SubmitEvent| {
        event.prevent_default();
        None
    });
    // Going on to a check-in or a request from an edited initiative saves the edit first:
    // the next dialog takes this one's place, and the draft would go with it.
    let onward = {
        let (save, on_dialog, draft, existing) = (
            save.clone(),
            props.on_dialog.clone(),
            draft.clone(),
            existing.clone(),
        );
        Callback::from(move |kind: Option<DialogKind>| {
            if existing.as_ref().is_some_and(|i| Draft::of(i) == *draft) {
                on_dialog.emit(kind);
            } else {
                save.emit(kind);
            }
        })
    };

    // The chosen team's people first, as the owner is most often one of them.
    let owners = people_choice(board, "No owner", &draft.team_id);
    let teams: Vec<(AttrValue, AttrValue)> = board
        .teams
        .iter()
        .map(|t| (t.id.clone().into(), t.name.clone().into()))
        .collect();
    let statuses: Vec<(AttrValue, AttrValue)> = Status::ALL
        .iter()
        .map(|s| (s.key().into(), s.label().into()))
        .collect();
    let confidences: Vec<(AttrValue, AttrValue)> = std::iter::once(("".into(), "Unknown".into()))
        .chain((0..=10).map(|n| (n.to_string().into(), format!("{n} / 10").into())))
        .collect();
    // Active priorities by rank, then the finished ones it served when the form opened (a
    // board's past periods' priorities are not offered to new work).
    // A new initiative added in a closed priority's column starts serving it: shown too.
    let served = |p: &Priority| {
        existing.as_ref().map_or_else(
            || props.priority.as_ref() == Some(&p.id),
            |i| i.priority_ids.contains(&p.id),
        )
    };
    let mut priorities: Vec<_> = (board.priorities.iter())
        .filter(|p| p.is_active() || served(p))
        .collect();
    priorities.sort_by_cached_key(|p| (i64::from(!p.is_active()) << 32) | i64::from(p.rank));
    // A new risk's id, unlike any on the board or in the form's unsaved risks.
    let next_risk_id =
        crate::ui::ids::fresh_besides(board, "r", |id| draft.risks.iter().any(|r| r.id == id));

    // Going on to another dialog saves an edited draft first: the form says so, and its
    // buttons are described by it.
    let edited = existing.as_ref().is_some_and(|i| Draft::of(i) != *draft);
    let described = edited.then(|| onward_note.clone());
    // Why the health analysis flags it: on the card only as a tooltip, here for everyone.
    let flagged = fields.flagged.clone().filter(|_| existing.is_some());
    // Work a stop decision dropped says which, and why, as the decision log does.
    let stopped_by = (existing.as_ref())
        .filter(|i| i.status == Status::Dropped)
        .and_then(|i| (board.decisions.iter().rev()).find(|d| d.initiative_ids.contains(&i.id)));

    html! {
        <Modal title={title} on_close={props.close()} wide=true ask_to_discard=true>
            if let Some(reasons) = flagged {
                <div class="ab-form__attention" role="note" aria-label="Needs attention">
                    <p><span aria-hidden="true">{ "⚑ " }</span>{ "Needs attention" }</p>
                    <ul>{ for reasons.iter().map(|reason| html! { <li>{ reason }</li> }) }</ul>
                </div>
            }
            if let Some(decision) = stopped_by {
                <p class="ab-form__stopped" role="note">
                    { format!("The decision “{}”, {}, stopped this work", excerpt(&decision.title, 80), short_day(decision.decided_at)) }
                    { if decision.rationale.is_empty() { ".".to_string() } else { format!(": {}", excerpt(&decision.rationale, EXCERPT)) } }
                </p>
            }
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                if gone && !props.read_only {
                    <p class="ab-notice ab-notice--warning" role="alert">{ "This initiative is no longer on the board: it was deleted in another tab, or by an undo. Add it again to keep what this form holds, as new work without its check-ins." }</p>
                }
                <fieldset class="ab-form__fields" disabled={props.read_only}>
                    <TextField label="Title" required={!props.read_only} value={draft.title.clone()} on_change={set(|d, v| d.title = v)}
                               error={errors.field("title")} />
                    <TextField label="Description" multiline=true value={draft.description.clone()} on_change={set(|d, v| d.description = v)} />
                    <div class="ab-form__row">
                        <SelectField label="Team" value={draft.team_id.clone()} options={teams} on_change={set(|d, v| d.team_id = v)} />
                        <SelectField label="Owner" value={draft.owner_id.clone()} options={owners.options} groups={owners.groups}
                                     on_change={set(|d, v| d.owner_id = v)} />
                    </div>
                    <fieldset class="ab-form__group">
                        <legend>{ "Serves priorities" }</legend>
                        if priorities.is_empty() {
                            <p class="ab-field__hint">{ if board.priorities.is_empty() { "No priorities yet: this is local work." } else { "No active priorities: this is local work." } }</p>
                        }
                        { for priorities.iter().map(|p| {
                            let checked = draft.priority_ids.contains(&p.id);
                            let on_toggle = {
                                let (draft, id) = (draft.clone(), p.id.clone());
                                Callback::from(move |_| {
                                    let mut next = (*draft).clone();
                                    if next.priority_ids.contains(&id) { next.priority_ids.retain(|x| *x != id) } else { next.priority_ids.push(id.clone()) }
                                    draft.set(next);
                                })
                            };
                            let label = if p.is_active() { format!("#{} {}", p.rank, p.title) } else { format!("{} (not active)", p.title) };
                            html! {
                                <label class="ab-check">
                                    <input type="checkbox" checked={checked} onchange={on_toggle} />
                                    <span>{ label }</span>
                                </label>
                            }
                        }) }
                        if draft.priority_ids.is_empty() && !priorities.is_empty() {
                            <p class="ab-field__hint">{ "None ticked: this is local work." }</p>
                        }
                    </fieldset>
                    <div class="ab-form__row">
                        <TextField label="Effort (% of team)" kind="number" min="0" max="100" value={draft.effort.clone()}
                                   on_change={set(|d, v| d.effort = v)} error={errors.field("effort")}
                                   hint={effort_hint(board, existing.as_ref(), &draft).filter(|_| !props.read_only).map(AttrValue::from)} />
                        <SelectField label="Status" value={draft.status.key()} options={statuses}
                                     on_change={set(|d, v| {
                                         let status = Status::from_key(&v).unwrap_or(d.status);
                                         // Done work is all done: the field says so at once.
                                         progress_on_status(d.status, status, &mut d.progress, &mut d.progress_before_done);
                                         d.status = status;
                                     })} />
                        <TextField label="Progress (%)" kind="number" min="0" max="100" value={draft.progress.clone()}
                                   on_change={set(|d, v| d.progress = v)} error={errors.field("progress")} />
                    </div>
                    <div class="ab-form__row">
                        <SelectField label="Confidence" value={draft.confidence.clone()} options={confidences}
                                     on_change={set(|d, v| d.confidence = v)} />
                        <TextField label="Due date" kind="date" value={draft.due.clone()} on_change={set(|d, v| d.due = v)}
                                   error={errors.field("due")} hint={draft.status.is_active().then(|| outside_period(&props.board.period, &draft.due)).flatten()} />
                    </div>
                    { risk_list(&RiskListProps {
                        risks: draft.risks.clone(),
                        next_id: next_risk_id,
                        on_change: { let draft = draft.clone(); Callback::from(move |risks| draft.set(Draft { risks, ..(*draft).clone() })) },
                    }) }
                </fieldset>
                if let Some(reason) = &*refusal { <p class="ab-dialog__error" role="alert">{ reason }</p> }
                <div class="ab-dialog__actions">
                    if edited && !props.read_only {
                        <p id={onward_note.clone()} class="ab-field__hint ab-dialog__note">{ "Check in… and Ask another team… save your changes first." }</p>
                    }
                    if existing.is_some() && !props.read_only {
                        { question.button() }
                    }
                    if let (Some(initiative), false) = (&existing, props.read_only) {
                        <button type="button" class="ab-button" aria-describedby={described.clone()}
                                onclick={let id = initiative.id.clone(); onward.reform(move |_| Some(DialogKind::CheckIn(id.clone())))}>
                            { "Check in…" }
                        </button>
                    }
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ if props.read_only || gone { "Close" } else { "Cancel" } }</button>
                    if !props.read_only {
                        <button type="submit" class="ab-button ab-button--primary">{ if existing.is_some() { "Save" } else if gone { "Add again" } else { "Add initiative" } }</button>
                    }
                </div>
            </form>
            if let Some(initiative) = &existing {
                { history(props, &initiative.id, &onward, described.clone()) }
            }
        </Modal>
    }
}

#[derive(Properties, PartialEq)]
struct RiskListProps {
    risks: Vec<Risk>,
    next_id: String,
    on_change: Callback<Vec<Risk>>,
}

/// The risks of an initiative, edited in place.
fn risk_list(props: &RiskListProps) -> Html {
    let edit = |index: usize, update: fn(&mut Risk, String)| {
        let (risks, on_change) = (props.risks.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = risks.clone();
            update(&mut next[index], value);
            on_change.emit(next);
        })
    };
    let on_add = {
        let (risks, on_change, id) = (
            props.risks.clone(),
            props.on_change.clone(),
            props.next_id.clone(),
        );
        Callback::from(move |event: MouseEvent| {
            let mut next = risks.clone();
            next.push(Risk {
                id: id.clone(),
                text: String::new(),
                severity: Severity::Medium,
                open: true,
            });
            on_change.emit(next);
            // Once the form has rendered it (its render was queued first), focus goes to the
            // new risk's text, where the person types next.
            let group = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|button| button.closest("fieldset").ok().flatten());
            if let Some(group) = group {
                wasm_bindgen_futures::spawn_local(async move {
                    use wasm_bindgen::JsCast;
                    let risks = group.query_selector_all(".ab-risk").ok();
                    let last = risks.and_then(|all| all.item(all.length().checked_sub(1)?));
                    let field = last
                        .and_then(|risk| risk.dyn_into::<web_sys::Element>().ok())
                        .and_then(|risk| risk.query_selector("input").ok().flatten())
                        .and_then(|field| field.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(field) = field {
                        let _ = field.focus();
                    }
                });
            }
        })
    };
    let severities: Vec<(AttrValue, AttrValue)> = Severity::ALL
        .iter()
        .map(|s| (s.key().into(), s.label().into()))
        .collect();
    html! {
        <fieldset class="ab-form__group">
            <legend>{ "Risks" }</legend>
            if props.risks.is_empty() { <p class="ab-field__hint">{ "No risks recorded." }</p> }
            // One keyed list: a risk added or removed leaves the others' fields in place.
            { props.risks.iter().enumerate().map(|(index, risk)| {
                let on_remove = {
                    let (risks, on_change) = (props.risks.clone(), props.on_change.clone());
                    Callback::from(move |_| {
                        let mut next = risks.clone();
                        next.remove(index);
                        on_change.emit(next);
                    })
                };
                let on_open = {
                    let (risks, on_change) = (props.risks.clone(), props.on_change.clone());
                    Callback::from(move |_| {
                        let mut next = risks.clone();
                        next[index].open = !next[index].open;
                        on_change.emit(next);
                    })
                };
                html! {
                    <div class="ab-risk" key={risk.id.clone()} role="group" aria-label={format!("Risk {}", index + 1)}>
                        <TextField label={format!("Risk {}", index + 1)} value={risk.text.clone()} on_change={edit(index, |r, v| r.text = v)} />
                        <SelectField label="Severity" value={risk.severity.key()} options={severities.clone()}
                                     on_change={edit(index, |r, v| r.severity = Severity::ALL.into_iter().find(|s| s.key() == v).unwrap_or(r.severity))} />
                        <label class="ab-check"><input type="checkbox" checked={risk.open} onchange={on_open} /><span>{ "Open" }</span></label>
                        <button type="button" class="ab-button ab-button--quiet ab-button--small" onclick={on_remove}
                                aria-label={format!("Remove risk {}", index + 1)}>{ "Remove" }</button>
                    </div>
                }
            }).collect::<Html>() }
            <button type="button" class="ab-button ab-button--small" onclick={on_add}>{ "Add risk" }</button>
        </fieldset>
    }
}

/// What the initiative asked of other teams, and its check-ins. `onward` opens the dialog
/// that asks another team (saving an edited draft first).
fn history(
    props: &Form,
    id: &str,
    onward: &Callback<Option<DialogKind>>,
    described: Option<AttrValue>,
) -> Html {
    html! {
        <>
            { requests(&props.board, id, onward, props.read_only, described) }
            { check_in_history(&props.board, id) }
        </>
    }
}

/// The initiative's check-ins, newest first (with the rhythm views).
fn check_in_history(board: &crate::core::model::Board, id: &str) -> Html {
    html! {
        <>
            <h3 class="ab-dialog__subtitle">{ "Check-ins" }</h3>
            { crate::ui::check_in::timeline(board, id) }
        </>
    }
}

/// What the initiative has asked of other teams, and a way to ask (with coordination).
fn requests(
    board: &crate::core::model::Board,
    id: &str,
    on_dialog: &Callback<Option<DialogKind>>,
    read_only: bool,
    described: Option<AttrValue>,
) -> Html {
    let asked: Vec<_> = board
        .dependencies
        .iter()
        .filter(|d| d.from_initiative_id == id)
        .collect();
    let ask = {
        let id = id.to_string();
        on_dialog.reform(move |_| Some(DialogKind::Ask(id.clone())))
    };
    html! {
        <section class="ab-requests" aria-label="Requests to other teams">
            <h3 class="ab-dialog__subtitle">{ "Requests to other teams" }</h3>
            if asked.is_empty() {
                <p class="ab-field__hint">{ "None." }</p>
            } else {
                <ul class="ab-findings">
                    { for asked.into_iter().map(|d| {
                        let team = board.team(&d.to_team_id).map_or(d.to_team_id.as_str(), |t| t.name.as_str());
                        let note = if d.answer_note.is_empty() { String::new() } else { format!(" · “{}”", excerpt(&d.answer_note, EXCERPT)) };
                        let state = crate::ui::dates::delivered_on(d, crate::ui::clock::local_now()).unwrap_or_else(|| d.state.key().to_string());
                        html! {
                            <li class="ab-finding ab-since">
                                <span class="ab-finding__name">{ &d.need }</span>
                                <span class="ab-finding__reason">{ format!("asked of {team} · {state}{note}") }</span>
                            </li>
                        }
                    }) }
                </ul>
            }
            if !read_only {
                <button type="button" class="ab-button" onclick={ask} aria-describedby={described}>
                    { "Ask another team…" }
                </button>
            }
        </section>
    }
}

/// What the team is committed to without this initiative, and with it as drafted: "Platform
/// has 115 % committed besides this; 135 % with it, over capacity". A new initiative starts at 20 %, and
/// the person sees what that does to its team before saving.
fn effort_hint(board: &Board, existing: Option<&Initiative>, draft: &Draft) -> Option<String> {
    let team = board.team(&draft.team_id)?;
    let counted = existing
        .filter(|i| i.team_id == team.id && i.status.is_active())
        .map_or(0, |i| u32::from(i.effort));
    let others = board.team_effort(&team.id) - counted;
    // The same reading of the field as Save's.
    let this = match parse_whole(&draft.effort, 100) {
        Ok(effort) if draft.status.is_active() => effort,
        _ => {
            return Some(format!(
                "{} has {others} % committed besides this",
                team.name
            ))
        }
    };
    let with = others + this;
    let over = if with > 100 { ", over capacity" } else { "" };
    Some(format!(
        "{} has {others} % committed besides this; {with} % with it{over}",
        team.name
    ))
}
