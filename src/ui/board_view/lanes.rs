//! A big board's lanes, rendered as they come into view: which lanes are shown, and the
//! observer that notices placeholders coming near the screen.

use crate::core::model::Id;
use std::rc::Rc;
use yew::prelude::*;

/// Boards with more cards than this render a lane's cards only once the lane comes near
/// the screen; until then it shows a placeholder of about its height. A 40-team board has
/// thousands of cards, and building them all before the first screen took a second.
pub const EAGER_CARDS: usize = 400;
/// How many cards the first render shows at most (whole lanes, at least one).
pub const FIRST_CARDS: usize = 120;

/// The lanes of a big board whose cards are rendered; grows as lanes come into view.
#[derive(Default)]
pub struct Shown {
    lanes: Vec<Id>,
    pub started: bool,
}

impl Shown {
    /// Adds a team's lane; whether it was not shown before.
    pub fn show(&mut self, team: &str) -> bool {
        let new = !self.lanes.iter().any(|t| t == team);
        if new {
            self.lanes.push(team.to_string());
        }
        new
    }

    pub fn has(&self, team: &str) -> bool {
        self.lanes.iter().any(|t| t == team)
    }
}

/// What an `IntersectionObserver` calls with its entries.
type OnSeen = wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>;

/// Watches the grid's lane placeholders; when one comes within a screen of view, its lane
/// is added to `shown` and the board renders again. Returns the observer and the closure it
/// calls (which must live as long as it).
pub fn observe_placeholders(
    grid: &NodeRef,
    shown: Rc<std::cell::RefCell<Shown>>,
    redraw: UseForceUpdateHandle,
) -> Option<(web_sys::IntersectionObserver, OnSeen)> {
    use wasm_bindgen::JsCast;
    let grid = grid.cast::<web_sys::Element>()?;
    let placeholders = grid.query_selector_all(".ab-lane-placeholder").ok()?;
    if placeholders.length() == 0 {
        return None;
    }
    let on_seen = OnSeen::new(move |entries: js_sys::Array| {
        let mut added = false;
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                continue;
            };
            if let Some(team) = entry
                .is_intersecting()
                .then(|| entry.target().get_attribute("data-lane"))
                .flatten()
            {
                added |= shown.borrow_mut().show(&team);
            }
        }
        if added {
            redraw.force_update();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin("100% 0px");
    let observer =
        web_sys::IntersectionObserver::new_with_options(on_seen.as_ref().unchecked_ref(), &options)
            .ok()?;
    for index in 0..placeholders.length() {
        if let Some(element) = placeholders
            .item(index)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            observer.observe(&element);
        }
    }
    Some((observer, on_seen))
}
