//! A card opened by a click anywhere on it, taken by one listener on the board.

use crate::core::model::Id;
use yew::prelude::*;

thread_local! {
    /// Whether the pointer went down on the board while a menu was open: the click that
    /// follows closes the menu, and opens nothing.
    static CLOSES_A_MENU: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Notes, as the pointer goes down on the board, whether a menu is open (`opened_by_click`).
pub fn note_open_menu(_: PointerEvent) {
    let open = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("[popover=auto]:popover-open")
                .ok()
                .flatten()
        })
        .is_some();
    CLOSES_A_MENU.with(|closes| closes.set(open));
}

/// The initiative a click on the board opens: a click anywhere on a card opens it, as its
/// title does, but not one on a control of its own (its status), one that closes an open
/// menu, or one that ends selecting some of its words (a read-only card is not dragged). A
/// drag of a card ends in no click. One listener on the board, not two on each of thousands
/// of cards (taking a big board off the page unregisters every card's).
pub fn opened_by_click(event: &MouseEvent) -> Option<Id> {
    let closes_a_menu = CLOSES_A_MENU.with(|closes| closes.replace(false));
    if closes_a_menu {
        return None;
    }
    let target = event.target_dyn_into::<web_sys::Element>()?;
    if target
        .closest("button, a, input, select, textarea, [role=menu]")
        .ok()
        .flatten()
        .is_some()
    {
        return None;
    }
    let card = target.closest(".ab-card").ok().flatten()?;
    // Asked last, of a click on a card only: the browser brings the page's style and
    // layout up to date to answer it, which a status chosen in a card's menu (a click
    // that opens nothing) would wait for in the middle of its edit.
    let selecting = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed());
    if selecting {
        return None;
    }
    let place = card.get_attribute("data-place")?;
    place.split('\u{1f}').next().map(str::to_string)
}
