//! The board's dialogs: one form per kind of thing (initiative, priority, team, person,
//! board settings), the people list, and the import confirmations. A form keeps its draft
//! to itself and sends one action on save, so typing never touches the board or storage.

mod coordination;
mod initiative;
mod people;
mod period;
mod priority;
mod settings;
mod team;

use super::app::{AppState, Msg};
use super::check_in::{timeline, CheckInEditor};
use super::dialog::Modal;
use super::now;
use super::share;
use crate::core::action::{reduce, Action};
use crate::core::model::{Board, Id, Person};
use std::rc::Rc;
use yew::prelude::*;

/// Which dialog is open.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogKind {
    /// Edit an initiative, or add one (optionally into a given lane and column).
    Initiative {
        id: Option<Id>,
        team: Option<Id>,
        priority: Option<Id>,
    },
    Priority(Option<Id>),
    Team(Option<Id>),
    People,
    Person(Option<Id>),
    Settings,
    /// Check in on an initiative.
    CheckIn(Id),
    /// Ask another team for something, from this initiative.
    Ask(Id),
    /// Accept or decline a request (other steps need no words).
    Answer {
        id: Id,
        step: crate::core::coordination::Step,
    },
    /// Record a decision.
    Decision,
    /// Start the next period, choosing what carries over.
    NewPeriod,
    ConfirmImport {
        file: String,
        board: Rc<Board>,
    },
    ImportFailed {
        file: String,
        message: String,
    },
    /// A share link, made.
    Share(String),
}

#[derive(Properties, PartialEq)]
pub struct DialogsProps {
    pub kind: DialogKind,
    /// The board, unless none has been started yet.
    pub board: Option<Rc<Board>>,
    pub read_only: bool,
    pub dispatch: UseReducerDispatcher<AppState>,
    pub on_dialog: Callback<Option<DialogKind>>,
    pub on_export: Callback<bool>,
}

/// What every form needs to do its job.
#[derive(Properties, PartialEq, Clone)]
pub struct FormProps {
    pub board: Rc<Board>,
    pub id: Option<Id>,
    pub read_only: bool,
    pub dispatch: UseReducerDispatcher<AppState>,
    pub on_dialog: Callback<Option<DialogKind>>,
    /// Where a new initiative goes (from a cell's "+" button).
    #[prop_or_default]
    pub team: Option<Id>,
    #[prop_or_default]
    pub priority: Option<Id>,
}

impl FormProps {
    /// Applies `action` if the core accepts it, closing the dialog (or opening `then`);
    /// otherwise returns the core's reason and leaves the draft in place.
    pub fn submit(&self, action: Action, then: Option<DialogKind>) -> Result<(), String> {
        let next =
            reduce(&self.board, action.clone(), now()).map_err(|refused| refused.to_string())?;
        self.dispatch.dispatch(Msg::Made {
            action,
            from: self.board.clone(),
            next,
        });
        self.on_dialog.emit(then);
        Ok(())
    }

    pub fn close(&self) -> Callback<()> {
        self.on_dialog.reform(|()| None)
    }
}

impl DialogsProps {
    /// What a form of this dialog needs, unless there is no board yet.
    fn form(&self, id: Option<Id>, team: Option<Id>, priority: Option<Id>) -> Option<FormProps> {
        self.board.clone().map(|board| FormProps {
            board,
            id,
            read_only: self.read_only,
            dispatch: self.dispatch.clone(),
            on_dialog: self.on_dialog.clone(),
            team,
            priority,
        })
    }
}

