//! A modal dialog on the native `<dialog>` element: the browser traps focus, makes the
//! rest of the page inert, and closes it on Escape. The title names the dialog for
//! assistive technology; `alert` marks dialogs that need an answer before anything else.
//! When it goes, focus goes back to where the dialog was opened from. A form whose fields
//! were changed asks before Escape, a click beside it, its × or leaving the page throw the
//! changes away.

use super::dom::{active_element, without_scrolling};
use gloo_events::{EventListener, EventListenerOptions};
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
    /// A form: when its fields hold something else than when it opened, Escape, a click
    /// on the backdrop and × ask before throwing that away. The form's own Cancel says
    /// what it does and closes at once.
    #[prop_or_default]
    pub ask_to_discard: bool,
    pub children: Html,
}

#[function_component]
pub fn Modal(props: &ModalProps) -> Html {
    let node = use_node_ref();
    // What the form's fields held when it opened.
    let opened = use_mut_ref(Vec::<String>::new);
    {
        let (node, opened) = (node.clone(), opened.clone());
        let ask_to_discard = props.ask_to_discard;
        use_effect_with((), move |_| {
            let dialog = node.cast::<web_sys::HtmlDialogElement>();
            if let Some(dialog) = &dialog {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
                if ask_to_discard {
                    *opened.borrow_mut() = field_values(dialog);
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
            // Leaving the page (closing the tab, following a link of the page around the
            // board) asks too while the form holds changes.
            let leaving = dialog
                .clone()
                .filter(|_| ask_to_discard)
                .and_then(|dialog| {
                    let options = EventListenerOptions::enable_prevent_default();
                    web_sys::window().map(|window| {
                        EventListener::new_with_options(
                            &window,
                            "beforeunload",
                            options,
                            move |event| {
                                if field_values(&dialog) != *opened.borrow() {
                                    event.prevent_default();
                                    // Browsers that predate preventDefault() here ask for a text.
                                    let _ = js_sys::Reflect::set(
                                        event,
                                        &"returnValue".into(),
                                        &"changes".into(),
                                    );
                                }
                            },
                        )
                    })
                });
            move || {
                drop(leaving);
                if let Some(dialog) = dialog {
                    give_focus_back(&dialog);
                }
            }
        });
    }
    // Asking whether to discard the changes, and where focus was when the question came.
    let asking = use_state(|| false);
    let was_focused = use_mut_ref(|| None::<web_sys::HtmlElement>);
    let keep_editing = use_node_ref();
    {
        let (keep_editing, was_focused) = (keep_editing.clone(), was_focused.clone());
        use_effect_with(*asking, move |asking| {
            if *asking {
                if let Some(button) = keep_editing.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            } else if let Some(field) = was_focused.borrow_mut().take() {
                let _ = field.focus();
            }
        });
    }
    // Escape, the backdrop and ×: close, or ask first when that would lose changes.
    let close = {
        let (on_close, asking, node, was_focused) = (
            props.on_close.clone(),
            asking.clone(),
            node.clone(),
            was_focused.clone(),
        );
        let ask_to_discard = props.ask_to_discard;
        Callback::from(move |()| {
            let dialog = node.cast::<web_sys::Element>();
            let changed = ask_to_discard
                && dialog
                    .as_ref()
                    .is_some_and(|dialog| field_values(dialog) != *opened.borrow());
            if !changed {
                on_close.emit(());
            } else if !*asking {
                *was_focused.borrow_mut() = dialog
                    .and_then(|dialog| active_element(&dialog))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                asking.set(true);
            }
        })
    };
    // Other close requests (a phone's back gesture) come as the dialog's cancel: one the
    // browser lets the page refuse asks too; one it does not closes the dialog.
    let on_cancel = {
        let (close, on_close) = (close.clone(), props.on_close.clone());
        Callback::from(move |event: Event| {
            event.prevent_default();
            if event.default_prevented() {
                close.emit(());
            } else {
                on_close.emit(());
            }
        })
    };
    // Escape is taken here, before the browser turns it into the dialog's cancel: while a
    // question is open, or changes would be lost. (Chromium lets a page refuse a dialog's
    // cancel only once between a person's inputs; a second Escape would close it anyway.)
    let on_key = {
        let (close, asking) = (close.clone(), asking.clone());
        let ask_to_discard = props.ask_to_discard;
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Escape" || event.default_prevented() || !ask_to_discard {
                return;
            }
            event.prevent_default();
            if *asking {
                asking.set(false);
            } else {
                close.emit(());
            }
        })
    };
    let on_click = {
        let close = close.clone();
        let node = node.clone();
        // A click on the backdrop lands on the dialog element itself.
        Callback::from(move |event: MouseEvent| {
            let target = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let dialog = node.cast::<web_sys::Element>();
            if target.is_some() && target == dialog {
                close.emit(());
            }
        })
    };
    let question = asking.then(|| {
        let keep = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(false))
        };
        html! {
            <div class="ab-dialog__confirm" role="group" aria-label="Discard your changes?">
                <p>{ "Your changes are not saved. Discard them?" }</p>
                <span class="ab-dialog__confirm-actions">
                    <button type="button" class="ab-button" ref={keep_editing.clone()} onclick={keep}>{ "Keep editing" }</button>
                    <button type="button" class="ab-button ab-button--danger"
                            onclick={props.on_close.reform(|_| ())}>{ "Discard changes" }</button>
                </span>
            </div>
        }
    });
    html! {
        <dialog ref={node} class={classes!("ab-dialog", props.wide.then_some("ab-dialog--wide"))}
                role={props.alert.then_some("alertdialog")} aria-label={props.title.clone()}
                oncancel={on_cancel} onkeydown={on_key} onclick={on_click}>
            <div class="ab-dialog__body">
                <div class="ab-dialog__header">
                    <h2 class="ab-dialog__title">{ &props.title }</h2>
                    <button type="button" class="ab-icon-button" aria-label="Close" onclick={close.reform(|_| ())}>{ "×" }</button>
                </div>
                { question.unwrap_or_default() }
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

/// What the fields of a form in `dialog` hold, in order: a box's text, a choice's value,
/// whether a box is ticked. Compared when the form is about to close.
fn field_values(dialog: &web_sys::Element) -> Vec<String> {
    let Ok(fields) = dialog.query_selector_all("input, select, textarea") else {
        return Vec::new();
    };
    (0..fields.length())
        .filter_map(|i| fields.item(i))
        .filter_map(|field| {
            if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
                Some(match input.type_().as_str() {
                    "checkbox" | "radio" => input.checked().to_string(),
                    _ => input.value(),
                })
            } else if let Some(select) = field.dyn_ref::<web_sys::HtmlSelectElement>() {
                Some(select.value())
            } else {
                field
                    .dyn_ref::<web_sys::HtmlTextAreaElement>()
                    .map(|area| area.value())
            }
        })
        .collect()
}
