//! A modal dialog on the native `<dialog>` element: the browser traps focus, makes the
//! rest of the page inert, and closes it on Escape. The title names the dialog for
//! assistive technology; `alert` marks dialogs that need an answer before anything else.
//! When it goes, focus goes back to where the dialog was opened from.

use super::dom::{active_element, without_scrolling};
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ModalProps {
    pub title: AttrValue,
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub alert: bool,
    #[prop_or_default]
    pub wide: bool,
    pub children: Html,
}

#[function_component]
pub fn Modal(props: &ModalProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let dialog = node.cast::<web_sys::HtmlDialogElement>();
            if let Some(dialog) = &dialog {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
                // Put the person in the first field, or on the first button.
                let first = dialog
                    .query_selector("input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), .ab-dialog__actions button")
                    .ok()
                    .flatten()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(first) = first {
                    let _ = first.focus();
                }
            }
            move || {
                if let Some(dialog) = dialog {
                    give_focus_back(&dialog);
                }
            }
        });
    }
    let on_cancel = props
        .on_close
        .reform(|event: Event| event.prevent_default());
    let on_click = {
        let on_close = props.on_close.clone();
        let node = node.clone();
        // A click on the backdrop lands on the dialog element itself.
        Callback::from(move |event: MouseEvent| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let dialog = node.cast::<web_sys::Element>();
            if target.is_some() && target == dialog {
                on_close.emit(());
            }
        })
    };
    html! {
        <dialog ref={node} class={classes!("ab-dialog", props.wide.then_some("ab-dialog--wide"))}
                role={props.alert.then_some("alertdialog")} aria-label={props.title.clone()}
                oncancel={on_cancel} onclick={on_click}>
            <div class="ab-dialog__body">
                <div class="ab-dialog__header">
                    <h2 class="ab-dialog__title">{ &props.title }</h2>
                    <button type="button" class="ab-icon-button" aria-label="Close" onclick={props.on_close.reform(|_| ())}>{ "×" }</button>
                </div>
                { props.children.clone() }
            </div>
        </dialog>
    }
}

/// Closes `dialog` before it leaves the page, so that the browser puts focus back on the
/// element it was opened from (taken out of the page while open, a dialog leaves focus
/// nowhere, and the board's keyboard shortcuts with it). When that element is gone too (a
/// board replaced, a form's button that a change took away), focus goes to the board.
fn give_focus_back(dialog: &web_sys::HtmlDialogElement) {
    let board = dialog
        .closest(".ab-app")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if dialog.open() {
        dialog.close();
    }
    // Lost: on nothing, or still in the dialog. Focus the browser gave back to the page
    // around the board (a field of a wiki page the dialog was opened from) stays there.
    let lost = active_element(dialog)
        .is_none_or(|active| active.tag_name() == "BODY" || dialog.contains(Some(&active)));
    if let (true, Some(board)) = (lost, board) {
        let _ = board.focus_with_options(&without_scrolling());
    }
}
