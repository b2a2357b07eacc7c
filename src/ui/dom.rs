//! Small questions to the page the board is in, asked the same way everywhere: which
//! element has focus (in the board's shadow root or around it), and focus that leaves the
//! page where it is, and an element brought into view clear of the grid's sticky headings,
//! and the browser's question before a page that holds unsaved work is left.
//! A leaf: it imports no other module of the board's UI.

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

/// How far a focus ring reaches beyond its element: outline and offset, and a pixel.
const RING: f64 = 4.0;

/// Scrolls `element` into view as little as needed, in every scrolling area around it (the
/// board's grid, the <alignment-board> element's box, the page), then clear of the grid's
/// sticky headings: the row of priority headings above it and the sticky first cell of its
/// own row (a card under them is inside the grid, yet hidden). The focus ring around it
/// is kept in sight too (the stylesheet's `scroll-margin` for the scrolling areas).
pub fn bring_into_view(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    options.set_inline(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let (Ok(Some(grid)), Ok(Some(row))) = (
        element.closest(".ab-grid"),
        element.closest(".ab-grid__row"),
    ) else {
        return;
    };
    let place = element.get_bounding_client_rect();
    let mut up = 0.0_f64;
    if !row.class_list().contains("ab-grid__row--head") {
        if let Ok(Some(head)) = grid.query_selector(".ab-grid__row--head") {
            up = (place.top() - RING - head.get_bounding_client_rect().bottom()).min(0.0);
        }
    }
    let mut back = 0.0_f64;
    if let Ok(Some(first)) = row.query_selector(".ab-lane-head, .ab-grid__corner") {
        if !first.contains(Some(element)) {
            back = (place.left() - RING - first.get_bounding_client_rect().right()).min(0.0);
        }
    }
    if up < 0.0 || back < 0.0 {
        grid.scroll_by_with_x_and_y(back.floor(), up.floor());
    }
}

/// While the returned listener lives, leaving the page (a reload, the tab closed, a link of
/// the page around the board) makes the browser ask first whenever `asking()` says there is
/// something to lose. Made only while there is: Firefox keeps no page with such a listener
/// in its back-forward cache.
pub fn ask_before_leaving(
    asking: impl Fn() -> bool + 'static,
) -> Option<gloo_events::EventListener> {
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    web_sys::window().map(|window| {
        gloo_events::EventListener::new_with_options(
            &window,
            "beforeunload",
            options,
            move |event| {
                if asking() {
                    event.prevent_default();
                    // Browsers that predate preventDefault() here ask for a text.
                    let _ = js_sys::Reflect::set(event, &"returnValue".into(), &"changes".into());
                }
            },
        )
    })
}

/// Ctrl (⌘ on a Mac) + Enter that nothing took before: submits the `form` given, where there
/// is one, as a form's own button would. Whether the keys were those.
pub fn ctrl_enter_submits(
    event: &web_sys::KeyboardEvent,
    form: impl FnOnce() -> Option<web_sys::HtmlFormElement>,
) -> bool {
    if event.key() != "Enter"
        || !(event.ctrl_key() || event.meta_key())
        || event.default_prevented()
    {
        return false;
    }
    if let Some(form) = form() {
        event.prevent_default();
        let _ = form.request_submit();
    }
    true
}

/// Whether the person points with a finger and has no pointer that hovers: a phone's or a
/// tablet's screen, where a field focused from code brings up (or puts away) its keyboard.
pub fn touch_screen() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(hover: none) and (pointer: coarse)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}
