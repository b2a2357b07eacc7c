//! The board's dialogs: one form per kind of thing (initiative, priority, team, person,
//! board settings), the people list, the import confirmations, the merge preview and the
//! slice export. A form keeps its draft
//! to itself and sends one action on save, so typing never touches the board or storage.

mod coordination;
mod form;
mod help;
mod outputs;
pub use form::{count, Form, FormProps};
mod initiative;
mod merge;
mod people;
mod period;
mod priority;
mod settings;
mod share;
mod slice;
mod team;

use super::board_view::Attention;
use super::check_in::{timeline, CheckInEditor};
use super::dates::date_time;
use super::dialog::Modal;
use super::state::{use_board, BoardContext, DialogKind, Msg};
use crate::core::action::Action;
use crate::core::model::{Board, Id};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DialogsProps {
    pub kind: DialogKind,
    /// The board, unless none has been started yet.
    pub board: Option<Rc<Board>>,
    pub on_export: Callback<bool>,
    /// Why each initiative needs attention, for its form to say.
    pub attention: Attention,
}

impl DialogsProps {
    /// What a form of this dialog is about, unless there is no board yet.
    fn form(&self, id: Option<Id>, team: Option<Id>, priority: Option<Id>) -> Option<FormProps> {
        self.board.clone().map(|board| FormProps {
            board,
            id,
            team,
            priority,
            flagged: None,
        })
    }
}

/// The open dialog.
#[function_component]
pub fn Dialogs(props: &DialogsProps) -> Html {
    let context = use_board();
    let close = context.on_dialog.reform(|()| None);
    let form = |id, team, priority| props.form(id, team, priority);
    match props.kind.clone() {
        DialogKind::Initiative { id, team, priority } => form(id.clone(), team, priority)
            .map(|p| {
                let flagged = id.as_deref().and_then(|id| props.attention.of(id));
                html! { <initiative::InitiativeForm {flagged} ..p /> }
            })
            .unwrap_or_default(),
        DialogKind::Priority(id) => form(id, None, None)
            .map(|p| html! { <priority::PriorityForm ..p /> })
            .unwrap_or_default(),
        DialogKind::Team(id) => form(id, None, None)
            .map(|p| html! { <team::TeamForm ..p /> })
            .unwrap_or_default(),
        DialogKind::People(focus) => form(None, None, None)
            .map(|p| people::people_list(&Form::new(&p, context.clone()), focus.as_deref()))
            .unwrap_or_default(),
        DialogKind::Person(id) => form(id, None, None)
            .map(|p| html! { <people::PersonForm ..p /> })
            .unwrap_or_default(),
        DialogKind::Settings => form(None, None, None)
            .map(|p| html! { <settings::SettingsForm ..p /> })
            .unwrap_or_default(),
        DialogKind::CheckIn(_)
        | DialogKind::NewPeriod
        | DialogKind::Ask(_)
        | DialogKind::Request(_)
        | DialogKind::Answer { .. }
        | DialogKind::Decision(_) => views_dialog(props, &context),
        DialogKind::ConfirmImport {
            file,
            board: incoming,
            from_link,
        } => {
            let what = format!("“{}” from {file} ({})", incoming.title, counts(&incoming));
            // The board as it is (its own export imported again): nothing would change, and
            // there would be no step for Undo to take back.
            if props.board.as_deref() == Some(&*incoming) {
                let taking = if from_link {
                    "opening it"
                } else {
                    "importing it"
                };
                return html! {
                    <Modal title="Nothing would change" on_close={close.clone()}>
                        <p>{ format!("{what} is the same as your board, so {taking} would change nothing.") }</p>
                        <div class="ab-dialog__actions">
                            <span class="ab-spacer"></span>
                            <button type="button" class="ab-button ab-button--primary" onclick={close.reform(|_| ())}>{ "OK" }</button>
                        </div>
                    </Modal>
                };
            }
            // A share link's board was opened, not a file imported; the link has left the
            // address, so a Cancel says how to find the shared copy again.
            let done = if from_link {
                "Opened the shared board".to_string()
            } else {
                format!("Imported {file}")
            };
            let cancelled = from_link.then(|| {
                "The shared board was not opened: the browser's Back button returns to it."
                    .to_string()
            });
            // Where there is no board yet (only a share link asks then), it is kept as is.
            let question = match props.board {
                Some(_) => Replacement {
                    title: "Replace this board?",
                    what,
                    confirm: "Replace board",
                    done: format!("{done}. Undo brings the previous board back."),
                    cancelled,
                },
                None => Replacement {
                    title: "Keep this board?",
                    what,
                    confirm: "Keep board",
                    done: format!("{done}."),
                    cancelled,
                },
            };
            replace_board(props, &context, question, incoming)
        }
        DialogKind::NewBoard => replace_board(
            props,
            &context,
            Replacement {
                title: "Start a new board?",
                what: "A blank board for this quarter".into(),
                confirm: "Start new board",
                done: "New board started. Undo brings the previous board back.".into(),
                cancelled: None,
            },
            Rc::new(Board::blank(
                super::ids::fresh_board(),
                super::clock::local_now().today(),
            )),
        ),
        DialogKind::Help => html! { <help::Help on_close={close.clone()} /> },
        DialogKind::Merge(files) => match &props.board {
            Some(board) => html! {
                <merge::MergePreview board={board.clone()} {files} on_close={close.clone()} />
            },
            None => Html::default(),
        },
        DialogKind::Slice(chosen) => match &props.board {
            Some(board) => html! {
                <slice::SliceExport board={board.clone()} {chosen} on_close={close.clone()} />
            },
            None => Html::default(),
        },
        DialogKind::Outputs => match &props.board {
            Some(board) => {
                html! { <outputs::Outputs board={board.clone()} on_close={close.clone()} /> }
            }
            None => Html::default(),
        },
        DialogKind::Share(link) => {
            html! { <share::ShareLink link={link.clone()} on_close={close.clone()} /> }
        }
        DialogKind::ImportFailed { file, message } => html! {
            <Modal title="Import failed" on_close={close.clone()} alert=true>
                <p>{ format!("{file} was not imported:") }</p>
                <p class="ab-dialog__error"><code>{ message }</code></p>
                <p>{ if props.board.is_some() { "Your board is unchanged." } else { "Nothing was imported. Try another file, or choose Start from example or Start blank." } }</p>
                <div class="ab-dialog__actions">
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button ab-button--primary" onclick={close.reform(|_| ())}>{ "OK" }</button>
                </div>
            </Modal>
        },
    }
}

