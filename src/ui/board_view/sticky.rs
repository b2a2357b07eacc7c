//! The priorities' heads stay at the top of a scrolled board, and each lane's heading keeps
//! its name in view just under them while a lane taller than the screen scrolls by. How
//! tall the heads are depends on their text and the window's width, so the board watches
//! it and gives it to the stylesheet as `--ab-head-height`.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Watches the height of the grid's first row (the priorities' heads) and sets it on the
/// grid's parent, which carries no style of its own that a render would write over.
/// Dropped, it stops watching.
#[derive(Default)]
pub struct HeadHeight(Option<Watching>);

struct Watching {
    head: web_sys::Element,
    observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

impl HeadHeight {
    /// Watches the heads of `grid` as it is after this render: a look when they are the
    /// ones watched already, a new watch when the grid was made anew.
    pub fn update(&mut self, grid: &NodeRef) {
        let grid = grid.cast::<web_sys::Element>();
        let head = grid.as_ref().and_then(|grid| grid.first_element_child());
        let (Some(grid), Some(head)) = (grid, head) else {
            self.0 = None;
            return;
        };
        if self.0.as_ref().is_none_or(|watching| watching.head != head) {
            self.0 = watch(&grid, head);
        }
    }
}

fn watch(grid: &web_sys::Element, head: web_sys::Element) -> Option<Watching> {
    let board = grid
        .parent_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let measured = head.clone().dyn_into::<web_sys::HtmlElement>().ok()?;
    let on_resize = Closure::<dyn FnMut()>::new(move || {
        let height = format!("{}px", measured.offset_height());
        let _ = board.style().set_property("--ab-head-height", &height);
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&head);
    Some(Watching {
        head,
        observer,
        _on_resize: on_resize,
    })
}

impl Drop for Watching {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
