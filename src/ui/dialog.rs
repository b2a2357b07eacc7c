//! A modal dialog on the native `<dialog>` element: the browser traps focus, makes the
//! rest of the page inert, and closes it on Escape. The title names the dialog for
//! assistive technology; `alert` marks dialogs that need an answer before anything else.
//! When it goes, focus goes back to where the dialog was opened from. A form whose fields
//! were changed asks before Escape, a click beside it, its × or leaving the page throw the
//! changes away.

use super::dom::{
    active_element, ask_before_leaving, ctrl_enter_submits, touch_screen, without_scrolling,
};
use super::fields::use_field_id;
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
    // What the form's fields held when it opened, and whether the dialog is the form now (a
    // form's dialog also shows its delete question, the same dialog with other content).
    let opened = use_mut_ref(Vec::<String>::new);
    let guarding = use_mut_ref(|| false);
    *guarding.borrow_mut() = props.ask_to_discard;
    {
        let (node, opened, guarding) = (node.clone(), opened.clone(), guarding.clone());
        let ask_to_discard = props.ask_to_discard;
        use_effect_with((), move |_| {
            let dialog = node.cast::<web_sys::HtmlDialogElement>();
            if let Some(dialog) = &dialog {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
                *opened.borrow_mut() = field_values(dialog);
            }
            // Leaving the page (closing the tab, following a link of the page around the
            // board) asks too while the form holds changes. (Only for forms: Firefox keeps no
            // page with such a listener in its back-forward cache.)
            let leaving = dialog
                .clone()
                .filter(|_| ask_to_discard)
                .and_then(|dialog| {
                    ask_before_leaving(move || {
                        *guarding.borrow() && field_values(&dialog) != *opened.borrow()
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
    // Asking whether to discard the changes; the field the person was last in, to go back
    // to when they keep editing. The first run puts the person in the first field.
    let asking = use_state(|| false);
    let last_field = use_mut_ref(|| None::<web_sys::HtmlElement>);
    let keep_editing = use_node_ref();
    {
        let (keep_editing, last_field, node) =
            (keep_editing.clone(), last_field.clone(), node.clone());
        use_effect_with(*asking, move |asking| {
            if *asking {
                if let Some(button) = keep_editing.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            } else if let Some(dialog) = node.cast::<web_sys::Element>() {
                let field = last_field.borrow().clone();
                match field.filter(|field| dialog.contains(Some(field))) {
                    Some(field) => drop(field.focus()),
                    None => focus_first(&dialog),
                }
            }
        });
    }
    // The question goes with the form: a delete question shown in its place (the same
    // dialog) has nothing to discard.
    {
        let asking = asking.clone();
        use_effect_with(props.ask_to_discard, move |form| {
            if !*form && *asking {
                asking.set(false);
            }
        });
    }
    // Focus left nowhere by a change of the dialog's content (a delete question answered
    // Cancel, its button gone) goes to the first field.
    {
        let node = node.clone();
        use_effect(move || {
            let dialog = node.cast::<web_sys::HtmlDialogElement>();
            if let Some(dialog) = dialog.filter(|dialog| dialog.open()) {
                if active_element(&dialog).is_none_or(|active| active.tag_name() == "BODY") {
                    focus_first(&dialog);
                }
            }
        });
    }
    // An alert dialog (a question before deleting or replacing, a refusal) is read with what
    // it says, not by its title alone: what it says, all but its buttons, describes it.
    {
        let (node, alert, id) = (node.clone(), props.alert, use_field_id());
        use_effect(move || {
            let element = node.cast::<web_sys::Element>();
            // A form become its question and back again is described by nothing once more.
            if let Some(form) = element.as_ref().filter(|_| !alert) {
                let _ = form.remove_attribute("aria-describedby");
            }
            let dialog = element.filter(|_| alert);
            let said = dialog.as_ref().and_then(|dialog| {
                dialog
                    .query_selector_all(
                        ".ab-dialog__body > :not(.ab-dialog__header, .ab-dialog__actions, .ab-dialog__confirm)",
                    )
                    .ok()
            });
            if let (Some(dialog), Some(said)) = (dialog, said) {
                let ids: Vec<String> = (0..said.length())
                    .filter_map(|n| said.item(n)?.dyn_into::<web_sys::Element>().ok())
                    .enumerate()
                    .map(|(n, element)| {
                        if element.id().is_empty() {
                            element.set_id(&format!("{id}-{n}"));
                        }
                        element.id()
                    })
                    .collect();
                let _ = dialog.set_attribute("aria-describedby", &ids.join(" "));
            }
        });
    }
    let on_focus_in = {
        let last_field = last_field.clone();
        Callback::from(move |event: FocusEvent| {
            let field = event
                .target_dyn_into::<web_sys::HtmlElement>()
                .filter(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
            if field.is_some() {
                *last_field.borrow_mut() = field;
            }
        })
    };
    // Escape, the backdrop and ×: close, or ask first when that would lose changes.
    let close = {
        let (on_close, asking, node) = (props.on_close.clone(), asking.clone(), node.clone());
        let ask_to_discard = props.ask_to_discard;
        Callback::from(move |()| {
            let changed = ask_to_discard
                && node
                    .cast::<web_sys::Element>()
                    .is_some_and(|dialog| field_values(&dialog) != *opened.borrow());
            if !changed {
                on_close.emit(());
            } else if !*asking {
                asking.set(true);
            }
        })
    };
    // Other close requests (a phone's back gesture) come as the dialog's cancel event. When
    // the browser lets the page refuse it, a form asks as it does for Escape; when not, the
    // dialog closes.
    let on_cancel = {
        let (close, on_close) = (close.clone(), props.on_close.clone());
        Callback::from(move |event: Event| {
            if event.cancelable() {
                event.prevent_default();
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
            // Ctrl (⌘) + Enter saves the form the focus is in, from any field (a check-in's
            // form takes it first, to save and go on).
            let form = || {
                event
                    .target_dyn_into::<web_sys::Element>()
                    .and_then(|target| target.closest("form").ok().flatten())
                    .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok())
            };
            if ctrl_enter_submits(&event, form) {
                return;
            }
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
    let question = (*asking && props.ask_to_discard).then(|| {
        let keep = {
            let asking = asking.clone();
            Callback::from(move |_: MouseEvent| asking.set(false))
        };
        html! {
            <div class="ab-dialog__confirm" role="group" aria-label={UNSAVED}>
                <p>{ UNSAVED }</p>
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
                oncancel={on_cancel} onkeydown={on_key} onclick={on_click} onfocusin={on_focus_in}>
            <div class="ab-dialog__body">
                <div class="ab-dialog__header">
                    <h2 class="ab-dialog__title" tabindex="-1">{ &props.title }</h2>
                    <button type="button" class="ab-icon-button" aria-label="Close" onclick={close.reform(|_| ())}>{ "×" }</button>
                </div>
                { question.unwrap_or_default() }
                { props.children.clone() }
                // Written by `fields::focus_first_refused`, and by nothing that renders.
                <div class="ab-visually-hidden" aria-live="assertive" data-refusal-said="" />
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

/// What the question before changes are thrown away says, and is named.
const UNSAVED: &str = "Your changes are not saved. Discard them?";

/// Puts the person on what the dialog marks `data-focus-first`, else in its first field, or
/// on its first button. On a touch screen a field focused at once would bring up the keyboard
/// over a dialog the person may have opened only to read: its title takes focus instead. A
/// button of the last row (Add person, Done) takes focus without scrolling the dialog to its
/// end, so a tall dialog shows from its title.
fn focus_first(dialog: &web_sys::Element) {
    let find = |selector: &str| dialog.query_selector(selector).ok().flatten();
    let first = find("[data-focus-first]")
        .or_else(|| touch_screen().then(|| find(".ab-dialog__title")).flatten())
        .or_else(|| find("input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), .ab-dialog__actions button"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(first) = first {
        if first
            .closest(".ab-dialog__actions")
            .ok()
            .flatten()
            .is_some()
        {
            let _ = first.focus_with_options(&without_scrolling());
        } else {
            let _ = first.focus();
        }
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
