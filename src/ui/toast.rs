//! The result of what the person just did ("Exported …", "Review recorded …"), shown at the
//! foot of the window over the board, so nothing on the board moves for it. It goes by
//! itself after a few seconds, or when dismissed, replaced or made stale by the next change;
//! while the pointer or the keyboard's focus is on it, it stays.
//!
//! It is a popover: the board's container is a size container, which holds anything placed
//! against the window inside its own box; the top layer does not. Its element stays in the
//! page while empty, so screen readers hear each new text of its status region.

use gloo_timers::callback::Interval;
use web_sys::HtmlElement;
use yew::prelude::*;

/// How long a done notice shows, at least: it goes at the first of these periods' ends that
/// finds neither the pointer nor focus on it.
const SHOWN_MS: u32 = 8_000;

#[derive(Properties, PartialEq)]
pub struct ToastProps {
    /// The text to show; none hides the toast.
    pub text: Option<AttrValue>,
    pub on_dismiss: Callback<()>,
}

#[function_component]
pub fn Toast(props: &ToastProps) -> Html {
    let node = use_node_ref();
    {
        // A new text starts the time again; the timer goes with the text it was set for.
        let (node, on_dismiss) = (node.clone(), props.on_dismiss.clone());
        use_effect_with(props.text.clone(), move |text| {
            let toast = node.cast::<HtmlElement>().filter(|_| text.is_some());
            if let Some(toast) = &toast {
                let _ = toast.show_popover();
            } else if let Some(toast) = node.cast::<HtmlElement>() {
                let _ = toast.hide_popover();
            }
            let timer = toast.map(|toast| {
                Interval::new(SHOWN_MS, move || {
                    if !toast.matches(":hover, :focus-within").unwrap_or(false) {
                        on_dismiss.emit(());
                    }
                })
            });
            move || drop(timer)
        });
    }
    html! {
        <div ref={node} popover="manual" class="ab-toast" role="status">
            if let Some(text) = &props.text {
                <p>{ text }</p>
                <button type="button" class="ab-button ab-button--quiet"
                        onclick={props.on_dismiss.reform(|_| ())}>{ "Dismiss" }</button>
            }
        </div>
    }
}
