//! Putting a board into a page: `mount` renders one into any element, with its own
//! storage key, so the standalone page and embeds are a few lines each.

use crate::core::model::Board;
use crate::core::{picture, snapshot};
use crate::storage::{self, BoardKey, LocalStore, MemoryStore, Store};
use crate::ui::{App, AppProps, Example, Same, StoreHandle, View};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// The storage key of the standalone page's board.
pub const DEFAULT_STORAGE_KEY: &str = "alignment-board";

/// How a board is mounted.
#[derive(Clone, Debug, PartialEq)]
pub struct MountOptions {
    /// Where the board lives in localStorage; boards with different keys never touch.
    /// Letters, digits, `-` and `_`, 1 to 64 characters (`BoardKey`); a board given
    /// another is not mounted.
    pub storage_key: String,
    /// Show the board without any way to change it; nothing is saved.
    pub read_only: bool,
    /// Keep the board in memory only (nothing read from or written to localStorage).
    pub in_memory: bool,
    /// The view shown first: board, health or allocation.
    pub view: View,
    /// Where "Start from example" fetches the example board (default: beside the page).
    pub example_url: Option<String>,
    /// "light" or "dark" fixes the theme; anything else follows the person's preference.
    pub theme: Option<String>,
    /// A snapshot to show (its JSON text, or a picture from Export picture). Without a
    /// storage key the board is read-only and kept in memory only; with one, it is the
    /// board the key starts with when it holds none yet. It is read and checked first:
    /// only the board's own form of it is ever stored.
    pub snapshot: Option<String>,
    /// Where `snapshot` was fetched from (an element's `src`): such a board is shown
    /// read-only and never stored.
    pub snapshot_url: Option<String>,
    /// The frame page that opens share links; without one the board offers none.
    pub share_page: Option<String>,
    /// What a share link the board's own page was opened with carries (after `#board=`),
    /// unpacked: the snapshot's text, or why the link cannot be opened. Its board is offered
    /// as the person's, asking first.
    pub opened_link: Option<Result<String, String>>,
    /// Keep the view in the page's address (`?view=`), Back going to the view before: the
    /// board's own page does; a board embedded in another page leaves its address alone.
    pub view_in_address: bool,
    /// Where the board is when its page shows the board's last screen as it starts
    /// (`src/screen.js`): `page` or `element` (the option `screenPlace`). None keeps none.
    pub screen: Option<String>,
}

impl Default for MountOptions {
    fn default() -> Self {
        MountOptions {
            storage_key: DEFAULT_STORAGE_KEY.into(),
            read_only: false,
            in_memory: false,
            view: View::Board,
            snapshot: None,
            snapshot_url: None,
            example_url: None,
            theme: None,
            share_page: None,
            opened_link: None,
            view_in_address: false,
            screen: None,
        }
    }
}

