//! What the last command did ("Exported …", "Review recorded …"), told at the foot of the
//! board's part of the window, over the board, so nothing on the board moves for it. It goes
//! by itself after a few seconds, or when dismissed, replaced or made stale by the next
//! change; while the pointer or the keyboard's focus is on it, or a dialog is open over it,
//! it stays.
//!
//! It is a popover, opened once and left open: the board's container is a size container,
//! which would hold anything placed against the window inside its own box; the top layer
//! does not. Open while empty (nothing drawn, nothing to click), its status region is there
//! before any text comes, so screen readers hear each new one. Dialogs opened after it
//! cover it.

use super::card::park_focus;
use super::state::Done;
use gloo_timers::callback::Interval;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How long a done notice shows, at least: it goes at the first end of such a period that
/// finds neither the pointer nor focus on it, and no dialog open.
const SHOWN_MS: u32 = 8_000;

#[derive(Properties, PartialEq)]
pub struct ToastProps {
    pub done: Option<Done>,
    /// Takes away the done notice of the given turn.
    pub on_expire: Callback<u32>,
}

#[function_component]
pub fn Toast(props: &ToastProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |()| {
            if let Some(toast) = node.cast::<HtmlElement>() {
                let _ = toast.show_popover();
            }
        });
    }
    {
        // Each notice starts the time again; the timer goes with the notice it was set for.
        let (node, on_expire) = (node.clone(), props.on_expire.clone());
        let turn = props.done.as_ref().map(|done| done.turn);
        use_effect_with(turn, move |&turn| {
            let timer = turn.zip(node.cast::<HtmlElement>()).map(|(turn, toast)| {
                place(&toast);
                Interval::new(SHOWN_MS, move || {
                    if !held(&toast) {
                        on_expire.emit(turn);
                    }
                })
            });
            move || drop(timer)
        });
    }
    // The button goes with the notice: focus stays in the board, where its keys work.
    let dismiss = props.done.as_ref().map(|done| {
        let (on_expire, turn) = (props.on_expire.clone(), done.turn);
        Callback::from(move |()| {
            park_focus();
            on_expire.emit(turn);
        })
    });
    let on_dismiss = dismiss
        .as_ref()
        .map(|dismiss| dismiss.reform(|_: MouseEvent| ()));
    // Escape, with focus on it, takes it away too.
    let on_key = dismiss.map(|dismiss| {
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                dismiss.emit(());
            }
        })
    });
    html! {
        // The live region holds the words alone: its Dismiss is not read out with them. While
        // it shows, the notice is a region of the page named as one, its Dismiss within it.
        <div ref={node} popover="manual" role={props.done.is_some().then_some("region")}
             aria-label={props.done.is_some().then_some("Notice")} onkeydown={on_key}
             class={classes!("ab-toast", props.done.is_some().then_some("ab-toast--on"))}>
            <div role="status" class="ab-toast__words">
                if let Some(done) = &props.done {
                    // A new paragraph for each notice: the same words told again (two requests
                    // of the same need answered in a row) are a change a screen reader tells.
                    <p key={done.turn.to_string()}>{ &done.text }</p>
                }
            </div>
            if props.done.is_some() {
                <button key="dismiss" type="button" class="ab-button ab-button--quiet" onclick={on_dismiss}>{ "Dismiss" }</button>
            }
        </div>
    }
}

/// Whether the notice should stay: the pointer or focus on it, or a dialog open in the board.
fn held(toast: &HtmlElement) -> bool {
    let dialog = toast
        .closest(".ab-app")
        .ok()
        .flatten()
        .and_then(|app| app.query_selector("dialog[open]").ok().flatten());
    dialog.is_some() || toast.matches(":hover, :focus-within").unwrap_or(false)
}

/// Centres the toast on the board's part of the window, above the board's foot when that is
/// on screen: an embedded board's notice shows by the board, not elsewhere on the host page.
/// Worked out as it shows; it stays there while the page scrolls, for its few seconds.
fn place(toast: &HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(app)) = toast.closest(".ab-app") else {
        return;
    };
    let size = |value: Result<wasm_bindgen::JsValue, _>| {
        value.ok().and_then(|v| v.as_f64()).unwrap_or_default()
    };
    let (width, height) = (size(window.inner_width()), size(window.inner_height()));
    let (mut left, mut right, mut bottom) = (0.0_f64, width, height);
    // The board's box, as far as the boxes around it that clip it show it (an embedded
    // board scrolls inside its element).
    let mut clip = Some(app.clone());
    while let Some(element) = clip {
        let clips = window
            .get_computed_style(&element)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("overflow-y").ok())
            .is_some_and(|overflow| overflow != "visible");
        if clips || element == app {
            let shown = element.get_bounding_client_rect();
            left = left.max(shown.left());
            right = right.min(shown.right());
            bottom = bottom.min(shown.bottom());
        }
        clip = element.parent_element().or_else(|| {
            let host = js_sys::Reflect::get(&element.get_root_node(), &"host".into()).ok()?;
            wasm_bindgen::JsCast::dyn_into(host).ok()
        });
    }
    let left = left + 12.0;
    let right = (width - right).max(0.0) + 12.0;
    let bottom = (height - bottom).max(0.0) + 16.0;
    let style = toast.style();
    for (name, value) in [
        ("--ab-toast-left", left),
        ("--ab-toast-right", right),
        ("--ab-toast-bottom", bottom),
        ("--ab-toast-room", (width - left - right).max(160.0)),
    ] {
        let _ = style.set_property(name, &format!("{value}px"));
    }
}
