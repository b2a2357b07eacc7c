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
}

/// Remembers a board, in place of what was known of the board at its root.
pub fn track(board: Mounted) {
    forget(&board.root);
    MOUNTED.with(|mounted| {
        if let Ok(mut mounted) = mounted.try_borrow_mut() {
            mounted.push(board);
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