impl MountOptions {
    /// Reads `{ storageKey, readOnly, inMemory, view, snapshot }` from a JavaScript object;
    /// missing keys keep their defaults. `snapshot` is the snapshot's JSON text.
    pub fn from_js(value: &JsValue) -> Result<MountOptions, JsValue> {
        let mut options = MountOptions::default();
        if value.is_undefined() || value.is_null() {
            return Ok(options);
        }
        let get = |name: &str| {
            js_sys::Reflect::get(value, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
        };
        let key = get("storageKey");
        if let Some(key) = key.as_string() {
            options.storage_key = key;
        } else if !key.is_undefined() {
            return Err(js_sys::Error::new("storageKey must be a string").into());
        }
        options.read_only = get("readOnly").is_truthy();
        options.in_memory = get("inMemory").is_truthy();
        // JSON text (alignment-board.js's `mount` turns an object into text first).
        options.snapshot = crate::js_text::string_of(&get("snapshot"));
        options.snapshot_url = get("snapshotUrl").as_string();
        options.example_url = get("exampleUrl").as_string();
        options.theme = get("theme").as_string();
        options.share_page = get("sharePage").as_string();
        options.screen = get("screenPlace").as_string();
        // A snapshot from an address is only shown; so is one given with no place to keep
        // it (no storage key). A host that keeps the board itself (`inMemory`) may have it
        // edited.
        let only_shown =
            options.snapshot_url.is_some() || (key.is_undefined() && !options.in_memory);
        if options.snapshot.is_some() && only_shown {
            options.read_only = true;
            options.in_memory = true;
        }
        let view = get("view");
        if !view.is_undefined() {
            let named = view.as_string();
            options.view = named.as_deref().and_then(View::from_key).ok_or_else(|| -> JsValue {
                js_sys::Error::new(&format!(
                    "the view {} is not one the board has; its views are \"board\", \"health\", \"allocation\", \"rhythm\" or \"coordination\"",
                    named.map_or("given".to_string(), |v| crate::core::snapshot::quoted(&v))
                ))
                .into()
            })?;
        }
        Ok(options)
    }
}

/// The root a board is mounted with: the app, started afresh (its state and undo dropped)
/// when `turn` changes, given new props in place otherwise.
#[derive(yew::Properties, Clone, PartialEq)]
pub struct MountedProps {
    app: AppProps,
    turn: u32,
}

#[yew::function_component]
pub fn MountedBoard(props: &MountedProps) -> yew::Html {
    let app = AppProps {
        turn: props.turn,
        ..props.app.clone()
    };
    yew::html! { <App key={props.turn} ..app /> }
}

/// A mounted board; `destroy` removes it and releases everything it holds.
#[wasm_bindgen]
pub struct BoardHandle {
    app: Option<yew::AppHandle<MountedBoard>>,
    element: web_sys::Element,
    options: MountOptions,
    props: MountedProps,
    /// The board was opened (mounted, or started afresh) read-only: what opening it to be
    /// changed does first was not done, so it is opened again once it may be changed. A
    /// board made read-only after it opened is made changeable again in place.
    opened_read_only: bool,
}

#[wasm_bindgen]
impl BoardHandle {
    /// The board as a snapshot's JSON text; undefined before a board is started. A board
    /// just given by `load` is the board, also before it shows.
    pub fn snapshot(&self) -> Option<String> {
        let turn = self.props.turn;
        let board = crate::ui::mounted::latest(&self.element, turn)
            .or_else(|| self.props.app.given.0.clone())?;
        Some(crate::core::snapshot::write_compact(
            &board,
            crate::ui::clock::now(),
        ))
    }

    /// Replaces the board with a snapshot (its JSON text), as an import does; throws the
    /// reader's message, naming where the snapshot is wrong, and changes nothing then. A
    /// board mounted in this same turn of the page's script takes it as it first shows.
    pub fn load(&self, text: &str) -> Result<(), JsValue> {
        let loaded = crate::core::snapshot::read(text)
            .map_err(|error| js_sys::Error::new(&error.to_string()))?;
        if self.app.is_none() {
            return Err(js_sys::Error::new(GONE).into());
        }
        crate::ui::mounted::load(&self.element, self.props.turn, Rc::new(loaded.board));
        Ok(())
    }

    /// Changes how the board is shown (`{ storageKey, readOnly, inMemory, view, theme,
    /// snapshot }`, all of them: the JavaScript handle merges them with the ones before).
    /// Read-only, the view and the theme change in place, keeping the board, its unsaved
    /// state and its undo; another storage key, store or snapshot starts the board afresh
    /// from it. Throws, changing nothing, when the options cannot be taken.
    #[wasm_bindgen(js_name = setOptions)]
    pub fn set_options(&mut self, options: JsValue) -> Result<(), JsValue> {
        let error = |message: String| JsValue::from(js_sys::Error::new(&message));
        let app = self.app.as_mut().ok_or_else(|| error(GONE.into()))?;
        let options = MountOptions::from_js(&options)?;
        let old = &self.options;
        let fresh = options.storage_key != old.storage_key
            || options.in_memory != old.in_memory
            || options.snapshot != old.snapshot
            || options.snapshot_url != old.snapshot_url;
        // A board opened read-only from the browser's storage skipped what opening it to be
        // changed does first (setting a damaged text aside, keeping an older version's
        // original): made changeable, it is opened again from the same store.
        let reopened = self.opened_read_only && !options.read_only && !options.in_memory;
        let kept = (!fresh).then_some(&self.props.app);
        let props = MountedProps {
            app: app_props(&options, kept).map_err(error)?,
            turn: (self.props.turn).wrapping_add(u32::from(fresh || reopened)),
        };
        app.update(props.clone());
        if fresh || reopened {
            self.opened_read_only = options.read_only;
        }
        (self.options, self.props) = (options, props);
        Ok(())
    }

