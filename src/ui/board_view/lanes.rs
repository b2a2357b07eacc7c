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

/// Which lanes stay built though far from the screen (a drag is under way, or the focus is
/// about to go there): set again at every render, read when an observer reports.
type Keep = Rc<dyn Fn(&str) -> bool>;

/// What `Keep` goes by: whether a drag is under way, and the team whose lane the focus is
/// about to go to.
pub type Asked = (bool, Option<Id>);

/// Watches the elements under a container that carry an attribute (the grid's lanes, or the
/// phone list's groups), named by its value, with two observers: one adds an element to
/// `shown` as it comes into view; the other takes it out once it is more than three screens
/// away (unless it holds the focus, or `keep` asks for it). Far is measured against the
/// container when it scrolls (the grid), against the window otherwise. Between the two, an
/// element just scrolled past stays built, so moving a card back and forth between
/// neighbours does not build one of them again each time. The board renders again when
/// `shown` changes.
///
/// The watch lasts from render to render: after each, `update` looks whether the elements
/// are the ones it watches, so an edit that leaves the lanes as they were costs a look at
/// them, not two new observers reporting on every lane. When elements came or went (a lane
/// added, the phone list's groups changed), or what `keep` goes by changed (a drag ended,
/// the focus moved on), every element is watched afresh, so the far observer reports again
/// on the ones it kept. Dropped, it stops watching.
#[derive(Default)]
pub struct LaneWatch(Option<Watching>);

struct Watching {
    container: web_sys::Element,
    /// The observer for coming near, then the one for going far.
    observers: [(web_sys::IntersectionObserver, OnSeen); 2],
    watched: Vec<web_sys::Element>,
    keep: Rc<std::cell::RefCell<Keep>>,
    asked: Asked,
}

impl LaneWatch {
    /// Watches the elements under `container` that carry `attribute`, as they are after
    /// this render; `scrolls` when far is measured against the container.
    pub fn update(
        &mut self,
        container: &NodeRef,
        attribute: &'static str,
        scrolls: bool,
        shown: &Rc<std::cell::RefCell<Shown>>,
        (keep, asked): (Keep, Asked),
        redraw: &UseForceUpdateHandle,
    ) {
        use wasm_bindgen::JsCast;
        let Some(container) = container.cast::<web_sys::Element>() else {
            self.stop();
            return;
        };
        if self.0.as_ref().is_none_or(|w| w.container != container) {
            self.0 = start(container.clone(), attribute, scrolls, shown, redraw);
        }
        let Some(watching) = self.0.as_mut() else {
            return;
        };
        *watching.keep.borrow_mut() = keep;
        let Ok(found) = container.query_selector_all(&format!("[{attribute}]")) else {
            return;
        };
        let elements: Vec<web_sys::Element> = (0..found.length())
            .filter_map(|i| found.item(i).and_then(|n| n.dyn_into().ok()))
            .collect();
        if elements == watching.watched && watching.asked == asked {
            return;
        }
        // Watched afresh: each element is reported on at the next frame, where it is then.
        for (observer, _) in &watching.observers {
            observer.disconnect();
            for element in &elements {
                observer.observe(element);
            }
        }
        watching.watched = elements;
        watching.asked = asked;
    }

    /// Stops watching.
    pub fn stop(&mut self) {
        self.0 = None;
    }
}

/// The two observers of a new watch, watching nothing yet.
fn start(
    container: web_sys::Element,
    attribute: &'static str,
    scrolls: bool,
    shown: &Rc<std::cell::RefCell<Shown>>,
    redraw: &UseForceUpdateHandle,
) -> Option<Watching> {
    use wasm_bindgen::JsCast;
    let keep: Rc<std::cell::RefCell<Keep>> = Rc::new(std::cell::RefCell::new(Rc::new(|_| false)));
    // Coming into view is seen against the window (the grid's edge clips the lanes); going
    // far away against the grid, whose scrolling moves them (the phone's list scrolls with
    // the window).
    let far_root = scrolls.then_some(&container);
    let observer = |far: bool, root: Option<&web_sys::Element>, margin: &str| {
        let (shown, keep, redraw) = (shown.clone(), keep.clone(), redraw.clone());
        let on_seen = OnSeen::new(move |entries: js_sys::Array| {
            // One report can carry several entries for an element, computed in different
            // frames before the report ran: only the last says where it is now. Acting on an
            // earlier one took a lane in view back to its placeholder, and nothing reported
            // it again. So the entries are taken last first, each element's once.
            let entries: Vec<_> = entries.iter().collect();
            let mut seen = fnv::FnvHashSet::default();
            let mut changed = false;
            for entry in entries.into_iter().rev() {
                let Ok(entry) = entry.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                    continue;
                };
                let lane = entry.target();
                let Some(team) = lane.get_attribute(attribute) else {
                    continue;
                };
                if !seen.insert(team.clone()) {
                    continue;
                }
                if !far && entry.is_intersecting() {
                    changed |= shown.borrow_mut().show(&team);
                } else if far
                    && !entry.is_intersecting()
                    && !(keep.borrow())(&team)
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
        Some((observer, on_seen))
    };
    let near = observer(false, None, "100% 0px")?;
    let far = observer(true, far_root, "300% 0px")?;
    Some(Watching {
        container,
        observers: [near, far],
        watched: Vec::new(),
        keep,
        asked: (false, None),
    })
}

impl Drop for Watching {
    fn drop(&mut self) {
        for (observer, _on_seen) in &self.observers {
            observer.disconnect();
        }
    }
}