/// How a question before another board takes the current one's place reads.
struct Replacement {
    title: &'static str,
    /// The board that comes, as the question names it.
    what: String,
    confirm: &'static str,
    /// What the board says once it is done.
    done: String,
    /// What it says if the person says no (Cancel, Escape, ×), if anything.
    cancelled: Option<String>,
}

/// "2 priorities, 1 team, 5 initiatives", or "nothing on it yet".
fn counts(board: &Board) -> String {
    if is_empty(board) {
        return "nothing on it yet".into();
    }
    format!(
        "{}, {}, {}",
        count(board.priorities.len(), "priority", "priorities"),
        count(board.teams.len(), "team", "teams"),
        count(board.initiatives.len(), "initiative", "initiatives")
    )
}

/// Whether a board has no priority, team or initiative: replacing it loses nothing to warn of.
fn is_empty(board: &Board) -> bool {
    board.priorities.is_empty() && board.teams.is_empty() && board.initiatives.is_empty()
}

/// Asks before `incoming` takes the current board's place (an import, a new board): Undo
/// brings the current one back, and it can be exported first.
fn replace_board(
    props: &DialogsProps,
    context: &BoardContext,
    question: Replacement,
    incoming: Rc<Board>,
) -> Html {
    let Replacement {
        title,
        what,
        confirm,
        done,
        cancelled,
    } = question;
    let close = {
        let (dispatch, on_dialog) = (context.dispatch.clone(), context.on_dialog.clone());
        Callback::from(move |()| {
            on_dialog.emit(None);
            if let Some(text) = cancelled.clone() {
                dispatch.dispatch(Msg::Notify(super::state::Notice::info(text)));
            }
        })
    };
    let current = props.board.as_ref();
    // A file older than the board's own work (the slice sent out a week ago, imported again
    // by mistake) would take that work away: said, with both dates, for a copy of the same board.
    let older = current
        .filter(|c| c.id == incoming.id)
        .and_then(|c| c.last_change())
        .zip(incoming.last_change())
        .filter(|(ours, theirs)| theirs < ours)
        .map(|(ours, theirs)| {
            format!(
                "This board has changes up to {}; the file's latest is from {}. What was done in between is not in the file.",
                date_time(ours),
                date_time(theirs)
            )
        });
    let on_replace = {
        let (dispatch, on_dialog) = (context.dispatch.clone(), context.on_dialog.clone());
        let replaces = current.is_some();
        Callback::from(move |_| {
            if replaces {
                dispatch.dispatch(Msg::Do {
                    action: Action::ReplaceBoard(incoming.clone()),
                    focus: None,
                });
                dispatch.dispatch(Msg::Done(done.clone()));
            } else {
                dispatch.dispatch(Msg::Start(incoming.clone(), done.clone()));
            }
            on_dialog.emit(None);
        })
    };
    // An empty board is replaced with nothing to export and nothing to lose.
    let losing = current.is_some_and(|c| !is_empty(c));
    html! {
        <Modal {title} on_close={close.clone()} alert=true>
            if let Some(current) = current {
                <p>{ format!("{what} will replace ") }
                   <strong>{ format!("“{}”", current.title) }</strong>
                   { format!(" ({}).", counts(current)) }</p>
                if let Some(older) = older {
                    <p class="ab-field__hint ab-field__hint--warn">{ older }</p>
                }
                <p>{ "Undo brings the current board back; to keep a copy, export it first." }</p>
            } else {
                <p>{ format!("{what} will be the board this browser keeps.") }</p>
            }
            <div class="ab-dialog__actions">
                if losing {
                    <button type="button" class="ab-button" onclick={props.on_export.reform(|_| false)}>{ "Export current board" }</button>
                }
                <span class="ab-spacer"></span>
                // The question opens on Cancel: Enter at once changes nothing.
                <button type="button" class="ab-button" data-focus-first="" onclick={close.reform(|_| ())}>{ "Cancel" }</button>
                <button type="button" class={classes!("ab-button", if losing { "ab-button--danger" } else { "ab-button--primary" })} onclick={on_replace}>{ confirm }</button>
            </div>
        </Modal>
    }
}