    /// Unmounts the board (saving anything pending first).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            crate::ui::mounted::abandon(&self.element);
            // Yew runs a destroy before a create queued earlier, so a board mounted and
            // destroyed in one turn of the page's script (as React's strict mode does) would
            // be created after its destroy and stay. The destroy waits for the scheduler's
            // turn, queued when the board was mounted, which creates it first.
            wasm_bindgen_futures::spawn_local(async move { app.destroy() });
        }
    }
}

/// What a handle's calls say once `destroy` has removed its board.
const GONE: &str = "this board was destroyed: mount it again to show a board";

/// The app's props for `options`. With `kept`, the board stays the one it is (its store,
/// key and given board are kept's); without, the store is made and the snapshot read.
fn app_props(options: &MountOptions, kept: Option<&AppProps>) -> Result<AppProps, String> {
    let (store, storage_key, given, offered) = match kept {
        Some(app) => (
            app.store.clone(),
            app.storage_key.clone(),
            app.given.clone(),
            app.offered.clone(),
        ),
        None => {
            let key = BoardKey::new(&options.storage_key).map_err(|error| error.to_string())?;
            let store: Rc<dyn Store> = if options.in_memory {
                Rc::new(MemoryStore::new())
            } else {
                Rc::new(LocalStore)
            };
            // The page's snapshot is read only when it is the board to show: a key that
            // holds a board already shows that one.
            let given = match &options.snapshot {
                Some(text) if storage::holds_nothing(store.as_ref(), &key) => {
                    // A picture from Export picture (an element's `src` may name one) shows
                    // the snapshot it carries.
                    let inside = picture::snapshot_in(text);
                    let loaded =
                        snapshot::read(inside.as_deref().unwrap_or(text)).map_err(|error| {
                            match &options.snapshot_url {
                                Some(url) => format!(
                                    "the snapshot at {} cannot be read: {error}",
                                    shortened(url)
                                ),
                                None => {
                                    format!("the snapshot it was given cannot be read: {error}")
                                }
                            }
                        })?;
                    Some(Rc::new(loaded.board))
                }
                _ => None,
            };
            let offered = follow_page(store.as_ref(), &key, options, given.as_deref());
            (StoreHandle(store), key, Same(given), offered)
        }
    };
    Ok(AppProps {
        store,
        storage_key,
        given,
        read_only: options.read_only,
        view: options.view,
        theme: (options.theme.clone())
            .filter(|theme| theme == "light" || theme == "dark")
            .map(Into::into),
        example: (options.example_url.clone())
            .map_or_else(Example::default, |url| Example::Url(url.into())),
        share: options.share_page.clone().map(Into::into),
        opened_link: options.opened_link.clone().map(Rc::new),
        view_in_address: options.view_in_address,
        screen: options.screen.clone().map(Into::into),
        offered,
        turn: 0,
    })
}

