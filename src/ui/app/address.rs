//! On the board's own page the view is kept in the address (`?view=health`; the board
//! without one), with an entry in the browser's history for each view the person goes to:
//! Back shows the view before, as on any site, where it used to leave the board, and a
//! reload or a copied address opens the view it names. An embedded board leaves the
//! address alone: the page around it owns its history.

use crate::ui::state::View;
use gloo_events::EventListener;
use yew::prelude::*;

/// With `enabled`, puts `view` in the address when it changes, and gives `on_back` the view
/// the address names when the person goes back or forward to another entry.
#[hook]
pub(super) fn use_view_in_address(enabled: bool, view: View, on_back: Callback<View>) {
    use_effect_with((enabled, view, on_back), |(enabled, view, on_back)| {
        let window = web_sys::window().filter(|_| *enabled);
        if window.is_some() && in_address() != *view {
            go_to(*view);
        }
        let on_back = on_back.clone();
        let listener = window.map(|window| {
            EventListener::new(&window, "popstate", move |_| on_back.emit(in_address()))
        });
        move || drop(listener)
    });
}

/// The view the address names; the board when it names none (or one that is not a view).
fn in_address() -> View {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .and_then(|params| params.get("view"))
        .and_then(|key| View::from_key(&key))
        .unwrap_or_default()
}

/// A new entry in the history, its address naming `view`, the rest of it kept (`?key=`,
/// `?readonly`, `?theme=`). Where the browser refuses (a page opened from disk, in some
/// browsers), the view changes all the same.
fn go_to(view: View) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
    else {
        return;
    };
    match view {
        View::Board => params.delete("view"),
        other => params.set("view", other.key()),
    }
    let query = String::from(params.to_string());
    let address = format!(
        "{}{}{query}{}",
        location.pathname().unwrap_or_default(),
        if query.is_empty() { "" } else { "?" },
        location.hash().unwrap_or_default(),
    );
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address));
    }
}
