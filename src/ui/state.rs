//! What the board's components share, and nothing that renders: the app's state and the
//! messages that change it, which dialog is open, the store handle, the views, and the
//! context every component reads (dispatch, opening a dialog, read-only). Components import
//! this module; it imports none of them, so the UI's modules form no circle.

use super::clock::now;
use crate::core::action::{change_words, past, reduce, Action};
use crate::core::combine::Incoming;
use crate::core::diff::changed_initiative;
use crate::core::history::History;
use crate::core::layout::{Filter, Layout};
use crate::core::model::{Board, Id};
use crate::core::time::Date;
use crate::storage::{BoardKey, Store};
use std::rc::Rc;
use yew::prelude::*;

mod command;
mod notice;
pub use command::Command;
pub use notice::{Done, Notice, NoticeKind};

/// A board compared by identity, as hooks' dependencies: "is it the same board?" is what
/// they ask, and comparing two big boards' contents costs more than the work they guard.
#[derive(Clone, Default)]
pub struct Same(pub Option<Rc<Board>>);

impl PartialEq for Same {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// A board under a filter, as the layout's dependencies: equal when the board is laid out
/// as the other is (`Layout::same_for`), so an edit that moves no card (a status, a title,
/// a check-in) keeps the layout instead of placing every card of a big board again.
#[derive(Clone)]
pub struct Placing(pub Option<Rc<Board>>, pub Filter);

impl PartialEq for Placing {
    fn eq(&self, other: &Self) -> bool {
        self.1 == other.1
            && match (&self.0, &other.0) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b) || Layout::same_for(a, b, &self.1),
                (a, b) => a.is_none() && b.is_none(),
            }
    }
}

/// A store shared by the components of one board; equal when it is the same store.
#[derive(Clone)]
pub struct StoreHandle(pub Rc<dyn Store>);

impl PartialEq for StoreHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the board shows: the board itself, its health, or where effort goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Board,
    Health,
    Allocation,
    Rhythm,
    Coordination,
}

impl View {
    pub const ALL: &'static [View] = &[
        View::Board,
        View::Health,
        View::Allocation,
        View::Rhythm,
        View::Coordination,
    ];

    pub fn label(self) -> &'static str {
        match self {
            View::Board => "Board",
            View::Health => "Health",
            View::Allocation => "Allocation",
            View::Rhythm => "Rhythm",
            View::Coordination => "Coordination",
        }
    }

    /// The name used in options and URLs (`?view=health`).
    pub fn key(self) -> &'static str {
        match self {
            View::Board => "board",
            View::Health => "health",
            View::Allocation => "allocation",
            View::Rhythm => "rhythm",
            View::Coordination => "coordination",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.key() == key)
    }
}

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
    /// The people list, focus on that person's Edit button (the one just added or edited)
    /// or, with none, on Add person.
    People(Option<Id>),
    Person(Option<Id>),
    Settings,
    /// Check in on an initiative.
    CheckIn(Id),
    /// Ask another team for something, from this initiative.
    Ask(Id),
    /// Edit (or delete) the request between teams with this id: the asking team's.
    Request(Id),
    /// Accept or decline a request (other steps need no words).
    Answer {
        id: Id,
        step: crate::core::coordination::Step,
    },
    /// Record a decision, or edit (and delete) the one with this id.
    Decision(Option<Id>),
    /// Start the next period, choosing what carries over.
    NewPeriod,
    /// Ask before a blank board takes the current one's place.
    NewBoard,
    ConfirmImport {
        file: String,
        board: Rc<Board>,
        /// The board came in a share link (named `file` in the question), not a file.
        from_link: bool,
    },
    ImportFailed {
        file: String,
        message: String,
    },
    /// The preview of merging snapshot files into the board.
    Merge(MergeFiles),
    /// Export the slice of some teams (those given are chosen at first).
    Slice(Vec<Id>),
    /// A share link, made.
    Share(String),
    /// The keyboard shortcuts and the versions.
    Help,
    /// The board as Markdown and as CSV tables.
    Outputs,
}

