//! The board's last screen, kept in this browser so that the next opening shows it while
//! the WebAssembly is still on its way (on a slow mobile link, seconds). When the page is
//! hidden or closed and the board it shows is the one saved, its rendered HTML is written
//! under `alignment-board:K:screen` with the saved revision, the person's day and how it
//! was shown; the page's loader (`src/screen.js`) shows it, inert, only when all of them
//! are still so, and the board replaces it as it starts (`mount::mount_with`). Only a board
//! whose page has that loader keeps one (`AppProps::screen`: the standalone page, the
//! `<alignment-board>` element), and a board out of room drops them all first
//! (`storage::drop_screens`).

use super::state::{StoreHandle, View};
use crate::storage::{BoardKey, Store};
use serde::Serialize;
use yew::prelude::*;

/// The most bytes of text a screen may take: the example board's takes about a fifth of this.
/// A board whose screen is longer keeps none (a big board would spend the store's room and
/// the loader's time for a moment's picture).
const MOST: usize = 400_000;

/// The most elements a board's screen is made of: the example board shows about 900. A
/// board past this keeps none, without copying its page to find its length.
const MOST_ELEMENTS: u32 = 5_000;

/// What the screen's loader checks before showing it; `format` names the record.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record<'a> {
    format: &'static str,
    revision: &'a str,
    day: String,
    view: &'static str,
    theme: Option<&'a str>,
    /// Where it shows: `page` (the standalone page) or `element`.
    place: &'a str,
    html: &'a str,
}

/// How the board is shown now, and whether its screen may be kept: a board that may be
/// changed and saved (a read-only board keeps nothing), with no dialog open and no filter
/// set (the next opening starts without them).
#[derive(Clone, Default)]
pub struct Shown {
    pub view: View,
    pub theme: Option<AttrValue>,
    pub keep: bool,
    /// Where the board is, when that page shows a screen (`AppProps::screen`).
    pub place: Option<AttrValue>,
}

/// What the page does once the board is saved as it hides: with the saved revision, the
/// screen of `root` is written, and a board that may not keep one leaves the store as it is.
#[hook]
pub fn use_screen(
    root: &NodeRef,
    store: &StoreHandle,
    key: &BoardKey,
    shown: Shown,
) -> Callback<Option<String>> {
    let latest = use_mut_ref(Shown::default);
    *latest.borrow_mut() = shown;
    let root = root.clone();
    let kept = use_memo((store.clone(), key.clone()), move |(store, key)| {
        let (store, key) = (store.clone(), key.clone());
        Callback::from(move |revision: Option<String>| {
            keep(store.0.as_ref(), &key, revision, &root, &latest.borrow());
        })
    });
    (*kept).clone()
}

fn keep(
    store: &dyn Store,
    key: &BoardKey,
    revision: Option<String>,
    root: &NodeRef,
    shown: &Shown,
) {
    let Some(place) = shown.place.as_deref().filter(|_| shown.keep) else {
        return;
    };
    if store.kept_by_page() {
        return;
    }
    let (Some(revision), Some(root)) = (revision, root.cast::<web_sys::Element>()) else {
        return;
    };
    let name = key.screen();
    let small = (root.query_selector_all("*")).is_ok_and(|all| all.length() <= MOST_ELEMENTS);
    let html = small
        .then(|| screen_of(&root))
        .flatten()
        .filter(|html| html.len() <= MOST);
    let text = html.and_then(|html| {
        serde_json::to_string(&Record {
            format: "alignment-board-screen",
            revision: &revision,
            day: super::clock::local_now().today().to_string(),
            view: shown.view.key(),
            theme: shown.theme.as_deref(),
            place,
            html: &html,
        })
        .ok()
    });
    // The same screen is not written again (each write goes to every other tab of the
    // site). One that cannot be written (too long, no room) goes: the one before shows a
    // board no longer saved and would only take room.
    if let Some(text) = &text {
        if store.read(&name).ok().flatten().as_ref() == Some(text) {
            return;
        }
    }
    if text.is_none_or(|text| store.write(&name, &text).is_err()) {
        let _ = store.remove(&name);
    }
}

/// The board's HTML as it shows, without what comes and goes (a command's notice). The
/// styles the board set on elements go in `data-ab-style`: a page whose policy allows no
/// inline style would refuse them as attributes, and the loader sets them as the board did.
fn screen_of(root: &web_sys::Element) -> Option<String> {
    use wasm_bindgen::JsCast;
    let copy = root
        .clone_node_with_deep(true)
        .ok()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    let all = |selector: &str| {
        let found = copy.query_selector_all(selector).ok();
        (0..found.as_ref().map_or(0, |f| f.length()))
            .filter_map(|at| {
                found
                    .as_ref()?
                    .item(at)?
                    .dyn_into::<web_sys::Element>()
                    .ok()
            })
            .collect::<Vec<_>>()
    };
    // What the fields hold (a box ticked, a choice made) is theirs, not their markup's.
    let fields = |of: &web_sys::Element| {
        let found = of.query_selector_all("input, option").ok();
        (0..found.as_ref().map_or(0, |f| f.length()))
            .filter_map(|at| found.as_ref()?.item(at))
            .collect::<Vec<_>>()
    };
    for (field, copied) in fields(root).into_iter().zip(fields(&copy)) {
        let copied = copied.unchecked_into::<web_sys::Element>();
        let on = |name: &str, set: bool| match set {
            true => drop(copied.set_attribute(name, "")),
            false => drop(copied.remove_attribute(name)),
        };
        if let Some(input) = field.dyn_ref::<web_sys::HtmlInputElement>() {
            on("checked", input.checked());
            let _ = copied.set_attribute("value", &input.value());
        } else if let Some(option) = field.dyn_ref::<web_sys::HtmlOptionElement>() {
            on("selected", option.selected());
        }
    }
    for passing in all(".ab-toast, .ab-dropzone, dialog, .ab-notice") {
        passing.remove();
    }
    for styled in all("[style]") {
        if let Some(style) = styled.get_attribute("style") {
            let _ = styled.set_attribute("data-ab-style", &style);
            let _ = styled.remove_attribute("style");
        }
    }
    Some(copy.outer_html())
}
