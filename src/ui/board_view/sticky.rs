//! Headings that stay in view: the priorities' heads stay at the top of a scrolled board,
//! and each lane's heading keeps its name just under them while a lane taller than the
//! screen scrolls by; on a phone, a priority's heading stays at the top while its
//! initiatives scroll by, and each team's name just under it. How tall a head is depends
//! on its text and the width, so the board watches it and gives it to the stylesheet as
//! `--ab-head-height`, on the element that holds what stays under it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Where a container keeps its heads, and which element takes each head's height.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Heads {
    /// The grid: its first row is the priorities' heads; the grid's parent takes their
    /// height, as the grid's own style is written by every render that changes its columns.
    FirstRow,
    /// The phone list: each section's first child is its priority's heading, and the section
    /// takes its height.
    EachSection,
}

/// Watches the heights of a container's heads and sets each on the element that holds
/// what stays under it. Dropped, it stops watching.
#[derive(Default)]
pub struct HeadHeight(Option<Watching>);

struct Watching {
    heads: Vec<web_sys::Element>,
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl HeadHeight {
    /// Watches the heads under `container` as they are after this render: a look at its
    /// first children when they are the ones watched already (no search of the board's
    /// cards), a new watch when heads came or went.
    pub fn update(&mut self, container: &NodeRef, kind: Heads) {
        let container = container.cast::<web_sys::Element>();
        let heads: Vec<web_sys::Element> = match (kind, container) {
            (_, None) => Vec::new(),
            (Heads::FirstRow, Some(grid)) => grid.first_element_child().into_iter().collect(),
            (Heads::EachSection, Some(list)) => {
                std::iter::successors(list.first_element_child(), |s| s.next_element_sibling())
                    .filter_map(|section| section.first_element_child())
                    .collect()
            }
        };
        if heads.is_empty() {
            self.0 = None;
        } else if self
            .0
            .as_ref()
            .is_none_or(|watching| watching.heads != heads)
        {
            // Set at once, not only when the observer first reports (after the next frame's
            // animation callbacks): a card brought into view in that frame, as when the
            // board opens on it from another view, already stops clear of the heads.
            give(&heads, kind);
            self.0 = watch(heads, kind);
        }
    }
}

fn watch(heads: Vec<web_sys::Element>, kind: Heads) -> Option<Watching> {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let heads: Vec<web_sys::Element> = entries
            .iter()
            .filter_map(|entry| entry.dyn_into::<web_sys::ResizeObserverEntry>().ok())
            .map(|entry| entry.target())
            .collect();
        give(&heads, kind);
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    for head in &heads {
        observer.observe(head);
    }
    Some(Watching {
        heads,
        observer,
        _on_resize: on_resize,
    })
}

/// Gives each head's height to its holder: every height read before any is written, so the
/// browser lays the page out once.
fn give(heads: &[web_sys::Element], kind: Heads) {
    let measured: Vec<(web_sys::HtmlElement, String)> = heads
        .iter()
        .filter_map(|head| {
            let height = head.dyn_ref::<web_sys::HtmlElement>()?.offset_height();
            let parent = head.parent_element();
            let held = match kind {
                Heads::EachSection => parent,
                Heads::FirstRow => parent.and_then(|p| p.parent_element()),
            };
            Some((held?.dyn_into().ok()?, format!("{height}px")))
        })
        .collect();
    for (held, height) in measured {
        let _ = held.style().set_property("--ab-head-height", &height);
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
