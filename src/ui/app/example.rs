//! "Start from example": where the example board comes from, and fetching it.

use crate::core::model::Board;
use crate::core::redate::brought_to;
use crate::core::snapshot;
use crate::ui::clock::local_now;
use std::rc::Rc;
use yew::AttrValue;

/// Where "Start from example" finds the example board.
#[derive(Clone, Debug, PartialEq)]
pub enum Example {
    /// The example file (examples/example.alignment.json, beside the page in a build),
    /// fetched when asked for: the bundle carries no copy of the example.
    Url(AttrValue),
    /// The board itself, already made (tests make it with `example_board`).
    Board(Rc<Board>),
}

impl Default for Example {
    fn default() -> Self {
        Example::Url("example.alignment.json".into())
    }
}

/// The example board from its file, dated around today.
pub(super) async fn fetch_example(url: &str) -> Result<Board, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the browser could not fetch it".to_string())?;
    let response: web_sys::Response =
        wasm_bindgen::JsCast::dyn_into(response).map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("{url} answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "no text")?;
    let text = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .map_err(|_| "it could not be read")?;
    let loaded =
        snapshot::read(&text.as_string().unwrap_or_default()).map_err(|e| e.to_string())?;
    let today = local_now().today();
    // The example file was dated on the UTC day it was written.
    let written = loaded.exported_at.map_or(today, |at| at.utc_date());
    Ok(brought_to(loaded.board, written, today))
}
