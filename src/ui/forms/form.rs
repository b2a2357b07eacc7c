//! What every form shares: the props of a form (the board and the item it is about), the
//! form with the board's context (to submit an action or close), the problems a draft has,
//! and small helpers for fields. The forms import this module; it imports none of them.

use crate::core::action::{reduce, Action};
use crate::core::coordination::waiting_on;
use crate::core::health::Subject;
use crate::core::layout::{Filter, Layout};
use crate::core::model::{Board, Id, Initiative};
use crate::ui::clock::now;
use crate::ui::dialog::Modal;
use crate::ui::focus::{place_after_delete, priority_after_delete, reveal_place};
use crate::ui::state::{
    edit_request_place, use_board, AppState, BoardContext, DialogKind, Msg, RECORD_DECISION,
    WAITS_ON,
};
use std::rc::Rc;
use yew::prelude::*;

/// What a form is about: the board, and the item (or where a new one goes).
#[derive(Properties, PartialEq, Clone)]
pub struct FormProps {
    pub board: Rc<Board>,
    pub id: Option<Id>,
    /// Where a new initiative goes (from a cell's "+" button).
    #[prop_or_default]
    pub team: Option<Id>,
    #[prop_or_default]
    pub priority: Option<Id>,
    /// Why the health analysis flags the initiative, when it does.
    #[prop_or_default]
    pub flagged: Option<Rc<Vec<String>>>,
}

/// A form's props with the board's context: what every form needs to do its job.
#[derive(Clone)]
pub struct Form {
    pub board: Rc<Board>,
    pub id: Option<Id>,
    pub team: Option<Id>,
    pub priority: Option<Id>,
    pub read_only: bool,
    pub dispatch: UseReducerDispatcher<AppState>,
    pub on_dialog: Callback<Option<DialogKind>>,
}

impl Form {
    pub fn new(props: &FormProps, context: BoardContext) -> Form {
        Form {
            board: props.board.clone(),
            id: props.id.clone(),
            team: props.team.clone(),
            priority: props.priority.clone(),
            read_only: context.read_only,
            dispatch: context.dispatch,
            on_dialog: context.on_dialog,
        }
    }

    /// Applies `action` if the core accepts it, closing the dialog (or opening `then`);
    /// otherwise returns the core's reason and leaves the draft in place. What it adds (a
    /// team, a priority, an initiative) gets focus and is brought into view: a new team's
    /// lane or a new card may be far down the board; so does an initiative whose edit moved
    /// its card to another lane or column.
    pub fn submit(&self, action: Action, then: Option<DialogKind>) -> Result<(), String> {
        let next =
            reduce(&self.board, action.clone(), now()).map_err(|refused| refused.to_string())?;
        // An edit that leaves the card where it is leaves focus where the dialog gives it
        // back (the card it was opened from, maybe a copy in another priority's column).
        let moved = |edited: &Initiative| {
            self.board.initiative(&edited.id).is_some_and(|before| {
                before.team_id != edited.team_id || before.priority_ids != edited.priority_ids
            })
        };
        let shown = match &action {
            Action::AddTeam(team) => Some(Subject::Team(team.id.clone())),
            Action::AddPriority(priority) => Some(Subject::Priority(priority.id.clone())),
            Action::AddInitiative(initiative) => Some(Subject::Initiative(initiative.id.clone())),
            Action::UpdateInitiative(initiative) if moved(initiative) => {
                Some(Subject::Initiative(initiative.id.clone()))
            }
            // A new rank or status moves the priority's column, and its heading with it; an
            // achieved or dropped priority without work leaves the board like a deleted one.
            Action::UpdatePriority(edited)
                if self.board.priorities.iter().any(|before| {
                    before.id == edited.id
                        && (before.rank != edited.rank || before.status != edited.status)
                }) =>
            {
                let columns = Layout::compute(&next, &Filter::default()).columns;
                if columns.iter().any(|c| c.priority_id() == Some(&edited.id)) {
                    Some(Subject::Priority(edited.id.clone()))
                } else {
                    priority_after_delete(&self.board, &next, &edited.id)
                }
            }
            // What was deleted leaves the board, and the button its form was opened from
            // with it: focus goes to its neighbour (the lane, priority or card that took its
            // place, else the one before), not to the board as a whole.
            Action::DeleteTeam { id, .. } => {
                let at = self.board.teams.iter().position(|t| &t.id == id);
                at.and_then(|at| {
                    next.teams
                        .get(at)
                        .or_else(|| at.checked_sub(1).and_then(|before| next.teams.get(before)))
                })
                .map(|team| Subject::Team(team.id.clone()))
            }
            Action::DeletePriority(id) => priority_after_delete(&self.board, &next, id),
            _ => None,
        };
        let focus = match &action {
            Action::DeleteInitiative(id) => place_after_delete(&self.board, &next, id),
            Action::DeleteDecision(_) => Some(RECORD_DECISION.to_string()),
            Action::DeleteDependency(id) => Some(request_after_delete(&self.board, &next, id)),
            _ => shown.and_then(|subject| reveal_place(&next, &subject)),
        };
        self.dispatch.dispatch(Msg::Made {
            action,
            from: self.board.clone(),
            next,
            focus,
        });
        self.on_dialog.emit(then);
        Ok(())
    }

