//! The board's first state, from what the store holds under its key, and whether this
//! tab may save over it.

use crate::core::history::History;

use crate::core::model::Board;
use crate::storage::{self, BoardKey, Opened, Store};
use crate::ui::clock::now;
use crate::ui::state::{AppState, Notice};
use std::rc::Rc;

/// What opening the store found, turned into the first state and a save policy, with the
/// stored parts of the board's history the first autosave may take as its own.
/// `given` is a board the page gave (read and checked already): the board to start with
/// when the key holds none. Unless `read_only`, it is saved under the key at once, in the
/// board's own form; a read-only board never writes.
pub(super) fn initial_state(
    store: &dyn Store,
    key: &BoardKey,
    given: Option<Rc<Board>>,
    read_only: bool,
) -> (AppState, Option<String>, storage::Parts) {
    let mut state = AppState {
        history: None,
        notice: None,
        done: None,
        done_turn: 0,
        announcement: String::new(),
        focus: None,
        focus_turn: 0,
        focus_card: None,
        board_turn: 0,
    };
    let mut blocked = None;
    // A read-only board opens without writing anything: nothing moved, set aside or copied.
    let mut known = storage::Parts::default();
    let opened = match read_only {
        true => storage::open(&storage::ReadOnlyStore(store), key, now()),
        false => storage::open_known(store, key, now(), &mut known),
    };
    match opened {
        Opened::Empty => {
            if let Some(board) = given {
                if !read_only {
                    // The autosave's base is the board as opened: this first save is here.
                    if let Err(error) = storage::save(store, key, &board, now(), &mut known) {
                        state.notice = Some(Notice::error(format!(
                            "This board is not saved yet: {error}. Export a snapshot to keep it."
                        )));
                    }
                }
                state.history = Some(History::new(board));
            }
        }
        Opened::Board(loaded) => state.history = Some(History::new(Rc::new(loaded.board))),
        Opened::Migrated {
            loaded,
            original_key,
        } => {
            let kept = match (original_key, read_only) {
                (Some(key), _) => {
                    format!("the board as it was is kept in this browser under “{key}”")
                }
                (None, true) => "the board as it was is left untouched".into(),
                (None, false) => {
                    "the board as it was could not be copied aside: export it now".into()
                }
            };
            state.notice = Some(Notice::info(format!(
                "This board was saved in version {} of the format and has been brought up \
                     to version {}; {kept}.",
                loaded.migrated_from.unwrap_or_default(),
                crate::core::snapshot::VERSION,
            )));
            state.history = Some(History::new(Rc::new(loaded.board)));
        }
        Opened::Corrupt {
            error, backup_key, ..
        } => {
            let text = match (backup_key, read_only) {
                (Some(key), _) => format!(
                    "The saved board could not be read ({error}). Its text is set aside in this \
                     browser under “{key}”; download it from the list of damaged copies below, \
                     then start again or import a snapshot."
                ),
                (None, true) => format!(
                    "The saved board could not be read ({error}). This board is read-only: its \
                     text is left as it is."
                ),
                (None, false) => {
                    let text = format!(
                        "The saved board could not be read ({error}), and its text could not be \
                         set aside. So that nothing is written over it, this board does not \
                         save: free some of this browser's storage for the site (export and \
                         delete boards you no longer need), then reload."
                    );
                    blocked = Some(text.clone());
                    text
                }
            };
            state.notice = Some(Notice::error(text));
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
            state.notice = Some(Notice::error(text.clone()));
            blocked = Some(text);
        }
        Opened::NotMoved { error, board } => {
            let shown = match board {
                Some(loaded) => {
                    state.history = Some(History::new(Rc::new(loaded.board)));
                    " and shown read-only"
                }
                None => "",
            };
            let text = format!(
                "This board is kept under the names an earlier version of the board used, and \
                 could not be moved to its new ones: {error}. It is left as it was{shown}; free some \
                 of this browser's storage for the site (export and delete boards you no \
                 longer need) and reload."
            );
            state.notice = Some(Notice::error(text.clone()));
            blocked = Some(text);
        }
        // Saving says that nothing will be kept (`SaveStatus::NoStorage`).
        Opened::Unavailable(_) => state.history = given.map(History::new),
    }
    (state, blocked, known)
}
