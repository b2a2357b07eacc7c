//! The boards on the page, each by the element it renders into, with its latest board and
//! a way to hand it another: what the JavaScript handle (`getSnapshot`, `loadSnapshot`) and
//! the crash screen need from boards that Yew otherwise keeps to itself.

use crate::core::model::Board;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// One board on the page.
#[derive(Clone)]
pub struct Mounted {
    /// The element the board renders into (its `.ab-app`).
    pub root: web_sys::Element,
    pub board: Option<Rc<Board>>,
    /// Replaces the board, as an import does.
    pub load: Callback<Rc<Board>>,
    /// Which start of the board in its element this is (`AppProps::turn`): a host's
    /// options that start the board afresh make a new turn, and what is handed to the
    /// element from then on is the new board's.
    pub turn: u32,
    /// Where the board is kept, when it keeps it in the browser's storage (not read-only,
    /// not kept by its page in memory).
    pub kept_under: Option<crate::storage::BoardKey>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// Boards handed to an element (`load`) before that turn's board first showed.
    static WAITING: RefCell<Vec<Waiting>> = const { RefCell::new(Vec::new()) };
}

struct Waiting {
    element: web_sys::Element,
    turn: u32,
    board: Rc<Board>,
}

/// Remembers a board, in place of what was known of the board at its root; a board handed
/// to its element for its turn before it showed is loaded now.
pub fn track(board: Mounted) {
    forget(&board.root);
    let waiting = WAITING.with(|waiting| {
        let mut waiting = waiting.try_borrow_mut().ok()?;
        let at = waiting
            .iter()
            .position(|w| w.turn == board.turn && w.element.contains(Some(&board.root)))?;
        Some(waiting.remove(at).board)
    });
    let load = board.load.clone();
    MOUNTED.with(|mounted| {
        if let Ok(mut mounted) = mounted.try_borrow_mut() {
            mounted.push(board);
        }
    });
    if let Some(waiting) = waiting {
        load_into(&load, waiting);
    }
}

/// The board of `turn` shown inside `element`, if it has shown.
fn shown(element: &web_sys::Element, turn: u32) -> Option<Mounted> {
    within(element).filter(|mounted| mounted.turn == turn)
}

/// Replaces the board of `turn` inside `element`, as an import does; a board that has not
/// shown yet (mounted, or started afresh, in this same turn of the page's script) takes it
/// as it shows. What `latest` gives is this board from now on.
pub fn load(element: &web_sys::Element, turn: u32, board: Rc<Board>) {
    match shown(element, turn) {
        Some(mounted) => load_into(&mounted.load, board),
        None => WAITING.with(|waiting| {
            if let Ok(mut waiting) = waiting.try_borrow_mut() {
                waiting.retain(|w| &w.element != element);
                waiting.push(Waiting {
                    element: element.clone(),
                    turn,
                    board,
                });
            }
        }),
    }
}

/// Hands `board` over and takes it as the latest at once: the board shows it after its
/// next render, and a host asking for the board meanwhile gets the one it gave.
fn load_into(load: &Callback<Rc<Board>>, board: Rc<Board>) {
    MOUNTED.with(|mounted| {
        if let Ok(mut mounted) = mounted.try_borrow_mut() {
            if let Some(entry) = mounted.iter_mut().find(|m| &m.load == load) {
                entry.board = Some(board.clone());
            }
        }
    });
    load.emit(board);
}

/// The latest board of `turn` in the element: the one handed to it and not shown yet, or
/// the one it shows; none while that turn's board has not shown.
pub fn latest(element: &web_sys::Element, turn: u32) -> Option<Rc<Board>> {
    let waiting = WAITING.with(|waiting| {
        let waiting = waiting.try_borrow().ok()?;
        let found = waiting
            .iter()
            .find(|w| &w.element == element && w.turn == turn);
        found.map(|w| w.board.clone())
    });
    waiting.or_else(|| shown(element, turn)?.board)
}

/// Drops a board handed to `element` that its board, now going, never showed.
pub fn abandon(element: &web_sys::Element) {
    WAITING.with(|waiting| {
        if let Ok(mut waiting) = waiting.try_borrow_mut() {
            waiting.retain(|w| &w.element != element);
        }
    });
}

/// Forgets the board at `root`.
pub fn forget(root: &web_sys::Element) {
    MOUNTED.with(|mounted| {
        if let Ok(mut mounted) = mounted.try_borrow_mut() {
            mounted.retain(|m| &m.root != root);
        }
    });
}

/// Every board on the page (empty while the list is being changed).
pub fn all() -> Vec<Mounted> {
    MOUNTED.with(|mounted| mounted.try_borrow().map(|m| m.clone()).unwrap_or_default())
}

/// The latest boards of those open on the page that keep theirs under `key` in the browser:
/// a change of theirs may still be on its way to the store. `None` while the list is being
/// changed (nothing can be told of them then).
pub fn kept_under(key: &crate::storage::BoardKey) -> Option<Vec<Option<Rc<Board>>>> {
    MOUNTED.with(|mounted| {
        let mounted = mounted.try_borrow().ok()?;
        let open = mounted
            .iter()
            .filter(|m| m.kept_under.as_ref() == Some(key));
        Some(open.map(|m| m.board.clone()).collect())
    })
}

/// The board rendered inside `element`.
pub fn within(element: &web_sys::Element) -> Option<Mounted> {
    all().into_iter().find(|m| element.contains(Some(&m.root)))
}
