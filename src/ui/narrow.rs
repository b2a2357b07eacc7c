//! Whether the window is phone-narrow: the board then lays out as a list and the filters
//! fold behind one control. Read from the same media query the stylesheet's phone section
//! uses, so the markup and the styles switch at the same width.

use yew::prelude::*;

/// The width at and below which the board takes its phone layout. `styles/board.css`
/// repeats it in its `/* Phone layout (≤ 480 px) */` section.
pub const PHONE_QUERY: &str = "(max-width: 480px)";

/// Whether the window matches [`PHONE_QUERY`], following it as the window is resized or
/// turned. False where the browser has no `matchMedia` (then the wide layout shows).
#[hook]
pub fn use_narrow() -> bool {
    let query = use_memo((), |_| {
        web_sys::window().and_then(|w| w.match_media(PHONE_QUERY).ok().flatten())
    });
    let narrow = use_state(|| query.as_ref().as_ref().is_some_and(|q| q.matches()));
    {
        let narrow = narrow.setter();
        use_effect_with(query, move |query| {
            let listener = query.as_ref().as_ref().map(|list| {
                let target = list.clone();
                gloo_events::EventListener::new(list, "change", move |_| {
                    narrow.set(target.matches())
                })
            });
            move || drop(listener)
        });
    }
    *narrow
}
