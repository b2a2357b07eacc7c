//! One request in a team's list of Coordination.

use super::request_place;
use crate::core::coordination::{steps, Step};
use crate::core::health::Subject;
use crate::core::model::{DependencyState, Id};
use crate::ui::state::edit_request_place;
use crate::ui::subject_link::subject_link_saying;
use yew::prelude::*;

/// One request in a team's list, with the steps the asked team may take in answer.
#[derive(Properties, PartialEq)]
pub(super) struct RequestRowProps {
    pub(super) id: AttrValue,
    pub(super) need: AttrValue,
    /// The asking initiative, which the request's name shows on the board.
    pub(super) asking: AttrValue,
    /// Whether this is the request a Health or Rhythm item asked to see.
    pub(super) shown: bool,
    /// Whether it is one of the requests of the matrix's chosen cell.
    pub(super) picked: bool,
    pub(super) state: DependencyState,
    /// Who asks (or is asked), by when, the answer's note and any flags, in words.
    pub(super) reason: AttrValue,
    /// Whether the steps show: in the asked team's list, on a board that may be changed.
    pub(super) answering: bool,
    pub(super) on_reveal: Callback<Subject>,
    pub(super) on_step: Callback<(Id, Step)>,
    /// Opens the request to edit it: in the asking team's list, on a board that may change.
    pub(super) on_edit: Option<Callback<Id>>,
}

#[function_component]
pub(super) fn RequestRow(props: &RequestRowProps) -> Html {
    let subject = Subject::Initiative(props.asking.to_string());
    html! {
        <li class={classes!("ab-finding", "ab-request", (props.shown || props.picked).then_some("ab-request--shown"))}
            data-place={props.shown.then(|| request_place(&props.id))} tabindex={props.shown.then_some("-1")}
            aria-current={props.shown.then_some("true")}>
            { subject_link_saying(Some(subject), &props.need, Some("Show the work that asks for it on the board"), &props.on_reveal) }
            <span class={format!("ab-state ab-state--{}", props.state.key())}>{ props.state.key() }</span>
            <span class="ab-finding__reason">
                { &props.reason }
                if props.picked { <span class="ab-visually-hidden">{ " · in the chosen cell" }</span> }
            </span>
            if props.answering {
                <span class="ab-request__steps">
                    { for steps(props.state).into_iter().map(|step| {
                        let id = props.id.to_string();
                        html! {
                            <button key={step.key()} type="button" class="ab-button ab-button--small"
                                    aria-label={format!("{}: {}", step.label(), props.need)}
                                    onclick={props.on_step.reform(move |_| (id.clone(), step))}>{ step.label() }</button>
                        }
                    }) }
                </span>
            }
            if let Some(on_edit) = &props.on_edit {
                <span class="ab-request__steps">
                    <button type="button" class="ab-button ab-button--small" aria-label={format!("Edit request: {}", props.need)}
                            data-place={edit_request_place(&props.id)}
                            onclick={let id = props.id.to_string(); on_edit.reform(move |_| id.clone())}>{ "Edit…" }</button>
                </span>
            }
        </li>
    }
}
