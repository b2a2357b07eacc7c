//! The crash screen: what the panic hook shows in place of every board. Apart from the
//! other component tests, since after a crash the boards of the page stop saving.
#![cfg(target_arch = "wasm32")]

#[path = "support/example.rs"]
mod example;

use alignment_board::storage::MemoryStore;
use alignment_board::ui::{App, AppProps, Example, StoreHandle, View};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A board on the page; it is left there, as a crashed page would leave it.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = AppProps {
        store: StoreHandle(Rc::new(MemoryStore::new())),
        storage_key: alignment_board::storage::BoardKey::new("k").unwrap(),
        given: Default::default(),
        read_only: false,
        view: View::Board,
        theme: None,
        share: None,
        opened_link: None,
        view_in_address: false,
        offered: None,
        turn: 0,
        screen: None,
        example: Example::Board(Rc::new(example::example_board(
            alignment_board::ui::clock::local_now().today(),
        ))),
    };
    std::mem::forget(yew::Renderer::<App>::with_root_and_props(root.clone(), props).render());
    yew::scheduler::flush().await;
    root
}

fn button(root: &Element, name: impl Fn(&str) -> bool) -> HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .find(|b| {
            name(
                b.get_attribute("aria-label")
                    .unwrap_or_else(|| b.inner_text())
                    .trim(),
            )
        })
        .expect("the button is there")
}

async fn click(root: &Element, name: &str) {
    button(root, |label| label == name).click();
    yew::scheduler::flush().await;
}

/// The text behind a `blob:` (or any) URL, as `fetch` gives it.
async fn fetch_text(url: &str) -> String {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    let global = js_sys::global();
    let fetch: Function = Reflect::get(&global, &"fetch".into()).unwrap().into();
    let response = JsFuture::from(Promise::from(
        fetch.call1(&global, &JsValue::from_str(url)).unwrap(),
    ))
    .await
    .unwrap();
    let text: Function = Reflect::get(&response, &"text".into()).unwrap().into();
    JsFuture::from(Promise::from(text.call0(&response).unwrap()))
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_crash_shows_a_recovery_screen_that_offers_the_board_as_it_was() {
    let root = mount().await;
    click(&root, "Start from example").await;
    // A change after the start, so the download must be the board in memory, not as
    // it was first shown.
    let lower = button(&root, |label| {
        label.starts_with("Lower") && label.ends_with("to rank 2")
    });
    lower.click();
    yew::scheduler::flush().await;
    // What the panic hook does, without ending the test run with a real panic.
    alignment_board::ui::crash::report("a crash for the test");
    let text = root.dyn_ref::<HtmlElement>().unwrap().inner_text();
    assert!(text.contains("The board stopped working"), "{text}");
    let link = root
        .query_selector("[role=alert] a[download]")
        .unwrap()
        .expect("the board is offered as a download");
    assert!(link
        .get_attribute("download")
        .unwrap()
        .ends_with(".alignment.json"));
    let saved = fetch_text(&link.get_attribute("href").unwrap()).await;
    let board_as_it_was = alignment_board::core::snapshot::read(&saved).unwrap().board;
    let example = example::example_board(alignment_board::ui::clock::local_now().today());
    assert_eq!(
        board_as_it_was.ranked_priorities()[0].title,
        example.ranked_priorities()[1].title,
        "the latest change in memory is in the download"
    );
    let reload = root
        .query_selector_all("[role=alert] a[href=\"\"]")
        .unwrap();
    assert_eq!(reload.length(), 1, "reload");
}
