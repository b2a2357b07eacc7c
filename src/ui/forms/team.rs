//! Adding, editing and deleting a team. A team with initiatives is only deleted after the
//! person chooses where its work goes: to another team, or away with it.

use super::form::{count, use_delete_question, use_form, FormProps};
use crate::core::action::Action;
use crate::core::limits;
use crate::core::model::Team;
use crate::ui::dialog::Modal;
use crate::ui::fields::{optional_id, people_choice, set_to, SelectField, TextField};
use yew::prelude::*;

const DELETE_WORK: &str = "";

#[function_component]
pub fn TeamForm(fields: &FormProps) -> Html {
    let props = &use_form(fields);
    let board = &props.board;
    let existing = props.id.as_deref().and_then(|id| board.team(id)).cloned();
    let name = use_state(|| {
        existing
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_default()
    });
    let lead = use_state(|| {
        existing
            .as_ref()
            .and_then(|t| t.lead_id.clone())
            .unwrap_or_default()
    });
    let error = use_state(|| None::<String>);
    let question = use_delete_question();
    let confirming = question.confirming.clone();
    let move_to = use_state(|| {
        let own = props.id.clone().unwrap_or_default();
        board
            .teams
            .iter()
            .find(|t| t.id != own)
            .map(|t| t.id.clone())
            .unwrap_or_default()
    });

    if let (true, Some(team)) = (*confirming, &existing) {
        let work = board
            .initiatives
            .iter()
            .filter(|i| i.team_id == team.id)
            .count();
        let members = board
            .people
            .iter()
            .filter(|p| p.team_id.as_deref() == Some(&team.id))
            .count();
        let asked = board
            .dependencies
            .iter()
            .filter(|d| d.to_team_id == team.id)
            .count();
        // One initiative is "it", several "them".
        let (them, their) = if work == 1 {
            ("it", "its")
        } else {
            ("them", "their")
        };
        let mut choices: Vec<(AttrValue, AttrValue)> = board
            .teams
            .iter()
            .filter(|t| t.id != team.id)
            .map(|t| {
                (
                    t.id.clone().into(),
                    format!("Move {them} to {}", t.name).into(),
                )
            })
            .collect();
        choices.push((
            DELETE_WORK.into(),
            format!("Delete {them} with {their} check-ins").into(),
        ));
        let on_delete = {
            let (props, id, move_to) = (props.clone(), team.id.clone(), move_to.clone());
            Callback::from(move |_| {
                let target = if work == 0 {
                    None
                } else {
                    optional_id(&move_to)
                };
                let _ = props.submit(
                    Action::DeleteTeam {
                        id: id.clone(),
                        move_initiatives_to: target,
                    },
                    None,
                );
            })
        };
        return question.ask(
            format!("Delete team {}?", team.name),
            html! {
                <>
                    if work > 0 {
                        <p>{ format!("{} has {}.", team.name, count(work, "initiative", "initiatives")) }</p>
                        <SelectField label={format!("What happens to {them}")} value={(*move_to).clone()} options={choices}
                                     on_change={let m = move_to.clone(); Callback::from(move |v| m.set(v))} />
                    } else {
                        <p>{ format!("{} has no initiatives.", team.name) }</p>
                    }
                    if members > 0 { <p>{ format!("{} will be left without a team.", count(members, "person", "people")) }</p> }
                    if asked > 0 { <p>{ format!("{} asked of this team will be removed.", count(asked, "dependency", "dependencies")) }</p> }
                    <p>{ "Undo brings it all back." }</p>
                </>
            },
            "Delete team",
            on_delete,
        );
    }

    let on_submit = {
        let (name, lead, error, props, existing) = (
            name.clone(),
            lead.clone(),
            error.clone(),
            props.clone(),
            existing.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if name.trim().is_empty() {
                return error.set(Some("Give the team a name".into()));
            }
            let team = Team {
                id: existing
                    .as_ref()
                    .map(|t| t.id.clone())
                    .unwrap_or_else(|| crate::ui::ids::fresh(&props.board, "t")),
                name: name.trim().to_string(),
                lead_id: optional_id(&lead),
            };
            let action = if existing.is_some() {
                Action::UpdateTeam(team)
            } else {
                Action::AddTeam(team)
            };
            error.set(props.submit(action, None).err());
        })
    };
    // The team's own people first.
    let leads = people_choice(board, "No lead", props.id.as_deref().unwrap_or_default());
    // A lead in no team joins the team they lead (`core::action`): said before it happens.
    let lead_hint = if board.people.is_empty() {
        Some(AttrValue::Static(
            "Add people under People to choose a lead",
        ))
    } else {
        let kept = existing.as_ref().and_then(|t| t.lead_id.as_deref()) == Some(lead.as_str());
        board
            .person(&lead)
            .filter(|p| p.team_id.is_none() && !kept)
            .map(|p| format!("{} is in no team yet, and joins this one.", p.name).into())
    };
    html! {
        <Modal title={if existing.is_some() { "Edit team" } else { "Add team" }} on_close={props.close()} ask_to_discard=true>
            <form class="ab-form" onsubmit={on_submit} novalidate=true>
                <fieldset class="ab-form__fields" disabled={props.read_only}>
                    <TextField label="Name" limit={limits::NAME} required=true value={(*name).clone()} on_change={set_to(&name)}
                               error={error.as_ref().map(|e| AttrValue::from(e.clone()))} />
                    <SelectField label="Lead" value={(*lead).clone()} options={leads.options} groups={leads.groups}
                                 on_change={set_to(&lead)}
                                 hint={lead_hint} />
                </fieldset>
                <div class="ab-dialog__actions">
                    if existing.is_some() && !props.read_only {
                        { question.button() }
                    }
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={props.close().reform(|_| ())}>{ "Cancel" }</button>
                    if !props.read_only {
                        <button type="submit" class="ab-button ab-button--primary">{ if existing.is_some() { "Save" } else { "Add team" } }</button>
                    }
                </div>
            </form>
        </Modal>
    }
}