impl DialogKind {
    /// The dialog opened while the board is filtered to `team`: a new initiative that names
    /// no team goes there, where the person is looking (it would go to the first team, and
    /// vanish behind the filter).
    pub fn seen_from(self, team: &Option<Id>) -> DialogKind {
        match self {
            DialogKind::Initiative {
                id: None,
                team: None,
                priority,
            } => DialogKind::Initiative {
                id: None,
                team: team.clone(),
                priority,
            },
            other => other,
        }
    }
}

/// Snapshot files read for a merge, compared by identity: they are read once, and
/// comparing their boards' contents costs more than it tells.
#[derive(Clone, Debug)]
pub struct MergeFiles(pub Rc<Vec<Incoming>>);

impl PartialEq for MergeFiles {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A board another tab saved, now this tab's board; `merged` when this tab's unsaved
/// changes were merged into it.
pub struct Synced {
    pub board: Rc<Board>,
    pub merged: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// `None` until a board is started or loaded: the welcome screen shows.
    pub history: Option<History>,
    /// A failure or news the person did not ask for, shown above the board.
    pub notice: Option<Notice>,
    /// What the last command did, shown at the window's foot until it goes by itself.
    pub done: Option<Done>,
    /// Counts the done notices.
    pub done_turn: u32,
    /// Read out by screen readers after each change.
    pub announcement: String,
    /// The `data-place` of the element to focus after the next render (a moved card).
    pub focus: Option<String>,
    /// Counts the changes after which focus is put back in place: a second move of the same
    /// card to the same column (across lanes) has the same place but must still refocus.
    pub focus_turn: u32,
    /// The initiative whose card gets focus when no place is asked for: the one an undone
    /// or redone step changed back (a card moved home again, a deleted one restored).
    pub focus_card: Option<Id>,
    /// Counts the boards that took the board's place (started, imported, given by the page):
    /// work kept for the board before (a guided review) is let go.
    pub board_turn: u32,
}

pub enum Msg {
    Start(Rc<Board>, String),
    Do {
        action: Action,
        focus: Option<String>,
    },
    /// An action a form already applied to `from` (to check it), with what it made, and
    /// the `data-place` of the element to focus after it (what it added).
    Made {
        action: Action,
        from: Rc<Board>,
        next: Rc<Board>,
        focus: Option<String>,
    },
    Undo,
    Redo,
    /// Say something in the board's live region, leaving focus where it is.
    Say(String),
    /// Show something on the board: focus the element at `focus` (a `data-place`).
    Reveal {
        focus: Option<String>,
        announcement: String,
    },
    Notify(Notice),
    /// What a command did ("Exported …"): told at the window's foot, where it goes by
    /// itself, and there alone (the board's live region is quiet). A notice above the board
    /// stays: a failure still holds.
    Done(String),
    /// Told at the window's foot after a change whose result the board's live region said
    /// (the card it hid under the filters): after the change's own notice, if it has one, and
    /// leaving the live region's words.
    Also(String),
    /// The notice above the board dismissed.
    Dismiss,
    /// The done notice of that turn gone: dismissed, or its time up.
    Expire(u32),
    /// Another tab's board, saved under the same key, replaces this tab's.
    Synced(Synced),
    /// A board the host page hands over (`loadSnapshot`): it replaces this one, undoably.
    Load(Rc<Board>),
}

impl AppState {
    /// Tells what a command did at the window's foot. The notice is a status region of its
    /// own, so the board's live region says nothing over it: said once, not twice.
    fn tell(&mut self, text: String) {
        self.done_turn = self.done_turn.wrapping_add(1);
        self.done = Some(Done {
            turn: self.done_turn,
            text: text.into(),
        });
        self.announcement = String::new();
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        next.focus = None;
        next.focus_card = None;
        match msg {
            Msg::Start(board, message) => {
                next.history = Some(History::new(board));
                next.board_turn = next.board_turn.wrapping_add(1);
                next.notice = None;
                next.done = None;
                next.announcement = message;
                // The welcome screen's button went with it: the keyboard starts from the
                // board's title.
                next.focus = Some(TITLE_PLACE.into());
                next.focus_turn = next.focus_turn.wrapping_add(1);
            }
            Msg::Do { .. } | Msg::Made { .. } => {
                let Some(history) = next.history.as_mut() else {
                    return self;
                };
                let (action, made, focus) = match msg {
                    Msg::Do { action, focus } => (action, None, focus),
                    Msg::Made {
                        action,
                        from,
                        next,
                        focus,
                    } => (action, Some((from, next)), focus),
                    _ => return self,
                };
                let description = action.describe(history.board());
                let done = past(&description);
                let before = history.board().clone();
                // A move or a status change is announced by its result.
                let replaces = matches!(action, Action::ReplaceBoard(_));
                // A request, or an answer to one, changes a row of another team's list, or
                // moves it to another: the window's foot says what was done, as it does for
                // a review.
                let answered = matches!(
                    action,
                    Action::AskDependency(_) | Action::AnswerDependency { .. }
                );
                let announced = matches!(
                    action,
                    Action::MoveInitiative { .. } | Action::UpdateInitiative(_)
                )
                .then(|| action.clone());
                let applied = match made {
                    Some((from, made)) => history.apply_made(action, &from, made, now()),
                    None => history.apply(action, now()),
                };
                match applied {
                    Ok(false) => return self,
                    Ok(true) => {
                        if replaces {
                            next.board_turn = next.board_turn.wrapping_add(1);
                        }
                        next.notice = None;
                        next.done = None;
                        if answered {
                            next.tell(format!("{done}."));
                        } else {
                            next.announcement = announced
                                .and_then(|action| action.outcome(&before, history.board()))
                                .unwrap_or(done);
                        }
                        next.focus = focus;
                        next.focus_card = None;
                        next.focus_turn = next.focus_turn.wrapping_add(1);
                    }
                    Err(refused) => {
                        next.notice =
                            Some(Notice::error(format!("Could not {description}: {refused}")));
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
                let before = history.board().clone();
                let moved = if undo { history.undo() } else { history.redo() };
                // Another tab changed what the step changed since: the step stays, and the
                // board as it is. Told where the step's result would be.
                if let Err(blocked) = moved {
                    next.tell(format!(
                        "{}: {description}. {blocked}.",
                        if undo { "Not undone" } else { "Not redone" },
                    ));
                    return Rc::new(next);
                }
                // Focus goes to the card the step was about, in its place again; without
                // one, it stays inside the board. Where that card is now, or its status, is
                // said after the step's name.
                next.focus = None;
                next.focus_card = changed_initiative(&before, history.board());
                let result = next
                    .focus_card
                    .as_deref()
                    .and_then(|id| change_words(&before, history.board(), id))
                    .map_or(String::new(), |words| format!(". {words}"));
                next.focus_turn = next.focus_turn.wrapping_add(1);
                // Told at the window's foot, where a sighted person sees what the key took
                // back (the step may be off screen); it replaces a notice of what a step did
                // ("Imported … Undo brings the previous board back"), which no longer holds
                // once the history moves. A failure's notice stays.
                next.tell(format!(
                    "{}: {description}{result}.",
                    if undo { "Undone" } else { "Redone" }
                ));
                if next
                    .notice
                    .as_ref()
                    .is_some_and(|notice| !notice.is_error())
                {
                    next.notice = None;
                }
            }
            Msg::Say(announcement) => {
                // Said as a view shows (a guided review taken up again), it leaves the
                // focus that the change showing it asked for.
                next.focus.clone_from(&self.focus);
                next.focus_card.clone_from(&self.focus_card);
                next.announcement = announcement;
            }
            Msg::Reveal {
                focus,
                announcement,
            } => {
                next.focus = focus;
                next.focus_card = None;
                next.focus_turn = next.focus_turn.wrapping_add(1);
                next.announcement = announcement;
            }
            Msg::Synced(synced) => {
                let taken = match next.history.as_ref() {
                    Some(history) => {
                        reduce(history.board(), Action::TakeSaved(synced.board), now())
                    }
                    None => Ok(synced.board),
                };
                let board = match taken {
                    Ok(board) => board,
                    Err(refused) => {
                        next.notice = Some(Notice::error(format!(
                            "Another tab saved this board, but its board could not be taken: {refused}. This tab keeps its own."
                        )));
                        return Rc::new(next);
                    }
                };
                // This tab's steps stay: undo takes them back around the other tab's work.
                match next.history.as_mut() {
                    Some(history) => history.take(board),
                    None => next.history = Some(History::new(board)),
                }
                next.announcement = "Updated with changes saved in another tab".into();
                if synced.merged {
                    next.notice = Some(Notice::info(
                        "Changes saved in another tab were merged with yours.".into(),
                    ));
                }
            }
            Msg::Load(board) => match next.history.as_mut() {
                Some(history) => {
                    if history.apply(Action::ReplaceBoard(board), now()) == Ok(true) {
                        next.board_turn = next.board_turn.wrapping_add(1);
                        next.notice = None;
                        next.done = None;
                        next.announcement = "Board replaced".into();
                    }
                }
                None => {
                    next.history = Some(History::new(board));
                    next.board_turn = next.board_turn.wrapping_add(1);
                }
            },
            Msg::Done(text) => {
                // Told after a change, it leaves the focus that the change asked for.
                next.focus.clone_from(&self.focus);
                next.focus_card.clone_from(&self.focus_card);
                next.tell(text);
            }
            Msg::Also(text) => {
                next.focus.clone_from(&self.focus);
                next.focus_card.clone_from(&self.focus_card);
                // A change clears an earlier command's notice: one still here is this
                // change's own (Undo's), which this follows.
                let text = match &self.done {
                    Some(done) => format!("{} {text}", done.text),
                    None => text,
                };
                let said = std::mem::take(&mut next.announcement);
                next.tell(text);
                next.announcement = said;
            }
            Msg::Notify(notice) => next.notice = Some(notice),
            Msg::Dismiss => next.notice = None,
            Msg::Expire(turn) => {
                // A notice going by itself moves no focus.
                next.focus.clone_from(&self.focus);
                next.focus_card.clone_from(&self.focus_card);
                if next.done.as_ref().is_some_and(|done| done.turn == turn) {
                    next.done = None;
                }
            }
        }
        Rc::new(next)
    }
}

/// Upper-cases a leading ASCII letter ("move …" → "Move …"); descriptions start with a verb.
pub fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// What most of the board's components need, from the app through a Yew context rather
/// than through every props struct: changing the board, opening a dialog, and whether the
/// board may be changed at all.
#[derive(Clone, PartialEq)]
pub struct BoardContext {
    pub dispatch: UseReducerDispatcher<AppState>,
    /// Opens a dialog (`Some`) or closes the open one (`None`).
    pub on_dialog: Callback<Option<DialogKind>>,
    pub read_only: bool,
    /// Where the board is kept, for the settings' list of damaged copies.
    pub store: StoreHandle,
    pub storage_key: BoardKey,
    /// Runs a command of the menus.
    pub on_command: Callback<Command>,
    /// The commands this board offers (without those that change a read-only board, or a
    /// share link where there is no page to open one).
    pub commands: Rc<Vec<Command>>,
    /// Whether cards show their title, status and owner only.
    pub compact: bool,
}

/// The person's calendar day (`clock::use_today`), in a context of its own: what is due
/// and overdue counts from it, and what shows it renders again when it turns at their
/// midnight, without rendering again for the board's other settings.
#[derive(Clone, Copy, PartialEq)]
pub struct Today(pub Date);

/// The person's day, from `App`'s `Today`; outside a board, read from the clock.
#[hook]
pub fn use_day() -> Date {
    use_context::<Today>().map_or_else(|| crate::ui::clock::local_now().today(), |t| t.0)
}

/// The board's context; every component that uses it renders inside `App`, which
/// provides it.
#[hook]
pub fn use_board() -> BoardContext {
    use_context::<BoardContext>()
        .expect("a board component renders inside App, which provides BoardContext")
}

/// The `data-place` of the board's title, where focus goes when a board takes the welcome
/// screen's place.
pub const TITLE_PLACE: &str = "title";

/// The `data-place` of Coordination's Record decision button: where focus goes once a
/// decision is deleted from its form, whose button left the log with it.
pub const RECORD_DECISION: &str = "record-decision";

/// The `data-place` of a team's list of what it waits on: where focus goes once the last of
/// its requests is deleted.
pub const WAITS_ON: &str = "waits-on";

/// The `data-place` of a request's Edit… button in the asking team's list.
pub fn edit_request_place(id: &str) -> String {
    format!("edit-request\u{1f}{id}")
}
