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
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
    /// Boards handed to an element (`load`) before its board first showed, by element.
    static WAITING: RefCell<Vec<(web_sys::Element, Rc<Board>)>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a board, in place of what was known of the board at its root; a board handed
/// to its element before it showed is loaded now.
pub fn track(board: Mounted) {
    forget(&board.root);
    let waiting = WAITING.with(|waiting| {
        let mut waiting = waiting.try_borrow_mut().ok()?;
        let at = waiting
            .iter()
            .position(|(element, _)| element.contains(Some(&board.root)))?;
        Some(waiting.remove(at).1)
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

/// Replaces the board rendered inside `element`, as an import does; a board that has not
/// shown yet (mounted in this same turn of the page's script) takes it as it shows. What
/// `latest` gives is this board from now on.
pub fn load(element: &web_sys::Element, board: Rc<Board>) {
    match within(element) {
        Some(mounted) => load_into(&mounted.load, board),
        None => WAITING.with(|waiting| {
            if let Ok(mut waiting) = waiting.try_borrow_mut() {
                waiting.retain(|(other, _)| other != element);
                waiting.push((element.clone(), board));
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

/// The latest board of the element: the one handed to it and not shown yet, or the one it
/// shows.
pub fn latest(element: &web_sys::Element) -> Option<Rc<Board>> {
    let waiting = WAITING.with(|waiting| {
        let waiting = waiting.try_borrow().ok()?;
        let found = waiting.iter().find(|(other, _)| other == element);
        found.map(|(_, board)| board.clone())
    });
    waiting.or_else(|| within(element)?.board)
}

/// Drops a board handed to `element` that its board, now going, never showed.
pub fn abandon(element: &web_sys::Element) {
    WAITING.with(|waiting| {
        if let Ok(mut waiting) = waiting.try_borrow_mut() {
            waiting.retain(|(other, _)| other != element);
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

/// The board rendered inside `element`.
pub fn within(element: &web_sys::Element) -> Option<Mounted> {
    all().into_iter().find(|m| element.contains(Some(&m.root)))
}
