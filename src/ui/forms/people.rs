//! The people of the board (owners, leads, authors): a list, and a form to add, edit or
//! delete one. Deleting someone who owns things says what will be left without an owner.

use super::form::{count, use_delete_question, use_form, Form, FormProps};
use crate::core::action::Action;
use crate::core::limits;
use crate::core::model::{Board, Person};
use crate::ui::dialog::Modal;
use crate::ui::fields::{optional_id, set_to, SelectField, TextField};
use crate::ui::state::DialogKind;
use yew::prelude::*;

/// What a person owns or leads, in words ("owns 3 initiatives, leads Platform").
fn responsibilities(board: &Board, id: &str) -> Vec<String> {
    let initiatives = board
        .initiatives
        .iter()
        .filter(|i| i.owner_id.as_deref() == Some(id))
        .count();
    let priorities = board
        .priorities
        .iter()
        .filter(|p| p.owner_id.as_deref() == Some(id))
        .count();
    let teams: Vec<&str> = board
        .teams
        .iter()
        .filter(|t| t.lead_id.as_deref() == Some(id))
        .map(|t| t.name.as_str())
        .collect();
    let mut out = Vec::new();
    if priorities > 0 {
        out.push(format!(
            "owns {}",
            count(priorities, "priority", "priorities")
        ));
    }
    if initiatives > 0 {
        out.push(format!(
            "owns {}",
            count(initiatives, "initiative", "initiatives")
        ));
    }
    if !teams.is_empty() {
        out.push(format!("leads {}", teams.join(", ")));
    }
    out
}

/// The people list; `focus` names the person whose Edit button gets focus (the one the
/// person just added, edited or looked at), else Add person has it.
pub fn people_list(props: &Form, focus: Option<&str>) -> Html {
    let board = &props.board;
    let mut people: Vec<&Person> = board.people.iter().collect();
    people.sort_by_cached_key(|&p| p.name.as_str());
    html! {
        <Modal title="People" on_close={props.close()} wide=true>
            if people.is_empty() {
                <p class="ab-field__hint">{ "No people yet. People own priorities and initiatives and lead teams." }</p>
            } else {
                <table class="ab-table ab-table--people" role="table" aria-label="People">
                    <thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">{ "Name" }</th><th scope="col" role="columnheader">{ "Team" }</th><th scope="col" role="columnheader">{ "Responsible for" }</th><th scope="col" role="columnheader"><span class="ab-visually-hidden">{ "Actions" }</span></th></tr></thead>
                    <tbody role="rowgroup">
                        { for people.iter().map(|person| {
                            let team = person.team_id.as_deref().and_then(|t| board.team(t)).map(|t| t.name.as_str());
                            let duties = responsibilities(board, &person.id);
                            let id = person.id.clone();
                            let first = (focus == Some(person.id.as_str())).then_some("");
                            html! {
                                <tr key={person.id.clone()} role="row">
                                    <th scope="row" role="rowheader">{ &person.name }</th>
                                    // What is not there is said in words, quieter: a dash says
                                    // nothing to a screen reader.
                                    <td role="cell">
                                        if let Some(team) = team { { team } } else { <span class="ab-table__none">{ "No team" }</span> }
                                    </td>
                                    <td role="cell">
                                        if duties.is_empty() { <span class="ab-table__none">{ "Nothing yet" }</span> } else { { duties.join("; ") } }
                                    </td>
                                    <td role="cell">
                                        if !props.read_only {
                                            <button type="button" class="ab-button ab-button--quiet ab-button--small"
                                                    aria-label={format!("Edit {}", person.name)} data-focus-first={first}
                                                    onclick={props.on_dialog.reform(move |_| Some(DialogKind::Person(Some(id.clone()))))}>{ "Edit" }</button>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            }
            <div class="ab-dialog__actions">
                <span class="ab-spacer"></span>
                <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ "Close" }</button>
                if !props.read_only {
                    <button type="button" class="ab-button ab-button--primary" data-focus-first={focus.is_none().then_some("")}
                            onclick={props.on_dialog.reform(|_| Some(DialogKind::Person(None)))}>{ "Add person" }</button>
                }
            </div>
        </Modal>
    }
}

#[function_component]
pub fn PersonForm(fields: &FormProps) -> Html {
    let props = &use_form(fields);
    let board = &props.board;
    let existing = props.id.as_deref().and_then(|id| board.person(id)).cloned();
    let name = use_state(|| {
        existing
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_default()
    });
    let team = use_state(|| {
        existing
            .as_ref()
            .and_then(|p| p.team_id.clone())
            .unwrap_or_default()
    });
    let error = use_state(|| None::<String>);
    let question = use_delete_question();
    let confirming = question.confirming.clone();
    let back = {
        let id = props.id.clone();
        props
            .on_dialog
            .reform(move |()| Some(DialogKind::People(id.clone())))
    };

    if let (true, Some(person)) = (*confirming, &existing) {
        let duties = responsibilities(board, &person.id);
        let on_delete = {
            let (props, id) = (props.clone(), person.id.clone());
            Callback::from(move |_| {
                let _ = props.submit(
                    Action::DeletePerson(id.clone()),
                    Some(DialogKind::People(None)),
                );
            })
        };
        return question.ask(
            format!("Delete {}?", person.name),
            html! {
                <>
                    if duties.is_empty() {
                        <p>{ format!("{} is not responsible for anything on the board.", person.name) }</p>
                    } else {
                        <p>{ format!("{} {}. That will be left without an owner.", person.name, duties.join(" and ")) }</p>
                    }
                    <p>{ "Undo brings them back." }</p>
                </>
            },
            "Delete person",
            on_delete,
        );
    }

    let on_submit = {
        let (name, team, error, props, existing) = (
            name.clone(),
            team.clone(),
            error.clone(),
            props.clone(),
            existing.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if name.trim().is_empty() {
                return error.set(Some("Give the person a name".into()));
            }
            let person = Person {
                id: existing
                    .as_ref()
                    .map(|p| p.id.clone())
                    .unwrap_or_else(|| crate::ui::ids::fresh(&props.board, "p")),
                name: name.trim().to_string(),
                team_id: optional_id(&team),
            };
            let back = Some(DialogKind::People(Some(person.id.clone())));
            let action = if existing.is_some() {
                Action::UpdatePerson(person)
            } else {
                Action::AddPerson(person)
            };
            error.set(props.submit(action, back).err());
        })
    };
    let teams: Vec<(AttrValue, AttrValue)> = std::iter::once(("".into(), "No team".into()))
        .chain(
            board
                .teams
                .iter()
                .map(|t| (t.id.clone().into(), t.name.clone().into())),
        )
        .collect();
    html! {
        <Modal title={if existing.is_some() { "Edit person" } else { "Add person" }} on_close={back.clone()} ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                <fieldset class="ab-form__fields">
                    <TextField label="Name" limit={limits::NAME} required=true value={(*name).clone()} on_change={set_to(&name)}
                               error={error.as_ref().map(|e| AttrValue::from(e.clone()))} />
                    <SelectField label="Team" value={(*team).clone()} options={teams} on_change={set_to(&team)} />
                </fieldset>
                <div class="ab-dialog__actions">
                    if existing.is_some() {
                        { question.button() }
                    }
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={back.reform(|_| ())}>{ "Back" }</button>
                    <button type="submit" class="ab-button ab-button--primary">{ if existing.is_some() { "Save" } else { "Add person" } }</button>
                </div>
            </form>
        </Modal>
    }
}
