//! The board's own keys (undo, redo, help and the views' digits) and file drops, for the whole app: handlers on the
//! app's root element, so they work in every view. A dialog's keys are its own. One file
//! dropped is imported; several are merged into the board, after a preview. A file dropped
//! on an open dialog is refused: its question would take the dialog's place, and a form's
//! draft with it.

use crate::core::combine::Incoming;
use crate::ui::files::{dropped_files, read_dropped_file, read_snapshots};
use crate::ui::state::{AppState, Msg, View};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the handlers act with.
pub struct RootEvents {
    pub dispatch: UseReducerDispatcher<AppState>,
    /// A dialog is open: its keys are its own.
    pub dialog_open: bool,
    pub read_only: bool,
    /// Whether a file is being dragged over the board (it then shows where to drop it).
    pub dragging_file: UseStateHandle<bool>,
    pub on_import_text: Callback<(String, String)>,
    pub on_error: Callback<String>,
    /// Opens the merge preview of several files dropped at once; `None` without a board to
    /// merge into.
    pub on_merge: Option<Callback<Vec<Incoming>>>,
    /// Opens the help (`?`).
    pub on_help: Callback<()>,
    /// Goes to a view (`1` to `5`, in the order of the views bar); `None` before a board.
    pub on_view: Option<Callback<View>>,
}

/// The root element's handlers.
pub struct RootHandlers {
    pub onkeydown: Callback<KeyboardEvent>,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

impl RootEvents {
    pub fn handlers(self) -> RootHandlers {
        let events = std::rc::Rc::new(self);
        let with = |run: fn(&RootEvents, &DragEvent)| {
            let events = events.clone();
            Callback::from(move |event: DragEvent| run(&events, &event))
        };
        RootHandlers {
            ondragover: with(drag_over),
            ondragleave: with(|events, event| {
                if event.related_target().is_none() {
                    events.dragging_file.set(false);
                }
            }),
            ondrop: with(drop_file),
            onkeydown: {
                let events = events.clone();
                Callback::from(move |event: KeyboardEvent| key_down(&events, &event))
            },
        }
    }
}

/// On the board's own page (`own_page`), keys pressed while nothing has focus are the
/// board's, as if pressed on it: as the page opens or reloads, focus is on its body, and a
/// person's first `?`, `2` or Ctrl + Z would otherwise do nothing. Not for a board embedded
/// in another page, whose keys are the page's.
#[hook]
pub fn use_page_keys(own_page: bool, onkeydown: Callback<KeyboardEvent>) {
    let latest = use_mut_ref(|| onkeydown.clone());
    *latest.borrow_mut() = onkeydown;
    use_effect_with(own_page, move |&own_page| {
        let document = web_sys::window().and_then(|w| w.document());
        let listener = document.filter(|_| own_page).map(|document| {
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            gloo_events::EventListener::new_with_options(
                &document,
                "keydown",
                options,
                move |event| {
                    let on_nothing = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_none_or(|e| matches!(e.tag_name().as_str(), "BODY" | "HTML"));
                    if let (true, Some(key)) = (on_nothing, event.dyn_ref::<KeyboardEvent>()) {
                        latest.borrow().emit(key.clone());
                    }
                },
            )
        });
        move || drop(listener)
    });
}

fn key_down(events: &RootEvents, event: &KeyboardEvent) {
    if events.dialog_open || is_text_entry(event) {
        return;
    }
    if event.key() == "?" && !(event.ctrl_key() || event.meta_key() || event.alt_key()) {
        event.prevent_default();
        events.on_help.emit(());
        return;
    }
    let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
    // A digit goes to a view, except in a list, where it picks an option by its first letter.
    let in_list = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| element.tag_name() == "SELECT");
    if let (true, false, Some(on_view)) = (plain, in_list, &events.on_view) {
        let chosen = event
            .key()
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|at| View::ALL.get(at));
        if let Some(&view) = chosen {
            event.prevent_default();
            on_view.emit(view);
            return;
        }
    }
    if !(event.ctrl_key() || event.meta_key()) {
        return;
    }
    match event.key().as_str() {
        "z" | "Z" if event.shift_key() => events.dispatch.dispatch(Msg::Redo),
        "z" | "Z" => events.dispatch.dispatch(Msg::Undo),
        "y" | "Y" => events.dispatch.dispatch(Msg::Redo),
        _ => return,
    }
    event.prevent_default();
}

fn drag_over(events: &RootEvents, event: &DragEvent) {
    if carries_files(event) && !events.read_only {
        event.prevent_default();
        events.dragging_file.set(!events.dialog_open);
    }
}

fn drop_file(events: &RootEvents, event: &DragEvent) {
    events.dragging_file.set(false);
    if !carries_files(event) || events.read_only {
        return;
    }
    event.prevent_default();
    if events.dialog_open {
        return;
    }
    if let Some(on_merge) = &events.on_merge {
        let files = dropped_files(event);
        if files.len() > 1 {
            return read_snapshots(files, on_merge.clone());
        }
    }
    read_dropped_file(
        event.clone(),
        events.on_import_text.clone(),
        events.on_error.clone(),
    );
}

/// Whether the key went to a field that takes text, where `?` and Ctrl + Z are the field's.
/// A list, a check box or a button takes no text: the board's keys work there too.
fn is_text_entry(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| match element.tag_name().as_str() {
            "TEXTAREA" => true,
            "INPUT" => !matches!(
                element.get_attribute("type").as_deref(),
                Some(
                    "checkbox"
                        | "radio"
                        | "button"
                        | "submit"
                        | "reset"
                        | "range"
                        | "color"
                        | "file"
                )
            ),
            _ => element
                .get_attribute("contenteditable")
                .is_some_and(|v| v != "false"),
        })
}

fn carries_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}
