//! Share links: the board's snapshot, compressed by the browser (`CompressionStream`, raw
//! deflate) and written in base64url after `#board=` in a link to the board's frame page,
//! which opens it as a read-only copy. What follows `#` never leaves the browser. The
//! compressing is JavaScript's (`share.js`): streams and base64 take less code there.

use crate::core::model::Board;
use crate::core::snapshot;
use crate::core::time::Timestamp;
use wasm_bindgen::prelude::*;

/// Links longer than this are cut by some hosts (chat tools, older mail clients, some
/// wikis' link fields); the share dialog says so.
pub const LONG_LINK: usize = 2000;

#[wasm_bindgen(module = "/src/ui/share.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = shareLink)]
    async fn share_link(page: &str, text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = openLink)]
    async fn open_link(fragment: &str) -> Result<JsValue, JsValue>;
}

/// What a share link cannot be opened with says, wherever it is opened.
pub const BROKEN_LINK: &str = "This share link cannot be opened: part of it is missing or was \
    changed, or it holds more than a board can. Ask for the link again, or for an exported \
    snapshot.";

/// The snapshot's text a share link carries after `#board=` (`fragment`). Only unpacked
/// here: it is read and checked as any snapshot is.
pub async fn opened(fragment: &str) -> Result<String, String> {
    open_link(fragment)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| BROKEN_LINK.into())
}

/// `opened` for the frame page, which shows a share link's copy: the text, or an error
/// that says the link cannot be opened.
#[wasm_bindgen(js_name = openShareLink)]
pub async fn open_share_link(fragment: String) -> Result<String, JsValue> {
    opened(&fragment)
        .await
        .map_err(|message| js_sys::Error::new(&message).into())
}

/// The share link of `board` as it is `at`, on the frame page at `page`; why there is none,
/// in words that end a sentence. A board that would refuse its snapshot (a text kept from
/// before the limits, longer than a snapshot holds) gets none: nobody could open it.
pub async fn link(page: &str, board: &Board, at: Timestamp) -> Result<String, String> {
    if let Some(why) = snapshot::refused_as_a_file(board) {
        return Err(format!(
            "a board would not open it: {why}. Shorten that text first."
        ));
    }
    share_link(page, &snapshot::write_compact(board, at))
        .await
        .ok()
        .and_then(|link| link.as_string())
        .ok_or_else(|| "this browser cannot compress the board. Export a snapshot instead.".into())
}
