//! Checking in on an initiative: status, progress, confidence and a note, with the previous
//! check-in beside the new one, and the initiative's check-ins as a timeline. The editor is
//! shared by the check-in dialog and the guided review.

use super::clock::now;
use super::dates::short_day;
use super::dom::ctrl_enter_submits;
use super::fields::{
    excerpt, optional_id, parse_whole, people_choice, progress_on_status, set_to, SelectField,
    TextField, EXCERPT,
};
use super::state::use_board;
use crate::core::model::{Board, CheckIn, Id, Initiative, Status};
use crate::storage::{change_display, display};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckInEditorProps {
    pub board: Rc<Board>,
    pub initiative: AttrValue,
    /// The label of the submit button ("Save check-in", "Save and next").
    pub submit: AttrValue,
    pub on_submit: Callback<CheckIn>,
    /// More buttons about the initiative (Previous, Skip), on a line before Cancel and the
    /// submit button.
    #[prop_or_default]
    pub children: Html,
    /// Cancel, beside the submit button, when the editor is a dialog of its own.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
    /// A check-in this editor corrects (a guided review's step saved before): its note and
    /// author are shown, and saving replaces it.
    #[prop_or_default]
    pub again: Option<CheckIn>,
    /// Put focus on the first field when shown (the guided review moves from one to the next).
    #[prop_or_default]
    pub autofocus: bool,
    /// What was typed before and not saved (a guided review left for another view): the
    /// fields start from it.
    #[prop_or_default]
    pub draft: Option<CheckInDraft>,
    /// Told what the fields hold whenever it changes, `None` while they hold what they
    /// started with, so that a guided review can keep it.
    #[prop_or_default]
    pub on_draft: Option<Callback<Option<CheckInDraft>>>,
}

/// The editor's fields as typed, before they are saved.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckInDraft {
    status: String,
    progress: String,
    confidence: String,
    author: String,
    note: String,
}

/// The statuses a check-in can set, as select options.
fn status_options() -> Vec<(AttrValue, AttrValue)> {
    Status::ALL
        .iter()
        .map(|s| (s.key().into(), s.label().into()))
        .collect()
}

fn confidence_options() -> Vec<(AttrValue, AttrValue)> {
    std::iter::once(("".into(), "Unknown".into()))
        .chain((0..=10).map(|n| (n.to_string().into(), format!("{n} / 10").into())))
        .collect()
}

/// One line about a check-in: `Nov 20 · On track · 30 % · confidence 6 · by Dana`.
pub fn check_in_line(board: &Board, check_in: &CheckIn) -> String {
    let mut parts = vec![
        short_day(check_in.at),
        check_in.status.label().to_string(),
        format!("{} %", check_in.progress),
    ];
    if let Some(c) = check_in.confidence {
        parts.push(format!("confidence {c}"));
    }
    if let Some(author) = check_in.author_id.as_deref().and_then(|a| board.person(a)) {
        parts.push(format!("by {}", author.name));
    }
    parts.join(" · ")
}

/// The check-ins of an initiative, newest first.
pub fn check_ins_of<'a>(board: &'a Board, initiative: &str) -> Vec<&'a CheckIn> {
    let mut list: Vec<&CheckIn> = board
        .check_ins
        .iter()
        .filter(|c| c.initiative_id == initiative)
        .collect();
    list.sort_by_cached_key(|c| -c.at.unix_seconds());
    list
}

