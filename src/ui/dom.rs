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

/// The focused element of the page, inside the shadow roots on the way (the
/// <alignment-board> element holds the board in one), when no element of the board's is
/// at hand to ask from.
pub fn focused_element() -> Option<web_sys::Element> {
    let active_in = |root: &wasm_bindgen::JsValue| {
        js_sys::Reflect::get(root, &"activeElement".into())
            .ok()
            .and_then(|active| active.dyn_into::<web_sys::Element>().ok())
    };
    let mut active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| active_in(&d))?;
    while let Some(inner) = js_sys::Reflect::get(&active, &"shadowRoot".into())
        .ok()
        .filter(|root| root.is_object())
        .and_then(|root| active_in(&root))
    {
        active = inner;
    }
    Some(active)
}

/// Focus options that keep the page where it is.
pub fn without_scrolling() -> web_sys::FocusOptions {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    options
}
