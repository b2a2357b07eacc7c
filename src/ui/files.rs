//! Files in and out: downloading an export, copying text out, reading an imported or
//! dropped file. Sizes are checked before reading, so a huge file is refused without
//! freezing the tab.

use crate::core::combine::Incoming;
use crate::core::model::Board;
use crate::core::snapshot::{self, megabytes, ReadError, MAX_BYTES};
use crate::ui::state::{Msg, Notice};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// A `blob:` URL of `text`, for a download link.
pub fn object_url(text: &str, mime: &str) -> Result<String, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Copies `text` to the clipboard; why not, in words, when the browser will not. Browsers
/// offer the clipboard only to pages served over https (or from this computer): on a plain
/// http page there is none at all.
async fn copy_text(text: &str) -> Result<(), &'static str> {
    let navigator = web_sys::window()
        .map(|w| w.navigator())
        .ok_or("this page has no window")?;
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or("the browser allows copying only on pages served over https")?;
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow it")
}

/// Copies `text` to the clipboard, then hands `then` how it went (the dialogs say it).
pub fn copy_then(text: String, then: Box<dyn FnOnce(Result<(), &'static str>)>) {
    wasm_bindgen_futures::spawn_local(async move { then(copy_text(&text).await) });
}

/// What an export of `board` says once its file `name` is downloaded: a picture, that it
/// carries the whole board (what lets it be imported again), so that nobody puts its notes
/// on a slide unawares. A file a board would refuse (a text kept from before the limits,
/// longer than a file holds) is said to be one, with the text to shorten: a kept file that
/// cannot be opened is found out when it is needed.
pub fn exported(board: &Board, name: &str, picture: bool) -> Msg {
    if let Some(why) = snapshot::refused_as_a_file(board) {
        return Msg::Notify(Notice::warning(format!(
            "Exported {name}, but a board would not open it: {why}. Shorten that text, then export again."
        )));
    }
    Msg::Done(match picture {
        true => format!("Exported {name}. The picture carries the whole board, notes and all, so it can be imported again: share it only where the board may go."),
        false => format!("Exported {name}"),
    })
}

/// Offers `text` as a file download named `name`.
pub fn download_text(name: &str, text: &str, mime: &str) -> Result<(), String> {
    let run = || -> Result<(), JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or("no document")?;
        let url = object_url(text, mime)?;
        let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
        link.set_href(&url);
        link.set_download(name);
        link.set_hidden(true);
        let body = document.body().ok_or("no body")?;
        body.append_child(&link)?;
        link.click();
        link.remove();
        // Revoke after the browser has started the download.
        gloo_timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
        Ok(())
    };
    run().map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the browser refused the download".into())
    })
}

/// Reads `file` as text, then calls `on_text` with `(file name, text)` or `on_error`.
pub fn read_file(
    file: web_sys::File,
    on_text: Callback<(String, String)>,
    on_error: Callback<String>,
) {
    let name = file.name();
    if file.size() > MAX_BYTES as f64 {
        on_error.emit(format!(
            "{name} is {}; snapshots larger than {} are refused. Your board is unchanged.",
            megabytes(file.size() as usize),
            megabytes(MAX_BYTES)
        ));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(file.text()).await {
            Ok(text) => on_text.emit((name, crate::js_text::string_of(&text).unwrap_or_default())),
            Err(_) => on_error.emit(format!(
                "{name} could not be read. Your board is unchanged."
            )),
        }
    });
}

/// Reads the first file of a drop.
pub fn read_dropped_file(
    event: DragEvent,
    on_text: Callback<(String, String)>,
    on_error: Callback<String>,
) {
    if let Some(file) = dropped_files(&event).into_iter().next() {
        read_file(file, on_text, on_error);
    }
}

/// The files of a drop.
pub fn dropped_files(event: &DragEvent) -> Vec<web_sys::File> {
    files_of(event.data_transfer().and_then(|dt| dt.files()))
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    list.map(|list| (0..list.length()).filter_map(|at| list.get(at)).collect())
        .unwrap_or_default()
}

/// Reads `files` as snapshots (or pictures) to merge, then calls `on_read` with all of them
/// in the order given. A file too large or that the browser cannot read is kept, refused,
/// so the preview names it.
pub fn read_snapshots(files: Vec<web_sys::File>, on_read: Callback<Vec<Incoming>>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            let name = file.name();
            let bytes = file.size() as usize;
            if bytes > MAX_BYTES {
                read.push(Incoming {
                    name,
                    read: Err(ReadError::TooLarge { bytes }),
                });
                continue;
            }
            read.push(match JsFuture::from(file.text()).await {
                Ok(text) => {
                    Incoming::read(name, &crate::js_text::string_of(&text).unwrap_or_default())
                }
                Err(_) => Incoming {
                    name,
                    read: Err(ReadError::NotASnapshot {
                        reason: "the browser could not read the file".into(),
                    }),
                },
            });
        }
        on_read.emit(read);
    });
}

/// A hidden file picker for several snapshots and pictures to merge, opened by
/// `choose_file`; it hands over the files read (`read_snapshots`).
pub fn snapshots_input(input: NodeRef, on_read: Callback<Vec<Incoming>>) -> Html {
    picker(input, true, "merge-files", move |files| {
        read_snapshots(files, on_read.clone())
    })
}

/// A hidden file input for snapshots and pictures, which hands the files chosen to
/// `on_files` (never none) and is then emptied, so choosing the same file again is a change
/// again.
fn picker(
    input: NodeRef,
    multiple: bool,
    role: &'static str,
    on_files: impl Fn(Vec<web_sys::File>) + 'static,
) -> Html {
    let on_change = Callback::from(move |event: Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        if !files.is_empty() {
            on_files(files);
        }
        input.set_value("");
    });
    html! {
        <input ref={input} type="file" {multiple} accept={ACCEPT} hidden=true tabindex="-1"
               aria-hidden="true" onchange={on_change} data-role={role} />
    }
}

/// What the file pickers offer: snapshots, and pictures that carry one.
const ACCEPT: &str = ".json,application/json,.svg,image/svg+xml";

#[derive(Properties, PartialEq)]
pub struct ImportButtonProps {
    /// Receives `(file name, text)`.
    pub on_import: Callback<(String, String)>,
    pub on_error: Callback<String>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or(AttrValue::Static("Import snapshot"))]
    pub label: AttrValue,
}

/// "Import snapshot" (or another label): a button that opens the file picker.
#[function_component]
pub fn ImportButton(props: &ImportButtonProps) -> Html {
    let input = use_node_ref();
    let on_click = {
        let input = input.clone();
        Callback::from(move |_| choose_file(&input))
    };
    html! {
        <>
            <button type="button" class={props.class.clone()} onclick={on_click}>{ &props.label }</button>
            { file_input(input, props.on_import.clone(), props.on_error.clone()) }
        </>
    }
}

/// A hidden file picker for snapshots and pictures, opened by `choose_file`; it hands over
/// `(file name, text)`.
pub fn file_input(
    input: NodeRef,
    on_import: Callback<(String, String)>,
    on_error: Callback<String>,
) -> Html {
    picker(input, false, "import-file", move |mut files| {
        read_file(files.swap_remove(0), on_import.clone(), on_error.clone())
    })
}

/// Opens the file picker of a `file_input`.
pub fn choose_file(input: &NodeRef) {
    if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
        input.click();
    }
}
