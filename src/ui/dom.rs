//! Small questions to the page the board is in, asked the same way everywhere: which
//! element has focus (in the board's shadow root or around it), and focus that leaves the
//! page where it is. A leaf: it imports no other module of the board's UI.

use wasm_bindgen::JsCast;

/// The focused element as the board's element `inside` sees it: in a shadow root (the
/// <alignment-board> element) the document's `activeElement` is only the host, and the
/// shadow root's is null while focus is outside it, on the page around the board, where the
/// document's tells.
pub fn active_element(inside: &web_sys::Element) -> Option<web_sys::Element> {
    js_sys::Reflect::get(&inside.get_root_node(), &"activeElement".into())
        .ok()
        .and_then(|active| active.dyn_into::<web_sys::Element>().ok())
        .or_else(|| inside.owner_document().and_then(|d| d.active_element()))
}

/// Whether `event` happened on an element of `class` itself, not on a control inside it.
/// (Yew delegates events, so `currentTarget` is the board's root, not the element.)
pub fn on_itself(event: &web_sys::Event, class: &str) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| element.class_list().contains(class))
}

/// Focus options that keep the page where it is.
pub fn without_scrolling() -> web_sys::FocusOptions {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    options
}
