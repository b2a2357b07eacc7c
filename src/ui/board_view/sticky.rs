//! Headings that stay in view: the priorities' heads stay at the top of a scrolled board,
//! and each lane's heading keeps its name just under them while a lane taller than the
//! screen scrolls by; on a phone, a priority's heading stays at the top while its
//! initiatives scroll by, and each team's name just under it. How tall a head is depends
//! on its text and the width, so the board watches it and gives it to the stylesheet as
//! `--ab-head-height`, on the element that holds what stays under it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Which element under a head's parent takes the head's height: the head's parent (a phone
/// list's priority), or the one above it (the grid's parent, as the grid's own style is
/// written by every render that changes its columns).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Holder {
    Parent,
    GrandParent,
}

/// Watches the heights of the heads `selector` finds under a container and sets each on
/// its holder. Dropped, it stops watching.
#[derive(Default)]
pub struct HeadHeight(Option<Watching>);

struct Watching {
    heads: Vec<web_sys::Element>,
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut(js_sys::Array)>,
}

impl HeadHeight {
    /// Watches the heads under `container` as they are after this render: a look when they
    /// are the ones watched already, a new watch when heads came or went.
    pub fn update(&mut self, container: &NodeRef, selector: &str, holder: Holder) {
        let heads: Vec<web_sys::Element> = container
            .cast::<web_sys::Element>()
            .and_then(|container| container.query_selector_all(selector).ok())
            .map(|found| {
                (0..found.length())
                    .filter_map(|i| found.item(i).and_then(|n| n.dyn_into().ok()))
                    .collect()
            })
            .unwrap_or_default();
        if heads.is_empty() {
            self.0 = None;
        } else if self
            .0
            .as_ref()
            .is_none_or(|watching| watching.heads != heads)
        {
            self.0 = watch(heads, holder);
        }
    }
}

fn watch(heads: Vec<web_sys::Element>, holder: Holder) -> Option<Watching> {
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        for entry in entries.iter() {
            let Ok(entry) = entry.dyn_into::<web_sys::ResizeObserverEntry>() else {
                continue;
            };
            let Ok(head) = entry.target().dyn_into::<web_sys::HtmlElement>() else {
                continue;
            };
            let parent = head.parent_element();
            let held = match holder {
                Holder::Parent => parent,
                Holder::GrandParent => parent.and_then(|p| p.parent_element()),
            };
            if let Some(held) = held.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                let height = format!("{}px", head.offset_height());
                let _ = held.style().set_property("--ab-head-height", &height);
            }
        }
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

impl Drop for Watching {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