/// The dialogs of the secondary views: check-in, new period, requests and decisions.
fn views_dialog(props: &DialogsProps, context: &BoardContext) -> Html {
    let form = |id| props.form(id, None, None);
    match props.kind.clone() {
        DialogKind::Ask(id) => form(Some(id))
            .map(|form| html! { <coordination::AskForm {form} editing={false} /> })
            .unwrap_or_default(),
        DialogKind::Request(id) => form(Some(id))
            .map(|form| html! { <coordination::AskForm {form} editing={true} /> })
            .unwrap_or_default(),
        DialogKind::Answer { id, step } => form(Some(id))
            .map(|form| html! { <coordination::AnswerForm {form} {step} /> })
            .unwrap_or_default(),
        DialogKind::Decision(id) => form(id)
            .map(|p| html! { <coordination::DecisionForm ..p /> })
            .unwrap_or_default(),
        DialogKind::CheckIn(id) => form(Some(id.clone()))
            .map(|p| Form::new(&p, context.clone()))
            .map(|p| {
                let title = p
                    .board
                    .initiative(&id)
                    .map_or(id.clone(), |i| i.title.clone());
                let on_submit = {
                    let (p, dispatch, done) = (
                        p.clone(),
                        context.dispatch.clone(),
                        format!("Checked in on “{title}”."),
                    );
                    // Checked in from Rhythm's list, the work leaves it: the window's foot
                    // says what was done.
                    Callback::from(move |check_in| {
                        if p.submit(Action::CheckIn(check_in), None).is_ok() {
                            dispatch.dispatch(Msg::Done(done.clone()));
                        }
                    })
                };
                html! {
                    <Modal title={format!("Check in: {title}")} on_close={p.close()} wide=true ask_to_discard=true>
                        <CheckInEditor key={id.clone()} board={p.board.clone()} initiative={id.clone()}
                                       submit="Save check-in" {on_submit} on_cancel={p.close()} />
                        <h3 class="ab-dialog__subtitle">{ "History" }</h3>
                        { timeline(&p.board, &id) }
                    </Modal>
                }
            })
            .unwrap_or_default(),
        DialogKind::NewPeriod => form(None)
            .map(|p| html! { <period::NewPeriodForm ..p /> })
            .unwrap_or_default(),
        _ => Html::default(),
    }
}
