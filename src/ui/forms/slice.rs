//! Exporting some teams' slice of the board (`core::slice`): a snapshot a team keeps on its
//! own page or in its own browser, and that merges back later ("Merge team snapshots…").

use crate::core::model::{Board, Id};
use crate::core::slice::{export, file_name};
use crate::core::snapshot;
use crate::ui::clock::local_now;
use crate::ui::dialog::Modal;
use crate::ui::files::{download_text, exported};
use crate::ui::state::{use_board, Msg, Notice};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SliceExportProps {
    pub board: Rc<Board>,
    /// The teams chosen at first.
    pub chosen: Vec<Id>,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn SliceExport(props: &SliceExportProps) -> Html {
    let context = use_board();
    let board = &props.board;
    // A team since deleted (a filter that named it) is not chosen.
    let chosen = use_state(|| {
        let mut chosen = props.chosen.clone();
        chosen.retain(|id| board.team(id).is_some());
        chosen
    });
    let on_export = {
        let (board, chosen, dispatch, on_close) = (
            board.clone(),
            chosen.clone(),
            context.dispatch.clone(),
            props.on_close.clone(),
        );
        Callback::from(move |_| {
            let now = local_now();
            let name = file_name(&board, &chosen, now.today());
            let slice = export(&board, &chosen, now.at());
            let text = snapshot::write_pretty(&slice, now.at());
            dispatch.dispatch(match download_text(&name, &text, "application/json") {
                Ok(()) => exported(&slice, &name, false),
                Err(message) => Msg::Notify(Notice::error(format!("Export failed: {message}"))),
            });
            on_close.emit(());
        })
    };
    let teams = board.teams.iter().map(|team| {
        let checked = chosen.contains(&team.id);
        let onchange = {
            let (chosen, id) = (chosen.clone(), team.id.clone());
            Callback::from(move |_| {
                let mut next = (*chosen).clone();
                match next.iter().position(|t| *t == id) {
                    Some(at) => {
                        next.remove(at);
                    }
                    None => next.push(id.clone()),
                }
                chosen.set(next);
            })
        };
        html! {
            <label class="ab-check" key={team.id.clone()}>
                <input type="checkbox" {checked} {onchange} />
                { &team.name }
            </label>
        }
    });
    html! {
        <Modal title="Export team slice" on_close={props.on_close.clone()}>
            <p>{ "A slice is a snapshot of what some teams need to keep their part of the board on their own: their initiatives with check-ins and risks, every active priority, the people involved, the requests that touch them and the decisions about their priorities, or that name them or stopped their work." }</p>
            <p class="ab-field__hint">{ "The team imports it on its own board. Later, bring their snapshot back with File › Merge team snapshots…: their changes arrive, and nothing of the other teams changes." }</p>
            if board.teams.is_empty() {
                <p>{ "This board has no teams yet." }</p>
            } else {
                <fieldset class="ab-form__group">
                    <legend>{ "Teams" }</legend>
                    { teams.collect::<Html>() }
                </fieldset>
            }
            <div class="ab-dialog__actions">
                <span class="ab-spacer"></span>
                <button type="button" class="ab-button" onclick={props.on_close.reform(|_| ())}>{ "Cancel" }</button>
                <button type="button" class="ab-button ab-button--primary" disabled={chosen.is_empty()}
                        onclick={on_export}>{ "Export slice" }</button>
            </div>
        </Modal>
    }
}