/// What the editor's fields start with: the initiative's status, progress and confidence, and
/// the check-in it corrects (its note and author), else as author its owner (who gives the
/// update, also in a review where one person types every team's), else the person who last
/// checked in from this browser (`me`) when they are of the work's team or lead it, else the
/// team's lead (who speaks for its work with no owner: on a shared screen, the last person
/// to check in is seldom the one speaking), else `me`, else whoever checked in last. The
/// person can say otherwise.
fn fresh_draft(
    props: &CheckInEditorProps,
    initiative: Option<&Initiative>,
    me: Option<Id>,
) -> CheckInDraft {
    let board = &props.board;
    let on_board = |id: &Id| board.person(id).is_some();
    let previous = || {
        check_ins_of(board, &props.initiative)
            .first()
            .and_then(|c| c.author_id.clone())
            .filter(on_board)
    };
    let again = props.again.as_ref();
    let author = again
        .map(|c| c.author_id.clone().filter(on_board).unwrap_or_default())
        .unwrap_or_else(|| {
            let team = initiative.and_then(|i| board.team(&i.team_id));
            let lead = team.and_then(|t| t.lead_id.clone()).filter(on_board);
            let of_team = |id: &Id| {
                lead.as_ref() == Some(id)
                    || board.person(id).and_then(|p| p.team_id.as_ref()) == team.map(|t| &t.id)
            };
            (initiative.and_then(|i| i.owner_id.clone()).filter(on_board))
                .or_else(|| me.clone().filter(|m| on_board(m) && of_team(m)))
                .or_else(|| lead.clone())
                .or_else(|| me.filter(on_board))
                .or_else(previous)
                .unwrap_or_default()
        });
    CheckInDraft {
        status: initiative
            .map_or(Status::OnTrack, |i| i.status)
            .key()
            .to_string(),
        progress: initiative.map_or(0, |i| i.progress).to_string(),
        confidence: initiative
            .and_then(|i| i.confidence)
            .map(|c| c.to_string())
            .unwrap_or_default(),
        author,
        note: again.map(|c| c.note.clone()).unwrap_or_default(),
    }
}