    pub fn close(&self) -> Callback<()> {
        self.on_dialog.reform(|()| None)
    }
}

/// The form of `props`, with the board's context.
#[hook]
pub fn use_form(props: &FormProps) -> Form {
    Form::new(props, use_board())
}

/// A field's first value in a form opened on `existing`: `get` of it, or empty for a new
/// item (for `use_state`).
pub fn as_it_was<T: Clone>(existing: &Option<T>, get: fn(&T) -> String) -> impl FnOnce() -> String {
    let existing = existing.clone();
    move || existing.as_ref().map(get).unwrap_or_default()
}

/// Leaves a form's delete question for the form, draft and all: its Cancel, Escape and ×.
pub fn back_to_form(confirming: &UseStateHandle<bool>) -> Callback<()> {
    let confirming = confirming.clone();
    Callback::from(move |()| confirming.set(false))
}

/// A form's delete question: whether it shows in the form's place (`confirming`), and
/// whether it has been asked in this form's life.
pub struct DeleteQuestion {
    pub confirming: UseStateHandle<bool>,
    asked: bool,
}

impl DeleteQuestion {
    /// The question in the form's place: `title`, what deleting does (`body`), Cancel back to
    /// the form, and the button named `delete` that does it.
    pub fn ask(
        &self,
        title: String,
        body: Html,
        delete: &'static str,
        on_delete: Callback<MouseEvent>,
    ) -> Html {
        html! {
            <Modal {title} on_close={back_to_form(&self.confirming)} alert=true>
                { body }
                <div class="ab-dialog__actions">
                    <span class="ab-spacer"></span>
                    <button type="button" class="ab-button" onclick={back_to_form(&self.confirming).reform(|_| ())}>{ "Cancel" }</button>
                    <button type="button" class="ab-button ab-button--danger" onclick={on_delete}>{ delete }</button>
                </div>
            </Modal>
        }
    }

    /// The form's Delete button, which asks the question. Back from it (Cancel, Escape, ×),
    /// the dialog puts focus on this button again, not in the first field: the button is made
    /// anew with the form, so it is marked as the dialog's first focus once asked.
    pub fn button(&self) -> Html {
        let confirming = self.confirming.clone();
        html! {
            <button type="button" class="ab-button ab-button--danger-quiet"
                    data-focus-first={self.asked.then_some("")}
                    onclick={move |_| confirming.set(true)}>{ "Delete" }</button>
        }
    }
}

#[hook]
pub fn use_delete_question() -> DeleteQuestion {
    let confirming = use_state(|| false);
    let asked = use_mut_ref(|| false);
    if *confirming {
        *asked.borrow_mut() = true;
    }
    let asked = *asked.borrow();
    DeleteQuestion { confirming, asked }
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

    /// One problem: with `field`, or with the form as a whole for `""`.
    pub fn at(field: &'static str, problem: impl Into<String>) -> Problems {
        Problems(vec![(field, problem.into())])
    }

    /// The core's reason for refusing what the form made, for the form as a whole.
    pub fn from_result(result: Result<(), String>) -> Problems {
        Problems(result.err().map(|why| ("", why)).into_iter().collect())
    }

    /// What is said under `field`, which shows it and takes focus (`TextField`).
    pub fn field(&self, field: &str) -> Option<AttrValue> {
        self.get(field)
            .map(|problem| AttrValue::from(problem.clone()))
    }

    /// A problem with the form as a whole, above its buttons.
    pub fn general(&self) -> Html {
        match self.get("") {
            Some(why) => html! { <p class="ab-dialog__error" role="alert">{ why }</p> },
            None => Html::default(),
        }
    }
}

/// "1 initiative", "3 initiatives".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Where focus goes once a request is deleted from its form: the Edit… button of the request
/// that took its place in the asking team's list, else of the one before, else the list.
fn request_after_delete(board: &Board, next: &Board, id: &str) -> String {
    let team = board
        .dependencies
        .find(id)
        .and_then(|d| board.initiative(&d.from_initiative_id))
        .map(|i| i.team_id.as_str());
    let Some(team) = team else {
        return WAITS_ON.into();
    };
    let at = waiting_on(board, team)
        .iter()
        .position(|&d| board.dependencies[d].id == id);
    let after = waiting_on(next, team);
    at.and_then(|at| after.get(at).or_else(|| after.get(at.checked_sub(1)?)))
        .map_or_else(
            || WAITS_ON.into(),
            |&d| edit_request_place(&next.dependencies[d].id),
        )
}
