//! The board's state in the app — its history, the notice on screen, what to announce and
//! focus — how each `Msg` changes it, and the first state, from what the store holds.

use super::AppProps;
use crate::core::action::Action;
use crate::core::history::History;
use crate::core::model::Board;
use crate::storage::{self, Opened};
use crate::ui::now;
use std::rc::Rc;
use yew::prelude::*;

/// Something the board tells the person, until dismissed or replaced.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// `None` until a board is started or loaded: the welcome screen shows.
    pub history: Option<History>,
    pub notice: Option<Notice>,
    /// Read out by screen readers after each change.
    pub announcement: String,
    /// The `data-place` of the element to focus after the next render (a moved card).
    pub focus: Option<String>,
    /// Counts the changes after which focus is put back in place: a second move of the same
    /// card to the same column (across lanes) has the same place but must still refocus.
    pub focus_turn: u32,
}

pub enum Msg {
    Start(Rc<Board>, String),
    Do {
        action: Action,
        focus: Option<String>,
    },
    /// An action a form already applied to `from` (to check it), with what it made.
    Made {
        action: Action,
        from: Rc<Board>,
        next: Rc<Board>,
    },
    Undo,
    Redo,
    /// Show something on the board: focus the element at `focus` (a `data-place`).
    Reveal {
        focus: Option<String>,
        announcement: String,
    },
    Notify(Notice),
    Dismiss,
    /// Another tab's board, saved under the same key, replaces this tab's.
    Synced(super::Synced),
    /// A board the host page hands over (`loadSnapshot`): it replaces this one, undoably.
    Load(Rc<Board>),
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        next.focus = None;
        match msg {
            Msg::Start(board, message) => {
                next.history = Some(History::new(board));
                next.notice = None;
                next.announcement = message;
            }
            Msg::Do { .. } | Msg::Made { .. } => {
                let Some(history) = next.history.as_mut() else {
                    return self;
                };
                let (action, made, focus) = match msg {
                    Msg::Do { action, focus } => (action, None, focus),
                    Msg::Made { action, from, next } => (action, Some((from, next)), None),
                    _ => return self,
                };
                let description = action.describe(history.board());
                let applied = match made {
                    Some((from, made)) => history.apply_made(action, &from, made, now()),
                    None => history.apply(action, now()),
                };
                match applied {
                    Ok(false) => return self,
                    Ok(true) => {
                        next.notice = None;
                        next.announcement = capitalise(&description);
                        next.focus = focus;
                        next.focus_turn = next.focus_turn.wrapping_add(1);
                    }
                    Err(refused) => {
                        next.notice = Some(Notice {
                            error: true,
                            text: format!("Could not {description}: {refused}"),
                        });
                    }
                }
            }
            Msg::Undo | Msg::Redo => {
                let Some(history) = next.history.as_mut() else {
                    return self;
                };
                let undo = matches!(msg, Msg::Undo);
                let description = if undo {
                    history.undo_description()
                } else {
                    history.redo_description()
                }
                .map(str::to_string);
                let Some(description) = description else {
                    return self;
                };
                if undo {
                    history.undo()
                } else {
                    history.redo()
                };
                next.announcement =
                    format!("{}: {description}", if undo { "Undone" } else { "Redone" });
                // The focused card may have moved away; keep focus inside the board.
                next.focus_turn = next.focus_turn.wrapping_add(1);
            }
            Msg::Reveal {
                focus,
                announcement,
            } => {
                next.focus = focus;
                next.focus_turn = next.focus_turn.wrapping_add(1);
                next.announcement = announcement;
            }
            Msg::Synced(synced) => {
                // Undo would walk back over the other tab's work: it starts afresh.
                next.history = Some(History::new(synced.board));
                next.announcement = "Updated with changes saved in another tab".into();
                if synced.merged {
                    next.notice = Some(Notice {
                        error: false,
                        text: "Changes saved in another tab were merged with yours.".into(),
                    });
                }
            }
            Msg::Load(board) => match next.history.as_mut() {
                Some(history) => {
                    if history.apply(Action::ReplaceBoard(board), now()) == Ok(true) {
                        next.notice = None;
                        next.announcement = "Board replaced".into();
                    }
                }
                None => next.history = Some(History::new(board)),
            },
            Msg::Notify(notice) => next.notice = Some(notice),
            Msg::Dismiss => next.notice = None,
        }
        Rc::new(next)
    }
}

/// Upper-cases a leading ASCII letter ("move …" → "Move …"); descriptions start with a verb.
fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// What opening the store found, turned into the first state and a save policy.
pub(super) fn initial_state(props: &AppProps) -> (AppState, Option<String>) {
    let mut state = AppState {
        history: None,
        notice: None,
        announcement: String::new(),
        focus: None,
        focus_turn: 0,
    };
    let mut blocked = None;
    match storage::open(props.store.0.as_ref(), &props.storage_key, now()) {
        Opened::Empty => {}
        Opened::Board(loaded) => state.history = Some(History::new(Rc::new(loaded.board))),
        Opened::Migrated {
            loaded,
            original_key,
        } => {
            let kept = match original_key {
                Some(key) => format!("the board as it was is kept in this browser under “{key}”"),
                None => "the board as it was could not be copied aside: export it now".into(),
            };
            state.notice = Some(Notice {
                error: false,
                text: format!(
                    "This board was saved in version {} of the format and has been brought up \
                     to version {}; {kept}.",
                    loaded.migrated_from.unwrap_or_default(),
                    crate::core::snapshot::VERSION,
                ),
            });
            state.history = Some(History::new(Rc::new(loaded.board)));
        }
        Opened::Corrupt {
            error, backup_key, ..
        } => {
            let kept = match backup_key {
                Some(key) => format!("Its text is kept in this browser under “{key}”"),
                None => "Its text could not be copied aside".into(),
            };
            state.notice = Some(Notice {
                error: true,
                text: format!(
                    "The saved board could not be read ({error}). {kept}; download it below, \
                     then start again or import a snapshot."
                ),
            });
        }
        Opened::TooNew { error, board, .. } => {
            let shown = match board {
                Some(loaded) => {
                    state.history = Some(History::new(Rc::new(loaded.board)));
                    " and shown read-only, as far as this version can read it"
                }
                None => "",
            };
            let text = format!(
                "The saved board was written by a newer version: {error}. It is left \
                 untouched{shown}."
            );
            state.notice = Some(Notice {
                error: true,
                text: text.clone(),
            });
            blocked = Some(text);
        }
        Opened::Unavailable(error) => {
            state.notice = Some(Notice {
                error: true,
                text: format!("Nothing will be kept after this tab closes: {error}. Export a snapshot to keep your work."),
            });
        }
    }
    (state, blocked)
}
