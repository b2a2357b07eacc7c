//! A big board's lanes (and, on a phone, its list's groups), rendered while they are near
//! the screen: which are shown, and the observer that notices them coming near the screen
//! and leaving it.

use crate::core::model::Id;
use std::rc::Rc;
use yew::prelude::*;

/// Boards with more cards than this render a lane's cards only while the lane is near the
/// screen; otherwise it shows a placeholder of its height. A 40-team board has thousands
/// of cards: building them all before the first screen took a second, and with all of
/// them in the page every edit cost the browser tens of milliseconds of layout and paint.
pub const EAGER_CARDS: usize = 400;
/// How many cards the first render shows at most (whole lanes, at least one).
pub const FIRST_CARDS: usize = 120;

/// The lanes of a big board whose cards are rendered, and the height each lane had when
/// it was last rendered (its placeholder keeps it, so nothing moves as lanes come and go).
#[derive(Default)]
pub struct Shown {
    lanes: Vec<Id>,
    heights: Vec<(Id, u32)>,
    pub started: bool,
}

impl Shown {
    /// Adds a team's lane; whether it was not shown before.
    pub fn show(&mut self, team: &str) -> bool {
        let new = !self.has(team);
        if new {
            self.lanes.push(team.to_string());
        }
        new
    }

    /// Leaves a team's lane to its placeholder, `height` whole pixels high; whether it was shown.
    pub fn hide(&mut self, team: &str, height: u32) -> bool {
        let Some(at) = self.lanes.iter().position(|t| t == team) else {
            return false;
        };
        self.lanes.swap_remove(at);
        match self.heights.iter_mut().find(|(t, _)| t == team) {
            Some(slot) => slot.1 = height,
            None => self.heights.push((team.to_string(), height)),
        }
        true
    }

    pub fn has(&self, team: &str) -> bool {
        self.lanes.iter().any(|t| t == team)
    }

    /// The lane's height when it was last rendered, in pixels.
    pub fn height(&self, team: &str) -> Option<u32> {
        self.heights
            .iter()
            .find(|(t, _)| t == team)
            .map(|(_, h)| *h)
    }
}

/// What an `IntersectionObserver` calls with its entries.
type OnSeen = wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>;

/// Watches the elements under `container` that carry the attribute `attribute` (the grid's
/// lanes, or the phone list's groups), named by its value, with two observers: one adds an
/// element to `shown` as it comes into view; the other takes it out once it is more than
/// three screens away (unless it holds the focus, or `keep` asks for it: a drag is under
/// way, or the focus is about to go there). Far is measured against the container when it
/// scrolls (`scrolls`: the grid), against the window otherwise. Between the two, an element
/// just scrolled past stays built, so moving a card back and forth between neighbours does
/// not build one of them again each time. The board renders again when `shown` changes.
/// Watching stops when the returned `Observers` is dropped.
pub fn observe_lanes(
    container: &NodeRef,
    attribute: &'static str,
    scrolls: bool,
    shown: Rc<std::cell::RefCell<Shown>>,
    keep: Rc<dyn Fn(&str) -> bool>,
    redraw: UseForceUpdateHandle,
) -> Observers {
    use wasm_bindgen::JsCast;
    let Some(container) = container.cast::<web_sys::Element>() else {
        return Observers(Vec::new());
    };
    let Ok(lanes) = container.query_selector_all(&format!("[{attribute}]")) else {
        return Observers(Vec::new());
    };
    // Coming into view is seen against the window (the grid's edge clips the lanes); going
    // far away against the grid, whose scrolling moves them (the phone's list scrolls with
    // the window).
    let far_root = scrolls.then_some(&container);
    let observers = [(false, None, "100% 0px"), (true, far_root, "300% 0px")]
        .into_iter()
        .filter_map(|(far, root, margin)| {
            let (shown, keep, redraw) = (shown.clone(), keep.clone(), redraw.clone());
            let on_seen = OnSeen::new(move |entries: js_sys::Array| {
                let mut changed = false;
                for entry in entries.iter() {
                    let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                        continue;
                    };
                    let lane = entry.target();
                    let Some(team) = lane.get_attribute(attribute) else {
                        continue;
                    };
                    if !far && entry.is_intersecting() {
                        changed |= shown.borrow_mut().show(&team);
                    } else if far
                        && !entry.is_intersecting()
                        && !keep(&team)
                        // Holding the focus, also inside a shadow root (the custom
                        // element's), where the document's active element is the host.
                        && !lane.matches(":focus-within").unwrap_or(false)
                    {
                        let height = entry.bounding_client_rect().height().ceil() as u32;
                        changed |= shown.borrow_mut().hide(&team, height);
                    }
                }
                if changed {
                    redraw.force_update();
                }
            });
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root(root);
            options.set_root_margin(margin);
            let observer = web_sys::IntersectionObserver::new_with_options(
                on_seen.as_ref().unchecked_ref(),
                &options,
            )
            .ok()?;
            for index in 0..lanes.length() {
                if let Some(element) = lanes
                    .item(index)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    observer.observe(&element);
                }
            }
            Some((observer, on_seen))
        })
        .collect();
    Observers(observers)
}

/// The observers `observe_lanes` made, with the closures they call (which must live as
/// long); dropped, they stop watching.
pub struct Observers(Vec<(web_sys::IntersectionObserver, OnSeen)>);

impl Drop for Observers {
    fn drop(&mut self) {
        for (observer, _on_seen) in &self.0 {
            observer.disconnect();
        }
    }
}