/// A snapshot the page gives with a storage key is the board the key starts with. When the
/// page gives another one later (its author edited it), a board kept here that is still the
/// page's earlier one (saved, and in any board under the key open on the page) takes it in
/// its place; one changed here is not replaced, but the page's is offered (`Offered`), once
/// for each version of the page. `started`: the board the key starts with now, from the
/// page's snapshot, when it held nothing. A board shown read-only, or from a `src`, keeps
/// nothing and is offered nothing.
fn follow_page(
    store: &dyn Store,
    key: &BoardKey,
    options: &MountOptions,
    started: Option<&Board>,
) -> Option<crate::ui::Offered> {
    let text = options.snapshot.as_deref()?;
    if options.read_only || options.snapshot_url.is_some() {
        return None;
    }
    let print = storage::page_print(text);
    let display = storage::display(store, key);
    let kept = display.page_snapshot;
    // Answered for this version of the page. A reader who kept their own board (or one
    // kept before pages were followed) is reminded of the page's board, if it differs.
    let reminded = kept.as_ref() == Some(&print);
    // A board starting from the page's snapshot is the page's; a board kept before the
    // page's snapshot was followed is taken to be of this one.
    if started.is_some() || (!reminded && kept.is_none()) {
        storage::change_display(store, key, |display| {
            display.page_snapshot = Some(print);
            display.page_board = started.map(storage::board_print);
        });
        return None;
    }
    if reminded && display.page_board.is_some() {
        return None;
    }
    let inside = picture::snapshot_in(text);
    let loaded = match snapshot::read(inside.as_deref().unwrap_or(text)) {
        Ok(loaded) => loaded,
        // Already said when the page gave it.
        Err(_) if reminded => return None,
        Err(error) => {
            // Its reader has a board of their own to work with; the page's author, looking
            // at the console, is told why the page's new board is not offered.
            web_sys::console::warn_1(&format!("Alignment Board: the page's snapshot changed but cannot be read, so the board kept in this browser is shown: {error}").into());
            return None;
        }
    };
    // Its reader changed nothing: the page's board is what they would want to see. A
    // board under the key open on the page (the page changed its snapshot, or mounted the
    // board again) must show no change either: one made there may not be saved yet.
    let now = crate::ui::clock::now();
    let page_board = display.page_board;
    let open_unchanged = !reminded
        && page_board.is_some()
        && crate::ui::mounted::kept_under(key).is_some_and(|open| {
            open.iter().all(|board| {
                (board.as_deref()).is_some_and(|b| Some(storage::board_print(b)) == page_board)
            })
        });
    if open_unchanged && storage::kept_as_page_gave(store, key, now) {
        let mut known = storage::Parts::default();
        if storage::save(store, key, &loaded.board, now, &mut known).is_ok() {
            storage::change_display(store, key, |display| {
                display.page_snapshot = Some(print);
                display.page_board = Some(storage::board_print(&loaded.board));
            });
            return None;
        }
    }
    Some(crate::ui::Offered {
        board: Rc::new(loaded.board),
        print,
        kept: reminded,
    })
}

/// An address as a message names it, as the element's own messages do: its first 40
/// characters, and "…" when there are more.
fn shortened(url: &str) -> String {
    match url.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &url[..at]),
        None => url.to_string(),
    }
}

/// Renders a board into `element`; refuses a storage key outside the grammar and a
/// snapshot that cannot be read, with a message saying why.
pub fn mount_with(element: web_sys::Element, options: MountOptions) -> Result<BoardHandle, String> {
    crate::ui::crash::install();
    // The board's last screen, or the line saying it opens, shown by the page's loader
    // while the board started (`src/screen.js`), gives way to the board; so does the
    // loader's word that it could not start, which an error of the page's own may have
    // brought.
    if let Ok(shown) = element.query_selector_all(
        ":scope > [data-ab-screen], :scope > [data-ab-opening], :scope > .ab-screen-failed",
    ) {
        for index in 0..shown.length() {
            if let Some(Ok(shown)) =
                (shown.item(index)).map(|node| node.dyn_into::<web_sys::Element>())
            {
                shown.remove();
            }
        }
    }
    let props = MountedProps {
        app: app_props(&options, None)?,
        turn: 0,
    };
    let app = yew::Renderer::<MountedBoard>::with_root_and_props(element.clone(), props.clone());
    Ok(BoardHandle {
        app: Some(app.render()),
        element,
        opened_read_only: options.read_only,
        options,
        props,
    })
}

/// JavaScript: `mount(element, { storageKey, readOnly, view, snapshot })`.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<BoardHandle, JsValue> {
    mount_with(element, MountOptions::from_js(&options)?)
        .map_err(|message| js_sys::Error::new(&message).into())
}

