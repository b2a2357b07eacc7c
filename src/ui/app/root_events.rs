//! The board's own keys (undo and redo) and file drops, for the whole app. They listen
//! natively on the app's element rather than through Yew: the views module's parts are
//! another Yew app, whose events the board's delegated handlers never see.

use super::{AppState, Msg};
use crate::ui::files::read_dropped_file;
use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What the listeners act with: the latest of each render.
pub struct RootEvents {
    pub dispatch: UseReducerDispatcher<AppState>,
    /// A dialog is open: its keys are its own.
    pub dialog_open: bool,
    pub read_only: bool,
    /// Whether a file is being dragged over the board (it then shows where to drop it).
    pub dragging_file: UseStateHandle<bool>,
    pub on_import_text: Callback<(String, String)>,
    pub on_error: Callback<String>,
}

#[hook]
pub fn use_root_events(root: &NodeRef, events: RootEvents) {
    let latest = use_mut_ref(|| None::<RootEvents>);
    *latest.borrow_mut() = Some(events);
    let root = root.clone();
    use_effect_with((), move |_| {
        let listen =
            |target: &web_sys::Element, kind: &'static str, run: fn(&RootEvents, &Event)| {
                let latest = latest.clone();
                EventListener::new_with_options(
                    target,
                    kind,
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        if let Some(events) = &*latest.borrow() {
                            run(events, event);
                        }
                    },
                )
            };
        let listeners = root.cast::<web_sys::Element>().map(|target| {
            [
                listen(&target, "keydown", |e, event| {
                    key_down(e, event.unchecked_ref())
                }),
                listen(&target, "dragover", |e, event| {
                    drag_over(e, event.unchecked_ref())
                }),
                listen(&target, "dragleave", |e, event| {
                    if event
                        .unchecked_ref::<DragEvent>()
                        .related_target()
                        .is_none()
                    {
                        e.dragging_file.set(false);
                    }
                }),
                listen(&target, "drop", |e, event| {
                    drop_file(e, event.unchecked_ref())
                }),
            ]
        });
        move || drop(listeners)
    });
}

fn key_down(events: &RootEvents, event: &KeyboardEvent) {
    if events.dialog_open || !(event.ctrl_key() || event.meta_key()) || is_text_entry(event) {
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
        events.dragging_file.set(true);
    }
}

fn drop_file(events: &RootEvents, event: &DragEvent) {
    events.dragging_file.set(false);
    if !carries_files(event) || events.read_only {
        return;
    }
    event.prevent_default();
    read_dropped_file(
        event.clone(),
        events.on_import_text.clone(),
        events.on_error.clone(),
    );
}

fn is_text_entry(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}

fn carries_files(event: &DragEvent) -> bool {
    event
        .data_transfer()
        .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}
