//! Whether the board is phone-narrow: it then lays out as a list and the filters fold
//! behind one control. Decided by the board's own width, as the stylesheet's phone section
//! is (a container query on `.ab-app`), so that a board embedded in a wiki's sidebar takes
//! the phone layout in a wide window, and the markup and the styles switch together.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The width, in CSS pixels, at and below which the board takes its phone layout.
/// `styles/board.css` repeats it in its `/* Phone layout (≤ 480 px) */` section.
pub const PHONE_WIDTH: f64 = 480.0;

/// Whether the board that holds `inside` (an element of it) is at most [`PHONE_WIDTH`]
/// wide, following it as it is resized. Until the board is laid out, the window's width
/// stands for it: a board that fills the window then shows its layout from the first frame.
#[hook]
pub fn use_narrow(inside: &NodeRef) -> bool {
    let narrow = use_state_eq(|| {
        web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_some_and(|w| w <= PHONE_WIDTH)
    });
    {
        let (narrow, inside) = (narrow.setter(), inside.clone());
        use_effect_with((), move |_| {
            let app = inside
                .cast::<web_sys::Element>()
                .and_then(|e| e.closest(".ab-app").ok().flatten());
            let watch = app.and_then(|app| {
                let seen = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
                        narrow.set(entry.content_rect().width() <= PHONE_WIDTH);
                    }
                });
                let observer = web_sys::ResizeObserver::new(seen.as_ref().unchecked_ref()).ok()?;
                observer.observe(&app);
                Some((observer, seen))
            });
            move || {
                if let Some((observer, _seen)) = watch {
                    observer.disconnect();
                }
            }
        });
    }
    *narrow
}