#[function_component]
pub fn CheckInEditor(props: &CheckInEditorProps) -> Html {
    let board = &props.board;
    let initiative = board.initiative(&props.initiative).cloned();
    let context = use_board();
    let start = use_state(|| {
        let me = display(context.store.0.as_ref(), &context.storage_key).checks_in_as;
        fresh_draft(props, initiative.as_ref(), me)
    });
    let kept = props.draft.as_ref().unwrap_or(&start);
    let status = use_state(|| kept.status.clone());
    let progress = use_state(|| kept.progress.clone());
    let before_done = use_mut_ref(|| None::<String>);
    let confidence = use_state(|| kept.confidence.clone());
    let note = use_state(|| kept.note.clone());
    let author = use_state(|| kept.author.clone());
    {
        let draft = CheckInDraft {
            status: (*status).clone(),
            progress: (*progress).clone(),
            confidence: (*confidence).clone(),
            author: (*author).clone(),
            note: (*note).clone(),
        };
        let (on_draft, start) = (props.on_draft.clone(), start.clone());
        use_effect_with(draft, move |draft| {
            if let Some(on_draft) = on_draft {
                on_draft.emit((*draft != *start).then(|| draft.clone()));
            }
        });
    }
    let error = use_state(|| None::<String>);
    let form = use_node_ref();
    {
        let (form, autofocus) = (form.clone(), props.autofocus);
        use_effect_with((), move |_| {
            if !autofocus {
                return;
            }
            let first = form
                .cast::<web_sys::Element>()
                .and_then(|f| f.query_selector("select").ok().flatten())
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(first) = first {
                let _ = first.focus();
            }
        });
    }
    // Ctrl/Cmd + Enter saves from any field, the note included.
    let on_key = {
        let form = form.clone();
        Callback::from(move |event: KeyboardEvent| {
            ctrl_enter_submits(&event, || form.cast::<web_sys::HtmlFormElement>());
        })
    };
    let Some(initiative) = initiative else {
        return html! { <p>{ "This initiative is no longer on the board." }</p> };
    };
    // The check-in before this one: correcting one saved a moment ago (`again`), the one
    // before it, not itself.
    let previous = check_ins_of(board, &initiative.id)
        .into_iter()
        .find(|c| props.again.as_ref().is_none_or(|again| again.id != c.id))
        .cloned();

    // Done work is all done: choosing Done fills in 100 %, which the person can still change,
    // and another status chosen after it gives back what the field held.
    let on_status = {
        let (status, progress) = (status.clone(), progress.clone());
        let kept = before_done.clone();
        Callback::from(move |value: String| {
            let from = Status::from_key(&status).unwrap_or_default();
            let to = Status::from_key(&value).unwrap_or_default();
            let mut text = (*progress).clone();
            progress_on_status(from, to, &mut text, &mut kept.borrow_mut());
            progress.set(text);
            status.set(value);
        })
    };

    let on_submit = {
        let (status, progress, confidence, note, author, error) = (
            status.clone(),
            progress.clone(),
            confidence.clone(),
            note.clone(),
            author.clone(),
            error.clone(),
        );
        let (board, id, on_submit, again, owner) = (
            board.clone(),
            initiative.id.clone(),
            props.on_submit.clone(),
            props.again.clone(),
            initiative.owner_id.clone(),
        );
        let (store, key) = (context.store.clone(), context.storage_key.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let value = match parse_whole(&progress, 100) {
                Ok(value) => value as u8,
                Err(message) => {
                    error.set(Some(message));
                    return;
                }
            };
            error.set(None);
            // Whoever checks in from this browser is likely to again, on work with no
            // owner; a correction is of someone else's check-in as often as not, and the
            // work's owner, who the form starts with, says nothing of who is typing (in a
            // guided review one person types every owner's update).
            if again.is_none() && optional_id(&author) != owner {
                change_display(store.0.as_ref(), &key, |d| {
                    d.checks_in_as = optional_id(&author)
                });
            }
            on_submit.emit(CheckIn {
                id: again
                    .as_ref()
                    .map_or_else(|| crate::ui::ids::fresh(&board, "c"), |c| c.id.clone()),
                initiative_id: id.clone(),
                at: now(),
                status: Status::from_key(&status).unwrap_or_default(),
                progress: value,
                confidence: confidence.parse().ok(),
                note: note.trim().to_string(),
                author_id: optional_id(&author),
            });
        })
    };
    // The team's people first.
    let authors = people_choice(board, "Not recorded", &initiative.team_id);

    html! {
        <form ref={form} class="ab-form ab-check-in" onsubmit={on_submit} onkeydown={on_key} novalidate=true>
            <p class="ab-check-in__previous">
                <span class="ab-check-in__label">{ "Previous check-in" }</span>
                { match &previous {
                    Some(p) => html! {
                        <>
                            <span>{ check_in_line(board, p) }</span>
                            // Its first lines: the check-ins below hold the note whole.
                            if !p.note.is_empty() { <q class="ab-check-in__note">{ excerpt(&p.note, EXCERPT) }</q> }
                        </>
                    },
                    None => html! { <span>{ "None yet" }</span> },
                } }
            </p>
            <div class="ab-form__fields ab-check-in__fields">
                <SelectField label="Status" value={(*status).clone()} options={status_options()} on_change={on_status} />
                <TextField label="Progress (%)" kind="number" min="0" max="100" value={(*progress).clone()}
                           on_change={set_to(&progress)} error={(*error).clone().map(AttrValue::from)} />
                <SelectField label="Confidence" value={(*confidence).clone()} options={confidence_options()} on_change={set_to(&confidence)} />
                <SelectField label="Checked in by" value={(*author).clone()} options={authors.options} groups={authors.groups} on_change={set_to(&author)}
                             hint="Who gave this update" />
                <TextField label="Note" multiline=true value={(*note).clone()} on_change={set_to(&note)}
                           hint="What moved, what is in the way" />
            </div>
            <div class="ab-dialog__actions">
                { props.children.clone() }
                <span class="ab-spacer"></span>
                if let Some(cancel) = &props.on_cancel {
                    <button type="button" class="ab-button" onclick={cancel.reform(|_| ())}>{ "Cancel" }</button>
                }
                <button type="submit" class="ab-button ab-button--primary">{ &props.submit }</button>
            </div>
        </form>
    }
}

/// The initiative's check-ins, newest first, as an ordered list.
pub fn timeline(board: &Board, initiative: &str) -> Html {
    let list = check_ins_of(board, initiative);
    if list.is_empty() {
        return html! { <p class="ab-field__hint">{ "No check-ins yet." }</p> };
    }
    html! {
        <ol class="ab-timeline" aria-label="Check-ins, newest first">
            { for list.into_iter().map(|c| html! {
                <li class="ab-timeline__item">
                    <span class={classes!("ab-timeline__dot", super::card::status_class(c.status))} aria-hidden="true"></span>
                    <span class="ab-timeline__line">{ check_in_line(board, c) }</span>
                    if !c.note.is_empty() { <span class="ab-timeline__note">{ &c.note }</span> }
                </li>
            }) }
        </ol>
    }
}