/// The standalone page: mounts into `<div id="app" data-alignment-board>`, taking `?key=`,
/// `?readonly` and `?view=` from the address.
pub fn start_standalone() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let mut options = MountOptions::default();
    if let Some(search) = web_sys::window().and_then(|w| w.location().search().ok()) {
        if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
            if let Some(key) = params.get("key") {
                options.storage_key = key;
            }
            options.read_only = params.has("readonly");
            if let Some(view) = params.get("view").and_then(|v| View::from_key(&v)) {
                options.view = view;
            }
            options.theme = params.get("theme");
        }
    }
    // Only the board's own page has this element: a page that loads the script to embed
    // boards (the <alignment-board> element, `mount`) gets none it did not ask for.
    if let Ok(Some(root)) = document.query_selector("#app[data-alignment-board]") {
        // The single-file build carries the example in the page itself, as a data: URL,
        // and has no frame page beside it to open share links (`data-share-page=""`).
        options.example_url = root.get_attribute("data-example");
        // The page that shows the board's last screen as it starts says so (index.html).
        options.screen = root.has_attribute("data-screen").then(|| "page".into());
        // The page's own history, when the page is the window's: inside a frame (a wiki
        // showing the single-file build), entries would be the host page's.
        options.view_in_address = web_sys::window().is_some_and(|window| {
            window
                .top()
                .ok()
                .flatten()
                .is_some_and(|top| js_sys::Object::is(&top, &window))
        });
        options.share_page = match root.get_attribute("data-share-page") {
            Some(page) => Some(page).filter(|page| !page.is_empty()),
            None => web_sys::window()
                .and_then(|w| w.location().href().ok())
                .and_then(|here| {
                    web_sys::Url::new_with_base("alignment-board-frame.html", &here).ok()
                })
                .map(|url| url.href()),
        };
        // A share link pasted into the address bar of an open board changes only the
        // fragment: the page is opened again to offer it.
        if let Some(window) = web_sys::window() {
            gloo_events::EventListener::new(&window, "hashchange", |_| {
                if let Some(location) = web_sys::window().map(|w| w.location()) {
                    if location
                        .hash()
                        .is_ok_and(|hash| hash.starts_with("#board="))
                    {
                        let _ = location.reload();
                    }
                }
            })
            .forget();
        }
        let mount = move |options| match mount_with(root.clone(), options) {
            Ok(handle) => std::mem::forget(handle),
            Err(message) => show_refusal(&document, &root, &message),
        };
        // A share link's board is unpacked before the board is shown, so that the first
        // thing shown asks about it (or, read-only, says it cannot take it): nothing can be
        // started meanwhile.
        match opened_link() {
            Some(fragment) => wasm_bindgen_futures::spawn_local(async move {
                options.opened_link = Some(crate::ui::share::opened(&fragment).await);
                mount(options);
            }),
            None => mount(options),
        }
    }
}

/// A share link the page was opened with (`#board=` and the snapshot, from the shared
/// copy's "open it as your board"): what follows `#board=`. It is taken off the address, so
/// that a reload does not offer the same board again.
fn opened_link() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let fragment = location.hash().ok()?.strip_prefix("#board=")?.to_string();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here));
    }
    Some(fragment)
}

/// Puts why a board was not mounted where it would have been.
fn show_refusal(document: &web_sys::Document, root: &web_sys::Element, message: &str) {
    let (Ok(app), Ok(notice), Ok(text)) = (
        document.create_element("div"),
        document.create_element("div"),
        document.create_element("p"),
    ) else {
        return;
    };
    app.set_class_name("ab-app");
    notice.set_class_name("ab-notice ab-notice--error");
    let _ = notice.set_attribute("role", "alert");
    text.set_text_content(Some(&format!(
        "This board cannot be opened: {message}. Check the address of this page."
    )));
    let _ = notice.append_child(&text);
    let _ = app.append_child(&notice);
    root.replace_children_with_node_1(&app);
}