pub fn dialogs(props: &DialogsProps) -> Html {
    let close = props.on_dialog.reform(|()| None);
    let form = |id, team, priority| props.form(id, team, priority);
    match props.kind.clone() {
        DialogKind::Initiative { id, team, priority } => form(id, team, priority)
            .map(|p| html! { <initiative::InitiativeForm ..p /> })
            .unwrap_or_default(),
        DialogKind::Priority(id) => form(id, None, None)
            .map(|p| html! { <priority::PriorityForm ..p /> })
            .unwrap_or_default(),
        DialogKind::Team(id) => form(id, None, None)
            .map(|p| html! { <team::TeamForm ..p /> })
            .unwrap_or_default(),
        DialogKind::People => form(None, None, None)
            .map(|p| people::people_list(&p))
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
        | DialogKind::Answer { .. }
        | DialogKind::Decision => views_dialog(props),
        DialogKind::ConfirmImport {
            file,
            board: incoming,
        } => {
            let current = props.board.clone();
            let on_replace = {
                let (dispatch, on_dialog, incoming, file) = (
                    props.dispatch.clone(),
                    props.on_dialog.clone(),
                    incoming.clone(),
                    file.clone(),
                );
                Callback::from(move |_| {
                    dispatch.dispatch(Msg::Do {
                        action: Action::ReplaceBoard(incoming.clone()),
                        focus: None,
                    });
                    dispatch.dispatch(Msg::Notify(super::app::Notice {
                        error: false,
                        text: format!("Imported {file}. Undo brings the previous board back."),
                    }));
                    on_dialog.emit(None);
                })
            };
            let count = |board: &Board| {
                format!(
                    "{} priorities, {} teams, {} initiatives",
                    board.priorities.len(),
                    board.teams.len(),
                    board.initiatives.len()
                )
            };
            html! {
                <Modal title="Replace this board?" on_close={close.clone()} alert=true>
                    <p>{ format!("“{}” from {file} ({}) will replace ", incoming.title, count(&incoming)) }
                       <strong>{ current.as_ref().map(|b| format!("“{}”", b.title)).unwrap_or_default() }</strong>
                       { current.as_ref().map(|b| format!(" ({}).", count(b))).unwrap_or_default() }</p>
                    <p>{ "Undo brings the current board back; to keep a copy, export it first." }</p>
                    <div class="ab-dialog__actions">
                        <button type="button" class="ab-button" onclick={props.on_export.reform(|_| false)}>{ "Export current board" }</button>
                        <span class="ab-spacer"></span>
                        <button type="button" class="ab-button" onclick={close.reform(|_| ())}>{ "Cancel" }</button>
                        <button type="button" class="ab-button ab-button--danger" onclick={on_replace}>{ "Replace board" }</button>
                    </div>
                </Modal>
            }
        }
        DialogKind::Share(link) => {
            // Selecting the whole link on focus leaves it one keystroke from the clipboard.
            let on_focus = Callback::from(|event: FocusEvent| {
                if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                    input.select();
                }
            });
            let length = link.len();
            html! {
                <Modal title="Share link" on_close={close.clone()}>
                    <p>{ "Anyone who opens this link sees a read-only copy of the board as it is now. The board travels inside the link, after the #, which browsers never send to a server." }</p>
                    <input class="ab-input" readonly=true value={link.clone()} aria-label="Share link" onfocus={on_focus} />
                    <p class="ab-field__hint">
                        { length } { " characters." }
                        if length > share::LONG_LINK {
                            { " Some places cut links longer than about 2,000 characters (chat tools, older mail clients, some wikis): there, share an exported snapshot or picture instead." }
                        }
                    </p>
                    <div class="ab-dialog__actions">
                        <span class="ab-spacer"></span>
                        <button type="button" class="ab-button ab-button--primary" onclick={close.reform(|_| ())}>{ "Done" }</button>
                    </div>
                </Modal>
            }
        }
        DialogKind::ImportFailed { file, message } => html! {
            <Modal title="Import failed" on_close={close.clone()} alert=true>
                <p>{ format!("{file} was not imported:") }</p>
                <p class="ab-dialog__error"><code>{ message }</code></p>
                <p>{ "Your board is unchanged." }</p>
                <div class="ab-dialog__actions">
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button ab-button--primary" onclick={close.reform(|_| ())}>{ "OK" }</button>
                </div>
            </Modal>
        },
    }
}

/// The dialogs of the secondary views: check-in, new period, requests and decisions.
fn views_dialog(props: &DialogsProps) -> Html {
    let form = |id| props.form(id, None, None);
    match props.kind.clone() {
        DialogKind::Ask(id) => form(Some(id))
            .map(|p| html! { <coordination::AskForm ..p /> })
            .unwrap_or_default(),
        DialogKind::Answer { id, step } => form(Some(id))
            .map(|form| html! { <coordination::AnswerForm {form} {step} /> })
            .unwrap_or_default(),
        DialogKind::Decision => form(None)
            .map(|p| html! { <coordination::DecisionForm ..p /> })
            .unwrap_or_default(),
        DialogKind::CheckIn(id) => form(Some(id.clone()))
            .map(|p| {
                let title = p
                    .board
                    .initiative(&id)
                    .map_or(id.clone(), |i| i.title.clone());
                let on_submit = {
                    let p = p.clone();
                    Callback::from(move |check_in| {
                        let _ = p.submit(Action::CheckIn(check_in), None);
                    })
                };
                html! {
                    <Modal title={format!("Check in: {title}")} on_close={p.close()} wide=true>
                        <CheckInEditor key={id.clone()} board={p.board.clone()} initiative={id.clone()}
                                       submit="Save check-in" {on_submit}>
                            <button type="button" class="ab-button" onclick={p.close().reform(|_| ())}>{ "Cancel" }</button>
                        </CheckInEditor>
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

/// What is wrong with a form's fields, by field: a short list, kept in a `Vec` (a map type
/// would bring its own code into the bundle for a handful of entries).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Problems(Vec<(&'static str, String)>);

impl Problems {
    /// Notes what is wrong with `field`, replacing what was noted before.
    pub fn insert(&mut self, field: &'static str, problem: String) {
        self.0.retain(|(f, _)| *f != field);
        self.0.push((field, problem));
    }

    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| p)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The options of an "Owner" / "Lead" select: nobody, then people by name.
pub fn people_options(board: &Board, none_label: &'static str) -> Vec<(AttrValue, AttrValue)> {
    let mut people: Vec<&Person> = board.people.iter().collect();
    people.sort_by_key(|&p| p.name.as_str());
    std::iter::once((AttrValue::Static(""), AttrValue::Static(none_label)))
        .chain(
            people
                .into_iter()
                .map(|p| (p.id.clone().into(), p.name.clone().into())),
        )
        .collect()
}

/// `""` for nothing, the id otherwise (the value of a select).
pub fn optional_id(value: &str) -> Option<Id> {
    (!value.is_empty()).then(|| value.to_string())
}

/// "1 initiative", "3 initiatives".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
